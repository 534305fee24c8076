/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and Redo of the window: they walk the document's one history
 * (pl-document-history.h), so every change made in the window (a reorder,
 * a field, a status, a delete, an add, feedback) is undone in order. Typing
 * inside a text buffer is not in that history: the buffer keeps its own
 * undo, and its Ctrl+Z runs first while it has something to undo. */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-document-history.h"
#include "pl-window-private.h"

#define LAST_TOAST_KEY "pl-undo-last-toast"

static void
update_undo_actions (PlWindow *self)
{
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  GAction *redo = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  gboolean editable = self->document != NULL && !self->closed && pl_window_is_editable (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), editable && pl_document_can_undo (self->document));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (redo), editable && pl_document_can_redo (self->document));
}

static void
toast_dismissed_cb (AdwToast *toast,
                    PlWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), LAST_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (self), LAST_TOAST_KEY, NULL);
}

/* One toast for the last undo or redo: pressing Ctrl+Z five times should
 * not stack five toasts. The toast still up is updated rather than
 * dismissed and replaced (libadwaita 1.2 queues toasts; dismissing one
 * still in the queue is not something to lean on). */
static void
show_toast (PlWindow   *self,
            const char *title,
            const char *button,
            const char *action)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), LAST_TOAST_KEY);

  if (toast != NULL)
    {
      adw_toast_set_title (toast, title);
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, button);
  adw_toast_set_action_name (toast, action);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  g_object_set_data_full (G_OBJECT (self), LAST_TOAST_KEY, g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
replay (PlWindow *self,
        gboolean  undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  if (self->document == NULL || self->closed || !pl_window_is_editable (self))
    return;
  /* Typing not yet written goes in first, so it is not lost nor undone
   * out of order. */
  if (!pl_autosave_flush (self->autosave, &error))
    {
      pl_window_show_error (self, undo ? _("Could Not Undo") : _("Could Not Redo"), error);
      return;
    }
  ok = undo ? pl_document_undo (self->document, &label, &error)
            : pl_document_redo (self->document, &label, &error);
  if (!ok)
    {
      pl_window_show_error (self, undo ? _("Could Not Undo") : _("Could Not Redo"), error);
      update_undo_actions (self);
      return;
    }
  if (undo)
    {
      /* Translators: a toast; %s says what was undone, e.g. "deleting action “Train judges”". */
      title = g_strdup_printf (_("Undid %s"), label);
      show_toast (self, title, _("_Redo"), "win.redo");
    }
  else
    {
      /* Translators: a toast; %s says what was redone, e.g. "deleting action “Train judges”". */
      title = g_strdup_printf (_("Redid %s"), label);
      show_toast (self, title, _("_Undo"), "win.undo");
    }
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  replay (PL_WINDOW (user_data), TRUE);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  replay (PL_WINDOW (user_data), FALSE);
}

static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                PlDocument *document)
{
  pl_document_history_seal (document);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

void
_pl_window_undo_install (PlWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "undo", .activate = undo_activated },
    { .name = "redo", .activate = redo_activated },
  };
  GtkEventController *controller;

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  /* In the bubble phase: a text view or entry with typing to undo takes
   * Ctrl+Z first (its own action is disabled when it has none, so the key
   * comes on here). */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_static_name (controller, "pl-window-undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>z", "win.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>z", "win.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>y", "win.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  if (self->document != NULL)
    {
      g_signal_connect_object (self->document, "history-changed", G_CALLBACK (update_undo_actions), self,
                               G_CONNECT_SWAPPED);
      /* Typing in one field is one step; coming back to it later is another. */
      g_signal_connect_object (self, "notify::focus-widget", G_CALLBACK (focus_moved_cb), self->document, 0);
    }
  update_undo_actions (self);
}
