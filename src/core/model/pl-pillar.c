/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-pillar.h"
#include "pl-record-private.h"

struct _PlPillar
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlPillar, pl_pillar, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pl_pillar_get_title (PlPillar *self)
{
  g_return_val_if_fail (PL_IS_PILLAR (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_pillar_get_summary (PlPillar *self)
{
  g_return_val_if_fail (PL_IS_PILLAR (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_SUMMARY);
}

const char *
pl_pillar_get_body (PlPillar *self)
{
  g_return_val_if_fail (PL_IS_PILLAR (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_BODY);
}

static void
pl_pillar_class_init (PlPillarClass *klass)
{
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, "One-line summary", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, "Narrative (Markdown)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "pillars", NULL, TRUE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
  pl_record_class_set_lazy (PL_RECORD_CLASS (klass), "body", NULL);
}

static void
pl_pillar_init (PlPillar *self)
{
}
