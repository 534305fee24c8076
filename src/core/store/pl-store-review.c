/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-store-review.h"
#include "pl-store-private.h"

/* The feedback earlier review imports added, read in one pass: a re-import
 * of a returned copy must add nothing, and checking that item by item
 * through the feedback list loaded 20,000 rows in pages. */

void
pl_store_review_row_free (PlStoreReviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->origin);
  g_free (row->stakeholder);
  g_free (row->body);
  g_free (row->quote);
  g_free (row->proposal);
  g_free (row);
}

static char *
column (sqlite3_stmt *stmt,
        int           i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);

  return g_strdup (text ? (const char *) text : "");
}

GPtrArray *
pl_store_review_feedback (PlStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_store_review_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = _pl_store_prepare (store,
                            "SELECT f.origin, coalesce (s.name, ''), f.body, f.quote, f.proposal "
                            "FROM feedback f LEFT JOIN stakeholders s ON s.id = f.stakeholder_id AND s.deleted = 0 "
                            "WHERE f.deleted = 0 AND f.origin != 'captured' ORDER BY f.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlStoreReviewRow *row = g_new0 (PlStoreReviewRow, 1);

      row->origin = column (stmt, 0);
      row->stakeholder = column (stmt, 1);
      row->body = column (stmt, 2);
      row->quote = column (stmt, 3);
      row->proposal = column (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}
