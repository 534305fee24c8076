/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-compare-view.h"
#include "pl-document-snapshots.h"
#include "pl-feedback-format.h"
#include "pl-snapshots-view.h"

struct _PlSnapshotsView
{
  AdwPreferencesWindow  parent_instance;

  PlAutosave           *autosave;
  PlDocument           *document;
  PlSnapshot           *last_deleted;
  PlSnapshot           *before_restore;  /* the draft before the last restore: its undo */
  GtkSortListModel     *sorted;
  gboolean              editable;

  AdwEntryRow          *label_row;
  GtkListBox           *list;
  GtkWidget            *compare_button;
};

G_DEFINE_FINAL_TYPE (PlSnapshotsView, pl_snapshots_view, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
can_write (PlSnapshotsView *self)
{
  return self->document != NULL && !pl_document_is_read_only (self->document);
}

static void
show_error (PlSnapshotsView *self,
            GError          *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* ---- rows ---- */

static void
update_row (AdwActionRow *row)
{
  PlSnapshot *snapshot = g_object_get_data (G_OBJECT (row), "pl-snapshot");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = pl_feedback_format_time (pl_record_get_created_at (PL_RECORD (snapshot)), now);
  const char *status = pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_snapshot_get_status (snapshot));
  g_autofree char *subtitle = NULL;

  if (pl_snapshot_get_automatic (snapshot))
    /* Translators: a snapshot's subtitle: "Validation · 14 Sep, 14:05 · taken by Pillars" */
    subtitle = g_strdup_printf (_("%s · %s · taken by Pillars"), status, when);
  else
    /* Translators: a snapshot's subtitle: status of the strategy then, and when */
    subtitle = g_strdup_printf (_("%s · %s"), status, when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_snapshot_get_name (snapshot));
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlSnapshot *snapshot = item;
  gint64 id = pl_record_get_id (PL_RECORD (snapshot));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *compare = gtk_button_new_with_mnemonic (_("C_ompare"));
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr(GMenuItem) restore = g_menu_item_new (_("Re_store…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

  g_object_set_data_full (G_OBJECT (row), "pl-snapshot", g_object_ref (snapshot), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (compare, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (compare, _("Compare this snapshot with the current draft"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (compare), "snapshots.compare");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (compare), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare);

  g_menu_item_set_action_and_target (rename, "snapshots.rename", "x", id);
  g_menu_item_set_action_and_target (restore, "snapshots.restore", "x", id);
  g_menu_item_set_action_and_target (delete, "snapshots.delete", "x", id);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, restore);
  g_menu_append_item (menu, delete);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  update_row (ADW_ACTION_ROW (row));
  g_signal_connect_object (snapshot, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  return row;
}

GtkWidget *
pl_snapshots_view_get_row (PlSnapshotsView *self,
                           PlSnapshot      *snapshot)
{
  g_return_val_if_fail (PL_IS_SNAPSHOTS_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "pl-snapshot") == (gpointer) snapshot)
      return row;
  return NULL;
}

/* Newest first: the document lists them oldest first. */
static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 ia = pl_record_get_id ((PlRecord *) a);
  gint64 ib = pl_record_get_id ((PlRecord *) b);

  return ia < ib ? 1 : ia > ib ? -1 : 0;
}

static void
update_sensitivity (PlSnapshotsView *self)
{
  guint n = self->sorted ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->label_row), can_write (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.rename", can_write (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.delete", can_write (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.restore", can_write (self) && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.compare-any", n > 0);
}

/* ---- take ---- */

static void
take_cb (PlSnapshotsView *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  g_autoptr(PlSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!can_write (self))
    return;
  if (*label == '\0')
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Type a label first, such as “Before the Nairobi workshop”")));
      gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
      return;
    }
  /* What is typed in the editors belongs in the snapshot. */
  if (!pl_autosave_flush (self->autosave, &error) ||
      (snapshot = pl_document_take_snapshot (self->document, label, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), "");
  message = g_strdup_printf (_("Snapshot “%s” taken"), pl_snapshot_get_name (snapshot));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static PlSnapshot *
lookup_snapshot (PlSnapshotsView *self,
                 GVariant        *parameter)
{
  g_autoptr(GError) error = NULL;
  PlRecord *record = pl_document_lookup (self->document, PL_TYPE_SNAPSHOT, g_variant_get_int64 (parameter), &error);

  if (record == NULL)
    show_error (self, error);
  return (PlSnapshot *) record;
}

/* ---- rename ---- */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PlSnapshotsView  *self)
{
  PlSnapshot *snapshot = g_object_get_data (G_OBJECT (dialog), "pl-snapshot");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pl-entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->document == NULL)
    return;
  if (!pl_document_rename_snapshot (self->document, snapshot, gtk_editable_get_text (entry), &error))
    show_error (self, error);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *text != '\0');
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    {
      adw_message_dialog_response (dialog, "rename");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
snapshots_rename_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) snapshot = lookup_snapshot (self, parameter);
  GtkWidget *dialog, *entry;

  if (snapshot == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Snapshot"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), pl_snapshot_get_name (snapshot));
  gtk_entry_set_max_length (GTK_ENTRY (entry), PL_SNAPSHOT_MAX_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pl-snapshot", g_object_ref (snapshot), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "pl-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (rename_entry_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- delete ---- */

static void
snapshots_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) snapshot = lookup_snapshot (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (snapshot == NULL)
    return;
  if (!pl_document_delete (self->document, PL_RECORD (snapshot), &error))
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->last_deleted, snapshot);
  message = g_strdup_printf (_("Snapshot “%s” deleted"), pl_snapshot_get_name (snapshot));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "snapshots.undo-delete");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
snapshots_undo_delete_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) snapshot = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  if (snapshot != NULL && !pl_document_undelete (self->document, PL_RECORD (snapshot), &error))
    show_error (self, error);
}

/* ---- restore ---- */

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlSnapshotsView  *self)
{
  PlSnapshot *snapshot = g_object_get_data (G_OBJECT (dialog), "pl-snapshot");
  g_autoptr(PlSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "restore") || self->document == NULL || !self->editable)
    return;
  if (!pl_autosave_flush (self->autosave, &error) ||
      (before = pl_document_restore_snapshot (self->document, snapshot, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Restored “%s”; the draft before is kept as “%s”"),
                             pl_snapshot_get_name (snapshot), pl_snapshot_get_name (before));
  g_set_object (&self->before_restore, before);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "snapshots.undo-restore");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Undoing a restore is restoring the snapshot it took of the draft before. */
static void
snapshots_undo_restore_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) before = g_steal_pointer (&self->before_restore);
  g_autoptr(PlSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;

  if (before == NULL || !self->editable || pl_record_is_deleted (PL_RECORD (before)))
    return;
  if (!pl_autosave_flush (self->autosave, &error) ||
      (after = pl_document_restore_snapshot (self->document, before, &error)) == NULL)
    show_error (self, error);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Restore undone")));
}

static void
snapshots_restore_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) snapshot = lookup_snapshot (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (snapshot == NULL || !self->editable)
    return;
  heading = g_strdup_printf (_("Restore “%s”?"), pl_snapshot_get_name (snapshot));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The strategy, its sections, pillars, objectives and actions become as they were in this snapshot. "
                                     "A snapshot of the current draft is taken first, so you can come back to it. Feedback is not changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pl-snapshot", g_object_ref (snapshot), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- compare ---- */

static void
open_compare (PlSnapshotsView *self,
              PlSnapshot      *old)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  if (!pl_autosave_flush (self->autosave, &error))
    {
      show_error (self, error);
      return;
    }
  view = pl_compare_view_new (self->document, old, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (view));
}

static void
snapshots_compare_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) snapshot = lookup_snapshot (self, parameter);

  if (snapshot != NULL)
    open_compare (self, snapshot);
}

static void
snapshots_compare_any_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (widget);
  g_autoptr(PlSnapshot) newest = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

  if (newest != NULL)
    open_compare (self, newest);
}

/* Escape closes the view, also from the label row, which would keep it
 * to undo an edit: with nothing typed there is nothing to undo. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PlSnapshotsView       *self)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->label_row)) != '\0' &&
      gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (self))) &&
      gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (self->label_row)))
    return GDK_EVENT_PROPAGATE;
  gtk_window_close (GTK_WINDOW (self));
  return GDK_EVENT_STOP;
}

/* ---- GObject ---- */

GtkWidget *
pl_snapshots_view_new (PlAutosave *autosave,
                       gboolean    editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);
  return g_object_new (PL_TYPE_SNAPSHOTS_VIEW, "autosave", autosave, "editable", editable, NULL);
}

void
pl_snapshots_view_set_editable (PlSnapshotsView *self,
                                gboolean         editable)
{
  g_return_if_fail (PL_IS_SNAPSHOTS_VIEW (self));
  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
pl_snapshots_view_constructed (GObject *object)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (object);
  GtkSorter *sorter;

  G_OBJECT_CLASS (pl_snapshots_view_parent_class)->constructed (object);
  self->document = g_object_ref (pl_autosave_get_document (self->autosave));
  sorter = GTK_SORTER (gtk_custom_sorter_new (newest_first, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (pl_document_get_snapshots (self->document)), sorter);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->sorted), create_row_cb, self, NULL);
  {
    GtkWidget *empty = gtk_label_new (_("No snapshots yet. Pillars takes one by itself at each change of status."));

    gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
    gtk_widget_add_css_class (empty, "dim-label");
    gtk_widget_set_margin_top (empty, 18);
    gtk_widget_set_margin_bottom (empty, 18);
    gtk_widget_set_margin_start (empty, 12);
    gtk_widget_set_margin_end (empty, 12);
    gtk_list_box_set_placeholder (self->list, empty);
  }
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
}

static void
pl_snapshots_view_dispose (GObject *object)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_SNAPSHOTS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->last_deleted);
  g_clear_object (&self->before_restore);
  g_clear_object (&self->document);
  g_clear_object (&self->autosave);
  G_OBJECT_CLASS (pl_snapshots_view_parent_class)->dispose (object);
}

static void
pl_snapshots_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_snapshots_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlSnapshotsView *self = PL_SNAPSHOTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      pl_snapshots_view_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_snapshots_view_class_init (PlSnapshotsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_snapshots_view_constructed;
  object_class->dispose = pl_snapshots_view_dispose;
  object_class->get_property = pl_snapshots_view_get_property;
  object_class->set_property = pl_snapshots_view_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-snapshots-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlSnapshotsView, label_row);
  gtk_widget_class_bind_template_child (widget_class, PlSnapshotsView, list);
  gtk_widget_class_bind_template_child (widget_class, PlSnapshotsView, compare_button);
  gtk_widget_class_bind_template_callback (widget_class, take_cb);

  gtk_widget_class_install_action (widget_class, "snapshots.rename", "x", snapshots_rename_action);
  gtk_widget_class_install_action (widget_class, "snapshots.delete", "x", snapshots_delete_action);
  gtk_widget_class_install_action (widget_class, "snapshots.undo-delete", NULL, snapshots_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "snapshots.restore", "x", snapshots_restore_action);
  gtk_widget_class_install_action (widget_class, "snapshots.undo-restore", NULL, snapshots_undo_restore_action);
  gtk_widget_class_install_action (widget_class, "snapshots.compare", "x", snapshots_compare_action);
  gtk_widget_class_install_action (widget_class, "snapshots.compare-any", NULL, snapshots_compare_any_action);
}

static void
pl_snapshots_view_init (PlSnapshotsView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
