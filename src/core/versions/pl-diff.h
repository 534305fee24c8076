/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"
#include "pl-document-snapshots.h"
#include "pl-draft.h"
#include "pl-word-diff.h"

G_BEGIN_DECLS

/*
 * PlDiff: what changed between two versions of a draft (a snapshot and the
 * current draft, or two snapshots), for the whole structured strategy.
 * Rows are matched by UUID, so a renamed pillar is a change, not a removal
 * and an addition. Computed without a display; the Compare view, the CLI's
 * "snapshot diff" and the redline export all read it.
 *
 * The result is grouped: first the front matter (strategy fields and
 * sections), then one group per pillar in the new order, then the pillars
 * that were removed. Each group lists the changed rows under it.
 */

typedef enum {
  PL_DIFF_NONE    = 0,
  PL_DIFF_ADDED   = 1 << 0,
  PL_DIFF_REMOVED = 1 << 1,
  PL_DIFF_CHANGED = 1 << 2,  /* some field differs (see fields) */
  PL_DIFF_MOVED   = 1 << 3,  /* another place among its siblings, or another parent */
} PlDiffChange;

/* One field that differs: "Lead agency: Ministry of ICT → National CSIRT". */
typedef struct {
  const char *property;       /* "lead-agency" */
  const char *label;          /* "Lead agency", translated */
  char       *old_text;       /* the value as shown (enums by their label) */
  char       *new_text;
  gboolean    narrative;      /* Markdown text: show @words in the text */
  GArray     *words;          /* PlWordDiffOp over old_text → new_text; set for text fields */
  guint       words_inserted;
  guint       words_deleted;
} PlDiffField;

typedef struct {
  GType         type;         /* PL_TYPE_STRATEGY, _SECTION, _PILLAR, _OBJECTIVE or _ACTION */
  char         *uuid;
  PlDiffChange  change;       /* PL_DIFF_NONE for a pillar head that changed only below */
  PlRecord     *old_record;   /* NULL when added */
  PlRecord     *new_record;   /* NULL when removed */
  char         *title;        /* the new title (the old one when removed) */
  char         *old_number;   /* "2.3.1" in the old version, NULL when added */
  char         *new_number;   /* in the new version, NULL when removed */
  guint         depth;        /* 0 strategy, section or pillar; 1 objective; 2 action */
  GPtrArray    *fields;       /* PlDiffField, in the record's field order */
  /* Accepted and partly accepted feedback that targeted this row
   * (PlFeedback, live records of the document): "this change answers
   * recommendation 14". Empty when not attached to a document. */
  GPtrArray    *feedback;
} PlDiffEntry;

typedef struct {
  PlDiffEntry *head;          /* the pillar (for the front matter: the strategy) */
  char        *title;
  gboolean     front_matter;
  gboolean     changed;       /* the head or anything under it changed */
  GPtrArray   *entries;       /* PlDiffEntry: changed sections, or objectives and actions, in order */
} PlDiffGroup;

typedef struct {
  guint pillars_added, pillars_removed, pillars_changed, pillars_moved;
  guint objectives_added, objectives_removed, objectives_changed, objectives_moved;
  guint actions_added, actions_removed, actions_changed, actions_moved;
  guint sections_added, sections_removed, sections_changed, sections_moved;
  guint strategy_fields_changed;
  guint words_inserted, words_deleted;
  /* Pillars with any change in or under them ("3 pillars changed"). */
  guint pillars_touched;
} PlDiffSummary;

#define PL_TYPE_DIFF (pl_diff_get_type ())
G_DECLARE_FINAL_TYPE (PlDiff, pl_diff, PL, DIFF, GObject)

/* Compares two drafts (neither is changed). */
PlDiff              *pl_diff_new            (PlDraft     *old_draft,
                                             PlDraft     *new_draft);
/* Compares snapshot @old with snapshot @new, or with the current draft
 * when @new is NULL, and attaches the feedback that targeted each change.
 * Fails (with a message that says what to do) on a damaged snapshot or one
 * of a newer format. */
PlDiff              *pl_diff_compare        (PlDocument  *document,
                                             PlSnapshot  *old,
                                             PlSnapshot  *new,
                                             GError     **error);
/* Attaches the accepted and partly accepted feedback of @document to the
 * entries it targeted. */
gboolean             pl_diff_attach_feedback (PlDiff     *self,
                                             PlDocument  *document,
                                             GError     **error);

PlDraft             *pl_diff_get_old_draft  (PlDiff      *self);
PlDraft             *pl_diff_get_new_draft  (PlDiff      *self);
/* (element-type PlDiffGroup) (transfer none): front matter, then every
 * pillar of the new draft (changed or not), then removed pillars. */
GPtrArray           *pl_diff_get_groups     (PlDiff      *self);
const PlDiffSummary *pl_diff_get_summary    (PlDiff      *self);
gboolean             pl_diff_is_empty       (PlDiff      *self);
/* The entry of the row with @uuid, or NULL when it did not change. */
PlDiffEntry         *pl_diff_lookup         (PlDiff      *self,
                                             const char  *uuid);
/* "3 pillars changed, 5 objectives added, 212 words inserted, 87 deleted"
 * (translated), or "No changes". */
char                *pl_diff_summary_text   (PlDiff      *self);
/* The whole report as plain text (what "pillars-cli snapshot diff"
 * prints): per group, each change, field by field, with word changes
 * as [-deleted-]{+inserted+} and the feedback each change answers. */
char                *pl_diff_to_text        (PlDiff      *self);
/* "Lead agency" for a field of @type (translated). */
const char          *pl_diff_field_label    (GType        type,
                                             const char  *property);

G_END_DECLS
