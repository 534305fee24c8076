/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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

char *
pl_window_format_display_name (const char *path)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_filename_display_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base && g_str_equal (dot, ".pillars"))
    *dot = '\0';
  return g_steal_pointer (&base);
}
