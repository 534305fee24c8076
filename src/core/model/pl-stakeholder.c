/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-stakeholder.h"
#include "pl-record-private.h"

struct _PlStakeholder
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlStakeholder, pl_stakeholder, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_SECTOR,
  PROP_CONTACT,
  PROP_MAY_BE_NAMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pl_stakeholder_get_name (PlStakeholder *self)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDER (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_NAME);
}

const char *
pl_stakeholder_get_organisation (PlStakeholder *self)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDER (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_ORGANISATION);
}

PlSector
pl_stakeholder_get_sector (PlStakeholder *self)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDER (self), 0);
  return (PlSector) pl_record_get_int_by_id (PL_RECORD (self), PROP_SECTOR);
}

const char *
pl_stakeholder_get_contact (PlStakeholder *self)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDER (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_CONTACT);
}

gboolean
pl_stakeholder_get_may_be_named (PlStakeholder *self)
{
  g_return_val_if_fail (PL_IS_STAKEHOLDER (self), FALSE);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_MAY_BE_NAMED) != 0;
}

static void
pl_stakeholder_class_init (PlStakeholderClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, "Organisation", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECTOR] =
    g_param_spec_enum ("sector", NULL, "Sector", PL_TYPE_SECTOR, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, "Contact", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAY_BE_NAMED] =
    g_param_spec_boolean ("may-be-named", NULL, "May be named in exports", FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "stakeholders", NULL, FALSE, N_PROPS, properties);
  pl_record_class_set_either (PL_RECORD_CLASS (klass), "name", "organisation");
}

static void
pl_stakeholder_init (PlStakeholder *self)
{
}
