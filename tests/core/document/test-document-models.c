/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlDocument models (pl-document-models.c): the lazy GListModels follow
 * every change and keep their order; a model that cannot be read says so. */
#include "config.h"

#include "pl-test-document.h"

/* ---- models ---- */

static void
test_all_actions_follow (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *all = pl_document_get_all_actions (f->doc);
  PlTestItemsChanged c = { 0 };
  g_autoptr(PlPillar) p = add_pillar (f->doc, "P", -1);
  g_autoptr(PlPillar) q = add_pillar (f->doc, "Q", -1);
  g_autoptr(PlObjective) po = add_child (f->doc, PL_TYPE_OBJECTIVE, p, "po", -1);
  g_autoptr(PlObjective) qo = add_child (f->doc, PL_TYPE_OBJECTIVE, q, "qo", -1);
  g_autoptr(PlAction) q1 = add_child (f->doc, PL_TYPE_ACTION, qo, "q1", -1);
  g_autoptr(PlAction) p1 = NULL;
  g_autoptr(PlAction) p2 = NULL;

  g_signal_connect (all, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &c);
  p1 = add_child (f->doc, PL_TYPE_ACTION, po, "p1", -1);
  g_assert_cmpuint (c.emissions, >=, 1);
  p2 = add_child (f->doc, PL_TYPE_ACTION, po, "p2", 0);
  assert_titles (all, "p2,p1,q1");
  g_assert_true (pl_document_move (f->doc, PL_RECORD (q), 0, &error));
  assert_titles (all, "q1,p2,p1");
  g_assert_true (pl_document_move (f->doc, PL_RECORD (p2), 1, &error));
  assert_titles (all, "q1,p1,p2");
  c.emissions = 0;
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (p1), &error));
  assert_titles (all, "q1,p2");
  g_assert_cmpuint (c.emissions, >=, 1);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (qo), &error));
  assert_titles (all, "p2");
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (qo), &error));
  assert_titles (all, "q1,p2");
  g_assert_true (pl_record_set (PL_RECORD (q1), &error, "title", "q1 renamed", NULL));
  assert_titles (all, "q1 renamed,p2");
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (all), ==, pl_document_count (f->doc, "actions"));
  g_signal_handlers_disconnect_by_data (all, &c);
}

static void
test_models_items_changed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *sections = pl_document_get_sections (f->doc);
  GListModel *workshops = pl_document_get_workshops (f->doc);
  GListModel *stakeholders = pl_document_get_stakeholders (f->doc);
  GListModel *snapshots = pl_document_get_snapshots (f->doc);
  GListModel *feedback = G_LIST_MODEL (pl_document_get_feedback (f->doc));
  PlTestItemsChanged sc = { 0 }, wc = { 0 }, kc = { 0 }, nc = { 0 }, fc = { 0 };
  g_autoptr(PlWorkshop) w1 = NULL;
  g_autoptr(PlWorkshop) w2 = NULL;
  g_autoptr(PlStakeholder) s1 = NULL;
  g_autoptr(PlStakeholder) s2 = NULL;
  g_autoptr(PlSection) sec = NULL;
  g_autoptr(PlSnapshot) snap = NULL;
  g_autoptr(PlFeedback) f1 = NULL;
  g_autoptr(PlFeedback) f2 = NULL;

  g_signal_connect (sections, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &sc);
  g_signal_connect (workshops, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &wc);
  g_signal_connect (stakeholders, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &kc);
  g_signal_connect (snapshots, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &nc);
  g_signal_connect (feedback, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &fc);

  sec = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, -1, &error, "title", "Intro", NULL);
  g_assert_cmpuint (sc.emissions, ==, 1);
  g_assert_cmpuint (sc.added, ==, 1);

  /* Workshops stay sorted by start date, stakeholders by name. */
  w1 = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "Late", "start-date", "2026-10-01", NULL);
  w2 = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "Early", "start-date", "2026-03-01", NULL);
  g_assert_cmpuint (wc.emissions, ==, 2);
  g_assert_cmpuint (wc.position, ==, 0);
  assert_titles (workshops, "Early,Late");
  s1 = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "zoe", NULL);
  s2 = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Adam", NULL);
  g_assert_cmpuint (kc.emissions, ==, 2);
  g_assert_cmpuint (kc.position, ==, 0);
  {
    g_autoptr(PlStakeholder) first = g_list_model_get_item (stakeholders, 0);
    g_assert_true (first == s2);
  }
  snap = pl_document_add (f->doc, PL_TYPE_SNAPSHOT, NULL, -1, &error, "name", "v1", NULL);
  g_assert_cmpuint (nc.emissions, ==, 1);

  /* A capture is inserted at the top with one items-changed (0, 0, 1). */
  f1 = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "first", NULL, NULL, w1, s1, &error);
  g_usleep (1000);
  f2 = pl_document_add_feedback (f->doc, PL_FEEDBACK_SUPPORT, "second", NULL, NULL, w2, s2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fc.emissions, ==, 2);
  g_assert_cmpuint (fc.position, ==, 0);
  g_assert_cmpuint (fc.removed, ==, 0);
  g_assert_cmpuint (fc.added, ==, 1);
  {
    g_autoptr(PlFeedback) top = g_list_model_get_item (feedback, 0);
    g_assert_true (top == f2);
  }
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (feedback)), ==, 2);
  g_assert_true (pl_record_set (PL_RECORD (f1), &error, "disposition", (int) PL_DISPOSITION_REJECTED, NULL));
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (feedback)), ==, 1);

  fc.emissions = 0;
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f2), &error));
  g_assert_cmpuint (fc.emissions, ==, 1);
  g_assert_cmpuint (fc.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 1);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (feedback)), ==, 0);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (f2), &error));
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 2);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (feedback)), ==, 1);

  wc.emissions = 0;
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (w1), &error));
  g_assert_cmpuint (wc.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (snap), &error));
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 0);
  g_assert_no_error (error);

  /* Folding a duplicate stakeholder moves its feedback and removes it. */
  kc.emissions = 0;
  g_assert_true (pl_document_fold_stakeholder (f->doc, s1, s2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kc.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 1);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (f1), ==, pl_record_get_id (PL_RECORD (s2)));

  g_signal_handlers_disconnect_by_data (sections, &sc);
  g_signal_handlers_disconnect_by_data (workshops, &wc);
  g_signal_handlers_disconnect_by_data (stakeholders, &kc);
  g_signal_handlers_disconnect_by_data (snapshots, &nc);
  g_signal_handlers_disconnect_by_data (feedback, &fc);
}

static void
test_workshop_resorts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *workshops = pl_document_get_workshops (f->doc);
  GListModel *stakeholders = pl_document_get_stakeholders (f->doc);
  g_autoptr(PlWorkshop) a = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "A", "start-date", "2026-01-01", NULL);
  g_autoptr(PlWorkshop) b = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "B", "start-date", "2026-02-01", NULL);
  g_autoptr(PlStakeholder) s1 = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Bea", NULL);
  g_autoptr(PlStakeholder) s2 = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Cy", NULL);

  assert_titles (workshops, "A,B");
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "start-date", "2026-12-01", NULL));
  g_assert_no_error (error);
  assert_titles (workshops, "B,A");
  g_assert_true (pl_record_set (PL_RECORD (s2), &error, "name", "Al", NULL));
  {
    g_autoptr(PlStakeholder) first = g_list_model_get_item (stakeholders, 0);
    g_assert_true (first == s2);
  }
}

static char *
stakeholder_names (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlStakeholder) st = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, pl_stakeholder_get_name (st));
    }
  return g_string_free (s, FALSE);
}

/* Accented names sort the same way whether added live or loaded. */
static void
test_stakeholder_order (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const names[] = { "Zoë", "émile", "Adam", "Élise", "zack", "Ölaf", "bea" };
  g_autoptr(GError) error = NULL;
  g_autofree char *live = NULL;
  g_autofree char *loaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PlStakeholder) s = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                                    "name", names[i], NULL);
      g_assert_no_error (error);
    }
  live = stakeholder_names (pl_document_get_stakeholders (f->doc));
  g_assert_cmpstr (live, ==, "Adam,bea,Élise,émile,Ölaf,zack,Zoë");
  /* Found by name whatever the case, accented letters included. */
  {
    g_autoptr(PlStakeholder) a = pl_document_find_stakeholder (f->doc, "ADAM");
    g_autoptr(PlStakeholder) e = pl_document_find_stakeholder (f->doc, "élise");
    g_autoptr(PlStakeholder) o = pl_document_find_stakeholder (f->doc, "öLAF");
    g_autoptr(PlStakeholder) none = pl_document_find_stakeholder (f->doc, "elise");

    g_assert_nonnull (a);
    g_assert_nonnull (e);
    g_assert_nonnull (o);
    g_assert_null (none);
    if (e)
      g_assert_cmpstr (pl_stakeholder_get_name (e), ==, "Élise");
    if (o)
      g_assert_cmpstr (pl_stakeholder_get_name (o), ==, "Ölaf");
  }
  reopen (f);
  loaded = stakeholder_names (pl_document_get_stakeholders (f->doc));
  g_assert_cmpstr (loaded, ==, live);
}

/* ---- a model that cannot be read ---- */

/* What "read-failed" said, and how often. */
typedef struct {
  guint  emissions;
  char  *message;
} ReadFailed;

static void
read_failed_cb (PlDocument   *doc,
                const GError *error,
                ReadFailed   *seen)
{
  seen->emissions++;
  g_free (seen->message);
  seen->message = g_strdup (error->message);
  g_test_message ("read-failed: %s", error->message);
}

/* Drops @tables with sqlite3, behind the open document's back. */
static void
break_file (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = pl_test_sqlite_open (f->path, TRUE);

  g_assert_true (pl_test_sqlite_exec (db, sql));
  sqlite3_close (db);
}

static void
assert_read_failed (ReadFailed *seen,
                    const char *what)
{
  g_assert_cmpuint (seen->emissions, ==, 1);
  g_assert_nonnull (seen->message);
  if (seen->message == NULL)
    return;
  /* Says what could not be read, and from which file. */
  g_assert_nonnull (strstr (seen->message, what));
  g_assert_nonnull (strstr (seen->message, "doc.pillars"));
}

/* The objectives of a pillar, first asked for after their table is gone:
 * an empty list, and the document says why. */
static void
test_read_failed_model (Fixture       *f,
                        gconstpointer  data)
{
  ReadFailed seen = { 0 };
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "P", -1);
  g_autoptr(PlObjective) objective = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, "O", -1);
  g_autoptr(PlPillar) reopened = NULL;
  GListModel *objectives;

  g_clear_object (&objective);
  g_clear_object (&pillar);
  reopen (f);
  reopened = PL_PILLAR (item (pl_document_get_pillars (f->doc), 0));
  g_signal_connect (f->doc, "read-failed", G_CALLBACK (read_failed_cb), &seen);
  break_file (f, "DROP TABLE objectives");

  objectives = pl_document_get_objectives (f->doc, reopened);
  g_assert_nonnull (objectives);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);
  assert_read_failed (&seen, "Could not show the objectives");
  /* Asked again, the (empty) list is kept: no second report. */
  g_assert_true (pl_document_get_objectives (f->doc, reopened) == objectives);
  g_assert_cmpuint (seen.emissions, ==, 1);

  g_signal_handlers_disconnect_by_data (f->doc, &seen);
  g_free (seen.message);
}

static void
test_read_failed_top_model (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadFailed seen = { 0 };
  g_autoptr(PlWorkshop) workshop = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                                                    "title", "National", NULL);

  g_assert_no_error (error);
  g_clear_object (&workshop);
  reopen (f);
  g_signal_connect (f->doc, "read-failed", G_CALLBACK (read_failed_cb), &seen);
  break_file (f, "DROP TABLE workshops");

  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_workshops (f->doc)), ==, 0);
  assert_read_failed (&seen, "Could not show the workshops");

  g_signal_handlers_disconnect_by_data (f->doc, &seen);
  g_free (seen.message);
}

/* A pillar's body is read when first used: if it cannot be, the getter
 * returns an empty text and the document says why. */
static void
test_read_failed_field (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadFailed seen = { 0 };
  g_autoptr(PlPillar) pillar = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error,
                                                "title", "P", "body", "## Why", NULL);
  g_autoptr(PlPillar) reopened = NULL;

  g_assert_no_error (error);
  g_clear_object (&pillar);
  reopen (f);
  reopened = PL_PILLAR (item (pl_document_get_pillars (f->doc), 0));
  g_signal_connect (f->doc, "read-failed", G_CALLBACK (read_failed_cb), &seen);
  break_file (f, "DROP TABLE pillars");

  g_assert_cmpstr (pl_pillar_get_title (reopened), ==, "P");
  g_assert_cmpstr (pl_pillar_get_body (reopened), ==, "");
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_nonnull (seen.message);
  if (seen.message != NULL)
    g_assert_nonnull (strstr (seen.message, "Could not show “body” (pillars)"));
  /* Not asked again at every read. */
  g_assert_cmpstr (pl_pillar_get_body (reopened), ==, "");
  g_assert_cmpuint (seen.emissions, ==, 1);

  g_signal_handlers_disconnect_by_data (f->doc, &seen);
  g_free (seen.message);
}

static void
test_read_failed_feedback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadFailed seen = { 0 };
  g_autoptr(PlFeedback) feedback = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "Good", NULL,
                                                             NULL, NULL, NULL, &error);
  PlFeedbackList *list;

  g_assert_no_error (error);
  g_clear_object (&feedback);
  reopen (f);
  g_signal_connect (f->doc, "read-failed", G_CALLBACK (read_failed_cb), &seen);
  break_file (f, "DROP TABLE feedback_stats; DROP TABLE feedback");

  list = pl_document_get_feedback (f->doc);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_nonnull (seen.message);
  if (seen.message != NULL)
    g_assert_nonnull (strstr (seen.message, "Could not show the feedback"));

  g_signal_handlers_disconnect_by_data (f->doc, &seen);
  g_free (seen.message);
}

/* The list reads its ids a page at a time as a view scrolls: a page that
 * cannot be read leaves the item out, and the document says why. */
static void
test_read_failed_feedback_page (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadFailed seen = { 0 };
  PlFeedbackList *list;
  gpointer beyond;

  g_assert_true (pl_document_begin (f->doc, &error));
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(PlFeedback) feedback = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "Good", NULL,
                                                                 NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (pl_document_commit (f->doc, &error));
  reopen (f);
  list = pl_document_get_feedback (f->doc);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  {
    g_autoptr(PlFeedback) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_nonnull (first);
  }
  g_signal_connect (f->doc, "read-failed", G_CALLBACK (read_failed_cb), &seen);
  break_file (f, "DROP TABLE feedback");

  /* Past the first page: not loaded yet. */
  beyond = g_list_model_get_item (G_LIST_MODEL (list), 99);
  g_assert_null (beyond);
  g_clear_object (&beyond);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_nonnull (seen.message);
  if (seen.message != NULL)
    g_assert_nonnull (strstr (seen.message, "Could not show the feedback"));

  g_signal_handlers_disconnect_by_data (f->doc, &seen);
  g_free (seen.message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) g_test_add ("/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("all-actions-follow", test_all_actions_follow);
  ADD ("models-items-changed", test_models_items_changed);
  ADD ("workshop-resorts", test_workshop_resorts);
  ADD ("stakeholder-order", test_stakeholder_order);
  ADD ("read-failed/model", test_read_failed_model);
  ADD ("read-failed/top-model", test_read_failed_top_model);
  ADD ("read-failed/field", test_read_failed_field);
  ADD ("read-failed/feedback", test_read_failed_feedback);
  ADD ("read-failed/feedback-page", test_read_failed_feedback_page);
#undef ADD

  return g_test_run ();
}
