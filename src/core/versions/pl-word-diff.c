/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-word-diff.h"

/* Beyond this many differing tokens Myers' search would cost more than it
 * tells: what is left of the middle is one deletion and one insertion. */
#define MAX_EDIT_DISTANCE 1000

typedef struct {
  gsize    start;   /* byte offset */
  gsize    len;
  guint    hash;
  gboolean word;    /* a word (letters, digits), not punctuation */
} Token;

/* Markup that is not part of the text: emphasis, headings, quotes, code,
 * strike-through, tables and link brackets; a hyphen or plus alone is a
 * list bullet. */
static gboolean
is_markup (gunichar c)
{
  return c == '*' || c == '_' || c == '#' || c == '>' || c == '`' || c == '~' ||
         c == '|' || c == '[' || c == ']' || c == '\\';
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The tokens of @text[@from, @to), with offsets into @text. */
static GArray *
tokenize (const char *text,
          gsize       from,
          gsize       to)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text + from;
  const char *stop = text + to;

  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Token t = { p - text, 0, 0, FALSE };

      if (g_unichar_isspace (c) || is_markup (c))
        {
          p = next;
          continue;
        }
      if (is_word_char (c))
        {
          const char *q = next;

          /* Inner apostrophes, hyphens and dots keep one word: "don't",
           * "e-government", "2.5". */
          for (;;)
            {
              gunichar d = g_utf8_get_char (q);

              if (is_word_char (d))
                q = g_utf8_next_char (q);
              else if ((d == '\'' || d == 0x2019 || d == '-' || d == '.' || d == ',') &&
                       is_word_char (g_utf8_get_char (g_utf8_next_char (q))) &&
                       (d != ',' || g_unichar_isdigit (g_utf8_get_char (g_utf8_next_char (q)))))
                q = g_utf8_next_char (q);
              else
                break;
            }
          t.word = TRUE;
          next = q;
        }
      else if ((c == '-' || c == '+') && (*next == ' ' || *next == '\0' || *next == '\n'))
        {
          /* A list bullet, or a dash between spaces: markup. */
          p = next;
          continue;
        }
      t.len = next - p;
      {
        guint h = 5381;

        for (gsize i = 0; i < t.len; i++)
          h = h * 33 + (guchar) p[i];
        t.hash = h;
      }
      g_array_append_val (tokens, t);
      p = next;
    }
  return tokens;
}

static gboolean
same_token (const char  *a_text,
            const Token *a,
            const char  *b_text,
            const Token *b)
{
  return a->hash == b->hash && a->len == b->len && memcmp (a_text + a->start, b_text + b->start, a->len) == 0;
}

/* A block of the diff in token indexes: equal, or a change (old [o0, o1)
 * replaced by new [n0, n1)). */
typedef struct {
  gboolean equal;
  guint    o0, o1, n0, n1;
} Block;

static void
push (GArray  *blocks,
      gboolean equal,
      guint    o0,
      guint    o1,
      guint    n0,
      guint    n1)
{
  Block *last = blocks->len ? &g_array_index (blocks, Block, blocks->len - 1) : NULL;

  if (o0 == o1 && n0 == n1)
    return;
  if (last != NULL && last->equal == equal)
    {
      last->o1 = o1;
      last->n1 = n1;
      return;
    }
  g_array_append_val (blocks, ((Block) { equal, o0, o1, n0, n1 }));
}

/* Myers' O((N+M)D) shortest edit script between old [o0, o1) and new
 * [n0, n1), appended to @blocks as equal and change blocks. */
static void
myers (const char *a_text, const Token *a, guint o0, guint o1,
       const char *b_text, const Token *b, guint n0, guint n1,
       GArray     *blocks)
{
  int n = o1 - o0, m = n1 - n0;
  int max = MIN (n + m, MAX_EDIT_DISTANCE);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int d, found = -1;
  int x, y;
  GArray *rev;

  if (n == 0 || m == 0)
    {
      push (blocks, FALSE, o0, o1, n0, n1);
      return;
    }
  for (d = 0; d <= max && found < 0; d++)
    {
      g_ptr_array_add (trace, g_memdup2 (v, sizeof (int) * (2 * max + 3)));
      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && same_token (a_text, &a[o0 + x], b_text, &b[n0 + y]))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
    }
  if (found < 0)
    {
      push (blocks, FALSE, o0, o1, n0, n1);
      return;
    }

  /* Walk back from the end: each round of d is one edit (a deletion or an
   * insertion) followed by a diagonal of equal tokens. */
  rev = g_array_new (FALSE, FALSE, sizeof (Block));
  x = n;
  y = m;
  for (d = found; d > 0; d--)
    {
      int *vd = g_ptr_array_index (trace, d);
      int k = x - y, prev_k, prev_x, prev_y, mid_x, mid_y;

      if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = vd[offset + prev_k];
      prev_y = prev_x - prev_k;
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      mid_y = mid_x - k;
      g_array_append_val (rev, ((Block) { TRUE, mid_x, x, mid_y, y }));
      g_array_append_val (rev, ((Block) { FALSE, prev_x, mid_x, prev_y, mid_y }));
      x = prev_x;
      y = prev_y;
    }
  g_array_append_val (rev, ((Block) { TRUE, 0, x, 0, y }));
  for (int i = rev->len - 1; i >= 0; i--)
    {
      Block *blk = &g_array_index (rev, Block, i);

      push (blocks, blk->equal, o0 + blk->o0, o0 + blk->o1, n0 + blk->n0, n0 + blk->n1);
    }
  g_array_unref (rev);
}

static guint
block_size (const Block *b)
{
  return MAX (b->o1 - b->o0, b->n1 - b->n0);
}

/* Folds an equality into the changes around it when it is no longer than
 * either of them: "the [quick] brown [fox]" against "the [slow] brown
 * [dog]" stays two changes, but a sentence rewritten around a lone "the"
 * becomes one. Repeats until nothing folds. */
static void
cleanup_semantic (GArray *blocks)
{
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 1; i + 1 < blocks->len; i++)
        {
          Block *prev = &g_array_index (blocks, Block, i - 1);
          Block *eq = &g_array_index (blocks, Block, i);
          Block *next = &g_array_index (blocks, Block, i + 1);
          guint e = block_size (eq);

          if (!eq->equal || prev->equal || next->equal)
            continue;
          if (e <= block_size (prev) && e <= block_size (next))
            {
              prev->o1 = next->o1;
              prev->n1 = next->n1;
              g_array_remove_range (blocks, i, 2);
              again = TRUE;
              break;
            }
        }
    }
}

/* A pure insertion or deletion can often sit one token further on: "six
 {+. Alpha one two+} ." reads better as "six. {+Alpha one two.+}". Slides
 * each as far right as the equal text after it allows, so that it ends
 * where a sentence or paragraph ends. */
static void
slide_right (GArray      *blocks,
             const char  *a_text,
             const Token *a,
             const char  *b_text,
             const Token *b)
{
  for (guint i = 0; i + 1 < blocks->len; i++)
    {
      Block *chg = &g_array_index (blocks, Block, i);
      Block *eq = &g_array_index (blocks, Block, i + 1);
      gboolean insertion = chg->o0 == chg->o1;

      if (chg->equal || !eq->equal || (!insertion && chg->n0 != chg->n1))
        continue;
      while (eq->o0 < eq->o1 &&
             (insertion ? same_token (b_text, &b[chg->n0], b_text, &b[eq->n0])
                        : same_token (a_text, &a[chg->o0], a_text, &a[eq->o0])))
        {
          Block *prev = i > 0 ? &g_array_index (blocks, Block, i - 1) : NULL;

          /* The first token of the change joins the equal text before it. */
          if (prev != NULL && prev->equal)
            {
              prev->o1++;
              prev->n1++;
            }
          else
            {
              g_array_insert_val (blocks, i, ((Block) { TRUE, chg->o0, chg->o0 + 1, chg->n0, chg->n0 + 1 }));
              i++;
              chg = &g_array_index (blocks, Block, i);
              eq = &g_array_index (blocks, Block, i + 1);
            }
          chg->o0++, chg->o1++, chg->n0++, chg->n1++;
          eq->o0++, eq->n0++;
        }
      if (eq->o0 == eq->o1)
        {
          /* The equal text is used up: the change meets the next one. */
          g_array_remove_index (blocks, i + 1);
          if (i + 1 < blocks->len && !g_array_index (blocks, Block, i + 1).equal)
            {
              Block *next = &g_array_index (blocks, Block, i + 1);

              chg->o1 = next->o1;
              chg->n1 = next->n1;
              g_array_remove_index (blocks, i + 1);
            }
        }
    }
}

static guint
count_words (const Token *t,
             guint        from,
             guint        to)
{
  guint n = 0;

  for (guint i = from; i < to; i++)
    n += t[i].word;
  return n;
}

GArray *
pl_word_diff (const char *old_text,
              const char *new_text)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  GArray *ops = g_array_new (FALSE, FALSE, sizeof (PlWordDiffOp));
  const Token *ta, *tb;
  gsize old_len, new_len;
  guint na, nb, pre = 0, suf = 0;

  gsize common = 0, head = 0, tail = 0, limit;

  old_text = old_text ? old_text : "";
  new_text = new_text ? new_text : "";
  old_len = strlen (old_text);
  new_len = strlen (new_text);

  /* The bytes both texts share at their start and end need no tokens:
   * only the middle, cut where white space is, is compared word by word
   * (a long narrative with one edit costs that edit). */
  while (common < old_len && common < new_len && old_text[common] == new_text[common])
    common++;
  for (head = common; head > 0 && !g_ascii_isspace (old_text[head - 1]); head--)
    ;
  limit = MIN (old_len, new_len) - head;
  common = 0;
  while (common < limit && old_text[old_len - 1 - common] == new_text[new_len - 1 - common])
    common++;
  /* The cut must follow white space in both texts (it is at a token start). */
  for (tail = limit > 0 ? MIN (common, limit - 1) : 0;
       tail > 0 && !(g_ascii_isspace (old_text[old_len - tail - 1]) && g_ascii_isspace (new_text[new_len - tail - 1]));
       tail--)
    ;
  a = tokenize (old_text, head, old_len - tail);
  b = tokenize (new_text, head, new_len - tail);
  ta = (const Token *) a->data;
  tb = (const Token *) b->data;
  na = a->len;
  nb = b->len;

  while (pre < na && pre < nb && same_token (old_text, &ta[pre], new_text, &tb[pre]))
    pre++;
  while (suf < na - pre && suf < nb - pre &&
         same_token (old_text, &ta[na - 1 - suf], new_text, &tb[nb - 1 - suf]))
    suf++;
  push (blocks, TRUE, 0, pre, 0, pre);
  myers (old_text, ta, pre, na - suf, new_text, tb, pre, nb - suf, blocks);
  push (blocks, TRUE, na - suf, na, nb - suf, nb);
  cleanup_semantic (blocks);
  slide_right (blocks, old_text, ta, new_text, tb);

  /* Token indexes to byte spans that tile each text: a run starts at its
   * first token (the first run at 0) and ends where the next one starts. */
#define OLD_AT(i) ((i) == 0 ? head : (i) >= na ? old_len - tail : ta[i].start)
#define NEW_AT(i) ((i) == 0 ? head : (i) >= nb ? new_len - tail : tb[i].start)
  /* The shared start and end are equal runs (their words not counted). */
  if (head > 0)
    g_array_append_val (ops, ((PlWordDiffOp) { PL_WORD_DIFF_EQUAL, 0, head, 0, head, 0 }));
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *blk = &g_array_index (blocks, Block, i);

      if (blk->equal)
        {
          PlWordDiffOp op = { PL_WORD_DIFF_EQUAL, OLD_AT (blk->o0), OLD_AT (blk->o1),
                              NEW_AT (blk->n0), NEW_AT (blk->n1), count_words (ta, blk->o0, blk->o1) };
          g_array_append_val (ops, op);
          continue;
        }
      if (blk->o1 > blk->o0)
        {
          PlWordDiffOp op = { PL_WORD_DIFF_DELETE, OLD_AT (blk->o0), OLD_AT (blk->o1),
                              NEW_AT (blk->n0), NEW_AT (blk->n0), count_words (ta, blk->o0, blk->o1) };
          g_array_append_val (ops, op);
        }
      if (blk->n1 > blk->n0)
        {
          PlWordDiffOp op = { PL_WORD_DIFF_INSERT, OLD_AT (blk->o1), OLD_AT (blk->o1),
                              NEW_AT (blk->n0), NEW_AT (blk->n1), count_words (tb, blk->n0, blk->n1) };
          g_array_append_val (ops, op);
        }
    }
#undef OLD_AT
#undef NEW_AT
  /* A middle without a single token (only spaces, only markup) is equal;
   * its bytes still belong to a run. */
  if (na == 0 && nb == 0 && (old_len - tail > head || new_len - tail > head))
    g_array_append_val (ops, ((PlWordDiffOp) { PL_WORD_DIFF_EQUAL, head, old_len - tail, head, new_len - tail, 0 }));
  if (tail > 0)
    g_array_append_val (ops, ((PlWordDiffOp) { PL_WORD_DIFF_EQUAL, old_len - tail, old_len, new_len - tail, new_len, 0 }));
  /* Neighbouring equal runs are one. */
  for (guint i = 1; i < ops->len;)
    {
      PlWordDiffOp *prev = &g_array_index (ops, PlWordDiffOp, i - 1);
      PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);

      if (prev->kind == PL_WORD_DIFF_EQUAL && op->kind == PL_WORD_DIFF_EQUAL)
        {
          prev->old_end = op->old_end;
          prev->new_end = op->new_end;
          prev->n_words += op->n_words;
          g_array_remove_index (ops, i);
        }
      else
        i++;
    }
  return ops;
}

gboolean
pl_word_diff_changed (GArray *ops)
{
  g_return_val_if_fail (ops != NULL, FALSE);
  for (guint i = 0; i < ops->len; i++)
    if (g_array_index (ops, PlWordDiffOp, i).kind != PL_WORD_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

void
pl_word_diff_count (GArray *ops,
                    guint  *inserted,
                    guint  *deleted)
{
  guint ins = 0, del = 0;

  g_return_if_fail (ops != NULL);
  for (guint i = 0; i < ops->len; i++)
    {
      const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);

      if (op->kind == PL_WORD_DIFF_INSERT)
        ins += op->n_words;
      else if (op->kind == PL_WORD_DIFF_DELETE)
        del += op->n_words;
    }
  if (inserted)
    *inserted = ins;
  if (deleted)
    *deleted = del;
}
