/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* renameat2 */
#endif
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-atomic-file.h"
#include "pl-file-utils.h"

/* How files are put in place: never half-written at their final name.
 * Temporary files are named ".NAME.XXXXXX.partial" next to their target,
 * so that they stay on its file system (rename is atomic only there) and a
 * writer killed midway can be recognised: its writer held an flock() on
 * it, which the kernel drops with the process. */

#define TEMP_SUFFIX ".partial"
/* Leaves room for the dot, the random part, the suffix and SQLite's
 * "-journal" within NAME_MAX (255). */
#define MAX_BASE 200

/* Whether @a and @b name the same file: the same inode when both exist
 * (a hard link, a symbolic link, "./" or ".." spellings), otherwise the same
 * path once the folders are resolved. */
gboolean
pl_file_same_as (const char *a,
                 const char *b)
{
  struct stat sa, sb;
  g_autofree char *dir_a = NULL, *dir_b = NULL, *real_a = NULL, *real_b = NULL;
  g_autofree char *base_a = NULL, *base_b = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;

  dir_a = g_path_get_dirname (a);
  dir_b = g_path_get_dirname (b);
  base_a = g_path_get_basename (a);
  base_b = g_path_get_basename (b);
  real_a = realpath (dir_a, NULL);
  real_b = realpath (dir_b, NULL);
  if (real_a == NULL || real_b == NULL)
    {
      g_autofree char *ca = g_canonicalize_filename (a, NULL);
      g_autofree char *cb = g_canonicalize_filename (b, NULL);

      return g_str_equal (ca, cb);
    }
  return g_str_equal (real_a, real_b) && g_str_equal (base_a, base_b);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Whether @path is an SQLite database whose header carries
 * @application_id. Reads 100 bytes; never blocks on a pipe. */
gboolean
pl_file_has_sqlite_app_id (const char *path,
                           gint32      application_id)
{
  guint8 header[100];
  struct stat st;
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  return n == (ssize_t) sizeof header &&
         memcmp (header, "SQLite format 3", 16) == 0 &&
         be32 (header + 68) == (guint32) application_id;
}

static char *
temp_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (strlen (base) > MAX_BASE)
    base[MAX_BASE] = '\0';
  return g_strconcat (".", base, ".", NULL);
}

/* A new name for a temporary file next to @path (not created). */
char *
pl_file_temp_name (const char *path)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = temp_prefix (path);
  char random[7];
  g_autofree char *name = NULL;

  for (int i = 0; i < 6; i++)
    random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random[6] = '\0';
  name = g_strconcat (prefix, random, TEMP_SUFFIX, NULL);
  return g_build_filename (dir, name, NULL);
}

/* Removes the temporary files of writers of @path that were killed: those
 * that nobody holds locked any more, and the SQLite side files left behind
 * them. A live writer's files are locked and stay. */
void
pl_file_remove_leftovers (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *prefix = temp_prefix (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  static const char *const sides[] = { "-wal", "-shm", "-journal" };
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;
      g_autofree char *main_name = NULL;
      const char *rest;
      gsize len;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      len = strlen (rest);
      if (len < 6 + strlen (TEMP_SUFFIX) || strncmp (rest + 6, TEMP_SUFFIX, strlen (TEMP_SUFFIX)) != 0)
        continue;
      main_name = g_strndup (name, strlen (prefix) + 6 + strlen (TEMP_SUFFIX));
      full = g_build_filename (dir_name, main_name, NULL);
      if (len == 6 + strlen (TEMP_SUFFIX))
        {
          int fd = g_open (full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
          struct stat st;

          if (fd < 0)
            continue;
          /* Only our own (in a shared folder, another user's file is not
           * ours to remove), and only when unlocked: a locked one's writer
           * is alive. */
          if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
              flock (fd, LOCK_EX | LOCK_NB) == 0)
            {
              for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
                {
                  g_autofree char *side = g_strconcat (full, sides[i], NULL);

                  g_unlink (side);
                }
              g_unlink (full);
            }
          close (fd);
        }
      else if (!g_file_test (full, G_FILE_TEST_EXISTS))
        {
          /* A side file whose database is gone. */
          g_autofree char *side = g_build_filename (dir_name, name, NULL);
          struct stat st;

          if (g_lstat (side, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
            continue;
          for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
            if (g_str_equal (rest + 6 + strlen (TEMP_SUFFIX), sides[i]))
              g_unlink (side);
        }
    }
}

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved == ENOSPC || saved == EDQUOT || saved == EFBIG)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s. Free some space on the disk, or choose another disk, and try again."),
                 name, g_strerror (saved));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s"), name, g_strerror (saved));
}

/* Writes what the kernel holds of @path to the disk. */
gboolean
pl_file_sync (const char  *path,
              GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, saved, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Writes the folder entry of @path to the disk: after a rename, so that the
 * new name survives a power cut. */
gboolean
pl_file_sync_folder_of (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  /* Some file systems cannot sync a folder; nothing more can be done there. */
  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    {
      int saved = errno;

      close (fd);
      set_errno_error (error, saved, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
link_noreplace (const char *from,
                const char *to)
{
#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return FALSE;
#endif
  /* A file system without RENAME_NOREPLACE: link() refuses an existing
   * target as well. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return TRUE;
    }
  return FALSE;
}

/* Renames @from (a finished temporary file) to @to, then syncs the folder.
 * Without @replace an existing @to is never replaced (the error is
 * G_IO_ERROR_EXISTS); @from stays for the caller to remove on failure. */
gboolean
pl_file_move_into_place (const char  *from,
                         const char  *to,
                         gboolean     replace,
                         GError     **error)
{
  gboolean ok = replace ? g_rename (from, to) == 0 : link_noreplace (from, to);

  if (!ok)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (to);

      if (saved == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” already exists. Choose another name."), name);
      else if (saved == EISDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("“%s” is a folder. Choose a file name."), name);
      else
        set_errno_error (error, saved, to);
      return FALSE;
    }
  return pl_file_sync_folder_of (to, error);
}

/* Copies @from over @to through a temporary file: @to is either what it
 * was or a complete copy, created 0600 or with the mode it had. */
gboolean
pl_file_copy (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(PlAtomicFile) file = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local = NULL;

  if (pl_file_same_as (from, to))
    {
      g_autofree char *name = g_filename_display_basename (to);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the file being copied. Choose another name for the copy."), name);
      return FALSE;
    }
  if (!(in = g_file_read (source, NULL, error)))
    return FALSE;
  if (!(file = pl_atomic_file_new (to, error)))
    return FALSE;
  if (g_output_stream_splice (pl_atomic_file_get_stream (file), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &local) < 0)
    {
      g_autofree char *name = g_filename_display_basename (to);

      pl_atomic_file_abort (file);
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Could not write “%s”: the disk is full. Nothing was written; free some space, or choose another disk."),
                     name);
      else
        g_set_error (error, local->domain, local->code, _("Could not write “%s”: %s"), name, local->message);
      return FALSE;
    }
  return pl_atomic_file_commit (file, TRUE, error);
}
