/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-objective.h"
#include "pl-record-private.h"

struct _PlObjective
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlObjective, pl_objective, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PILLAR_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gint64
pl_objective_get_pillar_id (PlObjective *self)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_PILLAR_ID);
}

const char *
pl_objective_get_title (PlObjective *self)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_objective_get_description (PlObjective *self)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_DESCRIPTION);
}

static void
pl_objective_class_init (PlObjectiveClass *klass)
{
  properties[PROP_PILLAR_ID] =
    g_param_spec_int64 ("pillar-id", NULL, "Pillar this objective belongs to", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "Description (Markdown)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "objectives", "pillar-id", TRUE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
  pl_record_class_set_lazy (PL_RECORD_CLASS (klass), "description", NULL);
}

static void
pl_objective_init (PlObjective *self)
{
}
