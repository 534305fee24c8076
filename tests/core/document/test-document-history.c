/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document's undo/redo history (pl-document-history.c): every kind of
 * write is undone and redone, steps follow transactions, typing a field is
 * one step, text-buffer writes are left out, and a named group (what a
 * snapshot restore or a merge will use) is one step. No display. */
#include "config.h"

#include "pl-document-history.h"
#include "pl-test-document.h"

static char *
undo (PlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  char *label = NULL;

  g_assert_true (pl_document_undo (doc, &label, &error));
  g_assert_no_error (error);
  return label;
}

static char *
redo (PlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  char *label = NULL;

  g_assert_true (pl_document_redo (doc, &label, &error));
  g_assert_no_error (error);
  return label;
}

static void
test_add_delete (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Capacity", -1);
  g_autoptr(PlObjective) objective = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, "Train", -1);
  g_autoptr(PlAction) action = add_child (f->doc, PL_TYPE_ACTION, objective, "Train 500 judges", -1);
  GListModel *actions = pl_document_get_actions (f->doc, objective);
  char *label;

  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "adding action “Train 500 judges”");
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (action), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "deleting action “Train 500 judges”");

  label = undo (f->doc);
  g_assert_cmpstr (label, ==, "deleting action “Train 500 judges”");
  g_free (label);
  g_assert_false (pl_record_is_deleted (PL_RECORD (action)));
  assert_titles (actions, "Train 500 judges");
  g_assert_true (pl_document_can_redo (f->doc));
  g_assert_cmpstr (pl_document_get_redo_label (f->doc), ==, "deleting action “Train 500 judges”");

  g_free (redo (f->doc));
  g_assert_true (pl_record_is_deleted (PL_RECORD (action)));
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 0);

  /* Undo the delete, then the add: gone again; the objective stays. */
  g_free (undo (f->doc));
  g_free (undo (f->doc));
  g_assert_true (pl_record_is_deleted (PL_RECORD (action)));
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);

  /* Deleting a pillar takes its objectives; undo brings all back. */
  g_free (redo (f->doc));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (pillar), &error));
  g_assert_no_error (error);
  g_assert_false (pl_document_can_redo (f->doc));
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 0);
  g_free (undo (f->doc));
  g_assert_cmpint (pl_document_count (f->doc, "pillars"), ==, 1);
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 1);

  /* What is undone is in the file, not only in memory. */
  reopen (f);
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 1);
  g_assert_false (pl_document_can_undo (f->doc));
}

static void
test_fields_and_moves (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Capacity", -1);
  g_autoptr(PlObjective) objective = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, "Train", -1);
  g_autoptr(PlAction) a = add_child (f->doc, PL_TYPE_ACTION, objective, "A", -1);
  g_autoptr(PlAction) b = add_child (f->doc, PL_TYPE_ACTION, objective, "B", -1);
  g_autoptr(PlAction) c = add_child (f->doc, PL_TYPE_ACTION, objective, "C", -1);
  GListModel *actions = pl_document_get_actions (f->doc, objective);

  /* A status change. */
  g_assert_true (pl_record_set (PL_RECORD (b), &error, "status", (int) PL_ACTION_STATUS_IN_PROGRESS, NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "changing the status of action “B”");
  g_free (undo (f->doc));
  g_assert_cmpint (pl_action_get_status (b), ==, PL_ACTION_STATUS_PLANNED);
  g_free (redo (f->doc));
  g_assert_cmpint (pl_action_get_status (b), ==, PL_ACTION_STATUS_IN_PROGRESS);

  /* Typing a title keystroke by keystroke is one step. */
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "title", "Al", NULL));
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "title", "Alp", NULL));
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "title", "Alpha", NULL));
  g_assert_no_error (error);
  g_free (undo (f->doc));
  g_assert_cmpstr (pl_action_get_title (a), ==, "A");
  g_free (redo (f->doc));
  g_assert_cmpstr (pl_action_get_title (a), ==, "Alpha");

  /* After a seal the next change is a step of its own. */
  pl_document_history_seal (f->doc);
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "title", "Alpha 2", NULL));
  g_free (undo (f->doc));
  g_assert_cmpstr (pl_action_get_title (a), ==, "Alpha");

  /* A reorder. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (c), 0, &error));
  g_assert_no_error (error);
  assert_titles (actions, "C,Alpha,B");
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "moving action “C”");
  g_free (undo (f->doc));
  assert_titles (actions, "Alpha,B,C");
  g_free (redo (f->doc));
  assert_titles (actions, "C,Alpha,B");

  /* A move to where it already is records nothing. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (c), 0, &error));
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "moving action “C”");
  g_free (undo (f->doc));
  assert_titles (actions, "Alpha,B,C");
}

static void
test_feedback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) p1 = add_pillar (f->doc, "Capacity", -1);
  g_autoptr(PlPillar) p2 = add_pillar (f->doc, "Awareness", -1);
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(PlRecord) target = NULL;

  fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan",
                                 PL_RECORD (p1), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "adding feedback “Add a CSIRT staffing plan”");

  g_assert_true (pl_record_set (PL_RECORD (fb), &error, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL));
  g_assert_true (pl_document_retarget_feedback (f->doc, fb, PL_RECORD (p2), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==,
                   "moving feedback “Add a CSIRT staffing plan”");

  g_free (undo (f->doc));
  target = pl_document_get_feedback_target (f->doc, fb);
  g_assert_true (target == PL_RECORD (p1));
  g_free (undo (f->doc));
  g_assert_cmpint (pl_feedback_get_disposition (fb), ==, PL_DISPOSITION_OPEN);
  g_free (undo (f->doc));
  g_assert_true (pl_record_is_deleted (PL_RECORD (fb)));
  g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 0);
  g_free (redo (f->doc));
  g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 1);
}

static void
test_transactions_and_groups (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  g_autoptr(PlPillar) b = NULL;
  g_autoptr(PlPillar) c = NULL;
  GListModel *pillars = pl_document_get_pillars (f->doc);
  char *label;

  /* One transaction, one step. */
  g_assert_true (pl_document_begin (f->doc, &error));
  b = add_pillar (f->doc, "B", -1);
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "summary", "First", NULL));
  g_assert_true (pl_document_commit (f->doc, &error));
  g_assert_no_error (error);
  g_free (undo (f->doc));
  assert_titles (pillars, "A");
  g_assert_cmpstr (pl_pillar_get_summary (a), ==, "");
  g_free (redo (f->doc));
  assert_titles (pillars, "A,B");

  /* A rolled-back transaction leaves nothing to undo; the step before stays. */
  g_assert_true (pl_document_begin (f->doc, &error));
  c = add_pillar (f->doc, "C", -1);
  pl_document_rollback (f->doc);
  assert_titles (pillars, "A,B");
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "adding pillar “B”");

  /* A named group over several transactions is one step with that name
   * (what a snapshot restore or a merge uses). */
  pl_document_history_begin_step (f->doc, "restoring snapshot “v0.3”");
  g_assert_true (pl_document_move (f->doc, PL_RECORD (b), 0, &error));
  g_assert_true (pl_record_set (PL_RECORD (b), &error, "title", "Bee", NULL));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_false (pl_document_can_redo (f->doc));
  pl_document_history_end_step (f->doc);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "restoring snapshot “v0.3”");
  label = undo (f->doc);
  g_assert_cmpstr (label, ==, "restoring snapshot “v0.3”");
  g_free (label);
  assert_titles (pillars, "A,B");
  g_free (redo (f->doc));
  assert_titles (pillars, "Bee");

  /* Undo inside a transaction is refused, nothing changes. */
  g_assert_true (pl_document_begin (f->doc, &error));
  g_assert_false (pl_document_undo (f->doc, NULL, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (pl_document_commit (f->doc, &error));
  assert_titles (pillars, "Bee");
}

static void
test_suspended (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  /* Typing in a text buffer is left to the buffer's own undo. */
  pl_document_history_suspend (f->doc);
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "body", "## Why it matters", NULL));
  pl_document_history_resume (f->doc);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_undo_label (f->doc), ==, "adding pillar “A”");
  g_free (undo (f->doc));
  g_assert_false (pl_document_can_undo (f->doc));

  /* Steps that cannot apply any more are dropped with a message, and
   * the file is untouched. */
  g_free (redo (f->doc));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (a), &error));
  g_assert_no_error (error);
  g_free (undo (f->doc));
  g_free (undo (f->doc));
  g_assert_true (pl_record_is_deleted (PL_RECORD (a)));
  g_assert_false (pl_document_undo (f->doc, NULL, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
}

static void
test_signal_and_limits (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  g_autoptr(PlPillar) b = add_pillar (f->doc, "B", -1);
  guint emitted = 0;

  g_signal_connect_swapped (f->doc, "history-changed", G_CALLBACK (g_atomic_int_inc), &emitted);
  g_assert_true (pl_document_move (f->doc, PL_RECORD (b), 0, &error));
  g_assert_cmpuint (emitted, ==, 1);
  g_free (undo (f->doc));
  g_assert_cmpuint (emitted, ==, 2);

  /* A new change after an undo drops what could be redone. */
  g_assert_true (pl_document_can_redo (f->doc));
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "summary", "S", NULL));
  g_assert_false (pl_document_can_redo (f->doc));
  g_assert_false (pl_document_redo (f->doc, NULL, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Many steps: the oldest fall off, the rest still undo. */
  for (int i = 0; i < 600; i++)
    {
      g_assert_true (pl_document_move (f->doc, PL_RECORD (a), (guint) (i % 2), &error));
      g_assert_no_error (error);
    }
  for (int i = 0; i < 500; i++)
    g_free (undo (f->doc));
  g_assert_false (pl_document_can_undo (f->doc));
  g_assert_cmpstr (pl_pillar_get_summary (a), ==, "S");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) g_test_add ("/document/history/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-delete", test_add_delete);
  ADD ("fields-and-moves", test_fields_and_moves);
  ADD ("feedback", test_feedback);
  ADD ("transactions-and-groups", test_transactions_and_groups);
  ADD ("suspended", test_suspended);
  ADD ("signal-and-limits", test_signal_and_limits);
#undef ADD

  return g_test_run ();
}
