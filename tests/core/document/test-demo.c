/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-document-snapshots.h"
#include "pl-draft.h"
#include "pl-export.h"
#include "pl-test-util.h"

static char *
export_markdown (PlDocument *doc,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  char *contents = NULL;

  pl_export_options_init (&options);
  options.format = PL_EXPORT_MARKDOWN;
  options.annex = TRUE;
  options.anonymise = PL_ANONYMISE_NONE;
  options.date = g_strdup ("1 January 2026");
  g_assert_true (pl_export_to_file (doc, &options, path, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_small (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "kestrel.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_autoptr(GHashTable) sectors = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) dispositions = g_hash_table_new (NULL, NULL);
  GListModel *model;
  guint n, orphaned = 0, with_workshop = 0, with_stakeholder = 0, with_target = 0;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc == NULL)
    return;

  g_assert_cmpstr (pl_strategy_get_country (pl_document_get_strategy (doc)), ==, "Republic of the Kestrel Islands");
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_sections (doc)), ==, 5);
  g_assert_cmpint (pl_document_count (doc, "pillars"), >=, 4);
  g_assert_cmpint (pl_document_count (doc, "objectives"), >=, 12);
  g_assert_cmpint (pl_document_count (doc, "actions"), >=, 30);

  /* Every action has a lead agency and a timeframe. */
  model = pl_document_get_all_actions (doc);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, pl_document_count (doc, "actions"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlAction) a = g_list_model_get_item (model, i);

      g_assert_cmpstr (pl_action_get_lead_agency (a), !=, "");
      g_assert_cmpint (pl_action_get_timeframe (a), !=, PL_TIMEFRAME_UNSET);
      g_assert_cmpstr (pl_action_get_start_date (a), !=, "");
      g_assert_cmpstr (pl_action_get_indicator (a), !=, "");
    }

  /* Two workshops, fully described. */
  model = pl_document_get_workshops (doc);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (model, i);

      g_assert_cmpstr (pl_workshop_get_region (w), !=, "");
      g_assert_cmpstr (pl_workshop_get_location (w), !=, "");
      g_assert_cmpstr (pl_workshop_get_partner (w), !=, "");
      g_assert_cmpstr (pl_workshop_get_start_date (w), !=, "");
      g_assert_cmpstr (pl_workshop_get_end_date (w), !=, "");
      g_assert_cmpstr (pl_workshop_get_end_date (w), >=, pl_workshop_get_start_date (w));
    }

  /* Stakeholders from at least five sectors. */
  model = pl_document_get_stakeholders (doc);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 15);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (model, i);

      g_assert_cmpstr (pl_stakeholder_get_name (s), !=, "");
      g_assert_cmpstr (pl_stakeholder_get_organisation (s), !=, "");
      g_hash_table_add (sectors, GINT_TO_POINTER (pl_stakeholder_get_sector (s) + 1));
    }
  g_assert_cmpuint (g_hash_table_size (sectors), >=, 5);

  /* Feedback: mixed kinds and dispositions, quotations that are found. */
  model = G_LIST_MODEL (pl_document_get_feedback (doc));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (model, i);

      g_hash_table_add (kinds, GINT_TO_POINTER (pl_feedback_get_kind (fb) + 1));
      g_hash_table_add (dispositions, GINT_TO_POINTER (pl_feedback_get_disposition (fb) + 1));
      orphaned += pl_feedback_get_orphaned (fb);
      with_workshop += pl_feedback_get_workshop_id (fb) != 0;
      with_stakeholder += pl_feedback_get_stakeholder_id (fb) != 0;
      with_target += pl_feedback_get_target_kind (fb) != PL_TARGET_STRATEGY;
      if (pl_feedback_get_disposition (fb) != PL_DISPOSITION_OPEN)
        g_assert_cmpstr (pl_feedback_get_response (fb), !=, "");
    }
  g_assert_cmpuint (g_hash_table_size (kinds), ==, 5);
  g_assert_cmpuint (g_hash_table_size (dispositions), >=, 5);
  g_assert_cmpuint (orphaned, ==, 0);
  g_assert_cmpuint (with_workshop, ==, n);
  g_assert_cmpuint (with_stakeholder, ==, n);
  g_assert_cmpuint (with_target, >=, n / 2);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), >, 0);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), <, n);

  {
    g_auto(GStrv) problems = NULL;

    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (problems), ==, 0);
  }

  /* The file exists once: creating it again is refused. */
  {
    g_autoptr(PlDocument) again = pl_demo_create (path, PL_DEMO_SMALL, &error);

    g_assert_null (again);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS);
  }
  pl_test_rmdir_recursive (dir);
}

/* The example reads as true: quotes in an organisation's voice are said by
 * someone from it, and no action runs past the strategy's end year. */
static void
test_consistent (void)
{
  static const struct {
    const char *text_start;
    const char *organisation_part;  /* NULL: check the sector */
    PlSector    sector;
  } voices[] = {
    { "The bank ", "Bank", 0 },
    { "The Chamber ", "Chamber of Commerce", 0 },
    { "The ITU ", "International Telecommunication Union", 0 },
    { "Civil society ", NULL, PL_SECTOR_CIVIL_SOCIETY },
    { "Operators ", NULL, PL_SECTOR_PRIVATE },
  };
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "consistent.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRegex) period = g_regex_new ("(\\d{4})–(\\d{4})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GListModel *model;
  guint found[G_N_ELEMENTS (voices)] = { 0 };
  int first_year, last_year;

  g_assert_no_error (error);
  if (doc == NULL)
    return;

  model = pl_document_get_stakeholders (doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      PlStakeholder *s = g_list_model_get_item (model, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { pl_record_get_id (PL_RECORD (s)) }, sizeof (gint64)), s);
      g_object_unref (s);  /* the document's model keeps it */
    }

  model = G_LIST_MODEL (pl_document_get_feedback (doc));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (model, i);
      gint64 id = pl_feedback_get_stakeholder_id (fb);
      PlStakeholder *speaker = g_hash_table_lookup (by_id, &id);

      for (guint v = 0; v < G_N_ELEMENTS (voices); v++)
        {
          if (!g_str_has_prefix (pl_feedback_get_body (fb), voices[v].text_start))
            continue;
          found[v]++;
          g_assert_nonnull (speaker);
          if (speaker == NULL)
            continue;
          g_test_message ("“%s” said by %s, %s", pl_feedback_get_body (fb),
                          pl_stakeholder_get_name (speaker), pl_stakeholder_get_organisation (speaker));
          if (voices[v].organisation_part != NULL)
            g_assert_nonnull (strstr (pl_stakeholder_get_organisation (speaker), voices[v].organisation_part));
          else
            g_assert_cmpint (pl_stakeholder_get_sector (speaker), ==, voices[v].sector);
        }
    }
  for (guint v = 0; v < G_N_ELEMENTS (voices); v++)
    g_assert_cmpuint (found[v], >=, 1);

  /* The strategy's period is in its title: "… 2026–2030". */
  g_assert_true (g_regex_match (period, pl_strategy_get_title (pl_document_get_strategy (doc)), 0, &match));
  {
    g_autofree char *first = g_match_info_fetch (match, 1);
    g_autofree char *last = g_match_info_fetch (match, 2);

    first_year = atoi (first);
    last_year = atoi (last);
  }
  model = pl_document_get_all_actions (doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlAction) a = g_list_model_get_item (model, i);
      int start = atoi (pl_action_get_start_date (a));
      int end = *pl_action_get_end_date (a) ? atoi (pl_action_get_end_date (a)) : start;

      g_test_message ("%s: %d–%d", pl_action_get_title (a), start, end);
      g_assert_cmpint (start, >=, first_year);
      g_assert_cmpint (end, <=, last_year);
      g_assert_cmpint (start, <=, end);
    }
  pl_test_rmdir_recursive (dir);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *a = pl_test_path (dir, "a.pillars");
  g_autofree char *b = pl_test_path (dir, "b.pillars");
  g_autofree char *a_md = pl_test_path (dir, "a.md");
  g_autofree char *b_md = pl_test_path (dir, "b.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc_a = pl_demo_create (a, PL_DEMO_SMALL, &error);
  g_autoptr(PlDocument) doc_b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_assert_no_error (error);
  g_usleep (2000);
  doc_b = pl_demo_create (b, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  if (!doc_a || !doc_b)
    return;
  text_a = export_markdown (doc_a, a_md);
  text_b = export_markdown (doc_b, b_md);
  g_assert_nonnull (text_a);
  g_assert_cmpuint (strlen (text_a), >, 10000);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_nonnull (strstr (text_a, "1 January 2026"));
  g_assert_nonnull (strstr (text_a, "Kestrel"));
  pl_test_rmdir_recursive (dir);
}

/* The example carries the draft as shown at the validation workshops, so
 * that a drafting lead can compare with it from the first start: the
 * mid-term review and the CSIRT's six analysts came after. */
static void
test_workshop_snapshot (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "demo.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_autoptr(PlSnapshot) snapshot = NULL;
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(PlSection) review = NULL;
  PlSection *old_review;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_snapshots (doc)), ==, 1);
  snapshot = g_list_model_get_item (pl_document_get_snapshots (doc), 0);
  g_assert_cmpstr (pl_snapshot_get_name (snapshot), ==, "Draft v0.3 — as presented at the validation workshops");
  g_assert_cmpint (pl_snapshot_get_status (snapshot), ==, PL_LIFECYCLE_VALIDATION);
  draft = pl_document_load_draft (doc, snapshot, &error);
  g_assert_no_error (error);
  review = g_list_model_get_item (pl_document_get_sections (doc), 3);
  old_review = g_ptr_array_index (pl_draft_get_sections (draft), 3);
  g_assert_nonnull (strstr (pl_section_get_body (review), "reviewed at mid-term in 2028"));
  g_assert_null (strstr (pl_section_get_body (old_review), "mid-term"));
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (review)), ==, pl_record_get_uuid (PL_RECORD (old_review)));
  /* Same counts then and now: only words changed. */
  g_assert_cmpuint (pl_draft_get_pillars (draft)->len, ==, g_list_model_get_n_items (pl_document_get_pillars (doc)));
  pl_document_close (doc);
  pl_test_rmdir_recursive (dir);
}

static void
test_big (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "big.pillars");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PlDocument) doc = pl_demo_create (path, PL_DEMO_BIG, &error);
  gint64 actions;
  gsize narrative = 0;
  GListModel *pillars;

  g_test_message ("big document built in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc == NULL)
    return;

  g_assert_cmpint (pl_document_count (doc, "pillars"), ==, 12);
  g_assert_cmpint (pl_document_count (doc, "objectives"), ==, 480);
  actions = pl_document_count (doc, "actions");
  g_test_message ("%" G_GINT64_FORMAT " actions", actions);
  g_assert_cmpint (actions, >=, 2800);
  g_assert_cmpint (actions, <=, 3200);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, 20000);
  g_assert_cmpint (pl_document_count (doc, "stakeholders"), ==, 300);
  g_assert_cmpint (pl_document_count (doc, "workshops"), ==, 10);

  pillars = pl_document_get_pillars (doc);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (doc, p);

      narrative += strlen (pl_pillar_get_body (p));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) o = g_list_model_get_item (objectives, j);
          narrative += strlen (pl_objective_get_description (o));
        }
    }
  g_test_message ("%" G_GSIZE_FORMAT " bytes of narrative Markdown", narrative);
  g_assert_cmpuint (narrative, >=, 900 * 1000);
  g_assert_cmpuint (narrative, <=, 1300 * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_all_actions (doc)), ==, actions);

  /* The feedback list holds all 20,000. */
  {
    PlFeedbackList *list = pl_document_get_feedback (doc);
    guint n_items = 0;

    g_object_get (list, "n-items", &n_items, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20000);
    g_assert_cmpuint (n_items, ==, 20000);
    g_assert_cmpuint (pl_feedback_list_get_open_count (list), >, 0);
    g_assert_cmpuint (pl_feedback_list_get_open_count (list), <, 20000);
    {
      g_autoptr(PlFeedback) newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
      g_autoptr(PlFeedback) oldest = g_list_model_get_item (G_LIST_MODEL (list), 19999);

      g_assert_nonnull (newest);
      g_assert_nonnull (oldest);
      if (newest && oldest)
        g_assert_cmpstr (pl_feedback_get_captured_at (newest), >=, pl_feedback_get_captured_at (oldest));
    }
  }

  /* And again from the file. */
  pl_document_close (doc);
  g_clear_object (&doc);
  start = g_get_monotonic_time ();
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  if (doc)
    {
      PlFeedbackList *list = pl_document_get_feedback (doc);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20000);
      g_test_message ("reopened with its feedback list in %.2f s", (g_get_monotonic_time () - start) / 1e6);
    }
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/demo/small", test_small);
  g_test_add_func ("/demo/consistent", test_consistent);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/workshop-snapshot", test_workshop_snapshot);
  /* Takes a few seconds; skip it with -s /demo/big (e.g. under valgrind). */
  g_test_add_func ("/demo/big", test_big);

  return g_test_run ();
}
