/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * PlAnnouncer: where a window tells screen readers what changed out of
 * their sight ("Saved", "Live — National validation workshop", "Added
 * Recommendation — Grace Mwale, Ministry of ICT"). GTK 4.8 has neither an
 * announcement call (gtk_accessible_announce() is GTK 4.14) nor live
 * regions; this widget takes no room, has the status role (AT-SPI's
 * "status bar") and takes each message as its accessible name, which
 * AT-SPI reports as object:property-change:accessible-name.
 *
 * Properties: "message" (read-only, the last message announced).
 */
#define PL_TYPE_ANNOUNCER (pl_announcer_get_type ())
G_DECLARE_FINAL_TYPE (PlAnnouncer, pl_announcer, PL, ANNOUNCER, GtkWidget)

GtkWidget  *pl_announcer_new          (void);
const char *pl_announcer_get_message  (PlAnnouncer *self);
/* Says @message, even when it is the one said last. */
void        pl_announcer_announce     (PlAnnouncer *self,
                                       const char  *message);
/* The announcer in @widget's window, or NULL. */
PlAnnouncer *pl_announcer_find        (GtkWidget   *widget);
/* Says @message through the announcer in @widget's window; nothing when
 * that window has none. */
void        pl_announcer_announce_in  (GtkWidget   *widget,
                                       const char  *message);

G_END_DECLS
