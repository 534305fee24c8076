/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-import-draft.h"
#include "pl-import-zip.h"

G_BEGIN_DECLS

/* What a reader turns a file into: a flat run of blocks in document order.
 * Detection (pl-import-detect.c) builds the outline from them, again and
 * again as the user steers it, without reading the file twice. */
typedef enum {
  PL_BLOCK_TITLE,      /* Title style: text */
  PL_BLOCK_HEADING,    /* level 1-9: text (plain) */
  PL_BLOCK_MARKDOWN,   /* a paragraph, quote, bullet list ...: text (Markdown) */
  PL_BLOCK_ITEM,       /* a top-level numbered list item: text (Markdown) */
  PL_BLOCK_TABLE,      /* rows: GPtrArray of GStrv, first row the header */
  PL_BLOCK_OMITTED,    /* something left out: text says what */
} PlBlockKind;

typedef struct {
  PlBlockKind kind;
  int         level;
  char       *text;     /* ITEM: the first paragraph as plain text */
  char       *extra;    /* ITEM: the rest of the item as Markdown */
  GPtrArray  *rows;
} PlImportBlock;

PlImportBlock *pl_import_block_new   (PlBlockKind kind, int level, const char *text);
void           pl_import_block_free  (PlImportBlock *block);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlImportBlock, pl_import_block_free)

/* Readers: append blocks to @blocks (of PlImportBlock). */
gboolean pl_import_read_markdown (const char *text, gsize len, GPtrArray *blocks, GError **error);
gboolean pl_import_read_docx     (GBytes *bytes, GPtrArray *blocks, GError **error);
gboolean pl_import_read_odt      (GBytes *bytes, GPtrArray *blocks, GError **error);

/* Detection: builds the nodes of @draft from @blocks. */
typedef struct {
  int          pillar_level;      /* 0 = detect */
  int          objective_level;   /* 0 = detect */
  GHashTable  *roles;             /* key (uint) -> PlImportRole + 1 */
} PlImportSteer;

GPtrArray *pl_import_detect (GPtrArray     *blocks,
                             PlImportSteer *steer,
                             char         **title,
                             int           *pillar_level,
                             int           *objective_level,
                             GPtrArray     *report);

/* Node construction (pl-import-node.c). */
PlImportNode *pl_import_node_new (guint key, PlImportRole role, PlImportRole detected,
                                  int level, int depth, const char *title);
void  pl_import_node_append_body  (PlImportNode *self, const char *markdown);
void  pl_import_node_append_line  (PlImportNode *self, const char *markdown);
void  pl_import_node_add_child    (PlImportNode *self, PlImportNode *child);
void  pl_import_node_set_section_kind (PlImportNode *self, PlSectionKind kind);
void  pl_import_node_set_field    (PlImportNode *self, const char *field, const char *value);
void  pl_import_node_set_depth    (PlImportNode *self, int depth);

/* Plain text of a heading or title without its numbering ("2.1 ", "Pillar 3: "). */
char *pl_import_strip_number (const char *text);
/* Matches a plan-table header or "Label:" to a field name ("action", "lead",
 * "partners", "timeframe", "priority", "indicator", "cost", "status",
 * "objective", "pillar", "number"), or NULL. */
const char *pl_import_match_column (const char *header);
/* Recognises a front-matter heading; FALSE for anything else. */
gboolean pl_import_match_section (const char *title, PlSectionKind *kind);
/* A pipe table as Markdown from rows of plain cells. */
char *pl_import_pipe_table (GPtrArray *rows);

/* Case- and accent-insensitive folding for matching names. */
char *pl_import_fold (const char *text);
/* Markdown escaping of plain text in inline context. */
char *pl_import_escape_inline (const char *text);

G_END_DECLS
