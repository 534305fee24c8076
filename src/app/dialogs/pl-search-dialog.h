/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"

G_BEGIN_DECLS

#define PL_TYPE_SEARCH_DIALOG (pl_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlSearchDialog, pl_search_dialog, PL, SEARCH_DIALOG, AdwWindow)

/* Search across the whole strategy: results grouped by where they are
 * (the strategy's sections, each pillar, feedback). Activating a result
 * emits ::hit-activated (record type, record id, the matched words) and
 * closes the dialog; the window does the jumping. */
PlSearchDialog *pl_search_dialog_new        (GtkWindow      *parent,
                                             PlDocument     *document);
void            pl_search_dialog_set_query  (PlSearchDialog *self,
                                             const char     *query);
/* For tests: the number of results listed and the row at @index. */
guint           pl_search_dialog_get_n_results (PlSearchDialog *self);
GtkWidget      *pl_search_dialog_get_row       (PlSearchDialog *self,
                                                guint           index);
/* The group heading of the row at @index ("Strategy", a pillar title, "Feedback"). */
const char     *pl_search_dialog_get_row_group (PlSearchDialog *self,
                                                guint           index);

G_END_DECLS
