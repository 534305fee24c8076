/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-store-private.h"

/* Takes the file from @from to @to in one transaction: either every step
 * is applied or the file stays exactly as it was. */
gboolean
_pl_store_migrate (PlStore     *store,
                   int          from,
                   int          to,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", to);

  if (!_pl_store_exec (store, "BEGIN IMMEDIATE;", error))
    return FALSE;
  for (int v = from + 1; v <= to; v++)
    {
      if (!_pl_store_exec (store, pl_store_schema_migration (v), &local_error))
        {
          g_autofree char *detail = g_strdup (sqlite3_errmsg (store->db));

          _pl_store_exec (store, "ROLLBACK;", NULL);
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
  if (!_pl_store_exec (store, set_version, error) || !_pl_store_exec (store, "COMMIT;", error))
    {
      _pl_store_exec (store, "ROLLBACK;", NULL);
      return FALSE;
    }
  store->version = to;
  return TRUE;
}

gboolean
_pl_store_upgrade_file (PlStore  *store,
                        GError  **error)
{
  sqlite3 *memory = store->db;
  PlSideFiles side = { 0 };
  struct stat st;
  int rc, on_disk;

  g_return_val_if_fail (store->in_memory && !store->read_only, FALSE);

  if (store->depth > 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("“%s” must be upgraded before it is changed, which cannot happen while it is being read. "
                     "Try again."), store->display_name);
      return FALSE;
    }
  if (g_stat (store->path, &st) != 0 || !_pl_store_inspect_side_files (store, &st, TRUE, &side))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” cannot be upgraded to be changed: “%s” next to it was not made by the document’s "
                     "owner. Check what that file is and remove it, then try again."),
                   store->display_name, side.foreign ? side.foreign : store->display_name);
      _pl_side_files_clear (&side);
      return FALSE;
    }

  /* The statements belong to the in-memory copy. */
  g_hash_table_remove_all (store->by_id);
  g_hash_table_remove_all (store->statements);
  store->db = NULL;
  rc = sqlite3_open_v2 (store->path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (store->db, 0);
      sqlite3_busy_timeout (store->db, 3000);
      on_disk = (int) _pl_store_query_int (store, "PRAGMA user_version;", &rc);
      if (rc == SQLITE_OK && on_disk != store->upgraded_from)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                       _("“%s” was changed by another program since it was opened. Close it and open it again."),
                       store->display_name);
          goto fail;
        }
    }
  if (rc != SQLITE_OK)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("open"));
      goto fail;
    }
  store->version = on_disk;
  if (!_pl_store_quick_check (store, error) ||
      !_pl_store_migrate (store, on_disk, PL_STORE_SCHEMA_VERSION, error) ||
      !_pl_store_exec (store, "PRAGMA journal_mode = WAL;", error) ||
      !_pl_store_exec (store, PL_STORE_SESSION_PRAGMAS, error))
    goto fail;

  sqlite3_close (memory);
  store->in_memory = FALSE;
  store->write_ready = TRUE;
  return TRUE;

fail:
  /* Go on reading the copy; the file stays as it was. */
  g_hash_table_remove_all (store->by_id);
  g_hash_table_remove_all (store->statements);
  sqlite3_close (store->db);
  store->db = memory;
  store->version = PL_STORE_SCHEMA_VERSION;
  return FALSE;
}
