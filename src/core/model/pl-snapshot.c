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
  PROP_STATUS,
  PROP_AUTOMATIC,
  PROP_ROOT,
  PROP_FORMAT,
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

PlLifecycle
pl_snapshot_get_status (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), 0);
  return (PlLifecycle) pl_record_get_int_by_id (PL_RECORD (self), PROP_STATUS);
}

gboolean
pl_snapshot_get_automatic (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), FALSE);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_AUTOMATIC) != 0;
}

const char *
pl_snapshot_get_root (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_ROOT);
}

gint64
pl_snapshot_get_format (PlSnapshot *self)
{
  g_return_val_if_fail (PL_IS_SNAPSHOT (self), 0);
  return pl_record_get_int_by_id (PL_RECORD (self), PROP_FORMAT);
}

static void
pl_snapshot_class_init (PlSnapshotClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name, e.g. v0.3 as presented at the workshop", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, "The draft as Markdown at the time (format 2 only)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, "Lifecycle status when taken", PL_TYPE_LIFECYCLE, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTOMATIC] =
    g_param_spec_boolean ("automatic", NULL, "Taken by Pillars itself", FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROOT] =
    g_param_spec_string ("root", NULL, "Hash of the copy's root object", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FORMAT] =
    g_param_spec_int64 ("format", NULL, "Snapshot format", 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "snapshots", NULL, FALSE, N_PROPS, properties);
}

static void
pl_snapshot_init (PlSnapshot *self)
{
}
