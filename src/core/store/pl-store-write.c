/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-store-private.h"
#include "pl-store-merge.h"

/* Writes: inserts, updates, soft deletes (marked with the token undo
 * restores), moves among siblings, orphaned quotes. */

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
  g_autofree char *pcol = _pl_store_parent_column (klass);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = position + ?1 "
                                          "WHERE deleted = 0 AND position >= ?2 AND id != ?3%s%s%s",
                                          klass->table,
                                          pcol ? " AND " : "", pcol ? pcol : "", pcol ? " = ?4" : "");
  sqlite3_stmt *stmt;

  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (pcol)
    sqlite3_bind_int64 (stmt, 4, parent_id);
  return _pl_store_step_done (store, stmt, error);
}

static gint64
count_siblings (PlStore       *store,
                PlRecordClass *klass,
                gint64         parent_id)
{
  g_autofree char *pcol = _pl_store_parent_column (klass);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0%s%s%s",
                                          klass->table,
                                          pcol ? " AND " : "", pcol ? pcol : "", pcol ? " = ?1" : "");
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (!(stmt = _pl_store_prepare (store, sql, NULL)))
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

  if (!(stmt = _pl_store_prepare (store, sql, NULL)))
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

  if (!_pl_store_check_writable (store, error))
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
      g_autofree char *col = _pl_store_column_name (klass->pspecs[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append (sql, ") VALUES (?1, ?2, ?2, ?3");
  for (guint i = 0; i < klass->n_pspecs; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, pos);
  for (guint i = 0; i < klass->n_pspecs; i++)
    _pl_store_bind_value (stmt, i + 4, klass->pspecs[i], &values[i]);
  if (!_pl_store_step_done (store, stmt, error))
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

  if (!_pl_store_check_writable (store, error))
    return FALSE;
  if (!pl_store_merge_note_edit (store, klass->table, pl_record_get_id (record), error))
    return FALSE;

  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?1", klass->table);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *col = _pl_store_column_name (pspecs[i]);
      g_string_append_printf (sql, ", %s = ?%u", col, i + 3);
    }
  g_string_append (sql, " WHERE id = ?2 AND deleted = 0");

  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, pl_record_get_id (record));
  for (guint i = 0; i < n; i++)
    _pl_store_bind_value (stmt, i + 3, pspecs[i], &values[i]);
  if (!_pl_store_step_done (store, stmt, error))
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

  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return _pl_store_step_done (store, stmt, error);
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

  if (!_pl_store_check_writable (store, error))
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

  if (!(stmt = _pl_store_prepare (store, sql, NULL)))
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
  if (token == 0 || !(stmt = _pl_store_prepare (store, sql, NULL)))
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

  if (!_pl_store_check_writable (store, error))
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

  if (!_pl_store_check_writable (store, error))
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

  if (!(stmt = _pl_store_prepare (store, "SELECT id, quote, orphaned FROM feedback WHERE deleted = 0 "
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
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
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
