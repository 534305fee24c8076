/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlWindow: one window per document. Without a document it shows the
 * welcome page (new, open, example, recent documents).
 *
 * Properties:
 *  "document" (PlDocument, construct-only, nullable)
 *  "current-target" (PlRecord, read-only, nullable): what the front tab is
 *     about: the pillar, or the objective/action selected in it; a PlSection
 *     being edited in the overview; NULL for the strategy or the plan.
 *  "feedback-visible" (gboolean): whether the side pane is shown (F9).
 *  "status" (string): the strategy's lifecycle status as a nick.
 *
 * Failures to write (the autosave's and the document's "write-failed") and
 * to read (the document's "read-failed") are shown in a toast that stays.
 */
#define PL_TYPE_WINDOW (pl_window_get_type ())
G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, AdwApplicationWindow)

PlWindow      *pl_window_new                (GtkApplication *application,
                                             PlDocument     *document);
PlDocument    *pl_window_get_document       (PlWindow       *self);

/* Writes all pending typing to the file now. */
gboolean       pl_window_flush              (PlWindow       *self,
                                             GError        **error);
/* Shows a toast that names @record ("Deleted action “…”") with an Undo
 * button that restores it; @title is said if the record has no name. */
void           pl_window_offer_undo         (PlWindow       *self,
                                             PlRecord       *record,
                                             const char     *title);
void           pl_window_show_error         (PlWindow       *self,
                                             const char     *heading,
                                             const GError   *error);
void           pl_window_add_toast          (PlWindow       *self,
                                             const char     *title);

G_END_DECLS
