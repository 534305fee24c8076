/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-export-dialog-private.h"
#include "pl-utils.h"

struct _PlExportDialog
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkWidget           *export_button;
  AdwComboRow         *format_row;
  AdwComboRow         *compare_row;
  GPtrArray           *snapshots;      /* PlSnapshot, newest first: compare_row's items after "Nothing" */
  GtkWidget           *review_row;
  GtkSwitch           *review_switch;
  AdwEntryRow         *deadline_row;
  AdwPreferencesGroup *parts_group;
  GtkSwitch           *title_page_switch;
  GtkSwitch           *front_matter_switch;
  GtkSwitch           *pillars_switch;
  GtkSwitch           *plan_switch;
  GtkWidget           *annex_row;
  GtkSwitch           *annex_switch;
  AdwComboRow         *workshop_row;
  AdwComboRow         *disposition_row;
  AdwComboRow         *anonymise_row;
  AdwEntryRow         *classification_row;

  PlDocument          *document;
  GtkFileChooserNative *chooser;
  PlExportReport       report;     /* of the last export */
};

G_DEFINE_FINAL_TYPE (PlExportDialog, pl_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The order of the format combo row. */
static const PlExportFormat formats[] = {
  PL_EXPORT_MARKDOWN, PL_EXPORT_HTML, PL_EXPORT_DOCX, PL_EXPORT_ODT, PL_EXPORT_XLSX, PL_EXPORT_CSV,
};

static PlExportFormat
selected_format (PlExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? formats[i] : PL_EXPORT_MARKDOWN;
}

/* A review copy is Word or OpenDocument with the switch on. */
static gboolean
review_chosen (PlExportDialog *self)
{
  PlExportFormat format = selected_format (self);

  return (format == PL_EXPORT_DOCX || format == PL_EXPORT_ODT) && gtk_switch_get_active (self->review_switch);
}

static void
update_sensitivity (PlExportDialog *self)
{
  gboolean csv = selected_format (self) == PL_EXPORT_CSV || selected_format (self) == PL_EXPORT_XLSX;
  gboolean annex = csv || gtk_switch_get_active (self->annex_switch);
  gboolean office = selected_format (self) == PL_EXPORT_DOCX || selected_format (self) == PL_EXPORT_ODT;
  gboolean review = review_chosen (self);

  /* CSV and XLSX are the recommendations matrix alone. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->parts_group), !csv);
  gtk_widget_set_sensitive (self->annex_row, !csv);
  gtk_widget_set_sensitive (GTK_WIDGET (self->workshop_row), annex);
  gtk_widget_set_sensitive (GTK_WIDGET (self->disposition_row), annex);
  gtk_widget_set_sensitive (GTK_WIDGET (self->anonymise_row), annex);
  gtk_widget_set_sensitive (GTK_WIDGET (self->classification_row), !csv);
  /* A redline is a document with tracked changes: not Markdown nor CSV;
   * nor a review copy, which holds the pillars as they are now. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_row),
                            self->snapshots != NULL && self->snapshots->len > 0 && selected_format (self) != PL_EXPORT_MARKDOWN &&
                            !csv && !review);
  gtk_widget_set_sensitive (self->review_row, office);
  gtk_widget_set_sensitive (GTK_WIDGET (self->deadline_row), review);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pillars_switch), !review);
  if (review)
    gtk_switch_set_active (self->pillars_switch, TRUE);
}

void
pl_export_dialog_set_compare (PlExportDialog *self,
                              PlSnapshot     *snapshot)
{
  guint index;

  g_return_if_fail (PL_IS_EXPORT_DIALOG (self));
  if (snapshot != NULL && g_ptr_array_find (self->snapshots, snapshot, &index))
    adw_combo_row_set_selected (self->compare_row, index + 1);
  else
    adw_combo_row_set_selected (self->compare_row, 0);
}

void
pl_export_dialog_set_format (PlExportDialog *self,
                             PlExportFormat  format)
{
  g_return_if_fail (PL_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

void
pl_export_dialog_get_options (PlExportDialog  *self,
                              PlExportOptions *options)
{
  guint workshop, disposition;
  const char *marking;

  g_return_if_fail (PL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  pl_export_options_init (options);
  options->format = selected_format (self);
  options->title_page = gtk_switch_get_active (self->title_page_switch);
  options->front_matter = gtk_switch_get_active (self->front_matter_switch);
  options->pillars = gtk_switch_get_active (self->pillars_switch);
  options->implementation_plan = gtk_switch_get_active (self->plan_switch);
  options->annex = gtk_switch_get_active (self->annex_switch);
  options->anonymise = (PlAnonymise) MIN (adw_combo_row_get_selected (self->anonymise_row), PL_ANONYMISE_FULL);

  /* Item 0 of the filters is "All". */
  workshop = adw_combo_row_get_selected (self->workshop_row);
  if (workshop != GTK_INVALID_LIST_POSITION && workshop > 0)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (pl_document_get_workshops (self->document), workshop - 1);

      options->workshop_id = w ? pl_record_get_id (PL_RECORD (w)) : 0;
    }
  disposition = adw_combo_row_get_selected (self->disposition_row);
  options->disposition = disposition != GTK_INVALID_LIST_POSITION && disposition > 0 ? (int) disposition - 1 : -1;

  options->for_review = review_chosen (self);
  if (options->for_review)
    {
      g_autofree char *deadline = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deadline_row))));

      options->pillars = TRUE;
      if (*deadline)
        options->review_deadline = g_steal_pointer (&deadline);
    }
  else
    {
      guint since = adw_combo_row_get_selected (self->compare_row);
      PlExportFormat format = options->format;

      if (since != GTK_INVALID_LIST_POSITION && since > 0 && since <= self->snapshots->len &&
          (format == PL_EXPORT_HTML || format == PL_EXPORT_DOCX || format == PL_EXPORT_ODT))
        options->compare = g_object_ref (g_ptr_array_index (self->snapshots, since - 1));
    }
  marking = gtk_editable_get_text (GTK_EDITABLE (self->classification_row));
  if (g_strcmp0 (marking, pl_strategy_get_classification (pl_document_get_strategy (self->document))) != 0)
    options->classification = g_strdup (marking);
}

gboolean
pl_export_dialog_export_to (PlExportDialog  *self,
                            const char      *path,
                            GError         **error)
{
  PlExportOptions options;
  gboolean ok;

  g_return_val_if_fail (PL_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pl_export_dialog_get_options (self, &options);
  memset (&self->report, 0, sizeof self->report);
  options.report = &self->report;
  /* On the main thread: the document's SQLite connection is not shared
   * with other threads, and an export takes a fraction of a second. */
  ok = pl_export_to_file (self->document, &options, path, NULL, error);
  pl_export_options_clear (&options);
  return ok;
}

const PlExportReport *
pl_export_dialog_get_report (PlExportDialog *self)
{
  g_return_val_if_fail (PL_IS_EXPORT_DIALOG (self), NULL);
  return &self->report;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL ||
      (path = g_file_get_path (file)) == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }
  g_clear_object (&self->chooser);

  if (!pl_export_dialog_export_to (self, path, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (widget);
  PlExportFormat format = selected_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = pl_strategy_get_title (pl_document_get_strategy (self->document));
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Strategy"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  pattern = g_strconcat ("*.", pl_export_format_extension (format), NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, pl_export_format_mime_type (format));
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row)
                                    ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                                    : pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf ("%s%s.%s", *title ? title : _("Strategy"),
                          format == PL_EXPORT_CSV || format == PL_EXPORT_XLSX ? _(" — recommendations")
                          : review_chosen (self) ? _(" — review copy") : "",
                          pl_export_format_extension (format));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pl_export_dialog_dispose (GObject *object)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_export_dialog_parent_class)->dispose (object);
}

static void
pl_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_export_dialog_constructed (GObject *object)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (object);
  GListModel *workshops;
  g_autoptr(GtkStringList) workshop_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) dispositions = gtk_string_list_new (NULL);
  guint n;

  G_OBJECT_CLASS (pl_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (PL_IS_DOCUMENT (self->document));

  gtk_string_list_append (workshop_names, _("All workshops"));
  workshops = pl_document_get_workshops (self->document);
  n = g_list_model_get_n_items (workshops);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlWorkshop) workshop = g_list_model_get_item (workshops, i);

      gtk_string_list_append (workshop_names, pl_workshop_get_title (workshop));
    }
  adw_combo_row_set_model (self->workshop_row, G_LIST_MODEL (workshop_names));

  gtk_string_list_append (dispositions, _("All dispositions"));
  for (guint i = 0; i < pl_enum_count (PL_TYPE_DISPOSITION); i++)
    gtk_string_list_append (dispositions, pl_enum_to_label (PL_TYPE_DISPOSITION, (int) i));
  adw_combo_row_set_model (self->disposition_row, G_LIST_MODEL (dispositions));

  gtk_editable_set_text (GTK_EDITABLE (self->classification_row),
                         pl_strategy_get_classification (pl_document_get_strategy (self->document)));
  {
    g_autoptr(GtkStringList) since = gtk_string_list_new (NULL);
    GListModel *snapshots = pl_document_get_snapshots (self->document);

    gtk_string_list_append (since, _("Nothing (a clean copy)"));
    for (guint i = g_list_model_get_n_items (snapshots); i > 0; i--)
      {
        PlSnapshot *snapshot = g_list_model_get_item (snapshots, i - 1);

        g_ptr_array_add (self->snapshots, snapshot);
        gtk_string_list_append (since, pl_snapshot_get_name (snapshot));
      }
    adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (since));
  }
  update_sensitivity (self);
}

static void
pl_export_dialog_class_init (PlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_export_dialog_constructed;
  object_class->dispose = pl_export_dialog_dispose;
  object_class->get_property = pl_export_dialog_get_property;
  object_class->set_property = pl_export_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlExportDialog::exported:
   * @path: the file written
   *
   * Emitted once the export chosen in the dialog has been written, just
   * before the dialog closes (the window says so in a toast).
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, compare_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, review_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, parts_group);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, title_page_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, front_matter_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, pillars_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, plan_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, annex_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, annex_switch);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, disposition_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, anonymise_row);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, classification_row);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_export_dialog_init (PlExportDialog *self)
{
  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_selected (self->anonymise_row, PL_ANONYMISE_ORGANISATION);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_sensitivity), self);
  g_signal_connect_swapped (self->annex_switch, "notify::active", G_CALLBACK (update_sensitivity), self);
  g_signal_connect_swapped (self->review_switch, "notify::active", G_CALLBACK (update_sensitivity), self);
}

void
pl_export_dialog_set_for_review (PlExportDialog *self,
                                 gboolean        for_review)
{
  g_return_if_fail (PL_IS_EXPORT_DIALOG (self));
  if (for_review && selected_format (self) != PL_EXPORT_DOCX && selected_format (self) != PL_EXPORT_ODT)
    pl_export_dialog_set_format (self, PL_EXPORT_DOCX);
  gtk_switch_set_active (self->review_switch, for_review);
}

GtkWidget *
pl_export_dialog_new (GtkWindow  *parent,
                      PlDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  return g_object_new (PL_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}
