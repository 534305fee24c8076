/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_STORE_SCHEMA_VERSION 6
/* PRAGMA application_id of every .pillars file: "PLRS" (PL_APPLICATION_ID
 * of the document). */
#define PL_STORE_APPLICATION_ID 0x504c5253

/* The SQL that takes a file from @to_version - 1 to @to_version. */
const char *pl_store_schema_migration (int to_version);

G_END_DECLS
