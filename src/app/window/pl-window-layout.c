/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-window-private.h"

/* The pane's width and the focus after F6.
 *
 * F6 moves the focus between the strategy and the feedback pane (GtkPaned's
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

/* The feedback pane keeps the width it was given.  GtkPaned's position
 * counts from the left, and the window's real width is known only once it is
 * laid out: placed from the saved window width, a window maximised on a
 * 1024-px laptop (or on a smaller screen than last time) gave the pane its
 * minimum width, ellipsising "Recommendation", and saved that width.  So
 * the pane is placed at the first layout, and its width saved only after. */
static gboolean
place_pane_tick_cb (GtkWidget     *paned,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  PlWindow *self = user_data;
  int width = gtk_widget_get_width (paned);

  if (self->closed)
    return G_SOURCE_REMOVE;
  if (width <= 0)
    return G_SOURCE_CONTINUE;
  gtk_paned_set_position (GTK_PANED (paned), MAX (0, width - g_settings_get_int (self->settings, "feedback-pane-width")));
  g_object_set_data (G_OBJECT (self), "pl-window-pane-placed", GINT_TO_POINTER (TRUE));
  return G_SOURCE_REMOVE;
}

void
_pl_window_layout_place_pane (PlWindow *self)
{
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "window-width") -
                                       g_settings_get_int (self->settings, "feedback-pane-width"));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->paned), place_pane_tick_cb, self, NULL);
}

gboolean
_pl_window_layout_pane_placed (PlWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "pl-window-pane-placed") != NULL;
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
