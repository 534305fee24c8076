/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Zip with limits against hostile archives (entry count, sizes, inflation
 * ratio, encryption, truncation; PL_IMPORT_ERROR with a message that says
 * what to do): a table of entry name -> GBytes for the entries wanted
 * (NULL-terminated names; others are counted but not read). Used by the
 * draft readers and by the review import (core/review). */
GHashTable *pl_import_zip_read   (GBytes *bytes, const char * const *wanted, GError **error);

G_END_DECLS
