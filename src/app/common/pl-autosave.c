/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-autosave.h"
#include "pl-document-history.h"
#include "pl-utils.h"

typedef struct {
  PlAutosave *autosave;     /* unowned */
  GObject    *source;
  PlRecord   *record;
  char       *property;
  gpointer    owner;
  guint       timeout_id;
  gboolean    dirty;        /* typed text not in the file yet (even after a failed write) */
  gulong      source_handler;
  gulong      record_handler;
  gboolean    loading;
  gboolean    refusal_reported; /* the document refused this text, and the user was told */
} Binding;

struct _PlAutosave
{
  GObject     parent_instance;

  PlDocument *document;
  GPtrArray  *bindings;  /* Binding* */
  guint       n_pending;
};

G_DEFINE_FINAL_TYPE (PlAutosave, pl_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PENDING,
  N_PROPS
};

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_dirty (PlAutosave *self,
           Binding    *binding,
           gboolean    dirty)
{
  gboolean was = self->n_pending > 0;

  if (binding->dirty == dirty)
    return;
  binding->dirty = dirty;
  if (dirty)
    self->n_pending++;
  else
    self->n_pending--;
  if (was != (self->n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Writes the binding's text. On failure the text stays dirty, so the next
 * flush tries again and closing the window can warn. */
static gboolean
write_binding (Binding  *binding,
               GError  **error)
{
  PlAutosave *self = binding->autosave;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;

  g_clear_handle_id (&binding->timeout_id, g_source_remove);
  if (pl_record_is_deleted (binding->record))
    {
      set_dirty (self, binding, FALSE);
      return TRUE;
    }
  text = pl_text_source_get_text (binding->source);
  g_object_get (binding->record, binding->property, &stored, NULL);
  if (g_strcmp0 (text, stored ? stored : "") != 0)
    {
      /* A text buffer keeps its own undo (Ctrl+Z while typing in it); the
       * document's history gets the other fields, typed in entries. */
      gboolean own_undo = GTK_IS_TEXT_BUFFER (binding->source);
      PlDocument *document = pl_record_get_document (binding->record);
      gboolean ok;

      if (own_undo && document != NULL)
        pl_document_history_suspend (document);
      ok = pl_record_set (binding->record, error, binding->property, text, NULL);
      if (own_undo && document != NULL)
        pl_document_history_resume (document);
      if (!ok)
        return FALSE;
    }
  set_dirty (self, binding, FALSE);
  return TRUE;
}

static void report (PlAutosave *self, GError *error);

/* A text the document refuses (a title cleared to type a new one) is
 * reported once, not again at each flush, until it is typed over. */
static void
report_binding (Binding *binding,
                GError  *error)
{
  gboolean refused = g_error_matches (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);

  if (refused && binding->refusal_reported)
    return;
  binding->refusal_reported = refused;
  report (binding->autosave, error);
}

static gboolean
timeout_cb (gpointer data)
{
  Binding *binding = data;
  g_autoptr(GError) error = NULL;

  binding->timeout_id = 0;
  if (!write_binding (binding, &error))
    report_binding (binding, error);
  return G_SOURCE_REMOVE;
}

static void
source_changed_cb (GObject *source,
                   Binding *binding)
{
  if (binding->loading)
    return;
  binding->refusal_reported = FALSE;
  g_clear_handle_id (&binding->timeout_id, g_source_remove);
  set_dirty (binding->autosave, binding, TRUE);
  binding->timeout_id = g_timeout_add (PL_AUTOSAVE_DELAY_MS, timeout_cb, binding);
}

static void
load (Binding *binding)
{
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;

  g_object_get (binding->record, binding->property, &stored, NULL);
  text = pl_text_source_get_text (binding->source);
  if (g_strcmp0 (text, stored ? stored : "") == 0)
    return;
  binding->loading = TRUE;
  pl_text_source_set_text (binding->source, stored);
  binding->loading = FALSE;
}

static void
record_notify_cb (PlRecord   *record,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  /* Never overwrite typing that is not written yet. */
  if (binding->dirty)
    return;
  load (binding);
}

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_handle_id (&binding->timeout_id, g_source_remove);
  set_dirty (binding->autosave, binding, FALSE);
  g_clear_signal_handler (&binding->source_handler, binding->source);
  g_clear_signal_handler (&binding->record_handler, binding->record);
  g_clear_object (&binding->source);
  g_clear_object (&binding->record);
  g_free (binding->property);
  g_free (binding);
}

static void
pl_autosave_dispose (GObject *object)
{
  PlAutosave *self = PL_AUTOSAVE (object);

  if (self->bindings != NULL && self->bindings->len > 0)
    pl_autosave_flush (self, NULL);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_autosave_parent_class)->dispose (object);
}

static void
pl_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlAutosave *self = PL_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, pl_autosave_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_autosave_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlAutosave *self = PL_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_autosave_class_init (PlAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_autosave_dispose;
  object_class->get_property = pl_autosave_get_property;
  object_class->set_property = pl_autosave_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pl_autosave_init (PlAutosave *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
}

PlAutosave *
pl_autosave_new (PlDocument *document)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  return g_object_new (PL_TYPE_AUTOSAVE, "document", document, NULL);
}

PlDocument *
pl_autosave_get_document (PlAutosave *self)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (self), NULL);
  return self->document;
}

gboolean
pl_autosave_get_pending (PlAutosave *self)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (self), FALSE);
  return self->n_pending > 0;
}

void
pl_autosave_report_error (PlAutosave   *self,
                          const GError *error)
{
  g_return_if_fail (PL_IS_AUTOSAVE (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

void
pl_autosave_bind (PlAutosave *self,
                  gpointer    source,
                  PlRecord   *record,
                  const char *property,
                  gpointer    owner)
{
  Binding *binding;
  g_autofree char *detailed = NULL;

  g_return_if_fail (PL_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (source) || GTK_IS_EDITABLE (source));
  g_return_if_fail (PL_IS_RECORD (record));
  g_return_if_fail (property != NULL);

  binding = g_new0 (Binding, 1);
  binding->autosave = self;
  binding->source = g_object_ref (source);
  binding->record = g_object_ref (record);
  binding->property = g_strdup (property);
  binding->owner = owner;
  load (binding);
  binding->source_handler = g_signal_connect (source, "changed", G_CALLBACK (source_changed_cb), binding);
  detailed = g_strconcat ("notify::", property, NULL);
  binding->record_handler = g_signal_connect (record, detailed, G_CALLBACK (record_notify_cb), binding);
  g_ptr_array_add (self->bindings, binding);
}

static void
report (PlAutosave *self,
        GError     *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

void
pl_autosave_release (PlAutosave *self,
                     gpointer    owner)
{
  g_return_if_fail (PL_IS_AUTOSAVE (self));

  if (self->bindings == NULL)
    return;
  for (guint i = self->bindings->len; i > 0; i--)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i - 1);

      if (binding->owner != owner)
        continue;
      if (binding->dirty)
        {
          g_autoptr(GError) error = NULL;

          if (!write_binding (binding, &error))
            report_binding (binding, error);
        }
      g_ptr_array_remove_index (self->bindings, i - 1);
    }
}

void
pl_autosave_flush_source (PlAutosave *self,
                          gpointer    source)
{
  g_return_if_fail (PL_IS_AUTOSAVE (self));

  for (guint i = 0; self->bindings && i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      g_autoptr(GError) error = NULL;

      if (binding->source == source && binding->dirty &&
          !write_binding (binding, &error))
        report_binding (binding, error);
    }
}

gboolean
pl_autosave_flush (PlAutosave  *self,
                   GError     **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_AUTOSAVE (self), FALSE);

  for (guint i = 0; self->bindings && i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      g_autoptr(GError) local = NULL;

      if (!binding->dirty)
        continue;
      if (!write_binding (binding, &local))
        {
          if (ok && error != NULL)
            *error = g_error_copy (local);
          else
            report_binding (binding, local);
          ok = FALSE;
        }
    }
  return ok;
}
