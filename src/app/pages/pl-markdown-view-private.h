/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-markdown-view.h"

G_BEGIN_DECLS

/* For tests. */
GtkSourceBuffer *pl_markdown_view_get_source_buffer (PlMarkdownView *self);

G_END_DECLS
