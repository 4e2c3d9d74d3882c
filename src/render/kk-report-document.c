/* kk-report-document.c: the pages of a report
 *
 * A document is a list of sections, each a list of blocks that flow down
 * the body of its pages; every section starts on a new page, so a part of
 * a report that fits on one page is never split. A section whose blocks
 * need more width than a portrait page's body is set on landscape pages.
 * Pagination lays every block out at the body's width and cuts it at the
 * breaks it offers, and records which part of which block goes where; a
 * page is then drawn from that record alone, on any cairo_t. Parts name
 * themselves in the outline, the bookmarks of the PDF, by the block they
 * start with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kk-report-document.h"
#include "kk-report-style.h"
#include "kk-report-text.h"

#define MM (72.0 / 25.4)
#define MARGIN_SIDE (18 * MM)
#define MARGIN_TOP (22 * MM)
#define MARGIN_BOTTOM (20 * MM)
/* The running header sits in the top margin over a rule, the page number
 * in the bottom margin. */
#define HEADER_TOP (10 * MM)
#define HEADER_RULE (15.5 * MM)
#define FOOTER_TOP (11 * MM)
#define FOOTER_HEIGHT (5 * MM)
#define RULE_WIDTH 0.5
/* Of the space a cover leaves, the share above it. */
#define COVER_RAISE 0.4
/* The smallest paper the margins leave a body on: A6. */
#define MIN_PAPER (100 * MM)
/* Under a continued section's title on the pages after its first. */
#define CONTINUED_SPACE 6.0

typedef struct
{
  GPtrArray *blocks;
  KkReportSectionFlags flags;
  guint first_page;
  /* Drawn atop each page after the first: 【11】…（続き）. */
  KkReportBlock *continued;
} KkReportSection;

/* An entry of the outline: the page where a section's block starts, under
 * the entry @parent (KK_REPORT_OUTLINE_ROOT or an entry's id: its index + 1). */
typedef struct
{
  char *title;
  guint parent;
  guint section;
  guint block;
} KkReportOutlineEntry;

typedef struct
{
  KkReportBlock *block;
  double from;
  double to;
  double y;
} KkReportPart;

typedef struct
{
  GArray *parts;
  gboolean landscape;
  gboolean cover;
} KkReportPage;

struct _KkReportDocument
{
  GObject parent_instance;

  char *header_start;
  char *header_end;
  GArray *sections;
  GArray *outline;

  PangoContext *context;
  double paper_width;
  double paper_height;
  GArray *pages;
  double y;
};

G_DEFINE_FINAL_TYPE (KkReportDocument, kk_report_document, G_TYPE_OBJECT)

static void
kk_report_section_clear (KkReportSection *section)
{
  g_clear_pointer (&section->blocks, g_ptr_array_unref);
  g_clear_object (&section->continued);
}

static void
kk_report_outline_entry_clear (KkReportOutlineEntry *entry)
{
  g_clear_pointer (&entry->title, g_free);
}

static void
kk_report_page_clear (KkReportPage *page)
{
  g_clear_pointer (&page->parts, g_array_unref);
}

static KkReportPage *
kk_report_document_get_page (KkReportDocument *self,
                             guint             page)
{
  return &g_array_index (self->pages, KkReportPage, page);
}

static double
kk_report_document_get_width (KkReportDocument *self,
                              gboolean          landscape)
{
  return landscape ? MAX (self->paper_width, self->paper_height)
                   : MIN (self->paper_width, self->paper_height);
}

static double
kk_report_document_get_height (KkReportDocument *self,
                               gboolean          landscape)
{
  return landscape ? MIN (self->paper_width, self->paper_height)
                   : MAX (self->paper_width, self->paper_height);
}

static double
kk_report_document_get_body_width (KkReportDocument *self,
                                   gboolean          landscape)
{
  return kk_report_document_get_width (self, landscape) - 2 * MARGIN_SIDE;
}

static double
kk_report_document_get_body_height (KkReportDocument *self,
                                    gboolean          landscape)
{
  return kk_report_document_get_height (self, landscape) - MARGIN_TOP - MARGIN_BOTTOM;
}

static KkReportPage *
kk_report_document_get_last_page (KkReportDocument *self)
{
  return kk_report_document_get_page (self, self->pages->len - 1);
}

static void
kk_report_document_new_page (KkReportDocument      *self,
                             const KkReportSection *section,
                             gboolean               landscape)
{
  KkReportPage page = {
    .parts = g_array_new (FALSE, FALSE, sizeof (KkReportPart)),
    .landscape = landscape,
    .cover = (section->flags & KK_REPORT_SECTION_COVER) != 0,
  };

  g_array_append_val (self->pages, page);
  self->y = 0;
  if (section->continued != NULL && self->pages->len - 1 > section->first_page)
    {
      KkReportPart part = { section->continued, 0, kk_report_block_get_height (section->continued), 0 };

      g_array_append_val (page.parts, part);
      self->y = part.to + CONTINUED_SPACE;
    }
}

/* Landscape where a block, such as a wide table, needs more width than a
 * portrait page's body has. */
static gboolean
kk_report_document_section_wants_landscape (KkReportDocument      *self,
                                            const KkReportSection *section)
{
  double portrait = kk_report_document_get_body_width (self, FALSE);

  for (guint i = 0; i < section->blocks->len; i++)
    if (kk_report_block_get_min_width (g_ptr_array_index (section->blocks, i), self->context) >
        portrait)
      return TRUE;
  return FALSE;
}

/* Whether @index and the blocks it keeps with, up to the first part of
 * the block that ends the run, fit in @available. */
static gboolean
kk_report_document_run_fits (const KkReportSection *section,
                             guint                  index,
                             double                 available)
{
  double y = 0;

  for (guint i = index; i < section->blocks->len; i++)
    {
      KkReportBlock *block = g_ptr_array_index (section->blocks, i);
      double space = i > index ? kk_report_block_get_space_before (block) : 0;

      double end = kk_report_block_find_break (block, 0, available - y - space, FALSE);

      /* A block that breaks here anyway takes its last lines along with
       * the next one (see kk_report_document_keep_tail). */
      if (!kk_report_block_get_keep_with_next (block) || i + 1 == section->blocks->len ||
          end < kk_report_block_get_height (block))
        return end > 0;
      y += space + kk_report_block_get_height (block);
      if (y > available)
        return FALSE;
    }
  return TRUE;
}

/* The end of the next part of @block from @from on the current page: at a
 * good break, or at a forced one where not even a whole page would hold
 * the block up to a good break; @from when the page must turn first. */
static double
kk_report_document_find_part_end (KkReportDocument *self,
                                  KkReportBlock    *block,
                                  double            from,
                                  double            body_height)
{
  double available = body_height - self->y;
  double to = kk_report_block_find_break (block, from, available, FALSE);

  if (to > from || self->y > 0)
    return to;
  to = kk_report_block_find_break (block, from, available, TRUE);
  /* Blocks that cannot break are laid out no taller than a page and lines
   * are shorter than one, so this only guards the loop. */
  return to > from ? to : kk_report_block_get_height (block);
}

/* A block kept with the next one that would end the page without it, as a
 * sheet's activities before its 担当課 table, leaves its last line to go
 * with it: @to, or the break before its last line. */
static double
kk_report_document_keep_tail (KkReportDocument      *self,
                              const KkReportSection *section,
                              guint                  index,
                              double                 from,
                              double                 to,
                              double                 body_height)
{
  KkReportBlock *block = g_ptr_array_index (section->blocks, index);
  double height = kk_report_block_get_height (block);
  double rest = body_height - self->y - kk_report_block_get_part_height (block, from, to);
  KkReportBlock *next;
  double last;

  if (to < height || !kk_report_block_get_keep_with_next (block) ||
      index + 1 == section->blocks->len)
    return to;
  next = g_ptr_array_index (section->blocks, index + 1);
  if (kk_report_document_run_fits (section, index + 1,
                                   rest - kk_report_block_get_space_before (next)))
    return to;
  last = kk_report_block_find_break (block, from, kk_report_block_get_part_height (block, from, to) -
                                                  0.01, FALSE);
  return last > from ? last : to;
}

static void
kk_report_document_place_block (KkReportDocument      *self,
                                const KkReportSection *section,
                                guint                  index,
                                gboolean               landscape)
{
  KkReportBlock *block = g_ptr_array_index (section->blocks, index);
  double body_height = kk_report_document_get_body_height (self, landscape);
  double height = kk_report_block_get_height (block);
  double from = 0;

  if (self->y > 0)
    self->y += kk_report_block_get_space_before (block);
  if (self->y > 0 && kk_report_block_get_keep_with_next (block) &&
      !kk_report_document_run_fits (section, index, body_height - self->y))
    kk_report_document_new_page (self, section, landscape);
  while (from < height)
    {
      double to = kk_report_document_keep_tail (self, section, index, from,
                                                kk_report_document_find_part_end (self, block, from,
                                                                                  body_height),
                                                body_height);
      KkReportPart part = { block, from, to, self->y };

      if (to <= from)
        {
          kk_report_document_new_page (self, section, landscape);
          continue;
        }
      g_array_append_val (kk_report_document_get_last_page (self)->parts, part);
      self->y += kk_report_block_get_part_height (block, from, to);
      from = to;
      if (from < height)
        kk_report_document_new_page (self, section, landscape);
    }
}

/* A cover stands a little above the middle of its page, where the eye
 * expects a title; a cover longer than a page flows as any section. */
static void
kk_report_document_raise_cover (KkReportDocument *self,
                                double            body_height)
{
  KkReportPage *page = kk_report_document_get_last_page (self);
  double offset = (body_height - self->y) * COVER_RAISE;

  for (guint i = 0; i < page->parts->len; i++)
    g_array_index (page->parts, KkReportPart, i).y += offset;
}

static void
kk_report_document_flow_section (KkReportDocument *self,
                                 KkReportSection  *section)
{
  gboolean landscape = kk_report_document_section_wants_landscape (self, section);
  double width = kk_report_document_get_body_width (self, landscape);
  double height = kk_report_document_get_body_height (self, landscape);
  guint first_page = self->pages->len;

  section->first_page = first_page;
  for (guint i = 0; i < section->blocks->len; i++)
    kk_report_block_layout (g_ptr_array_index (section->blocks, i), self->context, width, height);
  if (section->continued != NULL)
    kk_report_block_layout (section->continued, self->context, width, height);
  kk_report_document_new_page (self, section, landscape);
  for (guint i = 0; i < section->blocks->len; i++)
    kk_report_document_place_block (self, section, i, landscape);
  if (section->flags & KK_REPORT_SECTION_COVER && self->pages->len == first_page + 1)
    kk_report_document_raise_cover (self, height);
}

static PangoLayout *
kk_report_document_new_running_text (KkReportDocument *self,
                                     const char       *text,
                                     double            width,
                                     PangoAlignment    alignment)
{
  PangoLayout *layout = kk_report_layout_new (self->context, KK_REPORT_FONT_NOTE, text, 0);

  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static void
kk_report_document_show_running_text (KkReportDocument *self,
                                      cairo_t          *cr,
                                      const char       *text,
                                      double            x,
                                      double            y,
                                      double            width,
                                      PangoAlignment    alignment)
{
  g_autoptr(PangoLayout) layout = kk_report_document_new_running_text (self, text, width,
                                                                      alignment);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The organization at the left, the document's title at the right, each
 * in half of the width, over a rule. */
static void
kk_report_document_draw_header (KkReportDocument *self,
                                cairo_t          *cr,
                                double            page_width)
{
  double half = (page_width - 2 * MARGIN_SIDE) / 2;

  kk_report_set_source_color (cr, KK_REPORT_COLOR_TEXT_DIM);
  kk_report_document_show_running_text (self, cr, self->header_start, MARGIN_SIDE, HEADER_TOP,
                                        half, PANGO_ALIGN_LEFT);
  kk_report_document_show_running_text (self, cr, self->header_end, MARGIN_SIDE + half, HEADER_TOP,
                                        half, PANGO_ALIGN_RIGHT);
  kk_report_set_source_color (cr, KK_REPORT_COLOR_RULE);
  cairo_rectangle (cr, MARGIN_SIDE, HEADER_RULE, page_width - 2 * MARGIN_SIDE, RULE_WIDTH);
  cairo_fill (cr);
}

static void
kk_report_document_draw_footer (KkReportDocument *self,
                                cairo_t          *cr,
                                guint             page,
                                double            page_width,
                                double            page_height)
{
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->pages->len);

  kk_report_set_source_color (cr, KK_REPORT_COLOR_TEXT_DIM);
  kk_report_document_show_running_text (self, cr, number, MARGIN_SIDE,
                                        page_height - FOOTER_TOP, page_width - 2 * MARGIN_SIDE,
                                        PANGO_ALIGN_CENTER);
}

/* The page where the entry's block starts: the first that holds a part of
 * it, from its section's first page on; that page for a block without
 * parts, which takes no room. */
static guint
kk_report_document_find_entry_page (KkReportDocument           *self,
                                    const KkReportOutlineEntry *entry)
{
  const KkReportSection *section = &g_array_index (self->sections, KkReportSection,
                                                   entry->section);
  KkReportBlock *block;

  if (entry->block >= section->blocks->len)
    return section->first_page;
  block = g_ptr_array_index (section->blocks, entry->block);
  for (guint page = section->first_page; page < self->pages->len; page++)
    {
      const KkReportPage *record = kk_report_document_get_page (self, page);

      for (guint i = 0; i < record->parts->len; i++)
        if (g_array_index (record->parts, KkReportPart, i).block == block)
          return page;
    }
  return section->first_page;
}

static void
kk_report_document_dispose (GObject *object)
{
  KkReportDocument *self = (KkReportDocument *)object;

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (kk_report_document_parent_class)->dispose (object);
}

static void
kk_report_document_finalize (GObject *object)
{
  KkReportDocument *self = (KkReportDocument *)object;

  g_clear_pointer (&self->header_start, g_free);
  g_clear_pointer (&self->header_end, g_free);

  G_OBJECT_CLASS (kk_report_document_parent_class)->finalize (object);
}

static void
kk_report_document_class_init (KkReportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_report_document_dispose;
  object_class->finalize = kk_report_document_finalize;
}

static void
kk_report_document_init (KkReportDocument *self)
{
  self->sections = g_array_new (FALSE, FALSE, sizeof (KkReportSection));
  g_array_set_clear_func (self->sections, (GDestroyNotify)kk_report_section_clear);
  self->outline = g_array_new (FALSE, FALSE, sizeof (KkReportOutlineEntry));
  g_array_set_clear_func (self->outline, (GDestroyNotify)kk_report_outline_entry_clear);
  self->pages = g_array_new (FALSE, FALSE, sizeof (KkReportPage));
  g_array_set_clear_func (self->pages, (GDestroyNotify)kk_report_page_clear);
  self->context = kk_report_pango_context_new ();
}

/**
 * kk_report_document_new:
 * @header_start: what the running header shows at the left: the
 *   organization
 * @header_end: what it shows at the right: the document's title
 *
 * Returns: (transfer full): a document without pages
 */
KkReportDocument *
kk_report_document_new (const char *header_start,
                        const char *header_end)
{
  KkReportDocument *self = g_object_new (KK_TYPE_REPORT_DOCUMENT, NULL);

  self->header_start = g_strdup (header_start ? header_start : "");
  self->header_end = g_strdup (header_end ? header_end : "");
  return self;
}

/**
 * kk_report_document_begin_section:
 *
 * Starts a section: what is added next starts on a new page.
 */
void
kk_report_document_begin_section (KkReportDocument     *self,
                                  KkReportSectionFlags  flags)
{
  KkReportSection section = { g_ptr_array_new_with_free_func (g_object_unref), flags };

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));

  g_array_append_val (self->sections, section);
}

/**
 * kk_report_document_set_continued:
 * @title: what heads each page of the current section after its first, as
 *   【11】中小企業活性化事業（続き）
 */
void
kk_report_document_set_continued (KkReportDocument *self,
                                  const char       *title)
{
  KkReportSection *section;

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (self->sections->len > 0);

  section = &g_array_index (self->sections, KkReportSection, self->sections->len - 1);
  g_clear_object (&section->continued);
  section->continued = kk_report_text_new (KK_REPORT_FONT_HEADING, title);
}

/**
 * kk_report_document_add_outline_entry:
 * @parent: %KK_REPORT_OUTLINE_ROOT, or the id of an entry added before,
 *   the part this entry belongs to
 * @title: what the entry says: a division's name, 【1】 and a program's name
 *
 * Adds an entry to the document's outline that leads to the page where the
 * next block added to the section starts, or to the section's first page
 * when none is. The entries keep the order they are added in.
 *
 * Returns: the entry's id, to add entries under it
 */
guint
kk_report_document_add_outline_entry (KkReportDocument *self,
                                      guint             parent,
                                      const char       *title)
{
  KkReportOutlineEntry entry;
  const KkReportSection *section;

  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), KK_REPORT_OUTLINE_ROOT);
  g_return_val_if_fail (title != NULL, KK_REPORT_OUTLINE_ROOT);
  g_return_val_if_fail (self->sections->len > 0, KK_REPORT_OUTLINE_ROOT);
  g_return_val_if_fail (parent <= self->outline->len, KK_REPORT_OUTLINE_ROOT);

  section = &g_array_index (self->sections, KkReportSection, self->sections->len - 1);
  entry = (KkReportOutlineEntry) {
    g_strdup (title), parent, self->sections->len - 1, section->blocks->len,
  };
  g_array_append_val (self->outline, entry);
  return self->outline->len;
}

/**
 * kk_report_document_take_block:
 * @block: (transfer full): the block to add at the end of the section
 */
void
kk_report_document_take_block (KkReportDocument *self,
                               KkReportBlock    *block)
{
  KkReportSection *section;

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (KK_IS_REPORT_BLOCK (block));
  g_return_if_fail (self->sections->len > 0);

  section = &g_array_index (self->sections, KkReportSection, self->sections->len - 1);
  g_ptr_array_add (section->blocks, block);
}

/**
 * kk_report_document_paginate:
 * @paper_width: the paper's width in points, as it is held for portrait
 * @paper_height: its height
 *
 * Lays the document out on paper of that size, replacing the pages of an
 * earlier pagination.
 *
 * Returns: the number of pages
 */
guint
kk_report_document_paginate (KkReportDocument *self,
                             double            paper_width,
                             double            paper_height)
{
  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), 0);
  g_return_val_if_fail (MIN (paper_width, paper_height) >= MIN_PAPER, 0);

  self->paper_width = paper_width;
  self->paper_height = paper_height;
  g_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->sections->len; i++)
    kk_report_document_flow_section (self, &g_array_index (self->sections, KkReportSection, i));
  return self->pages->len;
}

guint
kk_report_document_get_n_pages (KkReportDocument *self)
{
  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), 0);
  return self->pages->len;
}

gboolean
kk_report_document_get_page_landscape (KkReportDocument *self,
                                       guint             page)
{
  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  return kk_report_document_get_page (self, page)->landscape;
}

/**
 * kk_report_document_get_page_size:
 * @width: (out): the width of the page as it is drawn, in points: the
 *   paper's height for a landscape page
 * @height: (out): its height
 */
void
kk_report_document_get_page_size (KkReportDocument *self,
                                  guint             page,
                                  double           *width,
                                  double           *height)
{
  gboolean landscape = kk_report_document_get_page_landscape (self, page);

  *width = kk_report_document_get_width (self, landscape);
  *height = kk_report_document_get_height (self, landscape);
}

/**
 * kk_report_document_draw_page:
 * @cr: where to draw, the page's top left corner at 0, 0 and one unit a
 *   point, turned for a landscape page
 *
 * Draws page @page (from 0) of the last pagination; paints no background.
 */
void
kk_report_document_draw_page (KkReportDocument *self,
                              cairo_t          *cr,
                              guint             page)
{
  const KkReportPage *record;
  double width;
  double height;

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  record = kk_report_document_get_page (self, page);
  kk_report_document_get_page_size (self, page, &width, &height);
  cairo_save (cr);
  if (!record->cover)
    {
      kk_report_document_draw_header (self, cr, width);
      kk_report_document_draw_footer (self, cr, page, width, height);
    }
  for (guint i = 0; i < record->parts->len; i++)
    {
      const KkReportPart *part = &g_array_index (record->parts, KkReportPart, i);

      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP + part->y);
      kk_report_block_draw (part->block, cr, part->from, part->to);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/**
 * kk_report_document_get_frame:
 * @header: (out): where the running header goes
 * @body: (out): where the blocks go
 * @footer: (out): where the page number goes
 *
 * The regions of a page, in points from its top left corner.
 */
void
kk_report_document_get_frame (KkReportDocument  *self,
                              guint              page,
                              cairo_rectangle_t *header,
                              cairo_rectangle_t *body,
                              cairo_rectangle_t *footer)
{
  double width;
  double height;

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);

  kk_report_document_get_page_size (self, page, &width, &height);
  *header = (cairo_rectangle_t) { MARGIN_SIDE, HEADER_TOP, width - 2 * MARGIN_SIDE,
                                  HEADER_RULE + RULE_WIDTH - HEADER_TOP };
  *body = (cairo_rectangle_t) { MARGIN_SIDE, MARGIN_TOP, width - 2 * MARGIN_SIDE,
                                height - MARGIN_TOP - MARGIN_BOTTOM };
  *footer = (cairo_rectangle_t) { MARGIN_SIDE, height - FOOTER_TOP, width - 2 * MARGIN_SIDE,
                                  FOOTER_HEIGHT };
}

/**
 * kk_report_document_dup_part_rects:
 *
 * Returns: (transfer full) (element-type cairo_rectangle_t): where each
 *   part of a block goes on the page, in the order they are drawn
 */
GArray *
kk_report_document_dup_part_rects (KkReportDocument *self,
                                   guint             page)
{
  const KkReportPage *record;
  GArray *rects;
  double width;
  double height;

  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  record = kk_report_document_get_page (self, page);
  kk_report_document_get_page_size (self, page, &width, &height);
  rects = g_array_sized_new (FALSE, FALSE, sizeof (cairo_rectangle_t), record->parts->len);
  for (guint i = 0; i < record->parts->len; i++)
    {
      const KkReportPart *part = &g_array_index (record->parts, KkReportPart, i);
      cairo_rectangle_t rect = {
        MARGIN_SIDE, MARGIN_TOP + part->y, width - 2 * MARGIN_SIDE,
        kk_report_block_get_part_height (part->block, part->from, part->to),
      };

      g_array_append_val (rects, rect);
    }
  return rects;
}

/**
 * kk_report_document_get_n_outline_entries:
 *
 * Returns: how many entries the outline has
 */
guint
kk_report_document_get_n_outline_entries (KkReportDocument *self)
{
  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), 0);
  return self->outline->len;
}

/**
 * kk_report_document_get_outline_entry:
 * @index: from 0, in the order the entries were added
 * @page: (out) (optional): the page it leads to in the last pagination,
 *   from 0
 * @parent: (out) (optional): the id of the entry it is under, or
 *   %KK_REPORT_OUTLINE_ROOT
 *
 * Returns: (transfer none): what the entry says
 */
const char *
kk_report_document_get_outline_entry (KkReportDocument *self,
                                      guint             index,
                                      guint            *page,
                                      guint            *parent)
{
  const KkReportOutlineEntry *entry;

  g_return_val_if_fail (KK_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->outline->len, NULL);

  entry = &g_array_index (self->outline, KkReportOutlineEntry, index);
  if (page != NULL)
    *page = kk_report_document_find_entry_page (self, entry);
  if (parent != NULL)
    *parent = entry->parent;
  return entry->title;
}

/**
 * kk_report_document_add_pdf_outline:
 * @surface: a PDF surface the pages of the last pagination are drawn on,
 *   not yet finished
 *
 * Gives the PDF the document's outline, its bookmarks.
 */
void
kk_report_document_add_pdf_outline (KkReportDocument *self,
                                    cairo_surface_t  *surface)
{
  g_autofree int *pdf_ids = NULL;

  g_return_if_fail (KK_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (surface != NULL);

  /* cairo numbers the entries its own way; a parent comes before its
   * children, so its number is known when they are added. */
  pdf_ids = g_new (int, self->outline->len + 1);
  pdf_ids[KK_REPORT_OUTLINE_ROOT] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->outline->len; i++)
    {
      guint page;
      guint parent;
      const char *title = kk_report_document_get_outline_entry (self, i, &page, &parent);
      g_autofree char *link = g_strdup_printf ("page=%u", page + 1);

      pdf_ids[i + 1] = cairo_pdf_surface_add_outline (surface, pdf_ids[parent], title, link, 0);
    }
}
