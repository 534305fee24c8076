/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-demo.h"
#include "pl-diff.h"
#include "pl-document-snapshots.h"
#include "pl-store.h"
#include "pl-test-util.h"

/* Snapshots of a document: taking, restoring (and undoing that), renaming
 * and deleting, the automatic snapshot on a status change, bad labels. */

typedef struct {
  char       *dir;
  char       *path;
  PlDocument *doc;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->path = pl_test_path (f->dir, "demo.pillars");
  f->doc = pl_demo_create (f->path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->doc);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Every field of every row of two drafts, as one text to compare. */
static char *
draft_dump (PlDraft *draft)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *pillars = pl_draft_get_pillars (draft);

  g_ptr_array_add (rows, pl_draft_get_strategy (draft));
  for (guint i = 0; i < pl_draft_get_sections (draft)->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (pl_draft_get_sections (draft), i));
  for (guint i = 0; i < pillars->len; i++)
    {
      PlRecord *p = g_ptr_array_index (pillars, i);
      GPtrArray *objectives = pl_draft_get_objectives (draft, pl_record_get_uuid (p));

      g_ptr_array_add (rows, p);
      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *o = g_ptr_array_index (objectives, j);
          GPtrArray *actions = pl_draft_get_actions (draft, pl_record_get_uuid (o));

          g_ptr_array_add (rows, o);
          for (guint k = 0; k < actions->len; k++)
            g_ptr_array_add (rows, g_ptr_array_index (actions, k));
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      guint n = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (row), &n);

      g_string_append_printf (out, "%s %s\n", G_OBJECT_TYPE_NAME (row), pl_record_get_uuid (PL_RECORD (row)));
      for (guint j = 0; j < n; j++)
        {
          g_auto(GValue) v = G_VALUE_INIT;
          g_autofree char *s = NULL;

          /* Parent ids are row ids: the tree already says where a row hangs. */
          if (g_str_has_suffix (pspecs[j]->name, "-id") || pspecs[j]->owner_type != G_OBJECT_TYPE (row))
            continue;
          g_value_init (&v, pspecs[j]->value_type);
          g_object_get_property (row, pspecs[j]->name, &v);
          s = g_strdup_value_contents (&v);
          g_string_append_printf (out, "  %s = %s\n", pspecs[j]->name, s);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
current_dump (PlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDraft) draft = pl_document_load_draft (doc, NULL, &error);

  g_assert_no_error (error);
  return draft_dump (draft);
}

static PlRecord *
nth (GListModel *model,
     guint       i)
{
  return g_list_model_get_item (model, i);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_snapshots = g_list_model_get_n_items (pl_document_get_snapshots (f->doc));
  g_autofree char *before = current_dump (f->doc);
  g_autofree char *edited = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(PlSnapshot) snap = pl_document_take_snapshot (f->doc, "v0.3 — as presented at the national validation workshop, Kingston", &error);
  g_autoptr(PlSnapshot) undo = NULL;
  g_autoptr(PlPillar) pillar = PL_PILLAR (nth (pl_document_get_pillars (f->doc), 0));
  g_autoptr(PlPillar) second = PL_PILLAR (nth (pl_document_get_pillars (f->doc), 1));
  g_autoptr(PlObjective) objective = PL_OBJECTIVE (nth (pl_document_get_objectives (f->doc, pillar), 0));
  g_autoptr(PlAction) action = PL_ACTION (nth (pl_document_get_actions (f->doc, objective), 0));
  g_autoptr(PlRecord) added = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (snap);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_snapshots (f->doc)), ==, n_snapshots + 1);
  g_assert_cmpint (pl_snapshot_get_format (snap), ==, 1);
  g_assert_cmpstr (pl_snapshot_get_root (snap), !=, "");

  /* Edits of every kind: a field, a narrative, a move, an addition, a deletion. */
  g_assert_true (pl_record_set (PL_RECORD (action), &error, "lead-agency", "National CSIRT", "priority", PL_PRIORITY_LOW, NULL));
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "title", "Renamed pillar", "body", "A new text.", NULL));
  g_assert_true (pl_document_move (f->doc, PL_RECORD (second), 0, &error));
  added = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), 0, &error, "title", "A new objective", NULL);
  g_assert_nonnull (added);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (objective), &error));
  g_assert_no_error (error);
  edited = current_dump (f->doc);
  g_assert_cmpstr (edited, !=, before);

  undo = pl_document_restore_snapshot (f->doc, snap, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_true (pl_snapshot_get_automatic (undo));
  restored = current_dump (f->doc);
  g_assert_cmpstr (restored, ==, before);
  /* The records in memory show the restored rows. */
  g_assert_cmpstr (pl_action_get_lead_agency (action), !=, "National CSIRT");
  g_assert_false (pl_record_is_deleted (PL_RECORD (objective)));
  g_assert_true (pl_record_is_deleted (added));
  {
    g_autoptr(PlPillar) first = PL_PILLAR (nth (pl_document_get_pillars (f->doc), 0));

    g_assert_true (first == pillar);
  }

  /* Undo: restore the snapshot taken before. */
  {
    g_autoptr(PlSnapshot) again = pl_document_restore_snapshot (f->doc, undo, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
  undone = current_dump (f->doc);
  g_assert_cmpstr (undone, ==, edited);

  /* And it all survives closing and opening the file. */
  pl_document_close (f->doc);
  g_clear_object (&f->doc);
  f->doc = pl_document_open (f->path, 0, &error);
  g_assert_no_error (error);
  {
    g_autofree char *reopened = current_dump (f->doc);

    g_assert_cmpstr (reopened, ==, edited);
  }
}

static void
test_diff_smoke (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSnapshot) snap = pl_document_take_snapshot (f->doc, "Workshop", &error);
  g_autoptr(PlPillar) pillar = PL_PILLAR (nth (pl_document_get_pillars (f->doc), 0));
  g_autoptr(PlObjective) objective = PL_OBJECTIVE (nth (pl_document_get_objectives (f->doc, pillar), 0));
  g_autoptr(PlAction) action = PL_ACTION (nth (pl_document_get_actions (f->doc, objective), 0));
  g_autoptr(PlDiff) diff = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  PlDiffEntry *entry;

  g_assert_true (pl_record_set (PL_RECORD (action), &error, "lead-agency", "National CSIRT", NULL));
  {
    g_autoptr(PlRecord) added = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                                                 "title", "Cyber skills in schools", NULL);

    g_assert_no_error (error);
  }
  diff = pl_diff_compare (f->doc, snap, NULL, &error);
  g_assert_no_error (error);
  entry = pl_diff_lookup (diff, pl_record_get_uuid (PL_RECORD (action)));
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->change, ==, PL_DIFF_CHANGED);
  g_assert_cmpuint (entry->fields->len, ==, 1);
  g_assert_cmpstr (((PlDiffField *) g_ptr_array_index (entry->fields, 0))->new_text, ==, "National CSIRT");
  text = pl_diff_to_text (diff);
  summary = pl_diff_summary_text (diff);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "→ National CSIRT"));
  g_assert_cmpstr (summary, ==, "1 pillar changed, 1 objective added, 1 action changed, 6 words inserted, 3 deleted");
}


static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->doc != NULL)
    pl_document_close (f->doc);
  g_clear_object (&f->doc);
  f->doc = pl_document_open (f->path, 0, &error);
  g_assert_no_error (error);
}

static guint
n_snapshots (PlDocument *doc)
{
  return g_list_model_get_n_items (pl_document_get_snapshots (doc));
}

/* A new lifecycle status keeps the draft as it enters it. */
static void
test_automatic_on_status (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlStrategy *strategy = pl_document_get_strategy (f->doc);
  guint before = n_snapshots (f->doc);
  g_autoptr(PlSnapshot) last = NULL;

  g_assert_true (pl_record_set (PL_RECORD (strategy), &error, "status", (int) PL_LIFECYCLE_INTERNAL_REVIEW, NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (f->doc), ==, before + 1);
  last = g_list_model_get_item (pl_document_get_snapshots (f->doc), before);
  g_assert_cmpstr (pl_snapshot_get_name (last), ==, "Entered internal review");
  g_assert_true (pl_snapshot_get_automatic (last));
  g_assert_cmpint (pl_snapshot_get_status (last), ==, PL_LIFECYCLE_INTERNAL_REVIEW);
  /* Other fields of the strategy take none. */
  g_assert_true (pl_record_set (PL_RECORD (strategy), &error, "title", "A new title", NULL));
  g_assert_true (pl_record_set (PL_RECORD (strategy), &error, "status", (int) PL_LIFECYCLE_INTERNAL_REVIEW, NULL));
  g_assert_cmpuint (n_snapshots (f->doc), ==, before + 1);
  /* The snapshot holds the draft: its title then. */
  {
    g_autoptr(PlDraft) draft = pl_document_load_draft (f->doc, last, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pl_strategy_get_title (pl_draft_get_strategy (draft)), !=, "A new title");
  }
}

static void
test_rename_delete_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSnapshot) s = pl_document_take_snapshot (f->doc, "  v0.3  ", &error);
  guint n = n_snapshots (f->doc);

  g_assert_no_error (error);
  g_assert_cmpstr (pl_snapshot_get_name (s), ==, "v0.3");
  g_assert_true (pl_document_rename_snapshot (f->doc, s, "v0.3 — as presented in Kingston", &error));
  g_assert_cmpstr (pl_snapshot_get_name (s), ==, "v0.3 — as presented in Kingston");
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (s), &error));
  g_assert_cmpuint (n_snapshots (f->doc), ==, n - 1);
  g_assert_true (pl_document_undelete (f->doc, PL_RECORD (s), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (f->doc), ==, n);
  reopen (f);
  {
    g_autoptr(PlSnapshot) found = pl_document_find_snapshot (f->doc, "v0.3 — as presented in Kingston", &error);
    g_autoptr(PlDraft) draft = NULL;

    g_assert_no_error (error);
    draft = pl_document_load_draft (f->doc, found, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pl_draft_get_pillars (draft)->len, ==, 5);
  }
}

/* Bad labels: a clear message, and nothing taken or renamed. */
static void
test_bad_labels (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSnapshot) s = pl_document_take_snapshot (f->doc, "Good", &error);
  guint n = n_snapshots (f->doc);
  char *huge = g_malloc (10 * 1024 * 1024 + 1);
  const char *bad[] = { "", "   ", "bad \xff\xfe utf-8", huge };

  memset (huge, 'x', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PlSnapshot) none = pl_document_take_snapshot (f->doc, bad[i], &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_assert_true (error->code == PL_DOCUMENT_ERROR_INVALID_VALUE || error->code == PL_DOCUMENT_ERROR_INVALID_TEXT);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_false (pl_document_rename_snapshot (f->doc, s, bad[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_cmpuint (n_snapshots (f->doc), ==, n);
  g_assert_cmpstr (pl_snapshot_get_name (s), ==, "Good");
  g_free (huge);
}

/* A damaged copy, or one of a newer format: comparing and restoring say
 * so, and change nothing. */
static void
test_damaged_and_newer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSnapshot) s = pl_document_take_snapshot (f->doc, "To damage", &error);
  g_autofree char *uuid = g_strdup (pl_record_get_uuid (PL_RECORD (s)));
  g_autofree char *before = NULL;
  guint n;

  g_assert_no_error (error);
  g_clear_object (&s);
  pl_document_close (f->doc);
  g_clear_object (&f->doc);
  /* One byte of one row changed: it no longer matches its hash. */
  g_assert_true (pl_test_sqlite_exec_file (f->path,
    "UPDATE snapshot_objects SET data = CAST (replace (CAST (data AS TEXT), 'Capacity', 'Kapacity') AS BLOB) "
    "WHERE CAST (data AS TEXT) LIKE 'PLROW1%' AND instr (CAST (data AS TEXT), 'Capacity') > 0"));
  reopen (f);
  before = current_dump (f->doc);
  n = n_snapshots (f->doc);
  s = pl_document_find_snapshot (f->doc, uuid, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlSnapshot) undo = pl_document_restore_snapshot (f->doc, s, &error);
    g_autoptr(PlDiff) diff = NULL;

    g_assert_null (undo);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "To damage"));
    g_clear_error (&error);
    diff = pl_diff_compare (f->doc, s, NULL, &error);
    g_assert_null (diff);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  {
    g_autofree char *after = current_dump (f->doc);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (n_snapshots (f->doc), ==, n);
  }

  /* A copy written by a newer Pillars. */
  g_clear_object (&s);
  s = pl_document_take_snapshot (f->doc, "From the future", &error);
  g_assert_true (pl_record_set (PL_RECORD (s), &error, "format", (gint64) 99, NULL));
  g_assert_no_error (error);
  n = n_snapshots (f->doc);
  {
    g_autoptr(PlSnapshot) undo = pl_document_restore_snapshot (f->doc, s, &error);

    g_assert_null (undo);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_TOO_NEW);
    g_assert_nonnull (strstr (error->message, "newer version"));
    g_clear_error (&error);
  }
  {
    g_autofree char *after = current_dump (f->doc);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (n_snapshots (f->doc), ==, n);
  }
}

/* Twenty snapshots of a draft that changes a little between them cost
 * one full copy and about what changed, not twenty copies. */
static void
test_storage_bound (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pillars = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 full, changed = 0, growth;
  GString *body = g_string_new (NULL);

  /* A bigger draft: 8 pillars of 40 paragraphs, 8 x 6 objectives of 8 actions. */
  for (guint p = 0; p < 40; p++)
    g_string_append_printf (body, "Paragraph %u of the narrative, long enough to be like a real one: the ministry "
                            "will train people already in post, build a pipeline from school to university and "
                            "use regional programmes wherever one exists.\n\n", p);
  g_assert_true (pl_document_begin (f->doc, &error));
  for (guint p = 0; p < 8; p++)
    {
      g_autofree char *title = g_strdup_printf ("Pillar %u", p);
      PlRecord *pillar = pl_document_add (f->doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", title, "body", body->str, NULL);

      g_ptr_array_add (pillars, pillar);
      for (guint o = 0; o < 6; o++)
        {
          g_autoptr(PlRecord) objective = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, pillar, -1, &error,
                                                            "title", "An objective", "description", "What it is for.", NULL);

          for (guint a = 0; a < 8; a++)
            g_ptr_array_add (actions, pl_document_add (f->doc, PL_TYPE_ACTION, objective, -1, &error,
                                                       "title", "An action of the plan", "lead-agency", "Ministry of ICT",
                                                       "indicator", "Something measurable", NULL));
        }
    }
  g_assert_true (pl_document_commit (f->doc, &error));
  g_assert_no_error (error);

  {
    g_autoptr(PlSnapshot) first = pl_document_take_snapshot (f->doc, "Snapshot 1", &error);
    g_assert_no_error (error);
  }
  full = pl_document_snapshots_size (f->doc);
  for (guint i = 2; i <= 20; i++)
    {
      g_autofree char *label = g_strdup_printf ("Snapshot %u", i);
      g_autoptr(PlSnapshot) s = NULL;

      /* Five scattered edits: four actions and one paragraph of a narrative. */
      for (guint k = 0; k < 4; k++)
        {
          PlRecord *a = g_ptr_array_index (actions, (i * 37 + k * 101) % actions->len);
          g_autofree char *lead = g_strdup_printf ("Agency %u-%u", i, k);

          g_assert_true (pl_record_set (a, &error, "lead-agency", lead, NULL));
          changed += strlen (pl_record_get_string (a, "title")) + strlen (lead) +
                     strlen (pl_record_get_string (a, "indicator")) + 100;
        }
      {
        PlRecord *p = g_ptr_array_index (pillars, i % pillars->len);
        g_autofree char *text = g_strdup (pl_record_get_string (p, "body"));
        g_autofree char *edited = NULL;
        g_autofree char *needle = g_strdup_printf ("Paragraph %u of", i);
        char *at = strstr (text, needle);

        g_assert_nonnull (at);
        if (at != NULL)
          at[0] = 'p';
        edited = g_strdup (text);
        g_assert_true (pl_record_set (p, &error, "body", edited, NULL));
        changed += 300;  /* the paragraph that changed */
      }
      s = pl_document_take_snapshot (f->doc, label, &error);
      g_assert_no_error (error);
    }
  growth = pl_document_snapshots_size (f->doc) - full;
  g_test_message ("one copy %" G_GINT64_FORMAT " bytes, 19 more snapshots %" G_GINT64_FORMAT
                  " bytes, changed %" G_GINT64_FORMAT, full, growth, changed);
  g_assert_cmpint (growth, <=, 20 * changed);
  g_assert_cmpint (full + growth, <, 3 * full);
  g_string_free (body, TRUE);
}

/* A file of format 2 opens and is upgraded; its old snapshot rows are
 * listed and say they hold no copy; new snapshots work. */
static void
test_migrate_from_2 (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "v2.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  {
    g_autoptr(PlStore) store = pl_store_create_at_version (path, 2, &error);

    g_assert_no_error (error);
    g_assert_true (pl_store_exec_for_test (store,
      "INSERT INTO strategy (uuid, created_at, updated_at, title) VALUES "
      "  ('a0000000-0000-4000-8000-000000000001', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z', 'Old strategy'); "
      "INSERT INTO pillars (uuid, created_at, updated_at, title, body) VALUES "
      "  ('a0000000-0000-4000-8000-000000000002', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z', 'Old pillar', 'Text.'); "
      "INSERT INTO snapshots (uuid, created_at, updated_at, name, content) VALUES "
      "  ('a0000000-0000-4000-8000-000000000003', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z', 'Old snapshot', '# Draft'); ",
      &error));
    g_assert_no_error (error);
    g_assert_true (pl_store_checkpoint (store, &error));
  }
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (doc), ==, 1);
  {
    g_autoptr(PlSnapshot) old = g_list_model_get_item (pl_document_get_snapshots (doc), 0);
    g_autoptr(PlDraft) none = pl_document_load_draft (doc, old, &error);
    g_autoptr(PlSnapshot) fresh = NULL;
    g_autoptr(PlDiff) diff = NULL;

    g_assert_null (none);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
    g_assert_nonnull (strstr (error->message, "Old snapshot"));
    g_clear_error (&error);
    g_assert_cmpstr (pl_snapshot_get_content (old), ==, "# Draft");
    fresh = pl_document_take_snapshot (doc, "After the upgrade", &error);
    g_assert_no_error (error);
    g_assert_cmpint (pl_document_get_schema_version (doc), ==, PL_SCHEMA_VERSION);
    diff = pl_diff_compare (doc, fresh, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (pl_diff_is_empty (diff));
  }
  pl_document_close (doc);
  pl_test_rmdir_recursive (dir);
}

/* A build that knows format 2 only refuses a file of this format with its
 * "newer version" message, and leaves it as it was. */
static void
test_older_build_refuses (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "v3.pillars", PL_TEMPLATE_STANDARD);
  g_autofree char *path = g_strdup (pl_document_get_path (doc));
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(PlDocument) refused = NULL;

  {
    g_autoptr(PlSnapshot) s = pl_document_take_snapshot (doc, "v1", &error);

    g_assert_nonnull (s);
  }
  pl_document_close (doc);
  before = pl_test_read_bytes (path);
  pl_store_set_understood_version_for_test (2);
  refused = pl_document_open (path, 0, &error);
  pl_store_set_understood_version_for_test (PL_SCHEMA_VERSION);
  g_assert_null (refused);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_TOO_NEW);
  {
    g_autofree char *expected =
      g_strdup_printf ("newer version of Pillars (document format %d; this version understands up to 2)",
                       PL_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, expected));
  }
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/snapshots/round-trip", Fixture, NULL, set_up, test_round_trip, tear_down);
  g_test_add ("/snapshots/diff-smoke", Fixture, NULL, set_up, test_diff_smoke, tear_down);
  g_test_add ("/snapshots/automatic-on-status", Fixture, NULL, set_up, test_automatic_on_status, tear_down);
  g_test_add ("/snapshots/rename-delete-undo", Fixture, NULL, set_up, test_rename_delete_undo, tear_down);
  g_test_add ("/snapshots/bad-labels", Fixture, NULL, set_up, test_bad_labels, tear_down);
  g_test_add ("/snapshots/damaged-and-newer", Fixture, NULL, set_up, test_damaged_and_newer, tear_down);
  g_test_add ("/snapshots/storage-bound", Fixture, NULL, set_up, test_storage_bound, tear_down);
  g_test_add_func ("/snapshots/migrate-from-2", test_migrate_from_2);
  g_test_add_func ("/snapshots/older-build-refuses", test_older_build_refuses);
  return g_test_run ();
}
