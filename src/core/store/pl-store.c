/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-store-merge.h"
#include "pl-store-private.h"

/* PlStore's own part: errors, the statement cache, opening (header check,
 * lock, migration to this version) and transactions. */

/* ---- errors ---- */

void
_pl_store_set_sqlite_error (PlStore  *store,
                            GError  **error,
                            int       rc,
                            const char *what)
{
  const char *name = store->display_name;
  const char *detail = store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc);

  g_debug ("%s: %s: SQLite %d: %s", name, what, rc, detail);
  /* SQLite reports a full disk met while growing its -shm as an I/O
   * error: the errno tells. */
  if ((rc & 0xff) == SQLITE_IOERR && store->db != NULL && sqlite3_system_errno (store->db) == ENOSPC)
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not %s “%s”: the disk is full. Free some space on it and try again; nothing was changed."),
                   what, name);
      break;
    case SQLITE_READONLY:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” is read-only; save a copy to make changes."), name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED,
                   _("“%s” is being written by another program; close it there and try again."), name);
      break;
    case SQLITE_CORRUPT:
      /* SQLite's text names pages and may quote binary garbage. */
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: part of it cannot be read. Export what can still be read to "
                     "another file, or open a backup copy; the file was not changed."), name);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NOT_DATABASE,
                   _("“%s” is not a Pillars document. Choose a .pillars file."), name);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not %s “%s”: %s. Check the disk and the file’s permissions."), what, name, detail);
      break;
    case SQLITE_ERROR:
      /* "no such table", "no such column": the file lost part of what a
       * Pillars document holds (the schema is checked on open). */
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("Could not %s “%s”: part of what a Pillars document holds is missing from it. "
                     "Run “pillars-cli check” on it to see what, or open a backup copy."), what, name);
      break;
    default:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("Could not %s “%s”: %s"), what, name, detail);
      break;
    }
}

/* ---- statements ---- */

gboolean
_pl_store_step_done (PlStore       *store,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("save"));
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_pl_store_prepare (PlStore     *store,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_pl_store_exec (PlStore     *store,
                const char  *sql,
                GError     **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, &msg);

  sqlite3_free (msg);
  if (rc != SQLITE_OK)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

gint64
_pl_store_query_int (PlStore    *store,
                     const char *sql,
                     int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return value;
}

/* ---- opening ---- */

/* The newest format this build opens; tests lower it to play an older
 * build (a schema-2 Pillars meeting a schema-3 file). */
static int understood_version = PL_STORE_SCHEMA_VERSION;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file before SQLite does, so that a foreign or damaged file is
 * named precisely and never touched. */
static gboolean
check_header (PlStore     *store,
              const char  *path,
              gboolean     wal_pending,
              gboolean    *wal_mode,
              GError     **error)
{
  guint8 header[100];
  struct stat st;
  guint32 page_size, page_count;
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PL_DOCUMENT_ERROR,
                   saved == ENOENT ? PL_DOCUMENT_ERROR_NOT_FOUND : PL_DOCUMENT_ERROR_IO,
                   _("Could not open “%s”: %s"), store->display_name, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    st.st_size = 0;
  n = read (fd, header, sizeof header);
  close (fd);

  if (st.st_size == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty. It is not a Pillars document; choose another file or create a new strategy."),
                   store->display_name);
      return FALSE;
    }
  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NOT_DATABASE,
                   _("“%s” is not a Pillars document (it is not a database at all). Choose a .pillars file."),
                   store->display_name);
      return FALSE;
    }
  if (n < (ssize_t) sizeof header)
    goto truncated;

  *wal_mode = header[18] == 2 || header[19] == 2;
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    goto truncated;
  /* After a crash (even during a checkpoint) the main file may be shorter
   * than its header says while the -wal file holds the rest: SQLite
   * recovers that, so leave it to SQLite. */
  if (wal_pending)
    return TRUE;
  if (st.st_size % page_size != 0)
    goto truncated;
  page_count = be32 (header + 28);
  /* The in-header size is only valid when the change counters agree. */
  if (be32 (header + 92) == be32 (header + 24) && page_count != 0 &&
      (goffset) page_count * page_size > (goffset) st.st_size)
    goto truncated;
  return TRUE;

truncated:
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
               _("“%s” is truncated or damaged. Open a backup copy; the file was not changed."),
               store->display_name);
  return FALSE;
}

static gboolean
take_lock (PlStore     *store,
           GError     **error)
{
  store->lock_fd = g_open (store->path, O_RDONLY | O_CLOEXEC, 0);
  if (store->lock_fd < 0)
    {
      int saved = errno;

      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not open “%s”: %s"), store->display_name, g_strerror (saved));
      return FALSE;
    }
  /* flock() locks are separate from SQLite's POSIX locks. Our descriptor is
   * closed only after SQLite's, so its locks are never dropped early. */
  if (flock (store->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      close (store->lock_fd);
      store->lock_fd = -1;
      if (saved == EWOULDBLOCK)
        g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED,
                     _("“%s” is already open for editing in another window or program. Close it there first, or open it read-only."),
                     store->display_name);
      else
        g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                     _("Could not lock “%s”: %s"), store->display_name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static PlStore *
store_new (const char *path)
{
  PlStore *store = g_new0 (PlStore, 1);

  store->path = g_strdup (path);
  store->display_name = g_filename_display_basename (path);
  store->lock_fd = -1;
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  store->by_id = g_hash_table_new (NULL, NULL);
  return store;
}

static gboolean
dir_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

/* How a file that is only read is opened, so that reading never creates
 * a file next to it: a reader may not own the folder (someone else's
 * document in a shared folder), the disk may be full (SQLite's -shm takes
 * 32 KB), and side files a reader left behind would be trusted by no one.
 * Sets @immutable to read the file alone, @recover to open it read-write
 * (query_only) so that SQLite folds in a crashed session's -wal; sets
 * @error when the file cannot be read without leaving a trace. */
static gboolean
read_only_mode (PlStore            *store,
                const struct stat  *st,
                gboolean            wal_mode,
                const PlSideFiles  *side,
                gboolean           *immutable,
                gboolean           *recover,
                GError            **error)
{
  *immutable = FALSE;
  *recover = FALSE;
  if (side->wal && side->shm)
    return TRUE;        /* a writer has them: read through them */
  if (side->wal_hot)
    {
      /* Changes of a session that crashed: only its owner may fold them
       * in, which writes to the document and creates the -shm. */
      if (st->st_uid == geteuid () && g_access (store->path, W_OK) == 0 && dir_writable (store->path))
        {
          *recover = TRUE;
          return TRUE;
        }
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” has changes that were not yet saved into it (in “%s-wal”), and reading them "
                     "would create a file next to it. Ask the document’s owner to open it once, or copy "
                     "the document together with its -wal file to your own folder and open the copy."),
                   store->display_name, store->display_name);
      return FALSE;
    }
  /* Without a -wal everything is in the file itself. A WAL-mode file then
   * cannot be read through SQLite's usual path without creating -wal and
   * -shm, so it is read as immutable: no locks, no side files. A writer
   * that starts meanwhile takes the document's lock and writes through its
   * own WAL; a long read could then see a page half-checkpointed, which
   * reads report as damage rather than as wrong data. */
  *immutable = wal_mode || side->wal || side->shm;
  return TRUE;
}

static gboolean
side_files_still_trusted (PlStore            *store,
                          const struct stat  *st,
                          GError            **error)
{
  PlSideFiles again = { 0 };
  gboolean trusted = _pl_store_inspect_side_files (store, st, FALSE, &again);

  if (!trusted)
    {
      /* Closing must not checkpoint what may be someone else's WAL. */
      sqlite3_db_config (store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("“%s” was not opened: “%s” appeared next to it while it was being opened, and it "
                     "was not made by the document’s owner. Check what that file is, remove it and try again."),
                   store->display_name, again.foreign);
    }
  _pl_side_files_clear (&again);
  return trusted;
}

static PlStore *
open_internal (const char  *path,
               gboolean     create,
               gboolean     read_only,
               int          target_version,
               GError     **error)
{
  g_autoptr(PlStore) store = NULL;
  PlSideFiles side = { 0 };
  struct stat st;
  int rc;
  gint64 app_id;
  gboolean wal_mode = FALSE, immutable = FALSE, recover = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  store = store_new (path);

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IS_DIRECTORY,
                       _("“%s” is a folder, not a Pillars document. Choose a .pillars file inside it."),
                       store->display_name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          /* A pipe or device: opening it could block or never end. */
          g_set_error (error, PL_DOCUMENT_ERROR,
                       create ? PL_DOCUMENT_ERROR_EXISTS : PL_DOCUMENT_ERROR_NOT_DATABASE,
                       _("“%s” is not a regular file, so it is not a Pillars document. Choose a .pillars file."),
                       store->display_name);
          return NULL;
        }
      if (create)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS,
                       _("“%s” already exists. Choose another name, or open it instead."),
                       store->display_name);
          return NULL;
        }
    }
  else if (!create)
    {
      int saved = errno;

      g_set_error (error, PL_DOCUMENT_ERROR,
                   saved == ENOENT ? PL_DOCUMENT_ERROR_NOT_FOUND : PL_DOCUMENT_ERROR_IO,
                   saved == ENOENT ? _("“%s” does not exist. Check the name and folder.")
                                   : _("Could not open “%s”."),
                   store->display_name);
      return NULL;
    }

  if (create)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, PL_DOCUMENT_ERROR,
                       saved == EEXIST ? PL_DOCUMENT_ERROR_EXISTS : PL_DOCUMENT_ERROR_IO,
                       _("Could not create “%s”: %s"), store->display_name, g_strerror (saved));
          return NULL;
        }
      close (fd);
    }
  else
    {
      gboolean file_writable = g_access (path, W_OK) == 0;
      gboolean folder_writable = dir_writable (path);

      /* Before anything else reads the file: SQLite would replay them. */
      _pl_store_inspect_side_files (store, &st, !read_only && file_writable && folder_writable, &side);
      store->had_side_files = side.wal || side.shm || side.foreign != NULL;
      if (!check_header (store, path, side.wal_hot && side.foreign == NULL, &wal_mode, error))
        {
          _pl_side_files_clear (&side);
          return NULL;
        }

      if (side.foreign != NULL)
        {
          /* Never replayed, never deleted: shown as last saved. */
          read_only = TRUE;
          immutable = TRUE;
          store->read_only_reason =
            g_strdup_printf (_("“%s” next to it was not made by the document’s owner, so Pillars ignored it "
                               "and shows the document as it was last saved. Check what that file is and "
                               "remove it to make changes."), side.foreign);
        }
      else if (!read_only && !file_writable)
        {
          read_only = TRUE;
          store->read_only_reason = g_strdup (_("The file is read-only. Save a copy to make changes."));
        }
      else if (!read_only && !folder_writable)
        {
          read_only = TRUE;
          store->read_only_reason = g_strdup (_("The folder of the file is read-only. Save a copy elsewhere to make changes."));
        }
      else if (read_only)
        store->read_only_reason = g_strdup (_("Opened read-only."));

      if (read_only && side.foreign == NULL &&
          !read_only_mode (store, &st, wal_mode, &side, &immutable, &recover, error))
        return NULL;
    }
  store->read_only = read_only;

  if (!read_only && !take_lock (store, error))
    {
      if (create)
        g_unlink (path);
      _pl_side_files_clear (&side);
      return NULL;
    }

  if (immutable)
    {
      g_autofree char *uri = _pl_store_file_uri (path, "immutable=1");

      rc = sqlite3_open_v2 (uri, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &store->db,
                          ((read_only && !recover) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX,
                          NULL);
  /* A failed open leaves a crashed session's changes where they were. */
  if (store->db != NULL && side.wal_hot)
    sqlite3_db_config (store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  _pl_side_files_clear (&side);
  if (rc != SQLITE_OK)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("open"));
      if (create)
        g_unlink (path);
      return NULL;
    }
  sqlite3_extended_result_codes (store->db, 0);
  sqlite3_busy_timeout (store->db, 3000);
  if (read_only && !_pl_store_exec (store, "PRAGMA query_only = ON;", error))
    return NULL;

  if (create)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;", PL_STORE_APPLICATION_ID);

      if (!_pl_store_exec (store, set_id, error) ||
          !_pl_store_migrate (store, 0, target_version, error) ||
          !_pl_store_exec (store, "PRAGMA journal_mode = WAL;", error))
        {
          sqlite3_close (store->db);
          store->db = NULL;
          g_unlink (path);
          return NULL;
        }
      store->write_ready = TRUE;
    }
  else
    {
      app_id = _pl_store_query_int (store, "PRAGMA application_id;", &rc);
      if (rc != SQLITE_OK)
        {
          _pl_store_set_sqlite_error (store, error, rc, _("open"));
          return NULL;
        }
      store->version = (int) _pl_store_query_int (store, "PRAGMA user_version;", &rc);
      if (rc != SQLITE_OK)
        {
          _pl_store_set_sqlite_error (store, error, rc, _("open"));
          return NULL;
        }
      if (app_id != PL_STORE_APPLICATION_ID)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FOREIGN,
                       _("“%s” is a database of another application, not a Pillars document. It was not changed."),
                       store->display_name);
          return NULL;
        }
      if (store->version > understood_version)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_TOO_NEW,
                       _("“%s” was saved by a newer version of Pillars (document format %d; this version understands up to %d). Update Pillars to open it."),
                       store->display_name, store->version, understood_version);
          return NULL;
        }
      if (store->version < 1)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                       _("“%s” is an incomplete Pillars document (it has no schema). Open a backup copy."),
                       store->display_name);
          return NULL;
        }
      /* Nothing is written before the file is known to be what it says. */
      if (!_pl_store_validate_schema (store, error))
        return NULL;
      /* SQLite has now opened (or created) the side files it uses: if one
       * was planted since they were looked at, nothing from it is kept. */
      if (!immutable && !side_files_still_trusted (store, &st, error))
        return NULL;
      if (store->version < target_version)
        {
          int from = store->version;

          /* Reading an old file needs no write access and changes
           * nothing: it is read through an upgrade in a copy in memory.
           * A writable one is upgraded in the file at its first write
           * (the document's lock keeps other writers out meanwhile). */
          if (!_pl_store_copy_to_memory (store, error) ||
              !_pl_store_migrate (store, from, target_version, error) ||
              (read_only && !_pl_store_exec (store, "PRAGMA query_only = ON;", error)))
            return NULL;
          store->in_memory = TRUE;
          store->upgraded_from = from;
        }
    }

  if (!_pl_store_exec (store, PL_STORE_SESSION_PRAGMAS, error))
    return NULL;

  sqlite3_db_config (store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  store->opened = TRUE;
  return g_steal_pointer (&store);
}

void
pl_store_set_understood_version_for_test (int version)
{
  g_return_if_fail (version >= 1 && version <= PL_STORE_SCHEMA_VERSION);
  understood_version = version;
}

PlStore *
pl_store_open (const char  *path,
               gboolean     create,
               gboolean     read_only,
               GError     **error)
{
  return open_internal (path, create, read_only && !create, PL_STORE_SCHEMA_VERSION, error);
}

PlStore *
pl_store_create_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= PL_STORE_SCHEMA_VERSION, NULL);
  return open_internal (path, TRUE, FALSE, version, error);
}

void
pl_store_free (PlStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->by_id, g_hash_table_unref);
  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->db != NULL)
    {
      /* Never on a file that failed to open: it must stay untouched. */
      if (store->opened && store->write_ready)
        sqlite3_exec (store->db, "PRAGMA optimize;", NULL, NULL, NULL);
      sqlite3_close (store->db);
      /* A failed open leaves nothing behind, not even a full disk's
       * half-made -shm. */
      if (!store->opened)
        _pl_store_remove_new_side_files (store);
    }
  /* Only now, after SQLite closed its descriptors. */
  if (store->lock_fd >= 0)
    close (store->lock_fd);
  g_free (store->path);
  g_free (store->fork_time);
  g_free (store->display_name);
  g_free (store->read_only_reason);
  g_free (store);
}

gboolean
pl_store_is_read_only (PlStore *store)
{
  return store->read_only;
}

const char *
pl_store_get_read_only_reason (PlStore *store)
{
  return store->read_only_reason;
}

int
pl_store_get_version (PlStore *store)
{
  /* The file's own format: an upgrade in memory did not change it. */
  return store->in_memory ? store->upgraded_from : store->version;
}

gboolean
pl_store_exec_for_test (PlStore     *store,
                        const char  *sql,
                        GError     **error)
{
  return _pl_store_exec (store, sql, error);
}

gboolean
_pl_store_check_writable (PlStore  *store,
                          GError  **error)
{
  if (store->read_only)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” is open read-only: %s"), store->display_name,
                   store->read_only_reason ? store->read_only_reason : "");
      return FALSE;
    }
  if (store->in_memory && !_pl_store_upgrade_file (store, error))
    return FALSE;
  /* The first write of a session: a damaged file is not written to, and
   * a file is switched to WAL only now, so that a session that only reads
   * (or fails) leaves its header as it was. */
  if (!store->write_ready)
    {
      if (!_pl_store_quick_check (store, error))
        return FALSE;
      if (store->depth == 0 && !_pl_store_exec (store, "PRAGMA journal_mode = WAL;", error))
        return FALSE;
      store->write_ready = TRUE;
    }
  return TRUE;
}

int
pl_store_get_upgraded_from (PlStore *store)
{
  return store->upgraded_from;
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a failed step undoes only itself and leaves the choice to
 * commit or roll back the rest to whoever began the outer one. */
gboolean
pl_store_begin (PlStore  *store,
                GError  **error)
{
  g_autofree char *sql = NULL;

  if (!_pl_store_check_writable (store, error))
    return FALSE;
  if (store->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE;");
  else
    sql = g_strdup_printf ("SAVEPOINT pl_%u;", store->depth);
  if (!_pl_store_exec (store, sql, error))
    return FALSE;
  store->depth++;
  /* The first write of a session tells a copy from its origin
   * (pl-store-merge.c): inside this transaction, so it costs no commit. */
  if (!store->instance_checked)
    {
      store->instance_checked = TRUE;
      if (!pl_store_ensure_instance (store, error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pl_store_begin_read (PlStore  *store,
                     GError  **error)
{
  g_autofree char *sql = NULL;

  /* One snapshot and one lock for many reads (exports). */
  if (store->depth == 0)
    sql = g_strdup ("BEGIN DEFERRED;");
  else
    sql = g_strdup_printf ("SAVEPOINT pl_%u;", store->depth);
  if (!_pl_store_exec (store, sql, error))
    return FALSE;
  store->depth++;
  return TRUE;
}

gboolean
pl_store_commit (PlStore  *store,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (store->depth > 0, FALSE);
  store->depth--;
  if (store->depth > 0)
    {
      sql = g_strdup_printf ("RELEASE pl_%u;", store->depth);
      if (!_pl_store_exec (store, sql, error))
        {
          g_autofree char *undo = g_strdup_printf ("ROLLBACK TO pl_%u; RELEASE pl_%u;", store->depth, store->depth);

          _pl_store_exec (store, undo, NULL);
          return FALSE;
        }
      return TRUE;
    }
  if (!_pl_store_exec (store, "COMMIT;", error))
    {
      _pl_store_exec (store, "ROLLBACK;", NULL);
      return FALSE;
    }
  return TRUE;
}

void
pl_store_rollback (PlStore *store)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (store->depth > 0);
  store->depth--;
  if (store->depth > 0)
    sql = g_strdup_printf ("ROLLBACK TO pl_%u; RELEASE pl_%u;", store->depth, store->depth);
  else
    sql = g_strdup ("ROLLBACK;");
  _pl_store_exec (store, sql, NULL);
}

guint
pl_store_get_depth (PlStore *store)
{
  return store->depth;
}

gboolean
pl_store_checkpoint (PlStore  *store,
                     GError  **error)
{
  int rc;

  if (store->read_only)
    return TRUE;
  rc = sqlite3_wal_checkpoint_v2 (store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("save"));
      return FALSE;
    }
  return TRUE;
}
