/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlDocument itself (pl-document.c): one object per row, transactions and
 * rollback, a closed document. */
#include "config.h"

#include "pl-test-document.h"

/* ---- identity ---- */

static void
test_same_object (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "P", -1);
  g_autoptr(PlObjective) objective = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, "O", -1);
  gint64 id = pl_record_get_id (PL_RECORD (objective));
  g_autoptr(PlRecord) a = pl_document_lookup (f->doc, PL_TYPE_OBJECTIVE, id, &error);
  g_autoptr(PlRecord) b = pl_document_lookup (f->doc, PL_TYPE_OBJECTIVE, id, &error);
  g_autoptr(PlRecord) c = pl_document_lookup_uuid (f->doc, PL_TYPE_OBJECTIVE,
                                                   pl_record_get_uuid (PL_RECORD (objective)), &error);
  g_autoptr(PlRecord) in_model = item (pl_document_get_objectives (f->doc, pillar), 0);
  g_autoptr(PlRecord) in_pillars = item (pl_document_get_pillars (f->doc), 0);
  g_autoptr(PlPillar) parent = pl_document_get_pillar_of (f->doc, PL_RECORD (objective));

  g_assert_no_error (error);
  g_assert_true (a == PL_RECORD (objective));
  g_assert_true (b == a);
  g_assert_true (c == a);
  g_assert_true (in_model == a);
  g_assert_true (in_pillars == PL_RECORD (pillar));
  g_assert_true (parent == pillar);
  g_assert_true (pl_record_get_document (a) == f->doc);

  /* Once every reference is gone, a look-up builds a fresh object that
   * still shows the stored values. */
  g_clear_object (&objective);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&in_model);
  g_clear_object (&parent);
  {
    g_autoptr(PlRecord) fresh = pl_document_lookup (f->doc, PL_TYPE_OBJECTIVE, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pl_objective_get_title (PL_OBJECTIVE (fresh)), ==, "O");
  }
}

/* ---- transactions ---- */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_group_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) p = NULL;
  guint64 generation = pl_document_get_generation (f->doc);

  g_assert_true (pl_document_begin (f->doc, &error));
  p = add_pillar (f->doc, "P", -1);
  {
    g_autoptr(PlObjective) o = add_child (f->doc, PL_TYPE_OBJECTIVE, p, "O", -1);
  }
  /* An inner failure undoes only that step; the group goes on. */
  g_assert_null (pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "\xff", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_true (pl_document_commit (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_document_get_generation (f->doc), >, generation);
  g_clear_object (&p);

  reopen (f);
  assert_titles (pl_document_get_pillars (f->doc), "P");
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);
}

static void
test_rollback_resyncs_models (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *pillars = pl_document_get_pillars (f->doc);
  GListModel *workshops = pl_document_get_workshops (f->doc);
  GListModel *all = pl_document_get_all_actions (f->doc);
  PlFeedbackList *feedback = pl_document_get_feedback (f->doc);
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  g_autoptr(PlPillar) b = add_pillar (f->doc, "B", -1);
  g_autoptr(PlObjective) ao = add_child (f->doc, PL_TYPE_OBJECTIVE, a, "ao", -1);
  g_autoptr(PlAction) aa = add_child (f->doc, PL_TYPE_ACTION, ao, "aa", -1);
  GListModel *objectives = pl_document_get_objectives (f->doc, a);
  g_autoptr(PlPillar) c = NULL;
  g_autoptr(PlObjective) new_objective = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  PlTestItemsChanged pc = { 0 }, oc = { 0 }, ac = { 0 }, fc = { 0 };
  guint title_notifies = 0;

  g_signal_connect (pillars, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &pc);
  g_signal_connect (objectives, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &oc);
  g_signal_connect (all, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &ac);
  g_signal_connect (feedback, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &fc);

  /* A multi-step change that the caller abandons half way. */
  g_assert_true (pl_document_begin (f->doc, &error));
  c = add_pillar (f->doc, "C", 0);
  new_objective = add_child (f->doc, PL_TYPE_OBJECTIVE, a, "new", -1);
  {
    g_autoptr(PlAction) na = add_child (f->doc, PL_TYPE_ACTION, new_objective, "na", -1);
  }
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "title", "A renamed", "summary", "S", NULL));
  g_assert_true (pl_document_move (f->doc, PL_RECORD (b), 0, &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (aa), &error));
  w = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "W", NULL);
  fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "x", PL_RECORD (a), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_titles (pillars, "B,C,A renamed");
  assert_titles (objectives, "ao,new");
  assert_titles (all, "na");
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (feedback)), ==, 1);

  pc.emissions = oc.emissions = ac.emissions = fc.emissions = 0;
  g_signal_connect (a, "notify::title", G_CALLBACK (count_notify_cb), &title_notifies);
  pl_document_rollback (f->doc);

  /* The models show the file again, and said so. */
  assert_titles (pillars, "A,B");
  assert_positions (pillars);
  assert_titles (objectives, "ao");
  assert_titles (all, "aa");
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (feedback)), ==, 0);
  g_assert_cmpuint (pl_feedback_list_get_open_count (feedback), ==, 0);
  g_assert_cmpuint (pc.emissions, >=, 1);
  g_assert_cmpuint (oc.emissions, >=, 1);
  g_assert_cmpuint (ac.emissions, >=, 1);
  g_assert_cmpuint (fc.emissions, >=, 1);

  /* The records too. */
  g_assert_cmpstr (pl_pillar_get_title (a), ==, "A");
  g_assert_cmpstr (pl_pillar_get_summary (a), ==, "");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_false (pl_record_is_deleted (PL_RECORD (aa)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (c)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (w)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (new_objective)));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (b)), ==, 1);

  /* Records that never reached the file cannot be written to. */
  g_assert_false (pl_record_set (PL_RECORD (c), &error, "title", "ghost", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_false (pl_document_undelete (f->doc, PL_RECORD (c), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* New rows may reuse the ids of the abandoned ones: they are new objects. */
  {
    g_autoptr(PlPillar) d = add_pillar (f->doc, "D", -1);

    g_assert_true (d != c);
    g_assert_false (pl_record_is_deleted (PL_RECORD (d)));
    assert_titles (pillars, "A,B,D");
    g_assert_cmpstr (pl_pillar_get_title (c), ==, "C");
  }

  /* Writes work as before. */
  g_assert_true (pl_record_set (PL_RECORD (aa), &error, "title", "aa2", NULL));
  g_assert_no_error (error);
  assert_titles (all, "aa2");

  g_signal_handlers_disconnect_by_data (pillars, &pc);
  g_signal_handlers_disconnect_by_data (objectives, &oc);
  g_signal_handlers_disconnect_by_data (all, &ac);
  g_signal_handlers_disconnect_by_data (feedback, &fc);
  g_signal_handlers_disconnect_by_data (a, &title_notifies);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&ao);
  g_clear_object (&aa);
  g_clear_object (&new_objective);
  g_clear_object (&w);
  g_clear_object (&fb);

  reopen (f);
  assert_titles (pl_document_get_pillars (f->doc), "A,B,D");
  assert_titles (pl_document_get_all_actions (f->doc), "aa2");
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 0);
  g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 0);
}

static void
test_nested_rollback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *pillars = pl_document_get_pillars (f->doc);
  g_autoptr(PlPillar) a = NULL;
  g_autoptr(PlPillar) b = NULL;

  g_assert_true (pl_document_begin (f->doc, &error));
  a = add_pillar (f->doc, "kept", -1);
  g_assert_true (pl_document_begin (f->doc, &error));
  b = add_pillar (f->doc, "dropped", -1);
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "summary", "inner change", NULL));
  assert_titles (pillars, "kept,dropped");
  /* Only the inner group goes. */
  pl_document_rollback (f->doc);
  assert_titles (pillars, "kept");
  g_assert_cmpstr (pl_pillar_get_summary (a), ==, "");
  g_assert_true (pl_record_is_deleted (PL_RECORD (b)));
  g_assert_false (pl_record_is_deleted (PL_RECORD (a)));
  g_assert_true (pl_document_commit (f->doc, &error));
  g_assert_no_error (error);
  g_clear_object (&a);
  g_clear_object (&b);

  reopen (f);
  assert_titles (pl_document_get_pillars (f->doc), "kept");
}

static void
test_closed_document (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) p = add_pillar (f->doc, "P", -1);

  pl_document_close (f->doc);
  g_assert_true (pl_document_is_read_only (f->doc));
  g_assert_false (pl_record_set (PL_RECORD (p), &error, "title", "x", NULL));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "x", NULL));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (pl_pillar_get_title (p), ==, "P");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) g_test_add ("/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("same-object", test_same_object);
  ADD ("group-commit", test_group_commit);
  ADD ("rollback-resyncs-models", test_rollback_resyncs_models);
  ADD ("nested-rollback", test_nested_rollback);
  ADD ("closed-document", test_closed_document);
#undef ADD

  return g_test_run ();
}
