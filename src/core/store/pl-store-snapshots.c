/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-action.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-section.h"
#include "pl-strategy.h"
#include "pl-store-private.h"
#include "pl-store-snapshots.h"

/*
 * Snapshot copies. Every object is stored once, under the first
 * HASH_BYTES of the SHA-256 of its bytes, so twenty snapshots of a draft
 * that changed in a few places hold the unchanged rows, paragraphs and
 * subtrees once. Reading checks each object against its hash: a damaged
 * row is reported, never shown as the draft.
 */

#define HASH_BYTES 16
/* Texts longer than this are stored as paragraphs, so an edit in one
 * paragraph of a long narrative stores that paragraph again, not the text. */
#define CHUNK_ABOVE 1024

#define ROOT_TYPE    "(uayaayaay)"
#define NODE_TYPE    "(ayaay)"

typedef struct {
  PlStore    *store;
  GHashTable *written;   /* hashes in the file: read once, then added to (HASH_BYTES keys) */
  GString    *row;       /* room for one row's bytes */
  GChecksum  *sum;
} Writer;

/* Keys of Writer.written: HASH_BYTES of a SHA-256, uniform already. */
static guint
key_hash (gconstpointer key)
{
  guint h;

  memcpy (&h, key, sizeof h);
  return h;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  return memcmp (a, b, HASH_BYTES) == 0;
}

/* Every hash the file holds, in one pass over the index: far cheaper
 * than asking for each object of a copy whether it is there. */
static gboolean
read_known (Writer  *w,
            GError **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (w->store, "SELECT hash FROM snapshot_objects", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_bytes (stmt, 0) == HASH_BYTES)
      g_hash_table_add (w->written, g_memdup2 (sqlite3_column_blob (stmt, 0), HASH_BYTES));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (w->store, error, rc, _("read"));
      return FALSE;
    }
  return TRUE;
}

/* The first bytes of a row object (and the format of its encoding). */
static const char ROW_MAGIC[] = "PLROW1";

/* ---- writing ---- */

static GBytes *
hash_of (const void *data,
         gsize       size)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (sum, data, size);
  g_checksum_get_digest (sum, digest, &len);
  return g_bytes_new (digest, HASH_BYTES);
}

static GBytes *
put_object (Writer      *w,
            const void  *data,
            gsize        size,
            GError     **error)
{
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autoptr(GBytes) hash = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_checksum_reset (w->sum);
  g_checksum_update (w->sum, data, size);
  g_checksum_get_digest (w->sum, digest, &len);
  hash = g_bytes_new (digest, HASH_BYTES);
  if (g_hash_table_contains (w->written, digest))
    return g_steal_pointer (&hash);
  stmt = _pl_store_prepare (w->store, "INSERT OR IGNORE INTO snapshot_objects (hash, data) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (hash, NULL), HASH_BYTES, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, size ? data : "", size, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (w->store, error, rc, _("save"));
      return NULL;
    }
  g_hash_table_add (w->written, g_memdup2 (digest, HASH_BYTES));
  return g_steal_pointer (&hash);
}

static GBytes *
put_variant (Writer    *w,
             GVariant  *value,
             GError   **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  return put_object (w, g_variant_get_data (owned), g_variant_get_size (owned), error);
}

static GVariant *
hash_variant (GBytes *hash)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, g_bytes_get_data (hash, NULL), HASH_BYTES, 1);
}

/* A long text as the hex hashes of its paragraphs (each paragraph keeps
 * the blank line after it, so joining them gives the text back). */
static gboolean
put_chunks (Writer      *w,
            GString     *out,
            const char  *text,
            GError     **error)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = strstr (p, "\n\n");
      g_autoptr(GBytes) hash = NULL;
      const guint8 *h;

      end = end ? end + 2 : p + strlen (p);
      while (*end == '\n')
        end++;
      if (!(hash = put_object (w, p, end - p, error)))
        return FALSE;
      h = g_bytes_get_data (hash, NULL);
      for (guint i = 0; i < HASH_BYTES; i++)
        {
          g_string_append_c (out, "0123456789abcdef"[h[i] >> 4]);
          g_string_append_c (out, "0123456789abcdef"[h[i] & 15]);
        }
      p = end;
    }
  return TRUE;
}

/* A row, as "name\0<kind>value\0" for every stored field but the parent
 * id (the tree says where it hangs), after the identity. Kinds: s text,
 * c a long text as its paragraphs' hashes, i integer, b boolean, e enum
 * (its nick, so a copy reads the same whatever the numbering). Plain
 * bytes rather than a GVariant dictionary: taking a snapshot of 3,000
 * actions is mostly this. */
static GBytes *
put_record (Writer    *w,
            PlRecord  *record,
            GError   **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  GValue *values = pl_record_peek_values (record);
  GString *out = w->row;

  g_string_truncate (out, 0);
  g_string_append_len (out, ROW_MAGIC, sizeof ROW_MAGIC);
  g_string_append_len (out, "uuid\0s", 6);
  g_string_append_len (out, pl_record_get_uuid (record), strlen (pl_record_get_uuid (record)) + 1);
  g_string_append_len (out, "created-at\0s", 12);
  g_string_append_len (out, pl_record_get_created_at (record), strlen (pl_record_get_created_at (record)) + 1);
  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      const GValue *v = &values[i];
      const char *name = g_param_spec_get_name (klass->pspecs[i]);

      if (klass->parent_prop != NULL && i == klass->parent_index)
        continue;
      g_string_append_len (out, name, strlen (name) + 1);
      if (G_VALUE_HOLDS_STRING (v))
        {
          const char *text = g_value_get_string (v) ? g_value_get_string (v) : "";
          gsize len = strlen (text);

          if (len > CHUNK_ABOVE)
            {
              g_autoptr(GString) chunks = g_string_new ("c");

              if (!put_chunks (w, chunks, text, error))
                return NULL;
              g_string_append_len (out, chunks->str, chunks->len + 1);
            }
          else
            {
              g_string_append_c (out, 's');
              g_string_append_len (out, text, len + 1);
            }
        }
      else if (G_VALUE_HOLDS_INT64 (v))
        g_string_append_printf (out, "i%" G_GINT64_FORMAT "%c", g_value_get_int64 (v), 0);
      else if (G_VALUE_HOLDS_BOOLEAN (v))
        g_string_append_len (out, g_value_get_boolean (v) ? "b1" : "b0", 3);
      else if (G_VALUE_HOLDS_ENUM (v))
        {
          const char *nick = pl_enum_to_nick (G_VALUE_TYPE (v), g_value_get_enum (v));

          g_string_append_c (out, 'e');
          g_string_append_len (out, nick, strlen (nick) + 1);
        }
      else
        g_assert_not_reached ();
    }
  return put_object (w, out->str, out->len, error);
}

/* (row, [children]) for a pillar or an objective. */
static GBytes *
put_node (Writer    *w,
          GBytes    *row,
          GPtrArray *children,
          GError   **error)
{
  g_auto(GVariantBuilder) list = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aay"));

  for (guint i = 0; i < children->len; i++)
    g_variant_builder_add_value (&list, hash_variant (g_ptr_array_index (children, i)));
  return put_variant (w, g_variant_new ("(@ay@aay)", hash_variant (row), g_variant_builder_end (&list)), error);
}

static char *
hex_of (GBytes *hash)
{
  const guint8 *b = g_bytes_get_data (hash, NULL);
  GString *s = g_string_sized_new (HASH_BYTES * 2);

  for (guint i = 0; i < HASH_BYTES; i++)
    g_string_append_printf (s, "%02x", b[i]);
  return g_string_free (s, FALSE);
}

char *
pl_store_write_snapshot_copy (PlStore  *store,
                              PlDraft  *draft,
                              GError  **error)
{
  Writer w = { store, g_hash_table_new_full (key_hash, key_equal, g_free, NULL),
               g_string_sized_new (4096), g_checksum_new (G_CHECKSUM_SHA256) };
  g_autoptr(GHashTable) written = w.written;
  g_autoptr(GString) row = w.row;
  g_autoptr(GChecksum) sum = w.sum;
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) pillars = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) strategy = NULL;
  g_autoptr(GBytes) root = NULL;
  g_auto(GVariantBuilder) section_list = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aay"));
  g_auto(GVariantBuilder) pillar_list = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aay"));
  GPtrArray *list;

  g_return_val_if_fail (PL_IS_DRAFT (draft), NULL);
  if (!_pl_store_check_writable (store, error) || !read_known (&w, error))
    return NULL;

  if (pl_draft_get_strategy (draft) == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” has no strategy to take a snapshot of. Check the file with “pillars-cli check”."),
                   store->display_name);
      return NULL;
    }
  if (!(strategy = put_record (&w, PL_RECORD (pl_draft_get_strategy (draft)), error)))
    return NULL;
  list = pl_draft_get_sections (draft);
  for (guint i = 0; i < list->len; i++)
    {
      GBytes *h = put_record (&w, g_ptr_array_index (list, i), error);

      if (h == NULL)
        return NULL;
      g_variant_builder_add_value (&section_list, hash_variant (h));
      g_ptr_array_add (sections, h);
    }
  list = pl_draft_get_pillars (draft);
  for (guint i = 0; i < list->len; i++)
    {
      PlRecord *pillar = g_ptr_array_index (list, i);
      GPtrArray *objectives = pl_draft_get_objectives (draft, pl_record_get_uuid (pillar));
      g_autoptr(GPtrArray) objective_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_autoptr(GBytes) pillar_row = NULL;
      GBytes *node;

      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *objective = g_ptr_array_index (objectives, j);
          GPtrArray *actions = pl_draft_get_actions (draft, pl_record_get_uuid (objective));
          g_autoptr(GPtrArray) action_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
          g_autoptr(GBytes) objective_row = NULL;
          GBytes *objective_node;

          for (guint k = 0; k < actions->len; k++)
            {
              GBytes *h = put_record (&w, g_ptr_array_index (actions, k), error);

              if (h == NULL)
                return NULL;
              g_ptr_array_add (action_rows, h);
            }
          if (!(objective_row = put_record (&w, objective, error)) ||
              !(objective_node = put_node (&w, objective_row, action_rows, error)))
            return NULL;
          g_ptr_array_add (objective_nodes, objective_node);
        }
      if (!(pillar_row = put_record (&w, pillar, error)) ||
          !(node = put_node (&w, pillar_row, objective_nodes, error)))
        return NULL;
      g_variant_builder_add_value (&pillar_list, hash_variant (node));
      g_ptr_array_add (pillars, node);
    }
  root = put_variant (&w, g_variant_new ("(u@ay@aay@aay)", (guint32) PL_SNAPSHOT_FORMAT, hash_variant (strategy),
                                         g_variant_builder_end (&section_list),
                                         g_variant_builder_end (&pillar_list)),
                      error);
  return root ? hex_of (root) : NULL;
}

gint64
pl_store_snapshot_objects_size (PlStore *store)
{
  return _pl_store_query_int (store, "SELECT coalesce (sum (length (data) + length (hash)), 0) FROM snapshot_objects", NULL);
}

/* ---- reading ---- */

typedef struct {
  PlStore    *store;
  const char *label;
  GError    **error;
} Reader;

static gboolean
damaged (Reader     *r,
         const char *what)
{
  g_set_error (r->error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
               /* Translators: the second %s says which part is damaged */
               _("The snapshot “%s” is damaged (%s) and cannot be read. The draft was not changed; "
                 "compare with or restore another snapshot, or a backup copy of the file."),
               r->label, what);
  return FALSE;
}

/* The object stored under @hash, checked against it (transfer full). */
static GBytes *
get_object (Reader   *r,
            GVariant *hash)
{
  gsize len = 0;
  const void *key = g_variant_get_fixed_array (hash, &len, 1);
  sqlite3_stmt *stmt;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) check = NULL;
  int rc;

  if (len != HASH_BYTES)
    return damaged (r, _("a reference of the wrong size")), NULL;
  if (!(stmt = _pl_store_prepare (r->store, "SELECT data FROM snapshot_objects WHERE hash = ?1", r->error)))
    return NULL;
  sqlite3_bind_blob (stmt, 1, key, HASH_BYTES, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return damaged (r, _("a part is missing")), NULL;
  if (rc != SQLITE_ROW)
    {
      _pl_store_set_sqlite_error (r->store, r->error, rc, _("read"));
      return NULL;
    }
  check = hash_of (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  if (memcmp (g_bytes_get_data (check, NULL), key, HASH_BYTES) != 0)
    return damaged (r, _("a part does not match its hash")), NULL;
  return g_steal_pointer (&data);
}

static GVariant *
get_variant (Reader             *r,
             GVariant           *hash,
             const GVariantType *type)
{
  g_autoptr(GBytes) data = get_object (r, hash);
  g_autoptr(GVariant) value = NULL;

  if (data == NULL)
    return NULL;
  value = g_variant_ref_sink (g_variant_new_from_bytes (type, data, FALSE));
  /* Not in normal form = not what we wrote (the hash matched, so written
   * by something else): never trust its offsets. */
  if (!g_variant_is_normal_form (value))
    return damaged (r, _("a part is not in the snapshot format")), NULL;
  return g_steal_pointer (&value);
}

/* A long text from the hex hashes of its paragraphs. */
static char *
read_chunks (Reader     *r,
             const char *hex)
{
  GString *text = g_string_new (NULL);
  gsize n = strlen (hex);

  if (n % (HASH_BYTES * 2) != 0)
    return g_string_free (text, TRUE), damaged (r, _("a text of the wrong form")), NULL;
  for (gsize at = 0; at < n; at += HASH_BYTES * 2)
    {
      guint8 key[HASH_BYTES];
      g_autoptr(GVariant) hash = NULL;
      g_autoptr(GBytes) chunk = NULL;
      gsize size = 0;
      const char *data;

      for (guint i = 0; i < HASH_BYTES; i++)
        {
          int hi = g_ascii_xdigit_value (hex[at + 2 * i]), lo = g_ascii_xdigit_value (hex[at + 2 * i + 1]);

          if (hi < 0 || lo < 0)
            return g_string_free (text, TRUE), damaged (r, _("a text of the wrong form")), NULL;
          key[i] = hi * 16 + lo;
        }
      hash = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, key, HASH_BYTES, 1));
      if (!(chunk = get_object (r, hash)))
        return g_string_free (text, TRUE), NULL;
      data = g_bytes_get_data (chunk, &size);
      if (!g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size))
        return g_string_free (text, TRUE), damaged (r, _("a text that is not UTF-8")), NULL;
      g_string_append_len (text, data, size);
    }
  return g_string_free (text, FALSE);
}

/* Sets @pspec of @record from the encoded @value of kind @kind. */
static gboolean
set_field (Reader     *r,
           PlRecord   *record,
           GParamSpec *pspec,
           char        kind,
           const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING && (kind == 's' || kind == 'c'))
    {
      char *text = kind == 'c' ? read_chunks (r, value) : g_strdup (value);

      if (text == NULL)
        return FALSE;
      g_value_take_string (&v, text);
    }
  else if (pspec->value_type == G_TYPE_INT64 && kind == 'i')
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (value, &end, 10);

      if (end == value || *end != '\0')
        return damaged (r, _("a number of the wrong form"));
      g_value_set_int64 (&v, n);
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN && kind == 'b')
    g_value_set_boolean (&v, value[0] == '1');
  else if (G_TYPE_IS_ENUM (pspec->value_type) && kind == 'e')
    {
      int n;

      if (!pl_enum_from_nick (pspec->value_type, value, &n))
        return damaged (r, _("an unknown value"));
      g_value_set_enum (&v, n);
    }
  else
    return damaged (r, _("a field of the wrong type"));
  pl_record_load_value (record, pspec, &v, FALSE);
  return TRUE;
}

static PlRecord *
get_record (Reader   *r,
            GType     type,
            GVariant *hash,
            gint64    position)
{
  g_autoptr(GBytes) bytes = get_object (r, hash);
  g_autoptr(PlRecord) record = NULL;
  PlRecordClass *klass;
  const char *data, *p, *end;
  const char *uuid = NULL, *created = NULL;
  gsize size = 0;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  /* Every name and value ends with a NUL, and all of it is UTF-8. */
  if (size < sizeof ROW_MAGIC || memcmp (data, ROW_MAGIC, sizeof ROW_MAGIC) != 0 || data[size - 1] != '\0')
    return damaged (r, _("a row not in the snapshot format")), NULL;
  record = g_object_new (type, NULL);
  klass = PL_RECORD_GET_CLASS (record);
  for (p = data + sizeof ROW_MAGIC; p < end;)
    {
      const char *name = p;
      const char *value = name + strlen (name) + 1;
      GParamSpec *pspec;

      if (value >= end || *value == '\0' || !g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        return damaged (r, _("a row not in the snapshot format")), NULL;
      p = value + strlen (value) + 1;
      if (g_str_equal (name, "uuid"))
        uuid = value + 1;
      else if (g_str_equal (name, "created-at"))
        created = value + 1;
      /* A field this version does not know (from a later format of the
       * same number) is left out; a field the copy lacks keeps its default. */
      else if ((pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name)) != NULL &&
               pspec->owner_type == type &&
               (klass->parent_prop == NULL || !g_str_equal (name, klass->parent_prop)) &&
               !set_field (r, record, pspec, value[0], value + 1))
        return NULL;
    }
  if (uuid == NULL || created == NULL || *uuid == '\0')
    return damaged (r, _("a row without its identity")), NULL;
  pl_record_set_identity (record, 0, uuid, created, created);
  pl_record_set_position (record, position);
  return g_steal_pointer (&record);
}

static gboolean
parse_hash (const char *hex,
            guint8     *out)
{
  if (hex == NULL || strlen (hex) != HASH_BYTES * 2)
    return FALSE;
  for (guint i = 0; i < HASH_BYTES; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]), lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = hi * 16 + lo;
    }
  return TRUE;
}

PlDraft *
pl_store_read_snapshot_copy (PlStore     *store,
                             const char  *root,
                             gint64       format,
                             const char  *label,
                             GError     **error)
{
  Reader r = { store, label ? label : "", error };
  g_autoptr(PlDraft) draft = pl_draft_new ();
  g_autoptr(GVariant) root_hash = NULL;
  g_autoptr(GVariant) top = NULL;
  g_autoptr(GVariant) strategy_hash = NULL, sections = NULL, pillars = NULL;
  g_autoptr(PlRecord) strategy = NULL;
  guint8 key[HASH_BYTES];
  guint32 top_format = 0;

  if (format > PL_SNAPSHOT_FORMAT)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_TOO_NEW,
                   _("The snapshot “%s” was taken by a newer version of Pillars (snapshot format %d; "
                     "this version reads up to %d). Update Pillars to compare with it or restore it; "
                     "nothing was changed."),
                   r.label, (int) format, PL_SNAPSHOT_FORMAT);
      return NULL;
    }
  if (root == NULL || *root == '\0')
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The snapshot “%s” holds no copy of the draft (it was made by an older version of "
                     "Pillars). Take a new snapshot to compare with."), r.label);
      return NULL;
    }
  if (!parse_hash (root, key))
    return damaged (&r, _("its root reference")), NULL;
  root_hash = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, key, HASH_BYTES, 1));
  if (!(top = get_variant (&r, root_hash, G_VARIANT_TYPE (ROOT_TYPE))))
    return NULL;
  g_variant_get (top, "(u@ay@aay@aay)", &top_format, &strategy_hash, &sections, &pillars);
  if ((gint64) top_format != format)
    return damaged (&r, _("its format does not match")), NULL;

  if (!(strategy = get_record (&r, PL_TYPE_STRATEGY, strategy_hash, 0)))
    return NULL;
  pl_draft_set_strategy (draft, PL_STRATEGY (strategy));
  for (gsize i = 0; i < g_variant_n_children (sections); i++)
    {
      g_autoptr(GVariant) h = g_variant_get_child_value (sections, i);
      g_autoptr(PlRecord) section = get_record (&r, PL_TYPE_SECTION, h, i);

      if (section == NULL)
        return NULL;
      pl_draft_add_section (draft, PL_SECTION (section));
    }
  for (gsize i = 0; i < g_variant_n_children (pillars); i++)
    {
      g_autoptr(GVariant) h = g_variant_get_child_value (pillars, i);
      g_autoptr(GVariant) node = get_variant (&r, h, G_VARIANT_TYPE (NODE_TYPE));
      g_autoptr(GVariant) row = NULL, objectives = NULL;
      g_autoptr(PlRecord) pillar = NULL;

      if (node == NULL)
        return NULL;
      g_variant_get (node, "(@ay@aay)", &row, &objectives);
      if (!(pillar = get_record (&r, PL_TYPE_PILLAR, row, i)))
        return NULL;
      if (pl_draft_lookup (draft, pl_record_get_uuid (pillar)))
        return damaged (&r, _("a row listed twice")), NULL;
      pl_draft_add_pillar (draft, PL_PILLAR (pillar));
      for (gsize j = 0; j < g_variant_n_children (objectives); j++)
        {
          g_autoptr(GVariant) oh = g_variant_get_child_value (objectives, j);
          g_autoptr(GVariant) onode = get_variant (&r, oh, G_VARIANT_TYPE (NODE_TYPE));
          g_autoptr(GVariant) orow = NULL, actions = NULL;
          g_autoptr(PlRecord) objective = NULL;

          if (onode == NULL)
            return NULL;
          g_variant_get (onode, "(@ay@aay)", &orow, &actions);
          if (!(objective = get_record (&r, PL_TYPE_OBJECTIVE, orow, j)))
            return NULL;
          if (pl_draft_lookup (draft, pl_record_get_uuid (objective)))
            return damaged (&r, _("a row listed twice")), NULL;
          pl_draft_add_objective (draft, pl_record_get_uuid (pillar), PL_OBJECTIVE (objective));
          for (gsize k = 0; k < g_variant_n_children (actions); k++)
            {
              g_autoptr(GVariant) ah = g_variant_get_child_value (actions, k);
              g_autoptr(PlRecord) action = get_record (&r, PL_TYPE_ACTION, ah, k);

              if (action == NULL)
                return NULL;
              if (pl_draft_lookup (draft, pl_record_get_uuid (action)))
                return damaged (&r, _("a row listed twice")), NULL;
              pl_draft_add_action (draft, pl_record_get_uuid (objective), PL_ACTION (action));
            }
        }
    }
  return g_steal_pointer (&draft);
}

/* ---- the live draft ---- */

PlDraft *
pl_store_load_draft (PlStore  *store,
                     GError  **error)
{
  g_autoptr(PlDraft) draft = pl_draft_new ();
  g_autoptr(GPtrArray) strategies = NULL, sections = NULL, pillars = NULL, objectives = NULL, actions = NULL;
  g_autoptr(GHashTable) pillar_uuid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) objective_uuid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!(strategies = pl_store_load_everything (store, PL_TYPE_STRATEGY, error)) ||
      !(sections = pl_store_load_everything (store, PL_TYPE_SECTION, error)) ||
      !(pillars = pl_store_load_everything (store, PL_TYPE_PILLAR, error)) ||
      !(objectives = pl_store_load_everything (store, PL_TYPE_OBJECTIVE, error)) ||
      !(actions = pl_store_load_everything (store, PL_TYPE_ACTION, error)))
    return NULL;
  if (strategies->len > 0)
    pl_draft_set_strategy (draft, g_ptr_array_index (strategies, 0));
  for (guint i = 0; i < sections->len; i++)
    pl_draft_add_section (draft, g_ptr_array_index (sections, i));
  for (guint i = 0; i < pillars->len; i++)
    {
      PlRecord *p = g_ptr_array_index (pillars, i);
      gint64 *id = g_memdup2 (&(gint64) { pl_record_get_id (p) }, sizeof (gint64));

      g_hash_table_insert (pillar_uuid, id, (char *) pl_record_get_uuid (p));
      pl_draft_add_pillar (draft, PL_PILLAR (p));
    }
  for (guint i = 0; i < objectives->len; i++)
    {
      PlRecord *o = g_ptr_array_index (objectives, i);
      gint64 parent = pl_objective_get_pillar_id (PL_OBJECTIVE (o));
      const char *puuid = g_hash_table_lookup (pillar_uuid, &parent);
      gint64 *id;

      /* A live row under a deleted parent is not part of the draft. */
      if (puuid == NULL)
        continue;
      id = g_memdup2 (&(gint64) { pl_record_get_id (o) }, sizeof (gint64));
      g_hash_table_insert (objective_uuid, id, (char *) pl_record_get_uuid (o));
      pl_draft_add_objective (draft, puuid, PL_OBJECTIVE (o));
    }
  for (guint i = 0; i < actions->len; i++)
    {
      PlRecord *a = g_ptr_array_index (actions, i);
      gint64 parent = pl_action_get_objective_id (PL_ACTION (a));
      const char *ouuid = g_hash_table_lookup (objective_uuid, &parent);

      if (ouuid != NULL)
        pl_draft_add_action (draft, ouuid, PL_ACTION (a));
    }
  return g_steal_pointer (&draft);
}

GArray *
pl_store_accepted_feedback (PlStore  *store,
                            GError  **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store,
                                          "SELECT id, target_kind, target_id FROM feedback WHERE deleted = 0 "
                                          "AND disposition IN ('accepted', 'partly-accepted') ORDER BY captured_at, id",
                                          error);
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (PlFeedbackTarget));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlFeedbackTarget t = { sqlite3_column_int64 (stmt, 0), 0, sqlite3_column_int64 (stmt, 2) };
      int kind = 0;

      if (!pl_enum_from_nick (PL_TYPE_TARGET_KIND, (const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;
      t.target_kind = kind;
      if (kind == PL_TARGET_STRATEGY)
        t.target_id = 0;
      g_array_append_val (out, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
