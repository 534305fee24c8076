/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The scripted stream of edits the window makes, for the reliability
 * harnesses. Deterministic for a seed and a starting file, so a harness
 * can replay it to learn the state after any edit. */

#include "pl-document.h"

G_BEGIN_DECLS

typedef enum {
  PL_REL_EDIT_TYPE,         /* narrative typing, written the way PlAutosave writes it */
  PL_REL_EDIT_ADD_ACTION,   /* "Add action" on an objective row */
  PL_REL_EDIT_ADD_OBJECTIVE,
  PL_REL_EDIT_CAPTURE,      /* the capture bar: one transaction */
  PL_REL_EDIT_DISPOSITION,  /* the feedback detail: disposition and response */
  PL_REL_EDIT_MOVE,         /* drag and drop of an action, objective, pillar or section */
  PL_REL_EDIT_DELETE,
  PL_REL_EDIT_UNDO,         /* the toast's Undo: undelete the last deletion */
  PL_REL_EDIT_FLUSH,        /* a checkpoint, as before an export */
  PL_REL_N_EDITS
} PlRelEdit;

typedef struct _PlRelScript PlRelScript;

PlRelScript *pl_rel_script_new      (PlDocument  *doc,
                                     guint32      seed);
void         pl_rel_script_free     (PlRelScript *script);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRelScript, pl_rel_script_free)

/* Picks the next edit (from the seed and the document) and makes it.
 * Returns what it did in @what (static string). */
gboolean     pl_rel_script_step     (PlRelScript *script,
                                     guint        number,
                                     const char **what,
                                     GError     **error);
/* Makes one edit of @kind (choices from the script's random source);
 * @number marks the text it writes. */
gboolean     pl_rel_script_apply    (PlRelScript *script,
                                     PlRelEdit    kind,
                                     guint        number,
                                     GError     **error);
const char  *pl_rel_edit_name       (PlRelEdit    kind);

G_END_DECLS
