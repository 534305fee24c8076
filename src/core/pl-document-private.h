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
void      pl_document_report_write_failure   (PlDocument    *self,
                                              const GError  *error);
void      pl_document_forget_record          (PlDocument    *self,
                                              PlRecord      *record);
PlStore  *pl_document_get_store              (PlDocument    *self);
void      pl_document_register_feedback_list   (PlDocument     *self,
                                                PlFeedbackList *list);
void      pl_document_unregister_feedback_list (PlDocument     *self,
                                                PlFeedbackList *list);
/* Fills a new document with the standard template. */
gboolean  pl_template_apply                  (PlDocument    *self,
                                              PlTemplate     template_,
                                              GError       **error);

/* PlFeedbackList, driven by the document. */
void      pl_feedback_list_sync_item         (PlFeedbackList *self,
                                              PlFeedback     *feedback,
                                              gboolean        was_open);

G_END_DECLS
