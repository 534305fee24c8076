/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the core tests: temporary folders, raw file
 * bytes, and direct sqlite3 access to a closed document. */

#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-document.h"

typedef struct {
  char *dir;
} PlTestDir;

static inline void
pl_test_rmdir_recursive (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pl_test_rmdir_recursive (child);
      else
        {
          g_chmod (child, 0644);
          g_unlink (child);
        }
    }
  g_rmdir (path);
}

static inline char *
pl_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pillars-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static inline char *
pl_test_path (const char *dir,
              const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static inline GBytes *
pl_test_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static inline gboolean
pl_test_side_files_exist (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS) ||
         g_file_test (journal, G_FILE_TEST_EXISTS);
}

/* Opens @path with sqlite3 directly (not through the core). */
static inline sqlite3 *
pl_test_sqlite_open (const char *path,
                     gboolean    writable)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  return db;
}

static inline gint64
pl_test_sqlite_int (sqlite3    *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = G_MININT64;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_test_message ("SQL error in “%s”: %s", sql, sqlite3_errmsg (db));
      g_test_fail ();
      return value;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static inline char *
pl_test_sqlite_text (sqlite3    *db,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_test_message ("SQL error in “%s”: %s", sql, sqlite3_errmsg (db));
      g_test_fail ();
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static inline gboolean
pl_test_sqlite_exec (sqlite3    *db,
                     const char *sql)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    g_test_message ("SQL error in “%s”: %s", sql, msg ? msg : "");
  sqlite3_free (msg);
  return rc == SQLITE_OK;
}

/* Runs SQL on a closed file; returns whether it worked. */
static inline gboolean
pl_test_sqlite_exec_file (const char *path,
                          const char *sql)
{
  sqlite3 *db = pl_test_sqlite_open (path, TRUE);
  gboolean ok = pl_test_sqlite_exec (db, sql);

  sqlite3_close (db);
  return ok;
}

/* Counts items-changed emissions and the last arguments. */
typedef struct {
  guint emissions;
  guint position;
  guint removed;
  guint added;
} PlTestItemsChanged;

static inline void
pl_test_items_changed_cb (GListModel         *model,
                          guint               position,
                          guint               removed,
                          guint               added,
                          PlTestItemsChanged *counter)
{
  counter->emissions++;
  counter->position = position;
  counter->removed = removed;
  counter->added = added;
}

/* Titles of the items of a model of pillars, objectives, actions or sections, joined by ",". */
static inline char *
pl_test_model_titles (GListModel *model)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = NULL;

      g_object_get (item, "title", &title, NULL);
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, title);
    }
  return g_string_free (s, FALSE);
}

/* A fresh document with the empty template in a temporary folder. */
static inline PlDocument *
pl_test_new_document (const char *dir,
                      const char *name,
                      PlTemplate  template_)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pl_test_path (dir, name);
  PlDocument *doc = pl_document_create (path, template_, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}
