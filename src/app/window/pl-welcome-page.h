/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * PlWelcomePage: what a window without a document shows: New, Open, the
 * example, and the recent documents (which open with app.open-recent).
 *
 * Property "settings" (GSettings, construct-only): where the list of
 * recent documents ("recent-documents") is kept; the page follows it.
 */
#define PL_TYPE_WELCOME_PAGE (pl_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (PlWelcomePage, pl_welcome_page, PL, WELCOME_PAGE, AdwBin)

GtkWidget *pl_welcome_page_new (GSettings *settings);

G_END_DECLS
