/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in French (LANGUAGE=fr, with the catalogues built from po/):
 * tab titles, the plan's column headers, the header's tooltips and the
 * feedback pane speak French, and none of their English messages shows.
 * LC_ALL stays C.UTF-8 (set by meson): glibc honours LANGUAGE for every
 * locale except "C" itself, and C.UTF-8 is not "C", so no French locale
 * has to be generated on the machine. */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-test-app.h"

static PlApplication *app;

static void
collect_texts (GtkWidget *root,
               GString   *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  if (tooltip != NULL && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

/* Every label and tooltip on screen, one a line. */
static char *
texts_on_screen (PlWindow *window)
{
  GString *out = g_string_new (NULL);

  pl_test_wait_for_frame (GTK_WIDGET (window));
  collect_texts (GTK_WIDGET (window), out);
  return g_string_free (out, FALSE);
}

static int
page_titled (PlWindow   *window,
             const char *title)
{
  AdwTabView *view = ADW_TAB_VIEW (pl_test_find_any (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW));

  for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
    if (g_strcmp0 (adw_tab_page_get_title (pl_test_nth_page (window, i)), title) == 0)
      return i;
  return -1;
}

static void
test_french_window (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "french.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autofree char *overview = NULL, *plan = NULL;
  int plan_page;

  /* The session is French. */
  g_assert_cmpstr (_("Implementation Plan"), ==, "Plan de mise en œuvre");

  g_assert_cmpstr (adw_tab_page_get_title (pl_test_nth_page (window, 0)), ==, "Vue d’ensemble");
  plan_page = page_titled (window, "Plan de mise en œuvre");
  g_assert_cmpint (plan_page, >, 0);
  g_assert_cmpint (page_titled (window, "Implementation Plan"), ==, -1);

  overview = texts_on_screen (window);
  g_test_message ("Overview:\n%s", overview);
  /* The header and the feedback pane. */
  g_assert_nonnull (strstr (overview, "Menu principal"));
  g_assert_nonnull (strstr (overview, "Volet des retours (F9)"));
  g_assert_nonnull (strstr (overview, "Nouveau pilier (Ctrl+Maj+N)"));
  g_assert_null (strstr (overview, "Main Menu"));
  g_assert_null (strstr (overview, "Feedback Pane"));
  g_assert_null (strstr (overview, "New Pillar"));
  pl_test_screenshot (GTK_WIDGET (window), "french-overview");

  /* The plan's column headers. */
  pl_test_select_page (window, plan_page);
  wait_for (pl_test_find_label (GTK_WIDGET (window), "Organisme chef de file") != NULL);
  plan = texts_on_screen (window);
  g_test_message ("Plan:\n%s", plan);
  g_assert_nonnull (strstr (plan, "Organisme chef de file\n"));
  g_assert_nonnull (strstr (plan, "Échéance\n"));
  g_assert_nonnull (strstr (plan, "Priorité\n"));
  g_assert_null (strstr (plan, "Lead Agency\n"));
  g_assert_null (strstr (plan, "Timeframe\n"));
  pl_test_screenshot (GTK_WIDGET (window), "french-plan");

  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("PILLARS_LOCALEDIR");

  if (dir == NULL)
    {
      g_printerr ("PILLARS_LOCALEDIR must name the folder of the built catalogues (meson sets it)\n");
      return 1;
    }
  /* Before anything translates: GNU gettext remembers what it found. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window-french/labels", test_french_window);

  return pl_test_run_app ();
}
