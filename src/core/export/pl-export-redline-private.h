/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-diff.h"
#include "pl-export-private.h"

G_BEGIN_DECLS

/*
 * The redline: the whole strategy as it is now, with what changed since a
 * snapshot as tracked changes a ministry can accept or reject one by one.
 * pl-export-redline.c walks the diff and calls a writer's callbacks
 * (pl-export-redline-docx.c, -odt.c, -html.c); text arrives already split
 * into runs that are the same, inserted or deleted, and paragraph marks
 * say whether the paragraph break itself was inserted or deleted.
 */

typedef enum {
  PL_REDLINE_SAME,
  PL_REDLINE_INSERTED,
  PL_REDLINE_DELETED,
} PlRedlineMark;

typedef struct _PlRedline PlRedline;

typedef struct {
  /* A paragraph of style @style (a pl-export-styles.c id). */
  void     (*para_begin)  (PlRedline *rl, const char *style);
  void     (*run)         (PlRedline *rl, PlRedlineMark mark, const char *text, gsize len, gboolean bold);
  /* @mark: the paragraph mark was inserted or deleted. */
  void     (*para_end)    (PlRedline *rl, PlRedlineMark mark);
  /* The wide part (the plan table) starts. */
  void     (*wide)        (PlRedline *rl);
  void     (*table_begin) (PlRedline *rl, guint n_columns, const char *const *header, const guint *widths);
  /* @mark: the whole row was inserted or deleted; @changed: some cell changed. */
  void     (*row_begin)   (PlRedline *rl, PlRedlineMark mark, gboolean changed);
  void     (*cell_begin)  (PlRedline *rl);
  void     (*cell_end)    (PlRedline *rl);
  void     (*row_end)     (PlRedline *rl);
  void     (*table_end)   (PlRedline *rl);
  /* Writes the package; FALSE with ctx->error set on failure. */
  gboolean (*finish)      (PlRedline *rl);
} PlRedlineOps;

struct _PlRedline {
  PlExportContext    *ctx;
  const PlRedlineOps *ops;
  gpointer            writer;
  PlDiff             *diff;
  const char         *author;    /* of every change */
  char               *date;      /* of every change, ISO 8601 UTC */
  char               *label;     /* the snapshot compared with */
  GString            *scratch;
  guint               next_id;   /* change ids */
};

/* Writers: each sets rl->ops and rl->writer. */
void     pl_export_redline_docx_init  (PlRedline *rl);
void     pl_export_redline_odt_init   (PlRedline *rl);
void     pl_export_redline_html_init  (PlRedline *rl);

/* XML-escaped, cleaned text of @text[0, @len) appended to @out. */
void     pl_export_redline_escape     (PlRedline  *rl,
                                       GString    *out,
                                       const char *text,
                                       gsize       len);

G_END_DECLS
