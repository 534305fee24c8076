/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-feedback.h"
#include "pl-record-private.h"

struct _PlFeedback
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlFeedback, pl_feedback, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_BODY,
  PROP_TARGET_KIND,
  PROP_TARGET_ID,
  PROP_PILLAR_ID,
  PROP_QUOTE,
  PROP_WORKSHOP_ID,
  PROP_STAKEHOLDER_ID,
  PROP_CAPTURED_AT,
  PROP_PRIORITY,
  PROP_DISPOSITION,
  PROP_RESPONSE,
  PROP_ORPHANED,
  PROP_PROPOSAL,
  PROP_OPERATION,
  PROP_ORIGIN,
  PROP_ANSWERED_BY,
  PROP_ANSWERED_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PlFeedbackKind
pl_feedback_get_kind (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlFeedbackKind) pl_record_get_int_by_id (PL_RECORD (self), PROP_KIND);
}

const char *
pl_feedback_get_body (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_BODY);
}

PlTargetKind
pl_feedback_get_target_kind (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlTargetKind) pl_record_get_int_by_id (PL_RECORD (self), PROP_TARGET_KIND);
}

gint64
pl_feedback_get_target_id (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_TARGET_ID);
}

gint64
pl_feedback_get_pillar_id (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_PILLAR_ID);
}

const char *
pl_feedback_get_quote (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_QUOTE);
}

gint64
pl_feedback_get_workshop_id (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_WORKSHOP_ID);
}

gint64
pl_feedback_get_stakeholder_id (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_STAKEHOLDER_ID);
}

const char *
pl_feedback_get_captured_at (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_CAPTURED_AT);
}

PlPriority
pl_feedback_get_priority (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlPriority) pl_record_get_int_by_id (PL_RECORD (self), PROP_PRIORITY);
}

PlDisposition
pl_feedback_get_disposition (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlDisposition) pl_record_get_int_by_id (PL_RECORD (self), PROP_DISPOSITION);
}

const char *
pl_feedback_get_response (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_RESPONSE);
}

gboolean
pl_feedback_get_orphaned (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), FALSE);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_ORPHANED) != 0;
}

const char *
pl_feedback_get_proposal (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_PROPOSAL);
}

PlAmendmentOperation
pl_feedback_get_operation (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlAmendmentOperation) pl_record_get_int_by_id (PL_RECORD (self), PROP_OPERATION);
}

PlFeedbackOrigin
pl_feedback_get_origin (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), 0);
  return (PlFeedbackOrigin) pl_record_get_int_by_id (PL_RECORD (self), PROP_ORIGIN);
}

const char *
pl_feedback_get_answered_by (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_ANSWERED_BY);
}

const char *
pl_feedback_get_answered_field (PlFeedback *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_ANSWERED_FIELD);
}

static void
pl_feedback_class_init (PlFeedbackClass *klass)
{
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "Kind", PL_TYPE_FEEDBACK_KIND, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, "What was said", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TARGET_KIND] =
    g_param_spec_enum ("target-kind", NULL, "What the feedback is about", PL_TYPE_TARGET_KIND, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, "Id of the section, pillar, objective or action, 0 for the strategy", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PILLAR_ID] =
    g_param_spec_int64 ("pillar-id", NULL, "Pillar the target lies in, 0 if none", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, "Quoted passage of the target's text", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, "Workshop, 0 if none", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAKEHOLDER_ID] =
    g_param_spec_int64 ("stakeholder-id", NULL, "Stakeholder, 0 if none", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAPTURED_AT] =
    g_param_spec_string ("captured-at", NULL, "When it was captured (ISO 8601 UTC)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, "Priority", PL_TYPE_PRIORITY, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPOSITION] =
    g_param_spec_enum ("disposition", NULL, "Disposition", PL_TYPE_DISPOSITION, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESPONSE] =
    g_param_spec_string ("response", NULL, "Response of the drafting team (Markdown)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORPHANED] =
    g_param_spec_boolean ("orphaned", NULL, "The quoted passage is no longer in the text", FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROPOSAL] =
    g_param_spec_string ("proposal", NULL, "Proposed text of an amendment", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPERATION] =
    g_param_spec_enum ("operation", NULL, "What the proposed text does to the quoted passage", PL_TYPE_AMENDMENT_OPERATION, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, "Captured, or read from a returned review copy", PL_TYPE_FEEDBACK_ORIGIN, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANSWERED_BY] =
    g_param_spec_string ("answered-by", NULL, "UUID of the record whose text change answered the item", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANSWERED_FIELD] =
    g_param_spec_string ("answered-field", NULL, "The field of that record the change was made in", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "feedback", NULL, FALSE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "body", NULL);
}

static void
pl_feedback_init (PlFeedback *self)
{
}
