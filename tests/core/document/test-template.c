/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document.h"
#include "pl-test-util.h"

static const PlSectionKind section_kinds[] = {
  PL_SECTION_EXECUTIVE_SUMMARY, PL_SECTION_INTRODUCTION, PL_SECTION_GUIDING_PRINCIPLES,
  PL_SECTION_IMPLEMENTATION, PL_SECTION_GLOSSARY,
};

static const char *const pillar_titles[] = {
  "Capacity building", "Awareness raising", "Incident response", "Legislation and regulation",
};

static void
check_standard (PlDocument *doc)
{
  GListModel *sections = pl_document_get_sections (doc);
  GListModel *pillars = pl_document_get_pillars (doc);
  PlStrategy *strategy = pl_document_get_strategy (doc);

  g_assert_nonnull (strategy);
  g_assert_cmpstr (pl_strategy_get_title (strategy), !=, "");
  g_assert_cmpstr (pl_strategy_get_vision (strategy), !=, "");
  g_assert_cmpstr (pl_strategy_get_version_label (strategy), !=, "");
  g_assert_cmpint (pl_strategy_get_status (strategy), ==, PL_LIFECYCLE_DRAFTING);

  /* The five front-matter sections, in order, each with guidance. */
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (section_kinds));
  for (guint i = 0; i < g_list_model_get_n_items (sections) && i < G_N_ELEMENTS (section_kinds); i++)
    {
      g_autoptr(PlSection) s = g_list_model_get_item (sections, i);

      g_assert_cmpint (pl_section_get_kind (s), ==, section_kinds[i]);
      g_assert_cmpint (pl_record_get_position (PL_RECORD (s)), ==, i);
      g_assert_cmpstr (pl_section_get_title (s), !=, "");
      g_assert_cmpuint (strlen (pl_section_get_body (s)), >, 40);
    }

  /* The four standard pillars with guiding text on what to write. */
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, G_N_ELEMENTS (pillar_titles));
  for (guint i = 0; i < g_list_model_get_n_items (pillars) && i < G_N_ELEMENTS (pillar_titles); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);

      g_assert_cmpstr (pl_pillar_get_title (p), ==, pillar_titles[i]);
      g_assert_cmpint (pl_record_get_position (PL_RECORD (p)), ==, i);
      g_assert_cmpstr (pl_pillar_get_summary (p), !=, "");
      g_assert_nonnull (strstr (pl_pillar_get_body (p), "## Why it matters"));
      g_assert_nonnull (strstr (pl_pillar_get_body (p), "## What success looks like"));
      g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_objectives (doc, p)), ==, 0);
    }

  g_assert_cmpint (pl_document_count (doc, "objectives"), ==, 0);
  g_assert_cmpint (pl_document_count (doc, "actions"), ==, 0);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, 0);
  g_assert_cmpint (pl_document_count (doc, "workshops"), ==, 0);
  g_assert_cmpint (pl_document_count (doc, "stakeholders"), ==, 0);
}

static void
test_standard (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "new.pillars", PL_TEMPLATE_STANDARD);
  g_autofree char *path = g_strdup (pl_document_get_path (doc));
  g_autoptr(GError) error = NULL;

  g_assert_false (pl_document_is_read_only (doc));
  check_standard (doc);
  pl_document_close (doc);
  g_clear_object (&doc);

  /* The same after reopening: it was all written. */
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  check_standard (doc);
  {
    g_auto(GStrv) problems = NULL;

    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_cmpuint (g_strv_length (problems), ==, 0);
  }
  pl_test_rmdir_recursive (dir);
}

static void
test_empty (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "empty.pillars", PL_TEMPLATE_EMPTY);

  g_assert_nonnull (pl_document_get_strategy (doc));
  g_assert_cmpstr (pl_strategy_get_title (pl_document_get_strategy (doc)), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_sections (doc)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 0);
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/template/standard", test_standard);
  g_test_add_func ("/template/empty", test_empty);

  return g_test_run ();
}
