/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-window-format.h"

char *
pl_window_format_subtitle (PlLifecycle  status,
                           gboolean     read_only,
                           gboolean     pending,
                           gboolean     failed,
                           const char  *live)
{
  const char *label = pl_enum_to_label (PL_TYPE_LIFECYCLE, status);
  const char *state;

  /* Unsaved text matters more than why the file cannot take it. */
  if (pending && failed)
    state = _("Not saved");
  else if (read_only)
    state = _("Read-only");
  else if (pending)
    state = _("Saving…");
  else
    state = _("Saved");
  if (live != NULL && *live != '\0')
    /* Translators: window subtitle, "Validation · Saved · Live — National workshop, Port Halden" */
    return g_strdup_printf (_("%s · %s · %s"), label, state, live);
  /* Translators: window subtitle, "Drafting · Saved" */
  return g_strdup_printf (_("%s · %s"), label, state);
}
