/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

typedef enum {
  PL_DEMO_SMALL,  /* the example strategy shown to new users */
  PL_DEMO_BIG,    /* the benchmark document: 12 pillars, ~3,000 actions, 20,000 feedback */
} PlDemoSize;

/* Creates @path (which must not exist) holding the example strategy of
 * the fictional Republic of Kestrel Islands. Deterministic for a size. */
PlDocument *pl_demo_create (const char  *path,
                            PlDemoSize   size,
                            GError     **error);

G_END_DECLS
