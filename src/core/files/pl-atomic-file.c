/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-atomic-file.h"
#include "pl-file-utils.h"

/* A file written in full or not at all. The bytes go to a temporary file
 * next to the target (created 0600, or stricter by the umask); commit syncs
 * it, gives it the mode of the file it replaces, renames it over the target
 * and syncs the folder; abort, a failed commit and finalize without commit
 * remove it. While it is written the temporary file is flock()ed, so that a
 * later writer of the same target can tell the leftover of a killed writer
 * (unlocked) from a live one. */

struct _PlAtomicFile
{
  GObject        parent_instance;

  char          *path;       /* the target (symbolic links resolved) */
  char          *temp_path;
  int            fd;
  GOutputStream *stream;
  gboolean       done;
};

G_DEFINE_FINAL_TYPE (PlAtomicFile, pl_atomic_file, G_TYPE_OBJECT)

static void
pl_atomic_file_finalize (GObject *object)
{
  PlAtomicFile *self = PL_ATOMIC_FILE (object);

  pl_atomic_file_abort (self);
  g_free (self->path);
  g_free (self->temp_path);
  G_OBJECT_CLASS (pl_atomic_file_parent_class)->finalize (object);
}

static void
pl_atomic_file_class_init (PlAtomicFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_atomic_file_finalize;
}

static void
pl_atomic_file_init (PlAtomicFile *self)
{
  self->fd = -1;
}

/* Names the file as the caller gave it (a folder that is missing is part
 * of what the user typed). */
static void
set_open_error (GError     **error,
                int          saved,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved == ENOENT)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *dir_name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write “%s”: the folder “%s” does not exist. Choose an existing folder."),
                   name, dir_name);
    }
  else if (saved == ENOSPC || saved == EDQUOT || saved == EFBIG)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s. Free some space on the disk, or choose another disk, and try again."),
                 name, g_strerror (saved));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s. Choose another folder or name."), name, g_strerror (saved));
}

/**
 * pl_atomic_file_new:
 * @path: the file to write
 *
 * Creates the temporary file for @path. A symbolic link at @path is
 * followed: its target is the file replaced.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
PlAtomicFile *
pl_atomic_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(PlAtomicFile) self = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PL_TYPE_ATOMIC_FILE, NULL);
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    self->path = realpath (path, NULL);
  if (self->path == NULL)
    self->path = g_strdup (path);
  if (g_stat (self->path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Renaming over a device or a pipe would replace it, not write to
       * it (think of /dev/null, as root). */
      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("“%s” is a folder. Choose a file name."), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("“%s” is not a regular file. Choose a file name."), name);
      self->done = TRUE;
      return NULL;
    }

  pl_file_remove_leftovers (self->path);
  for (int attempt = 0; self->fd < 0; attempt++)
    {
      g_free (self->temp_path);
      self->temp_path = pl_file_temp_name (self->path);
      self->fd = g_open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (self->fd < 0 && (errno != EEXIST || attempt >= 20))
        {
          set_open_error (error, errno, path);
          g_clear_pointer (&self->temp_path, g_free);
          self->done = TRUE;
          return NULL;
        }
    }
  (void) flock (self->fd, LOCK_EX | LOCK_NB);
  self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return g_steal_pointer (&self);
}

const char *
pl_atomic_file_get_path (PlAtomicFile *self)
{
  g_return_val_if_fail (PL_IS_ATOMIC_FILE (self), NULL);
  return self->path;
}

const char *
pl_atomic_file_get_temp_path (PlAtomicFile *self)
{
  g_return_val_if_fail (PL_IS_ATOMIC_FILE (self), NULL);
  return self->temp_path;
}

/* Where to write: unbuffered, straight to the temporary file. */
GOutputStream *
pl_atomic_file_get_stream (PlAtomicFile *self)
{
  g_return_val_if_fail (PL_IS_ATOMIC_FILE (self), NULL);
  return self->stream;
}

/**
 * pl_atomic_file_commit:
 * @replace: whether an existing file at the path may be replaced; without
 *   it the commit fails with %G_IO_ERROR_EXISTS
 *
 * Puts the written bytes in place. On failure the temporary file is
 * removed and the target is as it was.
 */
gboolean
pl_atomic_file_commit (PlAtomicFile  *self,
                       gboolean       replace,
                       GError       **error)
{
  struct stat st;
  gboolean ok;

  g_return_val_if_fail (PL_IS_ATOMIC_FILE (self), FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  /* A replaced file keeps its mode (and, when we may, its owner): an
   * export a user made private stays private. */
  if (replace && g_stat (self->path, &st) == 0 && S_ISREG (st.st_mode))
    {
      if (st.st_uid != geteuid () || st.st_gid != getegid ())
        (void) fchown (self->fd, st.st_uid, st.st_gid);
      (void) fchmod (self->fd, st.st_mode & 07777);
    }
  if (fsync (self->fd) != 0)
    {
      set_open_error (error, errno, self->path);
      pl_atomic_file_abort (self);
      return FALSE;
    }
  ok = pl_file_move_into_place (self->temp_path, self->path, replace, error);
  if (!ok && g_file_test (self->temp_path, G_FILE_TEST_EXISTS))
    {
      pl_atomic_file_abort (self);
      return FALSE;
    }
  g_clear_object (&self->stream);
  close (self->fd);
  self->fd = -1;
  self->done = TRUE;
  return ok;
}

/* Drops what was written; the target is left as it was. */
void
pl_atomic_file_abort (PlAtomicFile *self)
{
  g_return_if_fail (PL_IS_ATOMIC_FILE (self));

  if (self->done)
    return;
  self->done = TRUE;
  g_clear_object (&self->stream);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}
