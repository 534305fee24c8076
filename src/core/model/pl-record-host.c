/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-record-host.h"

G_DEFINE_INTERFACE (PlRecordHost, pl_record_host, G_TYPE_OBJECT)

static void
pl_record_host_default_init (PlRecordHostInterface *iface)
{
}

gboolean
pl_record_host_fetch_field (PlRecordHost  *self,
                            PlRecord      *record,
                            GParamSpec    *pspec,
                            GValue        *value,
                            GError       **error)
{
  g_return_val_if_fail (PL_IS_RECORD_HOST (self), FALSE);
  return PL_RECORD_HOST_GET_IFACE (self)->fetch_field (self, record, pspec, value, error);
}

gboolean
pl_record_host_update (PlRecordHost  *self,
                       PlRecord      *record,
                       guint          n,
                       GParamSpec   **pspecs,
                       const GValue  *values,
                       GError       **error)
{
  g_return_val_if_fail (PL_IS_RECORD_HOST (self), FALSE);
  return PL_RECORD_HOST_GET_IFACE (self)->update (self, record, n, pspecs, values, error);
}

void
pl_record_host_forget (PlRecordHost *self,
                       PlRecord     *record)
{
  g_return_if_fail (PL_IS_RECORD_HOST (self));
  PL_RECORD_HOST_GET_IFACE (self)->forget (self, record);
}

void
pl_record_host_report_read_failure (PlRecordHost *self,
                                    const GError *error)
{
  g_return_if_fail (PL_IS_RECORD_HOST (self));
  PL_RECORD_HOST_GET_IFACE (self)->report_read_failure (self, error);
}

void
pl_record_host_report_write_failure (PlRecordHost *self,
                                     const GError *error)
{
  g_return_if_fail (PL_IS_RECORD_HOST (self));
  PL_RECORD_HOST_GET_IFACE (self)->report_write_failure (self, error);
}
