/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-enums.h"

G_BEGIN_DECLS

/* What a heading (or numbered item, or plan-table row) of the draft becomes
 * in the new strategy. */
typedef enum {
  PL_IMPORT_ROLE_SECTION,    /* front matter: executive summary, glossary, ... */
  PL_IMPORT_ROLE_PILLAR,
  PL_IMPORT_ROLE_OBJECTIVE,
  PL_IMPORT_ROLE_ACTION,
  PL_IMPORT_ROLE_TEXT,       /* part of the text above: the heading and its body
                              * are kept as narrative of the enclosing node */
} PlImportRole;

GType pl_import_role_get_type (void) G_GNUC_CONST;
#define PL_TYPE_IMPORT_ROLE (pl_import_role_get_type ())

/* Translated label of a role ("Section", "Pillar", ...). */
const char   *pl_import_role_to_label   (PlImportRole role);
/* Parses "section", "pillar", "objective", "action", "text"; FALSE if unknown. */
gboolean      pl_import_role_from_string (const char   *text,
                                          PlImportRole *role);

/* One detected node of a draft's outline: a section, pillar, objective or
 * action, with its children (objectives of a pillar, actions of an
 * objective). Immutable once built; re-detection builds new nodes. */
#define PL_TYPE_IMPORT_NODE (pl_import_node_get_type ())
G_DECLARE_FINAL_TYPE (PlImportNode, pl_import_node, PL, IMPORT_NODE, GObject)

/* Stable identity across re-detection: the index of the heading, numbered
 * item or table row in the source (pass it to pl_import_draft_set_role()). */
guint          pl_import_node_get_key        (PlImportNode *self);
PlImportRole   pl_import_node_get_role       (PlImportNode *self);
/* The role detection chose before any override. */
PlImportRole   pl_import_node_get_detected_role (PlImportNode *self);
/* Heading level in the source (1 = top), 0 for list items and table rows. */
int            pl_import_node_get_level      (PlImportNode *self);
/* Depth in the outline: 0 sections and pillars, 1 objectives, 2 actions. */
int            pl_import_node_get_depth      (PlImportNode *self);
const char    *pl_import_node_get_title      (PlImportNode *self);
/* Narrative as Markdown (body of a section or pillar, description of an
 * objective or action), "" when none. */
const char    *pl_import_node_get_body       (PlImportNode *self);
/* For sections: the kind recognised from the heading's name. */
PlSectionKind  pl_import_node_get_section_kind (PlImportNode *self);
/* Children in order (PlImportNode), transfer none. */
GListModel    *pl_import_node_get_children   (PlImportNode *self);

/* Action fields (from a plan table; NULL/unset otherwise). */
const char    *pl_import_node_get_lead_agency (PlImportNode *self);
const char    *pl_import_node_get_partners    (PlImportNode *self);
PlTimeframe    pl_import_node_get_timeframe   (PlImportNode *self);
/* The timeframe cell as written ("2025–2026", "Q3 2025"), or NULL. */
const char    *pl_import_node_get_timeframe_text (PlImportNode *self);
/* Dates written with the timeframe ("2025-01-01–2026-12-31"), or NULL. */
const char    *pl_import_node_get_start_date  (PlImportNode *self);
const char    *pl_import_node_get_end_date    (PlImportNode *self);
PlPriority     pl_import_node_get_priority    (PlImportNode *self);
const char    *pl_import_node_get_indicator   (PlImportNode *self);
const char    *pl_import_node_get_cost        (PlImportNode *self);
PlActionStatus pl_import_node_get_status      (PlImportNode *self);

G_END_DECLS
