/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-document-private.h"
#include "pl-file-utils.h"

static void pl_document_record_host_init (PlRecordHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlDocument, pl_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_RECORD_HOST, pl_document_record_host_init))

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
  READ_FAILED,
  RENUMBERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- cache ---- */

GHashTable *
pl_document_cache_for (PlDocument *self,
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
gpointer
pl_document_intern (PlDocument *self,
                    PlRecord   *fresh)
{
  GHashTable *table = pl_document_cache_for (self, G_OBJECT_TYPE (fresh));
  gint64 id = pl_record_get_id (fresh);
  PlRecord *known = g_hash_table_lookup (table, &id);

  if (known != NULL)
    {
      /* Siblings move in the file without their objects being told. */
      pl_record_set_position (known, pl_record_get_position (fresh));
      return g_object_ref (known);
    }

  pl_record_attach (fresh, PL_RECORD_HOST (self));
  /* The key lives inside the record's id: use a stable pointer. */
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), fresh);
  return g_object_ref (fresh);
}

void
pl_document_intern_records (PlDocument *self,
                            GPtrArray  *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *fresh = g_ptr_array_index (records, i);
      PlRecord *one = pl_document_intern (self, fresh);

      g_ptr_array_index (records, i) = one;
      g_object_unref (fresh);
    }
}

GListStore *
pl_document_store_from_array (GType      type,
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
  /* The history holds records; let them go before they are detached. */
  pl_document_history_free (self);
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

  g_clear_pointer (&self->feedback_observers, g_array_unref);
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
  signals[READ_FAILED] =
    g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[RENUMBERED] =
    g_signal_new ("renumbered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  pl_document_history_class_init (object_class);
}

static void
pl_document_init (PlDocument *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, free_cache_table);
  self->objectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->feedback_observers = g_array_new (FALSE, FALSE, sizeof (PlFeedbackObserver));
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
  pl_document_intern_records (self, strategy);
  self->strategy = g_object_ref (g_ptr_array_index (strategy, 0));

  if (!(sections = pl_store_load (self->store, PL_TYPE_SECTION, -1, error)) ||
      !(pillars = pl_store_load (self->store, PL_TYPE_PILLAR, -1, error)))
    return FALSE;
  pl_document_intern_records (self, sections);
  pl_document_intern_records (self, pillars);
  self->sections = pl_document_store_from_array (PL_TYPE_SECTION, sections);
  self->pillars = pl_document_store_from_array (PL_TYPE_PILLAR, pillars);
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

/* Refuses a name that is taken before any work is done (the final
 * no-replace rename refuses it again if it was taken meanwhile). */
static gboolean
check_new_path (const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;
  int saved = 0;

  if (g_lstat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IS_DIRECTORY,
                     _("“%s” is a folder, not a Pillars document. Choose a .pillars file inside it."), name);
      else
        g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS,
                     _("“%s” already exists. Choose another name, or open it instead."), name);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    saved = ENOENT;
  else if (g_access (dir, W_OK | X_OK) != 0)
    saved = errno;
  if (saved == ENOENT)
    {
      g_autofree char *full = g_filename_display_name (path);
      g_autofree char *dir_name = g_filename_display_name (dir);

      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not create “%s”: the folder “%s” does not exist. Choose an existing folder."),
                   full, dir_name);
      return FALSE;
    }
  if (saved != 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO,
                   _("Could not create “%s”: %s. Choose a folder you can write to."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Builds the whole document at @temp, then closes it (the WAL is
 * checkpointed into the file) and syncs it. */
static gboolean
build_at (const char           *temp,
          PlTemplate            template_,
          PlDocumentBuildFunc   build,
          gpointer              data,
          GError              **error)
{
  g_autoptr(PlDocument) self = NULL;
  g_autoptr(PlStrategy) strategy = NULL;
  gboolean ok;

  self = document_new (temp);
  if (!(self->store = pl_store_open (temp, TRUE, FALSE, error)))
    return FALSE;

  strategy = g_object_new (PL_TYPE_STRATEGY, "title", _("National Cybersecurity Strategy"), NULL);
  ok = pl_store_begin (self->store, error) &&
       pl_store_insert (self->store, PL_RECORD (strategy), -1, error) &&
       pl_store_commit (self->store, error) &&
       load_top (self, error) &&
       pl_template_apply (self, template_, error) &&
       (self->building = TRUE) &&
       (build == NULL || build (self, data, error)) &&
       pl_document_flush (self, error);
  pl_document_close (self);
  return ok && pl_file_sync (temp, error);
}

/* A message about the temporary file is about the document to the user. */
static void
name_target_in (GError     *error,
                const char *temp,
                const char *path)
{
  g_autofree char *temp_name = g_filename_display_basename (temp);
  g_autofree char *name = g_filename_display_basename (path);
  GString *message = g_string_new (error->message);

  g_string_replace (message, temp_name, name, 0);
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
}

static void
remove_temp (const char *temp)
{
  static const char *const sides[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (temp, sides[i], NULL);

      g_unlink (side);
    }
  g_unlink (temp);
}

/* A new document appears at @path complete or not at all: it is built at
 * a hidden temporary name in the same folder and moved into place without
 * replacing anything. A build killed midway leaves only that temporary
 * file, which the next creation at @path removes (pl_file_remove_leftovers):
 * "already exists" is never caused by our own leftover. */
PlDocument *
pl_document_create_built (const char           *path,
                          PlTemplate            template_,
                          PlDocumentBuildFunc   build,
                          gpointer              data,
                          GError              **error)
{
  g_autofree char *temp = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_path (path, error))
    return NULL;
  pl_file_remove_leftovers (path);
  for (int attempt = 0; ; attempt++)
    {
      g_clear_pointer (&temp, g_free);
      g_clear_error (&local);
      temp = pl_file_temp_name (path);
      if (build_at (temp, template_, build, data, &local))
        break;
      remove_temp (temp);
      /* Only a clash of random names is worth another try. */
      if (!g_error_matches (local, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS) || attempt >= 5)
        {
          name_target_in (local, temp, path);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  if (!pl_file_move_into_place (temp, path, FALSE, &local))
    {
      remove_temp (temp);
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS,
                       _("“%s” already exists. Choose another name, or open it instead."), name);
        }
      else
        g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO, local->message);
      return NULL;
    }
  return pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, error);
}

PlDocument *
pl_document_create (const char  *path,
                    PlTemplate   template_,
                    GError     **error)
{
  return pl_document_create_built (path, template_, NULL, NULL, error);
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

int
pl_document_get_upgraded_from (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);
  return self->store ? pl_store_get_upgraded_from (self->store) : 0;
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

/* ---- transactions ---- */

gboolean
pl_document_check_open (PlDocument  *self,
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
  if (!pl_document_check_open (self, error))
    return FALSE;
  return pl_store_checkpoint (self->store, error);
}

gboolean
pl_document_begin (PlDocument  *self,
                   GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (!pl_document_check_open (self, error) || !pl_store_begin (self->store, error))
    return FALSE;
  pl_document_history_transaction_begun (self);
  return TRUE;
}

gboolean
pl_document_commit (PlDocument  *self,
                    GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (!pl_document_check_open (self, error))
    return FALSE;
  if (!pl_store_commit (self->store, error))
    {
      /* The store rolled back: show the file again. */
      pl_document_resync_from_store (self);
      pl_document_history_transaction_ended (self, FALSE);
      return FALSE;
    }
  pl_document_history_transaction_ended (self, TRUE);
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
  pl_document_resync_from_store (self);
  pl_document_history_transaction_ended (self, FALSE);
}

void
pl_document_emit_changed (PlDocument *self,
                          PlRecord   *record)
{
  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  g_signal_emit (self, signals[CHANGED], 0, record);
}

void
pl_document_emit_renumbered (PlDocument *self)
{
  g_signal_emit (self, signals[RENUMBERED], 0);
}

void
pl_document_report_write_failure (PlDocument   *self,
                                  const GError *error)
{
  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

void
pl_document_report_read_failure (PlDocument   *self,
                                 const GError *error)
{
  g_debug ("%s: %s", self->display_name, error->message);
  g_signal_emit (self, signals[READ_FAILED], 0, error);
}

char *
pl_document_now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* ---- PlRecordHost: how the records reach their document ---- */

static gboolean
pl_document_fetch_field (PlRecordHost  *host,
                         PlRecord      *record,
                         GParamSpec    *pspec,
                         GValue        *value,
                         GError       **error)
{
  PlDocument *self = PL_DOCUMENT (host);

  if (!pl_document_check_open (self, error))
    return FALSE;
  return pl_store_fetch_column (self->store, record, pspec, value, error);
}

static gboolean
pl_document_host_update (PlRecordHost  *host,
                         PlRecord      *record,
                         guint          n,
                         GParamSpec   **pspecs,
                         const GValue  *values,
                         GError       **error)
{
  return pl_document_update_record (PL_DOCUMENT (host), record, n, pspecs, values, error);
}

static void
pl_document_host_forget (PlRecordHost *host,
                         PlRecord     *record)
{
  pl_document_forget_record (PL_DOCUMENT (host), record);
}

static void
pl_document_host_report_read_failure (PlRecordHost *host,
                                      const GError *error)
{
  pl_document_report_read_failure (PL_DOCUMENT (host), error);
}

static void
pl_document_host_report_write_failure (PlRecordHost *host,
                                       const GError *error)
{
  pl_document_report_write_failure (PL_DOCUMENT (host), error);
}

static void
pl_document_record_host_init (PlRecordHostInterface *iface)
{
  iface->fetch_field = pl_document_fetch_field;
  iface->update = pl_document_host_update;
  iface->forget = pl_document_host_forget;
  iface->report_read_failure = pl_document_host_report_read_failure;
  iface->report_write_failure = pl_document_host_report_write_failure;
}

/* Declared in pl-document.h, not in the model: a record knows only its
 * PlRecordHost, and the document is the one host there is. */
PlDocument *
pl_record_get_document (PlRecord *record)
{
  PlRecordHost *host;

  g_return_val_if_fail (PL_IS_RECORD (record), NULL);

  host = pl_record_get_host (record);
  return host != NULL ? PL_DOCUMENT (host) : NULL;
}
