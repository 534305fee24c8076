/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-document-history.h"
#include "pl-document-private.h"

/* A long session keeps this many steps; older ones fall off. */
#define MAX_STEPS 500

typedef enum {
  OP_UPDATE,     /* set @values of @pspecs */
  OP_DELETE,     /* delete @record (the inverse of an add or a restore) */
  OP_UNDELETE,   /* restore @record from its tombstone */
  OP_MOVE,       /* move @record to @position */
} OpKind;

/* One inverse operation: applying it undoes one write. */
typedef struct {
  OpKind       kind;
  PlRecord    *record;
  guint        n;
  GParamSpec **pspecs;
  GValue      *values;
  guint        position;
} Op;

typedef struct {
  char      *label;
  GPtrArray *ops;        /* Op *, in the order written; undone in reverse */
} Step;

struct _PlHistory {
  GPtrArray *undo;       /* Step *, oldest first */
  GPtrArray *redo;       /* Step *, the next to redo last */
  Step      *pending;    /* the step of the transaction in progress */
  GArray    *marks;      /* guint: pending ops at each pl_document_begin() */
  char      *group_label;
  guint      group_depth;
  guint      suspended;
  gboolean   replaying;  /* undo/redo is applying a step */
  Step      *replayed;   /* what applying it recorded: the opposite step */
  gboolean   sealed;     /* the next field change does not fold into the last */
};

enum { HISTORY_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->record);
  for (guint i = 0; i < op->n; i++)
    g_value_unset (&op->values[i]);
  g_free (op->values);
  if (op->pspecs != NULL)
    for (guint i = 0; i < op->n; i++)
      g_param_spec_unref (op->pspecs[i]);
  g_free (op->pspecs);
  g_free (op);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func (op_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  if (step == NULL)
    return;
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static PlHistory *
history_get (PlDocument *self)
{
  if (self->history == NULL)
    {
      self->history = g_new0 (PlHistory, 1);
      self->history->undo = g_ptr_array_new_with_free_func (step_free);
      self->history->redo = g_ptr_array_new_with_free_func (step_free);
      self->history->marks = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  return self->history;
}

void
pl_document_history_free (PlDocument *self)
{
  PlHistory *h = self->history;

  if (h == NULL)
    return;
  g_ptr_array_unref (h->undo);
  g_ptr_array_unref (h->redo);
  g_array_unref (h->marks);
  step_free (h->pending);
  step_free (h->replayed);
  g_free (h->group_label);
  g_free (h);
  self->history = NULL;
}

void
pl_document_history_class_init (GObjectClass *klass)
{
  signals[HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emit_history_changed (PlDocument *self)
{
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

/* ---- labels ---- */

/* The record's name as people know it, shortened for a toast. */
static char *
record_name (PlRecord *record)
{
  static const char *const names[] = { "title", "name", "body" };
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_object_class_find_property (klass, names[i]) != NULL)
      {
        g_autofree char *text = NULL;
        g_autofree char *line = NULL;
        char *nl;

        g_object_get (record, names[i], &text, NULL);
        if (text == NULL || *text == '\0')
          continue;
        line = g_strstrip (g_strdup (text));
        if ((nl = strchr (line, '\n')) != NULL)
          *nl = '\0';
        if (g_utf8_strlen (line, -1) > 40)
          {
            g_autofree char *cut = g_utf8_substring (line, 0, 39);

            return g_strconcat (g_strchomp (cut), "…", NULL);
          }
        return g_steal_pointer (&line);
      }
  return NULL;
}

static const char *
record_kind (PlRecord *record)
{
  if (PL_IS_PILLAR (record))
    return C_("undo", "pillar");
  if (PL_IS_OBJECTIVE (record))
    return C_("undo", "objective");
  if (PL_IS_ACTION (record))
    return C_("undo", "action");
  if (PL_IS_SECTION (record))
    return C_("undo", "section");
  if (PL_IS_FEEDBACK (record))
    return C_("undo", "feedback");
  if (PL_IS_WORKSHOP (record))
    return C_("undo", "workshop");
  if (PL_IS_STAKEHOLDER (record))
    return C_("undo", "stakeholder");
  if (PL_IS_SNAPSHOT (record))
    return C_("undo", "snapshot");
  return C_("undo", "strategy");
}

/* The field a change is about, as a noun ("the status"), or NULL. */
static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } fields[] = {
    { "title", N_("the title") }, { "summary", N_("the summary") },
    { "body", N_("the text") }, { "description", N_("the description") },
    { "status", N_("the status") }, { "timeframe", N_("the timeframe") },
    { "priority", N_("the priority") }, { "lead-agency", N_("the lead agency") },
    { "partners", N_("the partners") }, { "indicator", N_("the indicator") },
    { "cost", N_("the cost") }, { "start-date", N_("the start") },
    { "end-date", N_("the end") }, { "disposition", N_("the disposition") },
    { "kind", N_("the kind") }, { "response", N_("the response") },
    { "stakeholder-id", N_("the stakeholder") }, { "workshop-id", N_("the workshop") },
{ "name", N_("the name") },
    { "organisation", N_("the organisation") }, { "sector", N_("the sector") },
    { "vision", N_("the vision") }, { "classification", N_("the marking") },
    { "country", N_("the country") }, { "version-label", N_("the version") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, property))
      return _(fields[i].label);
  return NULL;
}

char *
pl_document_describe_record (PlRecord *record)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PL_IS_RECORD (record), NULL);
  name = record_name (record);
  if (name == NULL)
    return g_strdup (record_kind (record));
  /* Translators: an item named in a toast: kind of item, then its title,
   * e.g. action “Train 500 judges”. */
  return g_strdup_printf (C_("undo", "%s “%s”"), record_kind (record), name);
}

typedef enum { VERB_ADD, VERB_DELETE, VERB_RESTORE, VERB_MOVE, VERB_CHANGE } Verb;

static char *
describe (Verb        verb,
          PlRecord   *record,
          const char *field)
{
  g_autofree char *name = record_name (record);
  const char *kind = record_kind (record);

  if (name == NULL)
    name = g_strdup (kind);
  switch (verb)
    {
    /* Translators: these follow "Undid " or "Redid " in a toast; the
     * first %s is the kind of item ("action"), the second its title. */
    case VERB_ADD:
      return g_strdup_printf (_("adding %s “%s”"), kind, name);
    case VERB_DELETE:
      return g_strdup_printf (_("deleting %s “%s”"), kind, name);
    case VERB_RESTORE:
      return g_strdup_printf (_("restoring %s “%s”"), kind, name);
    case VERB_MOVE:
      return g_strdup_printf (_("moving %s “%s”"), kind, name);
    case VERB_CHANGE:
    default:
      if (field != NULL)
        /* Translators: "changing the status of action “Train judges”". */
        return g_strdup_printf (_("changing %s of %s “%s”"), field, kind, name);
      return g_strdup_printf (_("changing %s “%s”"), kind, name);
    }
}

/* ---- recording ---- */

static gboolean
is_recording (PlDocument *self)
{
  PlHistory *h = history_get (self);

  return h->replaying || h->suspended == 0;
}

/* Two single-field text changes of the same record and field: the second
 * folds into the first (typing a title is one step). */
static gboolean
folds_into (Step *older,
            Step *newer)
{
  Op *a, *b;

  if (older->ops->len != 1 || newer->ops->len != 1)
    return FALSE;
  a = g_ptr_array_index (older->ops, 0);
  b = g_ptr_array_index (newer->ops, 0);
  return a->kind == OP_UPDATE && b->kind == OP_UPDATE &&
         a->record == b->record && a->n == 1 && b->n == 1 &&
         a->pspecs[0] == b->pspecs[0] &&
         a->pspecs[0]->value_type == G_TYPE_STRING;
}

static void
close_pending (PlDocument *self)
{
  PlHistory *h = history_get (self);
  Step *step = g_steal_pointer (&h->pending);

  if (step == NULL)
    return;
  if (step->ops->len == 0 || h->group_depth > 0)
    {
      /* Inside a named group the step stays open across transactions. */
      if (h->group_depth > 0 && step->ops->len > 0)
        h->pending = step;
      else
        step_free (step);
      return;
    }
  if (h->replaying)
    {
      step_free (h->replayed);
      h->replayed = step;
      return;
    }
  if (!h->sealed && h->redo->len == 0 && h->undo->len > 0 &&
      folds_into (g_ptr_array_index (h->undo, h->undo->len - 1), step))
    {
      /* The older step already holds the value before the typing began. */
      step_free (step);
      return;
    }
  h->sealed = FALSE;
  g_ptr_array_set_size (h->redo, 0);
  g_ptr_array_add (h->undo, step);
  if (h->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (h->undo, 0);
  emit_history_changed (self);
}

static void
record_op (PlDocument *self,
           Op         *op,
           char       *label)
{
  PlHistory *h = history_get (self);

  if (!is_recording (self))
    {
      op_free (op);
      g_free (label);
      return;
    }
  if (h->pending == NULL)
    h->pending = step_new (h->group_label != NULL ? h->group_label : label);
  g_ptr_array_add (h->pending->ops, op);
  g_free (label);
  if (pl_store_get_depth (self->store) == 0)
    close_pending (self);
}

static Op *
op_new (OpKind    kind,
        PlRecord *record)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->record = g_object_ref (record);
  return op;
}

void
pl_document_history_record_update (PlDocument    *self,
                                   PlRecord      *record,
                                   guint          n,
                                   GParamSpec   **pspecs,
                                   const GValue  *old_values,
                                   const GValue  *new_values)
{
  const char *field = NULL;
  gboolean retarget = FALSE;
  guint changed = 0;
  Op *op;

  if (!is_recording (self))
    return;
  op = op_new (OP_UPDATE, record);
  op->pspecs = g_new0 (GParamSpec *, n);
  op->values = g_new0 (GValue, n);
  for (guint i = 0; i < n; i++)
    {
      /* A field set to the value it had changes nothing to undo. */
      if (g_param_values_cmp (pspecs[i], &old_values[i], &new_values[i]) == 0)
        continue;
      op->pspecs[changed] = g_param_spec_ref (pspecs[i]);
      g_value_init (&op->values[changed], G_VALUE_TYPE (&old_values[i]));
      g_value_copy (&old_values[i], &op->values[changed]);
      changed++;
      retarget |= g_str_equal (g_param_spec_get_name (pspecs[i]), "target-id");
      if (field == NULL)
        field = field_label (g_param_spec_get_name (pspecs[i]));
    }
  op->n = changed;
  if (changed == 0)
    {
      op_free (op);
      return;
    }
  /* Feedback given another target (several fields) moved; several other
   * fields at once are named by the record alone. */
  if (retarget)
    record_op (self, op, describe (VERB_MOVE, record, NULL));
  else
    record_op (self, op, describe (VERB_CHANGE, record, changed == 1 ? field : NULL));
}

void
pl_document_history_record_added (PlDocument *self,
                                  PlRecord   *record)
{
  if (is_recording (self))
    record_op (self, op_new (OP_DELETE, record), describe (VERB_ADD, record, NULL));
}

void
pl_document_history_record_deleted (PlDocument *self,
                                    PlRecord   *record)
{
  if (is_recording (self))
    record_op (self, op_new (OP_UNDELETE, record), describe (VERB_DELETE, record, NULL));
}

void
pl_document_history_record_restored (PlDocument *self,
                                     PlRecord   *record)
{
  if (is_recording (self))
    record_op (self, op_new (OP_DELETE, record), describe (VERB_RESTORE, record, NULL));
}

void
pl_document_history_record_moved (PlDocument *self,
                                  PlRecord   *record,
                                  guint       old_position)
{
  Op *op;

  if (!is_recording (self))
    return;
  op = op_new (OP_MOVE, record);
  op->position = old_position;
  record_op (self, op, describe (VERB_MOVE, record, NULL));
}

/* ---- transactions ---- */

void
pl_document_history_transaction_begun (PlDocument *self)
{
  PlHistory *h = history_get (self);
  guint mark = h->pending != NULL ? h->pending->ops->len : 0;

  g_array_append_val (h->marks, mark);
}

void
pl_document_history_transaction_ended (PlDocument *self,
                                       gboolean    committed)
{
  PlHistory *h = history_get (self);
  guint mark = 0;

  if (h->marks->len > 0)
    {
      mark = g_array_index (h->marks, guint, h->marks->len - 1);
      g_array_set_size (h->marks, h->marks->len - 1);
    }
  /* What a rollback undid in the file is not there to undo. */
  if (!committed && h->pending != NULL && h->pending->ops->len > mark)
    g_ptr_array_set_size (h->pending->ops, mark);
  if (pl_store_get_depth (self->store) == 0)
    {
      if (!committed && h->marks->len == 0 && h->pending != NULL && h->group_depth == 0)
        g_clear_pointer (&h->pending, step_free);
      close_pending (self);
    }
}

/* ---- groups, suspending ---- */

void
pl_document_history_begin_step (PlDocument *self,
                                const char *label)
{
  PlHistory *h;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  h = history_get (self);
  if (h->group_depth++ == 0)
    {
      g_free (h->group_label);
      h->group_label = g_strdup (label);
    }
}

void
pl_document_history_end_step (PlDocument *self)
{
  PlHistory *h;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  h = history_get (self);
  g_return_if_fail (h->group_depth > 0);
  if (--h->group_depth == 0)
    {
      g_clear_pointer (&h->group_label, g_free);
      if (self->store == NULL || pl_store_get_depth (self->store) == 0)
        close_pending (self);
    }
}

void
pl_document_history_suspend (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  history_get (self)->suspended++;
}

void
pl_document_history_resume (PlDocument *self)
{
  PlHistory *h;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  h = history_get (self);
  g_return_if_fail (h->suspended > 0);
  h->suspended--;
}

void
pl_document_history_seal (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  history_get (self)->sealed = TRUE;
}

void
pl_document_history_clear (PlDocument *self)
{
  PlHistory *h;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  h = history_get (self);
  if (h->undo->len == 0 && h->redo->len == 0)
    return;
  g_ptr_array_set_size (h->undo, 0);
  g_ptr_array_set_size (h->redo, 0);
  emit_history_changed (self);
}

/* ---- undo, redo ---- */

gboolean
pl_document_can_undo (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->history != NULL && self->history->undo->len > 0;
}

gboolean
pl_document_can_redo (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->history != NULL && self->history->redo->len > 0;
}

static const char *
top_label (GPtrArray *steps)
{
  if (steps->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (steps, steps->len - 1))->label;
}

const char *
pl_document_get_undo_label (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->history ? top_label (self->history->undo) : NULL;
}

const char *
pl_document_get_redo_label (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->history ? top_label (self->history->redo) : NULL;
}

static gboolean
apply_op (PlDocument  *self,
          Op          *op,
          GError     **error)
{
  switch (op->kind)
    {
    case OP_UPDATE:
      return pl_document_update_record (self, op->record, op->n, op->pspecs, op->values, error);
    case OP_DELETE:
      return pl_document_delete (self, op->record, error);
    case OP_UNDELETE:
      return pl_document_undelete (self, op->record, error);
    case OP_MOVE:
      return pl_document_move (self, op->record, op->position, error);
    default:
      g_assert_not_reached ();
    }
}

/* Applies the top step of @from; what that records goes on top of @to. */
static gboolean
replay (PlDocument  *self,
        GPtrArray   *from,
        GPtrArray   *to,
        char       **label,
        GError     **error)
{
  PlHistory *h = history_get (self);
  Step *step;
  Step *opposite;
  GError *local = NULL;

  if (!pl_document_check_open (self, error))
    return FALSE;
  if (pl_store_get_depth (self->store) > 0 || h->group_depth > 0 || h->replaying)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Finish the change in progress first"));
      return FALSE;
    }
  if (from->len == 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("There is nothing to undo or redo"));
      return FALSE;
    }
  step = g_ptr_array_steal_index (from, from->len - 1);
  h->replaying = TRUE;
  if (pl_document_begin (self, &local))
    {
      for (guint i = step->ops->len; i > 0 && local == NULL; i--)
        apply_op (self, g_ptr_array_index (step->ops, i - 1), &local);
      if (local == NULL)
        pl_document_commit (self, &local);
      else
        pl_document_rollback (self);
    }
  h->replaying = FALSE;
  opposite = g_steal_pointer (&h->replayed);

  if (local != NULL)
    {
      /* The document changed under it in a way it cannot follow (e.g.
       * the item's parent is gone): nothing was changed, and the step
       * is dropped so the next one can be tried. */
      g_set_error (error, local->domain, local->code,
                   _("Could not undo or redo %s: %s"), step->label, local->message);
      g_error_free (local);
      step_free (opposite);
      step_free (step);
      emit_history_changed (self);
      return FALSE;
    }
  if (opposite == NULL)
    opposite = step_new (step->label);
  g_free (opposite->label);
  opposite->label = g_strdup (step->label);
  g_ptr_array_add (to, opposite);
  if (label != NULL)
    *label = g_strdup (step->label);
  step_free (step);
  h->sealed = TRUE;
  emit_history_changed (self);
  return TRUE;
}

gboolean
pl_document_undo (PlDocument  *self,
                  char       **label,
                  GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return replay (self, history_get (self)->undo, history_get (self)->redo, label, error);
}

gboolean
pl_document_redo (PlDocument  *self,
                  char       **label,
                  GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return replay (self, history_get (self)->redo, history_get (self)->undo, label, error);
}
