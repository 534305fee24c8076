/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  pl_file_same_as              (const char  *a,
                                        const char  *b);
gboolean  pl_file_has_sqlite_app_id    (const char  *path,
                                        gint32       application_id);
char     *pl_file_temp_name            (const char  *path);
void      pl_file_remove_leftovers     (const char  *path);
gboolean  pl_file_sync                 (const char  *path,
                                        GError     **error);
gboolean  pl_file_sync_folder_of       (const char  *path,
                                        GError     **error);
gboolean  pl_file_move_into_place      (const char  *from,
                                        const char  *to,
                                        gboolean     replace,
                                        GError     **error);
gboolean  pl_file_copy                 (const char  *from,
                                        const char  *to,
                                        GError     **error);

G_END_DECLS
