/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlLiveWorkshopBar: the banner across the feedback pane in workshop mode,
 * readable from the back of the room: "Live — National workshop, Kingston".
 * Hidden while no workshop is live.
 *
 * Property: "workshop" (PlWorkshop*, nullable): the live workshop.
 */
#define PL_TYPE_LIVE_WORKSHOP_BAR (pl_live_workshop_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlLiveWorkshopBar, pl_live_workshop_bar, PL, LIVE_WORKSHOP_BAR, GtkWidget)

GtkWidget  *pl_live_workshop_bar_new          (void);
PlWorkshop *pl_live_workshop_bar_get_workshop (PlLiveWorkshopBar *self);
void        pl_live_workshop_bar_set_workshop (PlLiveWorkshopBar *self,
                                               PlWorkshop        *workshop);
/* Shows the workshop's title and place again (after it was edited). */
void        pl_live_workshop_bar_refresh      (PlLiveWorkshopBar *self);

G_END_DECLS
