/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare FILE: the Compare view on FILE (the big example) after 100
 * scattered edits, as bench-core's "versions" makes them. Prints
 *   compare-view-ms FIRST-FRAME READY DIFF BARE
 * medians of 7 rounds: from asking for the view to its first frame drawn,
 * to the changes shown (the comparison runs in a thread), and the
 * comparison alone (pl_diff_compare), and an empty AdwWindow's first frame
 * for reference. Needs a display. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pl-compare-view.h"
#include "pl-document-snapshots.h"
#include "pl-utils.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* From creating @view to its first frame drawn, in ms. */
static double
first_frame_ms (GtkWidget *view,
                gint64     start)
{
  gboolean painted = FALSE;
  double ms;

  gtk_widget_realize (view);
  g_signal_connect (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_window_present (GTK_WINDOW (view));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (view), &painted);
  return ms;
}

static void
edit (PlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GListModel *actions = pl_document_get_all_actions (doc);
  GListModel *pillars = pl_document_get_pillars (doc);
  guint edits = 0;

  for (guint i = 0; edits < 100 && i < g_list_model_get_n_items (pillars); i++, edits++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      g_autofree char *body = g_strconcat (pl_pillar_get_body (p), "\n\nA paragraph added after the workshop.", NULL);

      if (!pl_record_set (PL_RECORD (p), &error, "body", body, NULL))
        g_error ("edit: %s", error->message);
    }
  for (guint i = 0; edits < 100 && i < g_list_model_get_n_items (actions); i += 30, edits++)
    {
      g_autoptr(PlRecord) a = g_list_model_get_item (actions, i);
      g_autofree char *lead = g_strdup_printf ("National CSIRT (edit %u)", edits);

      if (!pl_record_set (a, &error, "lead-agency", lead, NULL))
        g_error ("edit: %s", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) base = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diffs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));

  if (argc != 2)
    {
      g_printerr ("usage: bench-compare FILE\n");
      return 2;
    }
  adw_init ();
  pl_ensure_resources ();
  if (!(doc = pl_document_open (argv[1], PL_DOCUMENT_OPEN_DEFAULT, &error)))
    g_error ("open %s: %s", argv[1], error->message);
  if (!(base = pl_document_take_snapshot (doc, "Benchmark base", &error)))
    g_error ("snapshot: %s", error->message);
  edit (doc);

  if (g_getenv ("BENCH_PARTS"))
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(PlDraft) a = pl_document_load_draft (doc, base, NULL);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(PlDraft) b = pl_document_load_draft (doc, NULL, NULL);
      gint64 t2 = g_get_monotonic_time ();
      g_autoptr(PlDiff) d = pl_diff_new (a, b);
      gint64 t3 = g_get_monotonic_time ();

      pl_diff_attach_feedback (d, doc, NULL);
      g_print ("load old %.1f, load new %.1f, diff %.1f, feedback %.1f\n", (t1 - t0) / 1000.0, (t2 - t1) / 1000.0,
               (t3 - t2) / 1000.0, (g_get_monotonic_time () - t3) / 1000.0);
    }
  for (int r = 0; r < 7; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlDiff) d = NULL;
      GtkWidget *view;
      double ms;

      if (!(d = pl_diff_compare (doc, base, NULL, &error)))
        g_error ("compare: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (diffs, ms);

      /* The same window without content, in turn: on a shared machine
       * only the ratio means something. */
      start = g_get_monotonic_time ();
      view = adw_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (view), 920, 700);
      ms = first_frame_ms (view, start);
      g_array_append_val (bare, ms);
      gtk_window_destroy (GTK_WINDOW (view));

      start = g_get_monotonic_time ();
      view = pl_compare_view_new (doc, base, NULL);
      ms = first_frame_ms (view, start);
      g_array_append_val (frames, ms);
      while (pl_compare_view_get_busy (PL_COMPARE_VIEW (view)))
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ready, ms);
      gtk_window_destroy (GTK_WINDOW (view));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_print ("compare-view-ms %.3f %.3f %.3f %.3f\n", median (frames), median (ready), median (diffs), median (bare));
  return 0;
}
