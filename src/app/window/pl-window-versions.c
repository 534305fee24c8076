/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-compare-view.h"
#include "pl-document-snapshots.h"
#include "pl-snapshots-view.h"
#include "pl-window-private.h"

/* Versions in the window: the Snapshots view (Ctrl+Alt+S), the Compare
 * view (Ctrl+Alt+D), and the lock of a strategy in cabinet review or
 * adopted: its text is read-only under a bar that says so, until someone
 * unlocks it for the session, giving a reason that labels a snapshot. */

typedef struct {
  PlWindow   *window;
  GtkWidget  *bar;          /* GtkRevealer */
  GtkLabel   *bar_label;
  gboolean    unlocked;     /* for this window's session */
  gboolean    was_editable;
  gboolean    was_tracking; /* adopted: the plan's status open */
  GtkWidget  *snapshots;    /* weak: the open Snapshots view */
} Versions;

static Versions *
get_versions (PlWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "pl-window-versions");
}

static gboolean
status_locks (PlLifecycle status)
{
  return status == PL_LIFECYCLE_CABINET_REVIEW || status == PL_LIFECYCLE_ADOPTED;
}

gboolean
_pl_window_versions_locked (PlWindow *self)
{
  Versions *v = get_versions (self);

  if (self->document == NULL || self->closed || pl_document_is_read_only (self->document))
    return FALSE;
  if (v != NULL && v->unlocked)
    return FALSE;
  return status_locks (pl_strategy_get_status (pl_document_get_strategy (self->document)));
}

/* Adopted and locked: the text cannot change, but the implementation is
 * tracked, so the actions' status can. */
gboolean
_pl_window_versions_tracks_progress (PlWindow *self)
{
  return _pl_window_versions_locked (self)
         && pl_strategy_get_status (pl_document_get_strategy (self->document)) == PL_LIFECYCLE_ADOPTED;
}

gboolean
_pl_window_versions_get_unlocked (PlWindow *self)
{
  Versions *v = get_versions (self);

  return v != NULL && v->unlocked;
}

/* ---- the lock ---- */

static void
update_lock (PlWindow *self)
{
  Versions *v = get_versions (self);
  gboolean locked = _pl_window_versions_locked (self);
  gboolean editable = pl_window_is_editable (self);
  gboolean tracking = _pl_window_versions_tracks_progress (self);
  gboolean writable = self->document != NULL && !self->closed && !pl_document_is_read_only (self->document);

  if (v == NULL)
    return;
  if (locked)
    {
      PlLifecycle status = pl_strategy_get_status (pl_document_get_strategy (self->document));

      gtk_label_set_text (v->bar_label, status == PL_LIFECYCLE_ADOPTED
                                        ? _("Adopted — the text is locked; progress is tracked in the plan")
                                        : _("In cabinet review — editing is locked"));
    }
  /* As for a read-only file: no pencils on fields that cannot change. */
  if (writable)
    {
      if (locked)
        gtk_widget_add_css_class (GTK_WIDGET (self), "pl-read-only");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "pl-read-only");
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (v->bar), locked);
  gtk_widget_set_visible (v->bar, locked);
  if (editable != v->was_editable || tracking != v->was_tracking)
    {
      v->was_editable = editable;
      v->was_tracking = tracking;
      /* The editors take their editability when made: make them again. */
      pl_window_tabs_rebuild (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pillar", editable);
      gtk_widget_set_sensitive (self->new_pillar_button, editable);
    }
  /* The status is not the text: it can change while the text is locked
   * (back to drafting is how a strategy is reopened). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status", writable);
  if (v->snapshots != NULL)
    pl_snapshots_view_set_editable (PL_SNAPSHOTS_VIEW (v->snapshots), editable);
}

static void
status_notify_cb (PlStrategy *strategy,
                  GParamSpec *pspec,
                  PlWindow   *self)
{
  update_lock (self);
}

static void
unlock_reason_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "unlock", *text != '\0');
}

static void
unlock_reason_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "unlock"))
    {
      adw_message_dialog_response (dialog, "unlock");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

gboolean
_pl_window_versions_unlock (PlWindow    *self,
                            const char  *reason,
                            GError     **error)
{
  Versions *v = get_versions (self);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *label = NULL;
  g_autoptr(PlSnapshot) snapshot = NULL;

  if (v == NULL || !_pl_window_versions_locked (self))
    return TRUE;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                           _("Say why the strategy is unlocked: the reason labels the snapshot taken first"));
      return FALSE;
    }
  /* Translators: the label of the snapshot taken when a locked strategy is unlocked; %s is the reason given */
  label = g_strdup_printf (_("Unlocked: %s"), trimmed);
  if (g_utf8_strlen (label, -1) > PL_SNAPSHOT_MAX_LABEL)
    {
      char *end = g_utf8_offset_to_pointer (label, PL_SNAPSHOT_MAX_LABEL);

      *end = '\0';
    }
  if (!pl_window_flush (self, error) ||
      (snapshot = pl_document_take_snapshot (self->document, label, error)) == NULL)
    return FALSE;
  v->unlocked = TRUE;
  update_lock (self);
  return TRUE;
}

static void
unlock_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PlWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pl-entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "unlock") || self->closed)
    return;
  if (!_pl_window_versions_unlock (self, gtk_editable_get_text (entry), &error))
    pl_window_show_error (self, _("Could Not Unlock the Strategy"), error);
  else
    pl_window_add_toast (self, _("Editing unlocked until this window closes; a snapshot keeps the text as it was"));
}

static void
win_unlock_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GtkWidget *dialog, *entry;

  if (!_pl_window_versions_locked (self))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unlock Editing?"),
                                   _("The text of this strategy was approved as it is. Say why it must change: "
                                     "a snapshot labelled with your reason is taken first, so the approved text stays on record. "
                                     "Editing stays unlocked until this window is closed."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, such as “Cabinet asked for a new lead agency in 2.3”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "unlock", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pl-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (unlock_reason_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (unlock_reason_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unlock_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
make_bar (Versions *v)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Unlock…"));

  gtk_widget_add_css_class (box, "pl-lock-bar");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Give a reason and edit the text"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.unlock");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Editing locked"), -1);
  v->bar_label = GTK_LABEL (label);
  return revealer;
}

/* ---- the views ---- */

static void
win_snapshots_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  Versions *v = get_versions (self);

  if (v == NULL || self->document == NULL || self->closed)
    return;
  if (v->snapshots == NULL)
    {
      v->snapshots = pl_snapshots_view_new (self->autosave, pl_window_is_editable (self));
      g_object_add_weak_pointer (G_OBJECT (v->snapshots), (gpointer *) &v->snapshots);
      gtk_window_set_transient_for (GTK_WINDOW (v->snapshots), GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (v->snapshots));
}

static void
win_compare_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  if (self->document == NULL || self->closed)
    return;
  /* The current draft, with what is being typed. */
  if (!pl_window_flush (self, &error))
    {
      pl_window_show_error (self, _("Could Not Compare"), error);
      return;
    }
  view = pl_compare_view_new (self->document, NULL, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (view));
}

/* ---- install ---- */

static void
free_versions (gpointer data)
{
  Versions *v = data;

  if (v->snapshots != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (v->snapshots), (gpointer *) &v->snapshots);
      gtk_window_destroy (GTK_WINDOW (v->snapshots));
    }
  g_free (v);
}

void
_pl_window_versions_class_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.snapshots", NULL, win_snapshots_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, win_compare_action);
  gtk_widget_class_install_action (widget_class, "win.unlock", NULL, win_unlock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.snapshots", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.compare", NULL);
}

void
_pl_window_versions_install (PlWindow *self)
{
  Versions *v;
  GtkWidget *box;

  if (self->document == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.snapshots", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlock", FALSE);
      return;
    }
  v = g_new0 (Versions, 1);
  v->window = self;
  v->bar = make_bar (v);
  gtk_widget_set_visible (v->bar, FALSE);
  v->was_editable = pl_window_is_editable (self);
  v->was_tracking = _pl_window_versions_tracks_progress (self);
  g_object_set_data_full (G_OBJECT (self), "pl-window-versions", v, free_versions);
  /* Under the header bar, above the tabs. */
  box = gtk_widget_get_parent (GTK_WIDGET (self->header_bar));
  gtk_box_insert_child_after (GTK_BOX (box), v->bar, GTK_WIDGET (self->header_bar));
  g_signal_connect_object (pl_document_get_strategy (self->document), "notify::status",
                           G_CALLBACK (status_notify_cb), self, 0);
  update_lock (self);
}
