/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-record-row.h"
#include "pl-stakeholders-dialog-private.h"
#include "pl-utils.h"

struct _PlStakeholdersDialog
{
  AdwPreferencesWindow  parent_instance;

  PlDocument           *document;
  PlStakeholder        *last_deleted;

  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (PlStakeholdersDialog, pl_stakeholders_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stakeholder's text fields and their labels (see PlRecordRow). */
static const char * const fields[] = {
  "name",         N_("Name"),
  "organisation", N_("Organisation"),
  "contact",      N_("Contact (e-mail or phone)"),
  NULL
};

static void
update_row_titles (PlRecordRow *row)
{
  PlStakeholder *s = PL_STAKEHOLDER (pl_record_row_get_record (row));
  const char *name = pl_stakeholder_get_name (s);
  const char *org = pl_stakeholder_get_organisation (s);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name && *name ? name : _("Unnamed stakeholder"));
  subtitle = g_strdup_printf ("%s%s%s%s", org ? org : "", org && *org ? " · " : "",
                              pl_enum_to_label (PL_TYPE_SECTOR, pl_stakeholder_get_sector (s)),
                              pl_stakeholder_get_may_be_named (s) ? "" : _(" · not named in exports"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
report (PlStakeholdersDialog *self,
        const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
sector_selected_cb (AdwComboRow *combo,
                    GParamSpec  *pspec,
                    PlRecord    *record)
{
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || pl_record_is_deleted (record) ||
      (int) selected == (int) pl_stakeholder_get_sector (PL_STAKEHOLDER (record)))
    return;
  if (!pl_record_set (record, &error, "sector", (int) selected, NULL))
    report (PL_STAKEHOLDERS_DIALOG (gtk_widget_get_root (GTK_WIDGET (combo))), error);
}

static void
named_active_cb (GtkSwitch  *sw,
                 GParamSpec *pspec,
                 PlRecord   *record)
{
  gboolean active = gtk_switch_get_active (sw);
  g_autoptr(GError) error = NULL;

  if (pl_record_is_deleted (record) || active == pl_stakeholder_get_may_be_named (PL_STAKEHOLDER (record)))
    return;
  if (!pl_record_set (record, &error, "may-be-named", (int) active, NULL))
    report (PL_STAKEHOLDERS_DIALOG (gtk_widget_get_root (GTK_WIDGET (sw))), error);
}

static void
fill_merge_choices (PlStakeholdersDialog *self,
                    GParamSpec           *pspec,
                    AdwExpanderRow       *row)
{
  PlRecord *me = pl_record_row_get_record (PL_RECORD_ROW (row));
  GtkDropDown *combo = g_object_get_data (G_OBJECT (row), "merge-combo");
  GListModel *all = pl_document_get_stakeholders (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!adw_expander_row_get_expanded (row))
    {
      g_array_unref (ids);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (all, i);
      g_autofree char *label = NULL;
      gint64 id = pl_record_get_id (PL_RECORD (s));
      const char *org = pl_stakeholder_get_organisation (s);

      if (PL_RECORD (s) == me)
        continue;
      label = org && *org ? g_strdup_printf ("%s (%s)", pl_stakeholder_get_name (s), org)
                          : g_strdup (pl_stakeholder_get_name (s));
      gtk_string_list_append (names, label);
      g_array_append_val (ids, id);
    }
  g_object_set_data_full (G_OBJECT (combo), "ids", ids, (GDestroyNotify) g_array_unref);
  gtk_drop_down_set_model (combo, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (combo, GTK_INVALID_LIST_POSITION);
}

static void
registry_changed_cb (AdwExpanderRow *row)
{
  PlStakeholdersDialog *self = g_object_get_data (G_OBJECT (row), "dialog");

  if (self != NULL && adw_expander_row_get_expanded (row))
    fill_merge_choices (self, NULL, row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlStakeholdersDialog *self = user_data;
  PlRecord *record = item;
  GtkWidget *row = pl_record_row_new (record, fields, _("_Delete Stakeholder"), "stakeholders.delete");
  GtkWidget *combo, *named_row, *sw, *merge_row, *merge_combo, *merge_button;
  g_autoptr(GListModel) sectors = pl_enum_label_model (PL_TYPE_SECTOR);

  update_row_titles (PL_RECORD_ROW (row));
  g_signal_connect_object (record, "notify", G_CALLBACK (update_row_titles), row, G_CONNECT_SWAPPED);

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Sector"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), sectors);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), pl_stakeholder_get_sector (PL_STAKEHOLDER (record)));
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (sector_selected_cb), record, 0);
  pl_record_row_add_row (PL_RECORD_ROW (row), combo);

  named_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (named_row), _("May be named in exports"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (named_row),
                               _("Otherwise the annex shows only the organisation"));
  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), pl_stakeholder_get_may_be_named (PL_STAKEHOLDER (record)));
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (named_active_cb), record, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (named_row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (named_row), sw);
  pl_record_row_add_row (PL_RECORD_ROW (row), named_row);

  /* Merge: the same person entered twice, e.g. at two workshops. The
   * choices are filled when the row opens: a copy, not the live registry,
   * because the registry changes under the dropdown when this row goes. */
  merge_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (merge_row), _("Duplicate of"));
  merge_combo = gtk_drop_down_new_from_strings ((const char *[]) { NULL });
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (merge_combo), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (merge_combo),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_valign (merge_combo, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (merge_combo, _("The stakeholder this one is a duplicate of"));
  merge_button = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_set_valign (merge_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (merge_button), "stakeholders.merge");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (merge_button), "x", pl_record_get_id (record));
  g_object_set_data (G_OBJECT (row), "merge-combo", merge_combo);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (fill_merge_choices), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "dialog", self);
  g_signal_connect_object (pl_document_get_stakeholders (self->document), "items-changed",
                           G_CALLBACK (registry_changed_cb), row, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (merge_row), merge_combo);
  adw_action_row_add_suffix (ADW_ACTION_ROW (merge_row), merge_button);
  pl_record_row_add_row (PL_RECORD_ROW (row), merge_row);
  return row;
}

GtkWidget *
pl_stakeholders_dialog_get_row (PlStakeholdersDialog *self,
                                PlStakeholder        *stakeholder)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDERS_DIALOG (self), NULL);
  return (GtkWidget *) pl_record_row_find (self->list, PL_RECORD (stakeholder));
}

static void
stakeholders_add_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (widget);
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(GError) error = NULL;
  PlRecordRow *row;

  stakeholder = pl_document_add (self->document, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                 "name", _("New stakeholder"), NULL);
  if (stakeholder == NULL)
    {
      report (self, error);
      return;
    }
  if ((row = pl_record_row_find (self->list, PL_RECORD (stakeholder))) != NULL)
    pl_record_row_edit (row);
}

static void
stakeholders_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (widget);
  g_autoptr(PlRecord) stakeholder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  stakeholder = pl_document_lookup (self->document, PL_TYPE_STAKEHOLDER, g_variant_get_int64 (parameter), &error);
  if (stakeholder == NULL || !pl_document_delete (self->document, stakeholder, &error))
    {
      report (self, error);
      return;
    }
  g_set_object (&self->last_deleted, PL_STAKEHOLDER (stakeholder));
  message = g_strdup_printf (_("“%s” deleted"), pl_stakeholder_get_name (PL_STAKEHOLDER (stakeholder)));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "stakeholders.undo-delete");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
stakeholders_undo_delete_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (widget);
  g_autoptr(PlStakeholder) stakeholder = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  if (stakeholder != NULL && !pl_document_undelete (self->document, PL_RECORD (stakeholder), &error))
    report (self, error);
}

typedef struct {
  PlStakeholdersDialog *self;
  PlStakeholder        *duplicate;
  PlStakeholder        *into;
} MergeData;

static void
merge_data_free (MergeData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->duplicate);
  g_object_unref (data->into);
  g_free (data);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   MergeData        *data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "merge"))
    {
      if (!pl_document_fold_stakeholder (data->self->document, data->duplicate, data->into, &error))
        report (data->self, error);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Merged into “%s”"), pl_stakeholder_get_name (data->into));
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (data->self), adw_toast_new (message));
        }
    }
  merge_data_free (data);
}

static void
stakeholders_merge_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (widget);
  g_autoptr(PlRecord) duplicate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) into_record = NULL;
  GtkWidget *row, *combo, *dialog;
  PlStakeholder *into;
  GArray *ids;
  guint selected;
  MergeData *data;

  duplicate = pl_document_lookup (self->document, PL_TYPE_STAKEHOLDER, g_variant_get_int64 (parameter), &error);
  if (duplicate == NULL)
    {
      report (self, error);
      return;
    }
  row = pl_stakeholders_dialog_get_row (self, PL_STAKEHOLDER (duplicate));
  combo = row ? g_object_get_data (G_OBJECT (row), "merge-combo") : NULL;
  ids = combo ? g_object_get_data (G_OBJECT (combo), "ids") : NULL;
  selected = combo ? gtk_drop_down_get_selected (GTK_DROP_DOWN (combo)) : GTK_INVALID_LIST_POSITION;
  if (ids != NULL && selected < ids->len)
    into_record = pl_document_lookup (self->document, PL_TYPE_STAKEHOLDER,
                                      g_array_index (ids, gint64, selected), NULL);
  into = into_record ? PL_STAKEHOLDER (into_record) : NULL;
  if (into == NULL || into == PL_STAKEHOLDER (duplicate))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Choose the other stakeholder this one duplicates first")));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Stakeholders?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("All feedback of “%s” moves to “%s”, and “%s” is removed from the registry."),
                                  pl_stakeholder_get_name (PL_STAKEHOLDER (duplicate)),
                                  pl_stakeholder_get_name (into),
                                  pl_stakeholder_get_name (PL_STAKEHOLDER (duplicate)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (MergeData, 1);
  data->self = g_object_ref (self);
  data->duplicate = g_object_ref (PL_STAKEHOLDER (duplicate));
  data->into = g_object_ref (into);
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pl_stakeholders_dialog_constructed (GObject *object)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (object);

  G_OBJECT_CLASS (pl_stakeholders_dialog_parent_class)->constructed (object);
  gtk_list_box_bind_model (self->list, pl_document_get_stakeholders (self->document),
                           create_row_cb, self, NULL);
}

static void
pl_stakeholders_dialog_dispose (GObject *object)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STAKEHOLDERS_DIALOG);
  g_clear_object (&self->last_deleted);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pl_stakeholders_dialog_parent_class)->dispose (object);
}

static void
pl_stakeholders_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (object);

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
pl_stakeholders_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlStakeholdersDialog *self = PL_STAKEHOLDERS_DIALOG (object);

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
pl_stakeholders_dialog_class_init (PlStakeholdersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_stakeholders_dialog_constructed;
  object_class->dispose = pl_stakeholders_dialog_dispose;
  object_class->get_property = pl_stakeholders_dialog_get_property;
  object_class->set_property = pl_stakeholders_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-stakeholders-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlStakeholdersDialog, list);

  gtk_widget_class_install_action (widget_class, "stakeholders.add", NULL, stakeholders_add_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.delete", "x", stakeholders_delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.undo-delete", NULL, stakeholders_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.merge", "x", stakeholders_merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "stakeholders.add", NULL);
}

static void
pl_stakeholders_dialog_init (PlStakeholdersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_stakeholders_dialog_new (PlDocument *document)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  return g_object_new (PL_TYPE_STAKEHOLDERS_DIALOG, "document", document, NULL);
}
