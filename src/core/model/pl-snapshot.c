/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-snapshot.h"
#include "pl-record-private.h"

struct _PlSnapshot
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlSnapshot, pl_snapshot, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pl_snapshot_get_name (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_NAME);
}

const char *
pl_snapshot_get_content (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_CONTENT);
}

static void
pl_snapshot_class_init (PlSnapshotClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name, e.g. v0.3 as presented at the workshop", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, "The draft as Markdown at the time", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "snapshots", NULL, FALSE, N_PROPS, properties);
}

static void
pl_snapshot_init (PlSnapshot *self)
{
}
