/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-workshop.h"
#include "pl-record-private.h"

struct _PlWorkshop
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlWorkshop, pl_workshop, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REGION,
  PROP_LOCATION,
  PROP_PARTNER,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pl_workshop_get_title (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_workshop_get_region (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_REGION);
}

const char *
pl_workshop_get_location (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_LOCATION);
}

const char *
pl_workshop_get_partner (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_PARTNER);
}

const char *
pl_workshop_get_start_date (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_START_DATE);
}

const char *
pl_workshop_get_end_date (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_END_DATE);
}

const char *
pl_workshop_get_notes (PlWorkshop *self)
{
  g_return_val_if_fail (PL_IS_WORKSHOP (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_NOTES);
}

static void
pl_workshop_class_init (PlWorkshopClass *klass)
{
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, "Region", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, "Location", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, "Partner organisation", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, "First day (YYYY-MM-DD)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, "Last day (YYYY-MM-DD)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, "Notes", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "workshops", NULL, FALSE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
  pl_record_class_set_period (PL_RECORD_CLASS (klass), "start-date", "end-date", FALSE);
}

static void
pl_workshop_init (PlWorkshop *self)
{
}
