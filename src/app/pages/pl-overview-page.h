/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlOverviewPage: the first tab: the strategy's title, country, version,
 * lead agency, classification marking, status and vision, and each
 * front-matter section in a Markdown editor.
 *
 * Properties: "autosave", "editable" (construct-only); "current-target"
 * (PlRecord, read-only): the section being edited, or NULL for the
 * strategy itself (vision and the fields above it).
 */
#define PL_TYPE_OVERVIEW_PAGE (pl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PlOverviewPage, pl_overview_page, PL, OVERVIEW_PAGE, AdwBin)

GtkWidget     *pl_overview_page_new                (PlAutosave     *autosave,
                                                    gboolean        editable);
PlRecord      *pl_overview_page_get_current_target (PlOverviewPage *self);
GtkTextBuffer *pl_overview_page_get_current_buffer (PlOverviewPage *self);
/* Shows @target (a PlSection, or NULL for the vision) and selects @quote. */
gboolean       pl_overview_page_show_passage       (PlOverviewPage *self,
                                                    PlRecord       *target,
                                                    const char     *quote);

G_END_DECLS
