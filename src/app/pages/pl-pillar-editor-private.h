/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-pillar-editor.h"

G_BEGIN_DECLS

/* For tests: whether the page has been built and filled yet. */
gboolean       pl_pillar_editor_is_loaded          (PlPillarEditor *self);

G_END_DECLS
