/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-utils.h"
#include "pl-workshops-dialog-private.h"

struct _PlWorkshopsDialog
{
  AdwPreferencesWindow  parent_instance;

  PlDocument           *document;
  PlWorkshop           *last_deleted;

  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (PlWorkshopsDialog, pl_workshops_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *property;
  const char *label;
} fields[] = {
  { "title",      N_("Title") },
  { "region",     N_("Region") },
  { "location",   N_("Location") },
  { "partner",    N_("Partner organisation") },
  { "start-date", N_("Start date (YYYY-MM-DD)") },
  { "end-date",   N_("End date (YYYY-MM-DD)") },
  { "notes",      N_("Notes") },
};

static void
update_row_titles (AdwExpanderRow *row)
{
  PlWorkshop *w = g_object_get_data (G_OBJECT (row), "record");
  const char *title = pl_workshop_get_title (w);
  const char *start = pl_workshop_get_start_date (w);
  const char *end = pl_workshop_get_end_date (w);
  const char *location = pl_workshop_get_location (w);
  GString *subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : _("Untitled workshop"));
  if (start && *start)
    g_string_append (subtitle, start);
  if (end && *end && g_strcmp0 (start, end) != 0)
    g_string_append_printf (subtitle, " – %s", end);
  if (location && *location)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", location);
  adw_expander_row_set_subtitle (row, subtitle->str);
  g_string_free (subtitle, TRUE);
}

static void
field_changed_cb (AdwEntryRow *entry,
                  PlRecord    *record)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autoptr(GError) error = NULL;

  if (pl_record_is_deleted (record))
    return;
  if (g_strcmp0 (pl_record_get_string (record, property), gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return;
  /* Each change is written at once, like the rest of the document. */
  if (pl_record_set (record, &error, property, gtk_editable_get_text (GTK_EDITABLE (entry)), NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlRecord *record = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *delete_row, *delete_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  update_row_titles (ADW_EXPANDER_ROW (row));
  g_signal_connect_object (record, "notify", G_CALLBACK (update_row_titles), row, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(fields[i].label));
      gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (record, fields[i].property));
      g_object_set_data (G_OBJECT (entry), "property", (gpointer) fields[i].property);
      g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), record, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
      if (i == 0)
        g_object_set_data (G_OBJECT (row), "first-entry", entry);
    }

  delete_row = adw_action_row_new ();
  delete_button = gtk_button_new_with_mnemonic (_("_Delete Workshop"));
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "workshops.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", pl_record_get_id (record));
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);
  return row;
}

GtkWidget *
pl_workshops_dialog_get_row (PlWorkshopsDialog *self,
                             PlWorkshop        *workshop)
{
  g_return_val_if_fail (PL_IS_WORKSHOPS_DIALOG (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "record") == (gpointer) workshop)
      return child;
  return NULL;
}

static void
workshops_add_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  workshop = pl_document_add (self->document, PL_TYPE_WORKSHOP, NULL, -1, &error,
                              "title", _("New workshop"),
                              "start-date", today,
                              "end-date", today,
                              NULL);
  if (workshop == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  if ((row = pl_workshops_dialog_get_row (self, workshop)) != NULL)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "first-entry");

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
}

static void
workshops_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (widget);
  g_autoptr(PlRecord) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  workshop = pl_document_lookup (self->document, PL_TYPE_WORKSHOP, g_variant_get_int64 (parameter), &error);
  if (workshop == NULL || !pl_document_delete (self->document, workshop, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  g_set_object (&self->last_deleted, PL_WORKSHOP (workshop));
  message = g_strdup_printf (_("“%s” deleted"), pl_workshop_get_title (PL_WORKSHOP (workshop)));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "workshops.undo-delete");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
workshops_undo_delete_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (widget);
  g_autoptr(PlWorkshop) workshop = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  if (workshop != NULL && !pl_document_undelete (self->document, PL_RECORD (workshop), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
pl_workshops_dialog_constructed (GObject *object)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (object);

  G_OBJECT_CLASS (pl_workshops_dialog_parent_class)->constructed (object);
  gtk_list_box_bind_model (self->list, pl_document_get_workshops (self->document),
                           create_row_cb, self, NULL);
}

static void
pl_workshops_dialog_dispose (GObject *object)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WORKSHOPS_DIALOG);
  g_clear_object (&self->last_deleted);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pl_workshops_dialog_parent_class)->dispose (object);
}

static void
pl_workshops_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (object);

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
pl_workshops_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlWorkshopsDialog *self = PL_WORKSHOPS_DIALOG (object);

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
pl_workshops_dialog_class_init (PlWorkshopsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_workshops_dialog_constructed;
  object_class->dispose = pl_workshops_dialog_dispose;
  object_class->get_property = pl_workshops_dialog_get_property;
  object_class->set_property = pl_workshops_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-workshops-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWorkshopsDialog, list);

  gtk_widget_class_install_action (widget_class, "workshops.add", NULL, workshops_add_action);
  gtk_widget_class_install_action (widget_class, "workshops.delete", "x", workshops_delete_action);
  gtk_widget_class_install_action (widget_class, "workshops.undo-delete", NULL, workshops_undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "workshops.add", NULL);
}

static void
pl_workshops_dialog_init (PlWorkshopsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_workshops_dialog_new (PlDocument *document)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  return g_object_new (PL_TYPE_WORKSHOPS_DIALOG, "document", document, NULL);
}
