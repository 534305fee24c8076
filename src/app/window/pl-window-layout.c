/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-window-private.h"

/* F6 moves the focus between the strategy and the feedback pane (GtkPaned's
 * own key).  GTK shows the focus ring after Tab or an arrow key but not
 * after F6, so someone who had been using the mouse pressed F6 and could not
 * see where the focus went: F6 is a keyboard user's move, so it makes the
 * focus visible. */

static gboolean
f6_pressed_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               gpointer               user_data)
{
  PlWindow *self = user_data;

  if (keyval == GDK_KEY_F6)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  /* The paned still moves the focus. */
  return GDK_EVENT_PROPAGATE;
}

void
_pl_window_layout_install (PlWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (keys, "pl-window-f6");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (f6_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
