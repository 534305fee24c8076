/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-document-private.h"
#include "pl-document-snapshots.h"
#include "pl-store-snapshots.h"

/* Snapshots: taking, naming, reading and restoring them. The copies
 * themselves are the store's (pl-store-snapshots.c). */

static char *
clean_label (const char  *label,
             GError     **error)
{
  g_autofree char *copy = NULL;

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                   _("The snapshot name is not valid text (UTF-8). Type the name again; nothing was changed."));
      return NULL;
    }
  copy = g_strstrip (g_strdup (label));
  if (*copy == '\0')
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Give the snapshot a name, such as “v0.3 — as presented at the validation workshop”."));
      return NULL;
    }
  if (g_utf8_strlen (copy, -1) > PL_SNAPSHOT_MAX_LABEL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   ngettext ("A snapshot name can be at most %d character long. Shorten it; nothing was changed.",
                             "A snapshot name can be at most %d characters long. Shorten it; nothing was changed.",
                             PL_SNAPSHOT_MAX_LABEL),
                   PL_SNAPSHOT_MAX_LABEL);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

const char *
pl_snapshot_label_for_status (PlLifecycle status)
{
  switch (status)
    {
    case PL_LIFECYCLE_DRAFTING:
      return _("Back to drafting");
    case PL_LIFECYCLE_VALIDATION:
      return _("Entered validation");
    case PL_LIFECYCLE_INTERNAL_REVIEW:
      return _("Entered internal review");
    case PL_LIFECYCLE_CABINET_REVIEW:
      return _("Entered cabinet review");
    case PL_LIFECYCLE_ADOPTED:
    default:
      return _("Adopted");
    }
}

/* Takes a snapshot of what the file holds now, inside the caller's
 * transaction or its own. */
PlSnapshot *
_pl_document_take_snapshot (PlDocument  *self,
                            const char  *label,
                            gboolean     automatic,
                            GError     **error)
{
  g_autofree char *clean = clean_label (label, error);
  g_autoptr(PlDraft) draft = NULL;
  g_autofree char *root = NULL;
  g_autoptr(PlSnapshot) snapshot = NULL;

  if (clean == NULL || !pl_document_check_open (self, error))
    return NULL;
  if (!pl_document_begin (self, error))
    return NULL;
  if (!(draft = pl_store_load_draft (pl_document_get_store (self), error)) ||
      !(root = pl_store_write_snapshot_copy (pl_document_get_store (self), draft, error)) ||
      !(snapshot = pl_document_add (self, PL_TYPE_SNAPSHOT, NULL, -1, error,
                                    "name", clean,
                                    "status", (int) pl_strategy_get_status (pl_draft_get_strategy (draft)),
                                    "automatic", automatic,
                                    "root", root,
                                    "format", (gint64) PL_SNAPSHOT_FORMAT,
                                    NULL)) ||
      !pl_document_commit (self, error))
    {
      pl_document_rollback (self);
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

PlSnapshot *
pl_document_take_snapshot (PlDocument  *self,
                           const char  *label,
                           GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return _pl_document_take_snapshot (self, label, FALSE, error);
}

gboolean
pl_document_rename_snapshot (PlDocument  *self,
                             PlSnapshot  *snapshot,
                             const char  *label,
                             GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PL_IS_SNAPSHOT (snapshot), FALSE);

  if (!(clean = clean_label (label, error)))
    return FALSE;
  return pl_record_set (PL_RECORD (snapshot), error, "name", clean, NULL);
}

PlDraft *
pl_document_load_draft (PlDocument  *self,
                        PlSnapshot  *snapshot,
                        GError     **error)
{
  PlDraft *draft;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (snapshot == NULL || PL_IS_SNAPSHOT (snapshot), NULL);

  if (!pl_document_check_open (self, error))
    return NULL;
  if (snapshot != NULL && pl_record_get_document (PL_RECORD (snapshot)) != self)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The snapshot is not part of this document"));
      return NULL;
    }
  /* One read transaction: the tree is read from one state of the file. */
  if (!pl_store_begin_read (pl_document_get_store (self), error))
    return NULL;
  if (snapshot == NULL)
    draft = pl_store_load_draft (pl_document_get_store (self), error);
  else
    draft = pl_store_read_snapshot_copy (pl_document_get_store (self),
                                         pl_snapshot_get_root (snapshot),
                                         pl_snapshot_get_format (snapshot),
                                         pl_snapshot_get_name (snapshot), error);
  if (!pl_store_commit (pl_document_get_store (self), draft ? error : NULL) && draft != NULL)
    g_clear_object (&draft);
  return draft;
}

/* Quoted passages in the rows a restore wrote may have come or gone. */
static gboolean
refresh_orphans (PlDocument  *self,
                 GPtrArray   *changed,
                 GError     **error)
{
  const GType types[] = { PL_TYPE_SECTION, PL_TYPE_PILLAR, PL_TYPE_OBJECTIVE, PL_TYPE_ACTION };

  if (!pl_document_refresh_orphans (self, PL_RECORD (pl_document_get_strategy (self)), error))
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_autoptr(PlRecord) record = pl_document_lookup_uuid (self, types[t], g_ptr_array_index (changed, i), NULL);

        if (record != NULL)
          {
            if (!pl_document_refresh_orphans (self, record, error))
              return FALSE;
            break;
          }
      }
  return TRUE;
}

PlSnapshot *
pl_document_restore_snapshot (PlDocument  *self,
                              PlSnapshot  *snapshot,
                              GError     **error)
{
  g_autoptr(PlDraft) target = NULL;
  g_autoptr(PlSnapshot) before = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PL_IS_SNAPSHOT (snapshot), NULL);

  if (!(target = pl_document_load_draft (self, snapshot, error)))
    return NULL;
  if (pl_document_is_read_only (self))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY, "%s",
                   pl_document_get_read_only_reason (self));
      return NULL;
    }
  /* Translators: the name of the snapshot taken before a restore; %s is the restored one */
  label = g_strdup_printf (_("Before restoring “%s”"), pl_snapshot_get_name (snapshot));
  if (g_utf8_strlen (label, -1) > PL_SNAPSHOT_MAX_LABEL)
    {
      g_free (label);
      label = g_strdup (_("Before restoring a snapshot"));
    }
  now = pl_document_now_stamp ();
  if (!pl_document_begin (self, error))
    return NULL;
  ok = (before = _pl_document_take_snapshot (self, label, TRUE, error)) != NULL &&
       pl_store_restore_draft (pl_document_get_store (self), target, ++self->last_token, now, changed, error);
  if (ok)
    {
      /* Read back inside the transaction, so the quoted passages are
       * checked against the restored text. */
      pl_document_resync_from_store (self);
      ok = refresh_orphans (self, changed, error) && pl_document_commit (self, error);
    }
  if (!ok)
    {
      pl_document_rollback (self);
      pl_document_resync_from_store (self);
      return NULL;
    }
  pl_document_emit_changed (self, NULL);
  return g_steal_pointer (&before);
}

PlSnapshot *
pl_document_find_snapshot (PlDocument  *self,
                           const char  *key,
                           GError     **error)
{
  GListModel *list;
  guint n;
  char *end = NULL;
  guint64 number;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  list = pl_document_get_snapshots (self);
  n = g_list_model_get_n_items (list);
  number = g_ascii_strtoull (key, &end, 10);
  if (end != key && *end == '\0' && number >= 1 && number <= n)
    return g_list_model_get_item (list, number - 1);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PlSnapshot) s = g_list_model_get_item (list, i - 1);

      if (g_strcmp0 (pl_record_get_uuid (PL_RECORD (s)), key) == 0 ||
          g_strcmp0 (pl_snapshot_get_name (s), key) == 0)
        return g_steal_pointer (&s);
    }
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
               _("There is no snapshot “%s”. Give its number, name or UUID as “pillars-cli snapshot list” shows them."),
               key);
  return NULL;
}

gint64
pl_document_snapshots_size (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);
  if (!pl_document_check_open (self, NULL))
    return 0;
  return pl_store_snapshot_objects_size (pl_document_get_store (self));
}

GArray *
pl_document_accepted_feedback (PlDocument  *self,
                               GError     **error)
{
  G_STATIC_ASSERT (sizeof (PlDocumentFeedbackTarget) == sizeof (PlFeedbackTarget));

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  if (!pl_document_check_open (self, error))
    return NULL;
  return pl_store_accepted_feedback (pl_document_get_store (self), error);
}
