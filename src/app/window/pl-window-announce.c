/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-announcer.h"
#include "pl-capture-bar.h"
#include "pl-feedback-format.h"
#include "pl-window-private.h"

/*
 * What changes out of a screen reader user's sight, said through the
 * window's announcer (PlAnnouncer): the workshop going live and ending, a
 * capture through the bar (and why one was refused) and "Saved" after
 * Ctrl+S (pl-window-actions.c). Autosave's own writes are not said: they
 * come at every pause in typing, and the subtitle shows them.
 */

static void
live_changed_cb (PlFeedbackPane *pane,
                 GParamSpec     *pspec,
                 PlWindow       *self)
{
  g_autofree char *live = pl_feedback_format_live (pl_feedback_pane_get_active_workshop (pane));

  pl_announcer_announce_in (GTK_WIDGET (self),
                            live ? live : _("Not live: captures are no longer stamped with a workshop"));
}

/* The capture bar's status line ("Added Recommendation — Grace Mwale,
 * Ministry of ICT", or why nothing was added) is what a sighted
 * facilitator reads after Enter. */
static GtkLabel *
capture_status (PlCaptureBar *bar)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (bar), PL_TYPE_CAPTURE_BAR, "status_label");

  return GTK_IS_LABEL (label) ? GTK_LABEL (label) : NULL;
}

static void
captured_cb (PlCaptureBar *bar,
             PlFeedback   *feedback,
             PlWindow     *self)
{
  GtkLabel *status = capture_status (bar);

  if (status != NULL)
    pl_announcer_announce_in (GTK_WIDGET (self), gtk_label_get_text (status));
}

/* A capture refused ("Type what was said first"); one made is said by
 * captured_cb, after the bar has taken it. The bar sets the text, then
 * the "error" style: both are watched, and an error is said once. */
static void
capture_status_cb (GtkLabel   *status,
                   GParamSpec *pspec,
                   PlWindow   *self)
{
  PlAnnouncer *announcer = pl_announcer_find (GTK_WIDGET (self));
  const char *text = gtk_label_get_text (status);

  if (announcer == NULL || !gtk_widget_has_css_class (GTK_WIDGET (status), "error"))
    return;
  if (g_str_equal (g_param_spec_get_name (pspec), "label") ||
      g_strcmp0 (pl_announcer_get_message (announcer), text) != 0)
    pl_announcer_announce (announcer, text);
}

static GtkWidget *
find_capture_bar (GtkWidget *widget)
{
  if (PL_IS_CAPTURE_BAR (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *bar = find_capture_bar (c);

      if (bar != NULL)
        return bar;
    }
  return NULL;
}

void
_pl_window_announce_install (PlWindow *self)
{
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);
  GtkWidget *bar;
  GtkLabel *status;

  /* Last in the window's column: it measures 0×0, so nothing moves. */
  if (GTK_IS_BOX (content))
    gtk_box_append (GTK_BOX (content), pl_announcer_new ());
  if (self->feedback_pane == NULL)
    return;
  g_signal_connect_object (self->feedback_pane, "notify::active-workshop", G_CALLBACK (live_changed_cb), self, 0);
  bar = find_capture_bar (GTK_WIDGET (self->feedback_pane));
  if (bar == NULL)
    return;
  g_signal_connect_object (bar, "captured", G_CALLBACK (captured_cb), self, 0);
  if ((status = capture_status (PL_CAPTURE_BAR (bar))) != NULL)
    {
      g_signal_connect_object (status, "notify::label", G_CALLBACK (capture_status_cb), self, 0);
      g_signal_connect_object (status, "notify::css-classes", G_CALLBACK (capture_status_cb), self, 0);
    }
}
