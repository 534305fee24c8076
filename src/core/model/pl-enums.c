/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-i18n.h"

#include "pl-enums.h"

G_DEFINE_ENUM_TYPE (PlLifecycle, pl_lifecycle,
  G_DEFINE_ENUM_VALUE (PL_LIFECYCLE_DRAFTING, "drafting"),
  G_DEFINE_ENUM_VALUE (PL_LIFECYCLE_VALIDATION, "validation"),
  G_DEFINE_ENUM_VALUE (PL_LIFECYCLE_INTERNAL_REVIEW, "internal-review"),
  G_DEFINE_ENUM_VALUE (PL_LIFECYCLE_CABINET_REVIEW, "cabinet-review"),
  G_DEFINE_ENUM_VALUE (PL_LIFECYCLE_ADOPTED, "adopted"))

G_DEFINE_ENUM_TYPE (PlSectionKind, pl_section_kind,
  G_DEFINE_ENUM_VALUE (PL_SECTION_EXECUTIVE_SUMMARY, "executive-summary"),
  G_DEFINE_ENUM_VALUE (PL_SECTION_INTRODUCTION, "introduction"),
  G_DEFINE_ENUM_VALUE (PL_SECTION_GUIDING_PRINCIPLES, "guiding-principles"),
  G_DEFINE_ENUM_VALUE (PL_SECTION_IMPLEMENTATION, "implementation"),
  G_DEFINE_ENUM_VALUE (PL_SECTION_GLOSSARY, "glossary"),
  G_DEFINE_ENUM_VALUE (PL_SECTION_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PlPriority, pl_priority,
  G_DEFINE_ENUM_VALUE (PL_PRIORITY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PL_PRIORITY_LOW, "low"),
  G_DEFINE_ENUM_VALUE (PL_PRIORITY_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (PL_PRIORITY_HIGH, "high"))

G_DEFINE_ENUM_TYPE (PlTimeframe, pl_timeframe,
  G_DEFINE_ENUM_VALUE (PL_TIMEFRAME_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (PL_TIMEFRAME_SHORT, "short"),
  G_DEFINE_ENUM_VALUE (PL_TIMEFRAME_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (PL_TIMEFRAME_LONG, "long"),
  G_DEFINE_ENUM_VALUE (PL_TIMEFRAME_ONGOING, "ongoing"))

G_DEFINE_ENUM_TYPE (PlActionStatus, pl_action_status,
  G_DEFINE_ENUM_VALUE (PL_ACTION_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (PL_ACTION_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (PL_ACTION_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PL_ACTION_STATUS_DELAYED, "delayed"),
  G_DEFINE_ENUM_VALUE (PL_ACTION_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (PlSector, pl_sector,
  G_DEFINE_ENUM_VALUE (PL_SECTOR_GOVERNMENT, "government"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_PRIVATE, "private-sector"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_ACADEMIA, "academia"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_CIVIL_SOCIETY, "civil-society"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_TECHNICAL, "technical-community"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_INTERNATIONAL, "international-partner"),
  G_DEFINE_ENUM_VALUE (PL_SECTOR_UNSET, "not-set"))

G_DEFINE_ENUM_TYPE (PlFeedbackKind, pl_feedback_kind,
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_COMMENT, "comment"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_QUESTION, "question"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_RECOMMENDATION, "recommendation"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_OBJECTION, "objection"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_SUPPORT, "support"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_AMENDMENT, "amendment"))

G_DEFINE_ENUM_TYPE (PlAmendmentOperation, pl_amendment_operation,
  G_DEFINE_ENUM_VALUE (PL_AMENDMENT_REPLACE, "replace"),
  G_DEFINE_ENUM_VALUE (PL_AMENDMENT_INSERT_AFTER, "insert-after"),
  G_DEFINE_ENUM_VALUE (PL_AMENDMENT_DELETE, "delete"))

G_DEFINE_ENUM_TYPE (PlFeedbackOrigin, pl_feedback_origin,
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_ORIGIN_CAPTURED, "captured"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_ORIGIN_REVIEW_COMMENT, "review-comment"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_ORIGIN_TRACKED_CHANGE, "tracked-change"),
  G_DEFINE_ENUM_VALUE (PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT, "untracked-edit"))

G_DEFINE_ENUM_TYPE (PlDisposition, pl_disposition,
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_PARTLY_ACCEPTED, "partly-accepted"),
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_DEFERRED, "deferred"),
  G_DEFINE_ENUM_VALUE (PL_DISPOSITION_ADDRESSED, "addressed"))

G_DEFINE_ENUM_TYPE (PlTargetKind, pl_target_kind,
  G_DEFINE_ENUM_VALUE (PL_TARGET_STRATEGY, "strategy"),
  G_DEFINE_ENUM_VALUE (PL_TARGET_SECTION, "section"),
  G_DEFINE_ENUM_VALUE (PL_TARGET_PILLAR, "pillar"),
  G_DEFINE_ENUM_VALUE (PL_TARGET_OBJECTIVE, "objective"),
  G_DEFINE_ENUM_VALUE (PL_TARGET_ACTION, "action"))

const char *
pl_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return ev ? ev->value_nick : NULL;
}

gboolean
pl_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autofree char *normal = NULL;
  GEnumClass *klass;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  /* Stored nicks are already canonical: try them as they are first. */
  klass = g_type_class_peek (enum_type);
  if (klass != NULL && (ev = g_enum_get_value_by_nick (klass, nick)) != NULL)
    {
      if (value)
        *value = ev->value;
      return TRUE;
    }
  normal = g_ascii_strdown (nick, -1);
  g_strdelimit (normal, "_ ", '-');
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, normal);
  g_type_class_unref (klass);
  if (ev == NULL)
    return FALSE;
  if (value)
    *value = ev->value;
  return TRUE;
}

guint
pl_enum_count (GType enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  guint n = klass->n_values;

  g_type_class_unref (klass);
  return n;
}

char *
pl_enum_list_nicks (GType enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);
  return g_string_free (s, FALSE);
}

const char *
pl_enum_to_label (GType enum_type,
                  int   value)
{
  if (enum_type == PL_TYPE_LIFECYCLE)
    switch ((PlLifecycle) value)
      {
      case PL_LIFECYCLE_DRAFTING: return _("Drafting");
      case PL_LIFECYCLE_VALIDATION: return _("Validation");
      case PL_LIFECYCLE_INTERNAL_REVIEW: return _("Internal review");
      case PL_LIFECYCLE_CABINET_REVIEW: return _("Cabinet review");
      case PL_LIFECYCLE_ADOPTED: return _("Adopted");
      default: break;
      }
  else if (enum_type == PL_TYPE_SECTION_KIND)
    switch ((PlSectionKind) value)
      {
      case PL_SECTION_EXECUTIVE_SUMMARY: return _("Executive summary");
      case PL_SECTION_INTRODUCTION: return _("Introduction");
      case PL_SECTION_GUIDING_PRINCIPLES: return _("Guiding principles");
      case PL_SECTION_IMPLEMENTATION: return _("Implementation and review");
      case PL_SECTION_GLOSSARY: return _("Glossary");
      case PL_SECTION_OTHER: return _("Other");
      default: break;
      }
  else if (enum_type == PL_TYPE_PRIORITY)
    switch ((PlPriority) value)
      {
      case PL_PRIORITY_NONE: return _("Not set");
      case PL_PRIORITY_LOW: return _("Low");
      case PL_PRIORITY_MEDIUM: return _("Medium");
      case PL_PRIORITY_HIGH: return _("High");
      default: break;
      }
  else if (enum_type == PL_TYPE_TIMEFRAME)
    switch ((PlTimeframe) value)
      {
      case PL_TIMEFRAME_UNSET: return _("Not set");
      case PL_TIMEFRAME_SHORT: return _("Short term");
      case PL_TIMEFRAME_MEDIUM: return _("Medium term");
      case PL_TIMEFRAME_LONG: return _("Long term");
      case PL_TIMEFRAME_ONGOING: return _("Ongoing");
      default: break;
      }
  else if (enum_type == PL_TYPE_ACTION_STATUS)
    switch ((PlActionStatus) value)
      {
      case PL_ACTION_STATUS_PLANNED: return _("Planned");
      case PL_ACTION_STATUS_IN_PROGRESS: return _("In progress");
      case PL_ACTION_STATUS_COMPLETED: return _("Completed");
      case PL_ACTION_STATUS_DELAYED: return _("Delayed");
      case PL_ACTION_STATUS_CANCELLED: return _("Cancelled");
      default: break;
      }
  else if (enum_type == PL_TYPE_SECTOR)
    switch ((PlSector) value)
      {
      case PL_SECTOR_GOVERNMENT: return _("Government");
      case PL_SECTOR_PRIVATE: return _("Private sector");
      case PL_SECTOR_ACADEMIA: return _("Academia");
      case PL_SECTOR_CIVIL_SOCIETY: return _("Civil society");
      case PL_SECTOR_TECHNICAL: return _("Technical community");
      case PL_SECTOR_INTERNATIONAL: return _("International partner");
      case PL_SECTOR_UNSET: return _("Not set");
      default: break;
      }
  else if (enum_type == PL_TYPE_FEEDBACK_KIND)
    switch ((PlFeedbackKind) value)
      {
      case PL_FEEDBACK_COMMENT: return _("Comment");
      case PL_FEEDBACK_QUESTION: return _("Question");
      case PL_FEEDBACK_RECOMMENDATION: return _("Recommendation");
      case PL_FEEDBACK_OBJECTION: return _("Objection");
      case PL_FEEDBACK_SUPPORT: return _("Support");
      case PL_FEEDBACK_AMENDMENT: return _("Amendment");
      default: break;
      }
  else if (enum_type == PL_TYPE_AMENDMENT_OPERATION)
    switch ((PlAmendmentOperation) value)
      {
      case PL_AMENDMENT_REPLACE: return _("Replace the passage");
      case PL_AMENDMENT_INSERT_AFTER: return _("Insert after the passage");
      case PL_AMENDMENT_DELETE: return _("Delete the passage");
      default: break;
      }
  else if (enum_type == PL_TYPE_FEEDBACK_ORIGIN)
    switch ((PlFeedbackOrigin) value)
      {
      case PL_FEEDBACK_ORIGIN_CAPTURED: return _("Captured");
      case PL_FEEDBACK_ORIGIN_REVIEW_COMMENT: return _("Review comment");
      case PL_FEEDBACK_ORIGIN_TRACKED_CHANGE: return _("Tracked change");
      case PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT: return _("Untracked edit");
      default: break;
      }
  else if (enum_type == PL_TYPE_DISPOSITION)
    switch ((PlDisposition) value)
      {
      case PL_DISPOSITION_OPEN: return _("Open");
      case PL_DISPOSITION_ACCEPTED: return _("Accepted");
      case PL_DISPOSITION_PARTLY_ACCEPTED: return _("Partly accepted");
      case PL_DISPOSITION_REJECTED: return _("Rejected");
      case PL_DISPOSITION_DEFERRED: return _("Deferred");
      case PL_DISPOSITION_ADDRESSED: return _("Addressed");
      default: break;
      }
  else if (enum_type == PL_TYPE_TARGET_KIND)
    switch ((PlTargetKind) value)
      {
      case PL_TARGET_STRATEGY: return _("Whole strategy");
      case PL_TARGET_SECTION: return _("Section");
      case PL_TARGET_PILLAR: return _("Pillar");
      case PL_TARGET_OBJECTIVE: return _("Objective");
      case PL_TARGET_ACTION: return _("Action");
      default: break;
      }
  return pl_enum_to_nick (enum_type, value);
}
