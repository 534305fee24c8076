/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-action.h"
#include "pl-feedback.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-section.h"
#include "pl-snapshot.h"
#include "pl-stakeholder.h"
#include "pl-store-private.h"
#include "pl-strategy.h"
#include "pl-workshop.h"

/* The integrity check: SQLite's own and its foreign keys, then what the
 * record classes expect (tables, columns, enum values), the feedback
 * counts, the strategy row and the search indexes. */

/* Text another program stored (the sqlite3 shell, a script) that is not
 * UTF-8, or holds a NUL: the record classes assume UTF-8 everywhere. One
 * pass over the table reads every text column of every row. */
static void
check_text (PlStore    *store,
            const char *table,
            GPtrArray  *columns,
            GPtrArray  *problems)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt = NULL;

  if (columns->len == 0)
    return;
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *) g_ptr_array_index (columns, i));
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY id", table);
  if (sqlite3_prepare_v2 (store->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < columns->len; i++)
      {
        int type = sqlite3_column_type (stmt, i + 1);
        const char *text;
        int len;

        if (type != SQLITE_TEXT && type != SQLITE_BLOB)
          continue;
        text = (const char *) sqlite3_column_blob (stmt, i + 1);
        len = sqlite3_column_bytes (stmt, i + 1);
        if (type == SQLITE_BLOB || (len > 0 && !g_utf8_validate_len (text, len, NULL)))
          g_ptr_array_add (problems,
                           g_strdup_printf (type == SQLITE_BLOB
                                              ? _("Row %lld of “%s”, column “%s”, holds binary data instead of text; type that text again in Pillars or restore a backup copy")
                                              : _("Row %lld of “%s”, column “%s”, is not valid UTF-8 text; type that text again in Pillars or restore a backup copy"),
                                            (long long) sqlite3_column_int64 (stmt, 0), table,
                                            (const char *) g_ptr_array_index (columns, i)));
      }
  sqlite3_finalize (stmt);
}

static void
check_table (PlStore   *store,
             GType      type,
             GPtrArray *problems)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *info_sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", klass->table);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) text_columns = g_ptr_array_new_with_free_func (g_free);
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
      g_autofree char *col = _pl_store_column_name (klass->pspecs[i]);

      if (!g_hash_table_contains (columns, col))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Column “%s.%s” is missing"), klass->table, col));
          continue;
        }
      if (klass->pspecs[i]->value_type == G_TYPE_STRING)
        g_ptr_array_add (text_columns, g_strdup (col));
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
  check_text (store, klass->table, text_columns, problems);
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
      _pl_store_set_sqlite_error (store, error, rc, _("check"));
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

  if (_pl_store_query_int (store, "SELECT count(*) FROM feedback WHERE deleted = 0", NULL) !=
        _pl_store_query_int (store, "SELECT live FROM feedback_stats WHERE id = 1", NULL) ||
      _pl_store_query_int (store, "SELECT count(*) FROM feedback WHERE deleted = 0 AND disposition = 'open'", NULL) !=
        _pl_store_query_int (store, "SELECT open FROM feedback_stats WHERE id = 1", NULL))
    g_ptr_array_add (problems, g_strdup (_("The feedback counts are out of step with the feedback")));

  if (_pl_store_query_int (store, "SELECT count(*) FROM strategy WHERE id = 1", NULL) != 1)
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
