/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-record-row.h"
#include "pl-utils.h"

struct _PlRecordRow
{
  AdwExpanderRow  parent_instance;

  GtkWidget      *delete_row;
  GtkWidget      *delete_button;

  PlRecord       *record;
  GStrv           fields;
  char           *delete_label;
  char           *delete_action;
  GtkWidget      *first_entry;
};

G_DEFINE_FINAL_TYPE (PlRecordRow, pl_record_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_FIELDS,
  PROP_DELETE_LABEL,
  PROP_DELETE_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_changed_cb (AdwEntryRow *entry,
                  PlRecord    *record)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autoptr(GError) error = NULL;

  if (pl_record_is_deleted (record) ||
      g_strcmp0 (pl_record_get_string (record, property), gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
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

static void
pl_record_row_constructed (GObject *object)
{
  PlRecordRow *self = PL_RECORD_ROW (object);

  G_OBJECT_CLASS (pl_record_row_parent_class)->constructed (object);

  g_return_if_fail (PL_IS_RECORD (self->record));

  for (guint i = 0; self->fields != NULL && self->fields[i] != NULL && self->fields[i + 1] != NULL; i += 2)
    {
      const char *property = self->fields[i];
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(self->fields[i + 1]));
      gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (self->record, property));
      /* The property name lives as long as the row's "fields". */
      g_object_set_data (G_OBJECT (entry), "property", (gpointer) property);
      g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), self->record, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), entry);
      if (self->first_entry == NULL)
        self->first_entry = entry;
    }

  gtk_button_set_label (GTK_BUTTON (self->delete_button), self->delete_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), self->delete_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", pl_record_get_id (self->record));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->delete_row);
}

static void
pl_record_row_dispose (GObject *object)
{
  PlRecordRow *self = PL_RECORD_ROW (object);

  self->first_entry = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_RECORD_ROW);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (pl_record_row_parent_class)->dispose (object);
}

static void
pl_record_row_finalize (GObject *object)
{
  PlRecordRow *self = PL_RECORD_ROW (object);

  g_strfreev (self->fields);
  g_free (self->delete_label);
  g_free (self->delete_action);

  G_OBJECT_CLASS (pl_record_row_parent_class)->finalize (object);
}

static void
pl_record_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlRecordRow *self = PL_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_FIELDS:
      g_value_set_boxed (value, self->fields);
      break;
    case PROP_DELETE_LABEL:
      g_value_set_string (value, self->delete_label);
      break;
    case PROP_DELETE_ACTION:
      g_value_set_string (value, self->delete_action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlRecordRow *self = PL_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_FIELDS:
      self->fields = g_value_dup_boxed (value);
      break;
    case PROP_DELETE_LABEL:
      self->delete_label = g_value_dup_string (value);
      break;
    case PROP_DELETE_ACTION:
      self->delete_action = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_row_class_init (PlRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_record_row_constructed;
  object_class->dispose = pl_record_row_dispose;
  object_class->finalize = pl_record_row_finalize;
  object_class->get_property = pl_record_row_get_property;
  object_class->set_property = pl_record_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS] =
    g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETE_LABEL] =
    g_param_spec_string ("delete-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETE_ACTION] =
    g_param_spec_string ("delete-action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlRecordRow, delete_row);
  gtk_widget_class_bind_template_child (widget_class, PlRecordRow, delete_button);
}

static void
pl_record_row_init (PlRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_record_row_new (PlRecord           *record,
                   const char * const *fields,
                   const char         *delete_label,
                   const char         *delete_action)
{
  g_return_val_if_fail (PL_IS_RECORD (record), NULL);

  return g_object_new (PL_TYPE_RECORD_ROW,
                       "record", record,
                       "fields", fields,
                       "delete-label", delete_label,
                       "delete-action", delete_action,
                       NULL);
}

PlRecord *
pl_record_row_get_record (PlRecordRow *self)
{
  g_return_val_if_fail (PL_IS_RECORD_ROW (self), NULL);
  return self->record;
}

void
pl_record_row_add_row (PlRecordRow *self,
                       GtkWidget   *row)
{
  g_return_if_fail (PL_IS_RECORD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  /* An expander row only appends: take the Delete row (which the template
   * keeps alive) out and put it back after @row. */
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->delete_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->delete_row);
}

void
pl_record_row_edit (PlRecordRow *self)
{
  g_return_if_fail (PL_IS_RECORD_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (self->first_entry == NULL)
    return;
  gtk_widget_grab_focus (self->first_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->first_entry), 0, -1);
}

PlRecordRow *
pl_record_row_find (GtkListBox *list,
                    PlRecord   *record)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PL_IS_RECORD_ROW (child) && PL_RECORD_ROW (child)->record == record)
      return PL_RECORD_ROW (child);
  return NULL;
}
