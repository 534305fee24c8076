/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every widget test shares: waiting for a condition (never for a
 * clock), temporary documents, finding widgets, screenshots and their
 * pixels. */
#pragma once

#include <adwaita.h>

#include "pl-application.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-window.h"
/* Tests may use the widgets' test-only API. */
#include "pl-export-dialog-private.h"
#include "pl-markdown-view-private.h"
#include "pl-pillar-editor-private.h"
#include "pl-plan-page-private.h"
#include "pl-stakeholders-dialog-private.h"
#include "pl-window-private.h"
#include "pl-workshops-dialog-private.h"

G_BEGIN_DECLS

/* A bound, not a wait: a condition that holds returns at once. */
#define PL_TEST_TIMEOUT_MS 10000

typedef gboolean (*PlTestCondition) (gpointer data);

/* Iterates the main context (blocking, so never at 100% CPU) until
 * @condition returns TRUE or @timeout_ms passed; then fails the test,
 * saying what it waited for. Returns whether the condition came true. */
gboolean     pl_test_wait_until         (PlTestCondition  condition,
                                         gpointer         data,
                                         guint            timeout_ms,
                                         const char      *what);

/* The same over an expression: wait_for (n_items (model) == 3); */
typedef struct {
  guint    source;
  gboolean expired;
} PlTestWait;

void         pl_test_wait_begin         (PlTestWait  *wait,
                                         guint        timeout_ms);
gboolean     pl_test_wait_iterate       (PlTestWait  *wait);
gboolean     pl_test_wait_end           (PlTestWait  *wait,
                                         gboolean     ok,
                                         const char  *what,
                                         const char  *file,
                                         int          line,
                                         const char  *func);

#define wait_for(expr)                                                             \
  G_STMT_START {                                                                   \
    PlTestWait pl_test_wait_;                                                      \
    gboolean pl_test_ok_;                                                          \
    pl_test_wait_begin (&pl_test_wait_, PL_TEST_TIMEOUT_MS);                       \
    while (!(pl_test_ok_ = !!(expr)) && pl_test_wait_iterate (&pl_test_wait_))     \
      ;                                                                            \
    pl_test_wait_end (&pl_test_wait_, pl_test_ok_, #expr, __FILE__, __LINE__, G_STRFUNC); \
  } G_STMT_END

/* Until @widget has drawn a frame after this call (its layout is current). */
void         pl_test_wait_for_frame     (GtkWidget   *widget);
void         pl_test_resize_window      (PlWindow    *window,
                                         int          width,
                                         int          height);
/* Until everything ready in the main context (down to the app's
 * low-priority idles) has run. */
void         pl_test_drain              (void);

/* Fresh, deterministic settings for a widget test program (no animations,
 * the app's style sheet as the application loads it). */
void         pl_test_init               (int          *argc,
                                         char       ***argv);
/* For tests without the application: ui/style.css, from the resources. */
void         pl_test_load_style         (void);

char        *pl_test_temp_dir           (void);
char        *pl_test_make_demo          (const char  *dir,
                                         const char  *name,
                                         PlDemoSize   size);
void         pl_test_remove_document    (const char  *path);
/* The file as another program sees it now. */
PlDocument  *pl_test_reopen_read_only   (const char  *path);

GtkWindow   *pl_test_find_toplevel      (GType        type);
void         pl_test_destroy_toplevels  (GType        type);

/* The first mapped widget of @type under @root, whose AdwPreferencesRow
 * title is @title and tooltip @tooltip (either may be NULL). */
GtkWidget   *pl_test_find_widget        (GtkWidget   *root,
                                         GType        type,
                                         const char  *title,
                                         const char  *tooltip);
/* The first widget of @type under @root, mapped or not (@root included). */
GtkWidget   *pl_test_find_any           (GtkWidget   *root,
                                         GType        type);
/* The first label under @root whose text starts with @prefix. */
GtkWidget   *pl_test_find_label         (GtkWidget   *root,
                                         const char  *prefix);
GtkWidget   *pl_test_find_button_with_label (GtkWidget *root,
                                             const char *label);

void         pl_test_type_at_end        (GtkTextBuffer *buffer,
                                         const char    *text);
char        *pl_test_buffer_text        (GtkTextBuffer *buffer);

/* Renders @widget after its next frame, saves it as screenshots/@name.png
 * in the build directory and returns what was drawn. */
GdkTexture  *pl_test_capture            (GtkWidget   *widget,
                                         const char  *name);
/* The same, for looking at only. */
void         pl_test_screenshot         (GtkWidget   *widget,
                                         const char  *name);
/* Mean relative luminance (0 black … 1 white) of @texture. */
double       pl_test_mean_luminance     (GdkTexture  *texture);
/* The share (0 … 1) of pixels whose colour differs noticeably. */
double       pl_test_changed_share      (GdkTexture  *a,
                                         GdkTexture  *b);
/* The colour (0 … 1) of the pixel at @x, @y. */
void         pl_test_pixel              (GdkTexture  *texture,
                                         int          x,
                                         int          y,
                                         double      *r,
                                         double      *g,
                                         double      *b);
/* Checks that @dark shows what @light showed, in a dark style. */
void         pl_test_assert_dark_of     (GdkTexture  *light,
                                         GdkTexture  *dark);

/* ---- the application and its windows ---- */

/* pl_test_init () plus a fresh user data folder and a registered, held
 * PlApplication, as a running application would be. */
PlApplication *pl_test_init_app         (int          *argc,
                                         char       ***argv);
/* Runs the tests, then lets the application go. */
int          pl_test_run_app            (void);

/* The visible PlWindows. */
GList       *pl_test_windows            (void);
gboolean     pl_test_is_toplevel        (gpointer     window);
/* Opens @path in a window and waits until it has drawn. */
PlWindow    *pl_test_open_window        (const char  *path);
/* Until @window is on screen and has drawn. */
void         pl_test_wait_shown         (gpointer     window);
/* Closes @window and waits until it is gone. */
void         pl_test_close_window       (PlWindow    *window);
AdwTabPage  *pl_test_nth_page           (PlWindow    *window,
                                         int          n);
void         pl_test_select_page        (PlWindow    *window,
                                         int          n);
const char  *pl_test_window_subtitle    (PlWindow    *window);
/* Waits until the header says everything typed is on disk. */
void         pl_test_wait_saved         (PlWindow    *window);
void         pl_test_click_undo         (PlWindow    *window);

G_END_DECLS
