/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* How long typing may pause before the text is written to the file. */
#define PL_AUTOSAVE_DELAY_MS 500

/*
 * PlAutosave: binds text widgets (a GtkEditable such as an AdwEntryRow, or a
 * GtkTextBuffer) to a string property of a PlRecord. Typing is debounced and
 * written with pl_record_set() PL_AUTOSAVE_DELAY_MS after the last key, so
 * the file holds it within a second; pl_autosave_flush() writes everything
 * pending at once (Ctrl+S, closing). A change of the record made elsewhere
 * is shown in the widget unless the drafter has unsaved typing in it.
 *
 * Properties: "document", "pending" (something typed is not written yet).
 * Signals: "write-failed" (GError *error).
 */
#define PL_TYPE_AUTOSAVE (pl_autosave_get_type ())
G_DECLARE_FINAL_TYPE (PlAutosave, pl_autosave, PL, AUTOSAVE, GObject)

PlAutosave *pl_autosave_new          (PlDocument  *document);
PlDocument *pl_autosave_get_document (PlAutosave  *self);
gboolean    pl_autosave_get_pending  (PlAutosave  *self);
/* Tells whoever shows errors (the window) that a change made beside the
 * autosave, e.g. adding or moving a record from a page, could not be
 * written: emits "write-failed". */
void        pl_autosave_report_error (PlAutosave   *self,
                                      const GError *error);

/* Loads the record's value into @source and keeps the two in step until
 * pl_autosave_release() is called with @owner. @source is a GtkEditable or
 * a GtkTextBuffer. */
void        pl_autosave_bind         (PlAutosave  *self,
                                      gpointer     source,
                                      PlRecord    *record,
                                      const char  *property,
                                      gpointer     owner);
/* Writes what is pending for @owner's bindings, then drops them. */
void        pl_autosave_release      (PlAutosave  *self,
                                      gpointer     owner);
/* Writes what is pending for @source now (e.g. before a move). */
void        pl_autosave_flush_source (PlAutosave  *self,
                                      gpointer     source);
/* Writes everything pending now; FALSE if a write failed. */
gboolean    pl_autosave_flush        (PlAutosave  *self,
                                      GError     **error);

G_END_DECLS
