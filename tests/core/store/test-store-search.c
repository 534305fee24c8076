/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-pillar.h"
#include "pl-search-hit.h"
#include "store-test-util.h"

/* Tests src/core/store/pl-store-search.c: how user words become an FTS5
 * query. Every term costs FTS5 a pass of its own, so a query made of
 * thousands of words must reach it as a few terms. */

static guint
count_terms (const char *fts)
{
  guint quotes = 0;

  for (const char *p = fts; p && *p; p++)
    quotes += *p == '"';
  g_assert_cmpuint (quotes % 2, ==, 0);
  return quotes / 2;
}

/* @word @n times, or (for NULL) the numbers 0 to @n - 1. */
static char *
repeat_words (guint       n,
              const char *word)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      if (word)
        g_string_append (s, word);
      else
        g_string_append_printf (s, "%u", i);
    }
  return g_string_free (s, FALSE);
}

static void
test_repeated_words (void)
{
  g_autofree char *same = repeat_words (20000, "cyber");
  g_autofree char *two = repeat_words (20000, NULL);
  g_autofree char *fts_same = NULL;
  g_autofree char *fts_two = NULL;
  g_autofree char *mixed = NULL;

  /* "cyber" 20,000 times is one term. */
  fts_same = pl_store_fts_query (same);
  g_assert_cmpstr (fts_same, ==, "\"cyber\"*");
  g_assert_cmpuint (count_terms (fts_same), ==, 1);

  /* 20,000 different words: the first PL_STORE_FTS_MAX_TERMS. */
  fts_two = pl_store_fts_query (two);
  g_assert_cmpuint (count_terms (fts_two), ==, PL_STORE_FTS_MAX_TERMS);
  g_assert_cmpuint (PL_STORE_FTS_MAX_TERMS, ==, 32);
  g_assert_true (g_str_has_prefix (fts_two, "\"0\" \"1\" \"2\""));

  /* Repeats are dropped wherever they are; the order stays. */
  mixed = pl_store_fts_query ("incident response incident RESPONSE response");
  g_assert_cmpstr (mixed, ==, "\"incident\" \"response\" \"RESPONSE\"*");
}

static void
test_long_term (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *fts = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (word, "é");
  fts = pl_store_fts_query (word->str);
  g_assert_cmpuint (count_terms (fts), ==, 1);
  g_assert_cmpuint (g_utf8_strlen (fts, -1), ==, PL_STORE_FTS_MAX_TERM_CHARS + 3);
  g_assert_cmpuint (PL_STORE_FTS_MAX_TERM_CHARS, ==, 64);
  g_assert_true (g_utf8_validate (fts, -1, NULL));
}

/* The narrative and the feedback searches both go through the bounded
 * query: 20,000 repeated words find what one word finds. */
static void
test_search_repeated (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(PlPillar) pillar = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "Incident response",
                                             "body", "National incident response capacity.", NULL);
  g_autofree char *words = repeat_words (20000, "incident");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = pl_store_search (f->store, words, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((PlSearchHit *) g_ptr_array_index (hits, 0))->id, ==, pl_record_get_id (PL_RECORD (pillar)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/store-search/repeated-words", test_repeated_words);
  g_test_add_func ("/store-search/long-term", test_long_term);
  g_test_add ("/store-search/search-repeated", StoreFixture, NULL, store_fixture_set_up, test_search_repeated,
              store_fixture_tear_down);

  return g_test_run ();
}
