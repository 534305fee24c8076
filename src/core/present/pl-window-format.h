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

/* The name a document goes by in titles and lists: its file name, without
 * the ".pillars" extension ("Strategy 2026" for ".../Strategy 2026.pillars"). */
char        *pl_window_format_display_name       (const char      *path);

G_END_DECLS
