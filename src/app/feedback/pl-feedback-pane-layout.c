/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback pane on a short screen (1024×600, 800×600): outside
 * workshop mode the search and the filters matter more than the capture
 * bar, so when the pane is too short for the capture bar, the filters and
 * the list's least height together, the capture bar folds to its Capture
 * button. The decision comes from the pane's allocated height alone (which
 * folding does not change), so it never flips between frames. */

#include "pl-feedback-pane-private.h"

/* Whether the whole capture bar, the filters and the list's least height fit
 * in @width × @height. */
static gboolean
capture_fits (PlFeedbackPane *self,
              int             width,
              int             height)
{
  GtkWidget *top = gtk_scrolled_window_get_child (self->top_scroller);
  int top_nat = 0, revealer_nat = 0, slot_nat = 0, live_nat = 0, list_min = 0;

  if (top == NULL)
    return TRUE;
  gtk_widget_measure (top, GTK_ORIENTATION_VERTICAL, width, NULL, &top_nat, NULL, NULL);
  /* The revealer's own height follows its animation; the bar's does not. */
  gtk_widget_measure (GTK_WIDGET (self->capture_revealer), GTK_ORIENTATION_VERTICAL, width,
                      NULL, &revealer_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->capture_slot), GTK_ORIENTATION_VERTICAL, width,
                      NULL, &slot_nat, NULL, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->live_bar)))
    gtk_widget_measure (GTK_WIDGET (self->live_bar), GTK_ORIENTATION_VERTICAL, width,
                        NULL, &live_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->list_stack), GTK_ORIENTATION_VERTICAL, width,
                      &list_min, NULL, NULL, NULL);
  return live_nat + top_nat - revealer_nat + slot_nat + list_min <= height;
}

static gboolean
capture_has_focus (PlFeedbackPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->capture_slot));
}

void
_pl_feedback_pane_apply_capture (PlFeedbackPane *self)
{
  gboolean shown;

  shown = self->active_workshop != NULL || self->capture_opened ||
          (self->capture_wanted && !self->capture_short);
  gtk_revealer_set_reveal_child (self->capture_revealer, shown);
  gtk_widget_set_visible (self->new_capture_button, !shown);
}

void
_pl_feedback_pane_open_capture (PlFeedbackPane *self)
{
  self->capture_opened = TRUE;
  _pl_feedback_pane_apply_capture (self);
}

static gboolean
apply_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  self->capture_tick_id = 0;
  /* Once the user is in the bar it stays until they leave it. */
  if (self->capture_left && !capture_has_focus (self))
    self->capture_opened = FALSE;
  self->capture_left = FALSE;
  _pl_feedback_pane_apply_capture (self);
  return G_SOURCE_REMOVE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                PlFeedbackPane          *self)
{
  if (!self->capture_opened)
    return;
  self->capture_left = TRUE;
  if (self->capture_tick_id == 0)
    self->capture_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_tick_cb, NULL, NULL);
}

static void
pane_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
pane_size_allocate (GtkWidget *widget,
                    int        width,
                    int        height,
                    int        baseline)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);
  gboolean is_short = !capture_fits (self, width, height);

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
  /* Applied at the next frame: not in the middle of this allocation. */
  if (is_short != self->capture_short)
    {
      self->capture_short = is_short;
      if (self->capture_tick_id == 0)
        self->capture_tick_id = gtk_widget_add_tick_callback (widget, apply_tick_cb, NULL, NULL);
    }
}

void
_pl_feedback_pane_layout_class_init (GtkWidgetClass *widget_class)
{
  widget_class->measure = pane_measure;
  widget_class->size_allocate = pane_size_allocate;
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, top_scroller);
}

void
_pl_feedback_pane_layout_init (PlFeedbackPane *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->capture_wanted = TRUE;
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->capture_slot), focus);
}
