/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-document-bulk.h"
#include "pl-document-private.h"

/* ---- the lists that show feedback ---- */

void
pl_document_add_feedback_observer (PlDocument                    *self,
                                   gpointer                       observer,
                                   const PlFeedbackObserverFuncs *funcs)
{
  PlFeedbackObserver entry = { observer, funcs };

  g_array_append_val (self->feedback_observers, entry);
}

void
pl_document_remove_feedback_observer (PlDocument *self,
                                      gpointer    observer)
{
  for (guint i = 0; i < self->feedback_observers->len; i++)
    if (g_array_index (self->feedback_observers, PlFeedbackObserver, i).observer == observer)
      {
        g_array_remove_index (self->feedback_observers, i);
        return;
      }
}

void
pl_document_sync_feedback_lists (PlDocument *self,
                                 PlFeedback *feedback,
                                 gboolean    was_open,
                                 gboolean    is_new)
{
  /* Held for a batch: one refresh at the end instead of a query per item. */
  if (self->feedback_hold > 0)
    {
      self->feedback_stale = TRUE;
      return;
    }
  for (guint i = 0; i < self->feedback_observers->len; i++)
    {
      PlFeedbackObserver *o = &g_array_index (self->feedback_observers, PlFeedbackObserver, i);

      o->funcs->sync_item (o->observer, feedback, was_open, is_new);
    }
}

void
pl_document_refresh_feedback_lists (PlDocument *self)
{
  if (self->feedback_hold > 0)
    {
      self->feedback_stale = TRUE;
      return;
    }
  self->feedback_stale = FALSE;
  for (guint i = 0; i < self->feedback_observers->len; i++)
    {
      PlFeedbackObserver *o = &g_array_index (self->feedback_observers, PlFeedbackObserver, i);

      o->funcs->refresh (o->observer);
    }
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

gboolean
pl_document_refresh_orphans (PlDocument  *self,
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
    pl_document_refresh_feedback_lists (self);
  table = pl_document_cache_for (self, PL_TYPE_FEEDBACK);
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

/* ---- capture and targets ---- */

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
  return pl_document_add_review_feedback (self, kind, text, target, quote, workshop, stakeholder,
                                          PL_FEEDBACK_ORIGIN_CAPTURED, NULL, PL_AMENDMENT_REPLACE, NULL, error);
}

PlFeedback *
pl_document_add_review_feedback (PlDocument            *self,
                                 PlFeedbackKind         kind,
                                 const char            *text,
                                 PlRecord              *target,
                                 const char            *quote,
                                 PlWorkshop            *workshop,
                                 PlStakeholder         *stakeholder,
                                 PlFeedbackOrigin       origin,
                                 const char            *proposal,
                                 PlAmendmentOperation   operation,
                                 const char            *captured_at,
                                 GError               **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autofree char *now = NULL;
  g_autofree char *target_text = NULL;
  PlTargetKind target_kind;
  gint64 target_id, pillar_id;
  PlRecord *result;
  GValue values[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  GParamSpec *pspecs[4];
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (stakeholder == NULL || PL_IS_STAKEHOLDER (stakeholder), NULL);

  if (!pl_document_check_open (self, error))
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
  /* A returned review copy's item arrives whole: one write, not two. */
  pspecs[2] = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "proposal");
  pspecs[3] = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "captured-at");
  g_value_init (&values[2], G_TYPE_STRING);
  g_value_set_string (&values[2], proposal ? proposal : "");
  g_value_init (&values[3], G_TYPE_STRING);
  g_value_set_string (&values[3], captured_at);
  for (guint i = 0; i < 4 && ok; i++)
    if (i != 3 || (captured_at && *captured_at))
      ok = pl_record_validate_value (pspecs[i], &values[i], error);
  for (guint i = 0; i < 4; i++)
    g_value_unset (&values[i]);
  if (!ok)
    return NULL;
  if (g_enum_get_value (g_type_class_peek (PL_TYPE_FEEDBACK_KIND), kind) == NULL &&
      pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, kind) == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("%d is not a kind of feedback"), kind);
      return NULL;
    }

  now = pl_document_now_stamp ();
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
                "captured-at", captured_at && *captured_at ? captured_at : now,
                "orphaned", target_text != NULL && strstr (target_text, quote) == NULL,
                "origin", origin,
                "proposal", proposal ? proposal : "",
                "operation", operation,
                NULL);

  if (!pl_document_store_new_record (self, record, -1, error))
    return NULL;

  result = pl_document_intern (self, record);
  pl_document_insert_into_lists (self, result);
  pl_document_history_record_added (self, result);
  pl_document_emit_changed (self, result);
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
