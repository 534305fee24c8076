/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-search-dialog.h"
#include "pl-window-private.h"

/*
 * "Search Strategy…" (Ctrl+Shift+F): one search over the sections, the
 * pillars, their objectives and actions, and the feedback. The dialog
 * lists and picks; here we jump to what was picked.
 */

static void
hit_activated_cb (PlSearchDialog *dialog,
                  GType           type,
                  gint64          id,
                  const char     *match,
                  PlWindow       *self)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->closed)
    return;
  record = pl_document_lookup (self->document, type, id, &error);
  if (record == NULL)
    {
      pl_window_add_toast (self, _("This result is no longer in the strategy"));
      return;
    }
  if (PL_IS_FEEDBACK (record))
    {
      g_object_set (self, "feedback-visible", TRUE, NULL);
      pl_feedback_pane_select (self->feedback_pane, PL_FEEDBACK (record));
      return;
    }
  /* The matched words are selected; a word the search matched by its stem
   * or prefix may not be found as typed, the place is still shown. */
  pl_window_show_passage (self, record, match);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  PlWindow *self = data;
  PlSearchDialog *dialog;

  if (self->document == NULL || self->closed)
    return;
  dialog = pl_search_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "hit-activated", G_CALLBACK (hit_activated_cb), self, 0);
  if (parameter != NULL)
    pl_search_dialog_set_query (dialog, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pl_window_search_install (PlWindow *self)
{
  static const GActionEntry entries[] = {
    { "search", search_activated, NULL, NULL, NULL },
    /* The same with the words already typed (scripts, tests). */
    { "search-for", search_activated, "s", NULL, NULL },
  };
  static const char *const accels[] = { "<Control><Shift>f", NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkEventController *controller;

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  /* The application's accel shows the key in the menu; the capture-phase
   * shortcut makes it work from anywhere, before a text view or a row
   * with keys of its own sees it. */
  if (app != NULL)
    gtk_application_set_accels_for_action (app, "win.search", accels);
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_static_name (controller, "pl-window-search");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[0]),
                                                          gtk_named_action_new ("win.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
