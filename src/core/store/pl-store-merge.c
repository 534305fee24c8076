/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-store-merge.h"
#include "pl-store-private.h"

/* The SQL of merging (src/core/merge holds the rules): rows by UUID with
 * their references as UUIDs, the file's identity, and what the master has
 * seen of each source. */

static const char *const merge_tables[] = {
  "strategy", "sections", "pillars", "objectives", "actions",
  "workshops", "stakeholders", "feedback", NULL,
};

/* Columns holding the id of a row of another table. */
static const struct {
  const char *table;
  const char *column;
  const char *target;
} references[] = {
  { "objectives", "pillar_id", "pillars" },
  { "actions", "objective_id", "objectives" },
  { "feedback", "pillar_id", "pillars" },
  { "feedback", "workshop_id", "workshops" },
  { "feedback", "stakeholder_id", "stakeholders" },
};

/* feedback.target_id names a row of the table its target_kind says. */
#define TARGET_CASE(value, lookup) \
  "CASE " value " WHEN 'strategy' THEN (SELECT " lookup " FROM strategy r WHERE %s) " \
  "WHEN 'section' THEN (SELECT " lookup " FROM sections r WHERE %s) " \
  "WHEN 'pillar' THEN (SELECT " lookup " FROM pillars r WHERE %s) " \
  "WHEN 'objective' THEN (SELECT " lookup " FROM objectives r WHERE %s) " \
  "WHEN 'action' THEN (SELECT " lookup " FROM actions r WHERE %s) END"

void
pl_merge_row_free (PlMergeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_free (row);
}

PlMergeRow *
pl_merge_row_copy (const PlMergeRow *row)
{
  PlMergeRow *copy = g_new0 (PlMergeRow, 1);

  copy->uuid = g_strdup (row->uuid);
  copy->created_at = g_strdup (row->created_at);
  copy->updated_at = g_strdup (row->updated_at);
  copy->deleted = row->deleted;
  copy->position = row->position;
  copy->values = g_ptr_array_new_full (row->values ? row->values->len : 0, g_free);
  for (guint i = 0; row->values && i < row->values->len; i++)
    g_ptr_array_add (copy->values, g_strdup (g_ptr_array_index (row->values, i)));
  return copy;
}

const char *const *
pl_store_merge_tables (void)
{
  return merge_tables;
}

static gboolean
known_table (const char *table)
{
  return g_strv_contains ((const char *const *) merge_tables, table);
}

static const char *
reference_of (const char *table,
              const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_equal (references[i].table, table) && g_str_equal (references[i].column, column))
      return references[i].target;
  return NULL;
}

GPtrArray *
pl_store_merge_fields (PlStore     *store,
                       const char  *table,
                       GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (known_table (table), NULL);
  if (!(stmt = _pl_store_prepare (store, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      static const char *const common[] = { "id", "uuid", "position", "deleted",
                                             "created_at", "updated_at", NULL };

      if (!g_strv_contains (common, name))
        g_ptr_array_add (fields, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&fields);
}

/* The UUID of the row feedback.target_id names. */
static char *
target_expression (void)
{
  return g_strdup_printf (TARGET_CASE ("t.target_kind", "r.uuid"),
                          "r.id = t.target_id", "r.id = t.target_id", "r.id = t.target_id",
                          "r.id = t.target_id", "r.id = t.target_id");
}

/* Rows of @table (all, or those changed after ?1 when @since, or the one
 * with uuid ?1 when @by_uuid) appended to @rows. */
static gboolean
load_rows (PlStore     *store,
           const char  *table,
           GPtrArray   *fields,
           const char  *since,
           const char  *by_uuid,
           GPtrArray   *rows,
           GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.uuid, t.created_at, t.updated_at, t.deleted, t.position");
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *column = g_ptr_array_index (fields, i);
      const char *target = reference_of (table, column);

      if (target != NULL)
        g_string_append_printf (sql, ", (SELECT r.uuid FROM %s r WHERE r.id = t.%s)", target, column);
      else if (g_str_equal (table, "feedback") && g_str_equal (column, "target_id"))
        {
          g_autofree char *expr = target_expression ();

          g_string_append_printf (sql, ", %s", expr);
        }
      else
        g_string_append_printf (sql, ", t.%s", column);
    }
  g_string_append_printf (sql, " FROM %s t%s ORDER BY t.position, t.id", table,
                          since ? " WHERE t.updated_at > ?1" : by_uuid ? " WHERE t.uuid = ?1" : "");

  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return FALSE;
  if (since || by_uuid)
    sqlite3_bind_text (stmt, 1, since ? since : by_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlMergeRow *row = g_new0 (PlMergeRow, 1);

      row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->deleted = sqlite3_column_int64 (stmt, 3);
      row->position = sqlite3_column_int64 (stmt, 4);
      row->values = g_ptr_array_new_full (fields->len, g_free);
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (row->values, g_strdup ((const char *) sqlite3_column_text (stmt, 5 + i)));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
pl_store_merge_load (PlStore     *store,
                     const char  *table,
                     GError     **error)
{
  g_autoptr(GPtrArray) fields = pl_store_merge_fields (store, table, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_merge_row_free);

  if (fields == NULL || !load_rows (store, table, fields, NULL, NULL, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
pl_store_merge_load_stubs (PlStore     *store,
                           const char  *table,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_merge_row_free);
  g_autofree char *sql = g_strdup_printf ("SELECT uuid, updated_at, deleted FROM %s", table);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (known_table (table), NULL);
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlMergeRow *row = g_new0 (PlMergeRow, 1);

      row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->deleted = sqlite3_column_int64 (stmt, 2);
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

gboolean
pl_store_merge_fill_stub (PlStore     *store,
                          const char  *table,
                          PlMergeRow  *row,
                          GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_merge_row_free);
  PlMergeRow *full;

  if (row->values != NULL)
    return TRUE;
  if (!(fields = pl_store_merge_fields (store, table, error)) ||
      !load_rows (store, table, fields, NULL, row->uuid, rows, error))
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("A row of “%s” disappeared during the merge; try again"), store->display_name);
      return FALSE;
    }
  full = g_ptr_array_index (rows, 0);
  row->created_at = g_steal_pointer (&full->created_at);
  row->position = full->position;
  row->deleted = full->deleted;
  g_free (row->updated_at);
  row->updated_at = g_steal_pointer (&full->updated_at);
  row->values = g_steal_pointer (&full->values);
  return TRUE;
}

GPtrArray *
pl_store_merge_load_changed (PlStore     *store,
                             const char  *table,
                             const char  *since,
                             GHashTable  *known,
                             guint       *n_skipped,
                             GError     **error)
{
  g_autoptr(GPtrArray) fields = pl_store_merge_fields (store, table, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_merge_row_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE updated_at <= ?1", table);
  sqlite3_stmt *stmt;
  int rc;

  *n_skipped = 0;
  if (fields == NULL)
    return NULL;
  /* Unchanged since @since: only their UUIDs are read, to find the rows the
   * master lacks (a second merge of the same copies reads little else). */
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, since, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_contains (known, uuid))
        (*n_skipped)++;
      else
        g_ptr_array_add (missing, g_strdup (uuid));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  for (guint i = 0; i < missing->len; i++)
    if (!load_rows (store, table, fields, NULL, g_ptr_array_index (missing, i), rows, error))
      return NULL;
  if (!load_rows (store, table, fields, since, NULL, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static const char *
parent_column (const char *table)
{
  if (g_str_equal (table, "objectives"))
    return "pillar_id";
  if (g_str_equal (table, "actions"))
    return "objective_id";
  return NULL;
}

/* The SQL that inserts or updates a row of @table with @fields bound from
 * ?10 on (?1 uuid, ?2 created_at, ?3 updated_at, ?4 deleted). */
static char *
write_sql (const char *table,
           GPtrArray  *fields,
           gboolean    insert)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  int kind_param = 0;

  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (g_ptr_array_index (fields, i), "target_kind"))
      kind_param = 10 + i;

  if (insert)
    {
      const char *parent = parent_column (table);

      g_string_append_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at, deleted, position", table);
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (sql, ", %s", (const char *) g_ptr_array_index (fields, i));
      g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4, ");
      /* New rows go after their live siblings; feedback is listed by time. */
      if (g_str_equal (table, "feedback") || g_str_equal (table, "strategy"))
        g_string_append (sql, "0");
      else if (parent == NULL)
        g_string_append_printf (sql, "(SELECT coalesce (max (position) + 1, 0) FROM %s WHERE deleted = 0)", table);
      else
        {
          guint p = 0;

          for (guint i = 0; i < fields->len; i++)
            if (g_str_equal (g_ptr_array_index (fields, i), parent))
              p = 10 + i;
          g_string_append_printf (sql, "(SELECT coalesce (max (position) + 1, 0) FROM %s WHERE deleted = 0 "
                                  "AND %s = (SELECT id FROM %s WHERE uuid = ?%u))",
                                  table, parent, reference_of (table, parent), p);
        }
    }
  else
    g_string_append_printf (sql, "UPDATE %s SET updated_at = ?3, deleted = ?4", table);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *column = g_ptr_array_index (fields, i);
      const char *target = reference_of (table, column);
      g_autofree char *value = NULL;

      if (target != NULL)
        value = g_strdup_printf ("(SELECT id FROM %s WHERE uuid = ?%u)", target, 10 + i);
      else if (g_str_equal (table, "feedback") && g_str_equal (column, "target_id"))
        {
          g_autofree char *param = g_strdup_printf ("?%u", 10 + i);
          g_autofree char *kind = g_strdup_printf ("?%d", kind_param);
          g_autofree char *where = g_strdup_printf ("r.uuid = %s", param);

          value = g_strdup_printf ("coalesce (" TARGET_CASE ("%s", "r.id") ", 0)",
                                   kind, where, where, where, where, where);
        }
      else
        value = g_strdup_printf ("?%u", 10 + i);

      if (insert)
        g_string_append_printf (sql, ", %s", value);
      else
        g_string_append_printf (sql, ", %s = %s", column, value);
    }
  if (insert)
    g_string_append (sql, ")");
  else
    g_string_append (sql, " WHERE uuid = ?1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
pl_store_merge_write (PlStore          *store,
                      const char       *table,
                      const PlMergeRow *row,
                      gboolean          insert,
                      GError          **error)
{
  g_autoptr(GPtrArray) fields = pl_store_merge_fields (store, table, error);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (fields == NULL)
    return FALSE;
  g_return_val_if_fail (fields->len == row->values->len, FALSE);
  if (!_pl_store_check_writable (store, error))
    return FALSE;
  sql = write_sql (table, fields, insert);
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, row->deleted);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *value = g_ptr_array_index (row->values, i);

      if (value == NULL)
        sqlite3_bind_null (stmt, 10 + i);
      else
        sqlite3_bind_text (stmt, 10 + i, value, -1, SQLITE_TRANSIENT);
    }
  return _pl_store_step_done (store, stmt, error);
}

gint64
pl_store_merge_new_token (PlStore *store)
{
  gint64 token = 0;

  for (guint i = 0; merge_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT max (deleted) FROM %s", merge_tables[i]);

      token = MAX (token, _pl_store_query_int (store, sql, NULL));
    }
  return token + 1;
}

static char *
query_text (PlStore    *store,
            const char *sql,
            const char *param)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return text;
}

char *
pl_store_merge_strategy_uuid (PlStore *store)
{
  char *uuid = query_text (store, "SELECT uuid FROM strategy ORDER BY id LIMIT 1", NULL);

  return uuid ? uuid : g_strdup ("");
}

char *
pl_store_merge_latest_change (PlStore *store)
{
  char *latest = query_text (store,
                             "SELECT max (m) FROM ("
                             "SELECT max (updated_at) AS m FROM strategy UNION ALL "
                             "SELECT max (updated_at) FROM sections UNION ALL "
                             "SELECT max (updated_at) FROM pillars UNION ALL "
                             "SELECT max (updated_at) FROM objectives UNION ALL "
                             "SELECT max (updated_at) FROM actions UNION ALL "
                             "SELECT max (updated_at) FROM workshops UNION ALL "
                             "SELECT max (updated_at) FROM stakeholders UNION ALL "
                             "SELECT max (updated_at) FROM feedback)", NULL);

  return latest ? latest : g_strdup ("");
}

void
pl_file_instance_clear (PlFileInstance *instance)
{
  g_clear_pointer (&instance->uuid, g_free);
  g_clear_pointer (&instance->origin, g_free);
  g_clear_pointer (&instance->forked_at, g_free);
}

static gboolean
has_merge_tables (PlStore *store)
{
  return store->version >= 4;
}

gboolean
pl_store_get_instance (PlStore        *store,
                       PlFileInstance *out,
                       GError        **error)
{
  sqlite3_stmt *stmt;

  memset (out, 0, sizeof *out);
  if (has_merge_tables (store))
    {
      if (!(stmt = _pl_store_prepare (store, "SELECT uuid, origin, forked_at FROM file_instance WHERE id = 1", error)))
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          out->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          out->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          out->forked_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_reset (stmt);
    }
  if (out->uuid == NULL)
    {
      out->uuid = g_strdup ("");
      out->origin = g_strdup ("");
      out->forked_at = g_strdup ("");
    }
  return TRUE;
}

/* Whether this file is a copy (its instance has an origin), and since
 * when: read once per session, at the first write. */
static void
note_fork_time (PlStore *store)
{
  g_clear_pointer (&store->fork_time, g_free);
  store->fork_time = query_text (store, "SELECT forked_at FROM file_instance WHERE id = 1 AND origin != ''", NULL);
  if (store->fork_time != NULL && *store->fork_time == '\0')
    g_clear_pointer (&store->fork_time, g_free);
}

gboolean
pl_store_ensure_instance (PlStore  *store,
                          GError  **error)
{
  g_autofree char *real = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *old_uuid = NULL;
  g_autofree char *forked_at = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (!has_merge_tables (store) || store->in_memory || store->read_only)
    return TRUE;
  real = realpath (store->path, NULL);
  if (real == NULL)
    real = g_strdup (store->path);
  recorded = query_text (store, "SELECT path FROM file_instance WHERE id = 1", NULL);
  if (g_strcmp0 (recorded, real) == 0)
    {
      note_fork_time (store);
      return TRUE;
    }

  /* A new file, or this file was copied (or moved) here: from now on its
   * changes are its own, and a merge must tell them from its origin's. */
  old_uuid = query_text (store, "SELECT uuid FROM file_instance WHERE id = 1", NULL);
  forked_at = pl_store_merge_latest_change (store);
  uuid = g_uuid_string_random ();
  if (!(stmt = _pl_store_prepare (store, "INSERT OR REPLACE INTO file_instance (id, uuid, path, origin, forked_at) "
                                  "VALUES (1, ?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, real, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, old_uuid ? old_uuid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, forked_at, -1, SQLITE_TRANSIENT);
  if (!_pl_store_step_done (store, stmt, error))
    return FALSE;
  note_fork_time (store);
  return TRUE;
}

/* A copy keeps, for each row it changes for the first time since it was
 * made, the row as it was then: the base a later merge needs when the
 * master changed the same row too (other fields of it, or the same). */
gboolean
pl_store_merge_note_edit (PlStore     *store,
                          const char  *table,
                          gint64       id,
                          GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  gboolean before_fork = FALSE;

  if (store->fork_time == NULL || !known_table (table))
    return TRUE;
  sql = g_strdup_printf ("SELECT uuid, updated_at <= ?2 FROM %s WHERE id = ?1", table);
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, store->fork_time, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      before_fork = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!before_fork)
    return TRUE;    /* changed here already: its base was kept then */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_merge_row_free);
  if (!(fields = pl_store_merge_fields (store, table, error)) ||
      !load_rows (store, table, fields, NULL, uuid, rows, error))
    return FALSE;
  return rows->len == 0 || pl_store_merge_keep_version (store, g_ptr_array_index (rows, 0), error);
}

char *
pl_store_merge_get_seen (PlStore    *store,
                         const char *source)
{
  if (!has_merge_tables (store))
    return NULL;
  return query_text (store, "SELECT seen FROM merge_sources WHERE uuid = ?1", source);
}

gboolean
pl_store_merge_set_seen (PlStore     *store,
                         const char  *source,
                         const char  *seen,
                         const char  *now,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _pl_store_prepare (store, "INSERT OR REPLACE INTO merge_sources (uuid, seen, merged_at) "
                                  "VALUES (?1, ?2, ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, seen, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return _pl_store_step_done (store, stmt, error);
}

static GVariant *
row_to_variant (const PlMergeRow *row)
{
  GVariantBuilder values;

  g_variant_builder_init (&values, G_VARIANT_TYPE ("ams"));
  for (guint i = 0; i < row->values->len; i++)
    g_variant_builder_add (&values, "ms", g_ptr_array_index (row->values, i));
  return g_variant_new ("(sxams)", row->created_at, row->deleted, &values);
}

gboolean
pl_store_merge_keep_version (PlStore          *store,
                             const PlMergeRow *row,
                             GError          **error)
{
  g_autoptr(GVariant) variant = g_variant_ref_sink (row_to_variant (row));
  g_autofree char *text = g_variant_print (variant, FALSE);
  sqlite3_stmt *stmt;

  if (!(stmt = _pl_store_prepare (store, "INSERT OR IGNORE INTO merge_history (row_uuid, updated_at, fields) "
                                  "VALUES (?1, ?2, ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  return _pl_store_step_done (store, stmt, error);
}

PlMergeRow *
pl_store_merge_find_version (PlStore     *store,
                             const char  *uuid,
                             const char  *when,
                             GError     **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  PlMergeRow *row;
  char *value;

  if (!has_merge_tables (store))
    return NULL;
  if (!(stmt = _pl_store_prepare (store, "SELECT updated_at, fields FROM merge_history WHERE row_uuid = ?1 "
                                  "AND updated_at <= ?2 ORDER BY updated_at DESC LIMIT 1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, when, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (text == NULL)
    return NULL;
  variant = g_variant_parse (G_VARIANT_TYPE ("(sxams)"), text, NULL, NULL, NULL);
  if (variant == NULL)
    return NULL;  /* an unreadable version is no base: the merge lists a conflict instead */
  row = g_new0 (PlMergeRow, 1);
  row->uuid = g_strdup (uuid);
  row->updated_at = g_steal_pointer (&updated_at);
  g_variant_get (variant, "(sxams)", &row->created_at, &row->deleted, &iter);
  row->values = g_ptr_array_new_with_free_func (g_free);
  while (g_variant_iter_next (iter, "ms", &value))
    g_ptr_array_add (row->values, value);
  return row;
}

void
pl_store_merge_limit_pages_for_test (PlStore *store,
                                     gint64   pages)
{
  g_autofree char *sql = NULL;
  gint64 count = _pl_store_query_int (store, "PRAGMA page_count;", NULL);

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT ";",
                         pages > 0 ? count + pages : (gint64) 4294967294);
  _pl_store_exec (store, sql, NULL);
}
