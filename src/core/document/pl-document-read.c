/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document-private.h"

gboolean
pl_document_begin_read (PlDocument  *self,
                        GError     **error)
{
  return pl_document_check_open (self, error) && pl_store_begin_read (self->store, error);
}

void
pl_document_end_read (PlDocument *self)
{
  if (self->store != NULL)
    pl_store_commit (self->store, NULL);
}

GPtrArray *
pl_document_load_all (PlDocument  *self,
                      GType        type,
                      GError     **error)
{
  GPtrArray *records;

  if (!pl_document_check_open (self, error))
    return NULL;
  if (!(records = pl_store_load (self->store, type, -1, error)))
    return NULL;
  pl_document_intern_records (self, records);
  return records;
}

/* Groups @records by their parent id into the document's child stores that
 * do not exist yet. */
static void
fill_child_stores (PlDocument *self,
                   GHashTable *stores,
                   GType       type,
                   GPtrArray  *records)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *record = g_ptr_array_index (records, i);
      gint64 parent = pl_record_get_parent_id (record);
      GPtrArray *group = g_hash_table_lookup (groups, &parent);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, g_memdup2 (&parent, sizeof parent), group);
        }
      g_ptr_array_add (group, g_object_ref (record));
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (stores, key))
      g_hash_table_insert (stores, g_memdup2 (key, sizeof (gint64)), pl_document_store_from_array (type, value));
}

/* An empty list of @type for the children of @parent, unless it has one. */
static void
ensure_child_store (GHashTable *stores,
                    GType       type,
                    PlRecord   *parent)
{
  gint64 id = pl_record_get_id (parent);

  if (!g_hash_table_contains (stores, &id))
    g_hash_table_insert (stores, g_memdup2 (&id, sizeof id), g_list_store_new (type));
}

gboolean
pl_document_preload (PlDocument  *self,
                     GType        type,
                     GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GHashTable *stores;

  g_return_val_if_fail (type == PL_TYPE_OBJECTIVE || type == PL_TYPE_ACTION, FALSE);

  if (!pl_document_check_open (self, error))
    return FALSE;
  stores = type == PL_TYPE_OBJECTIVE ? self->objectives : self->actions;
  /* Descriptions included: an export reads every one of them. */
  if (!(records = pl_store_load_everything (self->store, type, error)))
    return FALSE;
  pl_document_intern_records (self, records);
  fill_child_stores (self, stores, type, records);

  /* Parents without children get their (empty) lists too, so nothing
   * asks the file again. */
  if (type == PL_TYPE_OBJECTIVE)
    {
      GListModel *pillars = G_LIST_MODEL (self->pillars);

      for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
        {
          g_autoptr(PlRecord) pillar = g_list_model_get_item (pillars, i);

          ensure_child_store (stores, type, pillar);
        }
    }
  else
    {
      GHashTableIter iter;
      gpointer list;

      /* The objectives known so far: all of them after preloading those. */
      g_hash_table_iter_init (&iter, self->objectives);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(PlRecord) objective = g_list_model_get_item (list, i);

            ensure_child_store (stores, type, objective);
          }
    }
  return TRUE;
}
