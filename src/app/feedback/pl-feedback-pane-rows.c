/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How many rows the feedback pane's list view is shown at a time.
 *
 * GtkListView (GTK 4.8) keeps a row widget for up to 200 items whatever
 * its height, and a new filter or search rebinds and measures every one of
 * them before the next frame: ~400 ms on the big document, for a dozen rows
 * on screen, and letting go of them costs as much again. So while the list
 * changes under a view at its top (typing a search, trying filters), the
 * view is handed only what fits on the screen (a slice of the list); the
 * rest comes back, a few rows at a time in idles that yield to input, as
 * soon as the user goes to the list (pointer, scrolling, keyboard focus),
 * before a second screenful can be asked for. The count, the empty page
 * and the detail read the whole list, never the slice. */
#include "config.h"

#include "pl-feedback-pane-private.h"

/* Rows added per idle while the slice grows back. */
#define GROW_STEP 24
/* Past what the view keeps widgets for (200), the slice is the whole list. */
#define GROW_LIMIT 256

/* As many rows as fit in the height of the tallest monitor (a row is at
 * least ~64 px high). */
guint
pl_feedback_pane_screen_rows (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;
  int height = 0;

  for (guint i = 0; monitors != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  if (height <= 0)
    height = 2160;
  return (guint) height / 64 + 1;
}

/* As many rows as fit in @height, and one more. */
static guint
rows_for_height (double height)
{
  return (guint) (height / 64) + 2;
}

static gboolean
grow_cb (gpointer data)
{
  PlFeedbackPane *self = data;
  guint size;

  if (self->rows == NULL)
    {
      self->grow_id = 0;
      return G_SOURCE_REMOVE;
    }
  size = gtk_slice_list_model_get_size (self->rows);
  if (size >= GROW_LIMIT - GROW_STEP)
    {
      self->grow_id = 0;
      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->rows, size + GROW_STEP);
  return G_SOURCE_CONTINUE;
}

void
pl_feedback_pane_rows_before_change (PlFeedbackPane *self)
{
  GtkAdjustment *adj;
  guint screen;

  if (self->rows == NULL || self->list_scroller == NULL)
    return;
  adj = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  /* What fits in the list's own height (rows are at least ~64 px high),
   * and one more; before it is laid out, in the screen's. */
  screen = gtk_adjustment_get_page_size (adj) > 0 ? rows_for_height (gtk_adjustment_get_page_size (adj))
                                                  : pl_feedback_pane_screen_rows ();
  /* Only at the top of the list with nothing chosen in it: scrolled down,
   * the view keeps its place through the change; a chosen row stays chosen
   * (GtkSingleSelection looks for it among the new items). Both need every
   * item in the view's model. */
  if (gtk_adjustment_get_value (adj) > 0 ||
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION ||
      gtk_slice_list_model_get_size (self->rows) <= screen)
    return;
  gtk_slice_list_model_set_size (self->rows, screen);
}

void
pl_feedback_pane_rows_grow (PlFeedbackPane *self)
{
  if (self->rows == NULL || gtk_slice_list_model_get_size (self->rows) == G_MAXUINT || self->grow_id != 0)
    return;
  /* Idles run after redraws: each step is drawn before the next. */
  self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb, self, NULL);
}

static void
user_at_list_cb (PlFeedbackPane *self)
{
  pl_feedback_pane_rows_grow (self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PlFeedbackPane           *self)
{
  pl_feedback_pane_rows_grow (self);
  return GDK_EVENT_PROPAGATE;
}

/* The list got taller (the detail closed, the window grew) than the rows
 * it was given: the rest now. (Moving in the list needs the pointer or the
 * focus there first.) */
static void
adjustment_changed_cb (GtkAdjustment  *adj,
                       PlFeedbackPane *self)
{
  if (self->rows != NULL && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT &&
      rows_for_height (gtk_adjustment_get_page_size (adj)) > gtk_slice_list_model_get_size (self->rows))
    pl_feedback_pane_rows_grow (self);
}

void
pl_feedback_pane_rows_watch (PlFeedbackPane *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (user_at_list_cb), self);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (user_at_list_cb), self);
  /* Capture phase: seen before the scrolled window scrolls. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), motion);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), focus);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), scroll);
  g_signal_connect_object (adj, "changed", G_CALLBACK (adjustment_changed_cb), self, 0);
}

void
pl_feedback_pane_rows_stop (PlFeedbackPane *self)
{
  g_clear_handle_id (&self->grow_id, g_source_remove);
}
