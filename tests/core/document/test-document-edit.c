/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlDocument writes (pl-document-edit.c): add, change, move, delete and
 * restore, and the rules they enforce. */
#include "config.h"

#include "pl-test-document.h"

/* ---- CRUD ---- */

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSection) section = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlWorkshop) workshop = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(PlFeedback) feedback = NULL;
  g_autoptr(PlSnapshot) snapshot = NULL;
  gint64 ids[8];

  /* Create */
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (f->doc)), &error,
                                "title", "NCS 2026", "country", "Kestrel", "version-label", "v0.1",
                                "status", (int) PL_LIFECYCLE_CABINET_REVIEW, "classification", "RESTRICTED",
                                "lead-agency", "Ministry", "vision", "Safe", NULL));
  g_assert_no_error (error);
  section = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, -1, &error,
                             "kind", (int) PL_SECTION_GLOSSARY, "title", "Glossary", "body", "**CSIRT**", NULL);
  g_assert_no_error (error);
  pillar = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error,
                            "title", "Capacity", "summary", "People", "body", "## Why", NULL);
  g_assert_no_error (error);
  objective = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                               "title", "Train", "description", "Two per ministry", NULL);
  g_assert_no_error (error);
  action = pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                            "title", "Course", "lead-agency", "PSC", "partners", "CSIRT",
                            "timeframe", (int) PL_TIMEFRAME_MEDIUM, "start-date", "2026", "end-date", "2028",
                            "priority", (int) PL_PRIORITY_HIGH, "indicator", "200 trained",
                            "cost", "KID 5", "status", (int) PL_ACTION_STATUS_DELAYED, NULL);
  g_assert_no_error (error);
  workshop = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                              "title", "National", "region", "North", "location", "Capital",
                              "partner", "ITU", "start-date", "2026-09-14", "end-date", "2026-09-15",
                              "notes", "112 people", NULL);
  g_assert_no_error (error);
  stakeholder = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                 "name", "Ann Lee", "organisation", "Bank", "sector", (int) PL_SECTOR_PRIVATE,
                                 "contact", "ann@example.org", "may-be-named", TRUE, NULL);
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (f->doc, PL_FEEDBACK_QUESTION, "Who pays?", PL_RECORD (action),
                                       "200 trained", workshop, stakeholder, &error);
  g_assert_no_error (error);
  snapshot = pl_document_add (f->doc, PL_TYPE_SNAPSHOT, NULL, -1, &error,
                              "name", "v0.1", "content", "# Draft", NULL);
  g_assert_no_error (error);

  g_assert_cmpint (pl_feedback_get_target_kind (feedback), ==, PL_TARGET_ACTION);
  g_assert_cmpint (pl_feedback_get_target_id (feedback), ==, pl_record_get_id (PL_RECORD (action)));
  g_assert_cmpint (pl_feedback_get_pillar_id (feedback), ==, pl_record_get_id (PL_RECORD (pillar)));
  g_assert_false (pl_feedback_get_orphaned (feedback));
  g_assert_cmpint (pl_feedback_get_disposition (feedback), ==, PL_DISPOSITION_OPEN);
  g_assert_cmpstr (pl_feedback_get_captured_at (feedback), !=, "");

  /* Update */
  g_assert_true (pl_record_set (PL_RECORD (section), &error, "body", "**CSIRT** — team", NULL));
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "summary", "Skilled people", NULL));
  g_assert_true (pl_record_set (PL_RECORD (objective), &error, "description", "Three per ministry", NULL));
  g_assert_true (pl_record_set (PL_RECORD (action), &error, "status", (int) PL_ACTION_STATUS_COMPLETED, NULL));
  g_assert_true (pl_record_set (PL_RECORD (workshop), &error, "notes", "120 people", NULL));
  g_assert_true (pl_record_set (PL_RECORD (stakeholder), &error, "may-be-named", FALSE, NULL));
  g_assert_true (pl_record_set (PL_RECORD (feedback), &error,
                                "disposition", (int) PL_DISPOSITION_ACCEPTED, "response", "The ministry.", NULL));
  g_assert_true (pl_record_set (PL_RECORD (snapshot), &error, "name", "v0.1 (workshop)", NULL));
  g_assert_no_error (error);

  ids[0] = pl_record_get_id (PL_RECORD (section));
  ids[1] = pl_record_get_id (PL_RECORD (pillar));
  ids[2] = pl_record_get_id (PL_RECORD (objective));
  ids[3] = pl_record_get_id (PL_RECORD (action));
  ids[4] = pl_record_get_id (PL_RECORD (workshop));
  ids[5] = pl_record_get_id (PL_RECORD (stakeholder));
  ids[6] = pl_record_get_id (PL_RECORD (feedback));
  ids[7] = pl_record_get_id (PL_RECORD (snapshot));
  g_clear_object (&section);
  g_clear_object (&pillar);
  g_clear_object (&objective);
  g_clear_object (&action);
  g_clear_object (&workshop);
  g_clear_object (&stakeholder);
  g_clear_object (&feedback);
  g_clear_object (&snapshot);

  /* Read, from a reopened file */
  reopen (f);
  {
    PlStrategy *s = pl_document_get_strategy (f->doc);

    g_assert_cmpstr (pl_strategy_get_title (s), ==, "NCS 2026");
    g_assert_cmpstr (pl_strategy_get_country (s), ==, "Kestrel");
    g_assert_cmpstr (pl_strategy_get_version_label (s), ==, "v0.1");
    g_assert_cmpint (pl_strategy_get_status (s), ==, PL_LIFECYCLE_CABINET_REVIEW);
    g_assert_cmpstr (pl_strategy_get_classification (s), ==, "RESTRICTED");
    g_assert_cmpstr (pl_strategy_get_lead_agency (s), ==, "Ministry");
    g_assert_cmpstr (pl_strategy_get_vision (s), ==, "Safe");
  }
  section = (PlSection *) pl_document_lookup (f->doc, PL_TYPE_SECTION, ids[0], &error);
  pillar = (PlPillar *) pl_document_lookup (f->doc, PL_TYPE_PILLAR, ids[1], &error);
  objective = (PlObjective *) pl_document_lookup (f->doc, PL_TYPE_OBJECTIVE, ids[2], &error);
  action = (PlAction *) pl_document_lookup (f->doc, PL_TYPE_ACTION, ids[3], &error);
  workshop = (PlWorkshop *) pl_document_lookup (f->doc, PL_TYPE_WORKSHOP, ids[4], &error);
  stakeholder = (PlStakeholder *) pl_document_lookup (f->doc, PL_TYPE_STAKEHOLDER, ids[5], &error);
  feedback = (PlFeedback *) pl_document_lookup (f->doc, PL_TYPE_FEEDBACK, ids[6], &error);
  snapshot = (PlSnapshot *) pl_document_lookup (f->doc, PL_TYPE_SNAPSHOT, ids[7], &error);
  g_assert_no_error (error);
  if (!section || !pillar || !objective || !action || !workshop || !stakeholder || !feedback || !snapshot)
    return;

  g_assert_cmpint (pl_section_get_kind (section), ==, PL_SECTION_GLOSSARY);
  g_assert_cmpstr (pl_section_get_body (section), ==, "**CSIRT** — team");
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Capacity");
  g_assert_cmpstr (pl_pillar_get_summary (pillar), ==, "Skilled people");
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "## Why");
  g_assert_cmpint (pl_objective_get_pillar_id (objective), ==, ids[1]);
  g_assert_cmpstr (pl_objective_get_description (objective), ==, "Three per ministry");
  g_assert_cmpint (pl_action_get_objective_id (action), ==, ids[2]);
  g_assert_cmpstr (pl_action_get_lead_agency (action), ==, "PSC");
  g_assert_cmpstr (pl_action_get_partners (action), ==, "CSIRT");
  g_assert_cmpint (pl_action_get_timeframe (action), ==, PL_TIMEFRAME_MEDIUM);
  g_assert_cmpstr (pl_action_get_start_date (action), ==, "2026");
  g_assert_cmpstr (pl_action_get_end_date (action), ==, "2028");
  g_assert_cmpint (pl_action_get_priority (action), ==, PL_PRIORITY_HIGH);
  g_assert_cmpstr (pl_action_get_indicator (action), ==, "200 trained");
  g_assert_cmpstr (pl_action_get_cost (action), ==, "KID 5");
  g_assert_cmpint (pl_action_get_status (action), ==, PL_ACTION_STATUS_COMPLETED);
  g_assert_cmpstr (pl_workshop_get_title (workshop), ==, "National");
  g_assert_cmpstr (pl_workshop_get_region (workshop), ==, "North");
  g_assert_cmpstr (pl_workshop_get_location (workshop), ==, "Capital");
  g_assert_cmpstr (pl_workshop_get_partner (workshop), ==, "ITU");
  g_assert_cmpstr (pl_workshop_get_start_date (workshop), ==, "2026-09-14");
  g_assert_cmpstr (pl_workshop_get_end_date (workshop), ==, "2026-09-15");
  g_assert_cmpstr (pl_workshop_get_notes (workshop), ==, "120 people");
  g_assert_cmpstr (pl_stakeholder_get_name (stakeholder), ==, "Ann Lee");
  g_assert_cmpstr (pl_stakeholder_get_organisation (stakeholder), ==, "Bank");
  g_assert_cmpint (pl_stakeholder_get_sector (stakeholder), ==, PL_SECTOR_PRIVATE);
  g_assert_cmpstr (pl_stakeholder_get_contact (stakeholder), ==, "ann@example.org");
  g_assert_false (pl_stakeholder_get_may_be_named (stakeholder));
  g_assert_cmpint (pl_feedback_get_kind (feedback), ==, PL_FEEDBACK_QUESTION);
  g_assert_cmpstr (pl_feedback_get_body (feedback), ==, "Who pays?");
  g_assert_cmpstr (pl_feedback_get_quote (feedback), ==, "200 trained");
  g_assert_cmpint (pl_feedback_get_workshop_id (feedback), ==, ids[4]);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (feedback), ==, ids[5]);
  g_assert_cmpint (pl_feedback_get_disposition (feedback), ==, PL_DISPOSITION_ACCEPTED);
  g_assert_cmpstr (pl_feedback_get_response (feedback), ==, "The ministry.");
  g_assert_cmpstr (pl_snapshot_get_name (snapshot), ==, "v0.1 (workshop)");
  g_assert_cmpstr (pl_snapshot_get_content (snapshot), ==, "# Draft");
  {
    g_autoptr(PlRecord) target = pl_document_get_feedback_target (f->doc, feedback);

    g_assert_true (target == PL_RECORD (action));
  }

  /* Delete every entity */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (feedback), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (snapshot), &error));
  /* Setting the status took a snapshot by itself (issue #14). */
  {
    g_autoptr(PlSnapshot) automatic = g_list_model_get_item (pl_document_get_snapshots (f->doc), 0);

    g_assert_nonnull (automatic);
    g_assert_true (pl_snapshot_get_automatic (automatic));
    g_assert_cmpstr (pl_snapshot_get_name (automatic), ==, "Entered cabinet review");
    g_assert_true (pl_document_delete (f->doc, PL_RECORD (automatic), &error));
  }
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (stakeholder), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (workshop), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (action), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (objective), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (pillar), &error));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (section), &error));
  g_assert_no_error (error);
  g_assert_false (pl_document_delete (f->doc, PL_RECORD (pl_document_get_strategy (f->doc)), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A deleted record can neither be changed nor deleted again. */
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", "x", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_false (pl_document_delete (f->doc, PL_RECORD (pillar), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);

  reopen (f);
  {
    static const char *const what[] = { "sections", "pillars", "objectives", "actions", "workshops",
                                        "stakeholders", "feedback", "snapshots" };

    for (guint i = 0; i < G_N_ELEMENTS (what); i++)
      g_assert_cmpint (pl_document_count (f->doc, what[i]), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (f->doc)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_workshops (f->doc)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pl_document_get_feedback (f->doc))), ==, 0);
    g_assert_null (pl_document_lookup (f->doc, PL_TYPE_PILLAR, ids[1], &error));
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  }
}

static void
test_add_rules (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "P", -1);
  g_autoptr(PlObjective) objective = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, "O", -1);
  gpointer bad;

  bad = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, NULL, -1, &error, "title", "orphan", NULL);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (pillar), -1, &error, "title", "wrong parent", NULL);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = pl_document_add (f->doc, PL_TYPE_PILLAR, PL_RECORD (objective), -1, &error, "title", "x", NULL);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = pl_document_add (f->doc, PL_TYPE_STRATEGY, NULL, -1, &error, "title", "x", NULL);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error, "no-such-field", "x", NULL);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (pl_document_count (f->doc, "pillars"), ==, 1);
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 0);
}

/* ---- ordering ---- */

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *pillars = pl_document_get_pillars (f->doc);
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  g_autoptr(PlPillar) b = add_pillar (f->doc, "B", -1);
  g_autoptr(PlPillar) c = add_pillar (f->doc, "C", -1);
  g_autoptr(PlPillar) d = add_pillar (f->doc, "D", 0);
  g_autoptr(PlObjective) o1 = add_child (f->doc, PL_TYPE_OBJECTIVE, a, "o1", -1);
  g_autoptr(PlObjective) o2 = add_child (f->doc, PL_TYPE_OBJECTIVE, a, "o2", -1);
  g_autoptr(PlObjective) o3 = add_child (f->doc, PL_TYPE_OBJECTIVE, a, "o3", 1);
  g_autoptr(PlAction) x = add_child (f->doc, PL_TYPE_ACTION, o1, "x", -1);
  g_autoptr(PlAction) y = add_child (f->doc, PL_TYPE_ACTION, o1, "y", -1);
  g_autoptr(PlAction) z = add_child (f->doc, PL_TYPE_ACTION, o1, "z", -1);
  GListModel *objectives = pl_document_get_objectives (f->doc, a);
  GListModel *actions = pl_document_get_actions (f->doc, o1);
  PlTestItemsChanged pc = { 0 }, oc = { 0 }, ac = { 0 };

  assert_titles (pillars, "D,A,B,C");
  assert_titles (objectives, "o1,o3,o2");
  assert_titles (actions, "x,y,z");
  assert_positions (pillars);
  assert_positions (objectives);

  g_signal_connect (pillars, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &pc);
  g_signal_connect (objectives, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &oc);
  g_signal_connect (actions, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &ac);

  g_assert_true (pl_document_move (f->doc, PL_RECORD (d), 3, &error));
  g_assert_no_error (error);
  assert_titles (pillars, "A,B,C,D");
  g_assert_cmpuint (pc.emissions, >=, 1);
  assert_positions (pillars);

  pc.emissions = 0;
  g_assert_true (pl_document_move (f->doc, PL_RECORD (c), 0, &error));
  assert_titles (pillars, "C,A,B,D");
  g_assert_cmpuint (pc.emissions, >=, 1);
  /* Past the end means the end. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (a), 99, &error));
  assert_titles (pillars, "C,B,D,A");
  assert_positions (pillars);

  /* Moving to where it already is changes nothing. */
  pc.emissions = 0;
  g_assert_true (pl_document_move (f->doc, PL_RECORD (c), 0, &error));
  g_assert_cmpuint (pc.emissions, ==, 0);

  g_assert_true (pl_document_move (f->doc, PL_RECORD (o2), 0, &error));
  assert_titles (objectives, "o2,o1,o3");
  g_assert_cmpuint (oc.emissions, >=, 1);
  assert_positions (objectives);

  g_assert_true (pl_document_move (f->doc, PL_RECORD (z), 0, &error));
  g_assert_true (pl_document_move (f->doc, PL_RECORD (x), 1, &error));
  assert_titles (actions, "z,x,y");
  g_assert_cmpuint (ac.emissions, >=, 2);
  assert_positions (actions);
  g_assert_no_error (error);

  /* Unordered records cannot be moved. */
  {
    g_autoptr(PlWorkshop) w = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "W", NULL);

    g_assert_false (pl_document_move (f->doc, PL_RECORD (w), 0, &error));
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
    g_clear_error (&error);
  }

  g_signal_handlers_disconnect_by_data (pillars, &pc);
  g_signal_handlers_disconnect_by_data (objectives, &oc);
  g_signal_handlers_disconnect_by_data (actions, &ac);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&d);
  g_clear_object (&o1);
  g_clear_object (&o2);
  g_clear_object (&o3);
  g_clear_object (&x);
  g_clear_object (&y);
  g_clear_object (&z);

  reopen (f);
  pillars = pl_document_get_pillars (f->doc);
  assert_titles (pillars, "C,B,D,A");
  assert_positions (pillars);
  {
    g_autoptr(PlPillar) again_a = g_list_model_get_item (pillars, 3);
    g_autoptr(PlObjective) again_o1 = NULL;

    objectives = pl_document_get_objectives (f->doc, again_a);
    assert_titles (objectives, "o2,o1,o3");
    assert_positions (objectives);
    again_o1 = g_list_model_get_item (objectives, 1);
    actions = pl_document_get_actions (f->doc, again_o1);
    assert_titles (actions, "z,x,y");
    assert_positions (actions);
  }
}

/* ---- delete and undelete ---- */

static void
test_delete_undelete_position (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *pillars = pl_document_get_pillars (f->doc);
  g_autoptr(PlPillar) a = add_pillar (f->doc, "A", -1);
  g_autoptr(PlPillar) b = add_pillar (f->doc, "B", -1);
  g_autoptr(PlPillar) c = add_pillar (f->doc, "C", -1);
  PlTestItemsChanged pc = { 0 };

  g_signal_connect (pillars, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &pc);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_true (pl_record_is_deleted (PL_RECORD (b)));
  assert_titles (pillars, "A,C");
  assert_positions (pillars);
  g_assert_cmpuint (pc.emissions, ==, 1);
  g_assert_cmpuint (pc.position, ==, 1);
  g_assert_cmpuint (pc.removed, ==, 1);
  g_assert_cmpuint (pc.added, ==, 0);

  pc.emissions = 0;
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_false (pl_record_is_deleted (PL_RECORD (b)));
  assert_titles (pillars, "A,B,C");
  assert_positions (pillars);
  g_assert_cmpuint (pc.emissions, ==, 1);
  g_assert_cmpuint (pc.position, ==, 1);
  g_assert_cmpuint (pc.removed, ==, 0);
  g_assert_cmpuint (pc.added, ==, 1);

  /* Undelete twice is refused; so is undelete of a live record. */
  g_assert_false (pl_document_undelete (f->doc, PL_RECORD (b), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Delete the first, add another at the front, undelete: it comes back
   * where it was among what is there now. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (a), &error));
  {
    g_autoptr(PlPillar) z = add_pillar (f->doc, "Z", 0);
  }
  assert_titles (pillars, "Z,B,C");
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (a), &error));
  assert_titles (pillars, "A,Z,B,C");
  assert_positions (pillars);
  g_signal_handlers_disconnect_by_data (pillars, &pc);

  reopen (f);
  assert_titles (pl_document_get_pillars (f->doc), "A,Z,B,C");
  assert_positions (pl_document_get_pillars (f->doc));
}

static void
test_delete_pillar_children (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) p = add_pillar (f->doc, "P", -1);
  g_autoptr(PlPillar) q = add_pillar (f->doc, "Q", -1);
  g_autoptr(PlObjective) o1 = add_child (f->doc, PL_TYPE_OBJECTIVE, p, "o1", -1);
  g_autoptr(PlObjective) o2 = add_child (f->doc, PL_TYPE_OBJECTIVE, p, "o2", -1);
  g_autoptr(PlObjective) o3 = add_child (f->doc, PL_TYPE_OBJECTIVE, p, "o3", -1);
  g_autoptr(PlObjective) q1 = add_child (f->doc, PL_TYPE_OBJECTIVE, q, "q1", -1);
  g_autoptr(PlAction) a1 = add_child (f->doc, PL_TYPE_ACTION, o1, "a1", -1);
  g_autoptr(PlAction) a2 = add_child (f->doc, PL_TYPE_ACTION, o1, "a2", -1);
  g_autoptr(PlAction) a3 = add_child (f->doc, PL_TYPE_ACTION, o3, "a3", -1);
  g_autoptr(PlAction) b1 = add_child (f->doc, PL_TYPE_ACTION, q1, "b1", -1);
  GListModel *objectives = pl_document_get_objectives (f->doc, p);
  GListModel *actions1 = pl_document_get_actions (f->doc, o1);
  GListModel *all = pl_document_get_all_actions (f->doc);
  g_autoptr(PlFeedback) fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "On a1", PL_RECORD (a1),
                                                       NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  assert_titles (all, "a1,a2,a3,b1");

  /* o2 goes first, on its own (it has no actions). */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (o2), &error));
  assert_titles (objectives, "o1,o3");
  /* a2 goes on its own too. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (a2), &error));
  assert_titles (actions1, "a1");
  assert_titles (all, "a1,a3,b1");

  /* Then the pillar: everything under it is hidden. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (p), &error));
  g_assert_no_error (error);
  assert_titles (pl_document_get_pillars (f->doc), "Q");
  assert_titles (all, "b1");
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions1), ==, 0);
  g_assert_true (pl_record_is_deleted (PL_RECORD (o1)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (o3)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (a1)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (a3)));
  g_assert_false (pl_record_is_deleted (PL_RECORD (q1)));
  g_assert_null (pl_document_lookup (f->doc, PL_TYPE_ACTION, pl_record_get_id (PL_RECORD (a1)), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  /* Hidden children cannot be written behind the pillar's back. */
  g_assert_false (pl_record_set (PL_RECORD (o1), &error, "title", "ghost", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_false (pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (o1), -1, &error, "title", "new", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  {
    /* (The feedback on a1 is kept; a3 has none.) */
    g_autoptr(GPtrArray) hits = pl_document_search (f->doc, "a3", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  /* Undelete brings back exactly what went with it. */
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (p), &error));
  g_assert_no_error (error);
  assert_titles (pl_document_get_pillars (f->doc), "P,Q");
  assert_titles (objectives, "o1,o3");
  assert_titles (actions1, "a1");
  assert_titles (all, "a1,a3,b1");
  g_assert_false (pl_record_is_deleted (PL_RECORD (o1)));
  g_assert_false (pl_record_is_deleted (PL_RECORD (a3)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (o2)));
  g_assert_true (pl_record_is_deleted (PL_RECORD (a2)));
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 3);
  g_assert_cmpint (pl_document_count (f->doc, "actions"), ==, 3);
  g_assert_true (pl_record_set (PL_RECORD (o1), &error, "title", "o1 again", NULL));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = pl_document_search (f->doc, "a3", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* An objective deleted on its own cannot come back while its pillar is
   * deleted. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (p), &error));
  g_assert_false (pl_document_undelete (f->doc, PL_RECORD (o2), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_true (pl_record_is_deleted (PL_RECORD (o2)));
  g_assert_false (pl_document_undelete (f->doc, PL_RECORD (a1), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (pl_document_count (f->doc, "objectives"), ==, 1);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (p), &error));
  g_assert_no_error (error);

  /* Then the separately deleted one, at its old place. */
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (o2), &error));
  assert_titles (objectives, "o1 again,o2,o3");
  assert_positions (objectives);

  g_clear_object (&p);
  g_clear_object (&q);
  g_clear_object (&o1);
  g_clear_object (&o2);
  g_clear_object (&o3);
  g_clear_object (&q1);
  g_clear_object (&a1);
  g_clear_object (&a2);
  g_clear_object (&a3);
  g_clear_object (&b1);
  g_clear_object (&fb);
  reopen (f);
  {
    g_autoptr(PlPillar) p2 = g_list_model_get_item (pl_document_get_pillars (f->doc), 0);

    assert_titles (pl_document_get_objectives (f->doc, p2), "o1 again,o2,o3");
    assert_titles (pl_document_get_all_actions (f->doc), "a1,a3,b1");
    g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 1);
  }
}

/* ---- rules ---- */

static void
test_wrong_targets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir2 = pl_test_make_dir ();
  g_autoptr(PlDocument) other = pl_test_new_document (dir2, "other.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(PlPillar) p = add_pillar (f->doc, "P", -1);
  g_autoptr(PlPillar) q = add_pillar (f->doc, "Q", -1);
  g_autoptr(PlPillar) foreign = add_pillar (other, "Foreign", -1);
  g_autoptr(PlStakeholder) s1 = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "A", NULL);
  g_autoptr(PlStakeholder) s2 = pl_document_add (other, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "B", NULL);
  g_autoptr(PlFeedback) fb = NULL;
  gpointer bad;

  g_assert_no_error (error);
  bad = pl_document_add_feedback (f->doc, (PlFeedbackKind) 99, "x", NULL, NULL, NULL, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "x", PL_RECORD (foreign), NULL, NULL, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  bad = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "x", NULL, NULL, NULL, s2, &error);
  g_assert_null (bad);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 0);

  /* Folding across documents, or into oneself, is refused. */
  g_assert_false (pl_document_fold_stakeholder (f->doc, s1, s1, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (pl_document_fold_stakeholder (f->doc, s2, s1, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_false (pl_record_is_deleted (PL_RECORD (s2)));
  g_assert_cmpint (pl_document_count (other, "stakeholders"), ==, 1);

  /* Moving a deleted record, or retargeting to one, is refused. */
  fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "on P", PL_RECORD (p), NULL, NULL, s1, &error);
  g_assert_no_error (error);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (q), &error));
  g_assert_false (pl_document_move (f->doc, PL_RECORD (q), 0, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_false (pl_document_retarget_feedback (f->doc, fb, PL_RECORD (q), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (pl_feedback_get_target_id (fb), ==, pl_record_get_id (PL_RECORD (p)));
  g_assert_true (pl_document_retarget_feedback (f->doc, fb, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_feedback_get_target_kind (fb), ==, PL_TARGET_STRATEGY);
  g_assert_cmpint (pl_feedback_get_pillar_id (fb), ==, 0);

  g_clear_object (&foreign);
  g_clear_object (&s2);
  g_clear_object (&other);
  pl_test_rmdir_recursive (dir2);
}

static void
test_sections_ordered (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *sections = pl_document_get_sections (f->doc);
  g_autoptr(PlSection) a = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, -1, &error, "title", "a", NULL);
  g_autoptr(PlSection) b = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, -1, &error, "title", "b", NULL);
  g_autoptr(PlSection) c = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, 0, &error, "title", "c", NULL);

  g_assert_no_error (error);
  assert_titles (sections, "c,a,b");
  g_assert_true (pl_document_move (f->doc, PL_RECORD (c), 2, &error));
  assert_titles (sections, "a,b,c");
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (a), &error));
  assert_titles (sections, "b,c");
  assert_positions (sections);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (a), &error));
  assert_titles (sections, "a,b,c");
  assert_positions (sections);
  g_assert_no_error (error);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  reopen (f);
  assert_titles (pl_document_get_sections (f->doc), "a,b,c");
}

/* ---- validation: what the window and the CLI both get refused ---- */

#define REFUSED(call_, message_) \
  G_STMT_START { \
    g_autoptr(GError) e_ = NULL; \
    GError **error_ = &e_; \
    gpointer r_ = (gpointer) (gintptr) (call_); \
    g_assert_false (r_ != NULL); \
    g_assert_error (e_, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE); \
    if (e_) \
      g_assert_cmpstr (e_->message, ==, (message_)); \
  } G_STMT_END

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlWorkshop) workshop = NULL;
  g_autoptr(PlStakeholder) person = NULL;
  g_autoptr(PlFeedback) feedback = NULL;
  const char *title = "The title cannot be empty; type a title";
  const char *not_dates[] = { "<script>", "2026-13-01", "2026-02-30", "2026-1-01", "26-01-01", "2026-01-01x", "2026 " };
  gint64 n_pillars = pl_document_count (f->doc, "pillars");

  /* Empty (or blank) titles, texts and names: nothing is added ... */
  REFUSED (pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, error_, "title", "", NULL), title);
  REFUSED (pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, error_, "title", " \t\n", NULL), title);
  REFUSED (pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, error_, "summary", "no title", NULL), title);
  g_assert_cmpint (pl_document_count (f->doc, "pillars"), ==, n_pillars);
  pillar = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Pillar", NULL);
  g_assert_no_error (error);
  REFUSED (pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, error_, "title", "", NULL), title);
  objective = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error, "title", "Objective", NULL);
  g_assert_no_error (error);
  REFUSED (pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error_, "cost", "1", NULL), title);
  REFUSED (pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, error_, "location", "Kingston", NULL), title);
  REFUSED (pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, error_, "name", " ", "contact", "x@example.org", NULL),
           "A stakeholder needs a name or an organisation; type at least one");
  REFUSED (pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "  ", NULL, NULL, NULL, NULL, error_),
           "The text cannot be empty; type what was said");

  /* ... and nothing is emptied. */
  REFUSED (pl_record_set (PL_RECORD (pl_document_get_strategy (f->doc)), error_, "title", "", NULL), title);
  REFUSED (pl_record_set (PL_RECORD (pillar), error_, "title", "", NULL), title);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Pillar");
  person = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "organisation", "Red Cross", NULL);
  g_assert_no_error (error);
  REFUSED (pl_record_set (PL_RECORD (person), error_, "organisation", "", NULL),
           "A stakeholder needs a name or an organisation; type at least one");
  g_assert_true (pl_record_set (PL_RECORD (person), &error, "name", "A. Lima", "organisation", "", NULL));
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "Said", NULL, NULL, NULL, person, &error);
  g_assert_no_error (error);
  REFUSED (pl_record_set (PL_RECORD (feedback), error_, "body", "", NULL), "The text cannot be empty; type what was said");
  /* Other fields may be empty. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "summary", "", "body", "", NULL));
  g_assert_no_error (error);

  /* Dates are real days; a workshop's are days, an action's days or years. */
  workshop = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "Workshop",
                              "start-date", "2026-09-14", "end-date", "2026-09-15", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autofree char *message = g_strdup_printf ("“%s” is not a date; write it as YYYY-MM-DD", not_dates[i]);
      g_autofree char *years = g_strdup_printf ("“%s” is not a date; write it as YYYY-MM-DD, or a year as YYYY", not_dates[i]);

      REFUSED (pl_record_set (PL_RECORD (workshop), error_, "start-date", not_dates[i], NULL), message);
      REFUSED (pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error_, "title", "A",
                                "end-date", not_dates[i], NULL), years);
    }
  REFUSED (pl_record_set (PL_RECORD (workshop), error_, "end-date", "2026", NULL), "“2026” is not a date; write it as YYYY-MM-DD");
  g_assert_cmpstr (pl_workshop_get_start_date (workshop), ==, "2026-09-14");

  /* The start is not after the end, whichever is changed, or both. */
  REFUSED (pl_record_set (PL_RECORD (workshop), error_, "start-date", "2026-09-16", NULL),
           "The start (2026-09-16) is after the end (2026-09-15); change one of them");
  REFUSED (pl_record_set (PL_RECORD (workshop), error_, "end-date", "2026-09-13", NULL),
           "The start (2026-09-14) is after the end (2026-09-13); change one of them");
  g_assert_true (pl_record_set (PL_RECORD (workshop), &error, "start-date", "2026-10-01", "end-date", "2026-10-01", NULL));
  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (workshop), &error, "end-date", "", NULL));
  g_assert_no_error (error);
  REFUSED (pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error_, "title", "A",
                            "start-date", "2028", "end-date", "2027-12-31", NULL),
           "The start (2028) is after the end (2027-12-31); change one of them");
  action = pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error, "title", "A",
                            "start-date", "2027-06-01", "end-date", "2027", NULL);
  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (action), &error, "start-date", "2027", "end-date", "2027", NULL));
  g_assert_no_error (error);
  REFUSED (pl_record_set (PL_RECORD (action), error_, "start-date", "2029", NULL),
           "The start (2029) is after the end (2027); change one of them");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) g_test_add ("/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("crud", test_crud);
  ADD ("add-rules", test_add_rules);
  ADD ("move", test_move);
  ADD ("delete-undelete-position", test_delete_undelete_position);
  ADD ("delete-pillar-children", test_delete_pillar_children);
  ADD ("wrong-targets", test_wrong_targets);
  ADD ("sections-ordered", test_sections_ordered);
  ADD ("validation", test_validation);
#undef ADD

  return g_test_run ();
}
