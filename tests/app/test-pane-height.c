/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback pane at 600 px high (#11 item 4): outside workshop mode the
 * search and the filters are wholly in view at 1024×600 and 800×600 (the
 * capture bar folds to its Capture button), Alt+S opens the bar at "Who is
 * speaking?" (a real key press), and at 1280×800 the bar stays. */
#include "config.h"

#include "pl-capture-bar-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-test-app.h"
#include "pl-test-versions.h"
#include "pl-window-private.h"

static PlApplication *app;

/* Whether @widget is mapped and wholly inside the pane's top scroller. */
static gboolean
in_view (PlFeedbackPane *pane,
         GtkWidget      *widget)
{
  GtkWidget *area = GTK_WIDGET (pane->top_scroller);
  graphene_rect_t w, a;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_mapped (area) ||
      !gtk_widget_compute_bounds (widget, area, &w) || !gtk_widget_compute_bounds (area, area, &a))
    return FALSE;
  return w.origin.y >= a.origin.y - 1 && w.origin.y + w.size.height <= a.origin.y + a.size.height + 1;
}

static gboolean
filters_in_view (PlFeedbackPane *pane)
{
  const char *names[] = { "search", "scope", "kind", "disposition" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!in_view (pane, pl_feedback_pane_get_filter (pane, names[i])))
      return FALSE;
  return TRUE;
}

static gboolean
check_short (PlWindow *window,
             int       width,
             int       height)
{
  PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  GtkWidget *focus = NULL;

  pl_test_resize_window (window, width, height);
  g_object_set (window, "feedback-visible", TRUE, NULL);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (pane->list_view)));
  g_test_message ("focus on %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_test_message ("pane %d×%d short %d wanted %d opened %d revealed %d search %d", gtk_widget_get_width (GTK_WIDGET (pane)),
                  gtk_widget_get_height (GTK_WIDGET (pane)), pane->capture_short, pane->capture_wanted, pane->capture_opened,
                  gtk_revealer_get_child_revealed (pane->capture_revealer), in_view (pane, pl_feedback_pane_get_filter (pane, "search")));
  wait_for (!gtk_revealer_get_child_revealed (pane->capture_revealer) && filters_in_view (pane));
  g_assert_true (gtk_widget_get_visible (pane->new_capture_button));

  /* Alt+S: the whole bar, the focus in "Who is speaking?", and it stays. */
  if (!pl_test_xdotool_key (GTK_WINDOW (window), "alt+s"))
    {
      g_test_skip ("no xdotool or not on X11: no real key presses");
      return FALSE;
    }
  wait_for (gtk_revealer_get_child_revealed (pane->capture_revealer) &&
            (focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
            gtk_widget_is_ancestor (focus, GTK_WIDGET (pl_capture_bar_get_stakeholder_entry (pane->capture_bar))));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_revealer_get_reveal_child (pane->capture_revealer));

  /* Leaving it folds it again. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (pane->list_view)));
  g_test_message ("focus on %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  wait_for (!gtk_revealer_get_child_revealed (pane->capture_revealer) && filters_in_view (pane));
  return TRUE;
}

static void
test_short (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "short.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));

  pl_test_resize_window (window, 1280, 800);
  g_object_set (window, "feedback-visible", TRUE, NULL);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  /* Room for both at 1280×800: nothing folds. */
  g_assert_true (gtk_revealer_get_reveal_child (pane->capture_revealer));
  g_assert_false (gtk_widget_get_visible (pane->new_capture_button));
  g_assert_true (filters_in_view (pane));

  if (check_short (window, 1024, 600))
    check_short (window, 800, 600);
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/pane-height/short", test_short);

  return pl_test_run_app ();
}
