/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window as a user drives it with real key presses (xdotool, through
 * the X server): the capture bar's keys from anywhere, the jump to the
 * capture text and back, text-navigation keys kept by the text, the first
 * focus, a tab's ×, and the action dialog closing with Esc. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "pl-capture-bar.h"
#include "pl-feedback-filter-bar.h"
#include "pl-test-app.h"
#include "pl-test-input.h"

static PlApplication *app;

static GtkWidget *
focus_of (PlWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_inside (PlWindow  *window,
              GtkWidget *ancestor)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && ancestor != NULL && gtk_widget_is_ancestor (focus, ancestor);
}

/* The text view showing @buffer under @root. */
static GtkWidget *
text_view_of (GtkWidget     *root,
              GtkTextBuffer *buffer)
{
  if (GTK_IS_TEXT_VIEW (root) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (root)) == buffer)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = text_view_of (child, buffer);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* Opens the example on its first pillar, the cursor at the start of the
 * pillar's narrative, and returns that narrative's text view. */
static GtkWidget *
open_on_narrative (const char  *dir,
                   const char  *name,
                   PlWindow   **out_window)
{
  g_autofree char *path = pl_test_make_demo (dir, name, PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkTextIter start;

  pl_test_select_page (window, 1);
  wait_for (pl_window_get_current_buffer (window) != NULL);
  buffer = pl_window_get_current_buffer (window);
  wait_for ((view = text_view_of (adw_tab_page_get_child (pl_test_nth_page (window, 1)), buffer)) != NULL &&
            gtk_widget_get_mapped (view));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (view);
  pl_test_focus_window (GTK_WINDOW (window));
  wait_for (focus_of (window) == view);
  *out_window = window;
  return view;
}

static GtkWidget *
capture_bar_of (PlWindow *window)
{
  return pl_test_find_any (pl_window_get_side_pane (window), PL_TYPE_CAPTURE_BAR);
}

/* A mapped row of an action (it carries its PlAction) under @root. */
static GtkWidget *
find_action_row (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root) && g_object_get_data (G_OBJECT (root), "pl-action") != NULL &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_capture_keys_anywhere (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *bar;
  GtkWidget *entry;

  if (!pl_test_can_send_input ())
    return;
  view = open_on_narrative (dir, "capture-keys.pillars", &window);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  before = pl_test_buffer_text (buffer);
  bar = capture_bar_of (window);
  g_assert_nonnull (bar);

  /* Alt+S from the strategy text: the name goes to "Who is speaking?". */
  pl_test_press ("alt+s");
  entry = pl_test_find_any (bar, GTK_TYPE_ENTRY);
  wait_for (focus_inside (window, entry));
  pl_test_xdotool ("type", "--delay", "20", "Jane", NULL);
  wait_for (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "Jane"));
  after = pl_test_buffer_text (buffer);
  g_assert_cmpstr (after, ==, before);

  /* The kind, from the strategy text too. */
  gtk_widget_grab_focus (view);
  wait_for (focus_of (window) == view);
  pl_test_press ("ctrl+3");
  wait_for (pl_capture_bar_get_kind (PL_CAPTURE_BAR (bar)) == 2);
  g_assert_true (focus_of (window) == view);
  g_free (after);
  after = pl_test_buffer_text (buffer);
  g_assert_cmpstr (after, ==, before);

  /* Alt+T to the capture text, and Alt+T back to the very place. */
  pl_test_press ("alt+t");
  wait_for (GTK_IS_TEXT_VIEW (focus_of (window)) && focus_inside (window, bar));
  pl_test_press ("alt+t");
  wait_for (focus_of (window) == view);

  /* Alt+S, a name, Alt+T: from "Who is speaking?" Alt+T goes on to what
   * was said, not back into the strategy's text. */
  pl_test_press ("alt+s");
  wait_for (focus_inside (window, entry));
  pl_test_press ("alt+t");
  wait_for (GTK_IS_TEXT_VIEW (focus_of (window)) && focus_inside (window, bar));
  pl_test_xdotool ("type", "--delay", "20", "said", NULL);
  g_free (after);
  after = pl_test_buffer_text (buffer);
  g_assert_cmpstr (after, ==, before);
  pl_test_press ("alt+t");
  wait_for (focus_of (window) == view);

  /* Even with the pane hidden, Alt+S shows it and goes there. */
  g_object_set (window, "feedback-visible", FALSE, NULL);
  wait_for (!gtk_widget_get_mapped (bar));
  gtk_widget_grab_focus (view);
  pl_test_press ("alt+s");
  wait_for (gtk_widget_get_mapped (bar) && focus_inside (window, entry));

  pl_test_close_window (window);
}

/* A passage selected in the text is quoted even when "Who is speaking?"
 * already holds a name: focusing it selects the name, which takes the
 * PRIMARY selection, and the text dropped its selection and the quote. */
static void
test_quote_survives_alt_s (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  GtkWidget *view, *bar, *entry;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *model;
  g_autoptr(PlFeedback) newest = NULL;
  guint before;

  if (!pl_test_can_send_input ())
    return;
  view = open_on_narrative (dir, "quote-alt-s.pillars", &window);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  bar = capture_bar_of (window);
  entry = pl_test_find_any (bar, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Jane Doe");
  model = G_LIST_MODEL (pl_document_get_feedback (pl_window_get_document (window)));
  before = g_list_model_get_n_items (model);

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_chars (&end, 5);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_autofree char *quote = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pl_test_press ("alt+s");
  wait_for (focus_inside (window, entry));
  pl_test_press ("alt+t");
  wait_for (GTK_IS_TEXT_VIEW (focus_of (window)) && focus_inside (window, bar));
  pl_test_xdotool ("type", "--delay", "20", "Quoted", NULL);
  pl_test_press ("Return");
  wait_for (g_list_model_get_n_items (model) == before + 1);
  newest = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pl_feedback_get_body (newest), ==, "Quoted");
  g_assert_cmpstr (pl_feedback_get_quote (newest), ==, g_strstrip (quote));

  pl_test_close_window (window);
}

/* Ctrl+Alt+F goes to the feedback search from anywhere; Ctrl+Shift+F, which
 * it used before, is the whole strategy's search now. */
static void
test_pane_find (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  GtkWidget *view, *search;

  if (!pl_test_can_send_input ())
    return;
  view = open_on_narrative (dir, "pane-find.pillars", &window);
  {
    /* The search shows once there is feedback to search. */
    g_autoptr(GError) error = NULL;
    g_autoptr(PlFeedback) fb = pl_document_add_feedback (pl_window_get_document (window), PL_FEEDBACK_COMMENT,
                                                         "Something to find", NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
  }
  search = pl_test_find_any (pl_test_find_any (pl_window_get_side_pane (window), PL_TYPE_FEEDBACK_FILTER_BAR),
                             GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  wait_for (gtk_widget_get_mapped (search));
  gtk_widget_grab_focus (view);
  pl_test_press ("ctrl+alt+f");
  wait_for (focus_inside (window, search));

  pl_test_close_window (window);
}

static void
test_text_keys_stay_in_text (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  AdwTabView *tabs;
  AdwTabPage *front;
  int length;

  if (!pl_test_can_send_input ())
    return;
  view = open_on_narrative (dir, "text-keys.pillars", &window);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  tabs = pl_window_get_tab_view (window);
  front = adw_tab_view_get_selected_page (tabs);
  length = gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpint (length, >, 0);

  pl_test_press ("ctrl+End");
  wait_for (cursor_offset (buffer) == length);
  g_assert_true (adw_tab_view_get_selected_page (tabs) == front);
  pl_test_press ("ctrl+Home");
  wait_for (cursor_offset (buffer) == 0);
  g_assert_true (adw_tab_view_get_selected_page (tabs) == front);
  pl_test_press ("ctrl+shift+End");
  wait_for (gtk_text_buffer_get_has_selection (buffer) && cursor_offset (buffer) == length);
  g_assert_true (adw_tab_view_get_selected_page (tabs) == front);
  g_assert_true (pl_test_nth_page (window, 1) == front);  /* not reordered */

  pl_test_close_window (window);
}

static void
test_first_focus (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "first-focus.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  GListModel *pillars = pl_document_get_pillars (pl_window_get_document (window));
  guint n = g_list_model_get_n_items (pillars);
  GtkWidget *content = adw_tab_page_get_child (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)));

  /* Not the header's "+", where a stray Space or Enter adds a pillar. */
  wait_for (focus_inside (window, content));
  pl_test_drain ();
  g_assert_true (focus_inside (window, content));
  g_assert_false (focus_inside (window, pl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL)));
  /* Nor a selected title that the first key would replace. */
  if (GTK_IS_EDITABLE (focus_of (window)))
    g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus_of (window)), NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, n);
  pl_test_close_window (window);
}

/* A tab's × (what AdwTabBar's close button calls) deletes nothing and asks
 * nothing; the pillar is deleted from its menu. */
static void
test_tab_close_is_not_delete (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "tab-close.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  AdwTabView *tabs = pl_window_get_tab_view (window);
  GListModel *pillars = pl_document_get_pillars (pl_window_get_document (window));
  guint n = g_list_model_get_n_items (pillars);
  int n_pages = adw_tab_view_get_n_pages (tabs);
  AdwTabPage *pillar_page = pl_test_nth_page (window, 1);
  AdwTabPage *plan_page = pl_test_nth_page (window, n_pages - 1);

  adw_tab_view_close_page (tabs, pillar_page);
  adw_tab_view_close_page (tabs, plan_page);
  pl_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, n);
  g_assert_cmpint (adw_tab_view_get_n_pages (tabs), ==, n_pages);
  g_assert_null (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The menu action asks, naming the real number of objectives. */
  pl_test_select_page (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-pillar", NULL);
  wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, 0);
    guint n_objectives = g_list_model_get_n_items (pl_document_get_objectives (pl_window_get_document (window), pillar));
    g_autofree char *count = g_strdup_printf (" %u objective", n_objectives);

    g_assert_cmpuint (n_objectives, >, 0);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
    adw_message_dialog_response (dialog, "delete");
  }
  wait_for (g_list_model_get_n_items (pillars) == n - 1);
  pl_test_close_window (window);
}

/* The Edit Action window closes with Esc and with its ×. */
static void
test_action_dialog_closes (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  GtkWidget *row;
  GtkWindow *dialog;

  if (!pl_test_can_send_input ())
    return;
  open_on_narrative (dir, "action-dialog.pillars", &window);
  {
    PlDocument *doc = pl_window_get_document (window);
    g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
    g_autoptr(PlObjective) objective = g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);

    g_assert_true (pl_window_show_passage (window, PL_RECORD (objective), NULL));
  }
  for (int i = 0; i < 2; i++)
    {
      GtkWidget *content = adw_tab_page_get_child (pl_test_nth_page (window, 1));

      wait_for ((row = find_action_row (content)) != NULL);
      g_signal_emit_by_name (row, "activated");
      wait_for ((dialog = pl_test_find_toplevel (ADW_TYPE_WINDOW)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
      if (i == 0)
        {
          pl_test_focus_window (dialog);
          pl_test_press ("Escape");
        }
      else
        {
          gtk_window_close (dialog);
        }
      wait_for (!pl_test_is_toplevel (dialog));
    }
  pl_test_close_window (window);
}

/* The mapped action rows under @root, in order. */
static void
collect_action_rows (GtkWidget *root,
                     GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (root) && g_object_get_data (G_OBJECT (root), "pl-action") != NULL &&
      gtk_widget_get_mapped (root))
    g_ptr_array_add (rows, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, rows);
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *tooltip)
{
  return pl_test_find_widget (row, GTK_TYPE_BUTTON, NULL, tooltip);
}

static gboolean
focus_is_editable (PlWindow *window)
{
  GtkWidget *focus = focus_of (window);

  return GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus);
}

/* ↑/↓/delete of an action with the keyboard: the focus stays on the same
 * button of the same action (never the objective's title, whose selected
 * text the next key would replace); ↑ of the first and ↓ of the last are
 * disabled. */
static void
test_action_reorder_keeps_focus (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  PlDocument *doc;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *actions;
  PlAction *moving;
  GtkWidget *content;
  guint n;

  if (!pl_test_can_send_input ())
    return;
  open_on_narrative (dir, "reorder-focus.pillars", &window);
  doc = pl_window_get_document (window);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  objective = g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);
  actions = pl_document_get_actions (doc, objective);
  n = g_list_model_get_n_items (actions);
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (pl_window_show_passage (window, PL_RECORD (objective), NULL));
  content = adw_tab_page_get_child (pl_test_nth_page (window, 1));
  wait_for ((collect_action_rows (content, rows), rows->len >= n) || (g_ptr_array_set_size (rows, 0), FALSE));
  g_assert_false (gtk_widget_get_sensitive (row_button (g_ptr_array_index (rows, 0), "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (row_button (g_ptr_array_index (rows, 0), "Move Down")));
  g_assert_false (gtk_widget_get_sensitive (row_button (g_ptr_array_index (rows, n - 1), "Move Down")));

  moving = g_object_get_data (g_ptr_array_index (rows, 0), "pl-action");
  gtk_widget_grab_focus (row_button (g_ptr_array_index (rows, 0), "Move Down"));
  for (guint i = 1; i < n; i++)
    {
      pl_test_press ("space");
      wait_for (pl_record_get_position (PL_RECORD (moving)) == (gint64) i);
      pl_test_drain ();
      g_assert_false (focus_is_editable (window));
      g_assert_true (g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (focus_of (window), ADW_TYPE_ACTION_ROW)),
                                        "pl-action") == moving);
    }
  /* Now last: its ↓ is disabled and the focus is on its row. */
  g_ptr_array_set_size (rows, 0);
  collect_action_rows (content, rows);
  g_assert_false (gtk_widget_get_sensitive (row_button (g_ptr_array_index (rows, n - 1), "Move Down")));
  g_assert_true (focus_of (window) == g_ptr_array_index (rows, n - 1));

  /* Deleting with the keyboard: the focus goes to the row now in its place. */
  gtk_widget_grab_focus (row_button (g_ptr_array_index (rows, 0), "Delete Action"));
  pl_test_press ("space");
  wait_for (g_list_model_get_n_items (actions) == n - 1);
  pl_test_drain ();
  g_assert_false (focus_is_editable (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus_of (window), ADW_TYPE_ACTION_ROW));

  pl_test_close_window (window);
}

/* A new name's sector is "Not set" until picked, one keystroke picks it,
 * and the next new name does not inherit it. */
static void
test_new_stakeholder_sector (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  PlDocument *doc;
  GtkWidget *bar, *entry;
  GtkDropDown *sector;
  g_autoptr(PlStakeholder) first = NULL;
  g_autoptr(PlStakeholder) second = NULL;

  if (!pl_test_can_send_input ())
    return;
  open_on_narrative (dir, "sector.pillars", &window);
  doc = pl_window_get_document (window);
  bar = capture_bar_of (window);
  entry = pl_test_find_any (bar, GTK_TYPE_ENTRY);
  sector = GTK_DROP_DOWN (pl_test_find_any (bar, GTK_TYPE_DROP_DOWN));

  pl_test_press ("alt+s");
  wait_for (focus_inside (window, entry));
  pl_test_xdotool ("type", "--delay", "20", "Zora Newcomb", NULL);
  wait_for (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "Zora Newcomb"));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (sector)));
  g_assert_cmpuint (gtk_drop_down_get_selected (sector), ==, PL_SECTOR_UNSET);
  /* Enter goes on to the organisation, Alt+4 picks the sector, Enter goes
   * on to the text. */
  pl_test_press ("Return");
  wait_for (!focus_inside (window, entry) && GTK_IS_TEXT (focus_of (window)) && focus_inside (window, bar));
  pl_test_xdotool ("type", "--delay", "20", "Seniors Club", NULL);
  pl_test_press ("alt+4");
  wait_for (gtk_drop_down_get_selected (sector) == PL_SECTOR_CIVIL_SOCIETY);
  pl_test_press ("Return");
  wait_for (GTK_IS_TEXT_VIEW (focus_of (window)) && focus_inside (window, bar));
  pl_test_xdotool ("type", "--delay", "10", "We need a helpline.", NULL);
  pl_test_press ("Return");
  wait_for ((first = pl_document_find_stakeholder (doc, "Zora Newcomb")) != NULL);
  g_assert_cmpint (pl_stakeholder_get_sector (first), ==, PL_SECTOR_CIVIL_SOCIETY);

  /* The next new name is asked again; left alone it stays "Not set". */
  pl_test_press ("alt+s");
  wait_for (focus_inside (window, entry));
  pl_test_press ("ctrl+a");
  pl_test_xdotool ("type", "--delay", "20", "Yusuf Oddly", NULL);
  wait_for (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "Yusuf Oddly"));
  g_assert_cmpuint (gtk_drop_down_get_selected (sector), ==, PL_SECTOR_UNSET);
  pl_test_press ("Return");
  wait_for (!focus_inside (window, entry) && GTK_IS_TEXT (focus_of (window)) && focus_inside (window, bar));
  pl_test_press ("Return");
  wait_for (GTK_IS_TEXT_VIEW (focus_of (window)) && focus_inside (window, bar));
  pl_test_xdotool ("type", "--delay", "10", "Agreed.", NULL);
  pl_test_press ("Return");
  wait_for ((second = pl_document_find_stakeholder (doc, "Yusuf Oddly")) != NULL);
  g_assert_cmpint (pl_stakeholder_get_sector (second), ==, PL_SECTOR_UNSET);
  g_assert_cmpstr (pl_enum_to_label (PL_TYPE_SECTOR, PL_SECTOR_UNSET), ==, "Not set");

  pl_test_close_window (window);
}

/* Whether @widget's top is inside the visible part of its scrolled window. */
static gboolean
scrolled_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  if (scroller == NULL || !gtk_widget_compute_point (widget, scroller, &in, &out))
    return FALSE;
  g_test_message ("focus at y=%.0f in a scroller %d px high (scrolled %.0f)", out.y,
                  gtk_widget_get_height (scroller),
                  gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))));
  return out.y >= 0 && out.y + 20 <= gtk_widget_get_height (scroller);
}

/* Creating lands you on the new thing: Ctrl+Shift+N focuses the new
 * pillar's title; Ctrl+Shift+O focuses the new objective's title, scrolled
 * into view even at the end of a long pillar. */
static void
test_creation_lands_on_new (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  PlWindow *window = NULL;
  PlDocument *doc;
  GListModel *pillars;
  guint n;
  g_autoptr(PlPillar) added = NULL;
  AdwTabPage *page;
  GtkWidget *focus;

  if (!pl_test_can_send_input ())
    return;
  open_on_narrative (dir, "creation.pillars", &window);
  doc = pl_window_get_document (window);
  pillars = pl_document_get_pillars (doc);
  n = g_list_model_get_n_items (pillars);

  pl_test_press ("ctrl+shift+n");
  wait_for (g_list_model_get_n_items (pillars) == n + 1);
  added = g_list_model_get_item (pillars, n);
  page = pl_window_get_pillar_page (window, added);
  g_assert_nonnull (page);
  wait_for (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)) == page &&
            focus_inside (window, adw_tab_page_get_child (page)) && GTK_IS_TEXT (focus_of (window)));
  /* Typing names it. */
  pl_test_press ("ctrl+a");
  pl_test_xdotool ("type", "--delay", "20", "Cyber diplomacy", NULL);
  wait_for (g_str_equal (pl_pillar_get_title (added), "Cyber diplomacy"));

  /* A pillar with many objectives: the new one is at the end. */
  pl_test_select_page (window, 1);
  wait_for (pl_window_get_current_buffer (window) != NULL);
  {
    g_autoptr(PlPillar) first = g_list_model_get_item (pillars, 0);
    GListModel *objectives = pl_document_get_objectives (doc, first);
    GtkWidget *content = adw_tab_page_get_child (pl_test_nth_page (window, 1));
    guint count;

    for (int i = 0; i < 15; i++)
      g_assert_nonnull (pl_pillar_editor_add_objective (PL_PILLAR_EDITOR (content)));
    count = g_list_model_get_n_items (objectives);
    gtk_widget_grab_focus (text_view_of (content, pl_window_get_current_buffer (window)));
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_SCROLLED_WINDOW));

      while (scroller != NULL && gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (scroller)), GTK_TYPE_SCROLLED_WINDOW))
        scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (scroller)), GTK_TYPE_SCROLLED_WINDOW));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
    }
    pl_test_wait_for_frame (content);
    pl_test_press ("ctrl+shift+o");
    wait_for (g_list_model_get_n_items (objectives) == count + 1);
    wait_for ((focus = focus_of (window)) != NULL && GTK_IS_TEXT (focus) && focus_inside (window, content));
    wait_for (scrolled_into_view (focus));
  }
  pl_test_close_window (window);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* A mapped label under @root whose whole text is @text. */
static GtkWidget *
find_mapped_label (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Workshops and Stakeholders in the primary menu, Open Example only on the
 * welcome page, and an empty pane that says "no feedback" once. */
static void
test_primary_menu_and_empty_pane (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pillars", NULL);
  g_autoptr(GError) error = NULL;
  PlWindow *window;

  {
    g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);

    g_assert_no_error (error);
    g_assert_nonnull (doc);
  }
  window = pl_test_open_window (path);

  g_assert_true (menu_has_action (window->primary_menu, "win.workshops"));
  g_assert_true (menu_has_action (window->primary_menu, "win.stakeholders"));
  g_assert_false (menu_has_action (window->primary_menu, "app.open-example"));

  /* "No feedback yet" in the empty page, and not "No feedback" above it. */
  wait_for (pl_test_find_label (pl_window_get_side_pane (window), "No feedback yet") != NULL);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (find_mapped_label (pl_window_get_side_pane (window), "No feedback"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stakeholders", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_STAKEHOLDERS_DIALOG) != NULL);
  gtk_window_close (pl_test_find_toplevel (PL_TYPE_STAKEHOLDERS_DIALOG));
  wait_for (pl_test_find_toplevel (PL_TYPE_STAKEHOLDERS_DIALOG) == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workshops", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_WORKSHOPS_DIALOG) != NULL);
  gtk_window_close (pl_test_find_toplevel (PL_TYPE_WORKSHOPS_DIALOG));
  wait_for (pl_test_find_toplevel (PL_TYPE_WORKSHOPS_DIALOG) == NULL);

  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window-input/capture-keys-anywhere", test_capture_keys_anywhere);
  g_test_add_func ("/window-input/text-keys-stay-in-text", test_text_keys_stay_in_text);
  g_test_add_func ("/window-input/quote-survives-alt-s", test_quote_survives_alt_s);
  g_test_add_func ("/window-input/pane-find", test_pane_find);
  g_test_add_func ("/window-input/first-focus", test_first_focus);
  g_test_add_func ("/window-input/tab-close-is-not-delete", test_tab_close_is_not_delete);
  g_test_add_func ("/window-input/action-dialog-closes", test_action_dialog_closes);
  g_test_add_func ("/window-input/action-reorder-keeps-focus", test_action_reorder_keeps_focus);
  g_test_add_func ("/window-input/new-stakeholder-sector", test_new_stakeholder_sector);
  g_test_add_func ("/window-input/creation-lands-on-new", test_creation_lands_on_new);
  g_test_add_func ("/window-input/primary-menu-and-empty-pane", test_primary_menu_and_empty_pane);

  return pl_test_run_app ();
}
