/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "pl-types.h"

G_BEGIN_DECLS

/*
 * PlRecord: one row of the document. Subclasses only declare GObject
 * properties; the base class stores their values and writes them through
 * to the document. A property "lead-agency" is the column "lead_agency".
 *
 * Setting a property with g_object_set() (or through a binding) writes it to
 * the file at once; a failure is reported by the document's "write-failed"
 * signal. Use pl_record_set() to get the GError directly.
 *
 * The record reaches its document only through the PlRecordHost interface
 * (pl-record-host.h), so this wing includes neither the document nor the
 * store; pl_record_get_document() is declared in pl-document.h.
 */
#define PL_TYPE_RECORD (pl_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (PlRecord, pl_record, PL, RECORD, GObject)

struct _PlRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char  *table;        /* SQL table */
  const char  *parent_prop;  /* property holding the parent id, or NULL */
  gboolean     ordered;      /* has a "position" among its siblings */
  GParamSpec **pspecs;       /* the stored properties, index = prop_id - 1 */
  guint        n_pspecs;
  guint64      lazy_mask;    /* bit i: pspecs[i] is read from the file when first used */
  guint        parent_index; /* pspecs[parent_index] is parent_prop */
  guint64      required_mask; /* bit i: pspecs[i] may not be empty */
  int          period_start; /* index of the start date of a period, or -1 */
  int          period_end;   /* index of its end date, or -1 */
  gboolean     period_years; /* a year alone ("2027") is a date of the period */
  int          either_first; /* with either_second: indexes of two fields of */
  int          either_second;/* which one at least is filled in, or -1 */
};

gint64       pl_record_get_id          (PlRecord    *self);
const char  *pl_record_get_uuid        (PlRecord    *self);
const char  *pl_record_get_created_at  (PlRecord    *self);
const char  *pl_record_get_updated_at  (PlRecord    *self);
gint64       pl_record_get_position    (PlRecord    *self);
gboolean     pl_record_is_deleted      (PlRecord    *self);

/* Like g_object_set(): property name / value pairs, NULL terminated.
 * Strings are const char*, gint64 properties take gint64, enums and
 * booleans take int. Written to the file in one transaction. */
gboolean     pl_record_set             (PlRecord    *self,
                                        GError     **error,
                                        const char  *first_property,
                                        ...) G_GNUC_NULL_TERMINATED;
gboolean     pl_record_set_value       (PlRecord     *self,
                                        const char   *property,
                                        const GValue *value,
                                        GError      **error);

/* Convenience readers by property name (no copy). */
const char  *pl_record_get_string      (PlRecord    *self,
                                        const char  *property);
gint64       pl_record_get_int         (PlRecord    *self,
                                        const char  *property);

G_END_DECLS
