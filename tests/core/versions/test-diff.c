/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-diff.h"
#include "pl-record-loading.h"
#include "pl-test-util.h"

/* The structure diff (pl-diff.c): rows matched by UUID; objectives and
 * actions added, removed, moved and changed field by field; the summary;
 * the feedback each change answers. */

typedef struct {
  char        *dir;
  PlDocument  *doc;
  PlPillar    *p1, *p2;
  PlObjective *o1, *o2, *o3;
  PlAction    *a1, *a2;
} Fixture;

static gpointer
add (PlDocument *doc,
     GType       type,
     gpointer    parent,
     const char *title)
{
  g_autoptr(GError) error = NULL;
  gpointer r = pl_document_add (doc, type, parent, -1, &error, "title", title, NULL);

  g_assert_no_error (error);
  return r;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "diff.pillars", PL_TEMPLATE_EMPTY);
  f->p1 = add (f->doc, PL_TYPE_PILLAR, NULL, "Capacity building");
  f->p2 = add (f->doc, PL_TYPE_PILLAR, NULL, "Incident response");
  f->o1 = add (f->doc, PL_TYPE_OBJECTIVE, f->p1, "Train responders");
  f->o2 = add (f->doc, PL_TYPE_OBJECTIVE, f->p1, "University curricula");
  f->o3 = add (f->doc, PL_TYPE_OBJECTIVE, f->p2, "A national CSIRT");
  f->a1 = add (f->doc, PL_TYPE_ACTION, f->o1, "Design a course");
  f->a2 = add (f->doc, PL_TYPE_ACTION, f->o1, "Run the course");
  g_assert_true (pl_record_set (PL_RECORD (f->a1), &error, "lead-agency", "Ministry of ICT", NULL));
  g_assert_true (pl_record_set (PL_RECORD (f->p1), &error, "body", "We will train people already in post.\n\nWe will use regional programmes.", NULL));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->a1);
  g_clear_object (&f->a2);
  g_clear_object (&f->o1);
  g_clear_object (&f->o2);
  g_clear_object (&f->o3);
  g_clear_object (&f->p1);
  g_clear_object (&f->p2);
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
}

static PlSnapshot *
take (Fixture    *f,
      const char *label)
{
  g_autoptr(GError) error = NULL;
  PlSnapshot *s = pl_document_take_snapshot (f->doc, label, &error);

  g_assert_no_error (error);
  return s;
}

static PlDiff *
compare (Fixture    *f,
         PlSnapshot *old)
{
  g_autoptr(GError) error = NULL;
  PlDiff *d = pl_diff_compare (f->doc, old, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static const PlDiffField *
field (const PlDiffEntry *e,
       const char        *property)
{
  static PlDiffField missing = { "missing", "missing", (char *) "", (char *) "", FALSE, NULL, 0, 0 };

  for (guint i = 0; e != NULL && i < e->fields->len; i++)
    if (g_str_equal (((PlDiffField *) g_ptr_array_index (e->fields, i))->property, property))
      return g_ptr_array_index (e->fields, i);
  g_test_message ("no changed field “%s”", property);
  return &missing;
}

static gboolean
has_field (const PlDiffEntry *e,
           const char        *property)
{
  for (guint i = 0; e != NULL && i < e->fields->len; i++)
    if (g_str_equal (((PlDiffField *) g_ptr_array_index (e->fields, i))->property, property))
      return TRUE;
  return FALSE;
}

static void
test_no_change (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(PlDiff) d = compare (f, s);
  g_autofree char *summary = pl_diff_summary_text (d);

  g_assert_true (pl_diff_is_empty (d));
  g_assert_cmpstr (summary, ==, "No changes");
  /* Every pillar still has its group, unchanged. */
  g_assert_cmpuint (pl_diff_get_groups (d)->len, ==, 3);
}

static void
test_field_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiff) d = NULL;
  g_autofree char *text = NULL;
  const PlDiffEntry *e;
  const PlDiffField *fl;

  g_assert_true (pl_record_set (PL_RECORD (f->a1), &error, "lead-agency", "National CSIRT",
                                "priority", (int) PL_PRIORITY_HIGH, NULL));
  d = compare (f, s);
  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->a1)));
  g_assert_nonnull (e);
  g_assert_cmpint (e->change, ==, PL_DIFF_CHANGED);
  g_assert_cmpstr (e->new_number, ==, "1.1.1");
  g_assert_true (has_field (e, "lead-agency"));
  fl = field (e, "lead-agency");
  g_assert_cmpstr (fl->label, ==, "Lead agency");
  g_assert_cmpstr (fl->old_text, ==, "Ministry of ICT");
  g_assert_cmpstr (fl->new_text, ==, "National CSIRT");
  fl = field (e, "priority");
  g_assert_cmpstr (fl->new_text, ==, "High");
  g_assert_false (has_field (e, "title"));
  text = pl_diff_to_text (d);
  g_assert_nonnull (strstr (text, "Lead agency: Ministry of ICT → National CSIRT"));
  /* Nothing else changed. */
  g_assert_null (pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->a2))));
  g_assert_null (pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->p2))));
}

/* A renamed pillar is a change of its title, not a removal and an addition. */
static void
test_rename_is_a_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiff) d = NULL;
  const PlDiffSummary *sum;
  const PlDiffEntry *e;
  const PlDiffField *fl;

  g_assert_true (pl_record_set (PL_RECORD (f->p2), &error, "title", "Incident response and recovery", NULL));
  d = compare (f, s);
  sum = pl_diff_get_summary (d);
  g_assert_cmpuint (sum->pillars_added, ==, 0);
  g_assert_cmpuint (sum->pillars_removed, ==, 0);
  g_assert_cmpuint (sum->pillars_changed, ==, 1);
  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->p2)));
  g_assert_cmpint (e->change, ==, PL_DIFF_CHANGED);
  g_assert_true (has_field (e, "title"));
  fl = field (e, "title");
  g_assert_cmpuint (fl->words_inserted, ==, 2);
}

static void
test_added_removed_moved (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiff) d = NULL;
  g_autoptr(PlObjective) added = NULL;
  g_autofree char *summary = NULL;
  const PlDiffEntry *e;
  GPtrArray *groups;

  added = add (f->doc, PL_TYPE_OBJECTIVE, f->p2, "Incident reporting");
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->o2), &error));
  /* Run the course before designing it: one of the two moved. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (f->a2), 0, &error));
  g_assert_no_error (error);
  d = compare (f, s);

  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (added)));
  g_assert_cmpint (e->change, ==, PL_DIFF_ADDED);
  g_assert_null (e->old_record);
  g_assert_cmpstr (e->new_number, ==, "2.2");
  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->o2)));
  g_assert_cmpint (e->change, ==, PL_DIFF_REMOVED);
  g_assert_cmpstr (e->old_number, ==, "1.2");
  g_assert_null (e->new_record);
  /* Exactly one of the two actions counts as moved. */
  g_assert_cmpuint (pl_diff_get_summary (d)->actions_moved, ==, 1);
  g_assert_cmpuint (pl_diff_get_summary (d)->pillars_touched, ==, 2);
  summary = pl_diff_summary_text (d);
  g_assert_cmpstr (summary, ==, "2 pillars changed, 1 objective added, 1 objective removed, 1 action moved, "
                                "2 words inserted, 2 deleted");
  /* Grouped by pillar: the removal under the first, the addition under the second. */
  groups = pl_diff_get_groups (d);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_true (((PlDiffGroup *) g_ptr_array_index (groups, 0))->front_matter);
  g_assert_false (((PlDiffGroup *) g_ptr_array_index (groups, 0))->changed);
  g_assert_cmpuint (((PlDiffGroup *) g_ptr_array_index (groups, 1))->entries->len, ==, 2);
  g_assert_cmpuint (((PlDiffGroup *) g_ptr_array_index (groups, 2))->entries->len, ==, 1);
}

/* An objective moved to another pillar is moved, not removed and added. */
static void
test_moved_between_pillars (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDraft) old = NULL, now = NULL;
  g_autoptr(PlDiff) d = NULL;
  const PlDiffEntry *e;

  /* A snapshot draft with o2 under p2, compared with one with it under p1. */
  old = pl_document_load_draft (f->doc, s, &error);
  g_assert_no_error (error);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->o2), &error));
  {
    g_autoptr(PlObjective) copy = add (f->doc, PL_TYPE_OBJECTIVE, f->p2, "University curricula");

    now = pl_document_load_draft (f->doc, NULL, &error);
    /* Same UUID as before, under another pillar: what a merge or an
     * import can produce. */
    pl_record_set_identity (PL_RECORD (g_ptr_array_index (pl_draft_get_objectives (now, pl_record_get_uuid (PL_RECORD (f->p2))), 1)),
                            0, pl_record_get_uuid (PL_RECORD (f->o2)), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  }
  g_assert_no_error (error);
  d = pl_diff_new (old, now);
  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->o2)));
  g_assert_nonnull (e);
  g_assert_cmpint (e->change & PL_DIFF_MOVED, ==, PL_DIFF_MOVED);
  g_assert_cmpstr (e->old_number, ==, "1.2");
  g_assert_cmpstr (e->new_number, ==, "2.2");
}

static void
test_narrative_words (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiff) d = NULL;
  const PlDiffField *fl;

  g_assert_true (pl_record_set (PL_RECORD (f->p1), &error, "body",
                                "We will train people already\nin post.\n\nWe will use regional and international programmes.", NULL));
  d = compare (f, s);
  g_assert_true (has_field (pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->p1))), "body"));
  fl = field (pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->p1))), "body");
  g_assert_true (fl->narrative);
  g_assert_cmpuint (fl->words_inserted, ==, 2);
  g_assert_cmpuint (fl->words_deleted, ==, 0);

  /* Re-wrapped only: no change at all. */
  g_clear_object (&d);
  g_assert_true (pl_record_set (PL_RECORD (f->p1), &error, "body",
                                "We will train\npeople already in post.\n\nWe will use\nregional programmes.", NULL));
  d = compare (f, s);
  g_assert_true (pl_diff_is_empty (d));
}

/* Next to each change, the accepted recommendations that targeted it. */
static void
test_feedback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlSnapshot) s = take (f, "v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedback) accepted = NULL, rejected = NULL, elsewhere = NULL;
  g_autoptr(PlDiff) d = NULL;
  g_autofree char *text = NULL;
  const PlDiffEntry *e;

  accepted = pl_document_add_feedback (f->doc, PL_FEEDBACK_RECOMMENDATION, "Give the course to the CSIRT.",
                                       PL_RECORD (f->a1), NULL, NULL, NULL, &error);
  rejected = pl_document_add_feedback (f->doc, PL_FEEDBACK_RECOMMENDATION, "Drop the course.",
                                       PL_RECORD (f->a1), NULL, NULL, NULL, &error);
  elsewhere = pl_document_add_feedback (f->doc, PL_FEEDBACK_RECOMMENDATION, "About the other action.",
                                        PL_RECORD (f->a2), NULL, NULL, NULL, &error);
  g_assert_true (pl_record_set (PL_RECORD (accepted), &error, "disposition", (int) PL_DISPOSITION_PARTLY_ACCEPTED, NULL));
  g_assert_true (pl_record_set (PL_RECORD (rejected), &error, "disposition", (int) PL_DISPOSITION_REJECTED, NULL));
  g_assert_true (pl_record_set (PL_RECORD (elsewhere), &error, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL));
  g_assert_true (pl_record_set (PL_RECORD (f->a1), &error, "lead-agency", "National CSIRT", NULL));
  g_assert_no_error (error);
  d = compare (f, s);
  e = pl_diff_lookup (d, pl_record_get_uuid (PL_RECORD (f->a1)));
  g_assert_cmpuint (e->feedback->len, ==, 1);
  g_assert_true (g_ptr_array_index (e->feedback, 0) == (gpointer) accepted);
  text = pl_diff_to_text (d);
  g_assert_nonnull (strstr (text, "Give the course to the CSIRT."));
  g_assert_null (strstr (text, "Drop the course."));
  /* Unchanged rows list nothing, even with accepted feedback. */
  g_assert_null (strstr (text, "About the other action."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/diff/no-change", Fixture, NULL, set_up, test_no_change, tear_down);
  g_test_add ("/diff/field-changed", Fixture, NULL, set_up, test_field_changed, tear_down);
  g_test_add ("/diff/rename-is-a-change", Fixture, NULL, set_up, test_rename_is_a_change, tear_down);
  g_test_add ("/diff/added-removed-moved", Fixture, NULL, set_up, test_added_removed_moved, tear_down);
  g_test_add ("/diff/moved-between-pillars", Fixture, NULL, set_up, test_moved_between_pillars, tear_down);
  g_test_add ("/diff/narrative-words", Fixture, NULL, set_up, test_narrative_words, tear_down);
  g_test_add ("/diff/feedback", Fixture, NULL, set_up, test_feedback, tear_down);
  return g_test_run ();
}
