/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-autosave.h"
#include "pl-feedback-pane.h"
#include "pl-overview-page.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* Shared by pl-window.c (document, tabs, pane, closing) and
 * pl-window-actions.c (commands and shortcuts). */
struct _PlWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *new_pillar_button;
  GtkWidget            *feedback_button;
  GtkMenuButton        *status_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *status_menu;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *recent_group;    /* welcome page only (owned by main_stack) */
  GtkListBox           *recent_list;
  GtkPaned             *paned;
  PlFeedbackPane       *feedback_pane;
  AdwTabBar            *tab_bar;
  AdwTabView           *tab_view;
  AdwBin               *feedback_slot;

  GSettings            *settings;
  PlDocument           *document;
  PlAutosave           *autosave;
  PlOverviewPage       *overview;
  PlPlanPage           *plan;
  AdwTabPage           *overview_page;
  AdwTabPage           *plan_page;
  GHashTable           *pillar_pages;    /* PlPillar* → AdwTabPage* (both owned by others) */
  AdwTabPage           *menu_page;       /* the tab whose context menu is open */
  PlPillarEditor       *watched_editor;  /* front editor whose target we follow */
  PlRecord             *current_target;
  gboolean              feedback_visible;
  gboolean              reconciling;
  gboolean              closed;
  gboolean              close_anyway;   /* the drafter accepted to lose unsaved text */
  gboolean              save_failed;    /* the last write failed and text is still pending */
  gboolean              tab_tooltips;   /* set after the first frame */
  guint                 normalize_id;
  guint                 menu_closed_id;
};


gboolean        pl_window_is_editable            (PlWindow       *self);
PlPillarEditor *pl_window_page_editor            (AdwTabPage     *page);
PlPillarEditor *pl_window_front_editor           (PlWindow       *self);
void            pl_window_update_current_target  (PlWindow       *self);
void            pl_window_update_page_actions    (PlWindow       *self);
void            pl_window_ask_remove_pillar      (PlWindow       *self,
                                                  PlPillar       *pillar);
void            pl_window_setup_menu_cb          (AdwTabView     *view,
                                                  AdwTabPage     *page,
                                                  PlWindow       *self);
void            pl_window_class_install_actions  (GtkWidgetClass *widget_class);

G_END_DECLS
