/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "store-test-util.h"

/* Row mapping and loading (pl-store-rows.c), through the store alone. */

typedef struct {
  PlPillar    *alpha, *beta, *gone;
  PlObjective *objective, *orphan;
  PlAction    *first, *second, *under_gone;
} Tree;

/* Two live pillars and a deleted one, each with an objective; actions
 * under the first objective and under the deleted pillar. */
static void
make_tree (PlStore *store,
           Tree    *t)
{
  g_autoptr(GError) error = NULL;

  t->beta = store_insert (store, -1, PL_TYPE_PILLAR, "title", "Beta", "body", "Beta narrative", NULL);
  t->alpha = store_insert (store, 0, PL_TYPE_PILLAR, "title", "Alpha", "body", "Alpha narrative", NULL);
  t->gone = store_insert (store, -1, PL_TYPE_PILLAR, "title", "Gone", NULL);
  t->objective = store_insert (store, -1, PL_TYPE_OBJECTIVE, "pillar-id", pl_record_get_id (PL_RECORD (t->alpha)),
                               "title", "Objective", "description", "Described", NULL);
  t->orphan = store_insert (store, -1, PL_TYPE_OBJECTIVE, "pillar-id", pl_record_get_id (PL_RECORD (t->gone)),
                            "title", "Under the deleted pillar", NULL);
  t->second = store_insert (store, -1, PL_TYPE_ACTION, "objective-id", pl_record_get_id (PL_RECORD (t->objective)),
                            "title", "Second", NULL);
  t->first = store_insert (store, 0, PL_TYPE_ACTION, "objective-id", pl_record_get_id (PL_RECORD (t->objective)),
                           "title", "First", NULL);
  t->under_gone = store_insert (store, -1, PL_TYPE_ACTION, "objective-id", pl_record_get_id (PL_RECORD (t->orphan)),
                                "title", "Hidden", NULL);
  g_assert_true (pl_store_begin (store, &error));
  g_assert_true (pl_store_delete (store, PL_RECORD (t->gone), 7, "2026-01-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_commit (store, &error));
}

static void
tree_clear (Tree *t)
{
  g_clear_object (&t->alpha);
  g_clear_object (&t->beta);
  g_clear_object (&t->gone);
  g_clear_object (&t->objective);
  g_clear_object (&t->orphan);
  g_clear_object (&t->first);
  g_clear_object (&t->second);
  g_clear_object (&t->under_gone);
}

static void
test_load (StoreFixture  *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pillars = NULL, objectives = NULL, none = NULL, actions = NULL, everything = NULL;
  g_autofree char *titles = NULL, *action_titles = NULL;
  g_auto(GValue) body = G_VALUE_INIT;
  PlPillar *alpha;
  Tree t = { 0 };

  make_tree (f->store, &t);

  /* Live rows only, in position order. */
  pillars = pl_store_load (f->store, PL_TYPE_PILLAR, -1, &error);
  g_assert_no_error (error);
  titles = store_titles (pillars, "title");
  g_assert_cmpstr (titles, ==, "Alpha|Beta");
  alpha = g_ptr_array_index (pillars, 0);
  g_assert_cmpint (pl_record_get_id (PL_RECORD (alpha)), ==, pl_record_get_id (PL_RECORD (t.alpha)));
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (alpha)), ==, pl_record_get_uuid (PL_RECORD (t.alpha)));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (alpha)), ==, 0);

  /* The narrative stays in the file until it is asked for. */
  g_value_init (&body, G_TYPE_STRING);
  g_assert_true (pl_store_fetch_column (f->store, PL_RECORD (alpha),
                                        g_object_class_find_property (G_OBJECT_GET_CLASS (alpha), "body"),
                                        &body, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&body), ==, "Alpha narrative");

  /* Under a parent. */
  objectives = pl_store_load (f->store, PL_TYPE_OBJECTIVE, pl_record_get_id (PL_RECORD (t.alpha)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objectives->len, ==, 1);
  none = pl_store_load (f->store, PL_TYPE_OBJECTIVE, pl_record_get_id (PL_RECORD (t.beta)), &error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Every action in document order, none under a deleted pillar. */
  actions = pl_store_load_all_actions (f->store, &error);
  g_assert_no_error (error);
  action_titles = store_titles (actions, "title");
  g_assert_cmpstr (action_titles, ==, "First|Second");

  /* Everything, narrative included, grouped by parent. */
  everything = pl_store_load_everything (f->store, PL_TYPE_PILLAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everything->len, ==, 2);
  g_assert_cmpstr (pl_pillar_get_body (g_ptr_array_index (everything, 0)), ==, "Alpha narrative");
  g_assert_cmpstr (pl_pillar_get_body (g_ptr_array_index (everything, 1)), ==, "Beta narrative");
  tree_clear (&t);
}

static void
test_load_one (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) beta = NULL, again = NULL, gone = NULL, missing = NULL;
  Tree t = { 0 };

  make_tree (f->store, &t);
  beta = pl_store_load_one (f->store, PL_TYPE_PILLAR, pl_record_get_id (PL_RECORD (t.beta)), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_pillar_get_title (PL_PILLAR (beta)), ==, "Beta");
  /* The second time from the statement kept for the type. */
  again = pl_store_load_one (f->store, PL_TYPE_PILLAR, pl_record_get_id (PL_RECORD (t.beta)), FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (again != beta);
  g_assert_cmpstr (pl_pillar_get_title (PL_PILLAR (again)), ==, "Beta");

  /* A deleted row only when asked for. */
  missing = pl_store_load_one (f->store, PL_TYPE_PILLAR, pl_record_get_id (PL_RECORD (t.gone)), FALSE, &error);
  g_assert_null (missing);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);
  gone = pl_store_load_one (f->store, PL_TYPE_PILLAR, pl_record_get_id (PL_RECORD (t.gone)), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_pillar_get_title (PL_PILLAR (gone)), ==, "Gone");
  g_assert_null (pl_store_load_one (f->store, PL_TYPE_ACTION, 9999, TRUE, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  tree_clear (&t);
}

static void
test_find_and_count (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) zed = NULL, amy = NULL;
  g_autoptr(PlWorkshop) late = NULL, early = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL, workshops = NULL;
  g_autofree char *names = NULL, *titles = NULL;
  Tree t = { 0 };

  make_tree (f->store, &t);
  zed = store_insert (f->store, -1, PL_TYPE_STAKEHOLDER, "name", "zed", NULL);
  amy = store_insert (f->store, -1, PL_TYPE_STAKEHOLDER, "name", "Amy", NULL);
  late = store_insert (f->store, -1, PL_TYPE_WORKSHOP, "title", "Late", "start-date", "2027-03-01", NULL);
  early = store_insert (f->store, -1, PL_TYPE_WORKSHOP, "title", "Early", "start-date", "2026-11-01", NULL);

  g_assert_cmpint (pl_store_find_id_by_uuid (f->store, PL_TYPE_PILLAR, pl_record_get_uuid (PL_RECORD (t.beta))),
                   ==, pl_record_get_id (PL_RECORD (t.beta)));
  g_assert_cmpint (pl_store_find_id_by_uuid (f->store, PL_TYPE_PILLAR, pl_record_get_uuid (PL_RECORD (t.gone))),
                   ==, 0);
  g_assert_cmpint (pl_store_find_id_by_uuid (f->store, PL_TYPE_PILLAR, "no-such-uuid"), ==, 0);
  g_assert_cmpint (pl_store_find_stakeholder (f->store, "AMY"), ==, pl_record_get_id (PL_RECORD (amy)));
  g_assert_cmpint (pl_store_find_stakeholder (f->store, "nobody"), ==, 0);

  /* Registries in the order the dialogs show them. */
  stakeholders = pl_store_load (f->store, PL_TYPE_STAKEHOLDER, -1, &error);
  names = store_titles (stakeholders, "name");
  g_assert_cmpstr (names, ==, "Amy|zed");
  workshops = pl_store_load (f->store, PL_TYPE_WORKSHOP, -1, &error);
  titles = store_titles (workshops, "title");
  g_assert_cmpstr (titles, ==, "Early|Late");

  /* Live rows, not those under a deleted parent; only known tables. */
  g_assert_cmpint (pl_store_count (f->store, "pillars"), ==, 2);
  g_assert_cmpint (pl_store_count (f->store, "objectives"), ==, 1);
  g_assert_cmpint (pl_store_count (f->store, "actions"), ==, 2);
  g_assert_cmpint (pl_store_count (f->store, "stakeholders"), ==, 2);
  g_assert_cmpint (pl_store_count (f->store, "pillars; DROP TABLE pillars"), ==, -1);
  g_assert_cmpint (pl_store_count (f->store, "sqlite_master"), ==, -1);
  tree_clear (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store-rows/load", StoreFixture, NULL, store_fixture_set_up, test_load, store_fixture_tear_down);
  g_test_add ("/store-rows/load-one", StoreFixture, NULL, store_fixture_set_up, test_load_one,
              store_fixture_tear_down);
  g_test_add ("/store-rows/find-and-count", StoreFixture, NULL, store_fixture_set_up, test_find_and_count,
              store_fixture_tear_down);

  return g_test_run ();
}
