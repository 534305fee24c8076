/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-workshops-dialog.h"

G_BEGIN_DECLS

/* For tests. */
/* The row editing @workshop (an AdwExpanderRow), or NULL. */
GtkWidget  *pl_workshops_dialog_get_row      (PlWorkshopsDialog *self,
                                              PlWorkshop        *workshop);

G_END_DECLS
