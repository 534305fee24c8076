/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pl-powercut.so: an LD_PRELOAD shim that simulates a power cut.
 *
 * For files under $PL_POWERCUT_DIR (except SQLite's -shm, which is rebuilt
 * after any crash), it remembers each file's content as of its last fsync
 * or fdatasync (or as empty when the process created it). Writes and
 * truncations go to the real file at once, so the process reads what it
 * wrote, through read() or mmap alike. At the $PL_POWERCUT_AT-th write,
 * truncation or sync of such a file, before that call happens, it puts back
 * the synced content of every file written since its last sync -- exactly
 * what a disk that keeps only flushed data holds after the power goes --
 * and kills the process with SIGKILL.
 *
 * $PL_POWERCUT_REPORT names a file where it writes "cut OPS SYNCS" at the
 * cut, or "end OPS SYNCS" at a normal exit (OPS: writes, truncations and
 * syncs counted; SYNCS: syncs done), so a harness can count the calls of a
 * run before choosing where to cut.
 *
 * No GLib here: these functions run inside every write of the process.
 */
#define _GNU_SOURCE
/* open() and open64() are both defined here: neither may be an alias. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FILES 32
#define MAX_FDS   4096

typedef struct {
  int            used;
  dev_t          dev;
  ino_t          ino;
  char           path[4096];
  int            dirty;      /* written since its last sync */
  unsigned char *image;      /* content as of the last sync */
  size_t         image_len;
} File;

static File files[MAX_FILES];
static int fd_file[MAX_FDS];           /* fd -> index + 1 into files */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long ops, syncs, cut_at;
static const char *dir;
static size_t dir_len;

static int     (*real_open) (const char *, int, ...);
static int     (*real_open64) (const char *, int, ...);
static int     (*real_openat) (int, const char *, int, ...);
static int     (*real_openat64) (int, const char *, int, ...);
static int     (*real_close) (int);
static ssize_t (*real_write) (int, const void *, size_t);
static ssize_t (*real_pwrite) (int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64) (int, const void *, size_t, off64_t);
static ssize_t (*real_pread) (int, void *, size_t, off_t);
static int     (*real_ftruncate) (int, off_t);
static int     (*real_ftruncate64) (int, off64_t);
static int     (*real_fsync) (int);
static int     (*real_fdatasync) (int);

__attribute__((constructor))
static void
init (void)
{
  const char *at = getenv ("PL_POWERCUT_AT");

  real_open = dlsym (RTLD_NEXT, "open");
  real_open64 = dlsym (RTLD_NEXT, "open64");
  real_openat = dlsym (RTLD_NEXT, "openat");
  real_openat64 = dlsym (RTLD_NEXT, "openat64");
  real_close = dlsym (RTLD_NEXT, "close");
  real_write = dlsym (RTLD_NEXT, "write");
  real_pwrite = dlsym (RTLD_NEXT, "pwrite");
  real_pwrite64 = dlsym (RTLD_NEXT, "pwrite64");
  real_pread = dlsym (RTLD_NEXT, "pread");
  real_ftruncate = dlsym (RTLD_NEXT, "ftruncate");
  real_ftruncate64 = dlsym (RTLD_NEXT, "ftruncate64");
  real_fsync = dlsym (RTLD_NEXT, "fsync");
  real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
  dir = getenv ("PL_POWERCUT_DIR");
  dir_len = dir ? strlen (dir) : 0;
  cut_at = at ? strtoul (at, NULL, 10) : 0;
}

static void
report (const char *what)
{
  const char *path = getenv ("PL_POWERCUT_REPORT");
  char line[128];
  int fd, len;

  if (path == NULL)
    return;
  len = snprintf (line, sizeof line, "%s %lu %lu\n", what, ops, syncs);
  fd = real_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  if (real_write (fd, line, (size_t) len) == len)
    real_fsync (fd);
  real_close (fd);
}

__attribute__((destructor))
static void
fini (void)
{
  report ("end");
}

static int
tracked_path (const char *path)
{
  size_t len;

  if (dir == NULL || path == NULL || strncmp (path, dir, dir_len) != 0 || path[dir_len] != '/')
    return 0;
  len = strlen (path);
  return !(len > 4 && strcmp (path + len - 4, "-shm") == 0);
}

static File *
file_of (int fd)
{
  if (fd < 0 || fd >= MAX_FDS || fd_file[fd] == 0)
    return NULL;
  return &files[fd_file[fd] - 1];
}

/* The content as of now becomes what a power cut puts back. */
static void
snapshot (File *file,
          int   fd)
{
  struct stat st;
  size_t done = 0;

  free (file->image);
  file->image = NULL;
  file->image_len = 0;
  if (fstat (fd, &st) != 0 || st.st_size == 0)
    return;
  file->image = malloc ((size_t) st.st_size);
  if (file->image == NULL)
    abort ();
  while (done < (size_t) st.st_size)
    {
      ssize_t n = real_pread (fd, file->image + done, (size_t) st.st_size - done, (off_t) done);

      if (n <= 0)
        abort ();
      done += (size_t) n;
    }
  file->image_len = done;
}

static void
power_cut (void)
{
  for (int i = 0; i < MAX_FILES; i++)
    {
      File *file = &files[i];
      struct stat st;
      int fd;

      if (!file->used || !file->dirty)
        continue;
      /* A file unlinked or replaced since is not this one any more. */
      if (stat (file->path, &st) != 0 || st.st_dev != file->dev || st.st_ino != file->ino)
        continue;
      fd = real_open (file->path, O_WRONLY | O_CLOEXEC);
      if (fd < 0)
        abort ();
      if (real_ftruncate (fd, (off_t) file->image_len) != 0 ||
          (file->image_len > 0 &&
           real_pwrite (fd, file->image, file->image_len, 0) != (ssize_t) file->image_len) ||
          real_fsync (fd) != 0)
        abort ();
      real_close (fd);
    }
  report ("cut");
  kill (getpid (), SIGKILL);
  for (;;)
    pause ();
}

/* Counts a write, truncation or sync and cuts the power at the chosen one. */
static void
count_op (void)
{
  ops++;
  if (cut_at != 0 && ops == cut_at)
    power_cut ();
}

static void
before_write (int fd)
{
  File *file;

  pthread_mutex_lock (&lock);
  file = file_of (fd);
  if (file != NULL)
    {
      count_op ();
      if (!file->dirty)
        {
          snapshot (file, fd);
          file->dirty = 1;
        }
    }
  pthread_mutex_unlock (&lock);
}

static int
before_sync (int fd)
{
  File *file;

  pthread_mutex_lock (&lock);
  file = file_of (fd);
  if (file != NULL)
    count_op ();
  pthread_mutex_unlock (&lock);
  return file != NULL;
}

static void
after_sync (int fd)
{
  File *file;

  pthread_mutex_lock (&lock);
  file = file_of (fd);
  if (file != NULL)
    {
      syncs++;
      file->dirty = 0;
      free (file->image);
      file->image = NULL;
      file->image_len = 0;
    }
  pthread_mutex_unlock (&lock);
}

/* Before the real open: a file the call creates or truncates was, as far
 * as any sync knows, empty or as it is now. */
typedef struct {
  int            tracked;
  int            existed;
  unsigned char *image;
  size_t         image_len;
} Before;

static Before
before_open (const char *path,
             int         flags)
{
  Before before = { 0 };
  struct stat st;

  if (!tracked_path (path))
    return before;
  before.tracked = 1;
  before.existed = stat (path, &st) == 0;
  if (before.existed && (flags & O_TRUNC) && st.st_size > 0)
    {
      File tmp = { 0 };
      int fd = real_open (path, O_RDONLY | O_CLOEXEC);

      if (fd >= 0)
        {
          snapshot (&tmp, fd);
          real_close (fd);
          before.image = tmp.image;
          before.image_len = tmp.image_len;
        }
    }
  return before;
}

static void
after_open (int         fd,
            const char *path,
            Before     *before)
{
  struct stat st;
  File *file = NULL;

  if (!before->tracked || fd < 0 || fd >= MAX_FDS || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      free (before->image);
      return;
    }
  pthread_mutex_lock (&lock);
  for (int i = 0; i < MAX_FILES && file == NULL; i++)
    if (files[i].used && files[i].dev == st.st_dev && files[i].ino == st.st_ino)
      file = &files[i];
  for (int i = 0; i < MAX_FILES && file == NULL; i++)
    if (!files[i].used)
      {
        file = &files[i];
        memset (file, 0, sizeof *file);
        file->used = 1;
        file->dev = st.st_dev;
        file->ino = st.st_ino;
        snprintf (file->path, sizeof file->path, "%s", path);
      }
  if (file == NULL)
    abort ();
  if (!before->existed || before->image != NULL)
    {
      /* Created or truncated by this open: not synced yet. */
      if (!file->dirty)
        {
          free (file->image);
          file->image = before->image;
          file->image_len = before->image_len;
          file->dirty = 1;
        }
      else
        free (before->image);
    }
  fd_file[fd] = (int) (file - files) + 1;
  pthread_mutex_unlock (&lock);
}

#define OPEN_MODE(flags, mode)                       \
  mode_t mode = 0;                                   \
  if (((flags) & O_CREAT) || ((flags) & O_TMPFILE) == O_TMPFILE) \
    {                                                \
      va_list args;                                  \
      va_start (args, flags);                        \
      mode = va_arg (args, mode_t);                  \
      va_end (args);                                 \
    }

int
open (const char *path, int flags, ...)
{
  OPEN_MODE (flags, mode);
  Before before = before_open (path, flags);
  int fd = real_open (path, flags, mode);

  after_open (fd, path, &before);
  return fd;
}

int
open64 (const char *path, int flags, ...)
{
  OPEN_MODE (flags, mode);
  Before before = before_open (path, flags);
  int fd = real_open64 (path, flags, mode);

  after_open (fd, path, &before);
  return fd;
}

int
openat (int dirfd, const char *path, int flags, ...)
{
  OPEN_MODE (flags, mode);
  Before before = before_open (path, flags);  /* absolute paths only are tracked */
  int fd = real_openat (dirfd, path, flags, mode);

  after_open (fd, path, &before);
  return fd;
}

int
openat64 (int dirfd, const char *path, int flags, ...)
{
  OPEN_MODE (flags, mode);
  Before before = before_open (path, flags);
  int fd = real_openat64 (dirfd, path, flags, mode);

  after_open (fd, path, &before);
  return fd;
}

int
close (int fd)
{
  pthread_mutex_lock (&lock);
  if (fd >= 0 && fd < MAX_FDS)
    fd_file[fd] = 0;
  pthread_mutex_unlock (&lock);
  return real_close (fd);
}

ssize_t
write (int fd, const void *buf, size_t count)
{
  before_write (fd);
  return real_write (fd, buf, count);
}

ssize_t
pwrite (int fd, const void *buf, size_t count, off_t offset)
{
  before_write (fd);
  return real_pwrite (fd, buf, count, offset);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t count, off64_t offset)
{
  before_write (fd);
  return real_pwrite64 (fd, buf, count, offset);
}

int
ftruncate (int fd, off_t length)
{
  before_write (fd);
  return real_ftruncate (fd, length);
}

int
ftruncate64 (int fd, off64_t length)
{
  before_write (fd);
  return real_ftruncate64 (fd, length);
}

int
fsync (int fd)
{
  int tracked = before_sync (fd);
  int rc = real_fsync (fd);

  if (tracked && rc == 0)
    after_sync (fd);
  return rc;
}

int
fdatasync (int fd)
{
  int tracked = before_sync (fd);
  int rc = real_fdatasync (fd);

  if (tracked && rc == 0)
    after_sync (fd);
  return rc;
}
