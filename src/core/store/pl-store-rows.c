/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-action.h"
#include "pl-feedback.h"
#include "pl-stakeholder.h"
#include "pl-store-private.h"
#include "pl-workshop.h"

/* Row mapping: record properties to columns and back (generic over the
 * record classes), and the loads built on it. */

char *
_pl_store_column_name (GParamSpec *pspec)
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

void
_pl_store_bind_value (sqlite3_stmt *stmt,
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
      g_autofree char *col = _pl_store_column_name (klass->pspecs[i]);

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

char *
_pl_store_select_sql (PlRecordClass *klass,
                      const char    *prefix)
{
  return select_sql_full (klass, prefix, FALSE);
}

#define FIXED_COLUMNS 5

/* The column holding a record's parent id, or NULL. */
char *
_pl_store_parent_column (PlRecordClass *klass)
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
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
_pl_store_load_rows (PlStore       *store,
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
  g_autofree char *base = _pl_store_select_sql (klass, "");
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
      parent_col = _pl_store_parent_column (klass);
      sql = g_strdup_printf ("%s WHERE deleted = 0 AND %s = ?1 ORDER BY %s", base, parent_col, order);
    }
  else
    sql = g_strdup_printf ("%s WHERE deleted = 0 ORDER BY %s", base, order);

  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return NULL;
  if (parent_col != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  return _pl_store_load_rows (store, type, stmt, error);
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
  parent_col = _pl_store_parent_column (klass);
  sql = g_strdup_printf ("%s WHERE deleted = 0 ORDER BY %s%sposition, id", base,
                         parent_col ? parent_col : "", parent_col ? ", " : "");
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return NULL;
  return load_rows_full (store, type, stmt, TRUE, error);
}

GPtrArray *
pl_store_load_all_actions (PlStore  *store,
                           GError  **error)
{
  PlRecordClass *klass = g_type_class_ref (PL_TYPE_ACTION);
  g_autofree char *base = _pl_store_select_sql (klass, "a.");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);
  sql = g_strdup_printf ("%s a JOIN objectives o ON o.id = a.objective_id "
                         "JOIN pillars p ON p.id = o.pillar_id "
                         "WHERE a.deleted = 0 AND o.deleted = 0 AND p.deleted = 0 "
                         "ORDER BY p.position, p.id, o.position, o.id, a.position, a.id",
                         base);
  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return NULL;
  return _pl_store_load_rows (store, PL_TYPE_ACTION, stmt, error);
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
      base = _pl_store_select_sql (klass, "");
      g_type_class_unref (klass);
      sql = g_strdup_printf ("%s WHERE id = ?1%s", base, even_deleted ? "" : " AND deleted = 0");
      if (!(stmt = _pl_store_prepare (store, sql, error)))
        return NULL;
      g_hash_table_insert (store->by_id, key, stmt);
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(rows = _pl_store_load_rows (store, type, stmt, error)))
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
  g_autofree char *col = _pl_store_column_name (pspec);
  g_autofree char *sql = NULL;
  g_auto(GValue) fresh = G_VALUE_INIT;
  sqlite3_stmt *stmt;
  int rc;

  /* The column name comes from the class's own property, never from input. */
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", col, klass->table);
  if (!(stmt = _pl_store_prepare (store, sql, error)))
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
        _pl_store_set_sqlite_error (store, error, rc, _("read"));
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
  if (!(stmt = _pl_store_prepare (store, sql, NULL)))
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

  if (!(stmt = _pl_store_prepare (store, "SELECT id FROM stakeholders WHERE deleted = 0 AND name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1", NULL)))
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
  if (!(stmt = _pl_store_prepare (store, sql, NULL)))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
