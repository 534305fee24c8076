/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each enum is stored in the document as its nick (readable in sqlite3). */

typedef enum {
  PL_LIFECYCLE_DRAFTING,
  PL_LIFECYCLE_VALIDATION,
  PL_LIFECYCLE_INTERNAL_REVIEW,
  PL_LIFECYCLE_CABINET_REVIEW,
  PL_LIFECYCLE_ADOPTED,
} PlLifecycle;

typedef enum {
  PL_SECTION_EXECUTIVE_SUMMARY,
  PL_SECTION_INTRODUCTION,
  PL_SECTION_GUIDING_PRINCIPLES,
  PL_SECTION_IMPLEMENTATION,
  PL_SECTION_GLOSSARY,
  PL_SECTION_OTHER,
} PlSectionKind;

typedef enum {
  PL_PRIORITY_NONE,
  PL_PRIORITY_LOW,
  PL_PRIORITY_MEDIUM,
  PL_PRIORITY_HIGH,
} PlPriority;

typedef enum {
  PL_TIMEFRAME_UNSET,
  PL_TIMEFRAME_SHORT,
  PL_TIMEFRAME_MEDIUM,
  PL_TIMEFRAME_LONG,
  PL_TIMEFRAME_ONGOING,
} PlTimeframe;

typedef enum {
  PL_ACTION_STATUS_PLANNED,
  PL_ACTION_STATUS_IN_PROGRESS,
  PL_ACTION_STATUS_COMPLETED,
  PL_ACTION_STATUS_DELAYED,
  PL_ACTION_STATUS_CANCELLED,
} PlActionStatus;

typedef enum {
  PL_SECTOR_GOVERNMENT,
  PL_SECTOR_PRIVATE,
  PL_SECTOR_ACADEMIA,
  PL_SECTOR_CIVIL_SOCIETY,
  PL_SECTOR_TECHNICAL,
  PL_SECTOR_INTERNATIONAL,
  PL_SECTOR_UNSET,          /* not asked yet: shown as "Not set", never guessed */
} PlSector;

typedef enum {
  PL_FEEDBACK_COMMENT,
  PL_FEEDBACK_QUESTION,
  PL_FEEDBACK_RECOMMENDATION,
  PL_FEEDBACK_OBJECTION,
  PL_FEEDBACK_SUPPORT,
  PL_FEEDBACK_AMENDMENT,     /* carries a proposed text (see PlAmendmentOperation) */
} PlFeedbackKind;

/* What an amendment's proposed text does to its quoted passage. */
typedef enum {
  PL_AMENDMENT_REPLACE,
  PL_AMENDMENT_INSERT_AFTER,
  PL_AMENDMENT_DELETE,
} PlAmendmentOperation;

/* Where a feedback item came from: captured in Pillars, or read from a
 * ministry's returned review copy (a comment, a tracked change, or an edit
 * made without tracking found by comparing the text). */
typedef enum {
  PL_FEEDBACK_ORIGIN_CAPTURED,
  PL_FEEDBACK_ORIGIN_REVIEW_COMMENT,
  PL_FEEDBACK_ORIGIN_TRACKED_CHANGE,
  PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT,
} PlFeedbackOrigin;

typedef enum {
  PL_DISPOSITION_OPEN,
  PL_DISPOSITION_ACCEPTED,
  PL_DISPOSITION_PARTLY_ACCEPTED,
  PL_DISPOSITION_REJECTED,
  PL_DISPOSITION_DEFERRED,
  PL_DISPOSITION_ADDRESSED,
} PlDisposition;

typedef enum {
  PL_TARGET_STRATEGY,
  PL_TARGET_SECTION,
  PL_TARGET_PILLAR,
  PL_TARGET_OBJECTIVE,
  PL_TARGET_ACTION,
} PlTargetKind;

#define PL_TYPE_LIFECYCLE (pl_lifecycle_get_type ())
#define PL_TYPE_SECTION_KIND (pl_section_kind_get_type ())
#define PL_TYPE_PRIORITY (pl_priority_get_type ())
#define PL_TYPE_TIMEFRAME (pl_timeframe_get_type ())
#define PL_TYPE_ACTION_STATUS (pl_action_status_get_type ())
#define PL_TYPE_SECTOR (pl_sector_get_type ())
#define PL_TYPE_FEEDBACK_KIND (pl_feedback_kind_get_type ())
#define PL_TYPE_AMENDMENT_OPERATION (pl_amendment_operation_get_type ())
#define PL_TYPE_FEEDBACK_ORIGIN (pl_feedback_origin_get_type ())
#define PL_TYPE_DISPOSITION (pl_disposition_get_type ())
#define PL_TYPE_TARGET_KIND (pl_target_kind_get_type ())

GType pl_lifecycle_get_type (void);
GType pl_section_kind_get_type (void);
GType pl_priority_get_type (void);
GType pl_timeframe_get_type (void);
GType pl_action_status_get_type (void);
GType pl_sector_get_type (void);
GType pl_feedback_kind_get_type (void);
GType pl_amendment_operation_get_type (void);
GType pl_feedback_origin_get_type (void);
GType pl_disposition_get_type (void);
GType pl_target_kind_get_type (void);

/* Stable machine name (the stored nick), e.g. "partly-accepted". */
const char *pl_enum_to_nick    (GType enum_type, int value);
/* Parses a nick; also accepts underscores and any case. Returns FALSE if unknown. */
gboolean    pl_enum_from_nick  (GType enum_type, const char *nick, int *value);
/* Translated, human label, e.g. "Partly accepted". */
const char *pl_enum_to_label   (GType enum_type, int value);
/* Number of values of an enum type. */
guint       pl_enum_count      (GType enum_type);
/* Comma-separated nicks, for --help texts and error messages. */
char       *pl_enum_list_nicks (GType enum_type);

G_END_DECLS
