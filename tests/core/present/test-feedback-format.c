/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The view logic of the feedback pane (pl-feedback-format.c): what its
 * labels say and which style classes its badges get, without a display. */
#include "config.h"

#include "pl-feedback-format.h"
#include "pl-record-loading.h"
#include "pl-test-util.h"

typedef struct {
  char          *dir;
  PlDocument    *doc;
  PlSection     *section;
  PlPillar      *p1, *p2;
  PlObjective   *o1, *o2;
  PlAction      *a1, *a2;
  PlWorkshop    *w, *w_nowhere;
  PlStakeholder *s, *org_only;
} Fixture;

/* A record with one string property. */
static gpointer
add (PlDocument *doc,
     GType       type,
     gpointer    parent,
     const char *property,
     const char *value)
{
  g_autoptr(GError) error = NULL;
  gpointer record = pl_document_add (doc, type, parent, -1, &error, property, value, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* As a record loaded from such a file holds it: not written, not checked. */
static void
set_in_memory (PlRecord   *record,
               const char *property,
               const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  pl_record_load_value (record, g_object_class_find_property (G_OBJECT_GET_CLASS (record), property), &value, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "format.pillars", PL_TEMPLATE_EMPTY);
  f->section = add (f->doc, PL_TYPE_SECTION, NULL, "title", "Introduction");
  f->p1 = add (f->doc, PL_TYPE_PILLAR, NULL, "title", "Capacity building");
  f->p2 = add (f->doc, PL_TYPE_PILLAR, NULL, "title", "Awareness raising");
  f->o1 = add (f->doc, PL_TYPE_OBJECTIVE, f->p2, "title", "Schools");
  f->o2 = add (f->doc, PL_TYPE_OBJECTIVE, f->p2, "title", "Parents");
  f->a1 = add (f->doc, PL_TYPE_ACTION, f->o2, "title", "Leaflets");
  f->a2 = add (f->doc, PL_TYPE_ACTION, f->o2, "title", "Radio");
  f->w = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                          "title", "National workshop", "location", "Kingston", NULL);
  g_assert_no_error (error);
  f->w_nowhere = add (f->doc, PL_TYPE_WORKSHOP, NULL, "title", "Online round");
  f->s = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                          "name", "J. Doe", "organisation", "Ministry of ICT", NULL);
  g_assert_no_error (error);
  f->org_only = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                 "organisation", "Red Cross", NULL);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->section);
  g_clear_object (&f->p1);
  g_clear_object (&f->p2);
  g_clear_object (&f->o1);
  g_clear_object (&f->o2);
  g_clear_object (&f->a1);
  g_clear_object (&f->a2);
  g_clear_object (&f->w);
  g_clear_object (&f->w_nowhere);
  g_clear_object (&f->s);
  g_clear_object (&f->org_only);
  pl_document_close (f->doc);
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
}

/* Compares and frees a formatted string. */
#define CHECK(expr, expected) \
  G_STMT_START { \
    g_autofree char *s_ = (expr); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

static void
test_count (void)
{
  CHECK (pl_feedback_format_count (12, 48), "12 open of 48");
  CHECK (pl_feedback_format_count (0, 3), "0 open of 3");
  CHECK (pl_feedback_format_count (3, 3), "3 open of 3");
  CHECK (pl_feedback_format_count (0, 0), "No feedback");
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  CHECK (pl_feedback_format_live (f->w), "Live — National workshop, Kingston");
  CHECK (pl_feedback_format_live (f->w_nowhere), "Live — Online round");
  g_assert_null (pl_feedback_format_live (NULL));

  /* A workshop is never shown without a name (the document refuses an
   * empty title; a file another program wrote may have one). */
  g_assert_false (pl_record_set (PL_RECORD (f->w), &error, "title", "", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  set_in_memory (PL_RECORD (f->w), "title", "");
  CHECK (pl_feedback_format_live (f->w), "Live — Untitled workshop, Kingston");
  CHECK (pl_feedback_format_workshop (f->w), "Untitled workshop");
}

static void
test_target (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  CHECK (pl_feedback_format_target (f->doc, NULL), "Whole strategy");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (pl_document_get_strategy (f->doc))), "Whole strategy");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->section)), "Introduction");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->p1)), "1. Capacity building");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->p2)), "2. Awareness raising");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->o1)), "2.1 Schools");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->o2)), "2.2 Parents");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->a2)), "2.2.2 Radio");
  CHECK (pl_feedback_format_capture_target (f->doc, PL_RECORD (f->p2)), "To: 2. Awareness raising");
  CHECK (pl_feedback_format_capture_target (f->doc, NULL), "To: Whole strategy");

  /* Numbers follow a move. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (f->p2), 0, &error));
  g_assert_no_error (error);
  CHECK (pl_feedback_format_capture_target (f->doc, PL_RECORD (f->a1)), "To: 1.2.1 Leaflets");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->p1)), "2. Capacity building");

  /* Empty titles (from a file another program wrote: the document
   * refuses them) say what is there. */
  set_in_memory (PL_RECORD (f->section), "title", "");
  set_in_memory (PL_RECORD (f->p2), "title", "");
  set_in_memory (PL_RECORD (f->o2), "title", "");
  set_in_memory (PL_RECORD (f->a1), "title", "");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->section)), "Untitled section");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->p2)), "1. Untitled pillar");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->o2)), "1.2 Untitled objective");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->a1)), "1.2.1 Untitled action");
}

static void
test_stakeholder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  CHECK (pl_feedback_format_stakeholder (f->s), "J. Doe, Ministry of ICT");
  CHECK (pl_feedback_format_stakeholder (f->org_only), "Red Cross");
  CHECK (pl_feedback_format_stakeholder (NULL), "No stakeholder");

  g_assert_true (pl_record_set (PL_RECORD (f->s), &error, "organisation", "", NULL));
  g_assert_no_error (error);
  CHECK (pl_feedback_format_stakeholder (f->s), "J. Doe");
  /* Neither name nor organisation: refused, but an old file may have it. */
  g_assert_false (pl_record_set (PL_RECORD (f->org_only), &error, "organisation", "", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  set_in_memory (PL_RECORD (f->org_only), "organisation", "");
  CHECK (pl_feedback_format_stakeholder (f->org_only), "Unnamed stakeholder");
}

static void
test_workshop (Fixture       *f,
               gconstpointer  data)
{
  CHECK (pl_feedback_format_workshop (f->w), "National workshop");
  CHECK (pl_feedback_format_workshop (f->w_nowhere), "Online round");
  CHECK (pl_feedback_format_workshop (NULL), "");
}

static void
test_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 9, 14, 15, 0, 0);

  /* main() runs the program in UTC. */
  CHECK (pl_feedback_format_time ("garbage", now), "");
  CHECK (pl_feedback_format_time ("", now), "");
  CHECK (pl_feedback_format_time (NULL, now), "");
  CHECK (pl_feedback_format_time ("2026-09-14T14:05:00.000Z", now), "14:05");
  CHECK (pl_feedback_format_time ("2026-09-14T00:00:00.000Z", now), "00:00");
  CHECK (pl_feedback_format_time ("2026-09-10T14:05:00.000Z", now), "10 Sep, 14:05");
  CHECK (pl_feedback_format_time ("2026-09-13T23:59:59.000Z", now), "13 Sep, 23:59");
  CHECK (pl_feedback_format_time ("2025-12-31T14:05:00.000Z", now), "31 Dec 2025, 14:05");
  /* The same day of another year is another day. */
  CHECK (pl_feedback_format_time ("2025-09-14T14:05:00.000Z", now), "14 Sep 2025, 14:05");
  /* Offsets other than Z are understood. */
  CHECK (pl_feedback_format_time ("2026-09-14T16:05:00+02:00", now), "14:05");
}

static void
test_time_year_boundary (void)
{
  g_autoptr(GDateTime) new_year = g_date_time_new_utc (2027, 1, 1, 0, 0, 30);

  /* Thirty seconds earlier was last year. */
  CHECK (pl_feedback_format_time ("2026-12-31T23:59:59.000Z", new_year), "31 Dec 2026, 23:59");
  CHECK (pl_feedback_format_time ("2027-01-01T00:00:00.000Z", new_year), "00:00");
  /* Day 366 of a leap year is not day 1. */
  {
    g_autoptr(GDateTime) leap = g_date_time_new_utc (2024, 12, 31, 12, 0, 0);

    CHECK (pl_feedback_format_time ("2024-12-31T08:00:00.000Z", leap), "08:00");
    CHECK (pl_feedback_format_time ("2024-01-01T08:00:00.000Z", leap), "1 Jan, 08:00");
    CHECK (pl_feedback_format_time ("2024-02-29T08:00:00.000Z", leap), "29 Feb, 08:00");
  }
}

static void
test_time_local_day (void)
{
  /* Days and years are the user's, not UTC's: in Tokyo (UTC+9, no
   * daylight saving time) 15:10 UTC is already tomorrow. */
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 9, 14, 16, 0, 0);
  g_autoptr(GDateTime) new_year = g_date_time_new_utc (2027, 1, 1, 1, 0, 0);

  if (tokyo == NULL)
    {
      g_test_skip ("no time zone data for Asia/Tokyo");
      return;
    }
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  CHECK (pl_feedback_format_time ("2026-09-14T15:10:00.000Z", now), "00:10");
  CHECK (pl_feedback_format_time ("2026-09-14T14:50:00.000Z", now), "14 Sep, 23:50");
  /* 1 January in Tokyo, still 31 December in UTC. */
  CHECK (pl_feedback_format_time ("2026-12-31T15:30:00.000Z", new_year), "00:30");
  CHECK (pl_feedback_format_time ("2026-12-31T14:30:00.000Z", new_year), "31 Dec 2026, 23:30");
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_css_classes (void)
{
  static const char *const kinds[] = {
    [PL_FEEDBACK_COMMENT] = "kind-comment",
    [PL_FEEDBACK_QUESTION] = "kind-question",
    [PL_FEEDBACK_RECOMMENDATION] = "kind-recommendation",
    [PL_FEEDBACK_OBJECTION] = "kind-objection",
    [PL_FEEDBACK_SUPPORT] = "kind-support",
    [PL_FEEDBACK_AMENDMENT] = "kind-amendment",
  };
  static const char *const dispositions[] = {
    [PL_DISPOSITION_OPEN] = "disposition-open",
    [PL_DISPOSITION_ACCEPTED] = "disposition-accepted",
    [PL_DISPOSITION_PARTLY_ACCEPTED] = "disposition-partly-accepted",
    [PL_DISPOSITION_REJECTED] = "disposition-rejected",
    [PL_DISPOSITION_DEFERRED] = "disposition-deferred",
    [PL_DISPOSITION_ADDRESSED] = "disposition-addressed",
  };

  /* One class per value, and a class for every value the enums have:
   * ui/style.css styles exactly these names. */
  g_assert_cmpuint (G_N_ELEMENTS (kinds), ==, pl_enum_count (PL_TYPE_FEEDBACK_KIND));
  g_assert_cmpuint (G_N_ELEMENTS (dispositions), ==, pl_enum_count (PL_TYPE_DISPOSITION));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (pl_feedback_kind_css_class (i), ==, kinds[i]);
  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    g_assert_cmpstr (pl_feedback_disposition_css_class (i), ==, dispositions[i]);
  /* Every kind and disposition has its own badge. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (kinds); j++)
      g_assert_cmpstr (pl_feedback_kind_css_class (i), !=, pl_feedback_kind_css_class (j));
  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (dispositions); j++)
      g_assert_cmpstr (pl_feedback_disposition_css_class (i), !=, pl_feedback_disposition_css_class (j));
  /* A value from a newer file falls back to the plainest badge. */
  g_assert_cmpstr (pl_feedback_kind_css_class (99), ==, "kind-comment");
  g_assert_cmpstr (pl_feedback_disposition_css_class (99), ==, "disposition-open");
}

static void
test_capture_text (void)
{
  g_assert_false (pl_feedback_capture_text_is_valid (NULL));
  g_assert_false (pl_feedback_capture_text_is_valid (""));
  g_assert_false (pl_feedback_capture_text_is_valid (" \n\t "));
  /* U+00A0 and U+3000 are blanks too. */
  g_assert_false (pl_feedback_capture_text_is_valid ("\u00a0\u3000"));
  g_assert_true (pl_feedback_capture_text_is_valid (" ok "));
  g_assert_true (pl_feedback_capture_text_is_valid ("\u00a0é"));
}

static void
test_resolve_stakeholder (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PlStakeholder) found = NULL;

  /* No name, or blanks: no stakeholder, nothing to add. */
  g_assert_true (pl_feedback_capture_resolve_stakeholder (f->doc, NULL, &found));
  g_assert_null (found);
  g_assert_true (pl_feedback_capture_resolve_stakeholder (f->doc, "  ", &found));
  g_assert_null (found);
  /* A known name, whatever its case and surrounding blanks, is reused. */
  g_assert_true (pl_feedback_capture_resolve_stakeholder (f->doc, " j. doe ", &found));
  g_assert_true (found == f->s);
  g_clear_object (&found);
  g_assert_true (pl_feedback_capture_resolve_stakeholder (f->doc, "J. DOE", &found));
  g_assert_true (found == f->s);
  g_clear_object (&found);
  /* Anything else is a new stakeholder; an organisation is not a name. */
  g_assert_false (pl_feedback_capture_resolve_stakeholder (f->doc, "New Person", &found));
  g_assert_null (found);
  g_assert_false (pl_feedback_capture_resolve_stakeholder (f->doc, "Red Cross", &found));
  g_assert_null (found);
  g_assert_false (pl_feedback_capture_resolve_stakeholder (f->doc, "J. Doe, Ministry of ICT", &found));
  g_assert_null (found);
}

static void
test_pillar_filter (Fixture       *f,
                    gconstpointer  data)
{
  gint64 p1 = pl_record_get_id (PL_RECORD (f->p1));
  gint64 p2 = pl_record_get_id (PL_RECORD (f->p2));

  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, NULL), ==, 0);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (pl_document_get_strategy (f->doc))), ==, 0);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->section)), ==, 0);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->p1)), ==, p1);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->p2)), ==, p2);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->o1)), ==, p2);
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->a1)), ==, p2);
  /* The pillar is found by id, so a move does not change it. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (f->p2), 0, NULL));
  g_assert_cmpint (pl_feedback_pillar_filter_for_target (f->doc, PL_RECORD (f->a2)), ==, p2);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* Numbers are what people cite at a workshop: after a pillar is moved or
 * deleted (or the delete undone) the targets say the new numbers at once,
 * the document says "renumbered" so views relabel, and the file agrees
 * when opened again (#11 item 5). */
static void
test_renumber (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) p3 = add (f->doc, PL_TYPE_PILLAR, NULL, "title", "Legislation");
  g_autoptr(PlObjective) o3 = add (f->doc, PL_TYPE_OBJECTIVE, p3, "title", "Cybercrime law");
  g_autoptr(PlAction) a3 = add (f->doc, PL_TYPE_ACTION, o3, "title", "Draft the bill");
  g_autofree char *path = g_strdup (pl_document_get_path (f->doc));
  g_autoptr(PlDocument) again = NULL;
  guint renumbered = 0;

  g_signal_connect (f->doc, "renumbered", G_CALLBACK (count_cb), &renumbered);
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (o3)), "3.1 Cybercrime law");

  /* Legislation to the front. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (p3), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renumbered, >, 0);
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (p3)), "1. Legislation");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (a3)), "1.1.1 Draft the bill");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->p1)), "2. Capacity building");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->a2)), "3.2.2 Radio");

  /* Back to the end, then the first pillar deleted: Legislation is 2. */
  g_assert_true (pl_document_move (f->doc, PL_RECORD (p3), 2, &error));
  g_assert_no_error (error);
  renumbered = 0;
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->p1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renumbered, >, 0);
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (o3)), "2.1 Cybercrime law");
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (f->o2)), "1.2 Parents");

  /* Undone: 3 again. */
  renumbered = 0;
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (f->p1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renumbered, >, 0);
  CHECK (pl_feedback_format_target (f->doc, PL_RECORD (o3)), "3.1 Cybercrime law");

  /* Deleted again, and the file read afresh: the same numbers. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->p1), &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->doc, count_cb, &renumbered);
  again = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    GListModel *pillars = pl_document_get_pillars (again);
    g_autoptr(PlRecord) second = g_list_model_get_item (pillars, 1);
    g_autoptr(PlRecord) objective = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 2);
    objective = g_list_model_get_item (pl_document_get_objectives (again, PL_PILLAR (second)), 0);
    CHECK (pl_feedback_format_target (again, objective), "2.1 Cybercrime law");
  }
  pl_document_close (again);
}

int
main (int   argc,
      char *argv[])
{
  /* Times are shown in local time: pin it, tests that need another zone
   * set their own. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/feedback-format/count", test_count);
  ADD ("/feedback-format/live", test_live);
  ADD ("/feedback-format/target", test_target);
  ADD ("/feedback-format/stakeholder", test_stakeholder);
  ADD ("/feedback-format/workshop", test_workshop);
  g_test_add_func ("/feedback-format/time", test_time);
  g_test_add_func ("/feedback-format/time-year-boundary", test_time_year_boundary);
  g_test_add_func ("/feedback-format/time-local-day", test_time_local_day);
  g_test_add_func ("/feedback-format/css-classes", test_css_classes);
  g_test_add_func ("/feedback-format/capture-text", test_capture_text);
  ADD ("/feedback-format/resolve-stakeholder", test_resolve_stakeholder);
  ADD ("/feedback-format/pillar-filter", test_pillar_filter);
  ADD ("/feedback-format/renumber", test_renumber);
#undef ADD
  return g_test_run ();
}
