/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-error.h"
#include "pl-merge.h"
#include "pl-stakeholder.h"
#include "pl-store-merge.h"

/*
 * Merging copies of a document into its master. Rows are matched by UUID.
 * The base of the three-way merge of a row is the state the source forked
 * from (its instance's forked_at) or, once merged, the latest change of the
 * source the master has seen: a source row changed after it is "changed
 * there"; a master row changed after it is "changed here", and then its
 * fields at that time come from the versions a merge kept when it
 * overwrote them. A field changed on both sides is a conflict unless both
 * made the same change or, for a narrative, different paragraphs changed.
 */

G_DEFINE_QUARK (pl-merge-error-quark, pl_merge_error)

typedef struct {
  const char *table;
  GPtrArray  *fields;   /* column names */
  GPtrArray  *rows;     /* PlMergeRow of the master */
  GHashTable *by_uuid;  /* uuid -> PlMergeRow (in rows) */
} MasterTable;

typedef struct {
  PlStore       *master;
  PlMergeFlags   flags;
  PlMergeReport *report;
  MasterTable    tables[PL_MERGE_N_KINDS];
  GHashTable    *added_stakeholders; /* uuids */
  gint64         token;
  char          *strategy_uuid;
  char          *now;
} Merge;

static const char *const narrative_fields[] = {
  "vision", "body", "summary", "description", "notes", "response", NULL,
};

static void
master_table_clear (MasterTable *t)
{
  g_clear_pointer (&t->fields, g_ptr_array_unref);
  g_clear_pointer (&t->by_uuid, g_hash_table_unref);
  g_clear_pointer (&t->rows, g_ptr_array_unref);
}

static void
conflict_free (PlMergeConflict *c)
{
  g_free (c->uuid);
  g_free (c->label);
  g_free (c->field);
  g_free (c->winner);
  g_free (c->other);
  g_free (c->source);
  g_free (c);
}

void
pl_merge_report_free (PlMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->fold_groups, g_ptr_array_unref);
  g_clear_pointer (&report->fold_labels, g_ptr_array_unref);
  g_clear_pointer (&report->sources, g_ptr_array_unref);
  g_free (report);
}

static int
field_index (GPtrArray  *fields,
             const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (g_ptr_array_index (fields, i), name))
      return (int) i;
  return -1;
}

static const char *
value_of (const PlMergeRow *row,
          GPtrArray        *fields,
          const char       *name)
{
  int i = field_index (fields, name);

  return i < 0 ? NULL : g_ptr_array_index (row->values, i);
}

static void
set_value (PlMergeRow *row,
           GPtrArray  *fields,
           const char *name,
           const char *value)
{
  int i = field_index (fields, name);

  if (i >= 0)
    {
      g_free (g_ptr_array_index (row->values, i));
      g_ptr_array_index (row->values, i) = g_strdup (value);
    }
}

/* What a person calls the row in a report. */
static char *
row_label (const PlMergeRow *row,
           GPtrArray        *fields)
{
  static const char *const names[] = { "title", "name", "body", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = value_of (row, fields, names[i]);

      if (value != NULL && *value != '\0')
        {
          glong len = g_utf8_strlen (value, -1);
          g_autofree char *first = g_utf8_substring (value, 0, MIN (len, 60));

          return len > 60 ? g_strconcat (first, "…", NULL) : g_steal_pointer (&first);
        }
    }
  return g_strdup (row->uuid);
}

static gboolean
load_master (Merge   *merge,
             GError **error)
{
  const char *const *tables = pl_store_merge_tables ();

  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      MasterTable *t = &merge->tables[k];

      t->table = tables[k];
      if (!(t->fields = pl_store_merge_fields (merge->master, t->table, error)) ||
          !(t->rows = pl_store_merge_load_stubs (merge->master, t->table, error)))
        return FALSE;
      t->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < t->rows->len; i++)
        {
          PlMergeRow *row = g_ptr_array_index (t->rows, i);

          g_hash_table_insert (t->by_uuid, row->uuid, row);
        }
    }
  return TRUE;
}

static PlMergeRow *
master_row (Merge      *merge,
            PlMergeKind kind,
            const char *uuid)
{
  return uuid ? g_hash_table_lookup (merge->tables[kind].by_uuid, uuid) : NULL;
}

static void
add_conflict (Merge            *merge,
              PlMergeKind       kind,
              const PlMergeRow *row,
              const char       *field,
              const char       *winner,
              const char       *other,
              const char       *source,
              gboolean          source_won)
{
  PlMergeConflict *c = g_new0 (PlMergeConflict, 1);

  c->kind = kind;
  c->uuid = g_strdup (row->uuid);
  c->label = row_label (row, merge->tables[kind].fields);
  c->field = g_strdup (field);
  c->winner = g_strdup (winner ? winner : "");
  c->other = g_strdup (other ? other : "");
  c->source = g_strdup (source);
  c->source_won = source_won;
  g_ptr_array_add (merge->report->conflicts, c);
  merge->report->counts[kind].conflicts++;
}

/* Feedback keeps its references whole: a target the master deleted or
 * does not have (another strategy's) leaves the item on the strategy,
 * marked orphaned, rather than dropping it. */
static void
fix_feedback_references (Merge      *merge,
                         PlMergeRow *row)
{
  GPtrArray *fields = merge->tables[PL_MERGE_KIND_FEEDBACK].fields;
  const char *kind = value_of (row, fields, "target_kind");
  const char *target = value_of (row, fields, "target_id");
  static const struct { const char *nick; PlMergeKind kind; } kinds[] = {
    { "strategy", PL_MERGE_KIND_STRATEGY }, { "section", PL_MERGE_KIND_SECTION },
    { "pillar", PL_MERGE_KIND_PILLAR }, { "objective", PL_MERGE_KIND_OBJECTIVE },
    { "action", PL_MERGE_KIND_ACTION },
  };
  PlMergeRow *found = NULL;
  static const struct { const char *column; PlMergeKind kind; } refs[] = {
    { "pillar_id", PL_MERGE_KIND_PILLAR }, { "workshop_id", PL_MERGE_KIND_WORKSHOP },
    { "stakeholder_id", PL_MERGE_KIND_STAKEHOLDER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].nick) == 0)
      found = master_row (merge, kinds[i].kind, target);

  if (g_strcmp0 (kind, "strategy") == 0)
    ;   /* about the whole strategy: target_id stays 0 */
  else if (found == NULL)
    {
      set_value (row, fields, "target_kind", "strategy");
      set_value (row, fields, "target_id", NULL);
      set_value (row, fields, "orphaned", "1");
      merge->report->counts[PL_MERGE_KIND_FEEDBACK].orphaned++;
    }
  else if (found->deleted != 0)
    {
      set_value (row, fields, "orphaned", "1");
      merge->report->counts[PL_MERGE_KIND_FEEDBACK].orphaned++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (master_row (merge, refs[i].kind, value_of (row, fields, refs[i].column)) == NULL)
      set_value (row, fields, refs[i].column, NULL);
}

static gboolean
store_row (Merge       *merge,
           PlMergeKind  kind,
           PlMergeRow  *row,
           gboolean     insert,
           GError     **error)
{
  MasterTable *t = &merge->tables[kind];

  if (!pl_store_merge_write (merge->master, t->table, row, insert, error))
    return FALSE;
  if (insert)
    {
      g_ptr_array_add (t->rows, row);
      g_hash_table_insert (t->by_uuid, row->uuid, row);
    }
  return TRUE;
}

/* Merges the source row @theirs into the master row @ours (both present).
 * Returns the merged row to write, or NULL when nothing changes. */
static PlMergeRow *
merge_row (Merge            *merge,
           PlMergeKind       kind,
           PlMergeRow       *ours,
           const PlMergeRow *theirs,
           const char       *base_time,
           PlStore          *source_store,
           const char       *source,
           GError          **error)
{
  MasterTable *t = &merge->tables[kind];
  gboolean ours_changed = g_strcmp0 (ours->updated_at, base_time) > 0;
  gboolean theirs_newer = g_strcmp0 (theirs->updated_at, ours->updated_at) > 0;
  g_autoptr(PlMergeRow) base = NULL;
  g_autoptr(PlMergeRow) merged = pl_merge_row_copy (ours);
  gboolean changed = FALSE;
  const PlMergeRow *b;

  if (!ours_changed)
    b = ours;
  else
    {
      GError *local = NULL;

      base = pl_store_merge_find_version (merge->master, ours->uuid, base_time, &local);
      /* Not overwritten by an earlier merge here: the copy kept the row as
       * it was when it was made, before its first change to it. */
      if (base == NULL && local == NULL)
        base = pl_store_merge_find_version (source_store, ours->uuid, base_time, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      b = base;
    }

  /* Deleted on one side, changed on the other: the row stays. */
  if ((theirs->deleted != 0) != (ours->deleted != 0))
    {
      if (theirs->deleted != 0 && !ours_changed)
        {
          merged->deleted = merge->token;
          merge->report->counts[kind].deleted++;
          changed = TRUE;
        }
      else if (theirs->deleted != 0)
        add_conflict (merge, kind, ours, "deleted", _("kept (changed here)"),
                      _("deleted"), source, FALSE);
      else
        {
          add_conflict (merge, kind, ours, "deleted", _("kept (changed there)"),
                        _("deleted"), source, TRUE);
          merged->deleted = 0;
          changed = TRUE;
        }
    }

  for (guint i = 0; i < t->fields->len; i++)
    {
      const char *field = g_ptr_array_index (t->fields, i);
      const char *o = g_ptr_array_index (ours->values, i);
      const char *th = g_ptr_array_index (theirs->values, i);
      const char *bv = b ? g_ptr_array_index (b->values, i) : NULL;
      const char *take = NULL;

      if (g_strcmp0 (o, th) == 0)
        continue;
      if (b != NULL && g_strcmp0 (th, bv) == 0)
        continue;                     /* changed here only */
      if (b != NULL && g_strcmp0 (o, bv) == 0)
        take = th;                    /* changed there only */
      else if (g_strv_contains (narrative_fields, field) && b != NULL)
        {
          g_autofree char *para = pl_merge_paragraphs (bv, o, th);

          if (para != NULL)
            {
              g_free (g_ptr_array_index (merged->values, i));
              g_ptr_array_index (merged->values, i) = g_steal_pointer (&para);
              changed = TRUE;
              continue;
            }
        }
      if (take == NULL)
        {
          /* Changed on both sides: the newer edit wins, the other is kept in
           * the report. */
          if (theirs_newer)
            take = th;
          add_conflict (merge, kind, ours, field, theirs_newer ? th : o,
                        theirs_newer ? o : th, source, theirs_newer);
          if (take == NULL)
            continue;
        }
      g_free (g_ptr_array_index (merged->values, i));
      g_ptr_array_index (merged->values, i) = g_strdup (take);
      changed = TRUE;
    }

  if (!changed)
    return NULL;
  if (theirs_newer)
    {
      g_free (merged->updated_at);
      merged->updated_at = g_strdup (theirs->updated_at);
    }
  return g_steal_pointer (&merged);
}

static gboolean
merge_table (Merge       *merge,
             PlMergeKind  kind,
             PlStore     *source,
             const char  *base_time,
             const char  *source_name,
             GError     **error)
{
  MasterTable *t = &merge->tables[kind];
  g_autoptr(GPtrArray) source_fields = pl_store_merge_fields (source, t->table, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree int *map = NULL;
  PlMergeCounts *counts = &merge->report->counts[kind];

  guint skipped = 0;

  if (source_fields == NULL ||
      !(rows = pl_store_merge_load_changed (source, t->table, base_time, t->by_uuid, &skipped, error)))
    return FALSE;
  counts->unchanged += skipped;
  /* The source may be at an older format: its columns map onto ours, a
   * column it lacks keeps the master's value (or the default). */
  map = g_new (int, t->fields->len);
  for (guint i = 0; i < t->fields->len; i++)
    map[i] = field_index (source_fields, g_ptr_array_index (t->fields, i));

  for (guint r = 0; r < rows->len; r++)
    {
      PlMergeRow *src = g_ptr_array_index (rows, r);
      PlMergeRow *ours = master_row (merge, kind, src->uuid);
      g_autoptr(PlMergeRow) theirs = pl_merge_row_copy (src);

      g_ptr_array_set_size (theirs->values, 0);
      for (guint i = 0; i < t->fields->len; i++)
        {
          const char *v = map[i] >= 0 ? g_ptr_array_index (src->values, map[i])
                        : ours && ours->values ? g_ptr_array_index (ours->values, i) : NULL;

          g_ptr_array_add (theirs->values, g_strdup (v));
        }

      if (ours == NULL)
        {
          if (theirs->deleted != 0)
            continue;   /* made and deleted there: nothing to bring */
          if (kind == PL_MERGE_KIND_STRATEGY)
            continue;   /* one strategy per file: only its fields merge */
          if (kind == PL_MERGE_KIND_FEEDBACK)
            fix_feedback_references (merge, theirs);
          else if ((kind == PL_MERGE_KIND_OBJECTIVE &&
                    !master_row (merge, PL_MERGE_KIND_PILLAR, value_of (theirs, t->fields, "pillar_id"))) ||
                   (kind == PL_MERGE_KIND_ACTION &&
                    !master_row (merge, PL_MERGE_KIND_OBJECTIVE, value_of (theirs, t->fields, "objective_id"))))
            continue;   /* its parent is gone there too (a damaged source) */
          if (!store_row (merge, kind, theirs, TRUE, error))
            return FALSE;
          if (kind == PL_MERGE_KIND_STAKEHOLDER)
            g_hash_table_add (merge->added_stakeholders, theirs->uuid);
          theirs = NULL;  /* owned by the master table now */
          counts->added++;
          continue;
        }

      if (g_strcmp0 (theirs->updated_at, base_time) <= 0 ||
          g_strcmp0 (theirs->updated_at, ours->updated_at) == 0)
        {
          counts->unchanged++;
          continue;
        }

      {
        guint conflicts_before = counts->conflicts;
        g_autoptr(PlMergeRow) merged = NULL;
        GError *local = NULL;

        if (kind == PL_MERGE_KIND_FEEDBACK)
          fix_feedback_references (merge, theirs);
        /* Master rows are read in full only when a source changed them. */
        if (!pl_store_merge_fill_stub (merge->master, t->table, ours, error))
          return FALSE;
        merged = merge_row (merge, kind, ours, theirs, base_time, source, source_name, &local);
        if (local != NULL)
          {
            g_propagate_error (error, local);
            return FALSE;
          }
        if (merged == NULL)
          {
            if (counts->conflicts == conflicts_before)
              counts->unchanged++;
            continue;
          }
        /* The master's fields before this merge: the base of a later merge
         * from a copy that forked before now. */
        if (!pl_store_merge_keep_version (merge->master, ours, error) ||
            !pl_store_merge_write (merge->master, t->table, merged, FALSE, error))
          return FALSE;
        if (!(merged->deleted != 0 && ours->deleted == 0))
          counts->updated++;
        g_free (ours->updated_at);
        ours->updated_at = g_strdup (merged->updated_at);
        ours->deleted = merged->deleted;
        g_ptr_array_unref (ours->values);
        ours->values = g_ptr_array_ref (merged->values);
      }
    }
  return TRUE;
}

static char *
fold_key (const char *name,
          const char *organisation)
{
  g_autofree char *joined = g_strconcat (name ? name : "", "\x1f", organisation ? organisation : "", NULL);
  g_autofree char *decomposed = g_utf8_normalize (joined, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (plain, g_unichar_isspace (c) ? ' ' : c);
    }
  stripped = g_strstrip (g_string_free (g_steal_pointer (&plain), FALSE));
  return g_utf8_casefold (stripped, -1);
}

static gint
by_created (gconstpointer a,
            gconstpointer b)
{
  const PlMergeRow *ra = *(PlMergeRow **) a, *rb = *(PlMergeRow **) b;
  int c = g_strcmp0 (ra->created_at, rb->created_at);

  return c != 0 ? c : g_strcmp0 (ra->uuid, rb->uuid);
}

/* Stakeholders of the same name and organisation (case and accents
 * aside), one of them new from this merge: offered for folding, and
 * folded into the oldest one when asked. */
static gboolean
find_duplicates (Merge   *merge,
                 GError **error)
{
  MasterTable *t = &merge->tables[PL_MERGE_KIND_STAKEHOLDER];
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GList) keys = NULL;

  if (g_hash_table_size (merge->added_stakeholders) == 0)
    return TRUE;
  for (guint i = 0; i < t->rows->len; i++)
    {
      PlMergeRow *row = g_ptr_array_index (t->rows, i);
      char *key;
      GPtrArray *group;

      if (row->deleted != 0)
        continue;
      if (!pl_store_merge_fill_stub (merge->master, t->table, row, error))
        return FALSE;
      key = fold_key (value_of (row, t->fields, "name"), value_of (row, t->fields, "organisation"));
      if (!(group = g_hash_table_lookup (groups, key)))
        g_hash_table_insert (groups, g_strdup (key), (group = g_ptr_array_new ()));
      g_ptr_array_add (group, row);
      g_free (key);
    }

  keys = g_list_sort (g_hash_table_get_keys (groups), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l; l = l->next)
    {
      GPtrArray *group = g_hash_table_lookup (groups, l->data);
      gboolean has_new = FALSE;
      g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();

      for (guint i = 0; i < group->len; i++)
        has_new |= g_hash_table_contains (merge->added_stakeholders,
                                          ((PlMergeRow *) g_ptr_array_index (group, i))->uuid);
      if (group->len < 2 || !has_new)
        continue;
      g_ptr_array_sort (group, by_created);
      for (guint i = 0; i < group->len; i++)
        g_strv_builder_add (uuids, ((PlMergeRow *) g_ptr_array_index (group, i))->uuid);
      g_ptr_array_add (merge->report->fold_groups, g_strv_builder_end (uuids));
      {
        PlMergeRow *first = g_ptr_array_index (group, 0);
        const char *org = value_of (first, t->fields, "organisation");

        g_ptr_array_add (merge->report->fold_labels,
                         org && *org ? g_strdup_printf ("%s, %s", value_of (first, t->fields, "name"), org)
                                     : g_strdup (value_of (first, t->fields, "name")));
      }

      if (!(merge->flags & PL_MERGE_FOLD_DUPLICATES))
        continue;
      for (guint i = 1; i < group->len; i++)
        {
          PlMergeRow *dup = g_ptr_array_index (group, i);
          PlMergeRow *kept = g_ptr_array_index (group, 0);
          gint64 from = pl_store_find_id_by_uuid (merge->master, PL_TYPE_STAKEHOLDER, dup->uuid);
          gint64 to = pl_store_find_id_by_uuid (merge->master, PL_TYPE_STAKEHOLDER, kept->uuid);

          if (!pl_store_reassign_feedback (merge->master, from, to, merge->now, error))
            return FALSE;
          dup->deleted = merge->token;
          g_free (dup->updated_at);
          dup->updated_at = g_strdup (merge->now);
          if (!pl_store_merge_write (merge->master, t->table, dup, FALSE, error))
            return FALSE;
          merge->report->counts[PL_MERGE_KIND_STAKEHOLDER].folded++;
        }
      merge->report->folded = TRUE;
    }
  return TRUE;
}

typedef struct {
  PlMergeCounts counts[PL_MERGE_N_KINDS];
} Before;

static void
snapshot_counts (Merge  *merge,
                 Before *before)
{
  memcpy (before->counts, merge->report->counts, sizeof before->counts);
}

static gboolean
source_changed_anything (Merge  *merge,
                         Before *before)
{
  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      const PlMergeCounts *now = &merge->report->counts[k], *then = &before->counts[k];

      if (now->added != then->added || now->updated != then->updated ||
          now->deleted != then->deleted || now->conflicts != then->conflicts)
        return TRUE;
    }
  return FALSE;
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static gboolean
merge_source (Merge       *merge,
              const char  *master_path,
              const char  *path,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  g_autoptr(PlStore) source = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(PlFileInstance) mine = { 0 };
  g_auto(PlFileInstance) theirs = { 0 };
  g_autofree char *strategy = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *latest = NULL;
  const char *base_time;
  gboolean other_strategy;
  Before before;
  GStatBuf a, b;

  if (master_path != NULL && g_stat (master_path, &a) == 0 && g_stat (path, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_SAME_FILE,
                   _("“%s” is the document being merged into: there is nothing to merge. "
                     "Choose the copies made on other computers."), name);
      return FALSE;
    }

  if (!(source = pl_store_open (path, FALSE, TRUE, &local)))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_SOURCE,
                   _("Could not merge “%s”: %s"), name, local->message);
      return FALSE;
    }
  if (!pl_store_begin_read (source, &local) ||
      !pl_store_get_instance (merge->master, &mine, &local) ||
      !pl_store_get_instance (source, &theirs, &local))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_SOURCE,
                   _("Could not merge “%s”: %s"), name, local->message);
      return FALSE;
    }

  if (*theirs.uuid != '\0' && g_str_equal (theirs.uuid, mine.uuid))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_UNCHANGED_COPY,
                   _("“%s” is a copy of this document with no changes of its own: there is "
                     "nothing to merge from it."), name);
      return FALSE;
    }

  strategy = pl_store_merge_strategy_uuid (source);
  other_strategy = !g_str_equal (strategy, merge->strategy_uuid);
  if (other_strategy && !(merge->flags & PL_MERGE_OTHER_STRATEGY))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_OTHER_STRATEGY,
                   _("“%s” is a copy of another strategy. To bring in only its workshops, "
                     "stakeholders and feedback, merge with --other-strategy."), name);
      return FALSE;
    }

  snapshot_counts (merge, &before);
  seen = *theirs.uuid ? pl_store_merge_get_seen (merge->master, theirs.uuid) : NULL;
  base_time = g_strcmp0 (seen, theirs.forked_at) > 0 ? seen : theirs.forked_at;

  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      if (other_strategy && k != PL_MERGE_KIND_WORKSHOP && k != PL_MERGE_KIND_STAKEHOLDER &&
          k != PL_MERGE_KIND_FEEDBACK)
        continue;
      if (!merge_table (merge, k, source, base_time, name, &local))
        {
          /* A failing write is the master's problem, not the source's. */
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }

  latest = pl_store_merge_latest_change (source);
  if (!source_changed_anything (merge, &before) &&
      (*theirs.uuid == '\0' || g_str_equal (theirs.uuid, mine.uuid) || g_str_equal (theirs.uuid, mine.origin)))
    {
      /* A copy never written at its new place ("Save a Copy", or a file
       * copied and not used): it is the master as it was. */
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_UNCHANGED_COPY,
                   _("“%s” is a copy of this document with no changes of its own: there is "
                     "nothing to merge from it."), name);
      return FALSE;
    }
  if (*theirs.uuid != '\0' &&
      !pl_store_merge_set_seen (merge->master, theirs.uuid, latest, merge->now, error))
    return FALSE;
  pl_store_commit (source, NULL);
  g_ptr_array_add (merge->report->sources, g_steal_pointer (&name));
  return TRUE;
}

PlMergeReport *
pl_merge_into_store (PlStore            *master,
                     const char         *master_path,
                     const char *const  *sources,
                     PlMergeFlags        flags,
                     GError            **error)
{
  g_autoptr(PlMergeReport) report = g_new0 (PlMergeReport, 1);
  Merge merge = { 0 };
  gboolean ok;

  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  report->fold_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  report->fold_labels = g_ptr_array_new_with_free_func (g_free);
  report->sources = g_ptr_array_new_with_free_func (g_free);
  report->dry_run = (flags & PL_MERGE_DRY_RUN) != 0;

  merge.master = master;
  merge.flags = flags;
  merge.report = report;
  merge.added_stakeholders = g_hash_table_new (g_str_hash, g_str_equal);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    merge.now = g_date_time_format_iso8601 (now);
  }

  /* One transaction for every source: all of them or none. */
  ok = pl_store_begin (master, error);
  if (ok)
    {
      merge.token = pl_store_merge_new_token (master);
      merge.strategy_uuid = pl_store_merge_strategy_uuid (master);
      ok = load_master (&merge, error);
      for (guint i = 0; ok && sources[i] != NULL; i++)
        ok = merge_source (&merge, master_path, sources[i], error);
      if (ok)
        ok = find_duplicates (&merge, error);
      if (ok && !report->dry_run)
        ok = pl_store_commit (master, error);
      else
        pl_store_rollback (master);
    }

  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    master_table_clear (&merge.tables[k]);
  g_hash_table_unref (merge.added_stakeholders);
  g_free (merge.strategy_uuid);
  g_free (merge.now);
  return ok ? g_steal_pointer (&report) : NULL;
}

PlMergeReport *
pl_merge_files (const char         *master_path,
                const char *const  *sources,
                PlMergeFlags        flags,
                GError            **error)
{
  g_autoptr(PlStore) master = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = display_name (master_path);

  if (!(master = pl_store_open (master_path, FALSE, FALSE, &local)))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_MASTER,
                   _("Could not merge into “%s”: %s"), name, local->message);
      return NULL;
    }
  if (pl_store_is_read_only (master))
    {
      g_set_error (error, PL_MERGE_ERROR, PL_MERGE_ERROR_MASTER,
                   _("Could not merge into “%s”: %s"), name,
                   pl_store_get_read_only_reason (master));
      return NULL;
    }
  return pl_merge_into_store (master, master_path, sources, flags, error);
}
