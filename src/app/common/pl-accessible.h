/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives every unnamed control under @root an accessible name a screen
 * reader can say: an icon-only button, menu button or drop-down takes its
 * tooltip ("New Pillar (Ctrl+Shift+N)" says "New Pillar"), a search entry
 * its placeholder, a drop-down's inner button the drop-down's name. GTK 4.8
 * names none of these itself, and libadwaita's own buttons (a tab's close
 * button) have no other way to be named. Controls named with
 * pl_accessible_set_label() keep their name. */
void pl_accessible_name_controls (GtkWidget  *root);

/* From now on, whenever widgets map (a window, a new tab, rows, a
 * dialog's page), runs pl_accessible_name_controls() on their window once
 * the burst of mapping is over (at idle priority). Call once at startup. */
void pl_accessible_install       (void);

/* Sets @widget's accessible label and marks it as named by the app, so
 * pl_accessible_name_controls() leaves it alone. */
void pl_accessible_set_label     (GtkWidget  *widget,
                                  const char *label);

G_END_DECLS
