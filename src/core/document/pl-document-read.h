/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * Many reads from one snapshot of the file, for exporters that walk the
 * whole document: begin, read (the models, or everything at once with the
 * calls below), then end with pl_document_end_read(). Everything read in
 * between comes from the same state of the file, in one read transaction.
 */

gboolean   pl_document_begin_read  (PlDocument  *self,
                                    GError     **error);
void       pl_document_end_read    (PlDocument  *self);
/* Loads every objective (with its description), or every action, in one
 * query into the per-parent models (those not loaded yet). */
gboolean   pl_document_preload     (PlDocument  *self,
                                    GType        type,
                                    GError     **error);
/* Every live row of @type in one query, as the document's own objects
 * (transfer full array). */
GPtrArray *pl_document_load_all    (PlDocument  *self,
                                    GType        type,
                                    GError     **error);

G_END_DECLS
