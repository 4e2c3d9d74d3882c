/* kk-program-list.c: the programs of a plan as a table to search, filter and sort
 *
 * The programs go through a filter model (search and the drop-downs) and a
 * sort model (the column headers); the table shows them as rows that keep
 * their places (KkRowModel), in a single selection that follows its program
 * when the rows change what they show. An edit does not re-sort, so that
 * the row being edited stays where it is; the cells and the totals below
 * follow every edit at once. A program that an edit takes out of the search
 * and filters leaves the list, and one it brings in joins it, except the
 * selected program: it stays listed, under the editor, until another one is
 * selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-division.h"
#include "kk-focus.h"
#include "kk-format.h"
#include "kk-funding.h"
#include "kk-kpi-value.h"
#include "kk-list-cache.h"
#include "kk-pillar.h"
#include "kk-program-list.h"
#include "kk-row.h"
#include "kk-row-model.h"
#include "kk-search.h"
#include "kk-sheet.h"
#include "kk-tooltip.h"
#include "kk-totals.h"
#include "kk-wrap-box.h"

struct _KkProgramList
{
  AdwBin parent_instance;

  KkPlan *plan;
  /* The plan's programs, which each key of a search reads one by one. */
  KkListCache *programs;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  KkRowModel *rows;
  GtkSingleSelection *selection;
  KkProgram *selected;
  /* While the rows take their new programs, the selection waits. */
  gboolean rows_moving;
  GtkFilter *filter;
  /* The selected program, listed though an edit took it out of the search
   * or filters, until the selection changes. */
  KkProgram *kept;
  /* What edits changed in the filter's answers, applied once they are all
   * made (a CSV import makes thousands in one step). */
  guint refilter_id;
  gboolean refilter_more_strict;
  gboolean refilter_less_strict;
  GStrv search_words;
  /* The drop-downs' choices, NULL for all. */
  KkPillar *pillar;
  KkDivision *division;
  KkFunding *funding;
  /* Folded search texts by program, dropped when an edit changes them. */
  GHashTable *search_texts;
  /* The programs the filter let through when it last looked at each: the
   * totals sum the plan's programs found in it, much faster than walking
   * the filter model, which looks each row up again. */
  GHashTable *shown;
  gboolean beside_editor;
  /* Narrower than every column and a name need: the list leaves out what
   * it leaves out beside the editor. The width they need, -1 until
   * measured again, and the check of a new width, made once it is laid
   * out. */
  gboolean narrow;
  int full_width;
  guint narrow_id;

  GtkSearchEntry *search_entry;
  GtkDropDown *pillar_filter;
  GtkDropDown *division_filter;
  GtkDropDown *funding_filter;
  GtkDropDown *status_filter;
  GtkDropDown *review_filter;
  GtkColumnView *column_view;
  GtkLabel *summary_label;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (KkProgramList, kk_program_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED_PROGRAM,
  PROP_BESIDE_EDITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */

typedef char *(*KkCellTextFunc) (KkProgram *program);
typedef GListModel *(*KkPlanListFunc) (KkPlan *plan);
typedef const char *(*KkItemNameFunc) (gpointer item);

typedef struct
{
  const char *id;
  const char *title;
  float xalign;
  /* A text as wide as the column's usual content, measured in the
   * interface's fonts and language; NULL for the name, which takes the
   * width left. */
  const char *sample;
  KkCellTextFunc text;
  /* The plan's own names the column shows, for it to be as wide as the
   * widest of them: NULL where the sample is wide enough. */
  KkPlanListFunc plan_list;
  KkItemNameFunc item_name;
  /* Amounts sort largest first on the first click. */
  gboolean amount;
  const char *sort_property;
  const char *sort_subproperty;
} KkColumn;

static char *
kk_cell_number (KkProgram *program)
{
  return g_strdup_printf ("%u", kk_program_get_number (program));
}

static char *
kk_cell_name (KkProgram *program)
{
  return g_strdup (kk_program_get_name (program));
}

static char *
kk_cell_pillar (KkProgram *program)
{
  return g_strdup (kk_pillar_get_name (kk_program_get_pillar (program)));
}

static char *
kk_cell_funding (KkProgram *program)
{
  return kk_program_dup_funding_label (program, "・");
}

static char *
kk_cell_budget (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_budget (program));
}

static char *
kk_cell_previous_budget (KkProgram *program)
{
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return g_strdup ("—");
  return kk_format_thousand_yen (kk_program_get_previous_budget (program));
}

static char *
kk_cell_difference (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_difference (program));
}

static char *
kk_cell_status (KkProgram *program)
{
  return g_strdup (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW
                   ? _("New") : _("Continuing"));
}

static char *
kk_cell_review_state (KkProgram *program)
{
  return g_strdup (kk_format_review_state (kk_program_get_review_state (program)));
}

static char *
kk_cell_division (KkProgram *program)
{
  return g_strdup (kk_division_get_name (kk_program_get_lead_division (program)));
}

/* The samples of plan data are Japanese in every language; the status and
 * the review state are the interface's words, 確認待ち the review's longest.
 * A change can be as large as a budget: a program cut to nothing. */
static const KkColumn kk_columns[] = {
  { "number", N_("No."), 1.0, "000", kk_cell_number, NULL, NULL, FALSE, "number", NULL },
  { "name", N_("Program"), 0.0, NULL, kk_cell_name, NULL, NULL, FALSE, "name", NULL },
  { "pillar", N_("Pillar"), 0.0, "経営基盤の強化", kk_cell_pillar,
    kk_plan_get_pillars, (KkItemNameFunc)kk_pillar_get_name, FALSE, "pillar", "number" },
  { "funding", N_("Funding"), 0.0, "県・市", kk_cell_funding, NULL, NULL, FALSE, "funding-label", NULL },
  { "budget", N_("Budget"), 1.0, "000,000", kk_cell_budget, NULL, NULL, TRUE, "budget", NULL },
  { "previous-budget", N_("Last Year"), 1.0, "000,000", kk_cell_previous_budget, NULL, NULL, TRUE,
    "previous-budget", NULL },
  { "difference", N_("Change"), 1.0, "▲ 000,000", kk_cell_difference, NULL, NULL, TRUE, "difference", NULL },
  { "status", N_("Status"), 0.0, N_("Continuing"), kk_cell_status, NULL, NULL, FALSE, "status", NULL },
  { "review-state", N_("Review"), 0.0, N_("Pending"), kk_cell_review_state, NULL, NULL, FALSE,
    "review-state", NULL },
  { "division", N_("Lead Division"), 0.0, "中小企業支援課", kk_cell_division,
    kk_plan_get_divisions, (KkItemNameFunc)kk_division_get_name, FALSE, "lead-division", "name" },
};

/* What ▲ and the red say, in words for a screen reader. */
static char *
kk_program_dup_change_description (KkProgram *program)
{
  gint64 difference = kk_program_get_difference (program);
  g_autofree char *amount = kk_format_thousand_yen (ABS (difference));

  if (difference < 0)
    /* Translators: %s is an amount of thousand yen */
    return g_strdup_printf (_("decrease of %s"), amount);
  if (difference > 0)
    /* Translators: %s is an amount of thousand yen */
    return g_strdup_printf (_("increase of %s"), amount);
  return g_strdup (_("no change"));
}

static void
kk_cell_show_change (GtkWidget *cell,
                     KkProgram *program)
{
  g_autofree char *description = kk_program_dup_change_description (program);

  if (kk_program_get_difference (program) < 0)
    gtk_widget_add_css_class (cell, "error");
  else
    gtk_widget_remove_css_class (cell, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

/* A screen reader reads a row as one sentence, not as nine cells. The
 * row is the parent of the cell's GtkColumnViewCell. */
static void
kk_cell_describe_row (GtkWidget *cell,
                      KkProgram *program)
{
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cell));
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  g_autofree char *change = kk_program_dup_change_description (program);
  g_autofree char *label = NULL;

  if (row == NULL)
    return;
  /* Translators: a row of the program list read by a screen reader: the
   * number, the name, the review state, the budget and its change from last year */
  label = g_strdup_printf (_("%u %s, %s, budget %s, %s"), kk_program_get_number (program),
                           kk_program_get_name (program),
                           kk_format_review_state (kk_program_get_review_state (program)),
                           budget, change);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The list keeps up to 200 rows around those on screen, unmapped: their
 * cells catch up when they come into view, not at each key of a search. */
static void
kk_cell_refresh (GtkListItem *item)
{
  const KkColumn *column = g_object_get_data (G_OBJECT (item), "kk-column");
  GtkWidget *cell = gtk_list_item_get_child (item);
  KkProgram *program;
  g_autofree char *text = NULL;

  if (!gtk_widget_get_mapped (cell) || gtk_list_item_get_item (item) == NULL)
    return;
  program = kk_row_get_program (gtk_list_item_get_item (item));
  text = column->text (program);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  if (column->text == kk_cell_difference)
    kk_cell_show_change (cell, program);
  else if (column->text == kk_cell_number)
    kk_cell_describe_row (cell, program);
}

/* A text cut short in its column has its tooltip; one that fits has none,
 * nor any cell before the pointer moved over the list, so that no tooltip
 * stands over the list where the pointer happens to rest. Asked for on
 * hover, it costs nothing while rows are bound by the thousand. */
static gboolean
kk_cell_query_tooltip (GtkInscription *cell,
                       int             x,
                       int             y,
                       gboolean        keyboard,
                       GtkTooltip     *tooltip)
{
  const char *text = gtk_inscription_get_text (cell);
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0' ||
      !kk_tooltip_pointer_moved (gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW)))
    return FALSE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (cell), text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (GTK_WIDGET (cell)))
    return FALSE;
  kk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkInscription, unlike GtkLabel, asks for no size of its own text: rows
 * appear by the dozen at each keystroke of a search over a large plan. */
static void
kk_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const KkColumn           *column)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  /* Plan data is Japanese whatever the interface's language: Japanese forms
   * of the kanji, and lines as tall as Japanese fonts need, GtkInscription
   * sizing its line by the fonts of its context's language. */
  pango_context_set_language (gtk_widget_get_pango_context (cell),
                              pango_language_from_string ("ja"));
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), column->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column->amount || column->xalign > 0.5)
    gtk_widget_add_css_class (cell, "numeric");
  else
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (kk_cell_query_tooltip), NULL);
    }
  g_object_set_data (G_OBJECT (item), "kk-column", (gpointer)column);
  g_signal_connect_swapped (cell, "map", G_CALLBACK (kk_cell_refresh), item);
  gtk_list_item_set_child (item, cell);
}

static void
kk_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  g_signal_connect_swapped (gtk_list_item_get_item (item), "changed",
                            G_CALLBACK (kk_cell_refresh), item);
  kk_cell_refresh (item);
}

static void
kk_cell_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), kk_cell_refresh, item);
}

static int
kk_program_get_enum_property (KkProgram  *program,
                              const char *property)
{
  int value;

  g_object_get (program, property, &value, NULL);
  return value;
}

static GtkSorter *
kk_column_new_sorter (const KkColumn *column)
{
  GtkExpression *expression = gtk_property_expression_new (KK_TYPE_PROGRAM, NULL,
                                                           column->sort_property);
  GtkNumericSorter *numeric;
  GParamSpec *pspec;

  if (column->sort_subproperty != NULL)
    {
      pspec = gtk_property_expression_get_pspec (expression);
      expression = gtk_property_expression_new (pspec->value_type, expression,
                                                 column->sort_subproperty);
    }
  pspec = gtk_property_expression_get_pspec (expression);

  if (pspec->value_type == G_TYPE_STRING)
    return GTK_SORTER (gtk_string_sorter_new (expression));
  /* GtkNumericSorter knows no enums: the status and the review state sort
   * by their values, from draft to confirmed. */
  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      gtk_expression_unref (expression);
      expression = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                G_CALLBACK (kk_program_get_enum_property),
                                                (gpointer)column->sort_property, NULL);
    }
  numeric = gtk_numeric_sorter_new (expression);
  if (column->amount)
    gtk_numeric_sorter_set_sort_order (numeric, GTK_SORT_DESCENDING);
  return GTK_SORTER (numeric);
}

/* Room for a column title's padding and sort arrow, and for a cell's
 * padding: Adwaita's, the same in every language. */
#define KK_TITLE_ROOM 32
#define KK_CELL_ROOM 16

static int
kk_text_width (GtkWidget  *widget,
               const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The widest of the plan's names the column shows, up to twice its
 * sample: a pillar or a division reads whole while a name of many words
 * does not squeeze the programs' names. */
static int
kk_program_list_plan_names_width (KkProgramList  *self,
                                  const KkColumn *column,
                                  int             sample_width)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  GListModel *items;
  int width = 0;

  if (self->plan == NULL || column->plan_list == NULL)
    return 0;
  items = column->plan_list (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      width = MAX (width, kk_text_width (widget, column->item_name (item)));
    }
  return MIN (width, 2 * sample_width);
}

/* As wide as its title and its usual content, in the fonts of the
 * interface's language: English titles are longer than Japanese ones. */
static int
kk_program_list_default_width (KkProgramList  *self,
                               const KkColumn *column)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  int sample_width;

  if (column->sample == NULL)
    return -1;
  sample_width = kk_text_width (widget, _(column->sample));
  sample_width = MAX (sample_width, kk_program_list_plan_names_width (self, column, sample_width));
  return MAX (kk_text_width (widget, _(column->title)) + KK_TITLE_ROOM,
              sample_width + KK_CELL_ROOM);
}

/* The width the clerk dragged @column to, or its default. */
static int
kk_program_list_column_width (KkProgramList  *self,
                              const KkColumn *column)
{
  g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "column-widths");
  int width;

  if (g_variant_lookup (widths, column->id, "i", &width) && width > 0)
    return width;
  return kk_program_list_default_width (self, column);
}

static void
kk_program_list_column_resized (KkProgramList       *self,
                                GParamSpec          *pspec,
                                GtkColumnViewColumn *view_column)
{
  const KkColumn *column = g_object_get_data (G_OBJECT (view_column), "kk-column");
  g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "column-widths");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{si}"));
  GVariantIter iter;
  const char *id;
  int width;

  g_variant_iter_init (&iter, widths);
  while (g_variant_iter_next (&iter, "{&si}", &id, &width))
    if (g_strcmp0 (id, column->id) != 0)
      g_variant_builder_add (&builder, "{si}", id, width);
  g_variant_builder_add (&builder, "{si}", column->id,
                         gtk_column_view_column_get_fixed_width (view_column));
  g_settings_set_value (self->settings, "column-widths", g_variant_builder_end (&builder));
  self->full_width = -1;
}

/* Amounts are read down their right edge: their titles stand there too,
 * the sort arrow before them. GTK 4.8 has no property for it; its column
 * title holds a box of the label and the arrow. */
static void
kk_program_list_align_titles (KkProgramList *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  guint i = 0;

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL && i < G_N_ELEMENTS (kk_columns);
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = gtk_widget_get_first_child (box);

      if (kk_columns[i].xalign < 0.5 || !GTK_IS_BOX (box) || !GTK_IS_LABEL (label))
        continue;
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_box_reorder_child_after (GTK_BOX (box), label, gtk_widget_get_last_child (box));
    }
}

static void
kk_program_list_add_columns (KkProgramList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (kk_columns); i++)
    {
      const KkColumn *column = &kk_columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = kk_column_new_sorter (column);

      g_signal_connect (factory, "setup", G_CALLBACK (kk_cell_setup), (gpointer)column);
      g_signal_connect (factory, "bind", G_CALLBACK (kk_cell_bind), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (kk_cell_unbind), NULL);
      view_column = gtk_column_view_column_new (_(column->title), factory);
      g_object_set_data (G_OBJECT (view_column), "kk-column", (gpointer)column);
      gtk_column_view_column_set_expand (view_column, column->sample == NULL);
      gtk_column_view_column_set_fixed_width (view_column,
                                              kk_program_list_column_width (self, column));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_append_column (self->column_view, view_column);
    }
  kk_program_list_align_titles (self);
}

/* What the editor shows of its program in full, the list leaves out
 * beside it, so that the programs' names read whole in the width left. */
static const char *const kk_columns_in_editor[] = {
  "pillar", "previous-budget", "status", "division", NULL
};

/* Hidden, a column has no width: GTK 4.8 counts the width of a hidden
 * column in the list's own (gtk_column_view_measure_across() in
 * gtkcolumnview.c), which the name would not take. Not a drag to keep. */
static gboolean
kk_program_list_column_shown (KkProgramList  *self,
                              const KkColumn *column)
{
  return !(self->beside_editor || self->narrow) ||
         !g_strv_contains (kk_columns_in_editor, column->id);
}

static void
kk_program_list_size_column (KkProgramList       *self,
                             GtkColumnViewColumn *view_column)
{
  const KkColumn *column = g_object_get_data (G_OBJECT (view_column), "kk-column");
  gboolean shown = kk_program_list_column_shown (self, column);

  g_signal_handlers_block_by_func (view_column, kk_program_list_column_resized, self);
  gtk_column_view_column_set_fixed_width (view_column,
                                          shown ? kk_program_list_column_width (self, column) : 0);
  gtk_column_view_column_set_visible (view_column, shown);
  g_signal_handlers_unblock_by_func (view_column, kk_program_list_column_resized, self);
}

static gboolean
kk_column_shown_changes (KkProgramList       *self,
                         GtkColumnViewColumn *view_column,
                         const KkColumn      *column)
{
  return kk_program_list_column_shown (self, column) !=
         gtk_column_view_column_get_visible (view_column);
}

static gboolean
kk_column_shows_plan_names (KkProgramList       *self,
                            GtkColumnViewColumn *view_column,
                            const KkColumn      *column)
{
  return column->plan_list != NULL;
}

typedef gboolean (*KkColumnTest) (KkProgramList       *self,
                                  GtkColumnViewColumn *view_column,
                                  const KkColumn      *column);

static void
kk_program_list_size_columns (KkProgramList *self,
                              KkColumnTest   needs_sizing)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, i);
      const KkColumn *column = g_object_get_data (G_OBJECT (view_column), "kk-column");

      if (needs_sizing (self, view_column, column))
        kk_program_list_size_column (self, view_column);
    }
}

static void
kk_program_list_show_columns (KkProgramList *self)
{
  kk_program_list_size_columns (self, kk_column_shown_changes);
}

/* The columns that show the plan's own names fit the new plan's. */
static void
kk_program_list_fit_plan_names (KkProgramList *self)
{
  self->full_width = -1;
  kk_program_list_size_columns (self, kk_column_shows_plan_names);
}

/* A name needs this much to be read at all. */
#define KK_NAME_SAMPLE "小規模企業者等設備貸与事業"

static int
kk_program_list_get_full_width (KkProgramList *self)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);

  if (self->full_width >= 0)
    return self->full_width;
  self->full_width = kk_text_width (widget, KK_NAME_SAMPLE) + KK_CELL_ROOM;
  for (guint i = 0; i < G_N_ELEMENTS (kk_columns); i++)
    if (kk_columns[i].sample != NULL)
      self->full_width += kk_program_list_column_width (self, &kk_columns[i]);
  return self->full_width;
}

static gboolean
kk_program_list_follow_width (gpointer user_data)
{
  KkProgramList *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < kk_program_list_get_full_width (self);

  self->narrow_id = 0;
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      kk_program_list_show_columns (self);
    }
  return G_SOURCE_REMOVE;
}

static void
kk_program_list_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

/* Laid out as a bin is, and told its width: whether the list is narrow is
 * decided once it is laid out, as its columns must not change while GTK
 * allocates them. */
static void
kk_program_list_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  KkProgramList *self = KK_PROGRAM_LIST (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if ((width < kk_program_list_get_full_width (self)) != self->narrow && self->narrow_id == 0)
    self->narrow_id = g_idle_add (kk_program_list_follow_width, self);
}

/* Connected once the widths are set: only the clerk's drags are kept. */
static void
kk_program_list_keep_widths (KkProgramList *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, i);

      g_signal_connect_object (view_column, "notify::fixed-width",
                               G_CALLBACK (kk_program_list_column_resized), self,
                               G_CONNECT_SWAPPED);
    }
}

/* ------------------------------------------------------------------------ */
/* Filtering                                                                */

/* GtkColumnView 4.8 cannot scroll to a row; the list view inside it can. */
static void
kk_column_view_scroll_to (GtkColumnView *column_view,
                          guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static gpointer
kk_drop_down_get_choice (GtkDropDown *drop_down,
                         GListModel  *choices)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  /* The first entry of each drop-down is "all". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (choices, selected - 1);
}

static gboolean
kk_program_list_matches_search (KkProgramList *self,
                                KkProgram     *program)
{
  const char *text;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;
  text = g_hash_table_lookup (self->search_texts, program);
  if (text == NULL)
    {
      char *new_text = kk_program_dup_search_text (program);

      g_hash_table_insert (self->search_texts, program, new_text);
      text = new_text;
    }
  return kk_search_text_matches (text, (const char * const *)self->search_words);
}

static gboolean
kk_program_list_matches_status (KkProgramList *self,
                                KkProgram     *program)
{
  switch (gtk_drop_down_get_selected (self->status_filter))
    {
    case 1:
      return kk_program_get_status (program) == KK_PROGRAM_STATUS_CONTINUING;
    case 2:
      return kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW;
    default:
      return TRUE;
    }
}

/* The review filter offers every state, in order, then "not confirmed". */
#define KK_REVIEW_FILTER_UNCONFIRMED (KK_REVIEW_STATE_CONFIRMED + 2)

static gboolean
kk_program_list_matches_review (KkProgramList *self,
                                KkProgram     *program)
{
  guint selected = gtk_drop_down_get_selected (self->review_filter);
  KkReviewState state = kk_program_get_review_state (program);

  if (selected == KK_REVIEW_FILTER_UNCONFIRMED)
    return state != KK_REVIEW_STATE_CONFIRMED;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  return state == (KkReviewState)(selected - 1);
}

static gboolean
kk_program_list_matches (KkProgramList *self,
                         KkProgram     *program)
{
  return (self->pillar == NULL || kk_program_get_pillar (program) == self->pillar) &&
         (self->division == NULL || kk_program_get_lead_division (program) == self->division) &&
         (self->funding == NULL || kk_program_has_funding (program, self->funding)) &&
         kk_program_list_matches_status (self, program) &&
         kk_program_list_matches_review (self, program) &&
         kk_program_list_matches_search (self, program);
}

static gboolean
kk_program_list_match (gpointer item,
                       gpointer user_data)
{
  KkProgramList *self = user_data;
  KkProgram *program = item;
  gboolean match = program == self->kept || kk_program_list_matches (self, program);

  if (match)
    g_hash_table_add (self->shown, program);
  else
    g_hash_table_remove (self->shown, program);
  return match;
}

static gboolean
kk_program_list_is_shown (KkProgram *program,
                          gpointer   user_data)
{
  KkProgramList *self = user_data;

  return g_hash_table_contains (self->shown, program);
}

/* The filter asks for them once per program: read them once per change. */
static void
kk_program_list_read_choices (KkProgramList *self)
{
  g_clear_object (&self->pillar);
  g_clear_object (&self->division);
  g_clear_object (&self->funding);
  if (self->plan == NULL)
    return;
  self->pillar = kk_drop_down_get_choice (self->pillar_filter, kk_plan_get_pillars (self->plan));
  self->division = kk_drop_down_get_choice (self->division_filter,
                                            kk_plan_get_divisions (self->plan));
  self->funding = kk_drop_down_get_choice (self->funding_filter,
                                           kk_plan_get_funding_sources (self->plan));
}

/* The clerk changed the search or the filters: they apply to every
 * program, the one kept by an edit too. */
static void
kk_program_list_refilter (KkProgramList   *self,
                          GtkFilterChange  change)
{
  if (self->kept != NULL)
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_clear_object (&self->kept);
  if (self->plan != NULL)
    gtk_filter_changed (self->filter, change);
}

static void
kk_program_list_filter_changed (KkProgramList *self)
{
  kk_program_list_read_choices (self);
  kk_program_list_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* A query that only grows checks again the programs shown, not all. */
static GtkFilterChange
kk_search_change (const char * const *old_words,
                  const char * const *new_words)
{
  if (kk_search_words_imply (new_words, old_words))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (kk_search_words_imply (old_words, new_words))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
kk_program_list_search_changed (KkProgramList *self)
{
  g_auto(GStrv) old_words = g_steal_pointer (&self->search_words);

  self->search_words = kk_search_split_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  kk_program_list_refilter (self, kk_search_change ((const char * const *)old_words,
                                                    (const char * const *)self->search_words));
}

/* Only the programs shown are asked again when one must leave, only those
 * hidden when one must join. */
static gboolean
kk_program_list_apply_edits_cb (gpointer user_data)
{
  KkProgramList *self = user_data;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (!self->refilter_less_strict)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (!self->refilter_more_strict)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  self->refilter_id = 0;
  self->refilter_more_strict = self->refilter_less_strict = FALSE;
  gtk_filter_changed (self->filter, change);
  return G_SOURCE_REMOVE;
}

static void
kk_program_list_refilter_later (KkProgramList *self,
                                gboolean       joins)
{
  if (joins)
    self->refilter_less_strict = TRUE;
  else
    self->refilter_more_strict = TRUE;
  /* Before the next frame is drawn. */
  if (self->refilter_id == 0)
    self->refilter_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, kk_program_list_apply_edits_cb,
                                         self, NULL);
}

/* An edit of @program may take it out of what the list shows, or bring it in. */
static void
kk_program_list_recheck (KkProgramList *self,
                         KkProgram     *program)
{
  gboolean shown = g_hash_table_contains (self->shown, program);
  gboolean matches = kk_program_list_matches (self, program);

  if (shown == matches)
    return;
  if (program == self->selected && !matches)
    g_set_object (&self->kept, program);
  else
    kk_program_list_refilter_later (self, matches);
}

static void
kk_program_list_recheck_edited (KkProgramList *self,
                                GObject       *object)
{
  if (KK_IS_PROGRAM (object))
    kk_program_list_recheck (self, KK_PROGRAM (object));
  else if (KK_IS_SHEET (object))
    {
      GListModel *programs = kk_sheet_get_programs (KK_SHEET (object));

      for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
        {
          g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

          kk_program_list_recheck (self, program);
        }
    }
  /* A KPI's name or a division's is searched in every program using it. */
  else if (self->search_words != NULL && self->search_words[0] != NULL &&
           !KK_IS_KPI_VALUE (object) && !G_IS_LIST_MODEL (object))
    {
      kk_program_list_refilter_later (self, TRUE);
      kk_program_list_refilter_later (self, FALSE);
    }
}

/* Keeps the choice made, as long as there still is one at its place. */
static void
kk_drop_down_fill (GtkDropDown *drop_down,
                   const char  *all,
                   GListModel  *choices,
                   const char  *name_property)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (drop_down);

  gtk_string_list_append (strings, all);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (choices, i);
      g_autofree char *name = NULL;

      g_object_get (choice, name_property, &name, NULL);
      gtk_string_list_append (strings, name);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (strings));
  if (selected != GTK_INVALID_LIST_POSITION && selected <= g_list_model_get_n_items (choices))
    gtk_drop_down_set_selected (drop_down, selected);
}

static void
kk_program_list_fill_filters (KkProgramList *self)
{
  kk_drop_down_fill (self->pillar_filter, _("All pillars"), kk_plan_get_pillars (self->plan),
                     "label");
  kk_drop_down_fill (self->division_filter, _("All divisions"), kk_plan_get_divisions (self->plan),
                     "name");
  kk_drop_down_fill (self->funding_filter, _("All funding"),
                     kk_plan_get_funding_sources (self->plan), "name");
}

/* ------------------------------------------------------------------------ */
/* Totals                                                                   */

static void
kk_program_list_update_summary (KkProgramList *self)
{
  KkTotals totals = { 0 };
  g_autofree char *text = NULL;

  if (self->plan != NULL)
    totals = kk_totals_for_programs (G_LIST_MODEL (self->programs),
                                     kk_program_list_is_shown, self);
  text = kk_totals_dup_summary (&totals);

  gtk_label_set_text (self->summary_label, text);
}

static gboolean
kk_search_text_depends_on (gpointer key,
                           gpointer value,
                           gpointer object)
{
  KkProgram *program = key;

  return (gpointer)program == object || (gpointer)kk_program_get_sheet (program) == object;
}

/* Typing into a field of one program keeps the texts of the other thousands,
 * which a large plan's next search would otherwise fold all over again. */
static void
kk_program_list_forget_search_texts (KkProgramList *self,
                                     GObject       *object)
{
  if (KK_IS_PROGRAM (object) || KK_IS_SHEET (object))
    g_hash_table_foreach_remove (self->search_texts, kk_search_text_depends_on, object);
  else if (!KK_IS_KPI_VALUE (object))
    g_hash_table_remove_all (self->search_texts);
}

static void
kk_program_list_plan_changed (KkProgramList *self,
                              GObject       *object)
{
  kk_program_list_forget_search_texts (self, object);
  if (kk_plan_is_choice (self->plan, object))
    {
      kk_program_list_fill_filters (self);
      kk_program_list_read_choices (self);
    }
  kk_program_list_recheck_edited (self, object);
  kk_program_list_update_summary (self);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

/* A new order is read from the top, whichever row was on screen before. */
static void
kk_program_list_sort_changed (KkProgramList *self)
{
  /* The column view clears its sorting when disposed, after our models. */
  if (self->sorted != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    kk_column_view_scroll_to (self->column_view, 0);
}

static void
kk_program_list_selection_changed (KkProgramList *self)
{
  KkRow *row = gtk_single_selection_get_selected_item (self->selection);
  KkProgram *program = row != NULL ? kk_row_get_program (row) : NULL;

  if (self->rows_moving)
    return;
  if (!g_set_object (&self->selected, program))
    return;
  /* The program an edit took out of the list leaves it now. */
  if (self->kept != NULL && self->kept != program)
    {
      g_clear_object (&self->kept);
      kk_program_list_refilter_later (self, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROGRAM]);
}

static guint
kk_program_list_find_row (KkProgramList *self,
                          KkProgram     *program)
{
  GListModel *programs = G_LIST_MODEL (self->sorted);

  for (guint i = 0; program != NULL && i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) row_program = g_list_model_get_item (programs, i);

      if (row_program == program)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
kk_program_list_rows_moving (KkProgramList *self)
{
  self->rows_moving = TRUE;
}

/* The selected row is the selected program's, wherever it went; none
 * when the filter took it away. */
static void
kk_program_list_rows_moved (KkProgramList *self)
{
  self->rows_moving = FALSE;
  gtk_single_selection_set_selected (self->selection,
                                     kk_program_list_find_row (self, self->selected));
  kk_program_list_selection_changed (self);
}

static void
kk_program_list_dispose (GObject *object)
{
  KkProgramList *self = KK_PROGRAM_LIST (object);

  /* The column view clears its sorting when disposed: the rows move
   * then, with nothing left to select. */
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_PROGRAM_LIST);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  g_clear_handle_id (&self->narrow_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);
  g_clear_object (&self->kept);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->programs);
  g_clear_object (&self->filter);
  g_clear_object (&self->pillar);
  g_clear_object (&self->division);
  g_clear_object (&self->funding);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kk_program_list_parent_class)->dispose (object);
}

static void
kk_program_list_finalize (GObject *object)
{
  KkProgramList *self = KK_PROGRAM_LIST (object);

  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (kk_program_list_parent_class)->finalize (object);
}

static void
kk_program_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KkProgramList *self = KK_PROGRAM_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SELECTED_PROGRAM:
      g_value_set_object (value, self->selected);
      break;
    case PROP_BESIDE_EDITOR:
      g_value_set_boolean (value, self->beside_editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_program_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KkProgramList *self = KK_PROGRAM_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_program_list_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_PROGRAM:
      kk_program_list_set_selected_program (self, g_value_get_object (value));
      break;
    case PROP_BESIDE_EDITOR:
      kk_program_list_set_beside_editor (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Gives the focus to the first widget after @widget that takes it, or the
 * last before it, as if @widget were a single stop of the Tab chain. */
static gboolean
kk_widget_focus_past (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  for (GtkWidget *ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    for (GtkWidget *other = direction == GTK_DIR_TAB_FORWARD
                            ? gtk_widget_get_next_sibling (ancestor)
                            : gtk_widget_get_prev_sibling (ancestor);
         other != NULL;
         other = direction == GTK_DIR_TAB_FORWARD
                 ? gtk_widget_get_next_sibling (other)
                 : gtk_widget_get_prev_sibling (other))
      if (gtk_widget_get_mapped (other) && gtk_widget_child_focus (other, direction))
        return TRUE;
  return FALSE;
}

/* GtkColumnView 4.8 takes Tab to its next row: the list is one stop, its
 * rows walked with the arrow keys. Past the last stop Tab goes round. */
static gboolean
kk_program_list_tab (GtkWidget *column_view,
                     GVariant  *arguments,
                     gpointer   user_data)
{
  GtkDirectionType direction = g_variant_get_int32 (arguments);
  GtkRoot *root = gtk_widget_get_root (column_view);

  if (kk_widget_focus_past (column_view, direction))
    return TRUE;
  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  return TRUE;
}

static void
kk_shortcut_controller_add_tab (GtkShortcutController *controller,
                                guint                  keyval,
                                GdkModifierType        modifiers,
                                GtkDirectionType       direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (kk_program_list_tab, NULL,
                                                                     NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Delete on a row deletes its program; in the search entry it stays a key. */
static void
kk_program_list_add_shortcuts (KkProgramList *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.delete-program")));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  kk_shortcut_controller_add_tab (shortcuts, GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  kk_shortcut_controller_add_tab (shortcuts, GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  /* GTK matches Shift+ISO_Left_Tab, what the keyboard sends, to this one. */
  kk_shortcut_controller_add_tab (shortcuts, GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

/* Enter on a row opens its program, as a click does. */
static void
kk_program_list_row_activated (KkProgramList *self,
                               guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* Escape empties the search; in an empty search it goes back to the rows. */
static void
kk_program_list_stop_search (KkProgramList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*text != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    kk_program_list_focus_rows (self);
}

static void
kk_program_list_name_filters (KkProgramList *self)
{
  kk_accessible_name_drop_down (self->pillar_filter, _("Pillar"));
  kk_accessible_name_drop_down (self->division_filter, _("Division"));
  kk_accessible_name_drop_down (self->funding_filter, _("Funding"));
  kk_accessible_name_drop_down (self->status_filter, _("Status"));
  kk_accessible_name_drop_down (self->review_filter, _("Review"));
}

static void
kk_program_list_add_review_choices (KkProgramList *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All states"));
  for (KkReviewState state = KK_REVIEW_STATE_DRAFT; state <= KK_REVIEW_STATE_CONFIRMED; state++)
    gtk_string_list_append (choices, kk_format_review_state (state));
  gtk_string_list_append (choices, _("Not confirmed"));
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (choices)) == KK_REVIEW_FILTER_UNCONFIRMED + 1);
  gtk_drop_down_set_model (self->review_filter, G_LIST_MODEL (choices));
}

/* GTK names the column view's row of titles and its list of rows by their
 * types; a screen reader says them as what they are. */
static void
kk_program_list_name_parts (KkProgramList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_accessible_set_name (child, GTK_IS_LIST_VIEW (child) ? _("Programs") : _("Column titles"));
}

static void
kk_program_list_class_init (KkProgramListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_program_list_dispose;
  object_class->finalize = kk_program_list_finalize;
  object_class->get_property = kk_program_list_get_property;
  object_class->set_property = kk_program_list_set_property;

  /**
   * KkProgramList:plan:
   *
   * The plan whose programs are listed.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkProgramList:selected-program:
   *
   * The program of the selected row, or %NULL.
   */
  properties[PROP_SELECTED_PROGRAM] =
    g_param_spec_object ("selected-program", NULL, NULL, KK_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkProgramList:beside-editor:
   *
   * Whether the editor of the selected program is open beside the list:
   * the columns it shows in full are then hidden.
   */
  properties[PROP_BESIDE_EDITOR] =
    g_param_spec_boolean ("beside-editor", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KK_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-program-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, pillar_filter);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, division_filter);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, funding_filter);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, status_filter);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, review_filter);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, column_view);
  gtk_widget_class_bind_template_child (widget_class, KkProgramList, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_list_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_list_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_list_stop_search);
  gtk_widget_class_set_css_name (widget_class, "kk-program-list");
}

static void
kk_program_list_init (KkProgramList *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, kk_program_list_measure,
                                                        kk_program_list_allocate));
  self->full_width = -1;
  self->search_words = g_new0 (char *, 1);
  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->shown = g_hash_table_new (NULL, NULL);
  self->settings = g_settings_new (APPLICATION_ID);
  kk_program_list_add_columns (self);
  kk_program_list_keep_widths (self);
  kk_program_list_add_shortcuts (self);
  kk_program_list_add_review_choices (self);
  kk_program_list_name_filters (self);
  kk_program_list_name_parts (self);
  kk_tooltip_fit (GTK_WIDGET (self));
  kk_tooltip_follow_pointer (GTK_WIDGET (self->column_view));
  /* A screen reader tells the totals of what is shown with the list. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->summary_label, NULL,
                                  -1);

  self->filter = GTK_FILTER (gtk_custom_filter_new (kk_program_list_match, self, NULL));
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (sorter));
  /* Around the rows' own handler: see kk_program_list_rows_moved(). */
  g_signal_connect_swapped (self->sorted, "items-changed",
                            G_CALLBACK (kk_program_list_rows_moving), self);
  self->rows = kk_row_model_new (G_LIST_MODEL (self->sorted));
  g_signal_connect_swapped (self->sorted, "items-changed",
                            G_CALLBACK (kk_program_list_rows_moved), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  /* Space on the selected row keeps it selected. */
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (kk_program_list_selection_changed), self);
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (kk_program_list_sort_changed), self);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (kk_program_list_update_summary), self);
}

KkPlan *
kk_program_list_get_plan (KkProgramList *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_LIST (self), NULL);
  return self->plan;
}

void
kk_program_list_set_plan (KkProgramList *self,
                          KkPlan        *plan)
{
  g_return_if_fail (KK_IS_PROGRAM_LIST (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                          kk_program_list_plan_changed, self);
  g_set_object (&self->plan, plan);
  g_clear_object (&self->programs);
  if (plan != NULL)
    self->programs = kk_list_cache_new (kk_plan_get_programs (plan));
  g_hash_table_remove_all (self->search_texts);
  g_hash_table_remove_all (self->shown);
  g_clear_object (&self->kept);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  self->refilter_more_strict = self->refilter_less_strict = FALSE;
  if (plan != NULL)
    {
      kk_program_list_fill_filters (self);
      g_signal_connect_object (kk_plan_get_history (plan), "changed",
                               G_CALLBACK (kk_program_list_plan_changed), self,
                               G_CONNECT_SWAPPED);
    }
  kk_program_list_read_choices (self);
  kk_program_list_fit_plan_names (self);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->programs));
  kk_program_list_update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KkProgram *
kk_program_list_get_selected_program (KkProgramList *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_LIST (self), NULL);
  return self->selected;
}

void
kk_program_list_set_selected_program (KkProgramList *self,
                                      KkProgram     *program)
{
  guint position;

  g_return_if_fail (KK_IS_PROGRAM_LIST (self));

  position = kk_program_list_find_row (self, program);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    kk_column_view_scroll_to (self->column_view, position);
}

/**
 * kk_program_list_get_programs:
 *
 * Returns: (transfer none): the programs the search and filters let through,
 *   in the plan's order
 */
GListModel *
kk_program_list_get_programs (KkProgramList *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_LIST (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * kk_program_list_get_rows:
 *
 * Returns: (transfer none): the rows as shown, filtered and sorted
 */
GListModel *
kk_program_list_get_rows (KkProgramList *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_LIST (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
kk_program_list_sort_by (KkProgramList *self,
                         const char    *column_id,
                         GtkSortType    order)
{
  GListModel *columns;

  g_return_if_fail (KK_IS_PROGRAM_LIST (self));

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const KkColumn *kk_column = g_object_get_data (G_OBJECT (column), "kk-column");

      if (g_strcmp0 (kk_column->id, column_id) == 0)
        {
          gtk_column_view_sort_by_column (self->column_view, column, order);
          return;
        }
    }
  g_return_if_reached ();
}

void
kk_program_list_focus_search (KkProgramList *self)
{
  g_return_if_fail (KK_IS_PROGRAM_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * kk_program_list_focus_rows:
 *
 * Gives the keyboard focus to the rows, on the selected one if any.
 */
void
kk_program_list_focus_rows (KkProgramList *self)
{
  g_return_if_fail (KK_IS_PROGRAM_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

gboolean
kk_program_list_get_beside_editor (KkProgramList *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_LIST (self), FALSE);
  return self->beside_editor;
}

void
kk_program_list_set_beside_editor (KkProgramList *self,
                                   gboolean       beside_editor)
{
  g_return_if_fail (KK_IS_PROGRAM_LIST (self));

  beside_editor = !!beside_editor;
  if (self->beside_editor == beside_editor)
    return;
  self->beside_editor = beside_editor;
  kk_program_list_show_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BESIDE_EDITOR]);
}

/**
 * kk_program_list_filter_by:
 * @choice: a pillar, division or funding source of the plan
 *
 * Shows only the programs of @choice, as choosing it in its drop-down does,
 * and moves the keyboard focus to that drop-down.
 */
void
kk_program_list_filter_by (KkProgramList *self,
                           GObject       *choice)
{
  GtkDropDown *drop_down;
  GListModel *choices;

  g_return_if_fail (KK_IS_PROGRAM_LIST (self));
  g_return_if_fail (KK_IS_PILLAR (choice) || KK_IS_DIVISION (choice) || KK_IS_FUNDING (choice));

  if (self->plan == NULL)
    return;
  if (KK_IS_PILLAR (choice))
    {
      drop_down = self->pillar_filter;
      choices = kk_plan_get_pillars (self->plan);
    }
  else if (KK_IS_DIVISION (choice))
    {
      drop_down = self->division_filter;
      choices = kk_plan_get_divisions (self->plan);
    }
  else
    {
      drop_down = self->funding_filter;
      choices = kk_plan_get_funding_sources (self->plan);
    }
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if (item == choice)
        {
          /* The first entry is "all". */
          gtk_drop_down_set_selected (drop_down, i + 1);
          kk_focus_widget (GTK_WIDGET (drop_down));
          return;
        }
    }
}
