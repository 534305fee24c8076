/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct {
  char          *dir;
  PlDocument    *doc;
  PlPillar      *pillar;
  PlObjective   *objective;
  PlAction      *action;
  PlFeedback    *feedback;
  PlSection     *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "search.pillars", PL_TEMPLATE_EMPTY);
  f->section = pl_document_add (f->doc, PL_TYPE_SECTION, NULL, -1, &error,
                                "title", "Glossary", "body", "A quokkagram is a made-up word.", NULL);
  f->pillar = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error,
                               "title", "Awareness", "summary", "Citizens who know",
                               "body", "## Why\n\nA zebra crossing campaign for the **cybersecurity** of citizens.", NULL);
  f->objective = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (f->pillar), -1, &error,
                                  "title", "Schools", "description", "Every pupil learns about platypus passwords.", NULL);
  f->action = pl_document_add (f->doc, PL_TYPE_ACTION, PL_RECORD (f->objective), -1, &error,
                               "title", "Run a narwhal workshop", "lead-agency", "Ministry of Okapi",
                               "partners", "Axolotl University", "indicator", "Nine hundred kiwis trained", NULL);
  f->feedback = pl_document_add_feedback (f->doc, PL_FEEDBACK_RECOMMENDATION, "Add a wombat hotline.",
                                          PL_RECORD (f->pillar), "zebra crossing", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (f->feedback), &error, "response", "Accepted: see the ibex plan.", NULL));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->section);
  g_clear_object (&f->pillar);
  g_clear_object (&f->objective);
  g_clear_object (&f->action);
  g_clear_object (&f->feedback);
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
}

/* The single hit for @query, or NULL (with a failure) if there is not exactly one. */
static guint
count_hits (Fixture    *f,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pl_document_search (f->doc, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits ? hits->len : G_MAXUINT;
}

static void
assert_one_hit (Fixture    *f,
                const char *query,
                GType       type,
                PlRecord   *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pl_document_search (f->doc, query, 0, &error);

  g_test_message ("searching “%s”", query);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  if (hits == NULL)
    return;
  g_assert_cmpuint (hits->len, ==, 1);
  if (hits->len == 1)
    {
      PlSearchHit *hit = g_ptr_array_index (hits, 0);

      g_assert_true (hit->type == type);
      g_assert_cmpint (hit->id, ==, pl_record_get_id (record));
      g_assert_nonnull (hit->snippet);
      g_assert_nonnull (hit->title);
    }
}

static void
test_finds_every_kind (Fixture       *f,
                       gconstpointer  data)
{
  assert_one_hit (f, "quokkagram", PL_TYPE_SECTION, PL_RECORD (f->section));
  assert_one_hit (f, "cybersecurity", PL_TYPE_PILLAR, PL_RECORD (f->pillar));
  assert_one_hit (f, "citizens know", PL_TYPE_PILLAR, PL_RECORD (f->pillar));
  assert_one_hit (f, "platypus", PL_TYPE_OBJECTIVE, PL_RECORD (f->objective));
  assert_one_hit (f, "narwhal", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "okapi", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "axolotl", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "kiwis", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "wombat", PL_TYPE_FEEDBACK, PL_RECORD (f->feedback));
  assert_one_hit (f, "ibex", PL_TYPE_FEEDBACK, PL_RECORD (f->feedback));
  /* Case and accents do not matter. */
  assert_one_hit (f, "NARWHAL", PL_TYPE_ACTION, PL_RECORD (f->action));
  /* The zebra is in the pillar and in the feedback's quotation. */
  g_assert_cmpuint (count_hits (f, "zebra crossing"), ==, 2);
  g_assert_cmpuint (count_hits (f, "nothingmatchesthis"), ==, 0);
  g_assert_cmpuint (count_hits (f, ""), ==, 0);
  g_assert_cmpuint (count_hits (f, "   "), ==, 0);

  /* The snippet marks the match. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = pl_document_search (f->doc, "platypus", 0, &error);
    PlSearchHit *hit = hits && hits->len ? g_ptr_array_index (hits, 0) : NULL;

    g_assert_nonnull (hit);
    if (hit)
      {
        g_assert_nonnull (strstr (hit->snippet, PL_SEARCH_MATCH_START "platypus" PL_SEARCH_MATCH_END));
        g_assert_cmpstr (hit->title, ==, "Schools");
      }
  }
}

static void
test_all_words_and_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Every word must match. */
  g_assert_cmpuint (count_hits (f, "narwhal platypus"), ==, 0);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Lynx objective %d", i);
      g_autoptr(PlObjective) o = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (f->pillar), -1, &error,
                                                  "title", title, NULL);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_hits (f, "lynx"), ==, 30);
  {
    g_autoptr(GPtrArray) hits = pl_document_search (f->doc, "lynx", 7, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 7);
  }
}

static void
test_deleted_not_found (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->action), &error));
  g_assert_cmpuint (count_hits (f, "narwhal"), ==, 0);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (f->action), &error));
  g_assert_cmpuint (count_hits (f, "narwhal"), ==, 1);

  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->feedback), &error));
  g_assert_cmpuint (count_hits (f, "wombat"), ==, 0);

  /* A pillar takes its objectives and actions out of the index with it. */
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->pillar), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (f, "cybersecurity"), ==, 0);
  g_assert_cmpuint (count_hits (f, "platypus"), ==, 0);
  g_assert_cmpuint (count_hits (f, "narwhal"), ==, 0);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (f->pillar), &error));
  g_assert_cmpuint (count_hits (f, "platypus"), ==, 1);
  g_assert_cmpuint (count_hits (f, "narwhal"), ==, 1);
  g_assert_no_error (error);
}

static void
test_updates_reindex (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_record_set (PL_RECORD (f->objective), &error,
                                "description", "Every pupil learns about pangolin passphrases.", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (f, "platypus"), ==, 0);
  assert_one_hit (f, "pangolin", PL_TYPE_OBJECTIVE, PL_RECORD (f->objective));
  g_assert_true (pl_record_set (PL_RECORD (f->action), &error, "lead-agency", "Ministry of Tapirs", NULL));
  g_assert_cmpuint (count_hits (f, "okapi"), ==, 0);
  assert_one_hit (f, "tapirs", PL_TYPE_ACTION, PL_RECORD (f->action));
  g_assert_true (pl_record_set (PL_RECORD (f->feedback), &error, "body", "Add a koala hotline.", NULL));
  g_assert_cmpuint (count_hits (f, "wombat"), ==, 0);
  assert_one_hit (f, "koala", PL_TYPE_FEEDBACK, PL_RECORD (f->feedback));
  g_assert_no_error (error);
}

static void
test_prefix_of_last_word (Fixture       *f,
                          gconstpointer  data)
{
  assert_one_hit (f, "narw", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "run a narw", PL_TYPE_ACTION, PL_RECORD (f->action));
  assert_one_hit (f, "cyber", PL_TYPE_PILLAR, PL_RECORD (f->pillar));
  /* Only the last word is a prefix: the others must be whole words. */
  g_assert_cmpuint (count_hits (f, "narw workshop"), ==, 0);
  g_assert_cmpuint (count_hits (f, "narw  workshop"), ==, 0);
  g_assert_cmpuint (count_hits (f, "narwhal workshop"), ==, 1);
  g_assert_cmpuint (count_hits (f, "narwhal work  "), ==, 1);

  {
    g_autofree char *one = pl_store_fts_query ("narw  workshop");
    g_autofree char *two = pl_store_fts_query ("narw workshop");
    g_autofree char *three = pl_store_fts_query ("\tnarw\nworkshop \n");

    g_assert_cmpstr (one, ==, two);
    g_assert_cmpstr (three, ==, two);
    g_assert_cmpstr (two, ==, "\"narw\" \"workshop\"*");
  }
}

static void
test_operators_in_user_text (Fixture       *f,
                             gconstpointer  data)
{
  static const char *const queries[] = {
    "\"", "\"\"", "\"narwhal", "narwhal\"", "*", "narwhal*", "**", "OR", "narwhal OR",
    "OR narwhal", "AND", "NOT", "NEAR(", "NEAR(narwhal okapi, 3)", "-", "-narwhal", "narwhal -okapi",
    "(", ")", "(narwhal", "title:narwhal", "body:", "^narwhal", "+narwhal", "{title body}: x",
    "narwhal:", ":", "'", "narwhal's", "e.g.", "—", "🛡️", "_", "__init__", "a\\b", "%", "?", "[", "]",
    "NEAR", "near narwhal", "narwhal AND okapi", "\"run a\" narwhal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = pl_document_search (f->doc, queries[i], 0, &error);

      g_test_message ("query “%s”: %u hits", queries[i], hits ? hits->len : 0);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  /* Operators are plain words: they neither widen nor narrow the search. */
  g_assert_cmpuint (count_hits (f, "-narwhal"), ==, 1);
  g_assert_cmpuint (count_hits (f, "narwhal*"), ==, 1);
  g_assert_cmpuint (count_hits (f, "\"narwhal"), ==, 1);
  g_assert_cmpuint (count_hits (f, "(narwhal)"), ==, 1);
  g_assert_cmpuint (count_hits (f, "narwhal OR platypus"), ==, 0);
  g_assert_cmpuint (count_hits (f, "NOT narwhal"), ==, 0);

  /* The same words in a feedback filter do not fail either. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      PlFeedbackQuery query;
      g_autoptr(PlFeedbackList) list = NULL;

      pl_feedback_query_init (&query);
      list = pl_feedback_list_new (f->doc, &query);
      query.text = (char *) queries[i];
      g_assert_true (pl_feedback_list_set_query (list, &query, &error));
      g_assert_no_error (error);
    }
  {
    PlFeedbackQuery query;
    g_autoptr(PlFeedbackList) list = NULL;

    pl_feedback_query_init (&query);
    query.text = (char *) "wom";
    list = pl_feedback_list_new (f->doc, &query);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) g_test_add ("/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("finds-every-kind", test_finds_every_kind);
  ADD ("all-words-and-limit", test_all_words_and_limit);
  ADD ("deleted-not-found", test_deleted_not_found);
  ADD ("updates-reindex", test_updates_reindex);
  ADD ("prefix-of-last-word", test_prefix_of_last_word);
  ADD ("operators-in-user-text", test_operators_in_user_text);
#undef ADD

  return g_test_run ();
}
