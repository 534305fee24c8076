/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "pl-diff.h"
#include "pl-document.h"
#include "pl-document-snapshots.h"
#include "pl-export.h"

/*
 * Core benchmarks, run by build-aux/bench.sh (not by meson test: timings
 * on a shared machine are not pass/fail). Prints "name value" lines:
 *   open-ms FILE median      opening and building the models the window binds to
 *   capture-ms median p99    one feedback item through the capture API, lists live
 *   capture-items-changed N  items-changed emissions per capture on the full list
 *   search-ms median         FTS query over narrative and feedback
 *   versions-ms snapshot compare docx redline   medians (issue #14): taking a
 *                            snapshot, comparing the draft after 100 scattered
 *                            edits with it, the plain and the redline DOCX
 */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i;

  g_array_sort (samples, compare_doubles);
  i = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, i);
}

/* What the window binds to when it opens a document: it shows the
 * overview tab (strategy and sections), a tab per pillar, and the feedback
 * pane with its first rows. A pillar's objectives and the implementation
 * plan are built when their tab is first shown. */
static double
open_once (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  GListModel *pillars;
  PlFeedbackList *feedback;
  double ms;

  if (doc == NULL)
    g_error ("open %s: %s", path, error->message);
  pillars = pl_document_get_pillars (doc);
  g_list_model_get_n_items (pl_document_get_sections (doc));
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      (void) pl_pillar_get_title (p);
    }
  feedback = pl_document_get_feedback (doc);
  g_list_model_get_n_items (G_LIST_MODEL (feedback));
  pl_feedback_list_get_open_count (feedback);
  /* The rows a list view shows first. */
  for (guint i = 0; i < MIN (30u, g_list_model_get_n_items (G_LIST_MODEL (feedback))); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (feedback), i);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  return ms;
}

static void
bench_open (const char *path,
            int         runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  open_once (path);  /* warm the page cache */
  for (int i = 0; i < runs; i++)
    {
      double ms = open_once (path);
      g_array_append_val (samples, ms);
    }
  g_print ("open-ms %s %.3f\n", path, percentile (samples, 0.5));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
bench_capture (const char *path,
               int         count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlFeedbackList) this_tab = NULL;
  g_autoptr(PlWorkshop) workshop = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  PlFeedbackList *all;
  PlFeedbackQuery query;
  guint changes = 0;

  if (doc == NULL)
    g_error ("open %s: %s", path, error->message);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  workshop = g_list_model_get_item (pl_document_get_workshops (doc), 0);
  stakeholder = g_list_model_get_item (pl_document_get_stakeholders (doc), 0);

  /* The lists the feedback pane keeps live while capturing. */
  all = pl_document_get_feedback (doc);
  pl_feedback_query_init (&query);
  query.pillar_id = pl_record_get_id (PL_RECORD (pillar));
  this_tab = pl_feedback_list_new (doc, &query);
  g_signal_connect (all, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  for (int i = 0; i < count; i++)
    {
      g_autofree char *text = g_strdup_printf ("Benchmark capture %d: add a target for the CSIRT's response time.", i);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, text,
                                                           PL_RECORD (pillar), NULL, workshop,
                                                           stakeholder, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (fb == NULL)
        g_error ("capture: %s", error->message);
      g_array_append_val (samples, ms);
    }
  g_print ("capture-ms %.3f %.3f\n", percentile (samples, 0.5), percentile (samples, 0.99));
  g_print ("capture-items-changed %.2f\n", (double) changes / count);
  g_print ("feedback-items %u\n", g_list_model_get_n_items (G_LIST_MODEL (all)));
}

static void
bench_search (const char *path,
              int         runs)
{
  static const char *const queries[] = { "incident response", "CSIRT", "awareness small businesses",
                                         "payment systems", "regional partn" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  if (doc == NULL)
    g_error ("open %s: %s", path, error->message);
  for (int r = 0; r < runs; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) hits = pl_document_search (doc, queries[q], 50, &error);
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        if (hits == NULL)
          g_error ("search: %s", error->message);
        g_array_append_val (samples, ms);
      }
  g_print ("search-ms %.3f\n", percentile (samples, 0.5));
}


/* ---- versions (issue #14) ---- */

static double
export_docx_ms (PlDocument *doc,
                PlSnapshot *compare,
                const char *out)
{
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  gint64 start;

  pl_export_options_init (&options);
  options.format = PL_EXPORT_DOCX;
  options.compare = compare ? g_object_ref (compare) : NULL;
  start = g_get_monotonic_time ();
  if (!pl_export_to_file (doc, &options, out, NULL, &error))
    g_error ("export %s: %s", out, error->message);
  pl_export_options_clear (&options);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Everything in one process and in turn, round after round, so that the
 * ratios compare like with like: a snapshot against a DOCX export of the
 * same document; the comparison after 100 scattered edits (every 30th
 * action's lead agency, a word in each pillar's narrative) against the
 * same export; the redline DOCX against the plain one. */
static void
bench_versions (const char *path,
                int         rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_autoptr(GArray) snap = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diff = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) docx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) red = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PlSnapshot) base = NULL;
  g_autofree char *out = g_strconcat (path, ".docx", NULL);
  GListModel *actions;
  GListModel *pillars;
  guint edits = 0;

  if (doc == NULL)
    g_error ("open %s: %s", path, error->message);
  if (!(base = pl_document_take_snapshot (doc, "Benchmark base", &error)))
    g_error ("snapshot: %s", error->message);
  actions = pl_document_get_all_actions (doc);
  pillars = pl_document_get_pillars (doc);
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

  for (int r = 0; r < rounds; r++)
    {
      gint64 start;
      double ms;
      g_autoptr(PlSnapshot) s = NULL;
      g_autoptr(PlDiff) d = NULL;

      ms = export_docx_ms (doc, NULL, out);
      g_array_append_val (docx, ms);
      start = g_get_monotonic_time ();
      if (!(s = pl_document_take_snapshot (doc, "Benchmark", &error)))
        g_error ("snapshot: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (snap, ms);
      start = g_get_monotonic_time ();
      if (!(d = pl_diff_compare (doc, base, NULL, &error)))
        g_error ("compare: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (diff, ms);
      ms = export_docx_ms (doc, base, out);
      g_array_append_val (red, ms);
    }
  g_unlink (out);
  g_print ("versions-ms %.3f %.3f %.3f %.3f\n", percentile (snap, 0.5), percentile (diff, 0.5),
           percentile (docx, 0.5), percentile (red, 0.5));
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      g_printerr ("usage: bench-core open FILE… | capture COPY-OF-BIG | search BIG\n");
      return 2;
    }
  if (g_str_equal (argv[1], "open"))
    for (int i = 2; i < argc; i++)
      bench_open (argv[i], 9);
  else if (g_str_equal (argv[1], "capture"))
    bench_capture (argv[2], 300);
  else if (g_str_equal (argv[1], "search"))
    bench_search (argv[2], 9);
  else if (g_str_equal (argv[1], "versions"))
    bench_versions (argv[2], 7);
  else
    return 2;
  return 0;
}
