/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-window.h"

G_BEGIN_DECLS

/*
 * PlApplication: opens documents (command line, file chooser, recent
 * documents, the example), one window per document, and keeps the list
 * of recent documents.
 */
#define PL_TYPE_APPLICATION (pl_application_get_type ())
G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, AdwApplication)

PlApplication *pl_application_new            (GApplicationFlags  flags);
/* Opens @path in a window (or brings forward the window that has it).
 * On failure shows the core's message in a dialog and returns NULL;
 * no window is left behind. */
PlWindow      *pl_application_open_path      (PlApplication     *self,
                                              const char        *path);
/* Opens @path without ever writing to it. */
PlWindow      *pl_application_open_path_read_only (PlApplication *self,
                                                   const char    *path);
/* Creates a new strategy at @path from the standard template and opens it. */
PlWindow      *pl_application_create_path    (PlApplication     *self,
                                              const char        *path);
/* Creates (if missing) and opens the example strategy in the user data
 * directory. */
PlWindow      *pl_application_open_example   (PlApplication     *self);
/* The window showing @path, or NULL. */
PlWindow      *pl_application_find_window    (PlApplication     *self,
                                              const char        *path);
void           pl_application_add_recent     (PlApplication     *self,
                                              const char        *path);

G_END_DECLS
