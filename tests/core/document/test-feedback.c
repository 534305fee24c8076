/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Feedback, workshops and stakeholders of the core: what the feedback pane
 * and the CLI rely on (PlFeedbackList filters and counts, capture, fold,
 * orphans, retarget, delete and undelete). */
#include "config.h"

#include "pl-document.h"
#include "pl-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  PlDocument    *doc;
  PlPillar      *p1, *p2;
  PlObjective   *o11, *o21;
  PlAction      *a211;
  PlWorkshop    *w1, *w2;
  PlStakeholder *s_gov, *s_priv, *s_acad;
} Fixture;

static gpointer
add_record (PlDocument *doc,
            GType       type,
            gpointer    parent,
            const char *property,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  gpointer r = pl_document_add (doc, type, parent, -1, &error, property, value, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static PlStakeholder *
add_stakeholder (PlDocument *doc,
                 const char *name,
                 const char *org,
                 PlSector    sector)
{
  g_autoptr(GError) error = NULL;
  PlStakeholder *s = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                      "name", name, "organisation", org, "sector", (int) sector, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static PlFeedback *
capture (Fixture        *f,
         PlFeedbackKind  kind,
         const char     *text,
         gpointer        target,
         const char     *quote,
         PlWorkshop     *workshop,
         PlStakeholder  *stakeholder)
{
  g_autoptr(GError) error = NULL;
  PlFeedback *fb = pl_document_add_feedback (f->doc, kind, text, target, quote, workshop, stakeholder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fb);
  return fb;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "feedback.pillars", PL_TEMPLATE_EMPTY);
  f->path = g_strdup (pl_document_get_path (f->doc));

  f->p1 = add_record (f->doc, PL_TYPE_PILLAR, NULL, "title", "Capacity building");
  f->p2 = add_record (f->doc, PL_TYPE_PILLAR, NULL, "title", "Awareness raising");
  g_assert_true (pl_record_set (PL_RECORD (f->p2), &error, "body",
                                "Every school gets a trained cyber safety teacher by 2028.", NULL));
  g_assert_no_error (error);
  f->o11 = add_record (f->doc, PL_TYPE_OBJECTIVE, f->p1, "title", "Train 500 incident responders");
  f->o21 = add_record (f->doc, PL_TYPE_OBJECTIVE, f->p2, "title", "Reach every school");
  f->a211 = add_record (f->doc, PL_TYPE_ACTION, f->o21, "title", "Train teachers");
  f->w1 = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                           "title", "National validation workshop", "location", "Port Halden",
                           "start-date", "2026-09-14", NULL);
  g_assert_no_error (error);
  f->w2 = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                           "title", "Regional consultation", "location", "Little Kestrel",
                           "start-date", "2026-10-06", NULL);
  g_assert_no_error (error);
  f->s_gov = add_stakeholder (f->doc, "Karim Osei", "Central Bank", PL_SECTOR_GOVERNMENT);
  f->s_priv = add_stakeholder (f->doc, "Priya Ramdial", "Kestrel Commercial Bank", PL_SECTOR_PRIVATE);
  f->s_acad = add_stakeholder (f->doc, "Helena Cruz", "University", PL_SECTOR_ACADEMIA);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->p1);
  g_clear_object (&f->p2);
  g_clear_object (&f->o11);
  g_clear_object (&f->o21);
  g_clear_object (&f->a211);
  g_clear_object (&f->w1);
  g_clear_object (&f->w2);
  g_clear_object (&f->s_gov);
  g_clear_object (&f->s_priv);
  g_clear_object (&f->s_acad);
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A fresh, read-only look at the file, independent of the objects in memory. */
static PlDocument *
open_copy (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlDocument *doc;

  pl_document_flush (f->doc, NULL);
  doc = pl_document_open (f->path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count_for (PlDocument            *doc,
           const PlFeedbackQuery *query)
{
  g_autoptr(PlFeedbackList) list = pl_feedback_list_new (doc, query);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* ---- workshops ---- */

static void
test_workshop_crud (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *workshops = pl_document_get_workshops (f->doc);
  g_autoptr(PlWorkshop) w = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 2);
  w = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                       "title", "Private sector round table", "region", "Windward",
                       "location", "Chamber of Commerce", "partner", "OAS",
                       "start-date", "2026-11-02", "end-date", "2026-11-03",
                       "notes", "40 participants", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 3);
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 3);

  g_assert_true (pl_record_set (PL_RECORD (w), &error, "title", "Private sector consultation",
                                "location", "Port Halden", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_workshop_get_title (w), ==, "Private sector consultation");

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_WORKSHOP, pl_record_get_id (PL_RECORD (w)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pl_workshop_get_title (PL_WORKSHOP (again)), ==, "Private sector consultation");
    g_assert_cmpstr (pl_workshop_get_location (PL_WORKSHOP (again)), ==, "Port Halden");
    g_assert_cmpstr (pl_workshop_get_region (PL_WORKSHOP (again)), ==, "Windward");
    g_assert_cmpstr (pl_workshop_get_partner (PL_WORKSHOP (again)), ==, "OAS");
    g_assert_cmpstr (pl_workshop_get_start_date (PL_WORKSHOP (again)), ==, "2026-11-02");
    g_assert_cmpstr (pl_workshop_get_end_date (PL_WORKSHOP (again)), ==, "2026-11-03");
    g_assert_cmpstr (pl_workshop_get_notes (PL_WORKSHOP (again)), ==, "40 participants");
  }

  g_assert_true (pl_document_delete (f->doc, PL_RECORD (w), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 2);
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 2);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (w), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 3);
}

/* ---- stakeholders ---- */

static void
test_stakeholder_crud (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *stakeholders = pl_document_get_stakeholders (f->doc);
  g_autoptr(PlStakeholder) found = NULL;
  g_autoptr(PlStakeholder) s = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3);
  found = pl_document_find_stakeholder (f->doc, "karim OSEI");
  g_assert_true (found == f->s_gov);
  g_assert_null (pl_document_find_stakeholder (f->doc, "Nobody"));

  s = add_stakeholder (f->doc, "Anna Bell", "Red Cross", PL_SECTOR_CIVIL_SOCIETY);
  /* Kept by name. */
  {
    g_autoptr(PlStakeholder) first = g_list_model_get_item (stakeholders, 0);
    g_assert_true (first == s);
  }
  g_assert_true (pl_record_set (PL_RECORD (s), &error, "contact", "anna@example.org",
                                "may-be-named", FALSE, "sector", (int) PL_SECTOR_INTERNATIONAL, NULL));
  g_assert_no_error (error);
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlStakeholder) again = pl_document_find_stakeholder (copy, "Anna Bell");

    g_assert_nonnull (again);
    g_assert_cmpstr (pl_stakeholder_get_organisation (again), ==, "Red Cross");
    g_assert_cmpstr (pl_stakeholder_get_contact (again), ==, "anna@example.org");
    g_assert_false (pl_stakeholder_get_may_be_named (again));
    g_assert_cmpint (pl_stakeholder_get_sector (again), ==, PL_SECTOR_INTERNATIONAL);
  }
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (s), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3);
  g_assert_null (pl_document_find_stakeholder (f->doc, "Anna Bell"));
}

/* ---- feedback ---- */

static void
test_feedback_crud (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedback) on_strategy = capture (f, PL_FEEDBACK_COMMENT, "Good draft overall.", NULL, NULL, NULL, NULL);
  g_autoptr(PlFeedback) on_action = capture (f, PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.",
                                             f->a211, NULL, f->w1, f->s_gov);
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GDateTime) captured = NULL;
  gint64 id = pl_record_get_id (PL_RECORD (on_action));

  g_assert_cmpint (pl_feedback_get_target_kind (on_strategy), ==, PL_TARGET_STRATEGY);
  g_assert_cmpint (pl_feedback_get_pillar_id (on_strategy), ==, 0);
  g_assert_null (pl_document_get_feedback_target (f->doc, on_strategy));

  g_assert_cmpint (pl_feedback_get_kind (on_action), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpint (pl_feedback_get_target_kind (on_action), ==, PL_TARGET_ACTION);
  g_assert_cmpint (pl_feedback_get_pillar_id (on_action), ==, pl_record_get_id (PL_RECORD (f->p2)));
  g_assert_cmpint (pl_feedback_get_workshop_id (on_action), ==, pl_record_get_id (PL_RECORD (f->w1)));
  g_assert_cmpint (pl_feedback_get_stakeholder_id (on_action), ==, pl_record_get_id (PL_RECORD (f->s_gov)));
  g_assert_cmpint (pl_feedback_get_disposition (on_action), ==, PL_DISPOSITION_OPEN);
  captured = g_date_time_new_from_iso8601 (pl_feedback_get_captured_at (on_action), NULL);
  g_assert_nonnull (captured);
  target = pl_document_get_feedback_target (f->doc, on_action);
  g_assert_true (target == PL_RECORD (f->a211));

  g_assert_true (pl_record_set (PL_RECORD (on_action), &error,
                                "disposition", (int) PL_DISPOSITION_PARTLY_ACCEPTED,
                                "priority", (int) PL_PRIORITY_HIGH,
                                "response", "A staffing plan is added as action 1.1.4.", NULL));
  g_assert_no_error (error);

  /* An invalid disposition is refused and changes nothing. */
  g_assert_false (pl_record_set (PL_RECORD (on_action), &error, "disposition", 42, NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (pl_feedback_get_disposition (on_action), ==, PL_DISPOSITION_PARTLY_ACCEPTED);

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
    g_assert_cmpstr (pl_feedback_get_body (PL_FEEDBACK (again)), ==, "Add a CSIRT staffing plan.");
    g_assert_cmpint (pl_feedback_get_disposition (PL_FEEDBACK (again)), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
    g_assert_cmpint (pl_feedback_get_priority (PL_FEEDBACK (again)), ==, PL_PRIORITY_HIGH);
    g_assert_cmpstr (pl_feedback_get_response (PL_FEEDBACK (again)), ==, "A staffing plan is added as action 1.1.4.");
    g_assert_cmpint (pl_document_count (copy, "feedback"), >=, 2);
  }
}

/* Two pillars, two workshops, three sectors: one expected count per filter. */
static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedback) a = capture (f, PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.", f->o11, NULL, f->w1, f->s_gov);
  g_autoptr(PlFeedback) b = capture (f, PL_FEEDBACK_QUESTION, "Who pays for the teachers?", f->a211, NULL, f->w1, f->s_priv);
  g_autoptr(PlFeedback) c = capture (f, PL_FEEDBACK_OBJECTION, "Schools cannot absorb this.", f->p2,
                                     "trained cyber safety teacher", f->w2, f->s_acad);
  g_autoptr(PlFeedback) d = capture (f, PL_FEEDBACK_SUPPORT, "Banks support the plan.", NULL, NULL, f->w2, f->s_priv);
  g_autoptr(PlFeedback) e = capture (f, PL_FEEDBACK_COMMENT, "Fix the typo in the summary.", f->p1, NULL, NULL, NULL);

  g_assert_true (pl_record_set (PL_RECORD (a), &error, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL));
  g_assert_true (pl_record_set (PL_RECORD (e), &error, "disposition", (int) PL_DISPOSITION_ADDRESSED, NULL));
  g_assert_no_error (error);
  (void) b; (void) c; (void) d;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  PlFeedbackQuery q;

  fill (f);

  pl_feedback_query_init (&q);
  g_assert_cmpuint (count_for (f->doc, &q), ==, 5);

  q.pillar_id = pl_record_get_id (PL_RECORD (f->p1));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);           /* a on o11, e on p1 */
  q.pillar_id = pl_record_get_id (PL_RECORD (f->p2));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);           /* b on a211, c on p2 */
  pl_feedback_query_init (&q);

  q.workshop_id = pl_record_get_id (PL_RECORD (f->w1));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);
  q.workshop_id = pl_record_get_id (PL_RECORD (f->w2));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);
  pl_feedback_query_init (&q);

  q.stakeholder_id = pl_record_get_id (PL_RECORD (f->s_priv));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);
  pl_feedback_query_init (&q);

  for (int kind = 0; kind < 5; kind++)
    {
      q.kind = kind;
      g_assert_cmpuint (count_for (f->doc, &q), ==, 1);
    }
  pl_feedback_query_init (&q);

  q.disposition = PL_DISPOSITION_OPEN;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 3);
  q.disposition = PL_DISPOSITION_ACCEPTED;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 1);
  q.disposition = PL_DISPOSITION_REJECTED;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);
  pl_feedback_query_init (&q);

  q.sector = PL_SECTOR_PRIVATE;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 2);
  q.sector = PL_SECTOR_ACADEMIA;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 1);
  q.sector = PL_SECTOR_TECHNICAL;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);
  pl_feedback_query_init (&q);

  q.orphaned = 1;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);
  q.orphaned = 0;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 5);
  pl_feedback_query_init (&q);

  /* Fields combine with AND. */
  q.workshop_id = pl_record_get_id (PL_RECORD (f->w1));
  q.disposition = PL_DISPOSITION_OPEN;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 1);
  q.sector = PL_SECTOR_GOVERNMENT;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedbackList) all = NULL;
  g_autoptr(PlFeedbackList) open = NULL;
  g_autoptr(PlFeedback) newest = NULL;
  PlFeedbackQuery q;
  guint n_items = 0, open_count = 0;

  fill (f);
  all = pl_feedback_list_new (f->doc, NULL);
  pl_feedback_query_init (&q);
  q.disposition = PL_DISPOSITION_OPEN;
  open = pl_feedback_list_new (f->doc, &q);

  g_object_get (all, "n-items", &n_items, "open-count", &open_count, NULL);
  g_assert_cmpuint (n_items, ==, 5);
  g_assert_cmpuint (open_count, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 3);
  g_assert_cmpuint (pl_feedback_list_get_open_count (open), ==, 3);

  /* Newest first. */
  newest = g_list_model_get_item (G_LIST_MODEL (all), 0);
  g_assert_cmpstr (pl_feedback_get_body (newest), ==, "Fix the typo in the summary.");

  {
    g_autoptr(PlFeedback) item = g_list_model_get_item (G_LIST_MODEL (open), 0);

    g_assert_true (pl_record_set (PL_RECORD (item), &error, "disposition", (int) PL_DISPOSITION_REJECTED, NULL));
    g_assert_no_error (error);
  }
  g_object_get (all, "n-items", &n_items, "open-count", &open_count, NULL);
  g_assert_cmpuint (n_items, ==, 5);
  g_assert_cmpuint (open_count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 2);
  g_assert_cmpuint (pl_feedback_list_get_open_count (open), ==, 2);

  /* Reopened the other way. */
  {
    g_autoptr(PlFeedback) item = g_list_model_get_item (G_LIST_MODEL (all), 0);

    g_assert_cmpint (pl_feedback_get_disposition (item), ==, PL_DISPOSITION_ADDRESSED);
    g_assert_true (pl_record_set (PL_RECORD (item), &error, "disposition", (int) PL_DISPOSITION_OPEN, NULL));
  }
  g_assert_cmpuint (pl_feedback_list_get_open_count (all), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 3);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlFeedbackList) list = NULL;
  g_autoptr(GError) error = NULL;
  PlFeedbackQuery q;

  fill (f);
  list = pl_feedback_list_new (f->doc, NULL);
  pl_feedback_query_init (&q);

  q.text = g_strdup ("staffing");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(PlFeedback) hit = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (pl_feedback_get_body (hit), ==, "Add a CSIRT staffing plan.");
  }
  pl_feedback_query_clear (&q);

  /* A trailing word matches as a prefix; all words must match. */
  q.text = g_strdup ("pays teach");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  pl_feedback_query_clear (&q);
  /* The quoted passage is searched too ("teacher" in the objection's quote). */
  q.text = g_strdup ("teach");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  pl_feedback_query_clear (&q);
  q.text = g_strdup ("plan");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  pl_feedback_query_clear (&q);
  q.text = g_strdup ("banks plan");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  pl_feedback_query_clear (&q);
  q.text = g_strdup ("zebra");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  pl_feedback_query_clear (&q);

  /* Characters that mean something to FTS5 are plain text here. */
  q.text = g_strdup ("\"plan* OR (");
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_no_error (error);
  pl_feedback_query_clear (&q);

  /* Text combines with the other fields, and a new capture that matches appears. */
  q.text = g_strdup ("plan");
  q.kind = PL_FEEDBACK_SUPPORT;
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(PlFeedback) more = capture (f, PL_FEEDBACK_SUPPORT, "We support the awareness plan.", NULL, NULL, NULL, NULL);
    g_autoptr(PlFeedback) other = capture (f, PL_FEEDBACK_SUPPORT, "Nothing to add.", NULL, NULL, NULL, NULL);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  pl_feedback_query_clear (&q);
}

static void
test_fold (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) dup = add_stakeholder (f->doc, "K. Osei", "Central Bank", PL_SECTOR_GOVERNMENT);
  g_autoptr(PlFeedback) x = capture (f, PL_FEEDBACK_COMMENT, "From the duplicate.", NULL, NULL, NULL, dup);
  g_autoptr(PlFeedback) y = capture (f, PL_FEEDBACK_COMMENT, "Also from the duplicate.", f->p1, NULL, NULL, dup);
  g_autoptr(PlFeedback) z = capture (f, PL_FEEDBACK_COMMENT, "From the original.", NULL, NULL, NULL, f->s_gov);
  gint64 into_id = pl_record_get_id (PL_RECORD (f->s_gov));
  gint64 dup_id = pl_record_get_id (PL_RECORD (dup));
  g_autoptr(PlFeedbackList) originals = NULL;
  g_autoptr(PlFeedbackList) duplicates = NULL;
  PlFeedbackQuery q;

  pl_feedback_query_init (&q);
  q.stakeholder_id = into_id;
  originals = pl_feedback_list_new (f->doc, &q);
  q.stakeholder_id = dup_id;
  duplicates = pl_feedback_list_new (f->doc, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (originals)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (duplicates)), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_stakeholders (f->doc)), ==, 4);
  g_assert_false (pl_document_fold_stakeholder (f->doc, f->s_gov, f->s_gov, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (pl_document_fold_stakeholder (f->doc, dup, f->s_gov, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pl_feedback_get_stakeholder_id (x), ==, into_id);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (y), ==, into_id);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (z), ==, into_id);
  g_assert_true (pl_record_is_deleted (PL_RECORD (dup)));
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_stakeholders (f->doc)), ==, 3);
  g_assert_null (pl_document_find_stakeholder (f->doc, "K. Osei"));
  /* Lists that exist follow the move. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (originals)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (duplicates)), ==, 0);

  pl_feedback_query_init (&q);
  q.stakeholder_id = into_id;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 3);
  q.stakeholder_id = dup_id;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, pl_record_get_id (PL_RECORD (x)), NULL);

    g_assert_cmpint (pl_feedback_get_stakeholder_id (PL_FEEDBACK (again)), ==, into_id);
    g_assert_cmpint (pl_document_count (copy, "stakeholders"), ==, 3);
    q.stakeholder_id = into_id;
    g_assert_cmpuint (count_for (copy, &q), ==, 3);
  }
}

static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *body = pl_pillar_get_body (f->p2);
  g_autofree char *original = g_strdup (body);
  g_autoptr(PlFeedback) fb = capture (f, PL_FEEDBACK_OBJECTION, "Not by 2028.", f->p2, "by 2028", NULL, NULL);
  g_autoptr(PlFeedback) missing = NULL;
  PlFeedbackQuery q;

  g_assert_false (pl_feedback_get_orphaned (fb));
  pl_feedback_query_init (&q);
  q.orphaned = 1;
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);

  /* A quotation that is not in the text at all is orphaned from the start. */
  missing = capture (f, PL_FEEDBACK_COMMENT, "Hm.", f->p2, "words that are not there", NULL, NULL);
  g_assert_true (pl_feedback_get_orphaned (missing));
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (missing), &error));

  /* The passage is edited away. */
  g_assert_true (pl_record_set (PL_RECORD (f->p2), &error, "body",
                                "Every school gets a trained cyber safety teacher.", NULL));
  g_assert_no_error (error);
  g_assert_true (pl_feedback_get_orphaned (fb));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 1);
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, pl_record_get_id (PL_RECORD (fb)), NULL);

    g_assert_true (pl_feedback_get_orphaned (PL_FEEDBACK (again)));
  }

  /* Editing another pillar does not touch it. */
  g_assert_true (pl_record_set (PL_RECORD (f->p1), &error, "body", "by 2028", NULL));
  g_assert_true (pl_feedback_get_orphaned (fb));

  /* And it comes back. */
  g_assert_true (pl_record_set (PL_RECORD (f->p2), &error, "body", original, NULL));
  g_assert_no_error (error);
  g_assert_false (pl_feedback_get_orphaned (fb));
  g_assert_cmpuint (count_for (f->doc, &q), ==, 0);
}

/* A list that exists while the passage goes follows it. */
static void
test_orphans_live_list (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedback) fb = capture (f, PL_FEEDBACK_OBJECTION, "Not by 2028.", f->p2, "by 2028", NULL, NULL);
  g_autoptr(PlFeedbackList) orphans = NULL;
  PlFeedbackQuery q;

  pl_feedback_query_init (&q);
  q.orphaned = 1;
  orphans = pl_feedback_list_new (f->doc, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orphans)), ==, 0);
  g_assert_true (pl_record_set (PL_RECORD (f->p2), &error, "body", "Nothing left.", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orphans)), ==, 1);
}

static void
test_capture_items_changed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlFeedbackList) all = NULL;
  g_autoptr(PlFeedbackList) pillar2 = NULL;
  g_autoptr(PlFeedbackList) pillar1 = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  PlTestItemsChanged c_all = { 0 }, c_p2 = { 0 }, c_p1 = { 0 };
  PlFeedbackQuery q;

  fill (f);
  all = pl_feedback_list_new (f->doc, NULL);
  pl_feedback_query_init (&q);
  q.pillar_id = pl_record_get_id (PL_RECORD (f->p2));
  pillar2 = pl_feedback_list_new (f->doc, &q);
  q.pillar_id = pl_record_get_id (PL_RECORD (f->p1));
  pillar1 = pl_feedback_list_new (f->doc, &q);
  g_signal_connect (all, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &c_all);
  g_signal_connect (pillar2, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &c_p2);
  g_signal_connect (pillar1, "items-changed", G_CALLBACK (pl_test_items_changed_cb), &c_p1);

  fb = capture (f, PL_FEEDBACK_RECOMMENDATION, "Include parents.", f->a211, NULL, f->w1, f->s_acad);

  g_assert_cmpuint (c_all.emissions, ==, 1);
  g_assert_cmpuint (c_all.position, ==, 0);
  g_assert_cmpuint (c_all.removed, ==, 0);
  g_assert_cmpuint (c_all.added, ==, 1);
  g_assert_cmpuint (c_p2.emissions, ==, 1);
  g_assert_cmpuint (c_p2.position, ==, 0);
  g_assert_cmpuint (c_p2.removed, ==, 0);
  g_assert_cmpuint (c_p2.added, ==, 1);
  g_assert_cmpuint (c_p1.emissions, ==, 0);
  {
    g_autoptr(PlFeedback) first = g_list_model_get_item (G_LIST_MODEL (pillar2), 0);
    g_assert_true (first == fb);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 6);
  g_assert_cmpuint (pl_feedback_list_get_open_count (all), ==, 4);
}

static void
test_retarget (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedbackList) pillar1 = NULL;
  g_autoptr(PlFeedbackList) pillar2 = NULL;
  g_autoptr(PlFeedback) fb = capture (f, PL_FEEDBACK_RECOMMENDATION, "Train responders abroad.", f->o11,
                                      NULL, NULL, NULL);
  g_autoptr(PlFeedback) quoted = capture (f, PL_FEEDBACK_COMMENT, "Which teacher?", f->p2,
                                          "cyber safety teacher", NULL, NULL);
  g_autoptr(PlRecord) target = NULL;
  PlFeedbackQuery q;

  pl_feedback_query_init (&q);
  q.pillar_id = pl_record_get_id (PL_RECORD (f->p1));
  pillar1 = pl_feedback_list_new (f->doc, &q);
  q.pillar_id = pl_record_get_id (PL_RECORD (f->p2));
  pillar2 = pl_feedback_list_new (f->doc, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pillar1)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pillar2)), ==, 1);

  g_assert_true (pl_document_retarget_feedback (f->doc, fb, PL_RECORD (f->a211), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_feedback_get_pillar_id (fb), ==, pl_record_get_id (PL_RECORD (f->p2)));
  g_assert_cmpint (pl_feedback_get_target_kind (fb), ==, PL_TARGET_ACTION);
  target = pl_document_get_feedback_target (f->doc, fb);
  g_assert_true (target == PL_RECORD (f->a211));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pillar1)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pillar2)), ==, 2);
  g_assert_cmpint (pl_feedback_list_find (pillar2, pl_record_get_id (PL_RECORD (fb))), >=, 0);

  /* To the whole strategy: in no pillar list. */
  g_assert_true (pl_document_retarget_feedback (f->doc, fb, NULL, &error));
  g_assert_cmpint (pl_feedback_get_pillar_id (fb), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pillar2)), ==, 1);

  /* A quotation moved away from its text is orphaned, and back is not. */
  g_assert_false (pl_feedback_get_orphaned (quoted));
  g_assert_true (pl_document_retarget_feedback (f->doc, quoted, PL_RECORD (f->p1), &error));
  g_assert_true (pl_feedback_get_orphaned (quoted));
  g_assert_true (pl_document_retarget_feedback (f->doc, quoted, PL_RECORD (f->p2), &error));
  g_assert_false (pl_feedback_get_orphaned (quoted));
  g_assert_no_error (error);

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, pl_record_get_id (PL_RECORD (fb)), NULL);

    g_assert_cmpint (pl_feedback_get_target_kind (PL_FEEDBACK (again)), ==, PL_TARGET_STRATEGY);
  }
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedbackList) all = NULL;
  g_autoptr(PlFeedback) item = NULL;
  gint64 id;
  int position;

  fill (f);
  all = pl_feedback_list_new (f->doc, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (all), 2);
  id = pl_record_get_id (PL_RECORD (item));
  g_assert_true (pl_record_set (PL_RECORD (item), &error, "response", "Noted.", NULL));
  g_assert_cmpint (pl_feedback_get_disposition (item), ==, PL_DISPOSITION_OPEN);

  g_assert_true (pl_document_delete (f->doc, PL_RECORD (item), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 4);
  g_assert_cmpuint (pl_feedback_list_get_open_count (all), ==, 2);
  g_assert_cmpint (pl_feedback_list_find (all, id), ==, -1);
  g_assert_cmpint (pl_document_count (f->doc, "feedback"), ==, 4);
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 4);
  }
  /* A deleted item cannot be answered. */
  g_assert_false (pl_record_set (PL_RECORD (item), &error, "response", "Too late.", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);

  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (item), &error));
  g_assert_no_error (error);
  position = pl_feedback_list_find (all, id);
  g_assert_cmpint (position, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 5);
  g_assert_cmpuint (pl_feedback_list_get_open_count (all), ==, 3);
  g_assert_cmpstr (pl_feedback_get_response (item), ==, "Noted.");
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, id, NULL);

    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 5);
    g_assert_nonnull (again);
    g_assert_cmpstr (pl_feedback_get_response (PL_FEEDBACK (again)), ==, "Noted.");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/feedback/workshop-crud", test_workshop_crud);
  ADD ("/feedback/stakeholder-crud", test_stakeholder_crud);
  ADD ("/feedback/feedback-crud", test_feedback_crud);
  ADD ("/feedback/filters", test_filters);
  ADD ("/feedback/counts", test_counts);
  ADD ("/feedback/search", test_search);
  ADD ("/feedback/fold", test_fold);
  ADD ("/feedback/orphans", test_orphans);
  ADD ("/feedback/orphans-live-list", test_orphans_live_list);
  ADD ("/feedback/capture-items-changed", test_capture_items_changed);
  ADD ("/feedback/retarget", test_retarget);
  ADD ("/feedback/delete-undelete", test_delete_undelete);
#undef ADD

  return g_test_run ();
}
