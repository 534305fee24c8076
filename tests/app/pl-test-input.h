/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-test-app.h"

G_BEGIN_DECLS

/* Real input for widget tests: key presses and typing sent through the X
 * server with xdotool, as a person's would be, so that a shortcut reaches
 * the window exactly as it does for a user (which actions alone miss). */

/* Whether real input can be sent (xdotool and an X display); if not,
 * marks the test skipped and returns FALSE. */
gboolean pl_test_can_send_input (void);
/* Runs xdotool with the NULL-terminated arguments; fails the test if it
 * fails. */
void     pl_test_xdotool        (const char *first,
                                 ...) G_GNUC_NULL_TERMINATED;
/* Gives @window the X input focus (there is no window manager under Xvfb)
 * and waits until GTK knows. */
void     pl_test_focus_window   (GtkWindow  *window);
/* Presses @keys (xdotool's names: "alt+s", "ctrl+shift+f"). */
void     pl_test_press          (const char *keys);
/* Types @text. */
void     pl_test_type           (const char *text);
/* Sends @keys to @window, first giving it the focus back (a dialog it was
 * under does not, without a window manager); FALSE when xdotool or X11 is
 * not there. */
gboolean pl_test_xdotool_key    (GtkWindow  *window,
                                 const char *keys);

G_END_DECLS
