/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pl-types.h"

G_BEGIN_DECLS

/*
 * PlRecordHost: what a record needs from whoever keeps it (the document),
 * so the model knows neither the document nor the store. A record holds
 * its host unowned; the host detaches its records (pl_record_attach (r,
 * NULL)) before it goes away.
 *
 *  fetch_field: reads one lazy column of @record from the file into @value
 *     (initialised to the property's type).
 *  update: writes @n values of @record in one transaction and, on success,
 *     updates the record and tells whoever listens.
 *  forget: @record is being finalised; drop any pointer to it.
 *  report_read_failure, report_write_failure: a read or a write that had no
 *     caller to hand its GError to (a lazy getter, a property setter) failed.
 */
#define PL_TYPE_RECORD_HOST (pl_record_host_get_type ())
G_DECLARE_INTERFACE (PlRecordHost, pl_record_host, PL, RECORD_HOST, GObject)

struct _PlRecordHostInterface
{
  GTypeInterface parent_iface;

  gboolean (*fetch_field)          (PlRecordHost  *self,
                                    PlRecord      *record,
                                    GParamSpec    *pspec,
                                    GValue        *value,
                                    GError       **error);
  gboolean (*update)               (PlRecordHost  *self,
                                    PlRecord      *record,
                                    guint          n,
                                    GParamSpec   **pspecs,
                                    const GValue  *values,
                                    GError       **error);
  void     (*forget)               (PlRecordHost  *self,
                                    PlRecord      *record);
  void     (*report_read_failure)  (PlRecordHost  *self,
                                    const GError  *error);
  void     (*report_write_failure) (PlRecordHost  *self,
                                    const GError  *error);
};

gboolean  pl_record_host_fetch_field          (PlRecordHost  *self,
                                               PlRecord      *record,
                                               GParamSpec    *pspec,
                                               GValue        *value,
                                               GError       **error);
gboolean  pl_record_host_update               (PlRecordHost  *self,
                                               PlRecord      *record,
                                               guint          n,
                                               GParamSpec   **pspecs,
                                               const GValue  *values,
                                               GError       **error);
void      pl_record_host_forget               (PlRecordHost  *self,
                                               PlRecord      *record);
void      pl_record_host_report_read_failure  (PlRecordHost  *self,
                                               const GError  *error);
void      pl_record_host_report_write_failure (PlRecordHost  *self,
                                               const GError  *error);

G_END_DECLS
