/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-draft.h"
#include "pl-action.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-section.h"
#include "pl-strategy.h"

struct _PlDraft
{
  GObject     parent_instance;

  PlStrategy *strategy;
  GPtrArray  *sections;
  GPtrArray  *pillars;
  GHashTable *children;   /* parent uuid -> GPtrArray of records */
  GHashTable *by_uuid;    /* uuid -> PlRecord (owned by the arrays) */
  GHashTable *parent_of;  /* uuid -> parent uuid (strings owned by the records) */
  GPtrArray  *empty;
  guint       n_actions;
};

G_DEFINE_FINAL_TYPE (PlDraft, pl_draft, G_TYPE_OBJECT)

static void
pl_draft_finalize (GObject *object)
{
  PlDraft *self = PL_DRAFT (object);

  g_clear_object (&self->strategy);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->parent_of, g_hash_table_unref);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->pillars, g_ptr_array_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);
  G_OBJECT_CLASS (pl_draft_parent_class)->finalize (object);
}

static void
pl_draft_class_init (PlDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_draft_finalize;
}

static void
pl_draft_init (PlDraft *self)
{
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->pillars = g_ptr_array_new_with_free_func (g_object_unref);
  self->empty = g_ptr_array_new ();
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->parent_of = g_hash_table_new (g_str_hash, g_str_equal);
}

PlDraft *
pl_draft_new (void)
{
  return g_object_new (PL_TYPE_DRAFT, NULL);
}

PlStrategy *
pl_draft_get_strategy (PlDraft *self)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return self->strategy;
}

GPtrArray *
pl_draft_get_sections (PlDraft *self)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return self->sections;
}

GPtrArray *
pl_draft_get_pillars (PlDraft *self)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return self->pillars;
}

static GPtrArray *
children_of (PlDraft    *self,
             const char *uuid)
{
  GPtrArray *list = uuid ? g_hash_table_lookup (self->children, uuid) : NULL;

  return list ? list : self->empty;
}

GPtrArray *
pl_draft_get_objectives (PlDraft    *self,
                         const char *pillar_uuid)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return children_of (self, pillar_uuid);
}

GPtrArray *
pl_draft_get_actions (PlDraft    *self,
                      const char *objective_uuid)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return children_of (self, objective_uuid);
}

PlRecord *
pl_draft_lookup (PlDraft    *self,
                 const char *uuid)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return uuid ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;
}

const char *
pl_draft_get_parent_uuid (PlDraft    *self,
                          const char *uuid)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), NULL);
  return uuid ? g_hash_table_lookup (self->parent_of, uuid) : NULL;
}

guint
pl_draft_count_actions (PlDraft *self)
{
  g_return_val_if_fail (PL_IS_DRAFT (self), 0);
  return self->n_actions;
}

/* @parent_uuid, if any, must live as long as the draft (a key of
 * self->children). */
static void
index_record (PlDraft    *self,
              gpointer    record,
              const char *parent_uuid)
{
  const char *uuid = pl_record_get_uuid (record);

  g_hash_table_insert (self->by_uuid, (char *) uuid, record);
  if (parent_uuid != NULL)
    g_hash_table_insert (self->parent_of, (char *) uuid, (char *) parent_uuid);
}

void
pl_draft_set_strategy (PlDraft    *self,
                       PlStrategy *strategy)
{
  g_return_if_fail (PL_IS_DRAFT (self));
  g_set_object (&self->strategy, strategy);
}

void
pl_draft_add_section (PlDraft   *self,
                      PlSection *section)
{
  g_return_if_fail (PL_IS_DRAFT (self));
  g_ptr_array_add (self->sections, g_object_ref (section));
  index_record (self, section, NULL);
}

void
pl_draft_add_pillar (PlDraft  *self,
                     PlPillar *pillar)
{
  g_return_if_fail (PL_IS_DRAFT (self));
  g_ptr_array_add (self->pillars, g_object_ref (pillar));
  index_record (self, pillar, NULL);
}

static void
add_child (PlDraft    *self,
           const char *parent_uuid,
           gpointer    record)
{
  GPtrArray *list = NULL;
  char *key = NULL;

  if (!g_hash_table_lookup_extended (self->children, parent_uuid, (gpointer *) &key, (gpointer *) &list))
    {
      key = g_strdup (parent_uuid);
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->children, key, list);
    }
  g_ptr_array_add (list, g_object_ref (record));
  index_record (self, record, key);
}

void
pl_draft_add_objective (PlDraft     *self,
                        const char  *pillar_uuid,
                        PlObjective *objective)
{
  g_return_if_fail (PL_IS_DRAFT (self) && pillar_uuid != NULL);
  add_child (self, pillar_uuid, objective);
}

void
pl_draft_add_action (PlDraft    *self,
                     const char *objective_uuid,
                     PlAction   *action)
{
  g_return_if_fail (PL_IS_DRAFT (self) && objective_uuid != NULL);
  add_child (self, objective_uuid, action);
  self->n_actions++;
}
