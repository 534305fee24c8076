/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "store-test-util.h"

/* Feedback queries (pl-store-feedback.c) and full-text search
 * (pl-store-search.c), through the store alone. */

typedef struct {
  PlPillar      *pillar;
  PlStakeholder *academic, *company;
  PlWorkshop    *workshop;
  PlFeedback    *items[5];
} Captures;

/* Five items, one per minute; "newest first" is items[4] .. items[0]. */
static void
make_captures (PlStore  *store,
               Captures *c)
{
  static const struct { const char *body; PlFeedbackKind kind; PlDisposition disposition; gboolean on_pillar, academic, workshop; } spec[] = {
    { "Train more incident responders", PL_FEEDBACK_RECOMMENDATION, PL_DISPOSITION_OPEN, TRUE, TRUE, TRUE },
    { "Who funds the national CSIRT?", PL_FEEDBACK_QUESTION, PL_DISPOSITION_ADDRESSED, FALSE, FALSE, TRUE },
    { "Support the awareness campaign", PL_FEEDBACK_SUPPORT, PL_DISPOSITION_OPEN, TRUE, FALSE, FALSE },
    { "Responders need a career path", PL_FEEDBACK_RECOMMENDATION, PL_DISPOSITION_ACCEPTED, TRUE, TRUE, FALSE },
    { "Object to the timeline", PL_FEEDBACK_OBJECTION, PL_DISPOSITION_REJECTED, FALSE, FALSE, TRUE },
  };

  c->pillar = store_insert (store, -1, PL_TYPE_PILLAR, "title", "Incident response",
                            "body", "A national incident response capability.", NULL);
  c->academic = store_insert (store, -1, PL_TYPE_STAKEHOLDER, "name", "A", "sector", PL_SECTOR_ACADEMIA, NULL);
  c->company = store_insert (store, -1, PL_TYPE_STAKEHOLDER, "name", "B", "sector", PL_SECTOR_PRIVATE, NULL);
  c->workshop = store_insert (store, -1, PL_TYPE_WORKSHOP, "title", "Validation", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-10-06T11:0%u:00.000000Z", i);
      gint64 pillar_id = spec[i].on_pillar ? pl_record_get_id (PL_RECORD (c->pillar)) : 0;

      c->items[i] = store_insert (store, -1, PL_TYPE_FEEDBACK, "body", spec[i].body, "kind", spec[i].kind,
                                  "disposition", spec[i].disposition,
                                  "target-kind", spec[i].on_pillar ? PL_TARGET_PILLAR : PL_TARGET_STRATEGY,
                                  "target-id", pillar_id, "pillar-id", pillar_id,
                                  "stakeholder-id", pl_record_get_id (PL_RECORD (spec[i].academic ? c->academic
                                                                                                : c->company)),
                                  "workshop-id", spec[i].workshop ? pl_record_get_id (PL_RECORD (c->workshop))
                                                                  : (gint64) 0,
                                  "captured-at", at, NULL);
    }
}

static void
captures_clear (Captures *c)
{
  g_clear_object (&c->pillar);
  g_clear_object (&c->academic);
  g_clear_object (&c->company);
  g_clear_object (&c->workshop);
  for (guint i = 0; i < G_N_ELEMENTS (c->items); i++)
    g_clear_object (&c->items[i]);
}

/* The items of @ids as their indices in c->items: "4 3 0". */
static char *
indices (Captures *c,
         GArray   *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (c->items); j++)
      if (pl_record_get_id (PL_RECORD (c->items[j])) == g_array_index (ids, gint64, i))
        g_string_append_printf (s, "%s%u", s->len ? " " : "", j);
  return g_string_free (s, FALSE);
}

static char *
query_indices (StoreFixture    *f,
               Captures        *c,
               PlFeedbackQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pl_store_query_feedback_range (f->store, q, 0, 100, &error);

  g_assert_no_error (error);
  return indices (c, ids);
}

typedef struct {
  const char *what;
  char       *got;
  const char *expected;
} Check;

static void
test_filters (StoreFixture  *f,
              gconstpointer  data)
{
  Captures c = { 0 };
  PlFeedbackQuery q;
  Check checks[8];
  guint n = 0;

  make_captures (f->store, &c);
  pl_feedback_query_init (&q);
  checks[n++] = (Check) { "everything", query_indices (f, &c, &q), "4 3 2 1 0" };
  q.pillar_id = pl_record_get_id (PL_RECORD (c.pillar));
  checks[n++] = (Check) { "pillar", query_indices (f, &c, &q), "3 2 0" };
  q.kind = PL_FEEDBACK_RECOMMENDATION;
  checks[n++] = (Check) { "pillar and kind", query_indices (f, &c, &q), "3 0" };
  pl_feedback_query_init (&q);
  q.disposition = PL_DISPOSITION_OPEN;
  checks[n++] = (Check) { "disposition", query_indices (f, &c, &q), "2 0" };
  pl_feedback_query_init (&q);
  q.sector = PL_SECTOR_ACADEMIA;
  checks[n++] = (Check) { "sector", query_indices (f, &c, &q), "3 0" };
  pl_feedback_query_init (&q);
  q.workshop_id = pl_record_get_id (PL_RECORD (c.workshop));
  checks[n++] = (Check) { "workshop", query_indices (f, &c, &q), "4 1 0" };
  pl_feedback_query_init (&q);
  q.text = g_strdup ("respond");
  checks[n++] = (Check) { "words, the last as a prefix", query_indices (f, &c, &q), "3 0" };
  pl_feedback_query_clear (&q);
  q.stakeholder_id = pl_record_get_id (PL_RECORD (c.company));
  checks[n++] = (Check) { "stakeholder", query_indices (f, &c, &q), "4 2 1" };
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (checks[i].got, checks[i].expected) != 0)
        {
          g_test_message ("%s: expected “%s”, got “%s”", checks[i].what, checks[i].expected, checks[i].got);
          g_test_fail ();
        }
      g_free (checks[i].got);
    }
  captures_clear (&c);
}

static void
test_pages_counts_ranks (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) page = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL;
  Captures c = { 0 };
  PlFeedbackQuery q;
  guint n_items = 0, open_count = 0;

  make_captures (f->store, &c);
  pl_feedback_query_init (&q);

  /* A page in the middle, as ids and as rows. */
  page = pl_store_query_feedback_range (f->store, &q, 1, 2, &error);
  got = indices (&c, page);
  g_assert_cmpstr (got, ==, "3 2");
  rows = pl_store_load_feedback_range (f->store, &q, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (pl_feedback_get_body (g_ptr_array_index (rows, 0)), ==, "Responders need a career path");
  g_assert_cmpstr (pl_feedback_get_body (g_ptr_array_index (rows, 1)), ==, "Support the awareness campaign");

  /* Counts: the unfiltered one from the kept totals, the others counted. */
  g_assert_true (pl_store_count_feedback (f->store, &q, &n_items, &open_count, &error));
  g_assert_cmpuint (n_items, ==, 5);
  g_assert_cmpuint (open_count, ==, 2);
  q.kind = PL_FEEDBACK_RECOMMENDATION;
  g_assert_true (pl_store_count_feedback (f->store, &q, &n_items, &open_count, &error));
  g_assert_cmpuint (n_items, ==, 2);
  g_assert_cmpuint (open_count, ==, 1);

  /* Membership and the place an item sorts at. */
  g_assert_true (pl_store_feedback_matches (f->store, &q, pl_record_get_id (PL_RECORD (c.items[0]))));
  g_assert_false (pl_store_feedback_matches (f->store, &q, pl_record_get_id (PL_RECORD (c.items[1]))));
  g_assert_cmpuint (pl_store_feedback_rank (f->store, &q, pl_feedback_get_captured_at (c.items[0]),
                                            pl_record_get_id (PL_RECORD (c.items[0]))), ==, 1);
  pl_feedback_query_init (&q);
  g_assert_cmpuint (pl_store_feedback_rank (f->store, &q, pl_feedback_get_captured_at (c.items[0]),
                                            pl_record_get_id (PL_RECORD (c.items[0]))), ==, 4);
  g_assert_cmpuint (pl_store_feedback_rank (f->store, &q, pl_feedback_get_captured_at (c.items[4]),
                                            pl_record_get_id (PL_RECORD (c.items[4]))), ==, 0);
  captures_clear (&c);
}

static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL, none = NULL, one = NULL;
  g_autofree char *fts = NULL;
  Captures c = { 0 };
  gboolean pillar_hit = FALSE;
  guint feedback_hits = 0;

  make_captures (f->store, &c);

  /* User words become quoted FTS strings, the last a prefix. */
  fts = pl_store_fts_query ("incident AND re");
  g_assert_cmpstr (fts, ==, "\"incident\" \"AND\" \"re\"*");
  g_assert_null (pl_store_fts_query ("  ,;  "));

  hits = pl_store_search (f->store, "incident", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      PlSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->type == PL_TYPE_PILLAR)
        {
          pillar_hit = TRUE;
          g_assert_cmpint (hit->id, ==, pl_record_get_id (PL_RECORD (c.pillar)));
          g_assert_nonnull (strstr (hit->snippet, PL_SEARCH_MATCH_START "incident" PL_SEARCH_MATCH_END));
        }
      else if (hit->type == PL_TYPE_FEEDBACK)
        feedback_hits++;
    }
  g_assert_true (pillar_hit);
  g_assert_cmpuint (feedback_hits, ==, 1);
  /* The narrative first. */
  g_assert_true (((PlSearchHit *) g_ptr_array_index (hits, 0))->type == PL_TYPE_PILLAR);

  none = pl_store_search (f->store, "\"", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  one = pl_store_search (f->store, "incident", 1, &error);
  g_assert_cmpuint (one->len, ==, 1);
  captures_clear (&c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store-feedback/filters", StoreFixture, NULL, store_fixture_set_up, test_filters,
              store_fixture_tear_down);
  g_test_add ("/store-feedback/pages-counts-ranks", StoreFixture, NULL, store_fixture_set_up,
              test_pages_counts_ranks, store_fixture_tear_down);
  g_test_add ("/store-feedback/search", StoreFixture, NULL, store_fixture_set_up, test_search,
              store_fixture_tear_down);

  return g_test_run ();
}
