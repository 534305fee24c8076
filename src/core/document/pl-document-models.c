/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-document-private.h"

/* ---- models ---- */

PlStrategy *
pl_document_get_strategy (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->strategy;
}

GListModel *
pl_document_get_sections (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->sections);
}

GListModel *
pl_document_get_pillars (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->pillars);
}

/* What a list of @type holds, for messages. */
static const char *
what_of (GType type)
{
  if (type == PL_TYPE_SECTION)
    return _("the sections");
  if (type == PL_TYPE_PILLAR)
    return _("the pillars");
  if (type == PL_TYPE_OBJECTIVE)
    return _("the objectives");
  if (type == PL_TYPE_ACTION)
    return _("the actions");
  if (type == PL_TYPE_WORKSHOP)
    return _("the workshops");
  if (type == PL_TYPE_STAKEHOLDER)
    return _("the stakeholders");
  if (type == PL_TYPE_SNAPSHOT)
    return _("the snapshots");
  return g_type_name (type);
}

/* A model could not be read: it shows what it had (or nothing), and the
 * document says why through "read-failed" rather than a log line nobody
 * sees. The store's message already names the file. */
static void
report_load_failure (PlDocument  *self,
                     const char  *what,
                     GError     **error)
{
  g_prefix_error (error, _("Could not show %s: "), what);
  pl_document_report_read_failure (self, *error);
}

GListStore *
pl_document_children_store (PlDocument *self,
                            GHashTable *stores,
                            GType       type,
                            gint64      parent_id)
{
  GListStore *list = g_hash_table_lookup (stores, &parent_id);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (list != NULL)
    return list;

  if (self->store != NULL)
    records = pl_store_load (self->store, type, parent_id, &error);
  if (records == NULL)
    {
      if (error != NULL)
        report_load_failure (self, what_of (type), &error);
      records = g_ptr_array_new_with_free_func (g_object_unref);
    }
  pl_document_intern_records (self, records);
  list = pl_document_store_from_array (type, records);
  g_hash_table_insert (stores, g_memdup2 (&parent_id, sizeof parent_id), list);
  return list;
}

GListModel *
pl_document_get_objectives (PlDocument *self,
                            PlPillar   *pillar)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_PILLAR (pillar), NULL);
  return G_LIST_MODEL (pl_document_children_store (self, self->objectives, PL_TYPE_OBJECTIVE,
                                       pl_record_get_id (PL_RECORD (pillar))));
}

GListModel *
pl_document_get_actions (PlDocument  *self,
                         PlObjective *objective)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_OBJECTIVE (objective), NULL);
  return G_LIST_MODEL (pl_document_children_store (self, self->actions, PL_TYPE_ACTION,
                                       pl_record_get_id (PL_RECORD (objective))));
}

/* When every objective's actions are already in memory (an export has
 * walked the pillars), the plan is their concatenation: no second query. */
static GPtrArray *
collect_loaded_actions (PlDocument *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pillars = g_list_model_get_n_items (G_LIST_MODEL (self->pillars));

  for (guint i = 0; i < n_pillars; i++)
    {
      g_autoptr(PlRecord) pillar = g_list_model_get_item (G_LIST_MODEL (self->pillars), i);
      gint64 pillar_id = pl_record_get_id (pillar);
      GListModel *objectives = g_hash_table_lookup (self->objectives, &pillar_id);

      if (objectives == NULL)
        return NULL;
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlRecord) objective = g_list_model_get_item (objectives, j);
          gint64 objective_id = pl_record_get_id (objective);
          GListModel *actions = g_hash_table_lookup (self->actions, &objective_id);

          if (actions == NULL)
            return NULL;
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            g_ptr_array_add (records, g_list_model_get_item (actions, k));
        }
    }
  return g_steal_pointer (&records);
}

static GPtrArray *
load_all_actions (PlDocument *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if ((records = collect_loaded_actions (self)) != NULL)
    return g_steal_pointer (&records);
  if (self->store != NULL)
    records = pl_store_load_all_actions (self->store, &error);
  if (records == NULL)
    {
      if (error != NULL)
        report_load_failure (self, _("the implementation plan"), &error);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  pl_document_intern_records (self, records);
  return g_steal_pointer (&records);
}

/* Makes @list hold @records (interned), with one items-changed covering
 * only the part that differs. */
static void
replace_items (GListStore *list,
               GPtrArray  *records)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  guint prefix = 0, suffix = 0;

  while (prefix < n && prefix < records->len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);

      if (old != g_ptr_array_index (records, prefix))
        break;
      prefix++;
    }
  while (suffix < n - prefix && suffix < records->len - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n - 1 - suffix);

      if (old != g_ptr_array_index (records, records->len - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == n && prefix == records->len)
    return;
  g_list_store_splice (list, prefix, n - prefix - suffix,
                       records->pdata + prefix, records->len - prefix - suffix);
}

void
pl_document_refresh_all_actions (PlDocument *self)
{
  g_autoptr(GPtrArray) records = NULL;

  if (self->all_actions == NULL)
    return;
  records = load_all_actions (self);
  replace_items (self->all_actions, records);
}

static int compare_stakeholder_slots (gconstpointer a, gconstpointer b, gpointer user_data);

/* Reloads a model that is already in memory from the file. */
static void
reload_list (PlDocument *self,
             GListStore *list,
             GType       type,
             gint64      parent_id)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (list == NULL || self->store == NULL)
    return;
  if (!(records = pl_store_load (self->store, type, parent_id, &error)))
    {
      report_load_failure (self, what_of (type), &error);
      return;
    }
  pl_document_intern_records (self, records);
  if (type == PL_TYPE_STAKEHOLDER)
    g_ptr_array_sort_with_data (records, compare_stakeholder_slots, NULL);
  replace_items (list, records);
}

void
pl_document_reload_children (PlDocument *self,
                             GHashTable *stores,
                             GType       type,
                             gint64      parent_id)
{
  reload_list (self, g_hash_table_lookup (stores, &parent_id), type, parent_id);
}

/* After a rollback the file is the truth again: every object in memory
 * and every model in memory takes its state from it, and says so. */
void
pl_document_resync_from_store (PlDocument *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  if (self->store == NULL)
    return;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GHashTableIter rows;
      gpointer record;

      g_hash_table_iter_init (&rows, value);
      while (g_hash_table_iter_next (&rows, NULL, &record))
        g_ptr_array_add (records, g_object_ref (record));
    }

  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *record = g_ptr_array_index (records, i);
      PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
      g_autoptr(PlRecord) fresh = pl_store_load_one (self->store, G_OBJECT_TYPE (record),
                                                     pl_record_get_id (record), TRUE, NULL);
      GValue *values;

      if (fresh != NULL)
        pl_record_attach (fresh, PL_RECORD_HOST (self));  /* so its lazy columns can be read */
      if (fresh == NULL)
        {
          /* Added in the abandoned transaction: it never reached the file,
           * and a new row may take its id. */
          pl_document_forget_record (self, record);
          pl_record_set_deleted (record, TRUE);
          pl_record_attach (record, NULL);
          continue;
        }
      pl_record_set_updated_at (record, pl_record_get_updated_at (fresh));
      pl_record_set_position (record, pl_record_get_position (fresh));
      pl_record_set_deleted (record, pl_store_get_deleted_token (self->store, record) != 0);
      /* Not pl_record_peek_values(): @fresh is not attached, and its lazy
       * columns were left in the file. */
      values = pl_record_get_loaded_values (fresh);
      g_object_freeze_notify (G_OBJECT (record));
      for (guint j = 0; j < klass->n_pspecs; j++)
        {
          if (klass->lazy_mask & ((guint64) 1 << j))
            {
              /* Read again from the file when next used. */
              pl_record_set_unloaded (record, j);
              g_object_notify_by_pspec (G_OBJECT (record), klass->pspecs[j]);
            }
          else
            pl_record_load_value (record, klass->pspecs[j], &values[j], TRUE);
        }
      g_object_thaw_notify (G_OBJECT (record));
    }

  reload_list (self, self->sections, PL_TYPE_SECTION, -1);
  reload_list (self, self->pillars, PL_TYPE_PILLAR, -1);
  g_hash_table_iter_init (&iter, self->objectives);
  while (g_hash_table_iter_next (&iter, &key, &value))
    reload_list (self, value, PL_TYPE_OBJECTIVE, *(gint64 *) key);
  g_hash_table_iter_init (&iter, self->actions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    reload_list (self, value, PL_TYPE_ACTION, *(gint64 *) key);
  pl_document_refresh_all_actions (self);
  reload_list (self, self->workshops, PL_TYPE_WORKSHOP, -1);
  reload_list (self, self->stakeholders, PL_TYPE_STAKEHOLDER, -1);
  reload_list (self, self->snapshots, PL_TYPE_SNAPSHOT, -1);
  pl_document_refresh_feedback_lists (self);
  pl_document_emit_renumbered (self);
  pl_document_emit_changed (self, NULL);
}

GListModel *
pl_document_get_all_actions (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  if (self->all_actions == NULL)
    {
      g_autoptr(GPtrArray) records = load_all_actions (self);

      self->all_actions = pl_document_store_from_array (PL_TYPE_ACTION, records);
    }
  return G_LIST_MODEL (self->all_actions);
}

static GListStore *
top_store (PlDocument  *self,
           GListStore **slot,
           GType        type)
{
  if (*slot == NULL)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      if (self->store != NULL)
        records = pl_store_load (self->store, type, -1, &error);
      if (records == NULL)
        {
          if (error != NULL)
            report_load_failure (self, what_of (type), &error);
          records = g_ptr_array_new_with_free_func (g_object_unref);
        }
      pl_document_intern_records (self, records);
      if (type == PL_TYPE_STAKEHOLDER)
        g_ptr_array_sort_with_data (records, compare_stakeholder_slots, NULL);
      *slot = pl_document_store_from_array (type, records);
    }
  return *slot;
}

GListModel *
pl_document_get_workshops (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (top_store (self, &self->workshops, PL_TYPE_WORKSHOP));
}

GListModel *
pl_document_get_stakeholders (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (top_store (self, &self->stakeholders, PL_TYPE_STAKEHOLDER));
}

GListModel *
pl_document_get_snapshots (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (top_store (self, &self->snapshots, PL_TYPE_SNAPSHOT));
}

PlFeedbackList *
pl_document_get_feedback (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  if (self->feedback == NULL)
    self->feedback = pl_feedback_list_new (self, NULL);
  return self->feedback;
}

/* ---- look-ups ---- */

PlRecord *
pl_document_lookup (PlDocument  *self,
                    GType        type,
                    gint64       id,
                    GError     **error)
{
  PlRecord *known;
  g_autoptr(PlRecord) fresh = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  known = g_hash_table_lookup (pl_document_cache_for (self, type), &id);
  if (known != NULL)
    {
      if (pl_record_is_deleted (known))
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                       _("That item was deleted"));
          return NULL;
        }
      return g_object_ref (known);
    }
  if (!pl_document_check_open (self, error))
    return NULL;
  if (!(fresh = pl_store_load_one (self->store, type, id, FALSE, error)))
    return NULL;
  return pl_document_intern (self, fresh);
}

PlRecord *
pl_document_lookup_uuid (PlDocument  *self,
                         GType        type,
                         const char  *uuid,
                         GError     **error)
{
  gint64 id;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  if (!pl_document_check_open (self, error))
    return NULL;
  id = pl_store_find_id_by_uuid (self->store, type, uuid);
  if (id == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("Nothing with identifier %s in “%s”"), uuid, self->display_name);
      return NULL;
    }
  return pl_document_lookup (self, type, id, error);
}

PlObjective *
pl_document_get_objective_of (PlDocument *self,
                              PlAction   *action)
{
  g_return_val_if_fail (PL_IS_ACTION (action), NULL);
  return (PlObjective *) pl_document_lookup (self, PL_TYPE_OBJECTIVE,
                                             pl_action_get_objective_id (action), NULL);
}

PlPillar *
pl_document_get_pillar_of (PlDocument *self,
                           PlRecord   *record)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  if (PL_IS_PILLAR (record))
    return g_object_ref (PL_PILLAR (record));
  if (PL_IS_OBJECTIVE (record))
    return (PlPillar *) pl_document_lookup (self, PL_TYPE_PILLAR,
                                            pl_objective_get_pillar_id (PL_OBJECTIVE (record)), NULL);
  if (PL_IS_ACTION (record))
    {
      g_autoptr(PlObjective) objective = pl_document_get_objective_of (self, PL_ACTION (record));

      return objective ? pl_document_get_pillar_of (self, PL_RECORD (objective)) : NULL;
    }
  if (PL_IS_FEEDBACK (record))
    {
      gint64 pillar_id = pl_feedback_get_pillar_id (PL_FEEDBACK (record));

      return pillar_id ? (PlPillar *) pl_document_lookup (self, PL_TYPE_PILLAR, pillar_id, NULL) : NULL;
    }
  return NULL;
}

PlStakeholder *
pl_document_find_stakeholder (PlDocument *self,
                              const char *name)
{
  gint64 id;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  if (self->store == NULL || name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  id = pl_store_find_stakeholder (self->store, name);
  if (id != 0)
    return (PlStakeholder *) pl_document_lookup (self, PL_TYPE_STAKEHOLDER, id, NULL);

  /* SQLite's NOCASE folds ASCII only: "élise" must find "Élise" too. */
  {
    GListModel *all = pl_document_get_stakeholders (self);
    g_autofree char *wanted = g_utf8_casefold (name, -1);
    PlStakeholder *found = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (all) && found == NULL; i++)
      {
        g_autoptr(PlStakeholder) s = g_list_model_get_item (all, i);
        g_autofree char *folded = g_utf8_casefold (pl_stakeholder_get_name (s), -1);

        if (g_str_equal (folded, wanted))
          found = g_steal_pointer (&s);
      }
    return found;
  }
}

gint64
pl_document_count (PlDocument *self,
                   const char *what)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), -1);
  return self->store ? pl_store_count (self->store, what) : -1;
}

/* ---- keeping the models in order ---- */

GListStore *
pl_document_list_for (PlDocument *self,
                      PlRecord   *record,
                      gboolean    create)
{
  if (PL_IS_SECTION (record))
    return self->sections;
  if (PL_IS_PILLAR (record))
    return self->pillars;
  if (PL_IS_OBJECTIVE (record))
    {
      gint64 parent = pl_objective_get_pillar_id (PL_OBJECTIVE (record));

      return create ? pl_document_children_store (self, self->objectives, PL_TYPE_OBJECTIVE, parent)
                    : g_hash_table_lookup (self->objectives, &parent);
    }
  if (PL_IS_ACTION (record))
    {
      gint64 parent = pl_action_get_objective_id (PL_ACTION (record));

      return create ? pl_document_children_store (self, self->actions, PL_TYPE_ACTION, parent)
                    : g_hash_table_lookup (self->actions, &parent);
    }
  if (PL_IS_WORKSHOP (record))
    return self->workshops;
  if (PL_IS_STAKEHOLDER (record))
    return self->stakeholders;
  if (PL_IS_SNAPSHOT (record))
    return self->snapshots;
  return NULL;
}

static int
compare_workshops (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  int c = g_strcmp0 (pl_workshop_get_start_date ((PlWorkshop *) a),
                     pl_workshop_get_start_date ((PlWorkshop *) b));

  return c ? c : (int) (pl_record_get_id ((PlRecord *) a) - pl_record_get_id ((PlRecord *) b));
}

/* How names sort: case and accents ignored first ("Élise" between "bea"
 * and "Zoë"), then case-folded, so the order does not depend on the locale. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name ? name : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *key = g_string_new (NULL);

  for (const char *p = decomposed ? decomposed : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

typedef struct {
  char *name;    /* the name the keys were made from */
  char *key;     /* name_key () */
  char *folded;  /* case-folded name */
} SortKeys;

static void
sort_keys_free (gpointer data)
{
  SortKeys *keys = data;

  g_free (keys->name);
  g_free (keys->key);
  g_free (keys->folded);
  g_free (keys);
}

/* The sort keys of a stakeholder, made once per name rather than at every
 * comparison (sorting 300 names compares them thousands of times). */
static SortKeys *
sort_keys (PlStakeholder *stakeholder)
{
  static GQuark quark;
  const char *name = pl_stakeholder_get_name (stakeholder);
  SortKeys *keys;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("pl-sort-keys");
  keys = g_object_get_qdata (G_OBJECT (stakeholder), quark);
  if (keys == NULL || g_strcmp0 (keys->name, name) != 0)
    {
      keys = g_new0 (SortKeys, 1);
      keys->name = g_strdup (name);
      keys->key = name_key (name);
      keys->folded = g_utf8_casefold (name ? name : "", -1);
      g_object_set_qdata_full (G_OBJECT (stakeholder), quark, keys, sort_keys_free);
    }
  return keys;
}

static int
compare_stakeholders (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  SortKeys *ka = sort_keys ((PlStakeholder *) a);
  SortKeys *kb = sort_keys ((PlStakeholder *) b);
  int c = g_strcmp0 (ka->key, kb->key);

  if (c == 0)
    c = g_strcmp0 (ka->folded, kb->folded);
  if (c == 0)
    c = g_strcmp0 (ka->name, kb->name);
  return c ? c : (int) (pl_record_get_id ((PlRecord *) a) - pl_record_get_id ((PlRecord *) b));
}

static int
compare_stakeholder_slots (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return compare_stakeholders (*(PlRecord **) a, *(PlRecord **) b, user_data);
}

/* Puts a new or restored record into the live model it belongs to. */
void
pl_document_insert_into_lists (PlDocument *self,
                               PlRecord   *record)
{
  GListStore *list = pl_document_list_for (self, record, FALSE);

  if (PL_IS_WORKSHOP (record) && list)
    g_list_store_insert_sorted (list, record, compare_workshops, NULL);
  else if (PL_IS_STAKEHOLDER (record) && list)
    g_list_store_insert_sorted (list, record, compare_stakeholders, NULL);
  else if (PL_IS_SNAPSHOT (record) && list)
    g_list_store_append (list, record);
  else if (list != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint pos = MIN ((guint) pl_record_get_position (record), n);

      g_list_store_insert (list, pos, record);
      /* Keep the in-memory positions equal to the list positions. */
      for (guint i = pos + 1; i <= n; i++)
        {
          g_autoptr(PlRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
          pl_record_set_position (r, i);
        }
    }

  if (PL_IS_ACTION (record) || PL_IS_OBJECTIVE (record) || PL_IS_PILLAR (record))
    pl_document_refresh_all_actions (self);
  if (list != NULL && (PL_IS_ACTION (record) || PL_IS_OBJECTIVE (record) || PL_IS_PILLAR (record) ||
                       PL_IS_SECTION (record)))
    pl_document_emit_renumbered (self);
  if (PL_IS_FEEDBACK (record))
    pl_document_sync_feedback_lists (self, PL_FEEDBACK (record), FALSE, TRUE);
}

/* Workshops are listed by start date and stakeholders by name: after an
 * edit, put the record where it now belongs. */
void
pl_document_resort_record (PlDocument *self,
                           PlRecord   *record)
{
  GListStore *list = pl_document_list_for (self, record, FALSE);
  GCompareDataFunc compare = PL_IS_WORKSHOP (record) ? compare_workshops : compare_stakeholders;
  g_autoptr(PlRecord) keep = NULL;
  gboolean sorted = TRUE;
  guint pos, n;

  if (list == NULL || !g_list_store_find (list, record, &pos))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (pos > 0)
    {
      g_autoptr(PlRecord) prev = g_list_model_get_item (G_LIST_MODEL (list), pos - 1);
      sorted = compare (prev, record, NULL) <= 0;
    }
  if (sorted && pos + 1 < n)
    {
      g_autoptr(PlRecord) next = g_list_model_get_item (G_LIST_MODEL (list), pos + 1);
      sorted = compare (record, next, NULL) <= 0;
    }
  if (sorted)
    return;
  keep = g_object_ref (record);
  g_list_store_remove (list, pos);
  g_list_store_insert_sorted (list, keep, compare, NULL);
}

void
pl_document_remove_from_lists (PlDocument *self,
                               PlRecord   *record,
                               gboolean    was_open)
{
  GListStore *list = pl_document_list_for (self, record, FALSE);
  guint pos;

  if (list != NULL && g_list_store_find (list, record, &pos))
    {
      guint n;

      g_list_store_remove (list, pos);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (pl_record_get_parent_id (record) != 0 || PL_IS_PILLAR (record) || PL_IS_SECTION (record))
        for (guint i = pos; i < n; i++)
          {
            g_autoptr(PlRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
            pl_record_set_position (r, i);
          }
    }
  if (PL_IS_ACTION (record) || PL_IS_OBJECTIVE (record) || PL_IS_PILLAR (record))
    pl_document_refresh_all_actions (self);
  if (list != NULL && (PL_IS_ACTION (record) || PL_IS_OBJECTIVE (record) || PL_IS_PILLAR (record) ||
                       PL_IS_SECTION (record)))
    pl_document_emit_renumbered (self);
  if (PL_IS_FEEDBACK (record))
    pl_document_sync_feedback_lists (self, PL_FEEDBACK (record), was_open, FALSE);
}
