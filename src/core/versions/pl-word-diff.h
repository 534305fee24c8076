/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Word-level differences between two texts (Markdown narrative or plain
 * fields). Words and sentence punctuation are compared; whitespace and
 * Markdown markup (emphasis, headings, quotes, list bullets, code ticks)
 * are not, so re-wrapping a paragraph or changing *emphasis* to
 * _emphasis_ is no change. Myers' algorithm over the words, then a
 * semantic cleanup: an equality shorter than the changes on both sides of
 * it is folded into them, so a rewritten sentence reads as one deletion
 * and one insertion, not alternating fragments.
 */

typedef enum {
  PL_WORD_DIFF_EQUAL,
  PL_WORD_DIFF_DELETE,
  PL_WORD_DIFF_INSERT,
} PlWordDiffKind;

/* One run of the diff. The runs tile both texts in order: the EQUAL and
 * DELETE runs' old spans cover the old text from 0 to its end, the EQUAL
 * and INSERT runs' new spans cover the new text. A run's span in the other
 * text is empty, placed where the run sits (so a deletion can be shown in
 * the new text at new_start). Spans are byte offsets; each run also takes
 * the whitespace and markup after its last word. */
typedef struct {
  PlWordDiffKind kind;
  gsize          old_start;
  gsize          old_end;
  gsize          new_start;
  gsize          new_end;
  guint          n_words;   /* words (not punctuation) in the run; for equal runs
                             * of a long shared start or end, 0 (not counted) */
} PlWordDiffOp;

/* (element-type PlWordDiffOp) (transfer full): never NULL; empty when both
 * texts are empty. NULL texts count as empty. */
GArray   *pl_word_diff          (const char *old_text,
                                 const char *new_text);
/* Whether @ops hold any DELETE or INSERT run. */
gboolean  pl_word_diff_changed  (GArray     *ops);
/* Words inserted and deleted by @ops. */
void      pl_word_diff_count    (GArray     *ops,
                                 guint      *inserted,
                                 guint      *deleted);

G_END_DECLS
