/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "store-test-util.h"

/* Writes (pl-store-write.c), through the store alone: positions among
 * siblings, updates, soft deletes with their token, moves, orphaned
 * quotes, and refusals. */

#define NOW "2026-12-01T10:00:00.000000Z"

/* "title@position" of the live pillars, in position order. */
static char *
pillar_positions (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pillars = pl_store_load (store, PL_TYPE_PILLAR, -1, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < pillars->len; i++)
    g_string_append_printf (s, "%s%s@%" G_GINT64_FORMAT, i ? "|" : "",
                            pl_pillar_get_title (g_ptr_array_index (pillars, i)),
                            pl_record_get_position (g_ptr_array_index (pillars, i)));
  return g_string_free (s, FALSE);
}

static gboolean
in_transaction (PlStore  *store,
                gboolean  ok)
{
  g_autoptr(GError) error = NULL;

  if (!ok)
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, &error);
}

static void
test_positions (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) a = NULL, b = NULL, c = NULL;
  g_autofree char *order = NULL;

  a = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "A", NULL);
  b = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "B", NULL);
  c = store_insert (f->store, 0, PL_TYPE_PILLAR, "title", "C", NULL);
  order = pillar_positions (f->store);
  g_assert_cmpstr (order, ==, "C@0|A@1|B@2");
  g_assert_cmpint (pl_record_get_position (PL_RECORD (c)), ==, 0);

  /* Moves renumber the siblings; a position past the end is the end. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_move (f->store, PL_RECORD (c), 99, NOW, &error)));
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = pillar_positions (f->store);
  g_assert_cmpstr (order, ==, "A@0|B@1|C@2");
  g_assert_cmpint (pl_record_get_position (PL_RECORD (c)), ==, 2);

  /* A delete closes the gap; an undelete opens it again. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_delete (f->store, PL_RECORD (a), 5, NOW, &error)));
  g_clear_pointer (&order, g_free);
  order = pillar_positions (f->store);
  g_assert_cmpstr (order, ==, "B@0|C@1");
  g_assert_cmpint (pl_store_get_deleted_token (f->store, PL_RECORD (a)), ==, 5);
  g_assert_cmpint (pl_store_get_deleted_token (f->store, PL_RECORD (b)), ==, 0);
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_undelete (f->store, PL_RECORD (a), 5, NOW, &error)));
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = pillar_positions (f->store);
  g_assert_cmpstr (order, ==, "A@0|B@1|C@2");

  /* Not deleted (or not with that token): nothing to restore. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_false (in_transaction (f->store, pl_store_undelete (f->store, PL_RECORD (b), 5, NOW, &error)));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_pointer (&order, g_free);
  order = pillar_positions (f->store);
  g_assert_cmpstr (order, ==, "A@0|B@1|C@2");
}

static void
test_update (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "Old", "summary", "Kept", NULL);
  g_autoptr(PlRecord) loaded = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (pillar), "title");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "New");
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_update (f->store, PL_RECORD (pillar), 1, &pspec, &value,
                                                            NOW, &error)));
  g_assert_no_error (error);
  loaded = pl_store_load_one (f->store, PL_TYPE_PILLAR, pl_record_get_id (PL_RECORD (pillar)), FALSE, &error);
  g_assert_cmpstr (pl_pillar_get_title (PL_PILLAR (loaded)), ==, "New");
  g_assert_cmpstr (pl_pillar_get_summary (PL_PILLAR (loaded)), ==, "Kept");
  g_assert_cmpstr (pl_record_get_updated_at (loaded), ==, NOW);

  /* A deleted row is not changed. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_delete (f->store, PL_RECORD (pillar), 3, NOW, &error)));
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_false (in_transaction (f->store, pl_store_update (f->store, PL_RECORD (pillar), 1, &pspec, &value,
                                                             NOW, &error)));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
}

/* A pillar takes what lies under it along, with the same token, and
 * brings it back. */
static void
test_delete_tree (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "P", NULL);
  g_autoptr(PlObjective) objective = store_insert (f->store, -1, PL_TYPE_OBJECTIVE,
                                                   "pillar-id", pl_record_get_id (PL_RECORD (pillar)),
                                                   "title", "O", NULL);
  g_autoptr(PlAction) action = store_insert (f->store, -1, PL_TYPE_ACTION,
                                             "objective-id", pl_record_get_id (PL_RECORD (objective)),
                                             "title", "A", NULL);
  g_autoptr(GArray) objectives = NULL, actions = NULL;

  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_delete (f->store, PL_RECORD (pillar), 11, NOW, &error)));
  g_assert_cmpint (pl_store_count (f->store, "objectives"), ==, 0);
  g_assert_cmpint (pl_store_count (f->store, "actions"), ==, 0);
  objectives = pl_store_ids_deleted_with (f->store, PL_TYPE_OBJECTIVE, 11);
  actions = pl_store_ids_deleted_with (f->store, PL_TYPE_ACTION, 11);
  g_assert_cmpuint (objectives->len, ==, 1);
  g_assert_cmpint (g_array_index (objectives, gint64, 0), ==, pl_record_get_id (PL_RECORD (objective)));
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpint (g_array_index (actions, gint64, 0), ==, pl_record_get_id (PL_RECORD (action)));

  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_undelete (f->store, PL_RECORD (pillar), 11, NOW, &error)));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (f->store, "objectives"), ==, 1);
  g_assert_cmpint (pl_store_count (f->store, "actions"), ==, 1);
}

static void
test_feedback_rows (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "P", NULL);
  g_autoptr(PlStakeholder) duplicate = store_insert (f->store, -1, PL_TYPE_STAKEHOLDER, "name", "J. Doe", NULL);
  g_autoptr(PlStakeholder) into = store_insert (f->store, -1, PL_TYPE_STAKEHOLDER, "name", "Jane Doe", NULL);
  g_autoptr(PlFeedback) kept = NULL, lost = NULL;
  g_autoptr(GArray) changed = NULL, unchanged = NULL;
  g_autoptr(PlRecord) reloaded = NULL;
  gint64 pillar_id = pl_record_get_id (PL_RECORD (pillar));

  kept = store_insert (f->store, -1, PL_TYPE_FEEDBACK, "body", "Keep this", "target-kind", PL_TARGET_PILLAR,
                       "target-id", pillar_id, "pillar-id", pillar_id, "quote", "national pool",
                       "stakeholder-id", pl_record_get_id (PL_RECORD (duplicate)),
                       "captured-at", NOW, NULL);
  lost = store_insert (f->store, -1, PL_TYPE_FEEDBACK, "body", "Lose this", "target-kind", PL_TARGET_PILLAR,
                       "target-id", pillar_id, "pillar-id", pillar_id, "quote", "old wording",
                       "captured-at", NOW, NULL);

  /* The quotes against the new text: only what changed is reported. */
  g_assert_true (pl_store_begin (f->store, &error));
  changed = pl_store_update_orphans (f->store, PL_TARGET_PILLAR, pillar_id, "A national pool of experts.", &error);
  g_assert_no_error (error);
  g_assert_true (in_transaction (f->store, changed != NULL));
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, pl_record_get_id (PL_RECORD (lost)));
  g_assert_true (pl_store_begin (f->store, &error));
  unchanged = pl_store_update_orphans (f->store, PL_TARGET_PILLAR, pillar_id, "A national pool of experts.", &error);
  g_assert_true (in_transaction (f->store, unchanged != NULL));
  g_assert_cmpuint (unchanged->len, ==, 0);
  reloaded = pl_store_load_one (f->store, PL_TYPE_FEEDBACK, pl_record_get_id (PL_RECORD (lost)), FALSE, &error);
  g_assert_true (pl_feedback_get_orphaned (PL_FEEDBACK (reloaded)));
  g_clear_object (&reloaded);

  /* Folding a stakeholder moves their feedback. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (in_transaction (f->store, pl_store_reassign_feedback (f->store,
                                                                       pl_record_get_id (PL_RECORD (duplicate)),
                                                                       pl_record_get_id (PL_RECORD (into)),
                                                                       NOW, &error)));
  reloaded = pl_store_load_one (f->store, PL_TYPE_FEEDBACK, pl_record_get_id (PL_RECORD (kept)), FALSE, &error);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (PL_FEEDBACK (reloaded)), ==, pl_record_get_id (PL_RECORD (into)));
}

/* Transactions nest as savepoints: an inner rollback undoes only itself. */
static void
test_nested (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) outer = NULL, inner = NULL;

  g_assert_true (pl_store_begin (f->store, &error));
  outer = g_object_new (PL_TYPE_PILLAR, "title", "Outer", NULL);
  g_assert_true (pl_store_insert (f->store, PL_RECORD (outer), -1, &error));
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_cmpuint (pl_store_get_depth (f->store), ==, 2);
  inner = g_object_new (PL_TYPE_PILLAR, "title", "Inner", NULL);
  g_assert_true (pl_store_insert (f->store, PL_RECORD (inner), -1, &error));
  pl_store_rollback (f->store);
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_get_depth (f->store), ==, 0);
  g_assert_cmpint (pl_store_count (f->store, "pillars"), ==, 1);
  g_assert_cmpint (pl_store_find_id_by_uuid (f->store, PL_TYPE_PILLAR, pl_record_get_uuid (PL_RECORD (inner))), ==, 0);
}

/* A read-only store refuses every write and leaves the file as it was. */
static void
test_read_only (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = store_insert (f->store, -1, PL_TYPE_PILLAR, "title", "P", NULL);
  g_autoptr(PlPillar) another = g_object_new (PL_TYPE_PILLAR, "title", "Another", NULL);
  PlStore *read_only;

  g_clear_pointer (&f->store, pl_store_free);
  read_only = pl_store_open (f->path, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_is_read_only (read_only));
  g_assert_false (pl_store_begin (read_only, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pl_store_insert (read_only, PL_RECORD (another), -1, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pl_store_delete (read_only, PL_RECORD (pillar), 1, NOW, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pl_store_count (read_only, "pillars"), ==, 1);
  pl_store_free (read_only);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store-write/positions", StoreFixture, NULL, store_fixture_set_up, test_positions,
              store_fixture_tear_down);
  g_test_add ("/store-write/update", StoreFixture, NULL, store_fixture_set_up, test_update,
              store_fixture_tear_down);
  g_test_add ("/store-write/delete-tree", StoreFixture, NULL, store_fixture_set_up, test_delete_tree,
              store_fixture_tear_down);
  g_test_add ("/store-write/feedback-rows", StoreFixture, NULL, store_fixture_set_up, test_feedback_rows,
              store_fixture_tear_down);
  g_test_add ("/store-write/nested", StoreFixture, NULL, store_fixture_set_up, test_nested,
              store_fixture_tear_down);
  g_test_add ("/store-write/read-only", StoreFixture, NULL, store_fixture_set_up, test_read_only,
              store_fixture_tear_down);

  return g_test_run ();
}
