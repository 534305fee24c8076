/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback wing's tests share one fixture: a fresh standard document
 * with a workshop, a stakeholder and an objective, and a PlFeedbackPane in
 * a window of its own. */
#pragma once

#include "pl-capture-bar-private.h"
#include "pl-feedback-pane-private.h"
#include "pl-test-app.h"

G_BEGIN_DECLS

typedef struct {
  char           *dir;
  char           *path;
  PlDocument     *doc;
  PlPillar       *pillar;      /* the second pillar, "Awareness raising" */
  PlObjective    *objective;
  PlWorkshop     *workshop;
  PlStakeholder  *karim;
  GtkWindow      *window;
  PlFeedbackPane *pane;
  PlCaptureBar   *bar;
} Fixture;

void        fixture_set_up    (Fixture       *f,
                               gconstpointer  data);
void        fixture_tear_down (Fixture       *f,
                               gconstpointer  data);

#define ADD_FIXTURE_TEST(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

/* pl_test_init () with the app's style sheet, as the application has it. */
void        feedback_test_init (int    *argc,
                                char ***argv);

/* The file as another program sees it. */
PlDocument *open_copy         (Fixture       *f);
/* Types into the capture bar's own fields and presses Enter (capture.add). */
void        type_capture      (Fixture       *f,
                               const char    *stakeholder,
                               int            kind,
                               const char    *text);
/* Saves a screenshot of the fixture's window as feedback-pane-@name. */
GdkTexture *feedback_capture  (Fixture       *f,
                               const char    *name);
void        feedback_screenshot (Fixture     *f,
                                 const char  *name);

G_END_DECLS
