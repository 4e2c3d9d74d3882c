/* kk-report-table.c: a table of a report, continued over pages
 *
 * Columns are as wide as their widest cell, and the columns that expand
 * share the rest of the page; when that is too little, every column gives
 * in proportion and its cells wrap. A page may end between two rows; the
 * header row is drawn again at the top of every page the table continues
 * on. A row taller than a page, which only very long cells make, is broken
 * between lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "kk-report-style.h"
#include "kk-report-table.h"

#define PAD_X 4.0
#define PAD_Y 2.5
/* An expanding column keeps room for six characters of table text a line. */
#define EXPAND_MIN (6 * 8.5 + 2 * PAD_X)
/* The widest a note makes its column: twelve characters of table text. */
#define NOTE_MAX (12 * 8.5)
#define GRID_WIDTH 0.5
#define EPSILON 0.01

/* @natural: the width of the text, the note aside, which sizes a column;
 * @full: the width of its longest line, note included, which decides
 * whether the cell wraps in its column */
typedef struct
{
  char *text;
  char *note;
  PangoLayout *layout;
  double natural;
  double full;
} KkReportCell;

typedef struct
{
  KkReportCell *cells;
  KkReportRowFlags flags;
  double top;
  double height;
} KkReportRow;

typedef struct
{
  char *title;
  KkReportColumnFlags flags;
  double natural;
  double x;
  double width;
} KkReportColumn;

struct _KkReportTable
{
  KkReportBlock parent_instance;

  gboolean ruled;
  GArray *columns;
  GArray *rows;
  KkReportRow header;
  gboolean has_header;

  PangoContext *measured;
  double width;
};

G_DEFINE_FINAL_TYPE (KkReportTable, kk_report_table, KK_TYPE_REPORT_BLOCK)

static void
kk_report_column_clear (KkReportColumn *column)
{
  g_clear_pointer (&column->title, g_free);
}

static void
kk_report_cell_clear (KkReportCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
  g_clear_pointer (&cell->note, g_free);
  g_clear_object (&cell->layout);
}

static guint
kk_report_table_get_n_columns (KkReportTable *self)
{
  return self->columns->len;
}

static KkReportColumn *
kk_report_table_get_column (KkReportTable *self,
                            guint          column)
{
  return &g_array_index (self->columns, KkReportColumn, column);
}

static KkReportRow *
kk_report_table_get_row (KkReportTable *self,
                         guint          row)
{
  return &g_array_index (self->rows, KkReportRow, row);
}

/* A spanning row has one cell, the first. */
static guint
kk_report_row_get_n_cells (KkReportTable     *self,
                           const KkReportRow *row)
{
  return row->flags & KK_REPORT_ROW_SPAN ? 1 : kk_report_table_get_n_columns (self);
}

static void
kk_report_row_clear (KkReportTable *self,
                     KkReportRow   *row)
{
  if (row->cells == NULL)
    return;
  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    kk_report_cell_clear (&row->cells[i]);
  g_clear_pointer (&row->cells, g_free);
}

/* Reads @n_texts texts; the cells after them are empty. */
static KkReportCell *
kk_report_cells_new (KkReportTable      *self,
                     const char * const *texts,
                     guint               n_texts)
{
  KkReportCell *cells = g_new0 (KkReportCell, kk_report_table_get_n_columns (self));

  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    cells[i].text = g_strdup (i < n_texts && texts[i] ? texts[i] : "");
  return cells;
}

static gboolean
kk_report_row_is_bold (const KkReportRow *row)
{
  return (row->flags & (KK_REPORT_ROW_TOTAL | KK_REPORT_ROW_HEADER | KK_REPORT_ROW_SPAN)) != 0;
}

static PangoAlignment
kk_report_table_get_alignment (KkReportTable     *self,
                               const KkReportRow *row,
                               guint              column)
{
  KkReportColumnFlags flags = kk_report_table_get_column (self, column)->flags;

  /* A figure's header stands right over its figures, as they align. */
  if (row->flags & KK_REPORT_ROW_SPAN)
    return PANGO_ALIGN_LEFT;
  if (flags & KK_REPORT_COLUMN_NUMBER)
    return PANGO_ALIGN_RIGHT;
  if (row->flags & KK_REPORT_ROW_HEADER || flags & KK_REPORT_COLUMN_CENTER)
    return PANGO_ALIGN_CENTER;
  return PANGO_ALIGN_LEFT;
}

static PangoLayout *
kk_report_cell_layout_new (const KkReportCell *cell,
                           PangoContext       *context,
                           KkReportFont        font,
                           PangoAlignment      alignment)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;

  if (cell->note == NULL)
    layout = kk_report_layout_new (context, font, cell->text, 0);
  else
    {
      PangoAttrList *attributes;

      text = *cell->text ? g_strconcat (cell->text, "\n", cell->note, NULL) : g_strdup (cell->note);
      layout = kk_report_layout_new (context, font, text, 0);
      attributes = kk_report_note_attributes_new (strlen (text) - strlen (cell->note));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* A note widens its column as far as a date (令和5年12月31日現在) needs, so
 * that it stays on one line under its figure; a longer note wraps there
 * rather than take the width of the other columns. */
static double
kk_report_cell_get_text_width (const KkReportCell *cell,
                               double              note_max)
{
  PangoLayoutIter *iter;
  int note_start;
  int text_width = 0;
  int note_width = 0;

  if (cell->note == NULL)
    return cell->full;
  note_start = strlen (pango_layout_get_text (cell->layout)) - strlen (cell->note);
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (pango_layout_iter_get_line_readonly (iter)->start_index >= note_start)
        note_width = MAX (note_width, logical.width);
      else
        text_width = MAX (text_width, logical.width);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return MAX ((double)text_width / PANGO_SCALE, MIN ((double)note_width / PANGO_SCALE, note_max));
}

/* Sets every cell in its font at its natural width. */
static void
kk_report_table_measure_row (KkReportTable *self,
                             KkReportRow   *row,
                             PangoContext  *context)
{
  KkReportFont font = kk_report_row_is_bold (row) ? KK_REPORT_FONT_TABLE_BOLD : KK_REPORT_FONT_TABLE;
  gboolean span = (row->flags & KK_REPORT_ROW_SPAN) != 0;

  for (guint i = 0; i < kk_report_row_get_n_cells (self, row); i++)
    {
      KkReportCell *cell = &row->cells[i];
      KkReportColumn *column = kk_report_table_get_column (self, i);

      g_clear_object (&cell->layout);
      cell->layout = kk_report_cell_layout_new (cell, context, font,
                                                kk_report_table_get_alignment (self, row, i));
      cell->full = kk_report_layout_get_width (cell->layout);
      /* A column that fits its content fits its notes too. */
      cell->natural = kk_report_cell_get_text_width (cell, column->flags & KK_REPORT_COLUMN_FIT
                                                           ? G_MAXDOUBLE : NOTE_MAX);
      if (!span)
        column->natural = MAX (column->natural, cell->natural + 2 * PAD_X);
    }
}

/* A table whose first column fits its content is as wide as its widest
 * spanning row too, so that a group's heading keeps its line. */
static void
kk_report_table_fit_spans (KkReportTable *self)
{
  KkReportColumn *first = kk_report_table_get_column (self, 0);
  double others = 0;
  double span = 0;

  if (!(first->flags & KK_REPORT_COLUMN_FIT))
    return;
  for (guint i = 1; i < kk_report_table_get_n_columns (self); i++)
    others += kk_report_table_get_column (self, i)->natural;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const KkReportRow *row = kk_report_table_get_row (self, i);

      if (row->flags & KK_REPORT_ROW_SPAN)
        span = MAX (span, row->cells[0].natural + 2 * PAD_X);
    }
  first->natural = MAX (first->natural, span - others);
}

static void
kk_report_table_measure (KkReportTable *self,
                         PangoContext  *context)
{
  if (self->measured == context)
    return;
  g_set_object (&self->measured, context);
  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    kk_report_table_get_column (self, i)->natural = 0;
  if (self->has_header)
    kk_report_table_measure_row (self, &self->header, context);
  for (guint i = 0; i < self->rows->len; i++)
    kk_report_table_measure_row (self, kk_report_table_get_row (self, i), context);
  kk_report_table_fit_spans (self);
}

/* Columns that expand or fit share what the others leave. */
static gboolean
kk_report_column_shares (const KkReportColumn *column)
{
  return (column->flags & (KK_REPORT_COLUMN_EXPAND | KK_REPORT_COLUMN_FIT)) != 0;
}

static double
kk_report_column_get_min_width (const KkReportColumn *column)
{
  if (kk_report_column_shares (column))
    return MIN (column->natural, EXPAND_MIN);
  return column->natural;
}

static double
kk_report_table_get_min_width (KkReportBlock *block,
                               PangoContext  *context)
{
  KkReportTable *self = KK_REPORT_TABLE (block);
  double width = 0;

  kk_report_table_measure (self, context);
  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    width += kk_report_column_get_min_width (kk_report_table_get_column (self, i));
  return width;
}

/* Natural widths for the columns that do not expand, the rest shared by
 * those that do in proportion to their natural widths; when the rest is
 * too little, the columns that do not expand shrink alike. */
static void
kk_report_table_size_columns (KkReportTable *self,
                              double         width)
{
  double fixed = 0;
  double expand_natural = 0;
  double expand_min = 0;
  double fixed_scale = 1;
  double x = 0;

  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    {
      const KkReportColumn *column = kk_report_table_get_column (self, i);

      if (kk_report_column_shares (column))
        {
          expand_natural += MAX (column->natural, EPSILON);
          expand_min += kk_report_column_get_min_width (column);
        }
      else
        fixed += column->natural;
    }
  if (fixed + expand_min > width)
    fixed_scale = MAX (width - expand_min, 0) / fixed;
  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    {
      KkReportColumn *column = kk_report_table_get_column (self, i);

      if (kk_report_column_shares (column))
        column->width = fixed_scale < 1
                        ? kk_report_column_get_min_width (column)
                        : (width - fixed) * MAX (column->natural, EPSILON) / expand_natural;
      else
        column->width = column->natural * fixed_scale;
      if (column->flags & KK_REPORT_COLUMN_FIT)
        column->width = MIN (column->width, column->natural);
      column->x = x;
      x += column->width;
    }
  self->width = x;
}

/* Wraps the cells that are wider than their column, or fill it. */
static void
kk_report_table_fit_row (KkReportTable *self,
                         KkReportRow   *row)
{
  gboolean span = (row->flags & KK_REPORT_ROW_SPAN) != 0;

  row->height = 0;
  for (guint i = 0; i < kk_report_row_get_n_cells (self, row); i++)
    {
      KkReportCell *cell = &row->cells[i];
      const KkReportColumn *column = kk_report_table_get_column (self, i);
      double inner = (span ? self->width : column->width) - 2 * PAD_X;
      gboolean wrap = cell->full > inner + EPSILON ||
                      (!span && column->flags & KK_REPORT_COLUMN_EXPAND);

      if (wrap)
        {
          pango_layout_set_width (cell->layout, (int)(MAX (inner, 1) * PANGO_SCALE));
          pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
        }
      else
        pango_layout_set_width (cell->layout, -1);
      row->height = MAX (row->height, kk_report_layout_get_height (cell->layout));
    }
  row->height += 2 * PAD_Y;
}

static double
kk_report_cell_get_top (const KkReportRow  *row,
                        const KkReportCell *cell)
{
  return row->top + (row->height - kk_report_layout_get_height (cell->layout)) / 2;
}

/* A page may end inside @row between two lines of its tallest cell, where
 * it cuts through no line of any other cell. */
static gboolean
kk_report_row_cut_is_clean (KkReportTable     *self,
                            const KkReportRow *row,
                            double             y)
{
  for (guint i = 0; i < kk_report_row_get_n_cells (self, row); i++)
    {
      const KkReportCell *cell = &row->cells[i];
      double top = kk_report_cell_get_top (row, cell);
      g_autoptr(GArray) ends = NULL;
      gboolean clean;

      if (y <= top + EPSILON || y >= top + kk_report_layout_get_height (cell->layout) - EPSILON)
        continue;
      ends = kk_report_layout_get_line_ends (cell->layout);
      clean = FALSE;
      for (guint j = 0; j < ends->len && !clean; j++)
        clean = ABS (top + g_array_index (ends, double, j) - y) < EPSILON;
      if (!clean)
        return FALSE;
    }
  return TRUE;
}

static const KkReportCell *
kk_report_row_get_tallest_cell (KkReportTable     *self,
                                const KkReportRow *row)
{
  const KkReportCell *tallest = &row->cells[0];

  for (guint i = 1; i < kk_report_row_get_n_cells (self, row); i++)
    if (kk_report_layout_get_height (row->cells[i].layout) >
        kk_report_layout_get_height (tallest->layout))
      tallest = &row->cells[i];
  return tallest;
}

static void
kk_report_table_add_forced_breaks (KkReportTable     *self,
                                   const KkReportRow *row)
{
  const KkReportCell *tallest = kk_report_row_get_tallest_cell (self, row);
  g_autoptr(GArray) ends = kk_report_layout_get_line_ends (tallest->layout);
  double top = kk_report_cell_get_top (row, tallest);

  for (guint i = 0; i + 1 < ends->len; i++)
    {
      double y = top + g_array_index (ends, double, i);

      if (kk_report_row_cut_is_clean (self, row, y))
        kk_report_block_add_break (KK_REPORT_BLOCK (self), y, TRUE);
    }
}

static void
kk_report_table_layout (KkReportBlock *block,
                        PangoContext  *context,
                        double         width,
                        double         max_height)
{
  KkReportTable *self = KK_REPORT_TABLE (block);
  double header_height = 0;
  double y;

  kk_report_table_measure (self, context);
  kk_report_table_size_columns (self, width);
  if (self->has_header)
    {
      kk_report_table_fit_row (self, &self->header);
      header_height = self->header.height;
    }
  y = header_height;
  for (guint i = 0; i < self->rows->len; i++)
    {
      KkReportRow *row = kk_report_table_get_row (self, i);

      row->top = y;
      kk_report_table_fit_row (self, row);
      y += row->height;
      if (row->height > max_height - header_height)
        kk_report_table_add_forced_breaks (self, row);
      if (i + 1 < self->rows->len && !(row->flags & KK_REPORT_ROW_KEEP_WITH_NEXT))
        kk_report_block_add_break (block, y, FALSE);
    }
  kk_report_block_set_extent (block, y, header_height);
}

static void
kk_report_table_draw_grid (KkReportTable     *self,
                           cairo_t           *cr,
                           const KkReportRow *row)
{
  guint n = row->flags & KK_REPORT_ROW_SPAN ? 0 : kk_report_table_get_n_columns (self);

  kk_report_set_source_color (cr, KK_REPORT_COLOR_RULE);
  cairo_set_line_width (cr, GRID_WIDTH);
  cairo_rectangle (cr, 0, row->top, self->width, row->height);
  for (guint i = 1; i < n; i++)
    {
      double x = kk_report_table_get_column (self, i)->x;

      cairo_move_to (cr, x, row->top);
      cairo_line_to (cr, x, row->top + row->height);
    }
  cairo_stroke (cr);
}

static void
kk_report_table_draw_fill (KkReportTable     *self,
                           cairo_t           *cr,
                           const KkReportRow *row)
{
  if (row->flags & KK_REPORT_ROW_HEADER)
    kk_report_set_source_color (cr, KK_REPORT_COLOR_HEADER_FILL);
  else if (row->flags & KK_REPORT_ROW_TOTAL)
    kk_report_set_source_color (cr, KK_REPORT_COLOR_TOTAL_FILL);
  else
    return;
  cairo_rectangle (cr, 0, row->top, self->width, row->height);
  cairo_fill (cr);
}

/* Wrapped cells align inside their width; the others by their own. */
static double
kk_report_table_get_cell_x (KkReportTable      *self,
                            const KkReportRow  *row,
                            guint               column_index,
                            const KkReportCell *cell)
{
  const KkReportColumn *column = kk_report_table_get_column (self, column_index);
  double width = row->flags & KK_REPORT_ROW_SPAN ? self->width : column->width;

  if (pango_layout_get_width (cell->layout) >= 0)
    return column->x + PAD_X;
  switch (pango_layout_get_alignment (cell->layout))
    {
    case PANGO_ALIGN_RIGHT:
      return column->x + width - PAD_X - cell->full;
    case PANGO_ALIGN_CENTER:
      return column->x + (width - cell->full) / 2;
    case PANGO_ALIGN_LEFT:
    default:
      return column->x + PAD_X;
    }
}

static void
kk_report_table_draw_row (KkReportTable     *self,
                          cairo_t           *cr,
                          const KkReportRow *row)
{
  if (self->ruled)
    {
      kk_report_table_draw_fill (self, cr, row);
      kk_report_table_draw_grid (self, cr, row);
    }
  kk_report_set_source_color (cr, row->flags & KK_REPORT_ROW_DIM ? KK_REPORT_COLOR_TEXT_DIM
                                                                  : KK_REPORT_COLOR_TEXT);
  for (guint i = 0; i < kk_report_row_get_n_cells (self, row); i++)
    {
      const KkReportCell *cell = &row->cells[i];

      cairo_move_to (cr, kk_report_table_get_cell_x (self, row, i, cell),
                     kk_report_cell_get_top (row, cell));
      pango_cairo_show_layout (cr, cell->layout);
    }
}

/* The first row that ends below @y. */
static guint
kk_report_table_find_row (KkReportTable *self,
                          double         y)
{
  guint low = 0;
  guint high = self->rows->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      const KkReportRow *row = kk_report_table_get_row (self, middle);

      if (row->top + row->height <= y + EPSILON)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* A row that a page breaks is drawn whole and clipped at the break, which
 * runs between lines; a rule closes the part. */
static void
kk_report_table_draw_rows (KkReportTable *self,
                           cairo_t       *cr,
                           double         from,
                           double         to)
{
  for (guint i = kk_report_table_find_row (self, from); i < self->rows->len; i++)
    {
      const KkReportRow *row = kk_report_table_get_row (self, i);
      gboolean cut = row->top < from - EPSILON || row->top + row->height > to + EPSILON;

      if (row->top >= to - EPSILON)
        break;
      cairo_save (cr);
      if (cut)
        {
          cairo_rectangle (cr, -GRID_WIDTH, from, self->width + 2 * GRID_WIDTH, to - from);
          cairo_clip (cr);
        }
      kk_report_table_draw_row (self, cr, row);
      cairo_restore (cr);
      if (cut && self->ruled)
        {
          kk_report_set_source_color (cr, KK_REPORT_COLOR_RULE);
          cairo_rectangle (cr, 0, MIN (to, row->top + row->height) - GRID_WIDTH / 2, self->width,
                           GRID_WIDTH);
          cairo_fill (cr);
        }
    }
}

static void
kk_report_table_draw (KkReportBlock *block,
                      cairo_t       *cr,
                      double         from,
                      double         to)
{
  KkReportTable *self = KK_REPORT_TABLE (block);
  double repeated = from > 0 ? kk_report_block_get_repeat_height (block) : 0;

  /* The header starts the table, and every part of it after a break. */
  if (self->has_header)
    kk_report_table_draw_row (self, cr, &self->header);
  cairo_translate (cr, 0, repeated - from);
  kk_report_table_draw_rows (self, cr, from, to);
}

static void
kk_report_table_dispose (GObject *object)
{
  KkReportTable *self = (KkReportTable *)object;

  g_clear_object (&self->measured);

  G_OBJECT_CLASS (kk_report_table_parent_class)->dispose (object);
}

static void
kk_report_table_finalize (GObject *object)
{
  KkReportTable *self = (KkReportTable *)object;

  kk_report_row_clear (self, &self->header);
  for (guint i = 0; i < self->rows->len; i++)
    kk_report_row_clear (self, kk_report_table_get_row (self, i));
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (kk_report_table_parent_class)->finalize (object);
}

static void
kk_report_table_class_init (KkReportTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KkReportBlockClass *block_class = KK_REPORT_BLOCK_CLASS (klass);

  object_class->dispose = kk_report_table_dispose;
  object_class->finalize = kk_report_table_finalize;
  block_class->get_min_width = kk_report_table_get_min_width;
  block_class->layout = kk_report_table_layout;
  block_class->draw = kk_report_table_draw;
}

static void
kk_report_table_init (KkReportTable *self)
{
  self->ruled = TRUE;
  self->columns = g_array_new (FALSE, TRUE, sizeof (KkReportColumn));
  g_array_set_clear_func (self->columns, (GDestroyNotify)kk_report_column_clear);
  self->rows = g_array_new (FALSE, TRUE, sizeof (KkReportRow));
  self->header.flags = KK_REPORT_ROW_HEADER;
}

/**
 * kk_report_table_new:
 *
 * Add the columns first, then the rows.
 *
 * Returns: (transfer full): an empty ruled table
 */
KkReportBlock *
kk_report_table_new (void)
{
  return g_object_new (KK_TYPE_REPORT_TABLE, NULL);
}

/**
 * kk_report_table_set_ruled:
 * @ruled: %FALSE for a list aligned in columns, without lines or shading
 */
void
kk_report_table_set_ruled (KkReportTable *self,
                           gboolean       ruled)
{
  g_return_if_fail (KK_IS_REPORT_TABLE (self));
  self->ruled = !!ruled;
}

/**
 * kk_report_table_add_column:
 * @title: (nullable): the column's header; a newline breaks it. A table
 *   has a header row when a column has a title.
 */
void
kk_report_table_add_column (KkReportTable       *self,
                            const char          *title,
                            KkReportColumnFlags  flags)
{
  KkReportColumn column = { g_strdup (title), flags };

  g_return_if_fail (KK_IS_REPORT_TABLE (self));
  g_return_if_fail (self->rows->len == 0);

  g_array_append_val (self->columns, column);
  self->has_header = self->has_header || title != NULL;
}

static void
kk_report_table_ensure_header (KkReportTable *self)
{
  g_autofree const char **titles = NULL;

  if (!self->has_header || self->header.cells != NULL)
    return;
  titles = g_new0 (const char *, kk_report_table_get_n_columns (self));
  for (guint i = 0; i < kk_report_table_get_n_columns (self); i++)
    titles[i] = kk_report_table_get_column (self, i)->title;
  self->header.cells = kk_report_cells_new (self, titles, kk_report_table_get_n_columns (self));
}

/**
 * kk_report_table_add_row:
 * @cells: one text for each column, %NULL for an empty cell; a spanning
 *   row shows the first only
 *
 * Returns: the index of the row
 */
guint
kk_report_table_add_row (KkReportTable      *self,
                         KkReportRowFlags    flags,
                         const char * const *cells)
{
  KkReportRow row = { NULL, flags };

  g_return_val_if_fail (KK_IS_REPORT_TABLE (self), 0);
  g_return_val_if_fail (kk_report_table_get_n_columns (self) > 0, 0);
  g_return_val_if_fail (cells != NULL, 0);

  kk_report_table_ensure_header (self);
  row.cells = kk_report_cells_new (self, cells, flags & KK_REPORT_ROW_SPAN
                                                ? 1 : kk_report_table_get_n_columns (self));
  g_array_append_val (self->rows, row);
  g_clear_object (&self->measured);
  return self->rows->len - 1;
}

/**
 * kk_report_table_set_note:
 * @note: a remark shown under the cell's text, smaller: the date a figure
 *   stands at
 */
void
kk_report_table_set_note (KkReportTable *self,
                          guint          row,
                          guint          column,
                          const char    *note)
{
  KkReportCell *cell;

  g_return_if_fail (KK_IS_REPORT_TABLE (self));
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < kk_report_table_get_n_columns (self));

  cell = &kk_report_table_get_row (self, row)->cells[column];
  g_free (cell->note);
  cell->note = g_strdup (note);
  g_clear_object (&self->measured);
}

guint
kk_report_table_get_n_rows (KkReportTable *self)
{
  g_return_val_if_fail (KK_IS_REPORT_TABLE (self), 0);
  return self->rows->len;
}
