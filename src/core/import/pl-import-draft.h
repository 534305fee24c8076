/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-document.h"
#include "pl-import-node.h"

G_BEGIN_DECLS

#define PL_IMPORT_ERROR (pl_import_error_quark ())

/* Each with a specific, translated message that says what to do. */
typedef enum {
  PL_IMPORT_ERROR_NOT_FOUND,        /* no such file, or a directory */
  PL_IMPORT_ERROR_EMPTY,            /* zero bytes, or no text at all */
  PL_IMPORT_ERROR_UNSUPPORTED,      /* not .docx, .odt or .md */
  PL_IMPORT_ERROR_LEGACY_FORMAT,    /* Word 97–2003 .doc (OLE), old .odt/.sxw */
  PL_IMPORT_ERROR_ENCRYPTED,        /* password-protected DOCX or ODT */
  PL_IMPORT_ERROR_DISGUISED,        /* HTML, RTF or plain text named .docx/.odt */
  PL_IMPORT_ERROR_TRUNCATED,        /* the zip ends early or is damaged */
  PL_IMPORT_ERROR_TOO_LARGE,        /* an entry, the total or the ratio over a limit */
  PL_IMPORT_ERROR_TOO_MANY_ENTRIES, /* 10,000 or more entries in the zip */
  PL_IMPORT_ERROR_MALFORMED,        /* XML that does not parse, missing parts */
  PL_IMPORT_ERROR_BAD_MAP,          /* a --map entry that cannot be understood */
  PL_IMPORT_ERROR_EXISTS,           /* the new .pillars file already exists */
  PL_IMPORT_ERROR_FAILED,
} PlImportError;

GQuark pl_import_error_quark (void);

typedef enum {
  PL_IMPORT_FORMAT_DOCX,
  PL_IMPORT_FORMAT_ODT,
  PL_IMPORT_FORMAT_MARKDOWN,
} PlImportFormat;

/* What @bytes really are, whatever @name (may be NULL) says: DOCX/ODT (a
 * zip; @name's extension hints which), Markdown, or FALSE with a message
 * for an empty file, a Word 97–2003 or password-protected document, RTF or
 * HTML in disguise, or an unknown kind. */
gboolean pl_import_sniff (GBytes         *bytes,
                          const char     *name,
                          PlImportFormat *format,
                          GError        **error);

/* A draft read from a DOCX, ODT or Markdown file, with the outline detected
 * in it. Nothing is written until pl_import_draft_write(). The outline can be
 * steered (a heading's role, which heading levels are pillars and
 * objectives) and is re-detected at once; "changed" is emitted then, and the
 * node models are replaced (items-changed). */
#define PL_TYPE_IMPORT_DRAFT (pl_import_draft_get_type ())
G_DECLARE_FINAL_TYPE (PlImportDraft, pl_import_draft, PL, IMPORT_DRAFT, GObject)

/* Reads @path (format from the content, checked against the extension).
 * Safe on hostile input: limits on zip size, ratio and entry count; no
 * network, no DTD, no entities. */
PlImportDraft *pl_import_draft_new_from_file (const char     *path,
                                              GError        **error);
/* The same from bytes already in memory (@name only for messages and the
 * extension hint, may be NULL). */
PlImportDraft *pl_import_draft_new_from_bytes (GBytes        *bytes,
                                               const char    *name,
                                               GError       **error);

PlImportFormat pl_import_draft_get_format    (PlImportDraft  *self);
/* Strategy title: the Title style, else the first heading, else the file name. */
const char    *pl_import_draft_get_title     (PlImportDraft  *self);
/* Top-level nodes (sections then pillars, in document order), transfer none. */
GListModel    *pl_import_draft_get_nodes     (PlImportDraft  *self);
/* Every node in document order, depth-first (for a flat preview), transfer none. */
GListModel    *pl_import_draft_get_all_nodes (PlImportDraft  *self);
/* Counts in the current outline. */
guint          pl_import_draft_count         (PlImportDraft  *self,
                                              PlImportRole    role);

/* What was left out and where, translated lines such as
 * "Image “map.png” in “Pillar 2 › Objective 2.1”", NULL-terminated,
 * transfer none (valid until the next re-detection). */
const char * const *pl_import_draft_get_report (PlImportDraft *self);

/* ---- Steering detection ---- */
/* Which source heading levels (1-9) become pillars and objectives; actions
 * are the level below objectives, numbered items and plan-table rows.
 * Defaults are detected (the shallowest level holding non-section headings). */
void           pl_import_draft_set_levels    (PlImportDraft  *self,
                                              int             pillar_level,
                                              int             objective_level);
void           pl_import_draft_get_levels    (PlImportDraft  *self,
                                              int            *pillar_level,
                                              int            *objective_level);
/* Overrides what the node with @key (pl_import_node_get_key) becomes. */
void           pl_import_draft_set_role      (PlImportDraft  *self,
                                              guint           key,
                                              PlImportRole    role);
/* Drops every role override and level choice; back to detection. */
void           pl_import_draft_reset         (PlImportDraft  *self);
/* Applies one --map entry: "pillar=2", "objective=3" (heading levels) or
 * "TITLE=ROLE" (a heading, matched case- and accent-insensitively by its
 * text, to section/pillar/objective/action/text). */
gboolean       pl_import_draft_apply_map     (PlImportDraft  *self,
                                              const char     *entry,
                                              GError        **error);

/* ---- Output ---- */
/* The outline as indented text, for `--dry-run` and tests. */
char          *pl_import_draft_to_outline_text (PlImportDraft *self);
/* Creates a new .pillars file at @path with the outline (refuses to replace
 * an existing file: PL_IMPORT_ERROR_EXISTS). On failure nothing is left at
 * @path. Returns the open document (transfer full). */
PlDocument    *pl_import_draft_write         (PlImportDraft  *self,
                                              const char     *path,
                                              GError        **error);

G_END_DECLS
