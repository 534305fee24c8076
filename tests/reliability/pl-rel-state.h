/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A canonical dump of a document's content: what a user would see,
 * without what differs between a run and its replay (uuids, timestamps).
 * The reliability harnesses compare states by its hash. */

#include "pl-document.h"

G_BEGIN_DECLS

/* Canonical text of everything a user can see in @doc, read through the
 * same models the window binds to. */
char       *pl_rel_dump             (PlDocument  *doc);
/* SHA-256 of pl_rel_dump(). */
char       *pl_rel_hash             (PlDocument  *doc);

G_END_DECLS
