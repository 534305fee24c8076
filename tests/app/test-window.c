/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on real documents: tabs, typing reaching the file, failures,
 * the lifecycle, passages, read-only documents, dark style, help, a big document. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-capture-bar-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-overview-page.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page.h"
#include "pl-test-app.h"

/* Whether the selection in @buffer is @text. */
static gboolean
selection_is (GtkTextBuffer *buffer,
              const char    *text)
{
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (selected, text) == 0;
}

/* Whether the pillar read back from the file now has a body ending in @suffix. */
static gboolean
file_body_ends_with (const char *path,
                     guint       pillar,
                     const char *suffix)
{
  g_autoptr(PlDocument) check = pl_test_reopen_read_only (path);
  g_autoptr(PlPillar) reread = g_list_model_get_item (pl_document_get_pillars (check), pillar);

  return g_str_has_suffix (pl_pillar_get_body (reread), suffix);
}

static gboolean
file_title_is (const char *path,
               guint       pillar,
               const char *title)
{
  g_autoptr(PlDocument) check = pl_test_reopen_read_only (path);
  g_autoptr(PlPillar) reread = g_list_model_get_item (pl_document_get_pillars (check), pillar);

  return g_strcmp0 (pl_pillar_get_title (reread), title) == 0;
}

static PlApplication *app;

static void
test_tabs (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "tabs.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  GListModel *pillars = pl_document_get_pillars (doc);
  guint n_pillars = g_list_model_get_n_items (pillars);
  AdwTabView *view = pl_window_get_tab_view (window);

  g_assert_cmpuint (n_pillars, ==, 5);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, (int) n_pillars + 2);
  g_assert_true (PL_IS_OVERVIEW_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, 0))));
  g_assert_true (PL_IS_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, (int) n_pillars + 1))));
  for (guint i = 0; i < n_pillars; i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      AdwTabPage *page = pl_test_nth_page (window, (int) i + 1);

      g_assert_cmpstr (adw_tab_page_get_title (page), ==, pl_pillar_get_title (pillar));
      g_assert_true (pl_window_get_pillar_page (window, pillar) == page);
    }
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Validation · Saved");
  pl_test_screenshot (GTK_WIDGET (window), "overview");

  /* Only the tab in front is built. */
  g_assert_false (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 1)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-tab", NULL);
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  g_assert_true (adw_tab_view_get_selected_page (view) == pl_test_nth_page (window, 1));
  g_assert_true (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 1)))));
  g_assert_false (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 2)))));
  pl_test_screenshot (GTK_WIDGET (window), "pillar");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-tab", "i", (int) n_pillars + 1);
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, (int) n_pillars + 1))));
  g_assert_true (adw_tab_view_get_selected_page (view) == pl_test_nth_page (window, (int) n_pillars + 1));
  g_assert_null (pl_window_get_current_target (window));
  g_assert_null (pl_window_get_current_buffer (window));
  pl_test_screenshot (GTK_WIDGET (window), "plan");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-tab", NULL);
  g_assert_true (adw_tab_view_get_selected_page (view) == pl_test_nth_page (window, (int) n_pillars));

  /* One window per document. */
  g_assert_true (pl_application_open_path (app, path) == window);
  {
    GList *windows = pl_test_windows ();

    g_assert_cmpuint (g_list_length (windows), ==, 1);
    g_list_free (windows);
  }
  pl_test_close_window (window);
}

static void
test_typing_reaches_file (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "typing.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  GtkTextBuffer *buffer;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlDocument) check = NULL;
  g_autoptr(PlPillar) reread = NULL;

  pl_test_select_page (window, 2);
  pillar = g_list_model_get_item (pl_document_get_pillars (pl_window_get_document (window)), 1);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (pillar));
  buffer = pl_window_get_current_buffer (window);
  g_assert_nonnull (buffer);

  /* Debounced: not written at once, but within a second. */
  pl_test_type_at_end (buffer, "\n\nTyped in the window, flushed by Ctrl+S.");
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Validation · Saving…");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Validation · Saved");
  check = pl_test_reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "Typed in the window, flushed by Ctrl+S."));
  g_clear_object (&reread);
  g_clear_object (&check);

  pl_test_type_at_end (buffer, "\nAnd saved within a second without doing anything.");
  pl_test_wait_saved (window);
  wait_for (file_body_ends_with (path, 1, "without doing anything."));
  check = pl_test_reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "without doing anything."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* Undo in the editor is saved too. */
  gtk_widget_activate_action (GTK_WIDGET (adw_tab_page_get_child (pl_test_nth_page (window, 2))), "pillar.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  check = pl_test_reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "flushed by Ctrl+S."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* The pillar's title field: the tab and the file follow. */
  {
    GtkWidget *title_row = pl_test_find_widget (adw_tab_page_get_child (pl_test_nth_page (window, 2)), ADW_TYPE_ENTRY_ROW,
                                        "Pillar title", NULL);

    g_assert_nonnull (title_row);
    if (title_row != NULL)
      {
        gtk_editable_set_text (GTK_EDITABLE (title_row), "Awareness and education");
        pl_test_wait_saved (window);
        wait_for (file_title_is (path, 1, "Awareness and education"));
        wait_for (g_strcmp0 (adw_tab_page_get_title (pl_test_nth_page (window, 2)), "Awareness and education") == 0);
        g_assert_cmpstr (adw_tab_page_get_title (pl_test_nth_page (window, 2)), ==, "Awareness and education");
        check = pl_test_reopen_read_only (path);
        reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
        g_assert_cmpstr (pl_pillar_get_title (reread), ==, "Awareness and education");
        g_clear_object (&reread);
        g_clear_object (&check);
      }
  }

  /* Find (Ctrl+F): the search entry takes the focus and the first match
   * is selected in the narrative. */
  {
    GtkWidget *focus;
    GtkWidget *entry;
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
    wait_for (gtk_window_get_focus (GTK_WINDOW (window)) != NULL &&
              gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_SEARCH_ENTRY) != NULL);
    focus = gtk_window_get_focus (GTK_WINDOW (window));
    entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
    g_assert_nonnull (entry);
    if (entry != NULL)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), "Ctrl+S");
        wait_for (selection_is (buffer, "Ctrl+S"));
        g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
        selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        g_assert_cmpstr (selected, ==, "Ctrl+S");
        pl_test_screenshot (GTK_WIDGET (window), "find");
      }
  }

  /* Closing at once loses nothing. */
  pl_test_type_at_end (buffer, "\nLast words before closing.");
  pl_test_close_window (window);
  check = pl_test_reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "Last words before closing."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* The document was closed (its lock released): it opens normally again. */
  window = pl_test_open_window (path);
  g_assert_nonnull (window);
  pl_test_close_window (window);
}

/* When the file cannot be written, the window says so and closing it asks
 * before losing what was typed. */
static void
test_write_failure (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "failure.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  GtkTextBuffer *buffer;
  AdwMessageDialog *dialog;
  GList *windows;

  pl_test_select_page (window, 1);
  buffer = pl_window_get_current_buffer (window);
  /* As if the disk went away under the document. */
  pl_document_close (pl_window_get_document (window));
  pl_test_type_at_end (buffer, "\nThis cannot be written.");
  wait_for (g_strcmp0 (pl_test_window_subtitle (window), "Validation · Not saved") == 0);
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Validation · Not saved");

  gtk_window_close (GTK_WINDOW (window));
  wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  windows = pl_test_windows ();
  g_assert_nonnull (g_list_find (windows, window));
  g_list_free (windows);
  dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Last Changes Could Not Be Saved");
  pl_test_screenshot (GTK_WIDGET (dialog), "unsaved-dialog");
  adw_message_dialog_response (dialog, "keep");
  /* As its button does: the answer, then the dialog goes. */
  pl_test_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  windows = pl_test_windows ();
  g_assert_nonnull (g_list_find (windows, window));
  g_list_free (windows);

  gtk_window_close (GTK_WINDOW (window));
  wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "close");
  wait_for (!pl_test_is_toplevel (window));
  pl_test_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  windows = pl_test_windows ();
  g_assert_null (g_list_find (windows, window));
  g_list_free (windows);
}

static void
test_lifecycle (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "status.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autoptr(PlDocument) check = NULL;

  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Validation · Saved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "cabinet-review"));
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (pl_window_get_document (window))), ==,
                   PL_LIFECYCLE_CABINET_REVIEW);
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Cabinet review · Saved");
  pl_test_screenshot (GTK_WIDGET (window), "lifecycle");
  pl_test_close_window (window);

  check = pl_test_reopen_read_only (path);
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (check)), ==, PL_LIFECYCLE_CABINET_REVIEW);
}

static void
test_passage (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "passage.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 2);
  g_autoptr(PlSection) section = g_list_model_get_item (pl_document_get_sections (doc), 1);
  const char *body = pl_pillar_get_body (pillar);
  g_autofree char *quote = g_strndup (body + 10, 24);
  g_autofree char *section_quote = g_strndup (pl_section_get_body (section) + 4, 16);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_true (pl_window_show_passage (window, PL_RECORD (pillar), quote));
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_window_get_pillar_page (window, pillar))));
  g_assert_true (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)) ==
                 pl_window_get_pillar_page (window, pillar));
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (pillar));
  buffer = pl_window_get_current_buffer (window);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, quote);
  pl_test_screenshot (GTK_WIDGET (window), "passage");
  g_assert_false (pl_window_show_passage (window, PL_RECORD (pillar), "no such words in this pillar"));

  g_assert_true (pl_window_show_passage (window, PL_RECORD (section), section_quote));
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (section));
  buffer = pl_window_get_current_buffer (window);
  g_clear_pointer (&selected, g_free);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, section_quote);
  pl_test_close_window (window);
}

static void
test_read_only (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "ro.pillars", PL_DEMO_SMALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  PlWindow *window;
  GtkTextBuffer *buffer;

  g_assert_no_error (error);
  window = pl_window_new (GTK_APPLICATION (app), doc);
  gtk_window_present (GTK_WINDOW (window));
  pl_test_wait_shown (window);
  g_assert_true (g_str_has_suffix (pl_test_window_subtitle (window), "Read-only"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 5);
  pl_test_select_page (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-objective", NULL);
  g_assert_cmpint (pl_document_count (doc, "objectives"), ==, 12);
  buffer = pl_window_get_current_buffer (window);
  g_assert_nonnull (buffer);
  pl_test_screenshot (GTK_WIDGET (window), "read-only");

  /* "Save a copy to make changes": the copy opens for editing. */
  {
    g_autofree char *copy = g_build_filename (dir, "ro (copy).pillars", NULL);
    g_autoptr(GError) copy_error = NULL;
    PlWindow *copy_window;

    g_autofree char *hard = g_build_filename (dir, "hard.pillars", NULL);
    g_autofree char *sym = g_build_filename (dir, "sym.pillars", NULL);
    g_autofree char *before = NULL, *after = NULL;
    gsize before_len = 0, after_len = 0;
    struct stat st;

    g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

    /* Never onto the original, by any name. */
    g_assert_cmpint (link (path, hard), ==, 0);
    g_assert_cmpint (symlink ("ro.pillars", sym), ==, 0);
    g_assert_false (pl_window_save_copy (window, path, NULL));
    g_assert_false (pl_window_save_copy (window, hard, NULL));
    g_assert_false (pl_window_save_copy (window, sym, NULL));
    g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
    g_assert_true (before_len == after_len && memcmp (before, after, before_len) == 0);
    g_unlink (hard);
    g_unlink (sym);
    g_assert_true (pl_window_save_copy (window, copy, &copy_error));
    g_assert_no_error (copy_error);
    /* Private, whatever the umask lets through. */
    g_assert_cmpint (g_stat (copy, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    copy_window = pl_test_open_window (copy);
    g_assert_false (pl_document_is_read_only (pl_window_get_document (copy_window)));
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (pl_window_get_document (copy_window))), ==, 5);
    g_assert_cmpstr (pl_test_window_subtitle (copy_window), ==, "Validation · Saved");
    pl_test_close_window (copy_window);
  }
  pl_test_close_window (window);
}

/* Shows tab @n in the light style, then in the dark one: the same view,
 * turned dark. */
static void
compare_dark (PlWindow   *window,
              int         n,
              const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light_name = g_strconcat (name, "-light", NULL);
  g_autofree char *dark_name = g_strconcat (name, "-dark", NULL);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  pl_test_select_page (window, n);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (GTK_WIDGET (window), light_name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (GTK_WIDGET (window), dark_name);
  pl_test_assert_dark_of (light, dark);
}

static void
test_dark (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "dark.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);

  compare_dark (window, 0, "overview");
  compare_dark (window, 1, "pillar");
  compare_dark (window, adw_tab_view_get_n_pages (pl_window_get_tab_view (window)) - 1, "plan");
  pl_test_close_window (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_shortcuts_and_about (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "help.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  GtkWindow *help;
  GtkWindow *about;
  GLogLevelFlags fatal;

  /* The window builds ui/gtk/help-overlay.ui when it is first shown. */
  /* Warnings are fatal here too: a section of two pages got GTK 4.8's page
   * switcher, whose labels measure at -3 px and warn (#11 item 13). */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (gtk_window_get_application (GTK_WINDOW (window)),
                                                                  "win.show-help-overlay");

    g_assert_cmpstr (accels[0], ==, "<Control>question");
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  wait_for (pl_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);
  help = pl_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (help);
  g_assert_true (help == GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  if (help != NULL)
    {
      pl_test_screenshot (GTK_WIDGET (help), "shortcuts");
      /* Every section shown, each one page: no pager. */
      for (const char *const *name = (const char *const[]) { "drafting", "feedback", "versions", "shortcuts", NULL }; *name; name++)
        {
          g_autofree char *shot = g_strdup_printf ("shortcuts-%s", *name);
          int width, height;

          g_object_set (help, "section-name", *name, NULL);
          pl_test_wait_for_frame (GTK_WIDGET (help));
          g_assert_null (pl_test_find_widget (GTK_WIDGET (help), GTK_TYPE_STACK_SWITCHER, NULL, NULL));
          pl_test_screenshot (GTK_WIDGET (help), shot);
          /* It fits a 1024×600 laptop: it was 1230 px wide, its close
           * button and half a column off the screen. */
          gtk_widget_measure (GTK_WIDGET (help), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
          gtk_widget_measure (GTK_WIDGET (help), GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
          g_test_message ("shortcuts section %s: %d×%d", *name, width, height);
          g_assert_cmpint (width, <=, 1000);
          g_assert_cmpint (height, <=, 580);
        }
      gtk_widget_set_visible (GTK_WIDGET (help), FALSE);
    }

  g_log_set_always_fatal (fatal);

  /* The header's menus (main menu, status) are built when first opened,
   * and open. */
  {
    GtkWidget *first = pl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
    guint checked = 0;

    g_assert_nonnull (first);
    for (GtkWidget *button = first ? gtk_widget_get_first_child (gtk_widget_get_parent (first)) : NULL;
         button != NULL;
         button = gtk_widget_get_next_sibling (button))
    {
      GtkPopover *popover;

      if (!GTK_IS_MENU_BUTTON (button) || !gtk_widget_get_mapped (button))
        continue;
      checked++;
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      wait_for (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) != NULL &&
                gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      /* Opening again keeps the same popover. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      wait_for (popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)));
      g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      wait_for (popover == NULL || !gtk_widget_get_mapped (GTK_WIDGET (popover)));
    }
    g_assert_cmpuint (checked, ==, 2);
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_for (pl_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL);
  about = pl_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  if (about != NULL)
    gtk_window_destroy (about);
  pl_test_close_window (window);
}

static void
test_big_document (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "big.pillars", PL_DEMO_BIG);
  gint64 start = g_get_monotonic_time ();
  PlWindow *window = pl_test_open_window (path);
  AdwTabView *view = pl_window_get_tab_view (window);
  int n = adw_tab_view_get_n_pages (view);
  guint loaded = 0;

  g_test_message ("big document opened and drawn: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (n, ==, 14);
  {
    /* What waits for the first frame is there after it: every feedback
     * item in the list view, every stakeholder in the capture completion. */
    PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
    GtkWidget *list = pl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, NULL, NULL);
    GtkWidget *bar = pl_feedback_pane_get_capture_bar (pane);
    GtkEntry *who = GTK_ENTRY (pl_capture_bar_get_stakeholder_entry (PL_CAPTURE_BAR (bar)));
    GtkEntryCompletion *completion = gtk_entry_get_completion (who);
    PlDocument *document = pl_window_get_document (window);

    wait_for (adw_tab_page_get_tooltip (pl_test_nth_page (window, n - 1)) != NULL &&
              pl_test_find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, NULL, "Support (Ctrl+5)") != NULL);
    g_assert_nonnull (list);
    if (list != NULL)
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==,
                        (guint) pl_document_count (document, "feedback"));
    g_assert_cmpuint (g_list_model_get_n_items (pl_feedback_pane_get_model (pane)), ==,
                      (guint) pl_document_count (document, "feedback"));
    g_assert_nonnull (completion);
    if (completion != NULL)
      g_assert_cmpint (gtk_tree_model_iter_n_children (gtk_entry_completion_get_model (completion), NULL), ==,
                       (int) g_list_model_get_n_items (pl_document_get_stakeholders (document)));

    /* The tabs' and the kind toggles' tooltips, set after the first frame. */
    for (int i = 0; i < n; i++)
      {
        AdwTabPage *page = pl_test_nth_page (window, i);
        GtkWidget *child = adw_tab_page_get_child (page);
        const char *tooltip = adw_tab_page_get_tooltip (page);

        if (PL_IS_PILLAR_EDITOR (child))
          g_assert_cmpstr (tooltip, ==, pl_pillar_get_summary (pl_pillar_editor_get_pillar (PL_PILLAR_EDITOR (child))));
        else
          g_assert_true (tooltip != NULL && *tooltip != '\0');
      }
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *tooltip = g_strdup_printf ("%s (Ctrl+%u)", pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, i), i + 1);

        g_assert_nonnull (pl_test_find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, NULL, tooltip));
      }
    /* A shortened dropdown choice gives its whole text as tooltip. */
    {
      GtkWidget *dropdown = pl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, NULL, NULL);
      GtkWidget *label = dropdown != NULL ? pl_test_find_widget (dropdown, GTK_TYPE_LABEL, NULL, NULL) : NULL;

      g_assert_nonnull (label);
      if (label != NULL)
        {
          GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
          gboolean shown = FALSE;

          g_assert_true (gtk_widget_get_has_tooltip (label));
          g_signal_emit_by_name (label, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
          g_assert_true (shown);
          g_object_unref (tooltip);
        }
    }
  }
  start = g_get_monotonic_time ();
  adw_tab_view_set_selected_page (view, pl_test_nth_page (window, 3));
  g_test_message ("big document: pillar tab built in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, 3))));
  for (int i = 1; i < n - 1; i++)
    loaded += pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, i))));
  g_assert_cmpuint (loaded, ==, 1);
  pl_window_show_passage (window, PL_RECORD (pl_pillar_editor_get_pillar (PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 3))))),
                          NULL);
  {
    /* Scroll to the objectives (a pillar of the big document has 40). */
    GtkWidget *editor = adw_tab_page_get_child (pl_test_nth_page (window, 3));
    GtkWidget *scroller = gtk_widget_get_first_child (editor);

    if (GTK_IS_SCROLLED_WINDOW (scroller))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 700);
  }
  pl_test_screenshot (GTK_WIDGET (window), "big-pillar");
  g_assert_false (pl_plan_page_is_loaded (PL_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, n - 1)))));
  start = g_get_monotonic_time ();
  adw_tab_view_set_selected_page (view, pl_test_nth_page (window, n - 1));
  g_test_message ("big document: plan built in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, n - 1))));
  {
    PlPlanPage *plan = PL_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, n - 1)));
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (pl_plan_page_get_column_view (plan)));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                      (guint) pl_document_count (pl_window_get_document (window), "actions"));
    g_assert_cmpuint (g_list_model_get_n_items (model), >, 2500);  /* "about 3,000" */

    /* Sorted by pillar number: pillar 12 comes before pillar 9 when descending. */
    {
      GtkColumnView *columns = pl_plan_page_get_column_view (plan);
      g_autoptr(GtkColumnViewColumn) pillar_column = g_list_model_get_item (gtk_column_view_get_columns (columns), 0);
      g_autoptr(PlAction) top = NULL;
      g_autoptr(PlPillar) pillar = NULL;

      gtk_column_view_sort_by_column (columns, pillar_column, GTK_SORT_DESCENDING);
      top = g_list_model_get_item (model, 0);
      pillar = pl_document_get_pillar_of (pl_window_get_document (window), PL_RECORD (top));
      g_assert_nonnull (pillar);
      if (pillar != NULL)
        g_assert_cmpint (pl_record_get_position (PL_RECORD (pillar)), ==, 11);
    }
  }
  pl_test_screenshot (GTK_WIDGET (window), "big-plan");
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window/tabs", test_tabs);
  g_test_add_func ("/window/typing-reaches-file", test_typing_reaches_file);
  g_test_add_func ("/window/write-failure", test_write_failure);
  g_test_add_func ("/window/lifecycle", test_lifecycle);
  g_test_add_func ("/window/passage", test_passage);
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add_func ("/window/dark", test_dark);
  g_test_add_func ("/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/window/big-document", test_big_document);

  return pl_test_run_app ();
}
