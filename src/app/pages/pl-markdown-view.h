/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/*
 * PlMarkdownView: the Markdown editor used for every narrative text. A
 * GtkSourceView with the markdown language, word wrapping, undo/redo and an
 * Adwaita style scheme that follows the light/dark style of the desktop.
 */
#define PL_TYPE_MARKDOWN_VIEW (pl_markdown_view_get_type ())
G_DECLARE_FINAL_TYPE (PlMarkdownView, pl_markdown_view, PL, MARKDOWN_VIEW, GtkSourceView)

GtkWidget *pl_markdown_view_new (void);

/* Selects the first occurrence of @text and scrolls to it. */
gboolean   pl_markdown_view_select_text (PlMarkdownView *self,
                                         const char     *text);

G_END_DECLS
