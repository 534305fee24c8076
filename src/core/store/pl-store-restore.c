/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-action.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-section.h"
#include "pl-strategy.h"
#include "pl-store-private.h"
#include "pl-store-snapshots.h"

/*
 * Restoring a snapshot: the live rows are made equal to a draft, matched by
 * UUID, so every row keeps its id and the feedback about it keeps pointing
 * at it. Only rows that differ are written (the full-text index is
 * rebuilt per written row). Runs inside the caller's transaction.
 */

typedef struct {
  PlStore    *store;
  gint64      token;
  const char *now;
  GPtrArray  *changed;
  GHashTable *ids;   /* uuid -> gint64 id of the rows of the target, once written */
} Restore;

/* The id of the row with @uuid, live or deleted (0 if none). */
static gint64
any_id_by_uuid (Restore    *r,
                const char *table,
                const char *uuid,
                GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table);
  sqlite3_stmt *stmt = _pl_store_prepare (r->store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
same_values (PlRecord *a,
             PlRecord *b)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (a);
  GValue *va = pl_record_peek_values (a), *vb = pl_record_peek_values (b);

  for (guint i = 0; i < klass->n_pspecs; i++)
    if ((klass->parent_prop == NULL || i != klass->parent_index) &&
        g_param_values_cmp (klass->pspecs[i], &va[i], &vb[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
step_done (Restore       *r,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (r->store, error, rc, _("restore"));
      return FALSE;
    }
  return TRUE;
}

/* Writes @target's values into row @id (or a new row when @id is 0). */
static gboolean
write_row (Restore   *r,
           PlRecord  *target,
           gint64     id,
           gint64     parent_id,
           gint64     position,
           GError   **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (target);
  GValue *values = pl_record_peek_values (target);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int n = 0;

  if (id > 0)
    {
      g_string_append_printf (sql, "UPDATE %s SET deleted = 0, updated_at = ?1, position = ?2", klass->table);
      for (guint i = 0; i < klass->n_pspecs; i++)
        {
          g_autofree char *col = _pl_store_column_name (klass->pspecs[i]);

          g_string_append_printf (sql, ", %s = ?%u", col, i + 3);
        }
      g_string_append_printf (sql, " WHERE id = ?%u", klass->n_pspecs + 3);
    }
  else
    {
      g_string_append_printf (sql, "INSERT INTO %s (updated_at, position", klass->table);
      for (guint i = 0; i < klass->n_pspecs; i++)
        {
          g_autofree char *col = _pl_store_column_name (klass->pspecs[i]);

          g_string_append_printf (sql, ", %s", col);
        }
      g_string_append (sql, ", uuid, created_at) VALUES (?1, ?2");
      for (guint i = 0; i < klass->n_pspecs; i++)
        g_string_append_printf (sql, ", ?%u", i + 3);
      g_string_append_printf (sql, ", ?%u, ?%u)", klass->n_pspecs + 3, klass->n_pspecs + 4);
    }
  if (!(stmt = _pl_store_prepare (r->store, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, ++n, r->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, ++n, position);
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      n++;
      if (klass->parent_prop != NULL && i == klass->parent_index)
        sqlite3_bind_int64 (stmt, n, parent_id);
      else
        _pl_store_bind_value (stmt, n, klass->pspecs[i], &values[i]);
    }
  if (id > 0)
    sqlite3_bind_int64 (stmt, ++n, id);
  else
    {
      sqlite3_bind_text (stmt, ++n, pl_record_get_uuid (target), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, ++n, pl_record_get_created_at (target), -1, SQLITE_STATIC);
    }
  if (!step_done (r, stmt, error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (r->store->db);
  g_hash_table_insert (r->ids, (char *) pl_record_get_uuid (target), g_memdup2 (&id, sizeof id));
  if (r->changed)
    g_ptr_array_add (r->changed, g_strdup (pl_record_get_uuid (target)));
  return TRUE;
}

/* Brings row @target (at @position under @parent_uuid) to the draft. */
static gboolean
restore_row (Restore    *r,
             PlDraft    *current,
             PlRecord   *target,
             const char *parent_uuid,
             gint64      position,
             GError    **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (target);
  PlRecord *now = pl_draft_lookup (current, pl_record_get_uuid (target));
  gint64 parent_id = 0;
  gint64 id;

  if (parent_uuid != NULL)
    {
      gint64 *p = g_hash_table_lookup (r->ids, parent_uuid);

      g_return_val_if_fail (p != NULL, FALSE);
      parent_id = *p;
    }
  if (now != NULL && G_OBJECT_TYPE (now) == G_OBJECT_TYPE (target) &&
      pl_record_get_position (now) == position &&
      (klass->parent_prop == NULL || pl_record_get_parent_id (now) == parent_id) &&
      same_values (now, target))
    {
      id = pl_record_get_id (now);
      g_hash_table_insert (r->ids, (char *) pl_record_get_uuid (target), g_memdup2 (&id, sizeof id));
      return TRUE;
    }
  id = now ? pl_record_get_id (now) : any_id_by_uuid (r, klass->table, pl_record_get_uuid (target), error);
  if (id < 0)
    return FALSE;
  return write_row (r, target, id, parent_id, position, error);
}

static gboolean
delete_missing (Restore   *r,
                PlDraft   *target,
                GPtrArray *rows,
                GError   **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PlRecord *row = g_ptr_array_index (rows, i);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (pl_draft_lookup (target, pl_record_get_uuid (row)) != NULL)
        continue;
      sql = g_strdup_printf ("UPDATE %s SET deleted = ?1, updated_at = ?2 WHERE id = ?3 AND deleted = 0",
                             PL_RECORD_GET_CLASS (row)->table);
      if (!(stmt = _pl_store_prepare (r->store, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->token);
      sqlite3_bind_text (stmt, 2, r->now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, pl_record_get_id (row));
      if (!step_done (r, stmt, error))
        return FALSE;
      if (r->changed)
        g_ptr_array_add (r->changed, g_strdup (pl_record_get_uuid (row)));
    }
  return TRUE;
}

gboolean
pl_store_restore_draft (PlStore     *store,
                        PlDraft     *draft,
                        gint64       token,
                        const char  *now,
                        GPtrArray   *changed,
                        GError     **error)
{
  Restore r = { store, token, now, changed, g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free) };
  g_autoptr(GHashTable) ids = r.ids;
  g_autoptr(PlDraft) current = NULL;
  g_autoptr(GPtrArray) cur_objectives = g_ptr_array_new ();
  g_autoptr(GPtrArray) cur_actions = g_ptr_array_new ();
  PlRecord *target_strategy = PL_RECORD (pl_draft_get_strategy (draft));
  PlRecord *live_strategy;
  GPtrArray *list;

  g_return_val_if_fail (PL_IS_DRAFT (draft) && target_strategy != NULL, FALSE);
  if (!_pl_store_check_writable (store, error))
    return FALSE;
  if (!(current = pl_store_load_draft (store, error)))
    return FALSE;

  /* The strategy is one row: its fields come back, its identity stays. */
  live_strategy = PL_RECORD (pl_draft_get_strategy (current));
  if (live_strategy != NULL && !same_values (live_strategy, target_strategy) &&
      !write_row (&r, target_strategy, pl_record_get_id (live_strategy), 0, pl_record_get_position (live_strategy), error))
    return FALSE;

  /* Deletions first, so positions are free for the rows that come back. */
  list = pl_draft_get_pillars (current);
  for (guint i = 0; i < list->len; i++)
    {
      GPtrArray *objectives = pl_draft_get_objectives (current, pl_record_get_uuid (g_ptr_array_index (list, i)));

      for (guint j = 0; j < objectives->len; j++)
        {
          GPtrArray *actions = pl_draft_get_actions (current, pl_record_get_uuid (g_ptr_array_index (objectives, j)));

          g_ptr_array_add (cur_objectives, g_ptr_array_index (objectives, j));
          for (guint k = 0; k < actions->len; k++)
            g_ptr_array_add (cur_actions, g_ptr_array_index (actions, k));
        }
    }
  if (!delete_missing (&r, draft, cur_actions, error) ||
      !delete_missing (&r, draft, cur_objectives, error) ||
      !delete_missing (&r, draft, pl_draft_get_pillars (current), error) ||
      !delete_missing (&r, draft, pl_draft_get_sections (current), error))
    return FALSE;

  list = pl_draft_get_sections (draft);
  for (guint i = 0; i < list->len; i++)
    if (!restore_row (&r, current, g_ptr_array_index (list, i), NULL, i, error))
      return FALSE;
  list = pl_draft_get_pillars (draft);
  for (guint i = 0; i < list->len; i++)
    {
      PlRecord *pillar = g_ptr_array_index (list, i);
      GPtrArray *objectives = pl_draft_get_objectives (draft, pl_record_get_uuid (pillar));

      if (!restore_row (&r, current, pillar, NULL, i, error))
        return FALSE;
      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *objective = g_ptr_array_index (objectives, j);
          GPtrArray *actions = pl_draft_get_actions (draft, pl_record_get_uuid (objective));

          if (!restore_row (&r, current, objective, pl_record_get_uuid (pillar), j, error))
            return FALSE;
          for (guint k = 0; k < actions->len; k++)
            if (!restore_row (&r, current, g_ptr_array_index (actions, k), pl_record_get_uuid (objective), k, error))
              return FALSE;
        }
    }
  return TRUE;
}
