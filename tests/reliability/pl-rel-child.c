/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-rel-script.h"
#include "pl-rel-state.h"

/* The edit stream of the crash-safety and power-loss harnesses:
 *
 *   pl-rel-child DOCUMENT LOG SEED EDITS
 *
 * makes EDITS scripted edits (pl-rel-state.c) on DOCUMENT and, after each
 * one the API acknowledged, appends "D <number> <state hash> <edit>" to LOG
 * and fsyncs it: the log is what the user was told is saved. Exit status 0
 * when all edits are made, 2 when DOCUMENT does not open, 3 when an edit
 * fails (the harness treats both as failures: nothing should fail). */

static void
write_all (int         fd,
           const char *text)
{
  size_t len = strlen (text);

  while (len > 0)
    {
      ssize_t n = write (fd, text, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_printerr ("pl-rel-child: cannot write the log: %s\n", g_strerror (errno));
          exit (4);
        }
      text += n;
      len -= (size_t) n;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlRelScript) script = NULL;
  guint32 seed;
  guint edits;
  int log_fd;

  if (argc != 5)
    {
      g_printerr ("Usage: pl-rel-child DOCUMENT LOG SEED EDITS\n");
      return 2;
    }
  /* A critical or a warning is a failure the harness must see. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  seed = (guint32) g_ascii_strtoull (argv[3], NULL, 10);
  edits = (guint) g_ascii_strtoull (argv[4], NULL, 10);

  doc = pl_document_open (argv[1], PL_DOCUMENT_OPEN_DEFAULT, &error);
  if (doc == NULL)
    {
      g_printerr ("pl-rel-child: %s\n", error->message);
      return 2;
    }
  log_fd = g_open (argv[2], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    {
      g_printerr ("pl-rel-child: cannot open %s: %s\n", argv[2], g_strerror (errno));
      return 4;
    }

  script = pl_rel_script_new (doc, seed);
  for (guint k = 1; k <= edits; k++)
    {
      const char *what = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *line = NULL;

      if (!pl_rel_script_step (script, k, &what, &error))
        {
          g_printerr ("pl-rel-child: edit %u (%s) failed: %s\n", k, what, error->message);
          return 3;
        }
      hash = pl_rel_hash (doc);
      line = g_strdup_printf ("D %u %s %s\n", k, hash, what);
      write_all (log_fd, line);
      if (fsync (log_fd) != 0)
        {
          g_printerr ("pl-rel-child: cannot sync the log: %s\n", g_strerror (errno));
          return 4;
        }
    }
  close (log_fd);
  g_clear_pointer (&script, pl_rel_script_free);
  pl_document_close (doc);
  return 0;
}
