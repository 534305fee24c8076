/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-document-private.h"
#include "pl-feedback-list.h"

struct _PlFeedbackList
{
  GObject          parent_instance;

  PlDocument      *document;  /* weak */
  PlFeedbackQuery  query;
  GArray          *ids;       /* gint64, newest first: the loaded prefix */
  guint            n_items;   /* all matching items, loaded or not */
  guint            open_count;
  GPtrArray       *window;    /* the rows a view looks at, built in one query */
  guint            window_start;
  GHashTable      *held;      /* id -> PlFeedback (strong): every live item, once preloaded */
  GArray          *all;       /* gint64: the ids held, newest first (the unfiltered order) */
  gboolean         preloaded;
};

/* What a list view shows at once, and a little more. */
#define WINDOW_SIZE 32

/* Rows are fetched in pages as a view asks for them, so opening a document
 * with 20,000 items costs one count; the first page is about what a window
 * shows, later ones are larger for scrolling. */
#define FIRST_PAGE_SIZE (2 * WINDOW_SIZE)
#define PAGE_SIZE 256

static void pl_feedback_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlFeedbackList, pl_feedback_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pl_feedback_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_OPEN_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void pl_feedback_list_refresh   (gpointer    observer);
static void pl_feedback_list_sync_item (gpointer    observer,
                                        PlFeedback *feedback,
                                        gboolean    was_open,
                                        gboolean    is_new);

/* How the document drives the list. */
static const PlFeedbackObserverFuncs observer_funcs = {
  pl_feedback_list_refresh,
  pl_feedback_list_sync_item,
};

/* Reading the ids failed: the list shows what it has, the document tells
 * the user why. */
static void
report_failure (PlFeedbackList  *self,
                GError         **error)
{
  g_prefix_error (error, _("Could not show the feedback: "));
  if (self->document != NULL)
    pl_document_report_read_failure (self->document, *error);
}

/* ---- GListModel ---- */

static GType
pl_feedback_list_get_item_type (GListModel *model)
{
  return PL_TYPE_FEEDBACK;
}

static guint
pl_feedback_list_get_n_items (GListModel *model)
{
  return PL_FEEDBACK_LIST (model)->n_items;
}

/* Makes sure the prefix covers @position. */
static gboolean
load_up_to (PlFeedbackList *self,
            guint           position)
{
  PlStore *store = self->document ? pl_document_get_store (self->document) : NULL;
  g_autoptr(GArray) more = NULL;
  g_autoptr(GError) error = NULL;
  guint want, page;

  if (position < self->ids->len)
    return TRUE;
  if (store == NULL || position >= self->n_items)
    return FALSE;
  page = self->ids->len == 0 ? FIRST_PAGE_SIZE : PAGE_SIZE;
  want = MAX (position + 1 - self->ids->len, page);
  want = (want + page - 1) / page * page;
  more = pl_store_query_feedback_range (store, &self->query, self->ids->len, want, &error);
  if (more == NULL)
    {
      report_failure (self, &error);
      return FALSE;
    }
  g_array_append_vals (self->ids, more->data, more->len);
  return position < self->ids->len;
}

static void
hold (PlFeedbackList *self,
      PlRecord       *record)
{
  gint64 id = pl_record_get_id (record);

  g_hash_table_replace (self->held, g_memdup2 (&id, sizeof id), g_object_ref (record));
}

static void
drop_window (PlFeedbackList *self)
{
  g_clear_pointer (&self->window, g_ptr_array_unref);
}

/* Builds the rows around @position in one query rather than one each. */
static gpointer
item_from_window (PlFeedbackList *self,
                  guint           position)
{
  PlStore *store = pl_document_get_store (self->document);
  gint64 id = g_array_index (self->ids, gint64, position);
  PlRecord *record;

  if (self->window == NULL || position < self->window_start ||
      position >= self->window_start + self->window->len)
    {
      drop_window (self);
      if (store == NULL)
        return NULL;
      self->window_start = position / WINDOW_SIZE * WINDOW_SIZE;
      self->window = pl_store_load_feedback_range (store, &self->query, self->window_start, WINDOW_SIZE, NULL);
      if (self->window == NULL)
        return NULL;
      pl_document_intern_records (self->document, self->window);
    }
  if (position - self->window_start >= self->window->len)
    return NULL;
  record = g_ptr_array_index (self->window, position - self->window_start);
  /* The window must agree with the ids; if not, fall back to a look-up. */
  if (pl_record_get_id (record) != id)
    {
      drop_window (self);
      return NULL;
    }
  return g_object_ref (record);
}

static gpointer
pl_feedback_list_get_item (GListModel *model,
                           guint       position)
{
  PlFeedbackList *self = PL_FEEDBACK_LIST (model);
  gpointer item;

  if (position >= self->n_items || self->document == NULL || !load_up_to (self, position))
    return NULL;
  /* A list view told of a change walks every item added to find the rows
   * it tracks: with all items held, that walk costs look-ups, not reads. */
  if ((item = g_hash_table_lookup (self->held, &g_array_index (self->ids, gint64, position))) != NULL)
    return g_object_ref (item);
  if ((item = item_from_window (self, position)) != NULL)
    return item;
  return pl_document_lookup (self->document, PL_TYPE_FEEDBACK,
                             g_array_index (self->ids, gint64, position), NULL);
}

static void
pl_feedback_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pl_feedback_list_get_item_type;
  iface->get_n_items = pl_feedback_list_get_n_items;
  iface->get_item = pl_feedback_list_get_item;
}

/* ---- GObject ---- */

static void
pl_feedback_list_dispose (GObject *object)
{
  PlFeedbackList *self = PL_FEEDBACK_LIST (object);

  if (self->document != NULL)
    {
      pl_document_remove_feedback_observer (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
    }
  G_OBJECT_CLASS (pl_feedback_list_parent_class)->dispose (object);
}

static void
pl_feedback_list_finalize (GObject *object)
{
  PlFeedbackList *self = PL_FEEDBACK_LIST (object);

  pl_feedback_query_clear (&self->query);
  drop_window (self);
  g_hash_table_unref (self->held);
  g_array_unref (self->all);
  g_array_unref (self->ids);
  G_OBJECT_CLASS (pl_feedback_list_parent_class)->finalize (object);
}

static void
pl_feedback_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlFeedbackList *self = PL_FEEDBACK_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_OPEN_COUNT:
      g_value_set_uint (value, self->open_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_list_class_init (PlFeedbackListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_feedback_list_dispose;
  object_class->finalize = pl_feedback_list_finalize;
  object_class->get_property = pl_feedback_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPEN_COUNT] =
    g_param_spec_uint ("open-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_feedback_list_init (PlFeedbackList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->all = g_array_new (FALSE, FALSE, sizeof (gint64));
  pl_feedback_query_init (&self->query);
}

static gboolean matches_fields (const PlFeedbackQuery *q,
                                PlFeedback            *feedback);

/* With every item held, the ids matching the query, newest first, without
 * reading a row: the fields are in memory, a search asks the full-text
 * index for the set of items it matches. NULL when it cannot (a sector
 * filter, which reads the stakeholders) or on error. */
static GArray *
filter_held (PlFeedbackList  *self,
             guint           *open_count,
             GError         **error)
{
  const PlFeedbackQuery *q = &self->query;
  g_autoptr(GHashTable) text_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean any = TRUE;
  guint open = 0;

  if (!self->preloaded || q->sector >= 0)
    return NULL;
  if (!pl_store_feedback_readable (pl_document_get_store (self->document), error))
    return NULL;
  if (q->text != NULL && q->text[0] != '\0' &&
      !(text_ids = pl_store_feedback_text_ids (pl_document_get_store (self->document), q->text, &any, error)))
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->all->len);
  for (guint i = 0; i < self->all->len; i++)
    {
      gint64 *id = &g_array_index (self->all, gint64, i);
      PlFeedback *fb = g_hash_table_lookup (self->held, id);

      if (fb == NULL || pl_record_is_deleted (PL_RECORD (fb)) || !matches_fields (q, fb) ||
          (!any && !g_hash_table_contains (text_ids, id)))
        continue;
      g_array_append_val (ids, *id);
      open += pl_feedback_get_disposition (fb) == PL_DISPOSITION_OPEN;
    }
  *open_count = open;
  return g_steal_pointer (&ids);
}

/* Counts only (opening a document with 20,000 items costs one count; the
 * ids are read a page at a time as a view asks), or, for a new query, every
 * matching id in one statement: a view is then told only of the span that
 * differs, and the ids it walks are at hand. */
static gboolean
reload_full (PlFeedbackList  *self,
             gboolean         all_ids,
             GError         **error)
{
  PlStore *store = self->document ? pl_document_get_store (self->document) : NULL;
  guint old_len = self->n_items;
  guint old_open = self->open_count;
  guint n = 0, open = 0, prefix = 0, suffix = 0;
  g_autoptr(GArray) ids = NULL;

  if (store == NULL)
    return TRUE;
  if (all_ids)
    {
      g_autoptr(GError) local_error = NULL;

      ids = filter_held (self, &open, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (ids == NULL && !(ids = pl_store_query_feedback_ids (store, &self->query, &open, error)))
        return FALSE;
      n = ids->len;
      /* The items both lists start with, and (when the old list was read
       * to its end) end with, stay where they are. */
      while (prefix < MIN (self->ids->len, n) &&
             g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
        prefix++;
      if (self->ids->len == old_len)
        while (suffix < MIN (old_len, n) - prefix &&
               g_array_index (self->ids, gint64, old_len - 1 - suffix) == g_array_index (ids, gint64, n - 1 - suffix))
          suffix++;
    }
  else if (!pl_store_count_feedback (store, &self->query, &n, &open, error))
    return FALSE;

  g_array_set_size (self->ids, 0);
  if (ids != NULL)
    g_array_append_vals (self->ids, ids->data, ids->len);
  drop_window (self);
  self->n_items = n;
  self->open_count = open;
  if (old_len - prefix - suffix != 0 || n - prefix - suffix != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix, n - prefix - suffix);
  if (old_len != n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old_open != open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
  return TRUE;
}

static gboolean
reload (PlFeedbackList  *self,
        GError         **error)
{
  return reload_full (self, FALSE, error);
}

static void
pl_feedback_list_refresh (gpointer observer)
{
  PlFeedbackList *self = observer;
  g_autoptr(GError) error = NULL;

  /* Rows may have changed behind the records held: read them again when
   * next needed. */
  g_hash_table_remove_all (self->held);
  g_array_set_size (self->all, 0);
  self->preloaded = FALSE;
  if (!reload_full (self, self->ids->len == self->n_items && self->n_items > 0, &error))
    report_failure (self, &error);
}

PlFeedbackList *
pl_feedback_list_new (PlDocument            *document,
                      const PlFeedbackQuery *query)
{
  PlFeedbackList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  self = g_object_new (PL_TYPE_FEEDBACK_LIST, NULL);
  self->document = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
  pl_document_add_feedback_observer (document, self, &observer_funcs);
  if (query != NULL)
    {
      pl_feedback_query_clear (&self->query);
      pl_feedback_query_copy (query, &self->query);
    }
  if (!reload (self, &error))
    report_failure (self, &error);
  return self;
}

PlDocument *
pl_feedback_list_get_document (PlFeedbackList *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_LIST (self), NULL);
  return self->document;
}

const PlFeedbackQuery *
pl_feedback_list_get_query (PlFeedbackList *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_LIST (self), NULL);
  return &self->query;
}

gboolean
pl_feedback_list_set_query (PlFeedbackList         *self,
                            const PlFeedbackQuery  *query,
                            GError                **error)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (pl_feedback_query_equal (&self->query, query))
    return TRUE;
  if (query->text != NULL && !g_utf8_validate (query->text, -1, NULL))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                   _("The search text is not valid UTF-8"));
      return FALSE;
    }
  pl_feedback_query_clear (&self->query);
  pl_feedback_query_copy (query, &self->query);
  pl_feedback_list_preload (self);
  return reload_full (self, TRUE, error);
}

void
pl_feedback_list_preload (PlFeedbackList *self)
{
  PlStore *store;
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (PL_IS_FEEDBACK_LIST (self));

  store = self->document ? pl_document_get_store (self->document) : NULL;
  if (self->preloaded || store == NULL)
    return;
  records = pl_store_load (store, PL_TYPE_FEEDBACK, -1, NULL);
  /* Without them the list still works, a page at a time. */
  if (records == NULL)
    return;
  pl_document_intern_records (self->document, records);
  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *record = g_ptr_array_index (records, i);
      gint64 id = pl_record_get_id (record);

      hold (self, record);
      g_array_append_val (self->all, id);
    }
  self->preloaded = TRUE;
}

guint
pl_feedback_list_get_open_count (PlFeedbackList *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_LIST (self), 0);
  return self->open_count;
}

static int
find_loaded (PlFeedbackList *self,
             gint64          id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

int
pl_feedback_list_find (PlFeedbackList *self,
                       gint64          id)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_LIST (self), -1);

  /* Search what is loaded, then load the rest a page at a time. */
  for (guint i = 0; i < self->n_items; i++)
    {
      if (i >= self->ids->len && !load_up_to (self, i))
        break;
      if (g_array_index (self->ids, gint64, i) == id)
        return (int) i;
    }
  return -1;
}

/* Evaluated in memory when the query needs nothing but the row itself. */
static gboolean
matches (PlFeedbackList *self,
         PlFeedback     *feedback)
{
  const PlFeedbackQuery *q = &self->query;
  PlRecord *record = PL_RECORD (feedback);

  if (pl_record_is_deleted (record))
    return FALSE;
  if ((q->text != NULL && q->text[0] != '\0') || q->sector >= 0)
    {
      PlStore *store = pl_document_get_store (self->document);

      return store != NULL && pl_store_feedback_matches (store, q, pl_record_get_id (record));
    }
  return matches_fields (q, feedback);
}

/* The conditions on the item's own fields (all but the search and the
 * sector), as the store's query has them. */
static gboolean
matches_fields (const PlFeedbackQuery *q,
                PlFeedback            *feedback)
{
  if (q->pillar_id > 0 && pl_feedback_get_pillar_id (feedback) != q->pillar_id)
    return FALSE;
  if (q->workshop_id > 0 && pl_feedback_get_workshop_id (feedback) != q->workshop_id)
    return FALSE;
  if (q->stakeholder_id > 0 && pl_feedback_get_stakeholder_id (feedback) != q->stakeholder_id)
    return FALSE;
  if (q->kind >= 0 && (int) pl_feedback_get_kind (feedback) != q->kind)
    return FALSE;
  if (q->disposition >= 0 && (int) pl_feedback_get_disposition (feedback) != q->disposition)
    return FALSE;
  if (q->orphaned >= 0 && pl_feedback_get_orphaned (feedback) != (q->orphaned != 0))
    return FALSE;
  return TRUE;
}

static guint
rank_of (PlFeedbackList *self,
         PlFeedback     *feedback)
{
  const char *captured = pl_feedback_get_captured_at (feedback);
  gint64 id = pl_record_get_id (PL_RECORD (feedback));
  PlStore *store;

  /* The common case, a new capture: it is the newest. */
  if (self->n_items == 0)
    return 0;
  if (!load_up_to (self, 0))
    return 0;
  {
    g_autoptr(PlRecord) first = pl_document_lookup (self->document, PL_TYPE_FEEDBACK,
                                                     g_array_index (self->ids, gint64, 0), NULL);
    if (first != NULL)
      {
        int c = g_strcmp0 (captured, pl_feedback_get_captured_at (PL_FEEDBACK (first)));

        if (c > 0 || (c == 0 && id > pl_record_get_id (first)))
          return 0;
      }
  }
  store = pl_document_get_store (self->document);
  return store ? MIN (pl_store_feedback_rank (store, &self->query, captured, id), self->n_items) : self->n_items;
}

/* Newer first: (captured_at, id) descending, as the store orders them. */
static int
compare_newest_first (PlFeedback *a,
                      PlFeedback *b)
{
  int c = g_strcmp0 (pl_feedback_get_captured_at (b), pl_feedback_get_captured_at (a));

  if (c != 0)
    return c;
  return pl_record_get_id (PL_RECORD (b)) < pl_record_get_id (PL_RECORD (a)) ? -1 :
         pl_record_get_id (PL_RECORD (b)) > pl_record_get_id (PL_RECORD (a));
}

/* A capture is the newest; a restored item goes back where it was. */
static void
insert_in_order (PlFeedbackList *self,
                 PlFeedback     *feedback)
{
  gint64 id = pl_record_get_id (PL_RECORD (feedback));
  guint lo = 0, hi = self->all->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      PlFeedback *other = g_hash_table_lookup (self->held, &g_array_index (self->all, gint64, mid));

      /* Every id in all is held (they are added and dropped together). */
      if (other != NULL && compare_newest_first (other, feedback) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (self->all, lo, id);
}

static void
pl_feedback_list_sync_item (gpointer    observer,
                            PlFeedback *feedback,
                            gboolean    was_open,
                            gboolean    is_new)
{
  PlFeedbackList *self = observer;
  gint64 id = pl_record_get_id (PL_RECORD (feedback));
  int pos = find_loaded (self, id);
  gboolean match = matches (self, feedback);
  gboolean is_open = pl_feedback_get_disposition (feedback) == PL_DISPOSITION_OPEN;
  gboolean complete = self->ids->len == self->n_items;
  guint old_open = self->open_count;

  /* Positions may shift: the window is rebuilt on the next look. */
  drop_window (self);
  if (self->preloaded && !pl_record_is_deleted (PL_RECORD (feedback)))
    {
      if (is_new && !g_hash_table_contains (self->held, &id))
        insert_in_order (self, feedback);
      hold (self, PL_RECORD (feedback));
    }

  if (pos >= 0 && !match)
    {
      g_array_remove_index (self->ids, pos);
      self->n_items--;
      if (was_open && self->open_count > 0)
        self->open_count--;
      g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  else if (pos < 0 && match)
    {
      guint at = rank_of (self, feedback);

      /* Had it been in the list already, it would be in the loaded prefix
       * at @at. Beyond the prefix we cannot tell: count again. */
      if (!is_new && (at > self->ids->len || (at == self->ids->len && !complete)))
        {
          pl_feedback_list_refresh (self);
          return;
        }
      if (at <= self->ids->len)
        g_array_insert_val (self->ids, at, id);
      self->n_items++;
      if (is_open)
        self->open_count++;
      g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  else if (pos < 0 && !match && !complete && !is_new)
    {
      /* It may have left the unloaded part. */
      guint n = 0, open = 0;
      PlStore *store = pl_document_get_store (self->document);

      if (store && pl_store_count_feedback (store, &self->query, &n, &open, NULL) &&
          (n != self->n_items || open != self->open_count))
        {
          pl_feedback_list_refresh (self);
          return;
        }
    }
  else if (pos >= 0 && match && was_open != is_open)
    {
      if (is_open)
        self->open_count++;
      else if (self->open_count > 0)
        self->open_count--;
    }
  if (old_open != self->open_count)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}
