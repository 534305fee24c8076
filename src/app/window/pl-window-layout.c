/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-window-private.h"

/* The pane's width, the focus after F6, and narrow windows.
 *
 * F6 moves the focus between the strategy and the feedback pane (GtkPaned's
 * own key).  GTK shows the focus ring after Tab or an arrow key but not
 * after F6, so someone who had been using the mouse pressed F6 and could not
 * see where the focus went: F6 is a keyboard user's move, so it makes the
 * focus visible.
 *
 * Narrow windows (an 800×600 projector): beside a 300-px pane the tabs were
 * squeezed to their minimum, cutting the pages.  Below FOLD_BELOW the pane
 * leaves the paned for the AdwFlap's overlay, which slides over the tabs
 * when the pane is shown (F9, the header's toggle, Alt+S, Alt+T …) and
 * hides with Esc, the toggle, a click on the dimmed tabs or F6.  The width
 * is the window's, not the pane's or the tabs' own minimum, so the layout
 * cannot flip back and forth as the pane changes parent (AdwFlap's
 * automatic folding measures its children, which here include the pane in
 * one layout and not in the other).  Above it, the side-by-side layout and
 * the pane's saved width are as before. */

/* 300 px of pane (its minimum) and 560 px of tabs. */
#define FOLD_BELOW 860
/* What the overlay leaves of the tabs (dimmed: a click there closes it). */
#define TABS_STRIP 96

static gboolean place_pane_tick_cb (GtkWidget     *paned,
                                    GdkFrameClock *clock,
                                    gpointer       user_data);

typedef struct
{
  GdkFrameClock *clock;
  gulong         layout_id;
  gboolean       folded;
  int            slot_min;       /* the pane's own minimum width, side by side */
  int            overlay_width;
  GtkWidget     *return_focus;   /* weak: the focus before the overlay opened */
} LayoutState;

static void
layout_state_free (gpointer data)
{
  LayoutState *state = data;

  if (state->clock != NULL)
    g_clear_signal_handler (&state->layout_id, state->clock);
  g_clear_object (&state->clock);
  g_clear_weak_pointer (&state->return_focus);
  g_free (state);
}

static LayoutState *
get_state (PlWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "pl-window-layout");
}

gboolean
_pl_window_layout_folded (PlWindow *self)
{
  LayoutState *state = get_state (self);

  return state != NULL && state->folded;
}

static gboolean
focus_in_pane (PlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->feedback_slot));
}

static gboolean
f6_pressed_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               gpointer               user_data)
{
  PlWindow *self = user_data;

  if (keyval != GDK_KEY_F6)
    return GDK_EVENT_PROPAGATE;
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  /* Side by side, the paned moves the focus (F6, Shift+F6). */
  if (!_pl_window_layout_folded (self) || self->feedback_pane == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  /* Over the tabs: F6 opens the pane (at the capture text) and, from the
   * pane, closes it and goes back. */
  if (focus_in_pane (self))
    g_object_set (self, "feedback-visible", FALSE, NULL);
  else if (!self->feedback_visible)
    g_object_set (self, "feedback-visible", TRUE, NULL);
  else
    pl_feedback_pane_focus_capture (self->feedback_pane);
  return GDK_EVENT_STOP;
}

/* Gives @widget the focus back without selecting its text (a text field
 * selects it all when focused: the next key would replace a title). */
static gboolean
refocus (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return gtk_text_grab_focus_without_selecting (GTK_TEXT (widget));
  if (GTK_IS_ENTRY (widget))
    return gtk_entry_grab_focus_without_selecting (GTK_ENTRY (widget));
  return gtk_widget_grab_focus (widget);
}

/* The focus leaves the overlay's pane: back to the tabs, or to where it
 * was before the pane opened. */
static void
return_focus (PlWindow    *self,
              LayoutState *state)
{
  if (state->return_focus != NULL && gtk_widget_get_mapped (state->return_focus) &&
      refocus (state->return_focus))
    return;
  gtk_widget_child_focus (GTK_WIDGET (self->tab_view), GTK_DIR_TAB_FORWARD);
}

/* The overlay was opened or closed: by the window (feedback-visible), or by
 * AdwFlap itself (Esc, a click on the dimmed tabs, a swipe). */
static void
reveal_flap_cb (AdwFlap    *flap,
                GParamSpec *pspec,
                PlWindow   *self)
{
  LayoutState *state = get_state (self);
  gboolean revealed = adw_flap_get_reveal_flap (flap);

  if (state == NULL)
    return;
  /* Side by side the flap is empty and stays closed. */
  if (!state->folded)
    {
      if (revealed)
        adw_flap_set_reveal_flap (flap, FALSE);
      return;
    }
  if (revealed)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && !focus_in_pane (self))
        g_set_weak_pointer (&state->return_focus, focus);
    }
  else if (focus_in_pane (self))
    return_focus (self, state);
  if (self->feedback_visible != revealed)
    g_object_set (self, "feedback-visible", revealed, NULL);
}

/* A jump out of the pane (Alt+T back to the text, a search result) while
 * it covers the tabs closes it: the focus must not sit under it. */
static void
focus_widget_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  PlWindow *self = PL_WINDOW (object);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!_pl_window_layout_folded (self) || !adw_flap_get_reveal_flap (self->flap) || focus == NULL)
    return;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->paned)))
    g_object_set (self, "feedback-visible", FALSE, NULL);
}

void
_pl_window_layout_show_pane (PlWindow *self,
                             gboolean  has_pane,
                             gboolean  shown)
{
  if (!_pl_window_layout_folded (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_slot), shown);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_slot), has_pane);
  adw_flap_set_reveal_flap (self->flap, shown);
}

/* Over the tabs, the pane is wide enough for the list and an item's
 * detail side by side (below each other, at 600 px high, the capture bar,
 * the list and the detail each got too little), leaving a strip of tabs. */
static void
size_overlay (PlWindow    *self,
              LayoutState *state,
              int          width)
{
  int pane_width = g_settings_get_int (self->settings, "feedback-pane-width");
  int overlay = CLAMP (2 * pane_width, state->slot_min, MAX (state->slot_min, width - TABS_STRIP));

  if (overlay == state->overlay_width)
    return;
  state->overlay_width = overlay;
  gtk_widget_set_size_request (GTK_WIDGET (self->feedback_slot), overlay, -1);
  adw_clamp_set_maximum_size (self->flap_clamp, overlay);
  adw_clamp_set_tightening_threshold (self->flap_clamp, overlay);
}

/* Moves the pane between the paned (side by side) and the flap (over the
 * tabs), keeping the focus if it was in the pane. */
static void
set_folded (PlWindow    *self,
            LayoutState *state,
            gboolean     folded,
            int          width)
{
  GtkWidget *slot = GTK_WIDGET (self->feedback_slot);
  g_autoptr(GtkWidget) focus = NULL;
  gboolean had_focus = focus_in_pane (self);
  int pane_width = g_settings_get_int (self->settings, "feedback-pane-width");

  if (had_focus)
    focus = g_object_ref (gtk_root_get_focus (GTK_ROOT (self)));
  g_object_ref (slot);
  state->folded = folded;
  if (folded)
    {
      gtk_paned_set_end_child (self->paned, NULL);
      state->overlay_width = 0;
      size_overlay (self, state, width);
      adw_clamp_set_child (self->flap_clamp, slot);
      if (self->feedback_pane != NULL)
        pl_feedback_pane_set_detail_beside (self->feedback_pane, TRUE);
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      adw_flap_set_swipe_to_open (self->flap, TRUE);
      adw_flap_set_swipe_to_close (self->flap, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
      /* It opens when asked for, unless the focus was in it. */
      g_object_set (self, "feedback-visible", had_focus, NULL);
    }
  else
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_NEVER);
      adw_flap_set_swipe_to_open (self->flap, FALSE);
      adw_flap_set_swipe_to_close (self->flap, FALSE);
      adw_clamp_set_child (self->flap_clamp, NULL);
      gtk_widget_set_size_request (slot, state->slot_min, -1);
      gtk_paned_set_end_child (self->paned, slot);
      if (self->feedback_pane != NULL)
        pl_feedback_pane_set_detail_beside (self->feedback_pane, FALSE);
      /* Placed at its saved width once laid out beside the tabs; not
       * saved before (the paned moves as the pane comes back). */
      g_object_set_data (G_OBJECT (self), "pl-window-pane-placed", NULL);
      gtk_paned_set_position (self->paned, MAX (0, width - pane_width));
      gtk_widget_add_tick_callback (GTK_WIDGET (self->paned), place_pane_tick_cb, self, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
      g_object_set (self, "feedback-visible",
                    had_focus || g_settings_get_boolean (self->settings, "feedback-pane-visible"), NULL);
    }
  _pl_window_layout_show_pane (self, pl_window_get_side_pane (self) != NULL, self->feedback_visible);
  g_object_unref (slot);
  if (focus != NULL)
    refocus (focus);
}

/* After GTK's own layout of each frame (connected after it): the width is
 * the one just given.  Changing the layout here lays the frame out again
 * before it is drawn. */
static void
frame_layout_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  PlWindow *self = user_data;
  LayoutState *state = get_state (self);
  gboolean narrow;
  int width;

  if (state == NULL || self->flap == NULL || self->feedback_pane == NULL || self->closed ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->flap)))
    return;
  width = gtk_widget_get_width (GTK_WIDGET (self->flap));
  if (width <= 0)
    return;
  narrow = width < FOLD_BELOW;
  if (narrow != state->folded)
    set_folded (self, state, narrow, width);
  else if (narrow)
    size_overlay (self, state, width);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  PlWindow *self = PL_WINDOW (widget);
  LayoutState *state = get_state (self);

  if (state->clock != NULL)
    g_clear_signal_handler (&state->layout_id, state->clock);
  g_clear_object (&state->clock);
  state->clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (state->clock == NULL)
    return;
  g_object_ref (state->clock);
  state->layout_id = g_signal_connect_after (state->clock, "layout", G_CALLBACK (frame_layout_cb), self);
}

static void
unrealize_cb (GtkWidget *widget,
              gpointer   user_data)
{
  LayoutState *state = get_state (PL_WINDOW (widget));

  if (state->clock != NULL)
    g_clear_signal_handler (&state->layout_id, state->clock);
  g_clear_object (&state->clock);
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
  LayoutState *state = g_new0 (LayoutState, 1);

  gtk_widget_get_size_request (GTK_WIDGET (self->feedback_slot), &state->slot_min, NULL);
  state->slot_min = MAX (state->slot_min, 1);
  g_object_set_data_full (G_OBJECT (self), "pl-window-layout", state, layout_state_free);
  gtk_event_controller_set_name (keys, "pl-window-f6");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (f6_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  g_signal_connect (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_cb), self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), NULL);
}
