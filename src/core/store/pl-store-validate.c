/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-store-private.h"

/*
 * What a file must be before Pillars reads it as a document or writes to
 * it: the tables and columns its format version promises (compared with a
 * fresh database built from the same migrations, so the list can never
 * drift from the schema), and no damage SQLite can see before a write.
 */

static void
set_damaged (PlStore  *store,
             GError  **error)
{
  /* SQLite's own text would name pages and quote binary garbage. */
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
               _("“%s” is damaged: the list of what it contains cannot be read. "
                 "Open a backup copy; the file was not changed."),
               store->display_name);
}

static void
set_query_error (PlStore  *store,
                 GError  **error,
                 int       rc)
{
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_ERROR)
    set_damaged (store, error);
  else
    _pl_store_set_sqlite_error (store, error, rc, _("open"));
}

/* The columns of every table of format @version, as "table\tcolumn"
 * (the columns for the day reads check them too). */
static GPtrArray *
reference_columns (int version)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *ref = NULL;

  if (sqlite3_open_v2 (":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    goto out;
  for (int v = 1; v <= version; v++)
    if (sqlite3_exec (ref, pl_store_schema_migration (v), NULL, NULL, NULL) != SQLITE_OK)
      goto out;
  if (sqlite3_prepare_v2 (ref,
                          "SELECT m.name, p.name FROM sqlite_schema AS m, pragma_table_info (m.name) AS p "
                          "WHERE m.type = 'table' ORDER BY m.name, p.cid",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup_printf ("%s\t%s",
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
out:
  sqlite3_finalize (stmt);
  sqlite3_close (ref);
  return columns;
}

gboolean
_pl_store_validate_schema (PlStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) expected = reference_columns (store->version);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  const char *table;
  int rc;

  g_return_val_if_fail (expected->len > 0, FALSE);

  rc = sqlite3_prepare_v2 (store->db,
                           "SELECT m.name, p.name FROM main.sqlite_schema AS m, pragma_table_info (m.name) AS p "
                           "WHERE m.type = 'table'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      table = (const char *) sqlite3_column_text (stmt, 0);
      g_hash_table_add (tables, g_strdup (table));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_query_error (store, error, rc);
      return FALSE;
    }

  /* A missing column is left to reads (and reported by check): the rest
   * of the document can still be read and rescued. A missing table means
   * the file is not what its header says. */
  for (guint i = 0; i < expected->len; i++)
    {
      const char *entry = g_ptr_array_index (expected, i);
      g_auto(GStrv) parts = g_strsplit (entry, "\t", 2);

      if (g_hash_table_contains (tables, parts[0]))
        continue;
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is not a complete Pillars document: the part that holds its %s is missing. "
                     "It was not changed; open a backup copy."),
                   store->display_name, parts[0]);
      return FALSE;
    }
  return TRUE;
}

gboolean
_pl_store_quick_check (PlStore  *store,
                       GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  /* 50 to 150 ms on the 25 MB demo document ("pillars-cli demo --size
   * big") on a shared 2-core machine: too slow for every open of a file
   * that is only read, so it runs once per session, before the first
   * write. */
  rc = sqlite3_prepare_v2 (store->db, "PRAGMA quick_check (1);", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("check"));
      return FALSE;
    }
  if (!ok)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged, so Pillars will not change it: a change could spread the damage. "
                     "Export what can still be read to a new file, or restore a backup copy. "
                     "The file was not changed."),
                   store->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
_pl_store_copy_to_memory (PlStore  *store,
                          GError  **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (memory);
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return FALSE;
    }
  backup = sqlite3_backup_init (memory, "main", store->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (memory);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      sqlite3_close (memory);
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return FALSE;
    }
  sqlite3_close (store->db);
  store->db = memory;
  sqlite3_extended_result_codes (store->db, 0);
  return TRUE;
}
