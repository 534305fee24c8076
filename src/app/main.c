/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "pl-application.h"

/* When the process started, on the monotonic clock: the kernel's start
 * time (ticks since boot) against CLOCK_BOOTTIME, so the time spent loading
 * libraries before main() counts too. */
static gint64
process_start_time (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  unsigned long long start_ticks;
  long ticks_per_second = sysconf (_SC_CLK_TCK);
  gint64 now_boot, start_boot;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL || ticks_per_second <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return g_get_monotonic_time ();
  /* After ") ": field 3 (state) … field 22 (starttime). */
  p += 2;
  for (int field = 3; field < 22 && p != NULL; field++)
    {
      p = strchr (p, ' ');
      if (p != NULL)
        p++;
    }
  if (p == NULL || sscanf (p, "%llu", &start_ticks) != 1)
    return g_get_monotonic_time ();
  now_boot = (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
  start_boot = (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) ticks_per_second);
  return g_get_monotonic_time () - MAX (0, now_boot - start_boot);
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = process_start_time ();
  g_autoptr(PlApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pl_application_new (G_APPLICATION_DEFAULT_FLAGS);
  pl_application_set_start_time (app, start);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
