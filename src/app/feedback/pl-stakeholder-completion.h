/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* The stakeholder completion of the capture bar: a GtkEntryCompletion over
 * the document's registry that matches a typed text anywhere in the name or
 * the organisation, case aside, and shows the organisation dimmed. */
GtkEntryCompletion *pl_stakeholder_completion_new   (void);
void                pl_stakeholder_completion_fill  (GtkEntryCompletion *completion,
                                                     PlDocument         *document);
char               *pl_stakeholder_completion_name  (GtkTreeModel       *model,
                                                     GtkTreeIter        *iter);

G_END_DECLS
