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
 */
#define PL_TYPE_WINDOW (pl_window_get_type ())
G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, AdwApplicationWindow)

PlWindow      *pl_window_new                (GtkApplication *application,
                                             PlDocument     *document);
PlDocument    *pl_window_get_document       (PlWindow       *self);
AdwTabView    *pl_window_get_tab_view       (PlWindow       *self);
PlRecord      *pl_window_get_current_target (PlWindow       *self);
/* The text buffer of the editor in front, or NULL. */
GtkTextBuffer *pl_window_get_current_buffer (PlWindow       *self);
/* Switches to the tab of @target (NULL: the strategy) and selects @quote
 * in its editor; FALSE if the target or the quote is not found. */
gboolean       pl_window_show_passage       (PlWindow       *self,
                                             PlRecord       *target,
                                             const char     *quote);
/* The tab of a pillar (NULL if none). */
AdwTabPage    *pl_window_get_pillar_page    (PlWindow       *self,
                                             PlPillar       *pillar);

/* Writes all pending typing to the file now. */
gboolean       pl_window_flush              (PlWindow       *self,
                                             GError        **error);
/* Writes a copy of the document to @path (e.g. to edit a read-only one). */
gboolean       pl_window_save_copy          (PlWindow       *self,
                                             const char     *path,
                                             GError        **error);
/* Shows a toast with an Undo button that restores @record. */
void           pl_window_offer_undo         (PlWindow       *self,
                                             PlRecord       *record,
                                             const char     *title);
void           pl_window_show_error         (PlWindow       *self,
                                             const char     *heading,
                                             const GError   *error);
void           pl_window_add_toast          (PlWindow       *self,
                                             const char     *title);

/* The side pane (the feedback pane); NULL removes it. */
void           pl_window_set_side_pane      (PlWindow       *self,
                                             GtkWidget      *pane);
GtkWidget     *pl_window_get_side_pane      (PlWindow       *self);

G_END_DECLS
