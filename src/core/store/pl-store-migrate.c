/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

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
