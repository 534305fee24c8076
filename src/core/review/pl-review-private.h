/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>

#include "pl-review.h"

G_BEGIN_DECLS

/* One comment or tracked change as a returned review copy holds it, before
 * it is placed in the document. */
typedef struct {
  PlFeedbackKind        kind;        /* COMMENT or AMENDMENT */
  PlFeedbackOrigin      origin;
  PlAmendmentOperation  operation;
  char                 *id;          /* the comment's or change's id in the file */
  char                 *author;
  char                 *date;        /* as the file says, may be "" */
  char                 *text;        /* a comment's text, replies threaded in */
  char                 *quote;       /* the original passage */
  char                 *proposal;
  char                 *anchor;      /* the enclosing anchor's 32 hex digits, or NULL */
  gboolean              strategy_anchor; /* inside the strategy's own anchor */
  char                 *heading;     /* the heading last seen before it, or NULL */
  guint                 n_replies;
  gpointer              target;      /* PlRecord (owned) an untracked edit is in, or NULL */
  gboolean              by_heading;  /* @target was found by its heading, not an anchor */
} PlReviewEntry;

void pl_review_entry_free (PlReviewEntry *entry);

/* A paragraph of the returned text as the reviewer's file shows it before
 * their tracked changes: insertions left out, deletions kept. Compared
 * with the strategy to find the edits made without tracking. */
typedef struct {
  char    *text;
  guint    level;      /* heading level 1-9, 0 for body text */
  char    *anchor;     /* a record anchor (hex) starting in it, or NULL */
  gboolean strategy;   /* the strategy's anchor starts in it */
  GArray  *tracked;    /* gsize pairs: byte spans of tracked changes in @text
                        * (deleted text; an insertion is an empty span) */
} PlReviewPara;

void pl_review_para_free (PlReviewPara *para);

/* What a reader found in one file. */
typedef struct {
  GPtrArray *entries;          /* PlReviewEntry, in document order */
  GPtrArray *skips;            /* translated lines: what was left out, why */
  char      *strategy_anchor;  /* the strategy's UUID hex digits, or NULL */
  guint      n_anchors;        /* record anchors seen */
  GPtrArray *paras;            /* PlReviewPara, in document order */
  char      *modified_by;      /* the file's last author (its properties), or NULL */
  char      *modified;         /* when it was last saved, as the file says, or NULL */
} PlReviewFile;

void pl_review_file_clear (PlReviewFile *file);

/* Readers: fill @file from a returned DOCX or ODT. */
gboolean pl_review_read_docx (GBytes *bytes, PlReviewFile *file, GError **error);
gboolean pl_review_read_odt  (GBytes *bytes, PlReviewFile *file, GError **error);

/* Shared by the readers (pl-review-docx.c). */
#define PL_REVIEW_MAX_ENTRIES    20000
#define PL_REVIEW_MAX_AUTHOR     200
#define PL_REVIEW_MAX_QUOTE      4000
#define PL_REVIEW_MAX_TEXT       20000
#define PL_REVIEW_MAX_PARAS      200000

/* @text with runs of whitespace made one space, trimmed (transfer full). */
char *pl_review_squeeze (const char *text);
/* A change's context: the last @n words of @text (transfer full). */
char *pl_review_last_words (const char *text, guint n);
/* Finishes a tracked change as an amendment entry: a short deletion or
 * replacement carries a few words of context so accepting it finds the one
 * place it was made; an insertion quotes the words before it. NULL when
 * there is nothing to propose. */
PlReviewEntry *pl_review_change_entry (const char *author,
                                       const char *date,
                                       const char *before,
                                       const char *deleted,
                                       const char *inserted);
/* Trims an author's name to a sane length, listing the cut in @skips. */
char *pl_review_author_name (const char *raw, GPtrArray *skips);

/* ---- the text walk the DOCX and ODT readers share (pl-review-docx.c) ---- */

/* A comment as the file stores it, before it is placed. */
typedef struct {
  char    *author;
  char    *date;
  GString *text;
  char    *last_para_id;  /* DOCX: threads replies */
  char    *parent;        /* id of the comment this one answers */
  gboolean placed;
} PlReviewComment;

void pl_review_comment_free (PlReviewComment *c);

/* The passage a comment covers, and where it lies. */
typedef struct {
  GString *quote;
  char    *anchor;
  gboolean strategy;
  char    *heading;
} PlReviewRange;

void pl_review_range_free (PlReviewRange *range);

/* The document walked in order: anchors, headings, the original text of
 * the paragraph, the comments' ranges and the tracked change being read. */
typedef struct {
  PlReviewFile *file;
  GHashTable   *ranges;       /* comment id -> PlReviewRange (open or closed) */
  GHashTable   *open;         /* comment id -> PlReviewRange, open ones */
  char         *anchor;
  gboolean      in_strategy;
  char         *heading;
  GString      *para;         /* original text of the paragraph so far */
  gboolean      para_heading;
  int           change;       /* 0 none, 1 inserted text follows, 2 deleted text */
  char         *ch_author, *ch_date;
  GString      *ch_before, *ch_del, *ch_ins;
  gboolean      ch_open;
  gboolean      ch_multi;
  int           props_depth;
  guint         para_level;     /* heading level of the paragraph, 0 body */
  GArray       *para_tracked;   /* tracked spans in @para */
  char         *pending_anchor; /* a record anchor not yet given a paragraph */
  gboolean      pending_strategy;
} PlReviewDoc;

void     pl_review_doc_init             (PlReviewDoc *d, PlReviewFile *file);
void     pl_review_doc_clear            (PlReviewDoc *d);
void     pl_review_doc_begin_change     (PlReviewDoc *d, const char *author, const char *date);
void     pl_review_doc_add_text         (PlReviewDoc *d, const char *text);
void     pl_review_doc_end_paragraph    (PlReviewDoc *d);
/* The end of the text: a tracked change still open is finished. */
void     pl_review_doc_finish           (PlReviewDoc *d);
void     pl_review_doc_bookmark         (PlReviewDoc *d, const char *name);
/* A comment's range opens here (@point: it covers nothing, closed at once). */
void     pl_review_doc_open_range       (PlReviewDoc *d, const char *id, gboolean point);
void     pl_review_doc_close_range      (PlReviewDoc *d, const char *id);
/* Walks word/document.xml (pl-review-docx-text.c): anchors, headings,
 * paragraphs, comment ranges and tracked changes; marks the comments of
 * @comments (id -> PlReviewComment) whose reference it meets as placed. */
gboolean pl_review_read_docx_text       (GBytes *bytes, PlReviewDoc *d, GHashTable *comments, GError **error);
/* The file's comments (id -> PlReviewComment, in @order) as entries. */
void     pl_review_doc_collect_comments (PlReviewDoc *d, GHashTable *comments, GPtrArray *order);

/* The heading level a DOCX paragraph style names ("Heading2" → 2, "Title"
 * → 1), 0 when it is no heading. */
guint    pl_review_style_level          (const char *style);

/* ---- edits made without tracking (pl-review-untracked.c) ---- */

/* The last author and date of a returned copy, from docProps/core.xml
 * (DOCX) or meta.xml (ODT); a damaged part is ignored. */
void     pl_review_read_properties      (GBytes *bytes, PlReviewFile *file);
/* Compares @file's paragraphs, unit by unit (a pillar, objective, action
 * or front-matter section, placed by its anchor or else its heading), with
 * the strategy's text, and appends each changed run of words that no
 * tracked change covers as an amendment entry marked untracked edit. */
void     pl_review_find_untracked       (PlDocument   *document,
                                         PlReviewFile *file,
                                         GHashTable   *anchors,
                                         const char   *author);

xmlTextReaderPtr pl_review_xml_reader (GBytes *bytes);
gboolean pl_review_xml_is               (xmlTextReaderPtr r, const char *local);
char    *pl_review_xml_attr             (xmlTextReaderPtr r, const char *local);
gboolean pl_review_malformed            (const char *part, GError **error);

G_END_DECLS
