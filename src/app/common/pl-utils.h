/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the application's GResource (compiled with --manual-register
 * into a static library) once; every template widget calls it first. */
void        pl_ensure_resources        (void);

/* A GtkStringList of the translated labels of every value of @enum_type,
 * in value order, for an AdwComboRow. (transfer full) */
GListModel *pl_enum_label_model        (GType        enum_type);
/* The same, the first @n_keyed labels followed by their key: "Government
 * (Alt+1)". (transfer full) */
GListModel *pl_enum_label_model_with_keys (GType      enum_type,
                                           guint      n_keyed);


/* Text of a GtkEditable or a GtkTextBuffer. (transfer full) */
char       *pl_text_source_get_text    (GObject     *source);
void        pl_text_source_set_text    (GObject     *source,
                                        const char  *text);

/* Calls @callback on @widget once, at low priority, after the first frame
 * that shows @widget has been drawn: for work that is not visible in that
 * frame (rows below the fold, syntax definitions of hidden editors). Not
 * called if @widget is finalized first. */
typedef void (*PlWidgetCallback) (GtkWidget *widget);

void        pl_after_first_frame       (GtkWidget        *widget,
                                        PlWidgetCallback  callback);

/* A GtkMenuButton builds its popover as soon as it has a menu model: this
 * gives @button @model only when it is first opened. */
void        pl_menu_button_set_menu_later (GtkMenuButton *button,
                                           GMenuModel    *model);

G_END_DECLS
