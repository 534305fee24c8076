/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"
#include "pl-store.h"

G_BEGIN_DECLS

gboolean  pl_document_update_record          (PlDocument    *self,
                                              PlRecord      *record,
                                              guint          n,
                                              GParamSpec   **pspecs,
                                              const GValue  *values,
                                              GError       **error);
/* Replaces each fresh record in @records by the document's own object
 * for that row (attached), so a row is always one object. */
void      pl_document_intern_records         (PlDocument    *self,
                                              GPtrArray     *records);
/* Reads one column of @record from the file into @value (initialised). */
gboolean  pl_document_fetch_field            (PlDocument    *self,
                                              PlRecord      *record,
                                              GParamSpec    *pspec,
                                              GValue        *value,
                                              GError       **error);
void      pl_document_report_write_failure   (PlDocument    *self,
                                              const GError  *error);
void      pl_document_forget_record          (PlDocument    *self,
                                              PlRecord      *record);
PlStore  *pl_document_get_store              (PlDocument    *self);
/* Many reads from one snapshot of the file (exports): begin, then end
 * with pl_document_end_read(). */
gboolean  pl_document_begin_read             (PlDocument    *self,
                                              GError       **error);
void      pl_document_end_read               (PlDocument    *self);
/* Loads every objective (with its description), or every action, in one
 * query into the per-parent models (those not loaded yet), for exporters
 * that walk them all. */
gboolean  pl_document_preload                (PlDocument    *self,
                                              GType          type,
                                              GError       **error);
/* Every live row of @type in one query, as the document's own objects
 * (transfer full array). For exporters that need them all. */
GPtrArray *pl_document_load_all              (PlDocument    *self,
                                              GType          type,
                                              GError       **error);
void      pl_document_register_feedback_list   (PlDocument     *self,
                                                PlFeedbackList *list);
void      pl_document_unregister_feedback_list (PlDocument     *self,
                                                PlFeedbackList *list);
/* Fills a new document with the standard template. */
gboolean  pl_template_apply                  (PlDocument    *self,
                                              PlTemplate     template_,
                                              GError       **error);

/* PlFeedbackList, driven by the document. */
void      pl_feedback_list_refresh           (PlFeedbackList *self);
/* @is_new: the item was in no list before (captured or restored). */
void      pl_feedback_list_sync_item         (PlFeedbackList *self,
                                              PlFeedback     *feedback,
                                              gboolean        was_open,
                                              gboolean        is_new);

G_END_DECLS
