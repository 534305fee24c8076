/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-word-diff.h"

/* The word diff (pl-word-diff.c): known edits give the runs a reader
 * expects; re-wrapping and Markdown markup are no change; the runs tile
 * both texts. */

/* The diff as "same [-deleted-]{+inserted+}" over the words, for
 * comparing with an expectation; checks that the runs tile both texts. */
static char *
render (const char *a,
        const char *b)
{
  g_autoptr(GArray) ops = pl_word_diff (a, b);
  GString *out = g_string_new (NULL);
  gsize old_at = 0, new_at = 0;

  for (guint i = 0; i < ops->len; i++)
    {
      const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);
      g_autofree char *old_part = g_strndup (a + op->old_start, op->old_end - op->old_start);
      g_autofree char *new_part = g_strndup (b + op->new_start, op->new_end - op->new_start);

      g_assert_cmpuint (op->old_start, ==, old_at);
      g_assert_cmpuint (op->new_start, ==, new_at);
      old_at = op->old_end;
      new_at = op->new_end;
      g_strstrip (old_part);
      g_strstrip (new_part);
      if (op->kind == PL_WORD_DIFF_EQUAL)
        g_string_append_printf (out, "%s ", new_part);
      else if (op->kind == PL_WORD_DIFF_DELETE)
        {
          g_assert_cmpuint (op->new_start, ==, op->new_end);
          g_string_append_printf (out, "[-%s-] ", old_part);
        }
      else
        {
          g_assert_cmpuint (op->old_start, ==, op->old_end);
          g_string_append_printf (out, "{+%s+} ", new_part);
        }
    }
  g_assert_cmpuint (old_at, ==, strlen (a));
  g_assert_cmpuint (new_at, ==, strlen (b));
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
test_insert_delete_replace (void)
{
  g_autofree char *ins = render ("We will train people.", "We will train two hundred people.");
  g_autofree char *del = render ("We will train two hundred people.", "We will train people.");
  g_autofree char *rep = render ("The lead is the Ministry of ICT.", "The lead is the National CSIRT.");
  g_autoptr(GArray) ops = pl_word_diff ("The lead is the Ministry of ICT.", "The lead is the National CSIRT.");
  guint inserted, deleted;

  g_assert_cmpstr (ins, ==, "We will train {+two hundred+} people.");
  g_assert_cmpstr (del, ==, "We will train [-two hundred-] people.");
  g_assert_cmpstr (rep, ==, "The lead is the [-Ministry of ICT-] {+National CSIRT+} .");
  pl_word_diff_count (ops, &inserted, &deleted);
  g_assert_cmpuint (inserted, ==, 2);
  g_assert_cmpuint (deleted, ==, 3);
  g_assert_true (pl_word_diff_changed (ops));
}

/* A rewritten sentence is one deletion and one insertion, not confetti
 * around the small words they share. */
static void
test_semantic_cleanup (void)
{
  g_autofree char *r = render ("Train the staff of the ministry in the basics of security.",
                               "Give the public a hotline to report incidents to the CSIRT.");
  g_autoptr(GArray) ops = pl_word_diff ("Train the staff of the ministry in the basics of security.",
                                        "Give the public a hotline to report incidents to the CSIRT.");
  guint changes = 0;

  for (guint i = 0; i < ops->len; i++)
    changes += g_array_index (ops, PlWordDiffOp, i).kind != PL_WORD_DIFF_EQUAL;
  g_assert_cmpuint (changes, <=, 2);
  g_assert_true (g_str_has_prefix (r, "[-Train the staff"));
}

/* Re-wrapping a paragraph, or changing how emphasis is written, is no change. */
static void
test_rewrap_and_markup (void)
{
  const char *a = "We will train people already in post, build a pipeline from\nsecondary school to university.";
  const char *b = "We will train people already in post,\nbuild a pipeline from secondary school to\n  university.";
  g_autoptr(GArray) wrap = pl_word_diff (a, b);
  g_autoptr(GArray) emph = pl_word_diff ("A *national* pool of **skilled** people", "A _national_ pool of __skilled__ people");
  g_autoptr(GArray) list = pl_word_diff ("- first\n- second", "* first\n* second");
  g_autoptr(GArray) empty = pl_word_diff (NULL, "");

  g_assert_false (pl_word_diff_changed (wrap));
  g_assert_false (pl_word_diff_changed (emph));
  g_assert_false (pl_word_diff_changed (list));
  g_assert_false (pl_word_diff_changed (empty));
  g_assert_cmpuint (empty->len, ==, 0);
}

/* Moving a paragraph reads as its deletion where it was and its
 * insertion where it is, and the other paragraphs are unchanged. */
static void
test_move_paragraph (void)
{
  const char *a = "Alpha one two.\n\nBravo three four.\n\nCharlie five six.";
  const char *b = "Bravo three four.\n\nCharlie five six.\n\nAlpha one two.";
  g_autoptr(GArray) ops = pl_word_diff (a, b);
  g_autofree char *r = render (a, b);
  guint inserted, deleted;

  pl_word_diff_count (ops, &inserted, &deleted);
  g_assert_cmpuint (inserted, ==, 3);
  g_assert_cmpuint (deleted, ==, 3);
  g_assert_cmpstr (r, ==, "[-Alpha one two.-] Bravo three four.\n\nCharlie five six. {+Alpha one two.+}");
}

/* Words keep their inner punctuation: "e-government" and "2.5" are one word. */
static void
test_words (void)
{
  g_autofree char *r = render ("An e-government budget of 2.5 million.", "An e-government budget of 3.5 million.");
  g_autofree char *front = render ("two three", "one two three");
  g_autofree char *back = render ("one two", "one two three");
  g_autofree char *inside = render ("train the staff", "train the staffs");
  g_autofree char *same = render ("one two three", "one two three");

  g_assert_cmpstr (r, ==, "An e-government budget of [-2.5-] {+3.5+} million.");
  /* The shared start and end are cut at white space, never inside a word. */
  g_assert_cmpstr (front, ==, "{+one+} two three");
  g_assert_cmpstr (back, ==, "one two {+three+}");
  g_assert_cmpstr (inside, ==, "train the [-staff-] {+staffs+}");
  g_assert_cmpstr (same, ==, "one two three");
}

/* A long text with a few changes is fast and exact. */
static void
test_long_text (void)
{
  GString *a = g_string_new (NULL), *b = g_string_new (NULL);
  g_autoptr(GArray) ops = NULL;
  guint inserted, deleted;
  gint64 start;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (a, "word%u ", i);
      g_string_append_printf (b, i % 1000 == 500 ? "changed%u " : "word%u ", i);
    }
  start = g_get_monotonic_time ();
  ops = pl_word_diff (a->str, b->str);
  pl_word_diff_count (ops, &inserted, &deleted);
  g_assert_cmpuint (inserted, ==, 20);
  g_assert_cmpuint (deleted, ==, 20);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/word-diff/insert-delete-replace", test_insert_delete_replace);
  g_test_add_func ("/word-diff/semantic-cleanup", test_semantic_cleanup);
  g_test_add_func ("/word-diff/rewrap-and-markup", test_rewrap_and_markup);
  g_test_add_func ("/word-diff/move-paragraph", test_move_paragraph);
  g_test_add_func ("/word-diff/words", test_words);
  g_test_add_func ("/word-diff/long-text", test_long_text);
  return g_test_run ();
}
