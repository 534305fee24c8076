/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the fuzz targets share: a scratch folder on a tmpfs when there is
 * one (a target writes a file per input: on a disk that would be the
 * bottleneck, and wear it), removed at exit. */

#include <stdlib.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

static char *fuzz_dir;

static void
fuzz_remove_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_dir == NULL)
    return;
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

static inline const char *
fuzz_scratch_dir (void)
{
  if (fuzz_dir == NULL)
    {
      const char *base = g_getenv ("PILLARS_FUZZ_TMPDIR");
      g_autofree char *template = NULL;

      if (base == NULL)
        base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0
               ? "/dev/shm" : g_get_tmp_dir ();
      template = g_build_filename (base, "pillars-fuzz-XXXXXX", NULL);
      fuzz_dir = g_mkdtemp (g_steal_pointer (&template));
      if (fuzz_dir == NULL)
        g_error ("cannot create a scratch folder in %s", base);
      atexit (fuzz_remove_dir);
    }
  return fuzz_dir;
}
