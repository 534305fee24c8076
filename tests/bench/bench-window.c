/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window PATH: interactions in the real window on a document (the
 * big example), each timed from the action's activation to the end of the
 * next frame drawn after its effect (GdkFrameClock "after-paint"):
 *
 *   switch-first   first switch to the heaviest pillar tab (its editor built)
 *   switch         later switches to it (from the overview)
 *   filter         a change of the feedback pane's kind filter
 *   search         a keystroke in the feedback search, a letter typed or
 *                  Backspace (the entry's typing delay set to 0: the time
 *                  is the app's, not the pause)
 *   disposition    a disposition chosen in the feedback detail
 *   capture        a capture through the bar (text, then its Add action)
 *   undo           Ctrl+Z's action after a disposition change
 *
 * Prints "interaction NAME: MEDIAN-MS" lines for tests/bench/bench.py.
 * Run under a display (bench.sh uses Xvfb). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pl-application.h"
#include "pl-capture-bar-private.h"
#include "pl-feedback-detail-private.h"
#include "pl-feedback-filter-bar-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-window-private.h"

#define RUNS 9

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Until @done, or 10 s (a frame that never comes is reported, not waited
 * for forever). */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 limit = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (250, wake_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  if (!done (data))
    fprintf (stderr, "bench-window: no frame drawn within 10 s\n");
}

static gboolean
is_painted (gpointer data)
{
  return painted;
}

typedef void (*Interaction) (gpointer data);

/* Milliseconds from @run to the end of the next frame drawn after it. A
 * frame is asked for, as any change of what is shown asks for one. */
static double
measure (GtkWidget   *window,
         Interaction  run,
         gpointer     data)
{
  gint64 start;

  /* Settle first: nothing pending from the last interaction. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  painted = FALSE;
  start = g_get_monotonic_time ();
  run (data);
  gtk_widget_queue_draw (window);
  wait_until (is_painted, NULL);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the interactions ---- */

typedef struct {
  PlWindow       *window;
  PlFeedbackPane *pane;
  AdwTabPage     *heavy;
  int             step;
} Bench;

static void
switch_heavy (gpointer data)
{
  Bench *b = data;

  adw_tab_view_set_selected_page (pl_window_get_tab_view (b->window), b->heavy);
}

static void
switch_overview (gpointer data)
{
  Bench *b = data;

  adw_tab_view_set_selected_page (pl_window_get_tab_view (b->window),
                                  adw_tab_view_get_nth_page (pl_window_get_tab_view (b->window), 0));
}

static void
change_filter (gpointer data)
{
  Bench *b = data;
  GtkDropDown *kind = GTK_DROP_DOWN (pl_feedback_filter_bar_get_filter (b->pane->filter_bar, "kind"));

  gtk_drop_down_set_selected (kind, (guint) (++b->step % 3));
}

static void
search_key (gpointer data)
{
  Bench *b = data;
  GtkEditable *search = GTK_EDITABLE (pl_feedback_filter_bar_get_filter (b->pane->filter_bar, "search"));
  static const char *const words[] = { "c", "cy", "cyb", "cy", "c", "" };
  const char *now = gtk_editable_get_text (search);
  const char *next = words[++b->step % G_N_ELEMENTS (words)];
  int len = (int) strlen (now);

  /* One key, as typed: a letter added at the end, or Backspace (setting
   * the whole text would search twice, once for the empty text). */
  if ((int) strlen (next) > len)
    gtk_editable_insert_text (search, next + len, 1, &len);
  else if (len > 0)
    gtk_editable_delete_text (search, len - 1, len);
}

static void
change_disposition (gpointer data)
{
  Bench *b = data;
  GtkDropDown *dropdown = pl_feedback_detail_get_disposition_dropdown (b->pane->detail);

  gtk_drop_down_set_selected (dropdown, (guint) (++b->step % 2 ? 1 : 2));
}

static void
capture (gpointer data)
{
  Bench *b = data;
  g_autofree char *text = g_strdup_printf ("Benchmark capture %d", ++b->step);

  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (b->pane->capture_bar), text, -1);
  gtk_widget_activate_action (GTK_WIDGET (b->pane->capture_bar), "capture.add", NULL);
}

static void
undo (gpointer data)
{
  Bench *b = data;

  g_action_group_activate_action (G_ACTION_GROUP (b->window), "undo", NULL);
}

/* The pillar tab with the most actions. */
static AdwTabPage *
heaviest_tab (PlWindow *window)
{
  PlDocument *doc = pl_window_get_document (window);
  GListModel *pillars = pl_document_get_pillars (doc);
  PlPillar *best = NULL;
  guint most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (doc, pillar);
      guint n = 0;

      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);

          n += g_list_model_get_n_items (pl_document_get_actions (doc, objective));
        }
      if (best == NULL || n > most)
        {
          best = pillar;
          most = n;
        }
    }
  return best ? pl_window_get_pillar_page (window, best) : NULL;
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && painted;
}

static void
report (const char *name,
        double     *samples,
        int         n)
{
  printf ("interaction %s: %.2f\n", name, median (samples, n));
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlApplication) app = NULL;
  PlWindow *window;
  GdkFrameClock *clock;
  g_autoptr(PlFeedback) first = NULL;
  Bench b = { 0 };
  double samples[RUNS];
  double first_switch;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-window DOCUMENT\n");
      return 2;
    }
  app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));
  window = pl_application_open_path (app, argv[1]);
  if (window == NULL)
    {
      fprintf (stderr, "bench-window: could not open %s\n", argv[1]);
      return 1;
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  painted = FALSE;
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_native_get_surface (GTK_NATIVE (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_until (is_drawn, window);

  b.window = window;
  b.pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  b.heavy = heaviest_tab (window);
  if (b.heavy == NULL || b.pane == NULL)
    {
      fprintf (stderr, "bench-window: the document has no pillar or no feedback pane\n");
      return 1;
    }

  first_switch = measure (GTK_WIDGET (window), switch_heavy, &b);
  printf ("interaction switch-first: %.2f\n", first_switch);
  for (int i = 0; i < RUNS; i++)
    {
      measure (GTK_WIDGET (window), switch_overview, &b);
      samples[i] = measure (GTK_WIDGET (window), switch_heavy, &b);
    }
  report ("switch", samples, RUNS);

  for (int i = 0; i < RUNS; i++)
    samples[i] = measure (GTK_WIDGET (window), change_filter, &b);
  report ("filter", samples, RUNS);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_feedback_filter_bar_get_filter (b.pane->filter_bar, "kind")), 0);


  first = g_list_model_get_item (G_LIST_MODEL (pl_document_get_feedback (pl_window_get_document (window))), 0);
  pl_feedback_pane_select (b.pane, first);
  for (int i = 0; i < RUNS; i++)
    samples[i] = measure (GTK_WIDGET (window), change_disposition, &b);
  report ("disposition", samples, RUNS);

  for (int i = 0; i < RUNS; i++)
    {
      measure (GTK_WIDGET (window), change_disposition, &b);
      samples[i] = measure (GTK_WIDGET (window), undo, &b);
    }
  report ("undo", samples, RUNS);

  pl_feedback_pane_select (b.pane, NULL);
  for (int i = 0; i < RUNS; i++)
    samples[i] = measure (GTK_WIDGET (window), capture, &b);
  report ("capture", samples, RUNS);

  /* Last: on the big document a one-letter prefix matches most items. */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (pl_feedback_filter_bar_get_filter (b.pane->filter_bar,
                                                                                          "search")), 0);
  b.step = -1;  /* from the empty entry: "c", "cy", "cyb", "cy", "c", "" … */
  for (int i = 0; i < RUNS; i++)
    samples[i] = measure (GTK_WIDGET (window), search_key, &b);
  report ("search", samples, RUNS);
  gtk_editable_set_text (GTK_EDITABLE (pl_feedback_filter_bar_get_filter (b.pane->filter_bar, "search")), "");

  /* (bench.py runs this on a copy: the captures made here stay in it.) */
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  return 0;
}
