/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by pl-feedback-pane.c and pl-feedback-pane-actions.c; tests use
 * the parts at the end. */
#pragma once

#include <adwaita.h>

#include "pl-capture-bar.h"
#include "pl-feedback-detail.h"
#include "pl-feedback-filter-bar.h"
#include "pl-feedback-pane.h"
#include "pl-live-workshop-bar.h"

G_BEGIN_DECLS

struct _PlFeedbackPane
{
  GtkWidget           parent_instance;

  PlDocument         *document;
  PlRecord           *target;
  GtkTextBuffer      *quote_buffer;
  PlWorkshop         *active_workshop;
  PlFeedbackList     *list;
  GtkSliceListModel  *rows;           /* the list, only its first rows until the first frame is drawn */
  GtkSingleSelection *selection;
  GPtrArray          *workshops;      /* PlWorkshop, the entries after the first of the live dropdown */
  GHashTable         *bound_rows;     /* PlFeedbackRow currently showing an item (unowned) */
  PlFeedback         *last_deleted;
  PlFeedback         *watched;        /* the item in the detail area, for its action states */
  gulong              watched_id;
  guint               preload_id;     /* idle reading every item, after the first frame */
  guint               grow_id;        /* idle giving the view back its rows (pl-feedback-pane-rows.c) */
  gboolean            updating;

  PlCaptureBar       *capture_bar;
  PlFeedbackFilterBar *filter_bar;

  AdwToastOverlay    *toast_overlay;
  PlLiveWorkshopBar  *live_bar;
  GtkDropDown        *live_dropdown;
  GtkBox             *capture_slot;
  GtkRevealer        *capture_revealer;
  GtkWidget          *new_capture_button;
  GtkMenuButton      *pane_menu_button;
  GMenuModel         *pane_menu;
  GtkBox             *filter_slot;
  GtkScrolledWindow  *top_scroller;
  gboolean            capture_wanted;     /* no item open: the bar would show */
  gboolean            capture_short;      /* the pane is too short for the bar and the filters */
  gboolean            capture_opened;     /* opened on purpose (Alt+S, Capture…), until left */
  gboolean            capture_left;       /* the focus left the bar: fold it at the next frame */
  guint               capture_tick_id;
  GtkPaned           *paned;
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroller;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  GtkScrolledWindow  *detail_scroller;
  PlFeedbackDetail   *detail;
};

/* pl-feedback-pane-layout.c */
void            _pl_feedback_pane_layout_class_init  (GtkWidgetClass *widget_class);
void            _pl_feedback_pane_layout_init        (PlFeedbackPane *self);
void            _pl_feedback_pane_apply_capture      (PlFeedbackPane *self);
void            _pl_feedback_pane_open_capture       (PlFeedbackPane *self);

void            pl_feedback_pane_install_actions     (GtkWidgetClass *widget_class);
void            pl_feedback_pane_update_actions      (PlFeedbackPane *self);
/* Shows @feedback (or nothing) in the detail area. */
void            pl_feedback_pane_show_in_detail      (PlFeedbackPane *self,
                                                      PlFeedback     *feedback);
/* pl-feedback-pane-rows.c: the view sees what fits on screen while the
 * list changes, the rest when the user goes to the list. */
guint           pl_feedback_pane_screen_rows         (void);
void            pl_feedback_pane_rows_watch          (PlFeedbackPane *self);
void            pl_feedback_pane_rows_before_change  (PlFeedbackPane *self);
void            pl_feedback_pane_rows_grow           (PlFeedbackPane *self);
void            pl_feedback_pane_rows_stop           (PlFeedbackPane *self);
void            pl_feedback_pane_emit_show_passage   (PlFeedbackPane *self,
                                                      PlFeedback     *feedback);

/* Parts, for tests. */
GtkWidget      *pl_feedback_pane_get_capture_bar     (PlFeedbackPane *self);
GtkWidget      *pl_feedback_pane_get_detail          (PlFeedbackPane *self);
/* The filtered list shown (a PlFeedbackList). */
GListModel     *pl_feedback_pane_get_model           (PlFeedbackPane *self);
/* A filter control by name: "scope", "kind", "disposition", "workshop",
 * "sector" (GtkDropDown), "orphaned" (GtkCheckButton), "search"
 * (GtkSearchEntry), "live" (the GtkDropDown of workshop mode). */
GtkWidget      *pl_feedback_pane_get_filter          (PlFeedbackPane *self,
                                                      const char     *name);

G_END_DECLS
