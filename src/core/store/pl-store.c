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
#include <sqlite3.h>

#include "pl-document.h"
#include "pl-record-loading.h"
#include "pl-store.h"
#include "pl-store-schema.h"

G_STATIC_ASSERT (PL_STORE_SCHEMA_VERSION == PL_SCHEMA_VERSION);

struct _PlStore
{
  sqlite3    *db;
  char       *path;
  char       *display_name;
  int         lock_fd;
  int         version;
  gboolean    read_only;
  gboolean    opened;      /* fully opened (checked, migrated) */
  char       *read_only_reason;
  guint       depth;
  GHashTable *statements;  /* SQL text -> sqlite3_stmt */
  GHashTable *by_id;       /* type | even_deleted -> the statement of pl_store_load_one() */
};

/* ---- errors ---- */

static void
set_sqlite_error (PlStore  *store,
                  GError  **error,
                  int       rc,
                  const char *what)
{
  const char *name = store->display_name;
  const char *detail = store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not save “%s”: the disk is full. Free some space; nothing was changed."), name);
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
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Open a backup copy; the file was not changed."), name, detail);
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
    default:
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("Could not %s “%s”: %s"), what, name, detail);
      break;
    }
}

/* ---- statements ---- */

static sqlite3_stmt *
prepare (PlStore     *store,
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
      set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (PlStore     *store,
      const char  *sql,
      GError     **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, &msg);

  sqlite3_free (msg);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, error, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (PlStore    *store,
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

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
wal_pending (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0;
}

/* Looks at the file before SQLite does, so that a foreign or damaged file is
 * named precisely and never touched. */
static gboolean
check_header (PlStore     *store,
              const char  *path,
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

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    goto truncated;
  /* After a crash (even during a checkpoint) the main file may be shorter
   * than its header says while the -wal file holds the rest: SQLite
   * recovers that, so leave it to SQLite. */
  if (wal_pending (path))
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

/* Takes the file from @from to @to in one transaction: either every step
 * is applied or the file stays exactly as it was. */
static gboolean
migrate (PlStore     *store,
         int          from,
         int          to,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", to);

  if (!exec (store, "BEGIN IMMEDIATE;", error))
    return FALSE;
  for (int v = from + 1; v <= to; v++)
    {
      if (!exec (store, pl_store_schema_migration (v), &local_error))
        {
          g_autofree char *detail = g_strdup (sqlite3_errmsg (store->db));

          exec (store, "ROLLBACK;", NULL);
          if (from == 0)
            g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                         _("Could not set up the new document “%s”: %s"),
                         store->display_name, local_error->message);
          else
            g_set_error (error, PL_DOCUMENT_ERROR, local_error->code,
                         _("“%s” could not be upgraded from document format %d to %d (step %d failed: %s). "
                           "The file was not changed; open it with the version of Pillars that saved it, "
                           "or restore a backup copy."),
                         store->display_name, from, to, v, detail);
          return FALSE;
        }
    }
  if (!exec (store, set_version, error) || !exec (store, "COMMIT;", error))
    {
      exec (store, "ROLLBACK;", NULL);
      return FALSE;
    }
  store->version = to;
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
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* "file:/path?immutable=1", with the characters a URI reserves escaped. */
static char *
immutable_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GString *uri = g_string_new ("file:");

  for (const char *p = absolute; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7f)
        g_string_append_printf (uri, "%%%02X", c);
      else
        g_string_append_c (uri, c);
    }
  g_string_append (uri, "?immutable=1");
  return g_string_free (uri, FALSE);
}

static gboolean
dir_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

static PlStore *
open_internal (const char  *path,
               gboolean     create,
               gboolean     read_only,
               int          target_version,
               GError     **error)
{
  g_autoptr(PlStore) store = NULL;
  struct stat st;
  int flags, rc;
  gint64 app_id;
  gboolean file_writable = TRUE;

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
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

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
      if (!check_header (store, path, error))
        return NULL;

      file_writable = g_access (path, W_OK) == 0 && dir_writable (path);
      if (!read_only && g_access (path, W_OK) != 0)
        {
          read_only = TRUE;
          store->read_only_reason = g_strdup (_("The file is read-only. Save a copy to make changes."));
        }
      else if (!read_only && !dir_writable (path))
        {
          read_only = TRUE;
          store->read_only_reason = g_strdup (_("The folder of the file is read-only. Save a copy elsewhere to make changes."));
        }
      else if (read_only)
        store->read_only_reason = g_strdup (_("Opened read-only."));
    }
  store->read_only = read_only;

  if (!read_only && !take_lock (store, error))
    {
      if (create)
        g_unlink (path);
      return NULL;
    }

  /* A writable file opened read-only is opened read-write with query_only
   * set: SQLite then still removes its -wal and -shm files on close, which
   * a read-only connection cannot do. */
  flags = ((read_only && !file_writable) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
  if (read_only && !create && !dir_writable (path) && !side_file_exists (path, "-wal"))
    {
      /* SQLite cannot create the -shm and -wal files a WAL database needs
       * in a folder it cannot write, so it could not even read the file.
       * Nothing else can write there either: read it as it is. */
      g_autofree char *uri = immutable_uri (path);

      rc = sqlite3_open_v2 (uri, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &store->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, error, rc, _("open"));
      if (create)
        g_unlink (path);
      return NULL;
    }
  sqlite3_extended_result_codes (store->db, 0);
  sqlite3_busy_timeout (store->db, 3000);
  if (read_only && !exec (store, "PRAGMA query_only = ON;", error))
    return NULL;

  if (create)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;", PL_APPLICATION_ID);

      if (!exec (store, set_id, error) ||
          !migrate (store, 0, target_version, error) ||
          !exec (store, "PRAGMA journal_mode = WAL;", error))
        {
          sqlite3_close (store->db);
          store->db = NULL;
          g_unlink (path);
          return NULL;
        }
    }
  else
    {
      app_id = query_int (store, "PRAGMA application_id;", &rc);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (store, error, rc, _("open"));
          return NULL;
        }
      store->version = (int) query_int (store, "PRAGMA user_version;", &rc);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (store, error, rc, _("open"));
          return NULL;
        }
      if (app_id != PL_APPLICATION_ID)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FOREIGN,
                       _("“%s” is a database of another application, not a Pillars document. It was not changed."),
                       store->display_name);
          return NULL;
        }
      if (store->version > PL_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_TOO_NEW,
                       _("“%s” was saved by a newer version of Pillars (document format %d; this version understands up to %d). Update Pillars to open it."),
                       store->display_name, store->version, PL_STORE_SCHEMA_VERSION);
          return NULL;
        }
      if (store->version < 1)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                       _("“%s” is an incomplete Pillars document (it has no schema). Open a backup copy."),
                       store->display_name);
          return NULL;
        }
      if (store->version < target_version)
        {
          if (read_only)
            {
              g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                           _("“%s” was saved by an older version of Pillars and must be upgraded, but it is read-only. Copy it to a folder you can write to and open the copy."),
                           store->display_name);
              return NULL;
            }
          if (!migrate (store, store->version, target_version, error))
            return NULL;
        }
      if (!read_only && !exec (store, "PRAGMA journal_mode = WAL;", error))
        return NULL;
    }

  /* mmap reads avoid a copy per page for big documents. */
  if (!exec (store, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;", error))
    return NULL;

  store->opened = TRUE;
  return g_steal_pointer (&store);
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
      if (store->opened && !store->read_only)
        sqlite3_exec (store->db, "PRAGMA optimize;", NULL, NULL, NULL);
      sqlite3_close (store->db);
    }
  /* Only now, after SQLite closed its descriptors. */
  if (store->lock_fd >= 0)
    close (store->lock_fd);
  g_free (store->path);
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
  return store->version;
}

gboolean
pl_store_exec_for_test (PlStore     *store,
                        const char  *sql,
                        GError     **error)
{
  return exec (store, sql, error);
}

static gboolean
check_writable (PlStore  *store,
                GError  **error)
{
  if (store->read_only)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” is open read-only: %s"), store->display_name,
                   store->read_only_reason ? store->read_only_reason : "");
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a failed step undoes only itself and leaves the choice to
 * commit or roll back the rest to whoever began the outer one. */
gboolean
pl_store_begin (PlStore  *store,
                GError  **error)
{
  g_autofree char *sql = NULL;

  if (!check_writable (store, error))
    return FALSE;
  if (store->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE;");
  else
    sql = g_strdup_printf ("SAVEPOINT pl_%u;", store->depth);
  if (!exec (store, sql, error))
    return FALSE;
  store->depth++;
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
  if (!exec (store, sql, error))
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
      if (!exec (store, sql, error))
        {
          g_autofree char *undo = g_strdup_printf ("ROLLBACK TO pl_%u; RELEASE pl_%u;", store->depth, store->depth);

          exec (store, undo, NULL);
          return FALSE;
        }
      return TRUE;
    }
  if (!exec (store, "COMMIT;", error))
    {
      exec (store, "ROLLBACK;", NULL);
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
  exec (store, sql, NULL);
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
      set_sqlite_error (store, error, rc, _("save"));
      return FALSE;
    }
  return TRUE;
}

/* ---- generic record mapping ---- */

static char *
column_name (GParamSpec *pspec)
{
  char *name = g_strdup (g_param_spec_get_name (pspec));

  g_strdelimit (name, "-", '_');
  return name;
}

/* Foreign keys store "none" as NULL. target_id is polymorphic, no FK. */
static gboolean
is_nullable_fk (GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  return pspec->value_type == G_TYPE_INT64 &&
         g_str_has_suffix (name, "-id") &&
         g_strcmp0 (name, "target-id") != 0;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *s = g_value_get_string (value);
      sqlite3_bind_text (stmt, index, s ? s : "", -1, SQLITE_STATIC);
    }
  else if (G_VALUE_HOLDS_INT64 (value))
    {
      gint64 v = g_value_get_int64 (value);

      if (v == 0 && is_nullable_fk (pspec))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, v);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_VALUE_HOLDS_ENUM (value))
    sqlite3_bind_text (stmt, index,
                       pl_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)),
                       -1, SQLITE_STATIC);
  else
    g_assert_not_reached ();
}

static void
read_value (sqlite3_stmt *stmt,
            int           col,
            GParamSpec   *pspec,
            GValue       *value)
{
  g_value_init (value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    {
      const char *s = (const char *) sqlite3_column_text (stmt, col);
      g_value_set_string (value, s ? s : "");
    }
  else if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      int v = 0;

      if (!pl_enum_from_nick (pspec->value_type, (const char *) sqlite3_column_text (stmt, col), &v))
        v = G_PARAM_SPEC_ENUM (pspec)->default_value;
      g_value_set_enum (value, v);
    }
  else
    g_assert_not_reached ();
}

/* SELECT id, uuid, created_at, updated_at, position, <columns> FROM t */
static char *
build_select_sql (PlRecordClass *klass,
                  const char    *prefix,
                  gboolean       full)
{
  GString *sql = g_string_new ("SELECT ");

  g_string_append_printf (sql, "%sid, %suuid, %screated_at, %supdated_at, %sposition",
                          prefix, prefix, prefix, prefix, prefix);
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      g_autofree char *col = column_name (klass->pspecs[i]);

      /* Lazy columns stay in the file until someone reads them. */
      if (!full && (klass->lazy_mask & ((guint64) 1 << i)))
        g_string_append (sql, ", NULL");
      else
        g_string_append_printf (sql, ", %s%s", prefix, col);
    }
  g_string_append_printf (sql, " FROM %s", klass->table);
  return g_string_free (sql, FALSE);
}

/* The SELECT text of a type never changes: build it once per process. */
static char *
select_sql_full (PlRecordClass *klass,
                 const char    *prefix,
                 gboolean       full)
{
  static GHashTable *cache = NULL;
  G_LOCK_DEFINE_STATIC (cache);
  g_autofree char *key = g_strdup_printf ("%s|%s|%d", G_OBJECT_CLASS_NAME (klass), prefix, full);
  const char *sql;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sql = g_hash_table_lookup (cache, key);
  if (sql == NULL)
    {
      sql = build_select_sql (klass, prefix, full);
      g_hash_table_insert (cache, g_steal_pointer (&key), (char *) sql);
    }
  G_UNLOCK (cache);
  return g_strdup (sql);
}

static char *
select_sql (PlRecordClass *klass,
            const char    *prefix)
{
  return select_sql_full (klass, prefix, FALSE);
}

#define FIXED_COLUMNS 5

/* The column holding a record's parent id, or NULL. */
static char *
parent_column (PlRecordClass *klass)
{
  return klass->parent_prop ? g_strdelimit (g_strdup (klass->parent_prop), "-", '_') : NULL;
}

/* Copies @len bytes of @text to *@p, ends them, and advances *@p. */
static const char *
copy_text (char       **p,
           const char  *text,
           int          len)
{
  char *copy = *p;

  memcpy (copy, text, len);
  copy[len] = '\0';
  *p += len + 1;
  return copy;
}

/* A record from the current row. Its text (identity and string columns)
 * goes into one allocation the record owns, not one per string: loading
 * and freeing thousands of rows is most of an export's reading. */
static PlRecord *
record_from_row (GType          type,
                 PlRecordClass *klass,
                 sqlite3_stmt  *stmt,
                 gboolean       full)
{
  PlRecord *record = g_object_new (type, NULL);
  const char *texts[FIXED_COLUMNS + 64];
  int lens[FIXED_COLUMNS + 64];
  const char *identity[3];
  gsize size = 0;
  char *block, *p;

  g_assert (klass->n_pspecs <= 64);
  for (guint col = 0; col < FIXED_COLUMNS + klass->n_pspecs; col++)
    {
      guint i = col - FIXED_COLUMNS;
      gboolean is_text = (col >= 1 && col <= 3) ||
                         (col >= FIXED_COLUMNS && klass->pspecs[i]->value_type == G_TYPE_STRING &&
                          (full || !(klass->lazy_mask & ((guint64) 1 << i))));

      texts[col] = is_text ? (const char *) sqlite3_column_text (stmt, col) : NULL;
      lens[col] = texts[col] != NULL ? sqlite3_column_bytes (stmt, col) : 0;
      if (texts[col] != NULL)
        size += lens[col] + 1;
    }
  block = p = g_malloc (MAX (size, 1));
  pl_record_adopt_block (record, block, size);

  for (guint col = 1; col <= 3; col++)
    identity[col - 1] = texts[col] != NULL ? copy_text (&p, texts[col], lens[col]) : NULL;
  pl_record_set_identity (record, sqlite3_column_int64 (stmt, 0), identity[0], identity[1], identity[2]);
  pl_record_set_position (record, sqlite3_column_int64 (stmt, 4));
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      guint col = FIXED_COLUMNS + i;

      if (!full && (klass->lazy_mask & ((guint64) 1 << i)))
        {
          pl_record_set_unloaded (record, i);
          continue;
        }
      if (klass->pspecs[i]->value_type == G_TYPE_STRING)
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_static_string (&value, texts[col] != NULL ? copy_text (&p, texts[col], lens[col]) : "");
        }
      else
        read_value (stmt, col, klass->pspecs[i], &value);
      pl_record_take_value_at (record, i, &value);
    }
  return record;
}

static GPtrArray *
load_rows_full (PlStore       *store,
                GType          type,
                sqlite3_stmt  *stmt,
                gboolean       full,
                GError       **error)
{
  PlRecordClass *klass = g_type_class_peek (type);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, klass, stmt, full));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

static GPtrArray *
load_rows (PlStore       *store,
           GType          type,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return load_rows_full (store, type, stmt, FALSE, error);
}

GPtrArray *
pl_store_load (PlStore  *store,
               GType     type,
               gint64    parent_id,
               GError  **error)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *base = select_sql (klass, "");
  g_autofree char *sql = NULL;
  g_autofree char *parent_col = NULL;
  const char *order;
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);

  if (type == PL_TYPE_WORKSHOP)
    order = "start_date, id";
  else if (type == PL_TYPE_STAKEHOLDER)
    order = "name COLLATE NOCASE, id";
  else if (type == PL_TYPE_FEEDBACK)
    order = "captured_at DESC, id DESC";
  else
    order = "position, id";

  if (klass->parent_prop != NULL && parent_id >= 0)
    {
      parent_col = parent_column (klass);
      sql = g_strdup_printf ("%s WHERE deleted = 0 AND %s = ?1 ORDER BY %s", base, parent_col, order);
    }
  else
    sql = g_strdup_printf ("%s WHERE deleted = 0 ORDER BY %s", base, order);

  if (!(stmt = prepare (store, sql, error)))
    return NULL;
  if (parent_col != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  return load_rows (store, type, stmt, error);
}

GPtrArray *
pl_store_load_everything (PlStore  *store,
                          GType     type,
                          GError  **error)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *base = select_sql_full (klass, "", TRUE);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *parent_col = NULL;

  g_type_class_unref (klass);
  /* Grouped by parent, the order of the (parent, position) index: SQLite
   * walks it instead of sorting every row (a third of an export's reading). */
  parent_col = parent_column (klass);
  sql = g_strdup_printf ("%s WHERE deleted = 0 ORDER BY %s%sposition, id", base,
                         parent_col ? parent_col : "", parent_col ? ", " : "");
  if (!(stmt = prepare (store, sql, error)))
    return NULL;
  return load_rows_full (store, type, stmt, TRUE, error);
}

GPtrArray *
pl_store_load_all_actions (PlStore  *store,
                           GError  **error)
{
  PlRecordClass *klass = g_type_class_ref (PL_TYPE_ACTION);
  g_autofree char *base = select_sql (klass, "a.");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);
  sql = g_strdup_printf ("%s a JOIN objectives o ON o.id = a.objective_id "
                         "JOIN pillars p ON p.id = o.pillar_id "
                         "WHERE a.deleted = 0 AND o.deleted = 0 AND p.deleted = 0 "
                         "ORDER BY p.position, p.id, o.position, o.id, a.position, a.id",
                         base);
  if (!(stmt = prepare (store, sql, error)))
    return NULL;
  return load_rows (store, PL_TYPE_ACTION, stmt, error);
}

PlRecord *
pl_store_load_one (PlStore   *store,
                   GType      type,
                   gint64     id,
                   gboolean   even_deleted,
                   GError   **error)
{
  PlRecordClass *klass = g_type_class_peek (type);
  g_autoptr(GPtrArray) rows = NULL;
  /* Types are aligned pointers or shifted numbers: the lowest bit is free. */
  gpointer key = GSIZE_TO_POINTER (type | (even_deleted ? 1 : 0));
  sqlite3_stmt *stmt = g_hash_table_lookup (store->by_id, key);

  /* Asked for over and over (the target of each feedback, its
   * stakeholder): the statement is looked up by type, not rebuilt. */
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      g_autofree char *base = NULL;
      g_autofree char *sql = NULL;

      klass = g_type_class_ref (type);
      base = select_sql (klass, "");
      g_type_class_unref (klass);
      sql = g_strdup_printf ("%s WHERE id = ?1%s", base, even_deleted ? "" : " AND deleted = 0");
      if (!(stmt = prepare (store, sql, error)))
        return NULL;
      g_hash_table_insert (store->by_id, key, stmt);
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(rows = load_rows (store, type, stmt, error)))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("There is no %s with id %lld in “%s”"),
                   klass->table, (long long) id, store->display_name);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gboolean
pl_store_fetch_column (PlStore     *store,
                       PlRecord    *record,
                       GParamSpec  *pspec,
                       GValue      *value,
                       GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  g_autofree char *col = column_name (pspec);
  g_autofree char *sql = NULL;
  g_auto(GValue) fresh = G_VALUE_INIT;
  sqlite3_stmt *stmt;
  int rc;

  /* The column name comes from the class's own property, never from input. */
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", col, klass->table);
  if (!(stmt = prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pl_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read_value (stmt, 0, pspec, &fresh);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                     _("The %s no longer exists in “%s”"), klass->table, store->display_name);
      else
        set_sqlite_error (store, error, rc, _("read"));
      return FALSE;
    }
  g_value_copy (&fresh, value);
  return TRUE;
}

gint64
pl_store_find_id_by_uuid (PlStore    *store,
                          GType       type,
                          const char *uuid)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1 AND deleted = 0", klass->table);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_type_class_unref (klass);
  if (!(stmt = prepare (store, sql, NULL)))
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
pl_store_find_stakeholder (PlStore    *store,
                           const char *name)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!(stmt = prepare (store, "SELECT id FROM stakeholders WHERE deleted = 0 AND name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1", NULL)))
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
pl_store_count (PlStore    *store,
                const char *table)
{
  static const char *const tables[] = {
    "sections", "pillars", "objectives", "actions", "workshops",
    "stakeholders", "feedback", "snapshots",
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  if (!g_strv_contains (tables, table) && g_strcmp0 (table, "strategy") != 0)
    return -1;
  if (g_str_equal (table, "objectives"))
    sql = g_strdup ("SELECT count(*) FROM objectives o JOIN pillars p ON p.id = o.pillar_id "
                    "WHERE o.deleted = 0 AND p.deleted = 0");
  else if (g_str_equal (table, "actions"))
    sql = g_strdup ("SELECT count(*) FROM actions a JOIN objectives o ON o.id = a.objective_id "
                    "JOIN pillars p ON p.id = o.pillar_id "
                    "WHERE a.deleted = 0 AND o.deleted = 0 AND p.deleted = 0");
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0", table);
  if (!(stmt = prepare (store, sql, NULL)))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- writing ---- */

static gboolean
step_done (PlStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (store, error, rc, _("save"));
      return FALSE;
    }
  return TRUE;
}

/* Makes room at @position among the live siblings of @record. */
static gboolean
shift_siblings (PlStore       *store,
                PlRecordClass *klass,
                gint64         parent_id,
                gint64         position,
                int            delta,
                gint64         except_id,
                GError       **error)
{
  g_autofree char *pcol = parent_column (klass);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = position + ?1 "
                                          "WHERE deleted = 0 AND position >= ?2 AND id != ?3%s%s%s",
                                          klass->table,
                                          pcol ? " AND " : "", pcol ? pcol : "", pcol ? " = ?4" : "");
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (pcol)
    sqlite3_bind_int64 (stmt, 4, parent_id);
  return step_done (store, stmt, error);
}

static gint64
count_siblings (PlStore       *store,
                PlRecordClass *klass,
                gint64         parent_id)
{
  g_autofree char *pcol = parent_column (klass);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0%s%s%s",
                                          klass->table,
                                          pcol ? " AND " : "", pcol ? pcol : "", pcol ? " = ?1" : "");
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (!(stmt = prepare (store, sql, NULL)))
    return 0;
  if (pcol)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gint64
db_position (PlStore       *store,
             PlRecordClass *klass,
             gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT position FROM %s WHERE id = ?1", klass->table);
  sqlite3_stmt *stmt;
  gint64 pos = 0;

  if (!(stmt = prepare (store, sql, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pos = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return pos;
}

gboolean
pl_store_insert (PlStore   *store,
                 PlRecord  *record,
                 int        position,
                 GError   **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *uuid = NULL;
  GValue *values = pl_record_peek_values (record);
  gint64 parent_id = pl_record_get_parent_id (record);
  gint64 pos = 0;
  sqlite3_stmt *stmt;

  if (!check_writable (store, error))
    return FALSE;

  /* Keep a uuid given by the caller (merge, import). */
  uuid = g_strdup (pl_record_get_uuid (record));
  if (uuid == NULL || *uuid == '\0')
    {
      g_free (uuid);
      uuid = g_uuid_string_random ();
    }

  if (klass->ordered)
    {
      gint64 n = count_siblings (store, klass, parent_id);

      pos = (position < 0 || position > n) ? n : position;
      if (pos < n && !shift_siblings (store, klass, parent_id, pos, 1, 0, error))
        return FALSE;
    }

  g_string_append_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at, position", klass->table);
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      g_autofree char *col = column_name (klass->pspecs[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append (sql, ") VALUES (?1, ?2, ?2, ?3");
  for (guint i = 0; i < klass->n_pspecs; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  if (!(stmt = prepare (store, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, pos);
  for (guint i = 0; i < klass->n_pspecs; i++)
    bind_value (stmt, i + 4, klass->pspecs[i], &values[i]);
  if (!step_done (store, stmt, error))
    return FALSE;

  pl_record_set_identity (record, sqlite3_last_insert_rowid (store->db), uuid, stamp, stamp);
  pl_record_set_position (record, pos);
  return TRUE;
}

gboolean
pl_store_update (PlStore       *store,
                 PlRecord      *record,
                 guint          n,
                 GParamSpec   **pspecs,
                 const GValue  *values,
                 const char    *now,
                 GError       **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (!check_writable (store, error))
    return FALSE;

  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?1", klass->table);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *col = column_name (pspecs[i]);
      g_string_append_printf (sql, ", %s = ?%u", col, i + 3);
    }
  g_string_append (sql, " WHERE id = ?2 AND deleted = 0");

  if (!(stmt = prepare (store, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, pl_record_get_id (record));
  for (guint i = 0; i < n; i++)
    bind_value (stmt, i + 3, pspecs[i], &values[i]);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The %s being changed no longer exists in “%s”"),
                   klass->table, store->display_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_bound (PlStore     *store,
           const char  *sql,
           gint64       a,
           gint64       b,
           const char  *now,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

gboolean
pl_store_delete (PlStore     *store,
                 PlRecord    *record,
                 gint64       token,
                 const char  *now,
                 GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  gint64 id = pl_record_get_id (record);
  g_autofree char *sql = NULL;

  if (!check_writable (store, error))
    return FALSE;

  /* What lies under it goes with it, marked with the same token. */
  if (PL_IS_PILLAR (record))
    {
      if (!run_bound (store, "UPDATE actions SET deleted = ?1, updated_at = ?3 WHERE deleted = 0 AND "
                      "objective_id IN (SELECT id FROM objectives WHERE pillar_id = ?2 AND deleted = 0)",
                      token, id, now, error) ||
          !run_bound (store, "UPDATE objectives SET deleted = ?1, updated_at = ?3 WHERE deleted = 0 AND pillar_id = ?2",
                      token, id, now, error))
        return FALSE;
    }
  else if (PL_IS_OBJECTIVE (record))
    {
      if (!run_bound (store, "UPDATE actions SET deleted = ?1, updated_at = ?3 WHERE deleted = 0 AND objective_id = ?2",
                      token, id, now, error))
        return FALSE;
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted = ?1, updated_at = ?3 WHERE id = ?2 AND deleted = 0", klass->table);
  if (!run_bound (store, sql, token, id, now, error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The %s to delete no longer exists in “%s”"), klass->table, store->display_name);
      return FALSE;
    }
  /* Close the gap among the live siblings. */
  if (klass->ordered)
    {
      gint64 pos = db_position (store, klass, id);

      pl_record_set_position (record, pos);
      return shift_siblings (store, klass, pl_record_get_parent_id (record), pos, -1, id, error);
    }
  return TRUE;
}

gint64
pl_store_get_deleted_token (PlStore  *store,
                            PlRecord *record)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM %s WHERE id = ?1", klass->table);
  sqlite3_stmt *stmt;
  gint64 token = 0;

  if (!(stmt = prepare (store, sql, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, pl_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    token = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return token;
}

GArray *
pl_store_ids_deleted_with (PlStore *store,
                           GType    type,
                           gint64   token)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted = ?1", klass->table);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);
  if (token == 0 || !(stmt = prepare (store, sql, NULL)))
    return ids;
  sqlite3_bind_int64 (stmt, 1, token);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

gboolean
pl_store_undelete (PlStore     *store,
                   PlRecord    *record,
                   gint64       token,
                   const char  *now,
                   GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  gint64 id = pl_record_get_id (record);
  gint64 parent_id = pl_record_get_parent_id (record);
  g_autofree char *sql = NULL;

  if (!check_writable (store, error))
    return FALSE;

  if (klass->ordered)
    {
      gint64 n = count_siblings (store, klass, parent_id);
      gint64 pos = MIN (pl_record_get_position (record), n);

      pl_record_set_position (record, pos);
      if (!shift_siblings (store, klass, parent_id, pos, 1, id, error))
        return FALSE;
      if (!run_bound (store, (sql = g_strdup_printf ("UPDATE %s SET position = ?1 WHERE id = ?2", klass->table)),
                      pos, id, NULL, error))
        return FALSE;
      g_clear_pointer (&sql, g_free);
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted = 0, updated_at = ?3 WHERE id = ?2 AND deleted = ?1", klass->table);
  if (!run_bound (store, sql, token, id, now, error))
    return FALSE;
  if (token == 0 || sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The %s to restore is not deleted in “%s”"), klass->table, store->display_name);
      return FALSE;
    }

  if (PL_IS_PILLAR (record))
    {
      if (!run_bound (store, "UPDATE objectives SET deleted = 0, updated_at = ?3 WHERE deleted = ?1 AND pillar_id = ?2",
                      token, id, now, error) ||
          !run_bound (store, "UPDATE actions SET deleted = 0, updated_at = ?3 WHERE deleted = ?1 AND "
                      "objective_id IN (SELECT id FROM objectives WHERE pillar_id = ?2)",
                      token, id, now, error))
        return FALSE;
    }
  else if (PL_IS_OBJECTIVE (record))
    {
      if (!run_bound (store, "UPDATE actions SET deleted = 0, updated_at = ?3 WHERE deleted = ?1 AND objective_id = ?2",
                      token, id, now, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_move (PlStore     *store,
               PlRecord    *record,
               guint        position,
               const char  *now,
               GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  gint64 id = pl_record_get_id (record);
  gint64 parent_id = pl_record_get_parent_id (record);
  gint64 n = count_siblings (store, klass, parent_id);
  gint64 old = db_position (store, klass, id);
  g_autofree char *sql = NULL;

  if (!check_writable (store, error))
    return FALSE;
  if ((gint64) position >= n)
    position = n - 1;
  if ((gint64) position == old)
    return TRUE;

  /* Take it out, close the gap, open one at the new place, put it there. */
  if (!shift_siblings (store, klass, parent_id, old, -1, id, error) ||
      !shift_siblings (store, klass, parent_id, position, 1, id, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET position = ?1, updated_at = ?3 WHERE id = ?2", klass->table);
  if (!run_bound (store, sql, position, id, now, error))
    return FALSE;
  pl_record_set_position (record, position);
  return TRUE;
}

GArray *
pl_store_update_orphans (PlStore     *store,
                         int          target_kind,
                         gint64       target_id,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) flips = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (store, "SELECT id, quote, orphaned FROM feedback WHERE deleted = 0 "
                        "AND target_kind = ?1 AND target_id = ?2 AND quote != ''", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, pl_enum_to_nick (PL_TYPE_TARGET_KIND, target_kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *quote = (const char *) sqlite3_column_text (stmt, 1);
      gboolean was = sqlite3_column_int64 (stmt, 2) != 0;
      gint64 now_orphaned = strstr (text ? text : "", quote) == NULL ? 1 : 0;

      if (was != (now_orphaned != 0))
        {
          g_array_append_val (changed, id);
          g_array_append_val (flips, now_orphaned);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }

  for (guint i = 0; i < changed->len; i++)
    if (!run_bound (store, "UPDATE feedback SET orphaned = ?1 WHERE id = ?2",
                    g_array_index (flips, gint64, i), g_array_index (changed, gint64, i), NULL, error))
      return NULL;
  return g_steal_pointer (&changed);
}

gboolean
pl_store_reassign_feedback (PlStore     *store,
                            gint64       from_stakeholder,
                            gint64       to_stakeholder,
                            const char  *now,
                            GError     **error)
{
  return run_bound (store, "UPDATE feedback SET stakeholder_id = ?1, updated_at = ?3 WHERE stakeholder_id = ?2",
                    to_stakeholder, from_stakeholder, now, error);
}

/* ---- feedback queries ---- */

char *
pl_store_fts_query (const char *words)
{
  g_autoptr(GString) q = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (words == NULL)
    return NULL;
  parts = g_strsplit_set (words, " \t\n\r", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GString) token = g_string_new (NULL);

      /* Keep letters, digits and inner punctuation; quote as an FTS string
       * so operators in user text are never interpreted. */
      for (const char *p = parts[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c) || c == '_' || c == '-' || c == '\'' || c == '.')
            {
              if (c == '\'' || c == '.' || c == '-')
                g_string_append_c (token, ' ');
              else
                g_string_append_unichar (token, c);
            }
        }
      g_strstrip (token->str);
      token->len = strlen (token->str);
      if (token->len == 0)
        continue;
      if (n++ > 0)
        g_string_append_c (q, ' ');
      g_string_append_printf (q, "\"%s\"", token->str);
    }
  if (n == 0)
    return NULL;
  /* The last word always matches as a prefix, for search-as-you-type. */
  if (q->str[q->len - 1] != '*')
    g_string_append_c (q, '*');
  return g_string_free (g_steal_pointer (&q), FALSE);
}

static void
build_feedback_where (const PlFeedbackQuery *query,
                      GString               *sql,
                      GPtrArray             *binds)
{
  g_string_append (sql, " WHERE f.deleted = 0");
  if (query->pillar_id > 0)
    {
      g_string_append (sql, " AND f.pillar_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->pillar_id)));
    }
  if (query->workshop_id > 0)
    {
      g_string_append (sql, " AND f.workshop_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->workshop_id)));
    }
  if (query->stakeholder_id > 0)
    {
      g_string_append (sql, " AND f.stakeholder_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->stakeholder_id)));
    }
  if (query->kind >= 0)
    {
      g_string_append (sql, " AND f.kind = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, query->kind))));
    }
  if (query->disposition >= 0)
    {
      g_string_append (sql, " AND f.disposition = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_DISPOSITION, query->disposition))));
    }
  if (query->sector >= 0)
    {
      g_string_append (sql, " AND f.stakeholder_id IN (SELECT id FROM stakeholders WHERE sector = ?)");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_SECTOR, query->sector))));
    }
  if (query->orphaned >= 0)
    {
      g_string_append (sql, " AND f.orphaned = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->orphaned ? 1 : 0)));
    }
  if (query->text != NULL && query->text[0] != '\0')
    {
      g_autofree char *fts = pl_store_fts_query (query->text);

      if (fts != NULL)
        {
          g_string_append (sql, " AND f.id IN (SELECT rowid FROM feedback_index WHERE feedback_index MATCH ?)");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (fts)));
        }
    }
}

static void
bind_variants (sqlite3_stmt *stmt,
               GPtrArray    *binds,
               int           first)
{
  for (guint i = 0; i < binds->len; i++)
    {
      GVariant *v = g_ptr_array_index (binds, i);

      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, first + i, g_variant_get_int64 (v));
      else
        sqlite3_bind_text (stmt, first + i, g_variant_get_string (v, NULL), -1, SQLITE_STATIC);
    }
}

GArray *
pl_store_query_feedback_range (PlStore               *store,
                               const PlFeedbackQuery *query,
                               guint                  offset,
                               guint                  limit,
                               GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT f.id FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
  sqlite3_stmt *stmt;
  int rc;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " ORDER BY f.captured_at DESC, f.id DESC LIMIT ? OFFSET ?");
  if (!(stmt = prepare (store, sql->str, error)))
    return NULL;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, limit);
  sqlite3_bind_int64 (stmt, binds->len + 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error, rc, _("search"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
pl_store_load_feedback_range (PlStore               *store,
                              const PlFeedbackQuery *query,
                              guint                  offset,
                              guint                  limit,
                              GError               **error)
{
  PlRecordClass *klass = g_type_class_ref (PL_TYPE_FEEDBACK);
  g_autofree char *base = select_sql (klass, "f.");
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);
  /* select_sql names the table itself; alias it for the shared WHERE. */
  g_string_append_printf (sql, "%s f", base);
  build_feedback_where (query, sql, binds);
  g_string_append (sql, " ORDER BY f.captured_at DESC, f.id DESC LIMIT ? OFFSET ?");
  if (!(stmt = prepare (store, sql->str, error)))
    return NULL;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, limit);
  sqlite3_bind_int64 (stmt, binds->len + 2, offset);
  return load_rows (store, PL_TYPE_FEEDBACK, stmt, error);
}

static gboolean
query_is_everything (const PlFeedbackQuery *q)
{
  return q->pillar_id <= 0 && q->workshop_id <= 0 && q->stakeholder_id <= 0 &&
         q->kind < 0 && q->disposition < 0 && q->sector < 0 && q->orphaned < 0 &&
         (q->text == NULL || q->text[0] == '\0');
}

gboolean
pl_store_count_feedback (PlStore               *store,
                         const PlFeedbackQuery *query,
                         guint                 *n_items,
                         guint                 *open_count,
                         GError               **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (query_is_everything (query))
    sql = g_string_new ("SELECT live, open FROM feedback_stats WHERE id = 1");
  else
    {
      sql = g_string_new ("SELECT count(*), coalesce (sum (f.disposition = 'open'), 0) FROM feedback f");
      build_feedback_where (query, sql, binds);
    }
  if (!(stmt = prepare (store, sql->str, error)))
    return FALSE;
  bind_variants (stmt, binds, 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *n_items = (guint) sqlite3_column_int64 (stmt, 0);
      *open_count = (guint) sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_DONE)
    *n_items = *open_count = 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error, rc, _("count"));
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_feedback_matches (PlStore               *store,
                           const PlFeedbackQuery *query,
                           gint64                 id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  gboolean match;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " AND f.id = ?");
  if (!(stmt = prepare (store, sql->str, NULL)))
    return FALSE;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, id);
  match = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return match;
}

guint
pl_store_feedback_rank (PlStore               *store,
                        const PlFeedbackQuery *query,
                        const char            *captured_at,
                        gint64                 id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  guint rank = 0;
  int n;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " AND (f.captured_at > ? OR (f.captured_at = ? AND f.id > ?))");
  if (!(stmt = prepare (store, sql->str, NULL)))
    return 0;
  bind_variants (stmt, binds, 1);
  n = binds->len;
  sqlite3_bind_text (stmt, n + 1, captured_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n + 2, captured_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n + 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rank = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return rank;
}

/* ---- search ---- */

static gboolean
collect_hits (PlStore     *store,
              const char  *sql,
              const char  *fts,
              guint        limit,
              gboolean     feedback,
              GPtrArray   *hits,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, (guint) G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      PlSearchHit *hit = g_new0 (PlSearchHit, 1);

      if (feedback)
        {
          hit->type = PL_TYPE_FEEDBACK;
          hit->id = rowid;
        }
      else
        {
          switch (rowid % 8)
            {
            case 1: hit->type = PL_TYPE_SECTION; break;
            case 2: hit->type = PL_TYPE_PILLAR; break;
            case 3: hit->type = PL_TYPE_OBJECTIVE; break;
            case 4: hit->type = PL_TYPE_ACTION; break;
            default: hit->type = G_TYPE_INVALID; break;
            }
          hit->id = rowid / 8;
        }
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, error, rc, _("search"));
      return FALSE;
    }
  return TRUE;
}

/* The narrative by relevance, then feedback newest first. When both have
 * more than @limit hits, feedback gets at most half of the places. */
GPtrArray *
pl_store_search (PlStore     *store,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autoptr(GPtrArray) narrative = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autoptr(GPtrArray) feedback = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autofree char *fts = pl_store_fts_query (query);
  guint n_feedback, n_narrative;

  if (limit == 0)
    limit = G_MAXINT;
  if (fts == NULL)
    return g_steal_pointer (&hits);
  if (!collect_hits (store, "SELECT rowid, title, snippet (text_index, 1, '[', ']', '…', 12) "
                     "FROM text_index WHERE text_index MATCH ?1 ORDER BY rank LIMIT ?2",
                     fts, limit, FALSE, narrative, error) ||
      !collect_hits (store, "SELECT rowid, quote, snippet (feedback_index, 1, '[', ']', '…', 12) "
                     "FROM feedback_index WHERE feedback_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                     fts, limit, TRUE, feedback, error))
    return NULL;

  n_feedback = MIN (feedback->len, narrative->len >= limit / 2 ? limit / 2 : limit - narrative->len);
  n_narrative = MIN (narrative->len, limit - n_feedback);
  for (guint i = 0; i < n_narrative; i++)
    g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (narrative, i)));
  for (guint i = 0; i < n_feedback; i++)
    g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (feedback, i)));
  return g_steal_pointer (&hits);
}

/* ---- check ---- */

static void
check_table (PlStore   *store,
             GType      type,
             GPtrArray *problems)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *info_sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", klass->table);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_type_class_unref (klass);
  if (sqlite3_prepare_v2 (store->db, info_sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (g_hash_table_size (columns) == 0)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Table “%s” is missing"), klass->table));
      return;
    }
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      g_autofree char *col = column_name (klass->pspecs[i]);

      if (!g_hash_table_contains (columns, col))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Column “%s.%s” is missing"), klass->table, col));
          continue;
        }
      if (G_TYPE_IS_ENUM (klass->pspecs[i]->value_type))
        {
          g_autofree char *sql = g_strdup_printf ("SELECT DISTINCT %s FROM %s", col, klass->table);

          if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) == SQLITE_OK)
            while (sqlite3_step (stmt) == SQLITE_ROW)
              {
                const char *nick = (const char *) sqlite3_column_text (stmt, 0);
                int v;

                if (!pl_enum_from_nick (klass->pspecs[i]->value_type, nick, &v))
                  g_ptr_array_add (problems, g_strdup_printf (_("Unknown value “%s” in “%s.%s”"),
                                                              nick ? nick : "NULL", klass->table, col));
              }
          sqlite3_finalize (stmt);
        }
    }
}

GPtrArray *
pl_store_check (PlStore  *store,
                GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  GType types[] = { PL_TYPE_STRATEGY, PL_TYPE_SECTION, PL_TYPE_PILLAR, PL_TYPE_OBJECTIVE,
                    PL_TYPE_ACTION, PL_TYPE_WORKSHOP, PL_TYPE_STAKEHOLDER, PL_TYPE_FEEDBACK,
                    PL_TYPE_SNAPSHOT };
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store, error, rc, _("check"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup_printf (_("Integrity check failed: %s"), sqlite3_errstr (rc)));

  if (sqlite3_prepare_v2 (store->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (problems, g_strdup_printf (_("Row %lld of “%s” refers to a missing row of “%s”"),
                                                  (long long) sqlite3_column_int64 (stmt, 1),
                                                  sqlite3_column_text (stmt, 0),
                                                  sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    check_table (store, types[i], problems);

  if (query_int (store, "SELECT count(*) FROM feedback WHERE deleted = 0", NULL) !=
        query_int (store, "SELECT live FROM feedback_stats WHERE id = 1", NULL) ||
      query_int (store, "SELECT count(*) FROM feedback WHERE deleted = 0 AND disposition = 'open'", NULL) !=
        query_int (store, "SELECT open FROM feedback_stats WHERE id = 1", NULL))
    g_ptr_array_add (problems, g_strdup (_("The feedback counts are out of step with the feedback")));

  if (query_int (store, "SELECT count(*) FROM strategy WHERE id = 1", NULL) != 1)
    g_ptr_array_add (problems, g_strdup (_("The strategy row is missing")));

  if (!store->read_only)
    {
      char *msg = NULL;

      if (sqlite3_exec (store->db, "INSERT INTO text_index (text_index, rank) VALUES ('integrity-check', 0); "
                        "INSERT INTO feedback_index (feedback_index, rank) VALUES ('integrity-check', 0);",
                        NULL, NULL, &msg) != SQLITE_OK)
        g_ptr_array_add (problems, g_strdup_printf (_("The search index is damaged: %s"), msg ? msg : ""));
      sqlite3_free (msg);
    }

  g_ptr_array_add (problems, NULL);
  return g_steal_pointer (&problems);
}
