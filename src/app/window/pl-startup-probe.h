/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * PlStartupProbe: measures start-up for the benchmark (tests/bench,
 * build-aux/bench.sh). It watches the application's first window and, once
 * that window has drawn its first frame, prints "first-frame-ms: N" on
 * standard error: N counts from the start of the process (as the kernel
 * saw it, so loading libraries before main() counts too). With
 * "exit-after-first-frame" it then quits the application as Ctrl+Q does
 * (app.quit: windows close their documents first).
 *
 * Properties: "application" (GtkApplication, construct-only, not owned:
 * the application keeps the probe), "exit-after-first-frame" (gboolean,
 * construct-only).
 */
#define PL_TYPE_STARTUP_PROBE (pl_startup_probe_get_type ())
G_DECLARE_FINAL_TYPE (PlStartupProbe, pl_startup_probe, PL, STARTUP_PROBE, GObject)

PlStartupProbe *pl_startup_probe_new (GtkApplication *application,
                                      gboolean        exit_after_first_frame);

G_END_DECLS
