/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_MERGE_ERROR (pl_merge_error_quark ())
GQuark pl_merge_error_quark (void);

typedef enum {
  PL_MERGE_ERROR_SAME_FILE,       /* the master itself */
  PL_MERGE_ERROR_UNCHANGED_COPY,  /* a copy of the master with nothing of its own */
  PL_MERGE_ERROR_OTHER_STRATEGY,  /* another strategy, without --other-strategy */
  PL_MERGE_ERROR_SOURCE,          /* a source cannot be read (message says why) */
  PL_MERGE_ERROR_MASTER,          /* the master cannot be written (message says why) */
} PlMergeError;

typedef enum {
  PL_MERGE_DRY_RUN         = 1 << 0,  /* report only; the master is left as it is */
  PL_MERGE_FOLD_DUPLICATES = 1 << 1,  /* fold stakeholders offered for folding */
  PL_MERGE_OTHER_STRATEGY  = 1 << 2,  /* take workshops, stakeholders, feedback of another strategy */
} PlMergeFlags;

/* The kinds of rows a merge counts, in the order of PlMergeReport.counts. */
typedef enum {
  PL_MERGE_KIND_STRATEGY,
  PL_MERGE_KIND_SECTION,
  PL_MERGE_KIND_PILLAR,
  PL_MERGE_KIND_OBJECTIVE,
  PL_MERGE_KIND_ACTION,
  PL_MERGE_KIND_WORKSHOP,
  PL_MERGE_KIND_STAKEHOLDER,
  PL_MERGE_KIND_FEEDBACK,
  PL_MERGE_N_KINDS,
} PlMergeKind;

typedef struct {
  guint added;
  guint updated;
  guint unchanged;
  guint deleted;
  guint conflicts;
  guint folded;
  guint orphaned;   /* feedback whose target is not in the master */
} PlMergeCounts;

/* A field changed on both sides since the base: @winner is in the master
 * now, @other is kept here so that it can be taken instead. */
typedef struct {
  PlMergeKind kind;
  char       *uuid;
  char       *label;      /* the row's title, name or the start of its text */
  char       *field;      /* a column name, or "deleted" for delete vs. edit */
  char       *winner;
  char       *other;
  char       *source;     /* display name of the file the row came from */
  gboolean    source_won; /* the source's value is the winner */
} PlMergeConflict;

typedef struct {
  PlMergeCounts counts[PL_MERGE_N_KINDS];
  GPtrArray    *conflicts;    /* PlMergeConflict */
  GPtrArray    *fold_groups;  /* GStrv of stakeholder UUIDs, the one kept first */
  GPtrArray    *fold_labels;  /* "Name, Organisation" of each group */
  GPtrArray    *sources;      /* display names of the files merged */
  gboolean      dry_run;
  gboolean      folded;       /* the fold groups were folded */
} PlMergeReport;

void          pl_merge_report_free   (PlMergeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMergeReport, pl_merge_report_free)

/* Whether the report changed anything (or, for a dry run, would). */
gboolean      pl_merge_report_has_changes (const PlMergeReport *report);
/* The translated name of @kind, plural ("Feedback", "Actions" …). */
const char   *pl_merge_kind_name     (PlMergeKind kind);
/* The report for people (translated) and for scripts (JSON). */
char         *pl_merge_report_to_text (const PlMergeReport *report);
char         *pl_merge_report_to_json (const PlMergeReport *report);

/* Merges @sources (paths) into @master in one transaction (rolled back
 * for a dry run or on any error: the master is then as it was). */
PlMergeReport *pl_merge_into_store   (PlStore            *master,
                                      const char         *master_path,
                                      const char *const  *sources,
                                      PlMergeFlags        flags,
                                      GError            **error);
/* Opens @master_path for writing (for reading only on a dry run) and merges. */
PlMergeReport *pl_merge_files        (const char         *master_path,
                                      const char *const  *sources,
                                      PlMergeFlags        flags,
                                      GError            **error);

/* Three-way merge of a narrative by paragraph (blank-line separated):
 * NULL when the same paragraph changed on both sides. */
char          *pl_merge_paragraphs   (const char *base,
                                      const char *ours,
                                      const char *theirs);

/* A field of a conflict as people call it ("Lead agency"), not its column. */
const char    *pl_merge_field_label  (PlMergeKind  kind,
                                      const char  *column);

G_END_DECLS
