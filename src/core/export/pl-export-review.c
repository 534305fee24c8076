/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-export-private.h"

/*
 * Review copies for the ministries: the anchors that tie a returned
 * copy's comments and changes to the records they are about, and the
 * cover note that tells a reviewer what this file is and how to answer.
 */

char *
pl_export_anchor_name (PlRecord *record)
{
  const char *uuid;
  GString *name;

  g_return_val_if_fail (PL_IS_RECORD (record), NULL);

  uuid = pl_record_get_uuid (record);
  name = g_string_new (PL_IS_STRATEGY (record) ? PL_EXPORT_STRATEGY_ANCHOR_PREFIX : PL_EXPORT_ANCHOR_PREFIX);
  for (const char *p = uuid ? uuid : ""; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (name, g_ascii_tolower (*p));
  return g_string_free (name, FALSE);
}

char **
pl_export_review_note (PlExportContext *ctx)
{
  PlStrategy *strategy = pl_document_get_strategy (ctx->document);
  const char *title = pl_strategy_get_title (strategy);
  const char *version = pl_strategy_get_version_label (strategy);
  const char *lead = pl_strategy_get_lead_agency (strategy);
  const char *deadline = ctx->options->review_deadline;
  g_autofree char *file = g_path_get_basename (pl_document_get_path (ctx->document));
  GPtrArray *note = g_ptr_array_new ();

  if (*title == '\0')
    title = _("Untitled strategy");
  g_ptr_array_add (note, g_strdup (_("Review copy")));
  if (*version)
    /* Translators: "This is a review copy of “National Cybersecurity
     * Strategy” (Draft v0.4), made on 4 December 2026 from strategy.pillars." */
    g_ptr_array_add (note, g_strdup_printf (_("This is a review copy of “%s” (%s), made on %s from %s."),
                                            title, version, ctx->date, file));
  else
    g_ptr_array_add (note, g_strdup_printf (_("This is a review copy of “%s”, made on %s from %s."),
                                            title, ctx->date, file));
  g_ptr_array_add (note, g_strdup (_("To comment, select the passage you mean and add a comment "
                                     "(in Word: Review, New Comment; in LibreOffice: Insert, Comment). "
                                     "To propose other wording, edit the text: every change is tracked, "
                                     "and only comments and tracked changes can be made.")));
  g_ptr_array_add (note, g_strdup (_("Please keep the headings as they are: hidden bookmarks in them tell "
                                     "the drafting team which pillar, objective or action each comment is about.")));
  if (deadline && *deadline && *lead)
    g_ptr_array_add (note, g_strdup_printf (_("Please return this file by %s to %s."), deadline, lead));
  else if (deadline && *deadline)
    g_ptr_array_add (note, g_strdup_printf (_("Please return this file to the drafting team by %s."), deadline));
  else if (*lead)
    g_ptr_array_add (note, g_strdup_printf (_("Please return this file to %s."), lead));
  else
    g_ptr_array_add (note, g_strdup (_("Please return this file to the drafting team.")));
  g_ptr_array_add (note, NULL);
  return (char **) g_ptr_array_free (note, FALSE);
}
