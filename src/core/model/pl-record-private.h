/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

/*
 * For the record types of this wing only (PlPillar, PlAction, ...): how a
 * subclass declares its stored properties and reads them back. The store
 * and the document load and attach records through pl-record-loading.h.
 */

void         pl_record_class_install     (PlRecordClass *klass,
                                          const char    *table,
                                          const char    *parent_prop,
                                          gboolean       ordered,
                                          guint          n_props,
                                          GParamSpec   **pspecs);

/* Big text columns (narrative) that are loaded only when first read, so
 * opening a document does not copy every pillar's narrative. */
void         pl_record_class_set_lazy    (PlRecordClass *klass,
                                          const char    *first_property,
                                          ...) G_GNUC_NULL_TERMINATED;

/* Text fields that may not be empty (nor only spaces): titles, names, what
 * was said. */
void         pl_record_class_set_required (PlRecordClass *klass,
                                          const char    *first_property,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Two text fields of which at least one must be filled in (a stakeholder
 * known by name, by organisation, or both). */
void         pl_record_class_set_either  (PlRecordClass *klass,
                                          const char    *first_property,
                                          const char    *second_property);
/* Two date fields that make a period: each empty or a real date
 * (YYYY-MM-DD, or YYYY too with @years), the start not after the end. */
void         pl_record_class_set_period  (PlRecordClass *klass,
                                          const char    *start_property,
                                          const char    *end_property,
                                          gboolean       years);

const char  *pl_record_get_string_by_id  (PlRecord      *self,
                                          guint          prop_id);
gint64       pl_record_get_int_by_id     (PlRecord      *self,
                                          guint          prop_id);

G_END_DECLS
