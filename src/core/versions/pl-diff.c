/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-diff.h"

/*
 * The structure diff. Both drafts are walked in order; rows are matched by
 * UUID. A row is "moved" when it changed parent, or when it is not part of
 * the longest run of its common siblings that kept their relative order
 * (so moving one objective up marks that one, not every one it passed).
 */

struct _PlDiff
{
  GObject        parent_instance;

  PlDraft       *old_draft;
  PlDraft       *new_draft;
  GPtrArray     *groups;      /* PlDiffGroup */
  GHashTable    *by_uuid;     /* uuid -> PlDiffEntry (changed ones) */
  GHashTable    *entries;     /* every PlDiffEntry made, owned here */
  PlDiffSummary  summary;
};

G_DEFINE_FINAL_TYPE (PlDiff, pl_diff, G_TYPE_OBJECT)

static void
field_free (PlDiffField *field)
{
  g_free (field->old_text);
  g_free (field->new_text);
  g_clear_pointer (&field->words, g_array_unref);
  g_free (field);
}

static void
entry_free (PlDiffEntry *entry)
{
  g_free (entry->uuid);
  g_clear_object (&entry->old_record);
  g_clear_object (&entry->new_record);
  g_free (entry->title);
  g_free (entry->old_number);
  g_free (entry->new_number);
  g_ptr_array_unref (entry->fields);
  g_ptr_array_unref (entry->feedback);
  g_free (entry);
}

static void
group_free (PlDiffGroup *group)
{
  g_free (group->title);
  g_ptr_array_unref (group->entries);
  g_free (group);
}

static void
pl_diff_finalize (GObject *object)
{
  PlDiff *self = PL_DIFF (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->old_draft);
  g_clear_object (&self->new_draft);
  G_OBJECT_CLASS (pl_diff_parent_class)->finalize (object);
}

static void
pl_diff_class_init (PlDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_diff_finalize;
}

static void
pl_diff_init (PlDiff *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_hash_table_new_full (g_direct_hash, g_direct_equal, (GDestroyNotify) entry_free, NULL);
}

/* ---- fields ---- */

typedef struct {
  const char *property;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "title", N_("Title") },
  { "country", N_("Country") },
  { "version-label", N_("Version label") },
  { "status", N_("Status") },
  { "classification", N_("Classification") },
  { "lead-agency", N_("Lead agency") },
  { "vision", N_("Vision") },
  { "kind", N_("Kind") },
  { "summary", N_("Summary") },
  { "body", N_("Text") },
  { "description", N_("Description") },
  { "partners", N_("Partners") },
  { "timeframe", N_("Timeframe") },
  { "start-date", N_("Start") },
  { "end-date", N_("End") },
  { "priority", N_("Priority") },
  { "indicator", N_("Indicator") },
  { "cost", N_("Estimated cost") },
};

const char *
pl_diff_field_label (GType       type,
                     const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  if (type == PL_TYPE_ACTION && g_str_equal (property, "status"))
    return _("Implementation status");
  if (type == PL_TYPE_STRATEGY && g_str_equal (property, "status"))
    return _("Lifecycle status");
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].property, property))
      return _(field_labels[i].label);
  return property;
}

static gboolean
is_narrative (const char *property)
{
  return g_str_equal (property, "body") || g_str_equal (property, "description") ||
         g_str_equal (property, "vision");
}

static char *
value_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (pl_enum_to_label (G_VALUE_TYPE (value), g_value_get_enum (value)));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  return g_strdup ("");
}

/* The fields of @old and @new that differ (text: by its words). Compared
 * without copying: the values are read in place, and only the fields that
 * differ become texts. */
static GPtrArray *
compare_fields (PlRecord *old,
                PlRecord *new)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (new);

  for (guint i = 0; i < klass->n_pspecs; i++)
    {
      GParamSpec *pspec = klass->pspecs[i];
      const char *name = g_param_spec_get_name (pspec);
      g_autoptr(GArray) words = NULL;
      PlDiffField *field;

      if (klass->parent_prop != NULL && i == klass->parent_index)
        continue;
      if (pspec->value_type == G_TYPE_STRING)
        {
          const char *a = pl_record_get_string (old, name);
          const char *b = pl_record_get_string (new, name);

          if (g_strcmp0 (a, b) == 0)
            continue;
          words = pl_word_diff (a, b);
          /* Re-wrapped, or only the markup changed: no change. */
          if (!pl_word_diff_changed (words))
            continue;
        }
      else if (pl_record_get_int (old, name) == pl_record_get_int (new, name))
        continue;

      field = g_new0 (PlDiffField, 1);
      field->property = name;
      field->label = pl_diff_field_label (G_OBJECT_TYPE (new), field->property);
      {
        g_auto(GValue) a = G_VALUE_INIT;
        g_auto(GValue) b = G_VALUE_INIT;

        g_value_init (&a, pspec->value_type);
        g_value_init (&b, pspec->value_type);
        g_object_get_property (G_OBJECT (old), name, &a);
        g_object_get_property (G_OBJECT (new), name, &b);
        field->old_text = value_text (&a);
        field->new_text = value_text (&b);
      }
      field->narrative = is_narrative (field->property);
      if (words != NULL)
        pl_word_diff_count (words, &field->words_inserted, &field->words_deleted);
      field->words = g_steal_pointer (&words);
      g_ptr_array_add (fields, field);
    }
  return fields;
}

static const char *
record_title (PlRecord *record)
{
  const char *title = pl_record_get_string (record, "title");

  return title ? title : "";
}

static PlDiffEntry *
entry_new (PlDiff     *self,
           GType       type,
           PlRecord   *old,
           PlRecord   *new,
           guint       depth)
{
  PlDiffEntry *entry = g_new0 (PlDiffEntry, 1);
  PlRecord *any = new ? new : old;

  entry->type = type;
  entry->uuid = g_strdup (pl_record_get_uuid (any));
  entry->old_record = old ? g_object_ref (old) : NULL;
  entry->new_record = new ? g_object_ref (new) : NULL;
  entry->title = g_strdup (record_title (any));
  entry->depth = depth;
  entry->feedback = g_ptr_array_new_with_free_func (g_object_unref);
  if (old != NULL && new != NULL)
    entry->fields = compare_fields (old, new);
  else
    entry->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  if (old == NULL)
    entry->change |= PL_DIFF_ADDED;
  else if (new == NULL)
    entry->change |= PL_DIFF_REMOVED;
  else if (entry->fields->len > 0)
    entry->change |= PL_DIFF_CHANGED;
  g_hash_table_add (self->entries, entry);
  return entry;
}

/* Words of a whole row (added or removed): its narrative. */
static guint
record_words (PlRecord *record)
{
  const char *names[] = { "title", "body", "description", "vision" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = pl_record_get_string (record, names[i]);
      g_autoptr(GArray) ops = NULL;

      if (text == NULL || *text == '\0')
        continue;
      ops = pl_word_diff (NULL, text);
      for (guint j = 0; j < ops->len; j++)
        n += g_array_index (ops, PlWordDiffOp, j).n_words;
    }
  return n;
}

/* ---- order ---- */

/* Marks with TRUE in @moved the items of @new_order (uuids present in both
 * versions, in new order, with @old_index their index in the old order)
 * that are not in the longest increasing run of old indexes. */
static void
mark_moved (GArray   *old_index,
            gboolean *moved)
{
  guint n = old_index->len;
  g_autofree guint *tail = g_new0 (guint, n + 1);   /* index into old_index of the smallest tail of a run of length l */
  g_autofree int *prev = g_new0 (int, n);
  guint len = 0;

  for (guint i = 0; i < n; i++)
    {
      int v = g_array_index (old_index, int, i);
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (old_index, int, tail[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tail[lo - 1] : -1;
      tail[lo] = i;
      if (lo == len)
        len++;
    }
  for (guint i = 0; i < n; i++)
    moved[i] = TRUE;
  if (len > 0)
    for (int i = tail[len - 1]; i >= 0; i = prev[i])
      moved[i] = FALSE;
}

/* Sets PL_DIFF_MOVED on the entries of the rows of @new_list (all under
 * one parent in the new draft) that moved among their siblings, or came
 * from another parent. */
static void
detect_moves (PlDiff      *self,
              GPtrArray   *new_list,
              GHashTable  *old_pos,      /* uuid -> index + 1 among old siblings */
              const char  *new_parent,
              GHashTable  *made)         /* uuid -> PlDiffEntry, for rows in both */
{
  g_autoptr(GArray) idx = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) common = g_ptr_array_new ();
  g_autofree gboolean *moved = NULL;

  for (guint i = 0; i < new_list->len; i++)
    {
      PlRecord *r = g_ptr_array_index (new_list, i);
      const char *uuid = pl_record_get_uuid (r);
      const char *old_parent = pl_draft_get_parent_uuid (self->old_draft, uuid);
      PlDiffEntry *entry = g_hash_table_lookup (made, uuid);
      int pos = GPOINTER_TO_INT (g_hash_table_lookup (old_pos, uuid));

      if (entry == NULL)
        continue;
      if (g_strcmp0 (old_parent, new_parent) != 0)
        {
          entry->change |= PL_DIFF_MOVED;
          continue;
        }
      g_array_append_val (idx, ((int) { pos - 1 }));
      g_ptr_array_add (common, entry);
    }
  moved = g_new0 (gboolean, MAX (idx->len, 1));
  mark_moved (idx, moved);
  for (guint i = 0; i < common->len; i++)
    if (moved[i])
      ((PlDiffEntry *) g_ptr_array_index (common, i))->change |= PL_DIFF_MOVED;
}

static GHashTable *
positions_of (GPtrArray *list)
{
  GHashTable *pos = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < list->len; i++)
    g_hash_table_insert (pos, (char *) pl_record_get_uuid (g_ptr_array_index (list, i)), GINT_TO_POINTER (i + 1));
  return pos;
}

/* ---- building ---- */

/* "2", "2.3", "2.3.1" for every pillar, objective and action of @draft. */
static GHashTable *
numbers_of (PlDraft *draft)
{
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *pillars = pl_draft_get_pillars (draft);

  for (guint i = 0; i < pillars->len; i++)
    {
      const char *pu = pl_record_get_uuid (g_ptr_array_index (pillars, i));
      GPtrArray *objectives = pl_draft_get_objectives (draft, pu);

      g_hash_table_insert (numbers, (char *) pu, g_strdup_printf ("%u", i + 1));
      for (guint j = 0; j < objectives->len; j++)
        {
          const char *ou = pl_record_get_uuid (g_ptr_array_index (objectives, j));
          GPtrArray *actions = pl_draft_get_actions (draft, ou);

          g_hash_table_insert (numbers, (char *) ou, g_strdup_printf ("%u.%u", i + 1, j + 1));
          for (guint k = 0; k < actions->len; k++)
            g_hash_table_insert (numbers, (char *) pl_record_get_uuid (g_ptr_array_index (actions, k)),
                                 g_strdup_printf ("%u.%u.%u", i + 1, j + 1, k + 1));
        }
    }
  return numbers;
}

typedef struct {
  PlDiff     *self;
  GHashTable *old_numbers;
  GHashTable *new_numbers;
  GHashTable *made;      /* uuid -> entry, rows in both versions */
} Build;

/* The old row matching @uuid if it is of @type. */
static PlRecord *
old_match (Build      *b,
           GType       type,
           const char *uuid)
{
  PlRecord *old = pl_draft_lookup (b->self->old_draft, uuid);

  return old && G_OBJECT_TYPE (old) == type ? old : NULL;
}

static PlDiffEntry *
pair (Build    *b,
      GType     type,
      PlRecord *new,
      guint     depth)
{
  const char *uuid = pl_record_get_uuid (new);
  PlRecord *old = old_match (b, type, uuid);
  PlDiffEntry *entry = entry_new (b->self, type, old, new, depth);

  entry->new_number = g_strdup (g_hash_table_lookup (b->new_numbers, uuid));
  if (old != NULL)
    {
      entry->old_number = g_strdup (g_hash_table_lookup (b->old_numbers, uuid));
      g_hash_table_insert (b->made, entry->uuid, entry);
    }
  return entry;
}

static PlDiffEntry *
removed (Build    *b,
         GType     type,
         PlRecord *old,
         guint     depth)
{
  PlDiffEntry *entry = entry_new (b->self, type, old, NULL, depth);

  entry->old_number = g_strdup (g_hash_table_lookup (b->old_numbers, pl_record_get_uuid (old)));
  return entry;
}

static gboolean
in_new (Build    *b,
        PlRecord *old)
{
  PlRecord *now = pl_draft_lookup (b->self->new_draft, pl_record_get_uuid (old));

  return now != NULL && G_OBJECT_TYPE (now) == G_OBJECT_TYPE (old);
}

static void
add_if_changed (GPtrArray   *entries,
                PlDiffEntry *entry)
{
  if (entry->change != PL_DIFF_NONE)
    g_ptr_array_add (entries, entry);
}

/* Old actions of @old_objective that are nowhere in the new draft. */
static void
add_removed_actions (Build      *b,
                     GPtrArray  *entries,
                     const char *old_objective)
{
  GPtrArray *actions = pl_draft_get_actions (b->self->old_draft, old_objective);

  for (guint k = 0; k < actions->len; k++)
    if (!in_new (b, g_ptr_array_index (actions, k)))
      g_ptr_array_add (entries, removed (b, PL_TYPE_ACTION, g_ptr_array_index (actions, k), 2));
}

static void
add_removed_objectives (Build      *b,
                        GPtrArray  *entries,
                        const char *old_pillar)
{
  GPtrArray *objectives = pl_draft_get_objectives (b->self->old_draft, old_pillar);

  for (guint j = 0; j < objectives->len; j++)
    {
      PlRecord *o = g_ptr_array_index (objectives, j);

      if (in_new (b, o))
        continue;
      g_ptr_array_add (entries, removed (b, PL_TYPE_OBJECTIVE, o, 1));
      add_removed_actions (b, entries, pl_record_get_uuid (o));
    }
}

static void
build_front_matter (Build *b)
{
  PlDiff *self = b->self;
  PlDiffGroup *group = g_new0 (PlDiffGroup, 1);
  PlRecord *old_strategy = PL_RECORD (pl_draft_get_strategy (self->old_draft));
  PlRecord *new_strategy = PL_RECORD (pl_draft_get_strategy (self->new_draft));
  GPtrArray *sections = pl_draft_get_sections (self->new_draft);
  GPtrArray *old_sections = pl_draft_get_sections (self->old_draft);
  g_autoptr(GHashTable) old_pos = positions_of (old_sections);
  g_autoptr(GPtrArray) section_entries = g_ptr_array_new ();

  group->front_matter = TRUE;
  group->title = g_strdup (_("Front matter"));
  group->entries = g_ptr_array_new ();
  if (old_strategy != NULL && new_strategy != NULL)
    {
      group->head = entry_new (self, PL_TYPE_STRATEGY, old_strategy, new_strategy, 0);
      g_free (group->head->title);
      group->head->title = g_strdup (pl_strategy_get_title (PL_STRATEGY (new_strategy)));
    }
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (section_entries, pair (b, PL_TYPE_SECTION, g_ptr_array_index (sections, i), 0));
  detect_moves (self, sections, old_pos, NULL, b->made);
  for (guint i = 0; i < section_entries->len; i++)
    add_if_changed (group->entries, g_ptr_array_index (section_entries, i));
  for (guint i = 0; i < old_sections->len; i++)
    if (!in_new (b, g_ptr_array_index (old_sections, i)))
      g_ptr_array_add (group->entries, removed (b, PL_TYPE_SECTION, g_ptr_array_index (old_sections, i), 0));
  group->changed = (group->head && group->head->change != PL_DIFF_NONE) || group->entries->len > 0;
  g_ptr_array_add (self->groups, group);
}

static void
build_pillars (Build *b)
{
  PlDiff *self = b->self;
  GPtrArray *pillars = pl_draft_get_pillars (self->new_draft);
  GPtrArray *old_pillars = pl_draft_get_pillars (self->old_draft);
  g_autoptr(GPtrArray) heads = g_ptr_array_new ();
  g_autoptr(GHashTable) old_pos = positions_of (old_pillars);

  for (guint i = 0; i < pillars->len; i++)
    g_ptr_array_add (heads, pair (b, PL_TYPE_PILLAR, g_ptr_array_index (pillars, i), 0));
  detect_moves (self, pillars, old_pos, NULL, b->made);

  for (guint i = 0; i < pillars->len; i++)
    {
      PlRecord *pillar = g_ptr_array_index (pillars, i);
      const char *pu = pl_record_get_uuid (pillar);
      GPtrArray *objectives = pl_draft_get_objectives (self->new_draft, pu);
      g_autoptr(GHashTable) old_obj_pos = positions_of (pl_draft_get_objectives (self->old_draft, pu));
      g_autoptr(GPtrArray) obj_entries = g_ptr_array_new ();
      PlDiffGroup *group = g_new0 (PlDiffGroup, 1);

      group->head = g_ptr_array_index (heads, i);
      group->title = g_strdup (record_title (pillar));
      group->entries = g_ptr_array_new ();
      for (guint j = 0; j < objectives->len; j++)
        g_ptr_array_add (obj_entries, pair (b, PL_TYPE_OBJECTIVE, g_ptr_array_index (objectives, j), 1));
      detect_moves (self, objectives, old_obj_pos, pu, b->made);
      for (guint j = 0; j < objectives->len; j++)
        {
          const char *ou = pl_record_get_uuid (g_ptr_array_index (objectives, j));
          GPtrArray *actions = pl_draft_get_actions (self->new_draft, ou);
          g_autoptr(GHashTable) old_act_pos = positions_of (pl_draft_get_actions (self->old_draft, ou));
          g_autoptr(GPtrArray) act_entries = g_ptr_array_new ();

          add_if_changed (group->entries, g_ptr_array_index (obj_entries, j));
          for (guint k = 0; k < actions->len; k++)
            g_ptr_array_add (act_entries, pair (b, PL_TYPE_ACTION, g_ptr_array_index (actions, k), 2));
          detect_moves (self, actions, old_act_pos, ou, b->made);
          for (guint k = 0; k < act_entries->len; k++)
            add_if_changed (group->entries, g_ptr_array_index (act_entries, k));
          add_removed_actions (b, group->entries, ou);
        }
      add_removed_objectives (b, group->entries, pu);
      group->changed = group->head->change != PL_DIFF_NONE || group->entries->len > 0;
      g_ptr_array_add (self->groups, group);
    }

  for (guint i = 0; i < old_pillars->len; i++)
    {
      PlRecord *old = g_ptr_array_index (old_pillars, i);
      PlDiffGroup *group;

      if (in_new (b, old))
        continue;
      group = g_new0 (PlDiffGroup, 1);
      group->head = removed (b, PL_TYPE_PILLAR, old, 0);
      group->title = g_strdup (record_title (old));
      group->entries = g_ptr_array_new ();
      group->changed = TRUE;
      add_removed_objectives (b, group->entries, pl_record_get_uuid (old));
      g_ptr_array_add (self->groups, group);
    }
}

static void
count (PlDiff      *self,
       PlDiffEntry *e)
{
  PlDiffSummary *s = &self->summary;
  guint *added, *removed_n, *changed, *moved;

  if (e->change == PL_DIFF_NONE)
    return;
  g_hash_table_insert (self->by_uuid, e->uuid, e);
  if (e->type == PL_TYPE_PILLAR)
    added = &s->pillars_added, removed_n = &s->pillars_removed, changed = &s->pillars_changed, moved = &s->pillars_moved;
  else if (e->type == PL_TYPE_OBJECTIVE)
    added = &s->objectives_added, removed_n = &s->objectives_removed, changed = &s->objectives_changed, moved = &s->objectives_moved;
  else if (e->type == PL_TYPE_ACTION)
    added = &s->actions_added, removed_n = &s->actions_removed, changed = &s->actions_changed, moved = &s->actions_moved;
  else if (e->type == PL_TYPE_SECTION)
    added = &s->sections_added, removed_n = &s->sections_removed, changed = &s->sections_changed, moved = &s->sections_moved;
  else
    {
      s->strategy_fields_changed = e->fields->len;
      added = removed_n = changed = moved = NULL;
    }
  if (e->change & PL_DIFF_ADDED)
    {
      if (added)
        (*added)++;
      s->words_inserted += record_words (e->new_record);
    }
  else if (e->change & PL_DIFF_REMOVED)
    {
      if (removed_n)
        (*removed_n)++;
      s->words_deleted += record_words (e->old_record);
    }
  if ((e->change & PL_DIFF_CHANGED) && changed)
    (*changed)++;
  if ((e->change & PL_DIFF_MOVED) && moved)
    (*moved)++;
  for (guint i = 0; i < e->fields->len; i++)
    {
      PlDiffField *f = g_ptr_array_index (e->fields, i);

      s->words_inserted += f->words_inserted;
      s->words_deleted += f->words_deleted;
    }
}

PlDiff *
pl_diff_new (PlDraft *old_draft,
             PlDraft *new_draft)
{
  g_autoptr(PlDiff) self = NULL;
  g_autoptr(GHashTable) old_numbers = NULL;
  g_autoptr(GHashTable) new_numbers = NULL;
  g_autoptr(GHashTable) made = g_hash_table_new (g_str_hash, g_str_equal);
  Build b;

  g_return_val_if_fail (PL_IS_DRAFT (old_draft), NULL);
  g_return_val_if_fail (PL_IS_DRAFT (new_draft), NULL);

  self = g_object_new (PL_TYPE_DIFF, NULL);
  self->old_draft = g_object_ref (old_draft);
  self->new_draft = g_object_ref (new_draft);
  old_numbers = numbers_of (old_draft);
  new_numbers = numbers_of (new_draft);
  b = (Build) { self, old_numbers, new_numbers, made };

  build_front_matter (&b);
  build_pillars (&b);

  for (guint i = 0; i < self->groups->len; i++)
    {
      PlDiffGroup *g = g_ptr_array_index (self->groups, i);

      if (g->head)
        count (self, g->head);
      for (guint j = 0; j < g->entries->len; j++)
        count (self, g_ptr_array_index (g->entries, j));
      if (!g->front_matter && g->changed)
        self->summary.pillars_touched++;
    }
  return g_steal_pointer (&self);
}

/* ---- reading ---- */

PlDraft *
pl_diff_get_old_draft (PlDiff *self)
{
  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  return self->old_draft;
}

PlDraft *
pl_diff_get_new_draft (PlDiff *self)
{
  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  return self->new_draft;
}

GPtrArray *
pl_diff_get_groups (PlDiff *self)
{
  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  return self->groups;
}

const PlDiffSummary *
pl_diff_get_summary (PlDiff *self)
{
  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  return &self->summary;
}

gboolean
pl_diff_is_empty (PlDiff *self)
{
  g_return_val_if_fail (PL_IS_DIFF (self), TRUE);
  return g_hash_table_size (self->by_uuid) == 0;
}

PlDiffEntry *
pl_diff_lookup (PlDiff     *self,
                const char *uuid)
{
  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  return uuid ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;
}

/* ---- with a document ---- */

static PlTargetKind
target_kind_of (GType type)
{
  if (type == PL_TYPE_SECTION)
    return PL_TARGET_SECTION;
  if (type == PL_TYPE_PILLAR)
    return PL_TARGET_PILLAR;
  if (type == PL_TYPE_OBJECTIVE)
    return PL_TARGET_OBJECTIVE;
  if (type == PL_TYPE_ACTION)
    return PL_TARGET_ACTION;
  return PL_TARGET_STRATEGY;
}

static char *
target_key (int    kind,
            gint64 id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, kind, id);
}

gboolean
pl_diff_attach_feedback (PlDiff      *self,
                         PlDocument  *document,
                         GError     **error)
{
  g_autoptr(GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) targets = NULL;
  GHashTableIter iter;
  PlDiffEntry *entry;

  g_return_val_if_fail (PL_IS_DIFF (self), FALSE);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);

  /* The rows that changed, by the target a feedback item names. */
  g_hash_table_iter_init (&iter, self->by_uuid);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      gint64 id = 0;

      g_ptr_array_set_size (entry->feedback, 0);
      if (entry->type != PL_TYPE_STRATEGY)
        {
          g_autoptr(PlRecord) live = pl_document_lookup_uuid (document, entry->type, entry->uuid, NULL);

          if (live == NULL)
            continue;
          id = pl_record_get_id (live);
        }
      g_hash_table_insert (by_target, target_key (target_kind_of (entry->type), id), entry);
    }
  if (g_hash_table_size (by_target) == 0)
    return TRUE;

  /* Only the items that targeted a change become records. */
  if (!(targets = pl_document_accepted_feedback (document, error)))
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    {
      const PlDocumentFeedbackTarget *t = &g_array_index (targets, PlDocumentFeedbackTarget, i);
      g_autofree char *key = target_key (t->target_kind, t->target_id);
      PlRecord *fb;

      entry = g_hash_table_lookup (by_target, key);
      if (entry != NULL && (fb = pl_document_lookup (document, PL_TYPE_FEEDBACK, t->id, NULL)) != NULL)
        g_ptr_array_add (entry->feedback, fb);
    }
  return TRUE;
}

PlDiff *
pl_diff_compare (PlDocument  *document,
                 PlSnapshot  *old,
                 PlSnapshot  *new,
                 GError     **error)
{
  g_autoptr(PlDraft) a = NULL;
  g_autoptr(PlDraft) b = NULL;
  g_autoptr(PlDiff) diff = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PL_IS_SNAPSHOT (old), NULL);

  if (!(a = pl_document_load_draft (document, old, error)) ||
      !(b = pl_document_load_draft (document, new, error)))
    return NULL;
  diff = pl_diff_new (a, b);
  if (!pl_diff_attach_feedback (diff, document, error))
    return NULL;
  return g_steal_pointer (&diff);
}

char *
pl_diff_summary_text (PlDiff *self)
{
  const PlDiffSummary *s;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PL_IS_DIFF (self), NULL);
  s = &self->summary;
  if (pl_diff_is_empty (self))
    return g_strdup (_("No changes"));

#define add_part(parts, n, format) \
  G_STMT_START { \
    if ((n) > 0) \
      g_ptr_array_add ((parts), g_strdup_printf ((format), (n))); \
  } G_STMT_END

  add_part (parts, s->pillars_touched, ngettext ("%u pillar changed", "%u pillars changed", s->pillars_touched));
  add_part (parts, s->pillars_added, ngettext ("%u pillar added", "%u pillars added", s->pillars_added));
  add_part (parts, s->pillars_removed, ngettext ("%u pillar removed", "%u pillars removed", s->pillars_removed));
  add_part (parts, s->objectives_added, ngettext ("%u objective added", "%u objectives added", s->objectives_added));
  add_part (parts, s->objectives_removed, ngettext ("%u objective removed", "%u objectives removed", s->objectives_removed));
  add_part (parts, s->objectives_changed, ngettext ("%u objective changed", "%u objectives changed", s->objectives_changed));
  add_part (parts, s->objectives_moved, ngettext ("%u objective moved", "%u objectives moved", s->objectives_moved));
  add_part (parts, s->actions_added, ngettext ("%u action added", "%u actions added", s->actions_added));
  add_part (parts, s->actions_removed, ngettext ("%u action removed", "%u actions removed", s->actions_removed));
  add_part (parts, s->actions_changed, ngettext ("%u action changed", "%u actions changed", s->actions_changed));
  add_part (parts, s->actions_moved, ngettext ("%u action moved", "%u actions moved", s->actions_moved));
  if (s->sections_added + s->sections_removed + s->sections_changed + s->sections_moved +
      s->strategy_fields_changed > 0)
    g_ptr_array_add (parts, g_strdup (_("front matter changed")));
  add_part (parts, s->words_inserted, ngettext ("%u word inserted", "%u words inserted", s->words_inserted));
  if (s->words_inserted > 0)
    {
      /* Translators: words deleted, after "212 words inserted, " */
      add_part (parts, s->words_deleted, ngettext ("%u deleted", "%u deleted", s->words_deleted));
    }
  else
    add_part (parts, s->words_deleted, ngettext ("%u word deleted", "%u words deleted", s->words_deleted));
#undef add_part
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of a summary */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}
