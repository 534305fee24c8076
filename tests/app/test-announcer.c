/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a window tells a screen reader out of its sight (PlAnnouncer): the
 * same message twice is said twice; a document window says "Saved" after
 * Ctrl+S, the workshop going live and ending, a capture through the bar
 * and why one was refused. (The journeys' accessibility walk hears the
 * same over AT-SPI.) */
#include "config.h"

#include "pl-announcer.h"
#include "pl-capture-bar-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_announcer_repeats (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Body");
  GtkWidget *announcer = pl_announcer_new ();
  int said = 0;

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), announcer);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (announcer, "notify::message", G_CALLBACK (count_cb), &said);
  g_assert_true (GTK_ACCESSIBLE_ROLE_STATUS == gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (announcer)));

  /* Any widget of the window finds it; a widget in no window says nothing. */
  g_assert_true (pl_announcer_find (label) == PL_ANNOUNCER (announcer));
  pl_announcer_announce_in (label, "Saved");
  pl_announcer_announce_in (label, "Saved");
  g_assert_cmpint (said, ==, 2);
  g_assert_cmpstr (pl_announcer_get_message (PL_ANNOUNCER (announcer)), ==, "Saved");
  pl_announcer_announce_in (label, "");
  g_assert_cmpint (said, ==, 2);
  {
    g_autoptr(GtkWidget) loose = g_object_ref_sink (gtk_label_new ("Loose"));

    g_assert_null (pl_announcer_find (loose));
    pl_announcer_announce_in (loose, "Nobody hears this");
  }

  /* It takes no room: it asks for none, and the column gives it no height. */
  gtk_window_present (GTK_WINDOW (window));
  pl_test_wait_for_frame (window);
  for (int o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    {
      int min = -1, nat = -1;

      gtk_widget_measure (announcer, o, -1, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, ==, 0);
      g_assert_cmpint (nat, ==, 0);
    }
  g_assert_cmpint (gtk_widget_get_height (announcer), ==, 0);

  /* Out of the window, it is no longer found. */
  g_object_ref (announcer);
  gtk_box_remove (GTK_BOX (box), announcer);
  g_assert_null (pl_announcer_find (label));
  g_object_unref (announcer);
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
said (PlWindow *window)
{
  PlAnnouncer *announcer = pl_announcer_find (GTK_WIDGET (window));

  return announcer ? pl_announcer_get_message (announcer) : NULL;
}

static void
test_window_announces (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "announce.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  PlCaptureBar *bar = PL_CAPTURE_BAR (pl_feedback_pane_get_capture_bar (pane));
  g_autoptr(PlWorkshop) workshop = g_list_model_get_item (pl_document_get_workshops (window->document), 0);
  g_autofree char *live = g_strdup_printf ("Live — %s, %s", pl_workshop_get_title (workshop),
                                           pl_workshop_get_location (workshop));

  g_assert_nonnull (pl_announcer_find (GTK_WIDGET (window)));
  g_assert_null (said (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL));
  g_assert_cmpstr (said (window), ==, "Saved");

  pl_feedback_pane_set_active_workshop (pane, workshop);
  g_assert_cmpstr (said (window), ==, live);

  /* Enter with nothing typed: why nothing was added. */
  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (bar), "", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "capture.add", NULL));
  g_assert_cmpstr (said (window), ==, "Type what was said first");

  gtk_editable_set_text (pl_capture_bar_get_stakeholder_entry (bar), "");
  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (bar), "Say who trains the trainers.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "capture.add", NULL));
  g_assert_true (said (window) != NULL && g_str_has_prefix (said (window), "Added Comment — "));

  pl_feedback_pane_set_active_workshop (pane, NULL);
  g_assert_cmpstr (said (window), ==, "Not live: captures are no longer stamped with a workshop");

  pl_test_close_window (window);
  pl_test_remove_document (path);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);
  g_test_add_func ("/announcer/repeats", test_announcer_repeats);
  g_test_add_func ("/announcer/window", test_window_announces);
  return pl_test_run_app ();
}
