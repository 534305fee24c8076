/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "document/pl-test-document.h"
#include "pl-document-history.h"
#include "pl-review.h"

/* Accepting amendments: the proposal lands where the passage is now, the
 * item is answered and linked to the change, and Undo takes both back. */

static PlObjective *
add_objective (Fixture    *f,
               PlPillar   *pillar,
               const char *title,
               const char *description)
{
  PlObjective *o = add_child (f->doc, PL_TYPE_OBJECTIVE, pillar, title, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_record_set (PL_RECORD (o), &error, "description", description, NULL));
  g_assert_no_error (error);
  return o;
}

static PlFeedback *
add_amendment (Fixture              *f,
               PlRecord             *target,
               const char           *quote,
               const char           *proposal,
               PlAmendmentOperation  op)
{
  g_autoptr(GError) error = NULL;
  PlFeedback *fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_AMENDMENT, "Clearer wording",
                                             target, quote, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (fb), &error, "proposal", proposal, "operation", (int) op, NULL));
  g_assert_no_error (error);
  return fb;
}

static void
test_apply_to_text (void)
{
  static const struct {
    const char *text, *passage, *proposal;
    PlAmendmentOperation op;
    const char *expected;
  } cases[] = {
    { "Audit every ministry by 2027.", "by 2027", "by 2028", PL_AMENDMENT_REPLACE, "Audit every ministry by 2028." },
    { "Audit every ministry by 2027.", "every ministry", "and agency", PL_AMENDMENT_INSERT_AFTER,
      "Audit every ministry and agency by 2027." },
    { "First paragraph.", "First paragraph.", "\n\nSecond one.", PL_AMENDMENT_INSERT_AFTER,
      "First paragraph.\n\nSecond one." },
    { "Audit every ministry by 2027.", "every", "", PL_AMENDMENT_DELETE, "Audit ministry by 2027." },
    { "Audit every ministry by 2027.", " by 2027", "", PL_AMENDMENT_DELETE, "Audit every ministry." },
    { "Audit every ministry by 2027.", "by 2027", "", PL_AMENDMENT_DELETE, "Audit every ministry." },
    { "Audit.", "Audit.", "", PL_AMENDMENT_DELETE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (cases[i].text, cases[i].passage);
      gsize start = (gsize) (at - cases[i].text);
      g_autofree char *out = pl_review_apply_to_text (cases[i].text, start, start + strlen (cases[i].passage),
                                                      cases[i].proposal, cases[i].op);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_accept_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Resilience", -1);
  g_autoptr(PlObjective) obj = add_objective (f, pillar, "Protect infrastructure",
                                              "Audit every operator of essential services by 2027.");
  g_autoptr(PlFeedback) fb = add_amendment (f, PL_RECORD (obj), "by 2027", "by the end of 2028",
                                            PL_AMENDMENT_REPLACE);
  g_autoptr(PlRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *uuid = g_strdup (pl_record_get_uuid (PL_RECORD (obj)));
  gint64 fb_id = pl_record_get_id (PL_RECORD (fb));

  g_assert_null (pl_review_describe_answer (f->doc, fb));
  g_assert_true (pl_review_accept_amendment (f->doc, fb, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed == PL_RECORD (obj));
  g_assert_cmpstr (pl_objective_get_description (obj), ==,
                   "Audit every operator of essential services by the end of 2028.");
  g_assert_cmpint (pl_feedback_get_disposition (fb), ==, PL_DISPOSITION_ACCEPTED);
  g_assert_cmpstr (pl_feedback_get_answered_by (fb), ==, uuid);
  g_assert_cmpstr (pl_feedback_get_answered_field (fb), ==, "description");
  answer = pl_review_describe_answer (f->doc, fb);
  g_assert_nonnull (strstr (answer, "Protect infrastructure"));
  g_assert_nonnull (strstr (answer, "description"));

  /* Applied once only. */
  g_assert_false (pl_review_accept_amendment (f->doc, fb, NULL, &error));
  g_assert_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_ANSWERED);
  g_clear_error (&error);

  /* One undo step takes back the text and the answer together. */
  g_assert_true (pl_document_can_undo (f->doc));
  g_assert_nonnull (strstr (pl_document_get_undo_label (f->doc), "amendment"));
  g_assert_true (pl_document_undo (f->doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_objective_get_description (obj), ==, "Audit every operator of essential services by 2027.");
  g_assert_cmpint (pl_feedback_get_disposition (fb), ==, PL_DISPOSITION_OPEN);
  g_assert_cmpstr (pl_feedback_get_answered_by (fb), ==, "");

  g_assert_true (pl_document_redo (f->doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_feedback_get_disposition (fb), ==, PL_DISPOSITION_ACCEPTED);

  /* Saved in the file. */
  g_clear_object (&fb);
  g_clear_object (&obj);
  g_clear_object (&changed);
  g_clear_object (&pillar);
  reopen (f);
  fb = (PlFeedback *) pl_document_lookup (f->doc, PL_TYPE_FEEDBACK, fb_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_feedback_get_kind (fb), ==, PL_FEEDBACK_AMENDMENT);
  g_assert_cmpstr (pl_feedback_get_proposal (fb), ==, "by the end of 2028");
  g_assert_cmpint (pl_feedback_get_operation (fb), ==, PL_AMENDMENT_REPLACE);
  g_assert_cmpstr (pl_feedback_get_answered_by (fb), ==, uuid);
  obj = (PlObjective *) pl_document_lookup_uuid (f->doc, PL_TYPE_OBJECTIVE, uuid, &error);
  g_assert_cmpstr (pl_objective_get_description (obj), ==,
                   "Audit every operator of essential services by the end of 2028.");
}

static void
test_moved_passage (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Resilience", -1);
  g_autoptr(PlObjective) a = add_objective (f, pillar, "Protect infrastructure", "Audit operators.");
  g_autoptr(PlObjective) b = add_objective (f, pillar, "Respond to incidents", "Stand up a national CSIRT.");
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(GError) error = NULL;

  /* Quoted on A; the drafting team then moved the sentence to B, and the
   * reviewer's copy wrapped the line elsewhere. */
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "description", "Audit operators. Publish a yearly report.", NULL));
  fb = add_amendment (f, PL_RECORD (a), "Publish a\nyearly   report.", "Publish a quarterly report.",
                      PL_AMENDMENT_REPLACE);
  g_assert_true (pl_record_set (PL_RECORD (a), &error, "description", "Audit operators.", NULL));
  g_assert_true (pl_record_set (PL_RECORD (b), &error, "description",
                                "Stand up a national CSIRT. Publish a yearly report.", NULL));
  g_assert_no_error (error);

  g_assert_true (pl_review_accept_amendment (f->doc, fb, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_objective_get_description (a), ==, "Audit operators.");
  g_assert_cmpstr (pl_objective_get_description (b), ==, "Stand up a national CSIRT. Publish a quarterly report.");
  /* The item follows the passage to where it is now. */
  g_assert_cmpint (pl_feedback_get_target_kind (fb), ==, PL_TARGET_OBJECTIVE);
  g_assert_cmpint (pl_feedback_get_target_id (fb), ==, pl_record_get_id (PL_RECORD (b)));
  g_assert_cmpstr (pl_feedback_get_answered_by (fb), ==, pl_record_get_uuid (PL_RECORD (b)));
}

static void
test_gone_and_ambiguous (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Resilience", -1);
  g_autoptr(PlObjective) a = add_objective (f, pillar, "Protect infrastructure", "Audit operators every year.");
  g_autoptr(PlObjective) b = add_objective (f, pillar, "Respond", "Drill every year, review every year.");
  g_autoptr(PlFeedback) gone = add_amendment (f, PL_RECORD (a), "Audit operators", "Inspect operators",
                                              PL_AMENDMENT_REPLACE);
  g_autoptr(PlFeedback) twice = add_amendment (f, NULL, "every year", "twice a year", PL_AMENDMENT_REPLACE);
  g_autoptr(PlFeedback) comment = NULL;
  g_autoptr(GError) error = NULL;
  guint64 generation;

  g_assert_true (pl_record_set (PL_RECORD (a), &error, "description", "Inspect each operator.", NULL));
  generation = pl_document_get_generation (f->doc);

  g_assert_false (pl_review_accept_amendment (f->doc, gone, NULL, &error));
  g_assert_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_PASSAGE_GONE);
  g_assert_nonnull (strstr (error->message, "Audit operators"));
  g_clear_error (&error);
  g_assert_cmpint (pl_feedback_get_disposition (gone), ==, PL_DISPOSITION_OPEN);
  g_assert_cmpstr (pl_objective_get_description (a), ==, "Inspect each operator.");

  /* Not in the target (the strategy), but twice elsewhere: not guessed. */
  g_assert_false (pl_review_accept_amendment (f->doc, twice, NULL, &error));
  g_assert_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  g_assert_cmpstr (pl_objective_get_description (b), ==, "Drill every year, review every year.");
  g_assert_cmpint (pl_document_get_generation (f->doc), ==, generation);

  comment = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "Good", PL_RECORD (b), "Drill", NULL, NULL, &error);
  g_assert_false (pl_review_accept_amendment (f->doc, comment, NULL, &error));
  g_assert_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_NOT_AMENDMENT);
}

static void
test_insert_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PlPillar) pillar = add_pillar (f->doc, "Resilience", -1);
  g_autoptr(PlObjective) a = add_objective (f, pillar, "Protect infrastructure", "Audit operators yearly.");
  g_autoptr(PlFeedback) ins = add_amendment (f, PL_RECORD (a), "Audit operators", "and suppliers",
                                             PL_AMENDMENT_INSERT_AFTER);
  g_autoptr(PlFeedback) del = add_amendment (f, PL_RECORD (a), "yearly", "", PL_AMENDMENT_DELETE);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_review_accept_amendment (f->doc, ins, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pl_review_accept_amendment (f->doc, del, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_objective_get_description (a), ==, "Audit operators and suppliers.");
  g_assert_true (pl_document_undo (f->doc, NULL, &error));
  g_assert_cmpstr (pl_objective_get_description (a), ==, "Audit operators and suppliers yearly.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review/amend/apply-to-text", test_apply_to_text);
  g_test_add ("/review/amend/accept-undo", Fixture, NULL, fixture_set_up, test_accept_and_undo, fixture_tear_down);
  g_test_add ("/review/amend/moved", Fixture, NULL, fixture_set_up, test_moved_passage, fixture_tear_down);
  g_test_add ("/review/amend/gone-ambiguous", Fixture, NULL, fixture_set_up, test_gone_and_ambiguous, fixture_tear_down);
  g_test_add ("/review/amend/insert-delete", Fixture, NULL, fixture_set_up, test_insert_and_delete, fixture_tear_down);
  return g_test_run ();
}
