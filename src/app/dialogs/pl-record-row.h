/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlRecordRow: one record of a registry dialog (workshops, stakeholders)
 * as an expander row: an entry row per text field, each change written to
 * the record at once (a field the record refuses turns red and says why in
 * its tooltip), then a Delete button. The dialog sets the row's title and
 * subtitle and may add rows of its own before the Delete button.
 *
 * Properties (construct-only):
 *  "record" (PlRecord)
 *  "fields" (GStrv): the record's string properties and their labels,
 *     alternating; the labels are marked for translation (N_) by the
 *     dialog and translated here.
 *  "delete-label" (string): the Delete button's label, with a mnemonic.
 *  "delete-action" (string): the action the Delete button activates, with
 *     the record's id ("x") as target.
 */
#define PL_TYPE_RECORD_ROW (pl_record_row_get_type ())
G_DECLARE_FINAL_TYPE (PlRecordRow, pl_record_row, PL, RECORD_ROW, AdwExpanderRow)

GtkWidget   *pl_record_row_new        (PlRecord           *record,
                                       const char * const *fields,
                                       const char         *delete_label,
                                       const char         *delete_action);
PlRecord    *pl_record_row_get_record (PlRecordRow        *self);
/* Adds @row to the expanded part, before the Delete button. */
void         pl_record_row_add_row    (PlRecordRow        *self,
                                       GtkWidget          *row);
/* Expands the row and selects its first field, to type over it. */
void         pl_record_row_edit       (PlRecordRow        *self);
/* The row of @record among the children of @list, or NULL. */
PlRecordRow *pl_record_row_find       (GtkListBox         *list,
                                       PlRecord           *record);

G_END_DECLS
