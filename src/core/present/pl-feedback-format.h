/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * The view logic of the feedback pane: what its labels say and which style
 * classes its badges get. Pure functions of the document and values, so
 * they are tested without a display.
 */

/* "12 open of 48", "No feedback" (total 0). */
char        *pl_feedback_format_count            (guint            open_count,
                                                  guint            total);
/* "Live — National workshop, Port Halden" or NULL without a workshop. */
char        *pl_feedback_format_live             (PlWorkshop      *workshop);
/* The name of a target as the pane and the window show it:
 * "Whole strategy", "Introduction", "2. Awareness raising",
 * "2.1 Reach every school", "2.1.3 Train teachers". */
char        *pl_feedback_format_target           (PlDocument      *document,
                                                  PlRecord        *target);
/* "To: 2. Awareness raising" for the capture bar. */
char        *pl_feedback_format_capture_target   (PlDocument      *document,
                                                  PlRecord        *target);
/* "Karim Osei, Central Bank", "Karim Osei", "Central Bank" or
 * "No stakeholder" for NULL. */
char        *pl_feedback_format_stakeholder      (PlStakeholder   *stakeholder);
/* "14:05" when @captured_at (ISO 8601 UTC) is on the same local day as
 * @now, "14 Sep, 14:05" in the same year, "14 Sep 2025, 14:05" before,
 * "" when unparsable. */
char        *pl_feedback_format_time             (const char      *captured_at,
                                                  GDateTime       *now);
/* The short workshop label of a row: its title, or "" for none. */
char        *pl_feedback_format_workshop         (PlWorkshop      *workshop);

/* Style classes of the badges: "kind-recommendation", "disposition-partly-accepted". */
const char  *pl_feedback_kind_css_class          (PlFeedbackKind   kind);
const char  *pl_feedback_disposition_css_class   (PlDisposition    disposition);

/* TRUE when @text holds something worth capturing (not only blanks). */
gboolean     pl_feedback_capture_text_is_valid   (const char      *text);
/* What the capture bar does with the stakeholder field: NULL name or blank
 * means no stakeholder; a known name (case-insensitive) is reused; anything
 * else is a new stakeholder. Returns TRUE and the existing one (transfer
 * full, or NULL) when no new stakeholder is needed. */
gboolean     pl_feedback_capture_resolve_stakeholder (PlDocument     *document,
                                                      const char     *name,
                                                      PlStakeholder **existing);
/* The pillar a "this tab" filter narrows to: the pillar of @target or 0. */
gint64       pl_feedback_pillar_filter_for_target (PlDocument     *document,
                                                   PlRecord       *target);

G_END_DECLS
