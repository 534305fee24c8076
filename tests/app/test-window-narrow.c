/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A narrow window (an 800×600 projector, #11 item 4): below a width the
 * feedback pane goes over the tabs instead of squeezing them, opened and
 * closed with the pane's keys (real key presses), and the side-by-side
 * layout and the pane's saved width come back above it.  And the feedback
 * detail as boxed rows (#11 item 11): its disposition and response in view
 * when an item opens at 1024×600. */
#include "config.h"

#include "pl-capture-bar-private.h"
#include "pl-feedback-detail-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-test-app.h"
#include "pl-test-versions.h"
#include "pl-window-private.h"

static PlApplication *app;

static gboolean
bounds_in (GtkWidget       *widget,
           GtkWidget       *ancestor,
           graphene_rect_t *bounds)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_compute_bounds (widget, ancestor, bounds);
}

/* Whether @widget is wholly inside @area (both mapped), 1 px of rounding
 * allowed. */
static gboolean
wholly_inside (GtkWidget *widget,
               GtkWidget *area,
               GtkWidget *window)
{
  graphene_rect_t w, a;

  if (!bounds_in (widget, window, &w) || !bounds_in (area, window, &a))
    return FALSE;
  g_test_message ("%s %g,%g %g×%g in %s %g,%g %g×%g", G_OBJECT_TYPE_NAME (widget),
                  w.origin.x, w.origin.y, w.size.width, w.size.height, G_OBJECT_TYPE_NAME (area),
                  a.origin.x, a.origin.y, a.size.width, a.size.height);
  return w.origin.x >= a.origin.x - 1 && w.origin.y >= a.origin.y - 1 &&
         w.origin.x + w.size.width <= a.origin.x + a.size.width + 1 &&
         w.origin.y + w.size.height <= a.origin.y + a.size.height + 1;
}

static GtkWidget *
find_view_of (GtkWidget     *root,
              GtkTextBuffer *buffer)
{
  if (GTK_IS_TEXT_VIEW (root) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (root)) == buffer)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_view_of (c, buffer);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type_name (GtkWidget  *root,
                   const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type_name))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_type_name (c, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_inside (PlWindow  *window,
              GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, ancestor);
}

/* How many feedback rows are on screen, wholly or in part, inside the list. */
static int
visible_rows (PlFeedbackPane *pane,
              GtkWidget      *window)
{
  GtkWidget *list = GTK_WIDGET (pane->list_view);
  graphene_rect_t list_bounds;
  int n = 0;

  if (!gtk_widget_compute_bounds (list, window, &list_bounds))
    return 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (row) && gtk_widget_compute_bounds (row, window, &bounds) &&
          bounds.size.height > 0 && bounds.origin.y + 8 < list_bounds.origin.y + list_bounds.size.height &&
          bounds.origin.y + bounds.size.height > list_bounds.origin.y && bounds.origin.y < gtk_widget_get_height (window))
        n++;
    }
  return n;
}

/* Wide, narrow, wide again: where the pane is, what it covers, and the keys
 * that open and close it over the tabs. */
static void
test_fold (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "narrow.pillars", PL_DEMO_SMALL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlWindow *window;
  GtkWidget *slot, *tabs, *pane, *text;
  graphene_rect_t bounds;
  int tabs_width;

  g_settings_set_int (settings, "feedback-pane-width", 340);
  g_settings_set_boolean (settings, "feedback-pane-visible", TRUE);
  window = pl_test_open_window (path);
  slot = GTK_WIDGET (window->feedback_slot);
  tabs = GTK_WIDGET (pl_window_get_tab_view (window));
  pane = pl_window_get_side_pane (window);

  /* Wide: side by side, in the paned, at its saved width. */
  pl_test_resize_window (window, 1280, 800);
  wait_for (_pl_window_layout_pane_placed (window));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (gtk_widget_get_parent (slot) == GTK_WIDGET (window->paned));
  g_assert_true (gtk_widget_get_visible (slot));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (abs (gtk_widget_get_width (slot) - 340), <=, 8);
  /* Side by side the flap is empty: no swipe or reveal opens it. */
  g_assert_false (adw_flap_get_swipe_to_open (window->flap));
  adw_flap_set_reveal_flap (window->flap, TRUE);
  g_assert_false (adw_flap_get_reveal_flap (window->flap));

  /* 800×600: the pane leaves the tabs their whole width, closed. */
  pl_test_select_page (window, 1);
  pl_test_resize_window (window, 800, 600);
  wait_for (adw_flap_get_folded (window->flap));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_ancestor (slot, GTK_WIDGET (window->flap_clamp)));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (adw_flap_get_swipe_to_open (window->flap));
  g_assert_false (window->feedback_visible);
  tabs_width = gtk_widget_get_width (tabs);
  g_test_message ("800 px window: tabs %d px", tabs_width);
  g_assert_cmpint (tabs_width, >=, gtk_widget_get_width (GTK_WIDGET (window)) - 40);
  /* The side-by-side layout's choice is kept for wide windows. */
  g_assert_true (g_settings_get_boolean (settings, "feedback-pane-visible"));
  pl_test_screenshot (GTK_WIDGET (window), "narrow-800x600-closed");

  /* A person's F9 from the strategy text: the pane slides over the tabs,
   * at the capture text; the tabs keep their width under it. */
  text = pl_test_find_widget (tabs, GTK_TYPE_TEXT, NULL, NULL);
  g_assert_nonnull (text);
  g_assert_true (gtk_text_grab_focus_without_selecting (GTK_TEXT (text)));
  g_assert_true (focus_inside (window, tabs));
  if (!pl_test_xdotool_key (GTK_WINDOW (window), "F9"))
    {
      g_test_skip ("no xdotool or not on X11: no real key presses");
      pl_test_close_window (window);
      return;
    }
  wait_for (adw_flap_get_reveal_flap (window->flap) && adw_flap_get_reveal_progress (window->flap) >= 1);
  wait_for (focus_inside (window, pane));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (window->feedback_visible);
  g_assert_cmpint (gtk_widget_get_width (tabs), ==, tabs_width);
  g_assert_true (wholly_inside (slot, GTK_WIDGET (window), GTK_WIDGET (window)));
  g_assert_true (gtk_widget_compute_bounds (slot, GTK_WIDGET (window), &bounds));
  /* Room for the list and an item's detail side by side (twice the saved
   * width), and a strip of the tabs left in view. */
  g_test_message ("the pane over the tabs: %g px wide", bounds.size.width);
  g_assert_cmpfloat (bounds.size.width, >=, 2 * 340 - 8);
  g_assert_cmpfloat (bounds.origin.x, >=, 90);
  pl_test_screenshot (GTK_WIDGET (window), "narrow-800x600-open");
  /* The pane's buttons work after the move: "Capture" (shown while an
   * item is open) was left insensitive by GTK. */
  {
    PlFeedbackPane *fp = PL_FEEDBACK_PANE (pane);
    g_autoptr(PlFeedback) fb = g_list_model_get_item (G_LIST_MODEL (pl_document_get_feedback (pl_window_get_document (window))), 0);

    pl_feedback_pane_select (fp, fb);
    wait_for (gtk_widget_get_mapped (fp->new_capture_button));
    g_assert_true (gtk_widget_is_sensitive (fp->new_capture_button));
    pl_feedback_pane_select (fp, NULL);
  }

  /* F9 again closes it, and the focus goes back to the text field it came
   * from, its text not selected (the next key would have replaced it). */
  g_assert_true (pl_test_xdotool_key (GTK_WINDOW (window), "F9"));
  wait_for (!adw_flap_get_reveal_flap (window->flap));
  wait_for (gtk_root_get_focus (GTK_ROOT (window)) == text);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), NULL, NULL));
  g_assert_false (window->feedback_visible);

  /* F6 opens it too, and Esc (from a field that has no use for it) closes it. */
  g_assert_true (pl_test_xdotool_key (GTK_WINDOW (window), "F6"));
  wait_for (adw_flap_get_reveal_flap (window->flap) && focus_inside (window, pane));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->feedback_pane->list_view)));
  g_assert_true (pl_test_xdotool_key (GTK_WINDOW (window), "Escape"));
  wait_for (!adw_flap_get_reveal_flap (window->flap));
  wait_for (focus_inside (window, tabs));
  g_assert_false (window->feedback_visible);

  /* Wide again: beside the tabs, at the saved width, shown as it was. */
  pl_test_resize_window (window, 1280, 800);
  wait_for (!adw_flap_get_folded (window->flap));
  wait_for (gtk_widget_get_parent (slot) == GTK_WIDGET (window->paned));
  wait_for (window->feedback_visible);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (slot));
  g_test_message ("back to 1280: pane %d px", gtk_widget_get_width (slot));
  g_assert_cmpint (abs (gtk_widget_get_width (slot) - 340), <=, 8);
  g_assert_cmpint (g_settings_get_int (settings, "feedback-pane-width"), ==, 340);
  pl_test_close_window (window);
}

/* Workshop mode at 800×600 with an item's detail open: the pane over the
 * tabs shows the whole capture bar, several rows, the detail's disposition,
 * and toasts stay inside the window; the window's minimum still fits. */
static void
test_narrow_workshop (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "workshop.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  g_autoptr(PlWorkshop) workshop = g_list_model_get_item (pl_document_get_workshops (doc), 0);
  g_autoptr(PlFeedback) feedback = g_list_model_get_item (G_LIST_MODEL (pl_document_get_feedback (doc)), 0);
  GtkWidget *toast, *top;
  graphene_rect_t bounds;
  int min_w, min_h, rows;

  pl_feedback_pane_set_active_workshop (pane, workshop);
  pl_test_resize_window (window, 800, 600);
  wait_for (adw_flap_get_folded (window->flap));
  g_object_set (window, "feedback-visible", TRUE, NULL);
  wait_for (adw_flap_get_reveal_progress (window->flap) >= 1);
  pl_feedback_pane_select (pane, feedback);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));

  /* The capture bar whole, not cut by the top of the pane's scroller. */
  top = gtk_widget_get_ancestor (GTK_WIDGET (pane->capture_bar), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (top);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (top))), ==, 0);
  g_assert_true (wholly_inside (GTK_WIDGET (pane->capture_bar), top, GTK_WIDGET (window)));
  /* The detail beside the list, not below it. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pane->detail_stack), GTK_WIDGET (pane->list_stack), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, 150);
  rows = visible_rows (pane, GTK_WIDGET (window));
  g_test_message ("800×600, workshop mode, detail open: %d rows", rows);
  g_assert_cmpint (rows, >=, 3);
  g_assert_true (wholly_inside (GTK_WIDGET (pl_feedback_detail_get_disposition_dropdown (pane->detail)),
                                GTK_WIDGET (pane->detail_scroller), GTK_WIDGET (window)));

  /* A toast shows inside the window, over the pane. */
  pl_window_add_toast (window, "Saved a copy");
  wait_for ((toast = find_by_type_name (GTK_WIDGET (window->toast_overlay), "AdwToastWidget")) != NULL &&
            gtk_widget_get_mapped (toast));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (wholly_inside (toast, GTK_WIDGET (window), GTK_WIDGET (window)));
  pl_test_screenshot (GTK_WIDGET (window), "narrow-800x600-workshop-detail");

  /* Nothing open in the narrow layout asks for more than 800×600. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, min_w, &min_h, NULL, NULL, NULL);
  g_test_message ("narrow, pane open, detail open: minimum %d×%d", min_w, min_h);
  g_assert_cmpint (min_w, <=, 800);
  g_assert_cmpint (min_h, <=, 600);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  pl_test_close_window (window);
}

static gboolean
in_boxed_list (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX (w) && gtk_widget_has_css_class (w, "boxed-list"))
      return TRUE;
  return FALSE;
}

/* The detail as boxed rows, and at 1024×600 its disposition and the start
 * of the response in view as an item opens, without scrolling. */
static void
test_detail_rows (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "detail.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  g_autoptr(PlFeedback) feedback = g_list_model_get_item (G_LIST_MODEL (pl_document_get_feedback (doc)), 0);
  GtkWidget *disposition, *response;
  graphene_rect_t view, scroller;
  int pane_width;

  pl_test_resize_window (window, 1024, 600);
  g_assert_false (adw_flap_get_folded (window->flap));
  pane_width = gtk_widget_get_width (GTK_WIDGET (window->feedback_slot));
  pl_feedback_pane_select (pane, feedback);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "narrow-1024x600-detail");
  /* Opening an item does not widen the pane (the layout stays put). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->feedback_slot)), ==, pane_width);

  disposition = GTK_WIDGET (pl_feedback_detail_get_disposition_dropdown (pane->detail));
  response = find_view_of (GTK_WIDGET (pane->detail), pl_feedback_detail_get_response_buffer (pane->detail));
  g_assert_nonnull (response);
  g_assert_true (in_boxed_list (disposition));
  g_assert_true (in_boxed_list (response));
  g_assert_true (in_boxed_list (GTK_WIDGET (pl_feedback_detail_get_kind_dropdown (pane->detail))));
  g_assert_true (in_boxed_list (GTK_WIDGET (pl_feedback_detail_get_priority_dropdown (pane->detail))));
  g_assert_true (ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (disposition, ADW_TYPE_ACTION_ROW)));

  /* Not scrolled, and both in the detail's viewport. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (pane->detail_scroller)), ==, 0);
  g_assert_true (wholly_inside (disposition, GTK_WIDGET (pane->detail_scroller), GTK_WIDGET (window)));
  g_assert_true (gtk_widget_compute_bounds (response, GTK_WIDGET (window), &view));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pane->detail_scroller), GTK_WIDGET (window), &scroller));
  g_test_message ("response from %g, detail area %g…%g", view.origin.y, scroller.origin.y,
                  scroller.origin.y + scroller.size.height);
  /* Two lines of the response at least. */
  g_assert_cmpfloat (view.origin.y + 40, <=, scroller.origin.y + scroller.size.height);
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window-narrow/fold", test_fold);
  g_test_add_func ("/window-narrow/workshop-detail", test_narrow_workshop);
  g_test_add_func ("/window-narrow/detail-rows", test_detail_rows);

  return pl_test_run_app ();
}
