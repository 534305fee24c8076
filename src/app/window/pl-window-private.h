/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-autosave.h"
#include "pl-export.h"
#include "pl-feedback-pane.h"
#include "pl-overview-page.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* Shared by pl-window.c (document, header, messages, side pane, closing),
 * pl-window-tabs.c (the tabs and what the front one is about) and
 * pl-window-actions.c (commands and shortcuts). Tests include it too. */
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
  GtkPaned             *paned;
  AdwFlap              *flap;           /* narrow windows: the pane over the tabs */
  AdwClamp             *flap_clamp;
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

/* pl-window.c */
gboolean        pl_window_is_editable            (PlWindow       *self);
void            pl_window_set_current_target     (PlWindow       *self,
                                                  PlRecord       *target);

/* pl-window-tabs.c */
void            pl_window_tabs_init              (PlWindow       *self);
void            pl_window_tabs_close             (PlWindow       *self);
void            pl_window_tabs_dispose           (PlWindow       *self);
PlPillarEditor *pl_window_page_editor            (AdwTabPage     *page);
PlPillarEditor *pl_window_front_editor           (PlWindow       *self);
void            pl_window_update_current_target  (PlWindow       *self);
void            pl_window_front_tab_changed      (PlWindow       *self);
void            pl_window_show_tab_tooltips      (GtkWidget      *widget);
/* Makes the tabs again (their editors take their editability when made),
 * keeping the front one. */
void            pl_window_tabs_rebuild           (PlWindow       *self);

/* pl-window-actions.c */
void            pl_window_update_page_actions    (PlWindow       *self);
void            pl_window_ask_remove_pillar      (PlWindow       *self,
                                                  PlPillar       *pillar);
void            pl_window_setup_menu_cb          (AdwTabView     *view,
                                                  AdwTabPage     *page,
                                                  PlWindow       *self);
void            pl_window_class_install_actions  (GtkWidgetClass *widget_class);

/* pl-window-versions.c: the Snapshots and Compare views, and the lock of
 * a strategy in cabinet review or adopted. */
void            _pl_window_versions_class_install (GtkWidgetClass *widget_class);
void            _pl_window_versions_install      (PlWindow       *self);
/* The text is locked: cabinet review or adopted, not unlocked this session. */
gboolean        _pl_window_versions_locked       (PlWindow       *self);
/* Locked because adopted: the actions' status can still change. */
gboolean        _pl_window_versions_tracks_progress (PlWindow    *self);
gboolean        _pl_window_versions_get_unlocked (PlWindow       *self);
/* Unlocks for the session after taking a snapshot labelled with @reason. */
gboolean        _pl_window_versions_unlock       (PlWindow       *self,
                                                  const char     *reason,
                                                  GError        **error);
/* pl-window-input.c: keys wherever the focus is, first focus, tab × */
void            _pl_window_input_install         (PlWindow       *self);
/* pl-window-layout.c: the focus shown after F6; the feedback pane placed
 * at its saved width once the window's real width is known */
void            _pl_window_layout_install        (PlWindow       *self);
void            _pl_window_layout_place_pane     (PlWindow       *self);
gboolean        _pl_window_layout_pane_placed    (PlWindow       *self);
/* Narrow windows: below a width the pane leaves the paned and slides over
 * the tabs (an AdwFlap overlay) instead of squeezing them. */
gboolean        _pl_window_layout_folded         (PlWindow       *self);
/* Shows or hides the side pane, beside the tabs or over them. */
void            _pl_window_layout_show_pane      (PlWindow       *self,
                                                  gboolean        has_pane,
                                                  gboolean        shown);
/* pl-window-undo.c: win.undo and win.redo over the document's history */
void            _pl_window_undo_install          (PlWindow       *self);
/* pl-window-import.c: win.import (a draft: chooser, preview, new strategy),
 * win.import-comments (a matrix: chooser, then a preview) and their
 * *-from variants taking a path (for scripts and tests). */
void            _pl_window_import_install        (PlWindow       *self);
/* pl-window-review.c: win.import-review (returned review copies, several
 * at once: chooser, then a preview) and win.import-review-from (a path). */
void            _pl_window_review_install        (PlWindow       *self);
/* pl-window-export.c: after an export, a toast to open the file or to read
 * what was left out. */
void            _pl_window_export_install        (PlWindow       *self);
void            _pl_window_export_done           (PlWindow             *self,
                                                  const char           *path,
                                                  const PlExportReport *report);
/* One line per kind of content left out, or NULL. */
char           *_pl_window_export_details        (const PlExportReport *report);
/* For tests: the last toast _pl_window_export_done() showed. */
AdwToast       *_pl_window_export_get_last_toast (PlWindow       *self);

/* What tests look at and drive; nothing outside the window needs it. */
AdwTabView    *pl_window_get_tab_view       (PlWindow       *self);
PlRecord      *pl_window_get_current_target (PlWindow       *self);
/* The text buffer of the editor in front, or NULL. */
GtkTextBuffer *pl_window_get_current_buffer (PlWindow       *self);
/* Switches to the tab of @target (NULL: the strategy) and selects @quote
 * in its editor; FALSE if the target or the quote is not found. */
gboolean       pl_window_show_passage       (PlWindow       *self,
                                             PlRecord       *target,
                                             const char     *quote);
/* The tab of a pillar (NULL if none). */
AdwTabPage    *pl_window_get_pillar_page    (PlWindow       *self,
                                             PlPillar       *pillar);
/* Writes a copy of the document to @path (e.g. to edit a read-only one). */
gboolean       pl_window_save_copy          (PlWindow       *self,
                                             const char     *path,
                                             GError        **error);
/* The side pane (the feedback pane); NULL removes it. */
void           pl_window_set_side_pane      (PlWindow       *self,
                                             GtkWidget      *pane);
GtkWidget     *pl_window_get_side_pane      (PlWindow       *self);
/* Writes everything typed, closes the file and lets go of its lock. */
void           pl_window_close_document     (PlWindow       *self);
/* pl-window-chooser.c: the file chooser of the actions that bring files
 * in. A kind with neither MIME types nor suffixes is "All files"; @name is
 * marked with N_(). @chosen gets the files when some were chosen. */
typedef struct {
  const char        *name;
  const char *const *mime_types;
  const char *const *suffixes;
} PlWindowFileKind;
typedef void (*PlWindowFilesChosen) (PlWindow   *self,
                                     GListModel *files);
void           _pl_window_choose_files      (PlWindow               *self,
                                             const char             *title,
                                             gboolean                multiple,
                                             const PlWindowFileKind *kinds,
                                             guint                   n_kinds,
                                             PlWindowFilesChosen     chosen);
/* The local paths of @files (those without one are left out). */
GPtrArray     *_pl_window_files_to_paths    (GListModel             *files);
/* "Merge Captures…" (pl-window-merge.c). */
void           _pl_window_merge_install     (PlWindow       *self);
/* "Search Strategy…" (pl-window-search.c): win.search, Ctrl+Shift+F, and
 * win.search-for with the words given. */
void           _pl_window_search_install    (PlWindow       *self);
/* pl-window-announce.c: the window's announcer for screen readers (live,
 * captured; "Saved" is said by win.flush). */
void           _pl_window_announce_install  (PlWindow       *self);

G_END_DECLS
