/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-record-row.h"
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

/* The workshop's text fields and their labels (see PlRecordRow). */
static const char * const fields[] = {
  "title",      N_("Title"),
  "region",     N_("Region"),
  "location",   N_("Location"),
  "partner",    N_("Partner organisation"),
  "start-date", N_("Start date (YYYY-MM-DD)"),
  "end-date",   N_("End date (YYYY-MM-DD)"),
  "notes",      N_("Notes"),
  NULL
};

static void
update_row_titles (PlRecordRow *row)
{
  PlWorkshop *w = PL_WORKSHOP (pl_record_row_get_record (row));
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
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  GtkWidget *row = pl_record_row_new (PL_RECORD (item), fields, _("_Delete Workshop"), "workshops.delete");

  update_row_titles (PL_RECORD_ROW (row));
  g_signal_connect_object (item, "notify", G_CALLBACK (update_row_titles), row, G_CONNECT_SWAPPED);
  return row;
}

GtkWidget *
pl_workshops_dialog_get_row (PlWorkshopsDialog *self,
                             PlWorkshop        *workshop)
{
  g_return_val_if_fail (PL_IS_WORKSHOPS_DIALOG (self), NULL);
  return (GtkWidget *) pl_record_row_find (self->list, PL_RECORD (workshop));
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
  PlRecordRow *row;

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
  if ((row = pl_record_row_find (self->list, PL_RECORD (workshop))) != NULL)
    pl_record_row_edit (row);
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
