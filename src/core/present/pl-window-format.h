/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-enums.h"

G_BEGIN_DECLS

/*
 * The view logic of the window's header: what its subtitle says. A pure
 * function of values, so it is tested without a display.
 */

/* Lifecycle status, save state ("Saved", "Saving…", "Not saved" after a
 * failed write, "Read-only") and the live workshop if any, e.g.
 * "Validation · Saved · Live — National workshop". */
char        *pl_window_format_subtitle           (PlLifecycle      status,
                                                  gboolean         read_only,
                                                  gboolean         pending,
                                                  gboolean         failed,
                                                  const char      *live);

G_END_DECLS
