/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-action.h"
#include "pl-record-private.h"

struct _PlAction
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlAction, pl_action, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_OBJECTIVE_ID,
  PROP_TITLE,
  PROP_LEAD_AGENCY,
  PROP_PARTNERS,
  PROP_TIMEFRAME,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_PRIORITY,
  PROP_INDICATOR,
  PROP_COST,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gint64
pl_action_get_objective_id (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_OBJECTIVE_ID);
}

const char *
pl_action_get_title (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_action_get_lead_agency (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_LEAD_AGENCY);
}

const char *
pl_action_get_partners (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_PARTNERS);
}

PlTimeframe
pl_action_get_timeframe (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), 0);
  return (PlTimeframe) pl_record_get_int_by_id (PL_RECORD (self), PROP_TIMEFRAME);
}

const char *
pl_action_get_start_date (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_START_DATE);
}

const char *
pl_action_get_end_date (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_END_DATE);
}

PlPriority
pl_action_get_priority (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), 0);
  return (PlPriority) pl_record_get_int_by_id (PL_RECORD (self), PROP_PRIORITY);
}

const char *
pl_action_get_indicator (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_INDICATOR);
}

const char *
pl_action_get_cost (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_COST);
}

PlActionStatus
pl_action_get_status (PlAction *self)
{
  g_return_val_if_fail (PL_IS_ACTION (self), 0);
  return (PlActionStatus) pl_record_get_int_by_id (PL_RECORD (self), PROP_STATUS);
}

static void
pl_action_class_init (PlActionClass *klass)
{
  properties[PROP_OBJECTIVE_ID] =
    g_param_spec_int64 ("objective-id", NULL, "Objective this action belongs to", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LEAD_AGENCY] =
    g_param_spec_string ("lead-agency", NULL, "Lead agency", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTNERS] =
    g_param_spec_string ("partners", NULL, "Partner agencies", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMEFRAME] =
    g_param_spec_enum ("timeframe", NULL, "Timeframe", PL_TYPE_TIMEFRAME, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, "Start (YYYY or YYYY-MM-DD)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, "End (YYYY or YYYY-MM-DD)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, "Priority", PL_TYPE_PRIORITY, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator", NULL, "Indicator (KPI)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COST] =
    g_param_spec_string ("cost", NULL, "Estimated cost", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, "Status", PL_TYPE_ACTION_STATUS, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "actions", "objective-id", TRUE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
  pl_record_class_set_period (PL_RECORD_CLASS (klass), "start-date", "end-date", TRUE);
}

static void
pl_action_init (PlAction *self)
{
}
