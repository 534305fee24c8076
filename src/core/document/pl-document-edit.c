/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "pl-document-history.h"
#include "pl-document-private.h"
#include "pl-document-snapshots.h"

/* ---- writing ---- */

static gboolean
has_text (guint n, GParamSpec **pspecs)
{
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->value_type == G_TYPE_STRING)
      return TRUE;
  return FALSE;
}

/* A new lifecycle status is a milestone: the draft as it enters it is kept
 * as a snapshot ("Entered validation"), in the same transaction. */
static gboolean
snapshot_on_status_change (PlDocument    *self,
                           guint          n,
                           GParamSpec   **pspecs,
                           const GValue  *values,
                           GArray        *old,
                           GError       **error)
{
  /* A document being made (the example strategy) starts its history
   * when it is first opened, not at the status its builder gives it: the
   * same build gives the same file. */
  if (self->building)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (g_param_spec_get_name (pspecs[i]), "status") &&
        g_value_get_enum (&values[i]) != g_value_get_enum (&g_array_index (old, GValue, i)))
      {
        g_autoptr(PlSnapshot) snapshot =
          _pl_document_take_snapshot (self, pl_snapshot_label_for_status (g_value_get_enum (&values[i])),
                                      TRUE, error);

        return snapshot != NULL;
      }
  return TRUE;
}

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

  if (!pl_document_check_open (self, error))
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
  if (!pl_record_validate_record (record, n, pspecs, values, error))
    return FALSE;

  if (PL_IS_FEEDBACK (record))
    was_open = pl_feedback_get_disposition (PL_FEEDBACK (record)) == PL_DISPOSITION_OPEN;

  now = pl_document_now_stamp ();
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
      !pl_document_refresh_orphans (self, record, error))
    {
      for (guint i = 0; i < n; i++)
        pl_record_load_value (record, pspecs[i], &g_array_index (old, GValue, i), FALSE);
      goto fail;
    }
  if (PL_IS_STRATEGY (record) && !snapshot_on_status_change (self, n, pspecs, values, old, error))
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
  pl_document_history_record_update (self, record, n, pspecs, (const GValue *) old->data, values);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < n; i++)
    if (g_param_values_cmp (pspecs[i], &values[i], &g_array_index (old, GValue, i)) != 0)
      g_object_notify_by_pspec (G_OBJECT (record), pspecs[i]);
  g_object_thaw_notify (G_OBJECT (record));

  if (PL_IS_WORKSHOP (record) || PL_IS_STAKEHOLDER (record))
    pl_document_resort_record (self, record);
  if (PL_IS_FEEDBACK (record))
    {
      gboolean moved = FALSE;

      /* A new capture time moves the item: its old place is unknown. */
      for (guint i = 0; i < n; i++)
        moved |= g_str_equal (g_param_spec_get_name (pspecs[i]), "captured-at");
      if (moved)
        pl_document_refresh_feedback_lists (self);
      else
        pl_document_sync_feedback_lists (self, PL_FEEDBACK (record), was_open, FALSE);
    }
  pl_document_emit_changed (self, record);
  return TRUE;

fail:
  pl_store_rollback (self->store);
  return FALSE;
}

/* ---- adding ---- */

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

gboolean
pl_document_store_new_record (PlDocument  *self,
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

  if (!pl_document_check_open (self, error))
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
  if (!ok || !pl_record_validate_record (record, 0, NULL, NULL, error) ||
      !set_parent (self, record, parent, error))
    return NULL;

  if (!pl_document_store_new_record (self, record, position, error))
    return NULL;

  result = pl_document_intern (self, record);
  /* Make sure the parent's list exists only if someone looks at it. */
  pl_document_insert_into_lists (self, result);
  pl_document_history_record_added (self, result);
  pl_document_emit_changed (self, result);
  return result;
}

/* ---- moving, deleting, restoring ---- */

gboolean
pl_document_move (PlDocument  *self,
                  PlRecord    *record,
                  guint        position,
                  GError     **error)
{
  g_autofree char *now = NULL;
  GListStore *list;
  guint old_pos;
  gint64 was_at;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  if (!pl_document_check_open (self, error))
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

  was_at = pl_record_get_position (record);
  now = pl_document_now_stamp ();
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_store_move (self->store, record, position, now, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  list = pl_document_list_for (self, record, FALSE);
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
    pl_document_refresh_all_actions (self);
  if (pl_record_get_position (record) != was_at)
    {
      pl_document_history_record_moved (self, record, (guint) was_at);
      pl_document_emit_renumbered (self);
    }
  pl_document_emit_changed (self, record);
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
  GHashTable *objectives = pl_document_cache_for (self, PL_TYPE_OBJECTIVE);
  GHashTable *actions = pl_document_cache_for (self, PL_TYPE_ACTION);
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
      pl_document_reload_children (self, self->actions, PL_TYPE_ACTION, oid);
    }
  if (PL_IS_PILLAR (record))
    pl_document_reload_children (self, self->objectives, PL_TYPE_OBJECTIVE, id);
  else if (PL_IS_OBJECTIVE (record))
    pl_document_reload_children (self, self->actions, PL_TYPE_ACTION, id);
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

  if (!pl_document_check_open (self, error))
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

  now = pl_document_now_stamp ();
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
  pl_document_remove_from_lists (self, record, was_open);
  pl_document_history_record_deleted (self, record);
  pl_document_emit_changed (self, record);
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

  if (!pl_document_check_open (self, error))
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
  now = pl_document_now_stamp ();
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
  pl_document_insert_into_lists (self, record);
  pl_document_history_record_restored (self, record);
  pl_document_emit_changed (self, record);
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

  if (!pl_document_check_open (self, error))
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
  now = pl_document_now_stamp ();
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
  table = pl_document_cache_for (self, PL_TYPE_FEEDBACK);
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
  pl_document_remove_from_lists (self, PL_RECORD (duplicate), FALSE);
  pl_document_refresh_feedback_lists (self);
  /* Which feedback moved over is not kept, so this cannot be undone: the
   * steps before it would replay onto a different document. */
  pl_document_history_clear (self);
  pl_document_emit_changed (self, PL_RECORD (into));
  return TRUE;
}
