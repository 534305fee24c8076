/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkDropDown's own labels never shrink; in a side pane they must. The
 * button's label ellipsizes (its whole text as tooltip), the popup list
 * keeps the full text. For the dropdowns of strings of the feedback pane. */
void pl_narrow_drop_down (GtkDropDown *dropdown);

G_END_DECLS
