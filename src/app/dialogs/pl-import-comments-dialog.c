/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-import-comments-dialog.h"

/* How many rows the preview shows: enough to see that the columns were
 * read right, few enough to open at once. */
#define PREVIEW_ROWS 5

struct _PlImportCommentsDialog
{
  AdwWindow            parent_instance;

  PlDocument          *document;
  PlImportMatrix      *matrix;
  char                *file_name;
  GPtrArray           *workshops;   /* PlWorkshop, in the combo's order after "None" */
  char                *read_as;     /* how the file was read, the summary's first line */
  guint                summary_id;

  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *summary_group;
  AdwComboRow         *workshop_row;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *rows_group;
};

G_DEFINE_FINAL_TYPE (PlImportCommentsDialog, pl_import_comments_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
append (GString    *s,
        const char *format,
        guint       n)
{
  if (s->len > 0)
    g_string_append_c (s, ' ');
  /* @format is an ngettext() of a literal with one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_string_append_printf (s, format, n);
#pragma GCC diagnostic pop
}

/* What importing will do (or did, with @done), in sentences. */
static char *
describe_report (const PlMatrixReport *r,
                 gboolean              done)
{
  GString *s = g_string_new (NULL);

  if (r->added == 0)
    g_string_append (s, _("Every comment of this file is already in the strategy."));
  else if (done)
    append (s, ngettext ("Added %u comment.", "Added %u comments.", r->added), r->added);
  else
    append (s, ngettext ("%u comment will be added.", "%u comments will be added.", r->added), r->added);
  if (r->added > 0 && r->already_there > 0)
    append (s, ngettext ("%u was imported before and is skipped.",
                         "%u were imported before and are skipped.", r->already_there), r->already_there);
  if (r->stakeholders_created > 0 && done)
    append (s, ngettext ("%u new stakeholder.", "%u new stakeholders.", r->stakeholders_created), r->stakeholders_created);
  else if (r->stakeholders_created > 0)
    append (s, ngettext ("%u new stakeholder will be added to the registry.",
                         "%u new stakeholders will be added to the registry.", r->stakeholders_created),
            r->stakeholders_created);
  if (r->unplaced > 0 && !done)
    append (s, ngettext ("%u names a part that is not in the strategy and will be about the strategy as a whole.",
                         "%u name a part that is not in the strategy and will be about the strategy as a whole.", r->unplaced),
            r->unplaced);
  return g_string_free (s, FALSE);
}

/* @text on one line and at most @max characters: a preview, not the
 * comment. (The rows' own line limits make GTK 4.8 mismeasure labels.) */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *line = g_strdup (text);
  char *end;

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, max - 1);
  *end = '\0';
  return g_strconcat (line, "…", NULL);
}

static void
show_columns (PlImportCommentsDialog *self)
{
  guint n = pl_import_matrix_get_n_columns (self->matrix);

  for (guint c = 0; c < n; c++)
    {
      PlMatrixColumn role = pl_import_matrix_get_role (self->matrix, c);
      const char *header = pl_import_matrix_get_header (self->matrix, c);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (pl_matrix_column_get_label (role));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header ? header : _("(no name)"));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      if (role == PL_MATRIX_COLUMN_NONE)
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (row, "pl-column-unmatched");
        }
      else
        gtk_widget_add_css_class (label, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      /* A sample shows the column was read right (and the encoding too). */
      for (guint r = 0; r < pl_import_matrix_get_n_rows (self->matrix); r++)
        {
          const char *sample = pl_import_matrix_get_cell (self->matrix, r, c);

          if (*sample)
            {
              g_autofree char *shown = shorten (sample, 80);

              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
              break;
            }
        }
      adw_preferences_group_add (self->columns_group, row);
    }
}

static const char *
cell_of (PlImportCommentsDialog *self,
         guint                   row,
         PlMatrixColumn          role)
{
  guint n = pl_import_matrix_get_n_columns (self->matrix);

  for (guint c = 0; c < n; c++)
    if (pl_import_matrix_get_role (self->matrix, c) == role)
      return pl_import_matrix_get_cell (self->matrix, row, c);
  return "";
}

static void
show_rows (PlImportCommentsDialog *self)
{
  guint n = pl_import_matrix_get_n_rows (self->matrix);
  guint shown = 0;

  for (guint i = 0; i < n && shown < PREVIEW_ROWS; i++)
    {
      const char *comment = cell_of (self, i, PL_MATRIX_COLUMN_COMMENT);
      const char *who = cell_of (self, i, PL_MATRIX_COLUMN_COMMENTER);
      const char *org = cell_of (self, i, PL_MATRIX_COLUMN_ORGANISATION);
      const char *about = cell_of (self, i, PL_MATRIX_COLUMN_SECTION);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (*comment == '\0')
        continue;
      if (*who)
        g_string_append (subtitle, who);
      if (*org)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? ", " : "", org);
      if (subtitle->len == 0)
        g_string_append (subtitle, _("Anonymous"));
      if (*about)
        /* TRANSLATORS: who made a comment · the part of the strategy it is about */
        g_string_append_printf (subtitle, _(" · about %s"), about);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      title = shorten (comment, 240);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_preferences_group_add (self->rows_group, row);
      shown++;
    }
  if (n > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u row in all.", "%u rows in all.", n), n);

      adw_preferences_group_set_description (self->rows_group, more);
    }
}

static void
show_workshops (PlImportCommentsDialog *self)
{
  GListModel *all = pl_document_get_workshops (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("workshop", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (all, i);
      const char *title = pl_workshop_get_title (w);

      gtk_string_list_append (names, title && *title ? title : _("Untitled workshop"));
      g_ptr_array_add (self->workshops, g_object_ref (w));
    }
  adw_combo_row_set_model (self->workshop_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->workshop_row), self->workshops->len > 0);
}

/* A dry run: the summary says what "Import" will do before it is pressed.
 * On a document with thousands of comments it takes a moment, so it runs
 * after the preview's first frame. */
static gboolean
summary_cb (gpointer user_data)
{
  PlImportCommentsDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  PlMatrixReport report;

  self->summary_id = 0;
  if (!pl_import_matrix_apply (self->matrix, self->document, NULL, TRUE, &report, &error))
    what = g_strdup (error->message);
  else
    {
      what = describe_report (&report, FALSE);
      gtk_widget_set_sensitive (self->import_button,
                                report.added > 0 && !pl_document_is_read_only (self->document));
    }
  description = g_strdup_printf ("%s\n%s", self->read_as, what);
  adw_preferences_group_set_description (self->summary_group, description);
  return G_SOURCE_REMOVE;
}

static void
show_summary (PlImportCommentsDialog *self)
{
  g_autofree char *description = NULL;

  self->read_as = g_strdup_printf (ngettext ("%s, %s-separated, %u row", "%s, %s-separated, %u rows",
                                             pl_import_matrix_get_n_rows (self->matrix)),
                                   pl_csv_encoding_name (pl_import_matrix_get_encoding (self->matrix)),
                                   pl_csv_separator_name (pl_import_matrix_get_separator (self->matrix)),
                                   pl_import_matrix_get_n_rows (self->matrix));
  adw_window_title_set_subtitle (self->window_title, self->file_name);
  description = g_strdup_printf ("%s\n%s", self->read_as, _("Looking for comments already in the strategy…"));
  adw_preferences_group_set_description (self->summary_group, description);
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

/* A low-priority idle alone did not wait for the first frame: a new
 * window's first frame waits for the display server, and the idle ran in
 * that gap (the dry run over 5,000 rows kept the preview from showing). */
static void
first_paint_cb (GdkFrameClock          *clock,
                PlImportCommentsDialog *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  if (self->summary_id == 0)
    self->summary_id = g_idle_add_full (G_PRIORITY_LOW, summary_cb, self, NULL);
}

static void
mapped_cb (GtkWidget              *widget,
           PlImportCommentsDialog *self)
{
  g_signal_handlers_disconnect_by_func (widget, mapped_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlImportCommentsDialog *self = PL_IMPORT_COMMENTS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  PlWorkshop *workshop = NULL;
  guint selected = adw_combo_row_get_selected (self->workshop_row);
  PlMatrixReport report;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->workshops->len)
    workshop = g_ptr_array_index (self->workshops, selected - 1);
  if (!pl_import_matrix_apply (self->matrix, self->document, workshop, FALSE, &report, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  summary = describe_report (&report, TRUE);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pl_import_comments_dialog_dispose (GObject *object)
{
  PlImportCommentsDialog *self = PL_IMPORT_COMMENTS_DIALOG (object);

  g_clear_handle_id (&self->summary_id, g_source_remove);
  g_clear_pointer (&self->read_as, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->matrix);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_IMPORT_COMMENTS_DIALOG);
  G_OBJECT_CLASS (pl_import_comments_dialog_parent_class)->dispose (object);
}

static void
pl_import_comments_dialog_class_init (PlImportCommentsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_import_comments_dialog_dispose;

  /* A translated summary of what was added, for the window's toast. */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-import-comments-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportCommentsDialog, rows_group);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_import_comments_dialog_init (PlImportCommentsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->workshops = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
pl_import_comments_dialog_new (GtkWindow      *parent,
                               PlDocument     *document,
                               PlImportMatrix *matrix,
                               const char     *file_name)
{
  PlImportCommentsDialog *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (matrix), NULL);

  self = g_object_new (PL_TYPE_IMPORT_COMMENTS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->matrix = g_object_ref (matrix);
  self->file_name = g_strdup (file_name);
  show_workshops (self);
  show_columns (self);
  show_rows (self);
  show_summary (self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), self);
  return GTK_WIDGET (self);
}
