/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gobject/gvaluecollector.h>

#include "pl-document-private.h"
#include "pl-record-private.h"

struct _PlDocument
{
  GObject         parent_instance;

  PlStore        *store;
  char           *path;
  char           *display_name;
  PlStrategy     *strategy;
  GListStore     *sections;
  GListStore     *pillars;
  GHashTable     *objectives;     /* pillar id -> GListStore */
  GHashTable     *actions;        /* objective id -> GListStore */
  GListStore     *all_actions;    /* NULL until asked for */
  GListStore     *workshops;
  GListStore     *stakeholders;
  GListStore     *snapshots;
  PlFeedbackList *feedback;
  GPtrArray      *feedback_lists; /* weak */
  GHashTable     *cache;          /* GType -> (id -> PlRecord, weak) */
  guint64         generation;
  gint64          last_token;
};

G_DEFINE_FINAL_TYPE (PlDocument, pl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_GENERATION,
  N_PROPS
};

enum {
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- cache ---- */

static GHashTable *
cache_for (PlDocument *self,
           GType       type)
{
  GHashTable *table = g_hash_table_lookup (self->cache, GSIZE_TO_POINTER (type));

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->cache, GSIZE_TO_POINTER (type), table);
    }
  return table;
}

void
pl_document_forget_record (PlDocument *self,
                           PlRecord   *record)
{
  GHashTable *table = g_hash_table_lookup (self->cache, GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
  gint64 id = pl_record_get_id (record);

  if (table != NULL && g_hash_table_lookup (table, &id) == record)
    g_hash_table_remove (table, &id);
}

/* Returns the one live object for a row (transfer full): the cached one
 * if the row is already in memory, else @fresh, attached. */
static gpointer
intern (PlDocument *self,
        PlRecord   *fresh)
{
  GHashTable *table = cache_for (self, G_OBJECT_TYPE (fresh));
  gint64 id = pl_record_get_id (fresh);
  PlRecord *known = g_hash_table_lookup (table, &id);

  if (known != NULL)
    {
      /* Siblings move in the file without their objects being told. */
      pl_record_set_position (known, pl_record_get_position (fresh));
      return g_object_ref (known);
    }

  pl_record_attach (fresh, self);
  /* The key lives inside the record's id: use a stable pointer. */
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), fresh);
  return g_object_ref (fresh);
}

static void
intern_array (PlDocument *self,
              GPtrArray  *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *fresh = g_ptr_array_index (records, i);
      PlRecord *one = intern (self, fresh);

      g_ptr_array_index (records, i) = one;
      g_object_unref (fresh);
    }
}

static GListStore *
store_from_array (GType      type,
                  GPtrArray *records)
{
  GListStore *list = g_list_store_new (type);

  g_list_store_splice (G_LIST_STORE (list), 0, 0, records->pdata, records->len);
  return list;
}

/* ---- GObject ---- */

static void
free_cache_table (gpointer data)
{
  g_hash_table_unref (data);
}

static void
detach_records (PlDocument *self)
{
  GHashTableIter types;
  gpointer table;

  g_hash_table_iter_init (&types, self->cache);
  while (g_hash_table_iter_next (&types, NULL, &table))
    {
      GHashTableIter rows;
      gpointer record;

      g_hash_table_iter_init (&rows, table);
      while (g_hash_table_iter_next (&rows, NULL, &record))
        pl_record_attach (record, NULL);
      g_hash_table_remove_all (table);
    }
}

static void
pl_document_dispose (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  pl_document_close (self);
  /* Records that outlive the document (held by someone else) forget it;
   * detached first, the others need not take themselves out of the cache
   * one by one as they go. */
  detach_records (self);
  g_clear_object (&self->strategy);
  g_clear_object (&self->sections);
  g_clear_object (&self->pillars);
  g_clear_pointer (&self->objectives, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_hash_table_unref);
  g_clear_object (&self->all_actions);
  g_clear_object (&self->workshops);
  g_clear_object (&self->stakeholders);
  g_clear_object (&self->snapshots);
  g_clear_object (&self->feedback);

  G_OBJECT_CLASS (pl_document_parent_class)->dispose (object);
}

static void
pl_document_finalize (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  g_clear_pointer (&self->feedback_lists, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (pl_document_parent_class)->finalize (object);
}

static void
pl_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlDocument *self = PL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, pl_document_is_read_only (self));
      break;
    case PROP_GENERATION:
      g_value_set_uint64 (value, self->generation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_class_init (PlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_document_dispose;
  object_class->finalize = pl_document_finalize;
  object_class->get_property = pl_document_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERATION] =
    g_param_spec_uint64 ("generation", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PL_TYPE_RECORD);
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pl_document_init (PlDocument *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, free_cache_table);
  self->objectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->feedback_lists = g_ptr_array_new ();
  self->last_token = g_get_real_time ();
}

/* ---- opening ---- */

static gboolean
load_top (PlDocument  *self,
          GError     **error)
{
  g_autoptr(GPtrArray) strategy = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) pillars = NULL;

  if (!(strategy = pl_store_load (self->store, PL_TYPE_STRATEGY, -1, error)))
    return FALSE;
  if (strategy->len != 1)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” has no strategy record. Open a backup copy; the file was not changed."),
                   self->display_name);
      return FALSE;
    }
  intern_array (self, strategy);
  self->strategy = g_object_ref (g_ptr_array_index (strategy, 0));

  if (!(sections = pl_store_load (self->store, PL_TYPE_SECTION, -1, error)) ||
      !(pillars = pl_store_load (self->store, PL_TYPE_PILLAR, -1, error)))
    return FALSE;
  intern_array (self, sections);
  intern_array (self, pillars);
  self->sections = store_from_array (PL_TYPE_SECTION, sections);
  self->pillars = store_from_array (PL_TYPE_PILLAR, pillars);
  return TRUE;
}

static PlDocument *
document_new (const char *path)
{
  PlDocument *self = g_object_new (PL_TYPE_DOCUMENT, NULL);

  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  return self;
}

PlDocument *
pl_document_open (const char           *path,
                  PlDocumentOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(PlDocument) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = document_new (path);
  if (!(self->store = pl_store_open (path, FALSE, (flags & PL_DOCUMENT_OPEN_READ_ONLY) != 0, error)))
    return NULL;
  if (!load_top (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

PlDocument *
pl_document_create (const char  *path,
                    PlTemplate   template_,
                    GError     **error)
{
  g_autoptr(PlDocument) self = NULL;
  g_autoptr(PlStrategy) strategy = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = document_new (path);
  if (!(self->store = pl_store_open (path, TRUE, FALSE, error)))
    return NULL;

  strategy = g_object_new (PL_TYPE_STRATEGY, "title", _("National Cybersecurity Strategy"), NULL);
  if (!pl_store_begin (self->store, error) ||
      !pl_store_insert (self->store, PL_RECORD (strategy), -1, error) ||
      !pl_store_commit (self->store, error))
    goto fail;
  if (!load_top (self, error))
    goto fail;
  if (!pl_template_apply (self, template_, error))
    goto fail;
  return g_steal_pointer (&self);

fail:
  pl_document_close (self);
  g_unlink (path);
  return NULL;
}

void
pl_document_close (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));

  if (self->store == NULL)
    return;
  pl_store_checkpoint (self->store, NULL);
  g_clear_pointer (&self->store, pl_store_free);
}

const char *
pl_document_get_path (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
pl_document_is_read_only (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), TRUE);
  return self->store == NULL || pl_store_is_read_only (self->store);
}

const char *
pl_document_get_read_only_reason (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  if (self->store == NULL)
    return _("The document is closed.");
  return pl_store_is_read_only (self->store) ? pl_store_get_read_only_reason (self->store) : NULL;
}

int
pl_document_get_schema_version (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);
  return self->store ? pl_store_get_version (self->store) : 0;
}

guint64
pl_document_get_generation (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);
  return self->generation;
}

PlStore *
pl_document_get_store (PlDocument *self)
{
  return self->store;
}

static gboolean check_open (PlDocument *self, GError **error);

gboolean
pl_document_begin_read (PlDocument  *self,
                        GError     **error)
{
  return check_open (self, error) && pl_store_begin_read (self->store, error);
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

  if (!check_open (self, error))
    return NULL;
  if (!(records = pl_store_load (self->store, type, -1, error)))
    return NULL;
  intern_array (self, records);
  return records;
}

static gboolean
check_open (PlDocument  *self,
            GError     **error)
{
  if (self->store == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                   _("“%s” is closed"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_document_flush (PlDocument  *self,
                   GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  return pl_store_checkpoint (self->store, error);
}

gboolean
pl_document_begin (PlDocument  *self,
                   GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return check_open (self, error) && pl_store_begin (self->store, error);
}

static void resync_from_store (PlDocument *self);

gboolean
pl_document_commit (PlDocument  *self,
                    GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  if (!pl_store_commit (self->store, error))
    {
      /* The store rolled back: show the file again. */
      resync_from_store (self);
      return FALSE;
    }
  return TRUE;
}

void
pl_document_rollback (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  if (self->store == NULL)
    return;
  g_return_if_fail (pl_store_get_depth (self->store) > 0);
  pl_store_rollback (self->store);
  /* What was done since the matching begin is gone from the file: the
   * objects and models must show the file again. */
  resync_from_store (self);
}

static void
changed (PlDocument *self,
         PlRecord   *record)
{
  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  g_signal_emit (self, signals[CHANGED], 0, record);
}

void
pl_document_report_write_failure (PlDocument   *self,
                                  const GError *error)
{
  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

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

static GListStore *
children_store (PlDocument *self,
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
        g_warning ("Could not load %s: %s", g_type_name (type), error->message);
      records = g_ptr_array_new_with_free_func (g_object_unref);
    }
  intern_array (self, records);
  list = store_from_array (type, records);
  g_hash_table_insert (stores, g_memdup2 (&parent_id, sizeof parent_id), list);
  return list;
}

GListModel *
pl_document_get_objectives (PlDocument *self,
                            PlPillar   *pillar)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_PILLAR (pillar), NULL);
  return G_LIST_MODEL (children_store (self, self->objectives, PL_TYPE_OBJECTIVE,
                                       pl_record_get_id (PL_RECORD (pillar))));
}

GListModel *
pl_document_get_actions (PlDocument  *self,
                         PlObjective *objective)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_OBJECTIVE (objective), NULL);
  return G_LIST_MODEL (children_store (self, self->actions, PL_TYPE_ACTION,
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
        g_warning ("Could not load the implementation plan: %s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  intern_array (self, records);
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

static void
refresh_all_actions (PlDocument *self)
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
      g_warning ("Could not reload %s: %s", g_type_name (type), error->message);
      return;
    }
  intern_array (self, records);
  if (type == PL_TYPE_STAKEHOLDER)
    g_ptr_array_sort_with_data (records, compare_stakeholder_slots, NULL);
  replace_items (list, records);
}

static void
reload_children (PlDocument *self,
                 GHashTable *stores,
                 GType       type,
                 gint64      parent_id)
{
  reload_list (self, g_hash_table_lookup (stores, &parent_id), type, parent_id);
}

static void changed (PlDocument *self, PlRecord *record);

/* After a rollback the file is the truth again: every object in memory
 * and every model in memory takes its state from it, and says so. */
static void
resync_from_store (PlDocument *self)
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
        pl_record_attach (fresh, self);  /* so its lazy columns can be read */
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
  refresh_all_actions (self);
  reload_list (self, self->workshops, PL_TYPE_WORKSHOP, -1);
  reload_list (self, self->stakeholders, PL_TYPE_STAKEHOLDER, -1);
  reload_list (self, self->snapshots, PL_TYPE_SNAPSHOT, -1);
  for (guint i = 0; i < self->feedback_lists->len; i++)
    pl_feedback_list_refresh (g_ptr_array_index (self->feedback_lists, i));
  changed (self, NULL);
}

GListModel *
pl_document_get_all_actions (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  if (self->all_actions == NULL)
    {
      g_autoptr(GPtrArray) records = load_all_actions (self);

      self->all_actions = store_from_array (PL_TYPE_ACTION, records);
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
            g_warning ("Could not load %s: %s", g_type_name (type), error->message);
          records = g_ptr_array_new_with_free_func (g_object_unref);
        }
      intern_array (self, records);
      if (type == PL_TYPE_STAKEHOLDER)
        g_ptr_array_sort_with_data (records, compare_stakeholder_slots, NULL);
      *slot = store_from_array (type, records);
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

void
pl_document_register_feedback_list (PlDocument     *self,
                                    PlFeedbackList *list)
{
  g_ptr_array_add (self->feedback_lists, list);
}

void
pl_document_unregister_feedback_list (PlDocument     *self,
                                      PlFeedbackList *list)
{
  g_ptr_array_remove (self->feedback_lists, list);
}

static void
sync_feedback_lists (PlDocument *self,
                     PlFeedback *feedback,
                     gboolean    was_open,
                     gboolean    is_new)
{
  for (guint i = 0; i < self->feedback_lists->len; i++)
    pl_feedback_list_sync_item (g_ptr_array_index (self->feedback_lists, i), feedback, was_open, is_new);
}

static void
refresh_feedback_lists (PlDocument *self)
{
  for (guint i = 0; i < self->feedback_lists->len; i++)
    pl_feedback_list_refresh (g_ptr_array_index (self->feedback_lists, i));
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

  known = g_hash_table_lookup (cache_for (self, type), &id);
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
  if (!check_open (self, error))
    return NULL;
  if (!(fresh = pl_store_load_one (self->store, type, id, FALSE, error)))
    return NULL;
  return intern (self, fresh);
}

PlRecord *
pl_document_lookup_uuid (PlDocument  *self,
                         GType        type,
                         const char  *uuid,
                         GError     **error)
{
  gint64 id;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  if (!check_open (self, error))
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

/* ---- orphans ---- */

static PlTargetKind
target_kind_of (PlRecord *record)
{
  if (record == NULL || PL_IS_STRATEGY (record))
    return PL_TARGET_STRATEGY;
  if (PL_IS_SECTION (record))
    return PL_TARGET_SECTION;
  if (PL_IS_PILLAR (record))
    return PL_TARGET_PILLAR;
  if (PL_IS_OBJECTIVE (record))
    return PL_TARGET_OBJECTIVE;
  if (PL_IS_ACTION (record))
    return PL_TARGET_ACTION;
  return (PlTargetKind) -1;
}

/* The text a quotation from @record must be found in. */
static char *
quotable_text (PlDocument *self,
               PlRecord   *record)
{
  if (record == NULL || PL_IS_STRATEGY (record))
    return g_strdup (pl_strategy_get_vision (self->strategy));
  if (PL_IS_SECTION (record))
    return g_strconcat (pl_section_get_title (PL_SECTION (record)), "\n",
                        pl_section_get_body (PL_SECTION (record)), NULL);
  if (PL_IS_PILLAR (record))
    return g_strconcat (pl_pillar_get_title (PL_PILLAR (record)), "\n",
                        pl_pillar_get_summary (PL_PILLAR (record)), "\n",
                        pl_pillar_get_body (PL_PILLAR (record)), NULL);
  if (PL_IS_OBJECTIVE (record))
    return g_strconcat (pl_objective_get_title (PL_OBJECTIVE (record)), "\n",
                        pl_objective_get_description (PL_OBJECTIVE (record)), NULL);
  if (PL_IS_ACTION (record))
    return g_strconcat (pl_action_get_title (PL_ACTION (record)), "\n",
                        pl_action_get_indicator (PL_ACTION (record)), "\n",
                        pl_action_get_lead_agency (PL_ACTION (record)), NULL);
  return g_strdup ("");
}

static gboolean
refresh_orphans (PlDocument  *self,
                 PlRecord    *record,
                 GError     **error)
{
  g_autofree char *text = quotable_text (self, record);
  g_autoptr(GArray) changed_ids = NULL;
  GHashTable *table;

  changed_ids = pl_store_update_orphans (self->store, target_kind_of (record),
                                         PL_IS_STRATEGY (record) ? 0 : pl_record_get_id (record),
                                         text, error);
  if (changed_ids == NULL)
    return FALSE;

  if (changed_ids->len > 0)
    refresh_feedback_lists (self);
  table = cache_for (self, PL_TYPE_FEEDBACK);
  for (guint i = 0; i < changed_ids->len; i++)
    {
      gint64 id = g_array_index (changed_ids, gint64, i);
      PlRecord *fb = g_hash_table_lookup (table, &id);
      g_autoptr(PlRecord) fresh = NULL;

      if (fb == NULL)
        continue;
      fresh = pl_store_load_one (self->store, PL_TYPE_FEEDBACK, id, TRUE, NULL);
      if (fresh != NULL)
        {
          g_auto(GValue) v = G_VALUE_INIT;

          g_object_get_property (G_OBJECT (fresh), "orphaned", &v);
          pl_record_load_value (fb, g_object_class_find_property (G_OBJECT_GET_CLASS (fb), "orphaned"), &v, TRUE);
        }
    }
  return TRUE;
}

/* ---- writing ---- */

static gboolean
has_text (guint n, GParamSpec **pspecs)
{
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->value_type == G_TYPE_STRING)
      return TRUE;
  return FALSE;
}

static void resort_record (PlDocument *self, PlRecord *record);

gboolean
pl_document_update_record (PlDocument    *self,
                           PlRecord      *record,
                           guint          n,
                           GParamSpec   **pspecs,
                           const GValue  *values,
                           GError       **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GArray) old = NULL;
  gboolean was_open = FALSE;
  gboolean structural = FALSE;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (pl_record_is_deleted (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("That item was deleted; restore it before changing it"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *name = g_param_spec_get_name (pspecs[i]);

      if (!pl_record_validate_value (pspecs[i], &values[i], error))
        return FALSE;
      /* Parents and targets change through move/retarget only. */
      if (g_str_equal (name, "objective-id") || g_str_equal (name, "pillar-id") ||
          g_str_equal (name, "target-id") || g_str_equal (name, "target-kind"))
        {
          if (!PL_IS_FEEDBACK (record) || !g_str_equal (name, "pillar-id"))
            structural = TRUE;
        }
    }
  if (structural && !PL_IS_FEEDBACK (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Use move or retarget to change where an item belongs"));
      return FALSE;
    }

  if (PL_IS_FEEDBACK (record))
    was_open = pl_feedback_get_disposition (PL_FEEDBACK (record)) == PL_DISPOSITION_OPEN;

  now = now_stamp ();
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_update (self->store, record, n, pspecs, values, now, error))
    goto fail;

  /* Keep the old values so a failure later in the transaction can undo them. */
  old = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (old, (GDestroyNotify) g_value_unset);
  for (guint i = 0; i < n; i++)
    {
      GValue v = G_VALUE_INIT;

      g_value_init (&v, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), g_param_spec_get_name (pspecs[i]), &v);
      g_array_append_val (old, v);
      pl_record_load_value (record, pspecs[i], &values[i], FALSE);
    }

  if (!PL_IS_FEEDBACK (record) && !PL_IS_WORKSHOP (record) && !PL_IS_STAKEHOLDER (record) &&
      !PL_IS_SNAPSHOT (record) && has_text (n, pspecs) &&
      !refresh_orphans (self, record, error))
    {
      for (guint i = 0; i < n; i++)
        pl_record_load_value (record, pspecs[i], &g_array_index (old, GValue, i), FALSE);
      goto fail;
    }
  if (!pl_store_commit (self->store, error))
    {
      for (guint i = 0; i < n; i++)
        pl_record_load_value (record, pspecs[i], &g_array_index (old, GValue, i), FALSE);
      return FALSE;
    }

  pl_record_set_updated_at (record, now);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < n; i++)
    if (g_param_values_cmp (pspecs[i], &values[i], &g_array_index (old, GValue, i)) != 0)
      g_object_notify_by_pspec (G_OBJECT (record), pspecs[i]);
  g_object_thaw_notify (G_OBJECT (record));

  if (PL_IS_WORKSHOP (record) || PL_IS_STAKEHOLDER (record))
    resort_record (self, record);
  if (PL_IS_FEEDBACK (record))
    {
      gboolean moved = FALSE;

      /* A new capture time moves the item: its old place is unknown. */
      for (guint i = 0; i < n; i++)
        moved |= g_str_equal (g_param_spec_get_name (pspecs[i]), "captured-at");
      if (moved)
        refresh_feedback_lists (self);
      else
        sync_feedback_lists (self, PL_FEEDBACK (record), was_open, FALSE);
    }
  changed (self, record);
  return TRUE;

fail:
  pl_store_rollback (self->store);
  return FALSE;
}

static GListStore *
list_for (PlDocument *self,
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

      return create ? children_store (self, self->objectives, PL_TYPE_OBJECTIVE, parent)
                    : g_hash_table_lookup (self->objectives, &parent);
    }
  if (PL_IS_ACTION (record))
    {
      gint64 parent = pl_action_get_objective_id (PL_ACTION (record));

      return create ? children_store (self, self->actions, PL_TYPE_ACTION, parent)
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
static void
insert_into_lists (PlDocument *self,
                   PlRecord   *record)
{
  GListStore *list = list_for (self, record, FALSE);

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
    refresh_all_actions (self);
  if (PL_IS_FEEDBACK (record))
    sync_feedback_lists (self, PL_FEEDBACK (record), FALSE, TRUE);
}

/* Workshops are listed by start date and stakeholders by name: after an
 * edit, put the record where it now belongs. */
static void
resort_record (PlDocument *self,
               PlRecord   *record)
{
  GListStore *list = list_for (self, record, FALSE);
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

static void
remove_from_lists (PlDocument *self,
                   PlRecord   *record,
                   gboolean    was_open)
{
  GListStore *list = list_for (self, record, FALSE);
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
    refresh_all_actions (self);
  if (PL_IS_FEEDBACK (record))
    sync_feedback_lists (self, PL_FEEDBACK (record), was_open, FALSE);
}

static gboolean
collect_values (PlRecord    *record,
                const char  *first_property,
                va_list      args,
                GError     **error)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);

  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *collect_error = NULL;

      if (pspec == NULL || pspec->owner_type != G_OBJECT_TYPE (record))
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                       _("“%s” has no field “%s”"), G_OBJECT_TYPE_NAME (record), name);
          return FALSE;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &collect_error);
      if (collect_error != NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE, "%s", collect_error);
          return FALSE;
        }
      if (!pl_record_validate_value (pspec, &value, error))
        return FALSE;
      pl_record_load_value (record, pspec, &value, FALSE);
    }
  return TRUE;
}

static gboolean
set_parent (PlDocument  *self,
            PlRecord    *record,
            PlRecord    *parent,
            GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);

  if (klass->parent_prop == NULL)
    {
      if (parent != NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                       _("A %s has no parent"), klass->table);
          return FALSE;
        }
      return TRUE;
    }
  if ((PL_IS_OBJECTIVE (record) && !PL_IS_PILLAR (parent)) ||
      (PL_IS_ACTION (record) && !PL_IS_OBJECTIVE (parent)))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   PL_IS_OBJECTIVE (record) ? _("An objective must be added to a pillar")
                                            : _("An action must be added to an objective"));
      return FALSE;
    }
  if (pl_record_get_document (parent) != self || pl_record_is_deleted (parent))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The parent item is not part of this document"));
      return FALSE;
    }
  g_object_set (record, klass->parent_prop, pl_record_get_id (parent), NULL);
  return TRUE;
}

static gboolean
store_new_record (PlDocument  *self,
                  PlRecord    *record,
                  int          position,
                  GError     **error)
{
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_insert (self->store, record, position, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;
  return TRUE;
}

gpointer
pl_document_add (PlDocument  *self,
                 GType        type,
                 PlRecord    *parent,
                 int          position,
                 GError     **error,
                 const char  *first_property,
                 ...)
{
  g_autoptr(PlRecord) record = NULL;
  PlRecord *result;
  va_list args;
  gboolean ok;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD) && type != PL_TYPE_RECORD, NULL);

  if (!check_open (self, error))
    return NULL;
  if (type == PL_TYPE_STRATEGY)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("A document has exactly one strategy"));
      return NULL;
    }
  if (type == PL_TYPE_FEEDBACK)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Use pl_document_add_feedback() to capture feedback"));
      return NULL;
    }

  record = g_object_new (type, NULL);
  va_start (args, first_property);
  ok = collect_values (record, first_property, args, error);
  va_end (args);
  if (!ok || !set_parent (self, record, parent, error))
    return NULL;

  if (!store_new_record (self, record, position, error))
    return NULL;

  result = intern (self, record);
  /* Make sure the parent's list exists only if someone looks at it. */
  insert_into_lists (self, result);
  changed (self, result);
  return result;
}

static gboolean
resolve_target (PlDocument   *self,
                PlRecord     *target,
                PlTargetKind *kind,
                gint64       *target_id,
                gint64       *pillar_id,
                GError      **error)
{
  g_autoptr(PlPillar) pillar = NULL;

  *kind = target_kind_of (target);
  if ((int) *kind < 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Feedback can only be about the strategy, a section, a pillar, an objective or an action"));
      return FALSE;
    }
  if (target != NULL && !PL_IS_STRATEGY (target) &&
      (pl_record_get_document (target) != self || pl_record_is_deleted (target)))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The item the feedback is about is not part of this document"));
      return FALSE;
    }
  *target_id = (target == NULL || PL_IS_STRATEGY (target)) ? 0 : pl_record_get_id (target);
  pillar = target ? pl_document_get_pillar_of (self, target) : NULL;
  *pillar_id = pillar ? pl_record_get_id (PL_RECORD (pillar)) : 0;
  return TRUE;
}

PlFeedback *
pl_document_add_feedback (PlDocument     *self,
                          PlFeedbackKind  kind,
                          const char     *text,
                          PlRecord       *target,
                          const char     *quote,
                          PlWorkshop     *workshop,
                          PlStakeholder  *stakeholder,
                          GError        **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autofree char *now = NULL;
  g_autofree char *target_text = NULL;
  PlTargetKind target_kind;
  gint64 target_id, pillar_id;
  PlRecord *result;
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GParamSpec *pspecs[2];
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (stakeholder == NULL || PL_IS_STAKEHOLDER (stakeholder), NULL);

  if (!check_open (self, error))
    return NULL;
  if (!resolve_target (self, target, &target_kind, &target_id, &pillar_id, error))
    return NULL;
  if ((workshop && pl_record_get_document (PL_RECORD (workshop)) != self) ||
      (stakeholder && pl_record_get_document (PL_RECORD (stakeholder)) != self))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The workshop or stakeholder is not part of this document"));
      return NULL;
    }

  record = g_object_new (PL_TYPE_FEEDBACK, NULL);
  pspecs[0] = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "body");
  pspecs[1] = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "quote");
  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], text);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], quote ? quote : "");
  for (guint i = 0; i < 2 && ok; i++)
    ok = pl_record_validate_value (pspecs[i], &values[i], error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  if (!ok)
    return NULL;
  if (g_enum_get_value (g_type_class_peek (PL_TYPE_FEEDBACK_KIND), kind) == NULL &&
      pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, kind) == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("%d is not a kind of feedback"), kind);
      return NULL;
    }

  now = now_stamp ();
  if (quote && *quote)
    {
      g_autoptr(PlRecord) t = target ? g_object_ref (target) : NULL;
      target_text = quotable_text (self, t);
    }
  g_object_set (record,
                "kind", kind,
                "body", text,
                "target-kind", target_kind,
                "target-id", target_id,
                "pillar-id", pillar_id,
                "quote", quote ? quote : "",
                "workshop-id", workshop ? pl_record_get_id (PL_RECORD (workshop)) : (gint64) 0,
                "stakeholder-id", stakeholder ? pl_record_get_id (PL_RECORD (stakeholder)) : (gint64) 0,
                "captured-at", now,
                "orphaned", target_text != NULL && strstr (target_text, quote) == NULL,
                NULL);

  if (!store_new_record (self, record, -1, error))
    return NULL;

  result = intern (self, record);
  insert_into_lists (self, result);
  changed (self, result);
  return PL_FEEDBACK (result);
}

gboolean
pl_document_retarget_feedback (PlDocument  *self,
                               PlFeedback  *feedback,
                               PlRecord    *target,
                               GError     **error)
{
  PlTargetKind kind;
  gint64 target_id, pillar_id;
  g_autofree char *text = NULL;
  const char *quote;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_FEEDBACK (feedback), FALSE);

  if (!resolve_target (self, target, &kind, &target_id, &pillar_id, error))
    return FALSE;
  quote = pl_feedback_get_quote (feedback);
  if (quote && *quote)
    text = quotable_text (self, target);

  return pl_record_set (PL_RECORD (feedback), error,
                        "target-kind", (int) kind,
                        "target-id", target_id,
                        "pillar-id", pillar_id,
                        "orphaned", (int) (text != NULL && strstr (text, quote) == NULL),
                        NULL);
}

PlRecord *
pl_document_get_feedback_target (PlDocument *self,
                                 PlFeedback *feedback)
{
  gint64 id;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_FEEDBACK (feedback), NULL);

  id = pl_feedback_get_target_id (feedback);
  switch (pl_feedback_get_target_kind (feedback))
    {
    case PL_TARGET_SECTION:
      return pl_document_lookup (self, PL_TYPE_SECTION, id, NULL);
    case PL_TARGET_PILLAR:
      return pl_document_lookup (self, PL_TYPE_PILLAR, id, NULL);
    case PL_TARGET_OBJECTIVE:
      return pl_document_lookup (self, PL_TYPE_OBJECTIVE, id, NULL);
    case PL_TARGET_ACTION:
      return pl_document_lookup (self, PL_TYPE_ACTION, id, NULL);
    case PL_TARGET_STRATEGY:
    default:
      return NULL;
    }
}

gboolean
pl_document_move (PlDocument  *self,
                  PlRecord    *record,
                  guint        position,
                  GError     **error)
{
  g_autofree char *now = NULL;
  GListStore *list;
  guint old_pos;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (!PL_RECORD_GET_CLASS (record)->ordered)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("These items have no order of their own"));
      return FALSE;
    }
  if (pl_record_get_document (record) != self || pl_record_is_deleted (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The item to move is not part of this document"));
      return FALSE;
    }

  now = now_stamp ();
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_move (self->store, record, position, now, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  list = list_for (self, record, FALSE);
  if (list != NULL && g_list_store_find (list, record, &old_pos))
    {
      guint new_pos = (guint) pl_record_get_position (record);
      g_autoptr(PlRecord) keep = g_object_ref (record);
      guint lo = MIN (old_pos, new_pos), hi = MAX (old_pos, new_pos);

      if (new_pos != old_pos)
        {
          g_list_store_remove (list, old_pos);
          g_list_store_insert (list, new_pos, keep);
        }
      for (guint i = lo; i <= hi; i++)
        {
          g_autoptr(PlRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
          pl_record_set_position (r, i);
        }
    }
  if (PL_IS_ACTION (record) || PL_IS_OBJECTIVE (record) || PL_IS_PILLAR (record))
    refresh_all_actions (self);
  changed (self, record);
  return TRUE;
}

/* What lies under a pillar or objective was deleted or restored with it
 * (the rows marked with @token): tell the objects in memory and reload
 * the models of their children. */
static void
sync_descendants (PlDocument *self,
                  PlRecord   *record,
                  GArray     *objective_ids,
                  GArray     *action_ids,
                  gboolean    deleted)
{
  GHashTable *objectives = cache_for (self, PL_TYPE_OBJECTIVE);
  GHashTable *actions = cache_for (self, PL_TYPE_ACTION);
  gint64 id = pl_record_get_id (record);

  for (guint i = 0; i < action_ids->len; i++)
    {
      PlRecord *known = g_hash_table_lookup (actions, &g_array_index (action_ids, gint64, i));

      if (known != NULL)
        pl_record_set_deleted (known, deleted);
    }
  for (guint i = 0; i < objective_ids->len; i++)
    {
      gint64 oid = g_array_index (objective_ids, gint64, i);
      PlRecord *known = g_hash_table_lookup (objectives, &oid);

      if (known != NULL)
        pl_record_set_deleted (known, deleted);
      reload_children (self, self->actions, PL_TYPE_ACTION, oid);
    }
  if (PL_IS_PILLAR (record))
    reload_children (self, self->objectives, PL_TYPE_OBJECTIVE, id);
  else if (PL_IS_OBJECTIVE (record))
    reload_children (self, self->actions, PL_TYPE_ACTION, id);
}

gboolean
pl_document_delete (PlDocument  *self,
                    PlRecord    *record,
                    GError     **error)
{
  g_autofree char *now = NULL;
  gboolean was_open = FALSE;
  gint64 token;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (PL_IS_STRATEGY (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("The strategy itself cannot be deleted"));
      return FALSE;
    }
  if (pl_record_get_document (record) != self || pl_record_is_deleted (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The item to delete is not part of this document"));
      return FALSE;
    }
  if (PL_IS_FEEDBACK (record))
    was_open = pl_feedback_get_disposition (PL_FEEDBACK (record)) == PL_DISPOSITION_OPEN;

  now = now_stamp ();
  token = ++self->last_token;
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_delete (self->store, record, token, now, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  pl_record_set_deleted (record, TRUE);
  if (PL_IS_PILLAR (record) || PL_IS_OBJECTIVE (record))
    {
      g_autoptr(GArray) objective_ids = pl_store_ids_deleted_with (self->store, PL_TYPE_OBJECTIVE, token);
      g_autoptr(GArray) action_ids = pl_store_ids_deleted_with (self->store, PL_TYPE_ACTION, token);

      sync_descendants (self, record, objective_ids, action_ids, TRUE);
    }
  remove_from_lists (self, record, was_open);
  changed (self, record);
  return TRUE;
}

gboolean
pl_document_undelete (PlDocument  *self,
                      PlRecord    *record,
                      GError     **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GArray) objective_ids = NULL;
  g_autoptr(GArray) action_ids = NULL;
  gint64 token;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (pl_record_get_document (record) != self || !pl_record_is_deleted (record))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("There is nothing to restore"));
      return FALSE;
    }
  token = pl_store_get_deleted_token (self->store, record);
  if (token == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("There is nothing to restore"));
      return FALSE;
    }
  /* An objective or action comes back only under a live parent. */
  if (PL_IS_OBJECTIVE (record) || PL_IS_ACTION (record))
    {
      GType parent_type = PL_IS_OBJECTIVE (record) ? PL_TYPE_PILLAR : PL_TYPE_OBJECTIVE;
      g_autoptr(PlRecord) parent = pl_document_lookup (self, parent_type, pl_record_get_parent_id (record), NULL);

      if (parent == NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                       PL_IS_OBJECTIVE (record) ? _("Restore the pillar of this objective first")
                                                : _("Restore the objective of this action first"));
          return FALSE;
        }
    }
  objective_ids = pl_store_ids_deleted_with (self->store, PL_TYPE_OBJECTIVE, token);
  action_ids = pl_store_ids_deleted_with (self->store, PL_TYPE_ACTION, token);
  now = now_stamp ();
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_undelete (self->store, record, token, now, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  pl_record_set_deleted (record, FALSE);
  if (PL_IS_PILLAR (record) || PL_IS_OBJECTIVE (record))
    sync_descendants (self, record, objective_ids, action_ids, FALSE);
  insert_into_lists (self, record);
  changed (self, record);
  return TRUE;
}

gboolean
pl_document_fold_stakeholder (PlDocument     *self,
                              PlStakeholder  *duplicate,
                              PlStakeholder  *into,
                              GError        **error)
{
  g_autofree char *now = NULL;
  GHashTable *table;
  GHashTableIter iter;
  gpointer value;
  gint64 from_id, to_id;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_STAKEHOLDER (duplicate), FALSE);
  g_return_val_if_fail (PL_IS_STAKEHOLDER (into), FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (duplicate == into)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("A stakeholder cannot be folded into itself"));
      return FALSE;
    }
  if (pl_record_get_document (PL_RECORD (duplicate)) != self ||
      pl_record_get_document (PL_RECORD (into)) != self ||
      pl_record_is_deleted (PL_RECORD (duplicate)) || pl_record_is_deleted (PL_RECORD (into)))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("Both stakeholders must exist to fold one into the other"));
      return FALSE;
    }

  from_id = pl_record_get_id (PL_RECORD (duplicate));
  to_id = pl_record_get_id (PL_RECORD (into));
  now = now_stamp ();
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_reassign_feedback (self->store, from_id, to_id, now, error) ||
      !pl_store_delete (self->store, PL_RECORD (duplicate), ++self->last_token, now, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  /* Feedback already in memory follows. */
  table = cache_for (self, PL_TYPE_FEEDBACK);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (pl_feedback_get_stakeholder_id (value) == from_id)
      {
        g_auto(GValue) v = G_VALUE_INIT;

        g_value_init (&v, G_TYPE_INT64);
        g_value_set_int64 (&v, to_id);
        pl_record_load_value (value, g_object_class_find_property (G_OBJECT_GET_CLASS (value), "stakeholder-id"), &v, TRUE);
      }
  pl_record_set_deleted (PL_RECORD (duplicate), TRUE);
  remove_from_lists (self, PL_RECORD (duplicate), FALSE);
  refresh_feedback_lists (self);
  changed (self, PL_RECORD (into));
  return TRUE;
}

/* ---- search and check ---- */

GPtrArray *
pl_document_search (PlDocument  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                   _("The search text is not valid UTF-8"));
      return NULL;
    }
  return pl_store_search (self->store, query, limit, error);
}

gboolean
pl_document_check (PlDocument   *self,
                   char       ***problems,
                   GError      **error)
{
  GPtrArray *list;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (!(list = pl_store_check (self->store, error)))
    return FALSE;
  *problems = (char **) g_ptr_array_free (list, FALSE);
  return TRUE;
}

gboolean
pl_document_fetch_field (PlDocument  *self,
                         PlRecord    *record,
                         GParamSpec  *pspec,
                         GValue      *value,
                         GError     **error)
{
  if (!check_open (self, error))
    return FALSE;
  return pl_store_fetch_column (self->store, record, pspec, value, error);
}

void
pl_document_intern_records (PlDocument *self,
                            GPtrArray  *records)
{
  intern_array (self, records);
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
      g_hash_table_insert (stores, g_memdup2 (key, sizeof (gint64)), store_from_array (type, value));
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

  if (!check_open (self, error))
    return FALSE;
  stores = type == PL_TYPE_OBJECTIVE ? self->objectives : self->actions;
  /* Descriptions included: an export reads every one of them. */
  if (!(records = pl_store_load_everything (self->store, type, error)))
    return FALSE;
  intern_array (self, records);
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
