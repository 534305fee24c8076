/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-merge.h"
#include "pl-store-merge.h"
#include "pl-test-util.h"

/* Merging copies made on other laptops: the workshop scenario end to end
 * through documents, the way facilitators' edits reach the files. */

static char *dir;

static char *
path_of (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *src = path_of (from);
  g_autofree char *dst = path_of (to);
  g_autoptr(GFile) a = g_file_new_for_path (src);
  g_autoptr(GFile) b = g_file_new_for_path (dst);
  g_autoptr(GError) error = NULL;

  g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
make_master (const char *name)
{
  g_autofree char *path = path_of (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  g_remove (path);
  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  pl_document_close (doc);
}

static PlDocument *
open_doc (const char *name)
{
  g_autofree char *path = path_of (name);
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return doc;
}

/* Adds feedback to @name; returns its UUID. */
static char *
capture (const char *name,
         const char *text,
         PlRecord   *target_in_master)
{
  g_autoptr(PlDocument) doc = open_doc (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  char *uuid;

  if (target_in_master)
    target = pl_document_lookup_uuid (doc, G_OBJECT_TYPE (target_in_master),
                                      pl_record_get_uuid (target_in_master), NULL);
  fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, text, target, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (pl_record_get_uuid (PL_RECORD (fb)));
  pl_document_close (doc);
  return uuid;
}

static PlRecord *
first_action (PlDocument *doc)
{
  return g_list_model_get_item (pl_document_get_all_actions (doc), 0);
}

static void
set_action_text (const char *name,
                 const char *property,
                 const char *value)
{
  g_autoptr(PlDocument) doc = open_doc (name);
  g_autoptr(PlRecord) action = first_action (doc);
  g_autoptr(GError) error = NULL;

  pl_record_set (action, &error, property, value, NULL);
  g_assert_no_error (error);
  pl_document_close (doc);
}

static char *
action_text (const char *name,
             const char *property)
{
  g_autoptr(PlDocument) doc = open_doc (name);
  g_autoptr(PlRecord) action = first_action (doc);
  char *value = NULL;

  g_object_get (action, property, &value, NULL);
  pl_document_close (doc);
  return value;
}

static PlMergeReport *
merge (const char *master,
       const char *a,
       const char *b,
       PlMergeFlags flags)
{
  g_autofree char *m = path_of (master);
  g_autofree char *pa = path_of (a);
  g_autofree char *pb = b ? path_of (b) : NULL;
  const char *sources[] = { pa, pb, NULL };
  g_autoptr(GError) error = NULL;
  PlMergeReport *report = pl_merge_files (m, sources, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
count (const char *name,
       const char *what)
{
  g_autoptr(PlDocument) doc = open_doc (name);
  gint64 n = pl_document_count (doc, what);

  pl_document_close (doc);
  return n;
}

static gboolean
has_uuid (PlDocument *doc,
          GType       type,
          const char *uuid)
{
  g_autoptr(PlRecord) record = pl_document_lookup_uuid (doc, type, uuid, NULL);

  return record != NULL && !pl_record_is_deleted (record);
}

static void
test_union_and_idempotent (void)
{
  g_autofree char *ua = NULL, *ub = NULL;
  g_autoptr(PlMergeReport) first = NULL, second = NULL;
  g_autoptr(PlDocument) doc = NULL;
  gint64 before;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  copy_file ("m.pillars", "b.pillars");
  before = count ("m.pillars", "feedback");
  ua = capture ("a.pillars", "Captured on laptop A", NULL);
  ub = capture ("b.pillars", "Captured on laptop B", NULL);

  first = merge ("m.pillars", "a.pillars", "b.pillars", 0);
  g_assert_cmpuint (first->counts[PL_MERGE_KIND_FEEDBACK].added, ==, 2);
  g_assert_cmpuint (first->conflicts->len, ==, 0);
  g_assert_cmpint (count ("m.pillars", "feedback"), ==, before + 2);
  doc = open_doc ("m.pillars");
  g_assert_true (has_uuid (doc, PL_TYPE_FEEDBACK, ua));
  g_assert_true (has_uuid (doc, PL_TYPE_FEEDBACK, ub));
  pl_document_close (doc);

  /* The same files again: nothing changes. */
  second = merge ("m.pillars", "a.pillars", "b.pillars", 0);
  g_assert_false (pl_merge_report_has_changes (second));
  g_assert_cmpuint (second->conflicts->len, ==, 0);
  g_assert_cmpint (count ("m.pillars", "feedback"), ==, before + 2);
}

/* Every field of every row, positions aside: the content two merges must
 * agree on. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static char *
dump (const char *name)
{
  g_autofree char *path = path_of (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, FALSE, TRUE, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (const char *const *t = pl_store_merge_tables (); *t; t++)
    {
      g_autoptr(GPtrArray) rows = pl_store_merge_load (store, *t, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          PlMergeRow *row = g_ptr_array_index (rows, i);
          g_autoptr(GString) line = g_string_new (NULL);

          g_string_append_printf (line, "%s %s %d", *t, row->uuid, row->deleted != 0);
          for (guint j = 0; j < row->values->len; j++)
            g_string_append_printf (line, "|%s", (char *) g_ptr_array_index (row->values, j));
          g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
        }
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_commutative_and_conflict (void)
{
  g_autoptr(PlMergeReport) ab = NULL, ba = NULL;
  g_autofree char *one = NULL, *two = NULL, *cost = NULL, *lead = NULL;
  PlMergeConflict *c;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  copy_file ("m.pillars", "b.pillars");
  g_free (capture ("a.pillars", "From A", NULL));
  g_free (capture ("b.pillars", "From B", NULL));
  set_action_text ("a.pillars", "cost", "cost from A");
  set_action_text ("b.pillars", "cost", "cost from B");   /* later: wins */
  set_action_text ("b.pillars", "lead-agency", "lead from B");
  copy_file ("m.pillars", "m2.pillars");

  ab = merge ("m.pillars", "a.pillars", "b.pillars", 0);
  ba = merge ("m2.pillars", "b.pillars", "a.pillars", 0);
  one = dump ("m.pillars");
  two = dump ("m2.pillars");
  g_assert_cmpstr (one, ==, two);

  cost = action_text ("m.pillars", "cost");
  lead = action_text ("m.pillars", "lead-agency");
  g_assert_cmpstr (cost, ==, "cost from B");
  g_assert_cmpstr (lead, ==, "lead from B");
  g_assert_cmpuint (ab->conflicts->len, ==, 1);
  c = g_ptr_array_index (ab->conflicts, 0);
  g_assert_cmpstr (c->field, ==, "cost");
  g_assert_cmpstr (c->winner, ==, "cost from B");
  g_assert_cmpstr (c->other, ==, "cost from A");
  g_assert_cmpuint (ba->conflicts->len, ==, 1);
}

/* The master and a copy both change the same action after the copy was
 * made, in different fields: no conflict, each side's field is kept (the
 * copy kept the row as it was before its first change: the base). The
 * same field changed on both sides stays a conflict, named as people call
 * it. */
static void
test_both_sides_other_fields (void)
{
  g_autoptr(PlMergeReport) first = NULL, second = NULL;
  g_autofree char *lead = NULL, *indicator = NULL;
  PlMergeConflict *c;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  set_action_text ("a.pillars", "lead-agency", "lead from A");
  set_action_text ("m.pillars", "indicator", "indicator from the master");

  first = merge ("m.pillars", "a.pillars", NULL, 0);
  g_assert_cmpuint (first->conflicts->len, ==, 0);
  lead = action_text ("m.pillars", "lead-agency");
  indicator = action_text ("m.pillars", "indicator");
  g_assert_cmpstr (lead, ==, "lead from A");
  g_assert_cmpstr (indicator, ==, "indicator from the master");
  g_assert_cmpuint (first->counts[PL_MERGE_KIND_ACTION].updated, ==, 1);

  set_action_text ("m.pillars", "lead-agency", "lead from the master");
  set_action_text ("a.pillars", "lead-agency", "lead from A, again");   /* later: wins */
  second = merge ("m.pillars", "a.pillars", NULL, 0);
  g_assert_cmpuint (second->conflicts->len, ==, 1);
  c = g_ptr_array_index (second->conflicts, 0);
  g_assert_cmpstr (c->field, ==, "lead_agency");
  g_assert_cmpstr (pl_merge_field_label (c->kind, c->field), ==, "Lead agency");
  g_assert_cmpstr (c->winner, ==, "lead from A, again");
  g_assert_cmpstr (c->other, ==, "lead from the master");
}

static void
test_delete_vs_edit (void)
{
  g_autoptr(PlMergeReport) report = NULL;
  g_autofree char *uuid = NULL, *second_uuid = NULL;
  g_autoptr(PlDocument) doc = NULL;
  gboolean found = FALSE;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  {
    g_autoptr(PlDocument) a = open_doc ("a.pillars");
    g_autoptr(PlRecord) first = first_action (a);
    g_autoptr(PlRecord) second = g_list_model_get_item (pl_document_get_all_actions (a), 1);
    g_autoptr(GError) error = NULL;

    uuid = g_strdup (pl_record_get_uuid (first));
    second_uuid = g_strdup (pl_record_get_uuid (second));
    pl_document_delete (a, first, &error);
    g_assert_no_error (error);
    pl_document_delete (a, second, &error);
    g_assert_no_error (error);
    pl_document_close (a);
  }
  set_action_text ("m.pillars", "cost", "edited in the master after the copy");

  report = merge ("m.pillars", "a.pillars", NULL, 0);
  doc = open_doc ("m.pillars");
  g_assert_true (has_uuid (doc, PL_TYPE_ACTION, uuid));            /* edited here: kept */
  g_assert_false (has_uuid (doc, PL_TYPE_ACTION, second_uuid));    /* untouched here: deleted */
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      PlMergeConflict *c = g_ptr_array_index (report->conflicts, i);

      found |= g_str_equal (c->uuid, uuid) && g_str_equal (c->field, "deleted");
    }
  g_assert_true (found);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_ACTION].deleted, ==, 1);
  pl_document_close (doc);
}

static void
test_paragraphs (void)
{
  g_autofree char *merged = NULL;
  g_autofree char *none = NULL;
  g_autoptr(PlMergeReport) report = NULL;

  merged = pl_merge_paragraphs ("one\n\ntwo\n\nthree", "ONE\n\ntwo\n\nthree", "one\n\ntwo\n\nTHREE");
  g_assert_cmpstr (merged, ==, "ONE\n\ntwo\n\nTHREE");
  none = pl_merge_paragraphs ("one\n\ntwo", "uno\n\ntwo", "eins\n\ntwo");
  g_assert_null (none);

  /* Through two copies: A changes the first paragraph of a narrative, B the
   * last; the base of B's merge is the master's text A's merge replaced. */
  make_master ("m.pillars");
  {
    g_autoptr(PlDocument) m = open_doc ("m.pillars");
    g_autoptr(PlRecord) pillar = g_list_model_get_item (pl_document_get_pillars (m), 0);
    g_autoptr(GError) error = NULL;

    pl_record_set (pillar, &error, "body", "First.\n\nMiddle.\n\nLast.", NULL);
    g_assert_no_error (error);
    pl_document_close (m);
  }
  copy_file ("m.pillars", "a.pillars");
  copy_file ("m.pillars", "b.pillars");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlDocument) d = open_doc (i == 0 ? "a.pillars" : "b.pillars");
      g_autoptr(PlRecord) pillar = g_list_model_get_item (pl_document_get_pillars (d), 0);
      g_autoptr(GError) error = NULL;

      pl_record_set (pillar, &error, "body",
                     i == 0 ? "First, from A.\n\nMiddle.\n\nLast." : "First.\n\nMiddle.\n\nLast, from B.", NULL);
      g_assert_no_error (error);
      pl_document_close (d);
    }
  report = merge ("m.pillars", "a.pillars", "b.pillars", 0);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  {
    g_autoptr(PlDocument) m = open_doc ("m.pillars");
    g_autoptr(PlRecord) pillar = g_list_model_get_item (pl_document_get_pillars (m), 0);
    g_autofree char *body = NULL;

    g_object_get (pillar, "body", &body, NULL);
    g_assert_cmpstr (body, ==, "First, from A.\n\nMiddle.\n\nLast, from B.");
    pl_document_close (m);
  }
}

static void
add_stakeholder_feedback (const char *name,
                          const char *person,
                          const char *org)
{
  g_autoptr(PlDocument) doc = open_doc (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) s = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                                                "name", person, "organisation", org, NULL);
  g_autoptr(PlFeedback) fb = NULL;

  g_assert_no_error (error);
  fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, "said something", NULL, NULL, NULL, s, &error);
  g_assert_no_error (error);
  pl_document_close (doc);
}

static void
test_fold_duplicates (void)
{
  g_autoptr(PlMergeReport) offered = NULL, folded = NULL;
  gint64 before;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  copy_file ("m.pillars", "b.pillars");
  copy_file ("m.pillars", "m2.pillars");
  before = count ("m.pillars", "stakeholders");
  add_stakeholder_feedback ("a.pillars", "José Pérez", "CERT Kestrel");
  add_stakeholder_feedback ("b.pillars", "jose perez", "cert kestrel");

  offered = merge ("m.pillars", "a.pillars", "b.pillars", 0);
  g_assert_cmpuint (offered->fold_groups->len, ==, 1);
  g_assert_cmpint (count ("m.pillars", "stakeholders"), ==, before + 2);

  folded = merge ("m2.pillars", "a.pillars", "b.pillars", PL_MERGE_FOLD_DUPLICATES);
  g_assert_cmpuint (folded->counts[PL_MERGE_KIND_STAKEHOLDER].folded, ==, 1);
  g_assert_cmpint (count ("m2.pillars", "stakeholders"), ==, before + 1);
  {
    g_autoptr(PlDocument) doc = open_doc ("m2.pillars");
    char **group = g_ptr_array_index (folded->fold_groups, 0);
    g_autoptr(PlRecord) kept = pl_document_lookup_uuid (doc, PL_TYPE_STAKEHOLDER, group[0], NULL);

    g_assert_nonnull (kept);
    g_assert_false (has_uuid (doc, PL_TYPE_STAKEHOLDER, group[1]));
    pl_document_close (doc);
  }
}

static void
test_dangling_targets (void)
{
  g_autoptr(PlMergeReport) report = NULL;
  g_autofree char *pillar_uuid = NULL, *fb_new = NULL, *fb_orphan = NULL;
  g_autoptr(PlDocument) doc = NULL;

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  {
    g_autoptr(PlDocument) a = open_doc ("a.pillars");
    g_autoptr(GError) error = NULL;
    g_autoptr(PlPillar) pillar = pl_document_add (a, PL_TYPE_PILLAR, NULL, -1, &error,
                                                  "title", "A pillar born in a break-out", NULL);
    g_autoptr(PlFeedback) fb = NULL;
    g_autoptr(PlRecord) action = first_action (a);
    g_autoptr(PlFeedback) fb2 = NULL;

    g_assert_no_error (error);
    pillar_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (pillar)));
    fb = pl_document_add_feedback (a, PL_FEEDBACK_COMMENT, "About the new pillar", PL_RECORD (pillar),
                                   NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    fb_new = g_strdup (pl_record_get_uuid (PL_RECORD (fb)));
    fb2 = pl_document_add_feedback (a, PL_FEEDBACK_COMMENT, "About an action the master drops", action,
                                    NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    fb_orphan = g_strdup (pl_record_get_uuid (PL_RECORD (fb2)));
    pl_document_close (a);
  }
  {
    g_autoptr(PlDocument) m = open_doc ("m.pillars");
    g_autoptr(PlRecord) action = first_action (m);
    g_autoptr(GError) error = NULL;

    pl_document_delete (m, action, &error);
    g_assert_no_error (error);
    pl_document_close (m);
  }

  report = merge ("m.pillars", "a.pillars", NULL, 0);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_PILLAR].added, ==, 1);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_FEEDBACK].orphaned, ==, 1);
  doc = open_doc ("m.pillars");
  {
    g_autoptr(PlRecord) fb = pl_document_lookup_uuid (doc, PL_TYPE_FEEDBACK, fb_new, NULL);
    g_autoptr(PlRecord) orphan = pl_document_lookup_uuid (doc, PL_TYPE_FEEDBACK, fb_orphan, NULL);
    g_autoptr(PlRecord) target = NULL;
    gboolean orphaned = FALSE;

    g_assert_nonnull (fb);
    target = pl_document_get_feedback_target (doc, PL_FEEDBACK (fb));
    g_assert_nonnull (target);
    g_assert_cmpstr (pl_record_get_uuid (target), ==, pillar_uuid);
    g_assert_nonnull (orphan);
    g_object_get (orphan, "orphaned", &orphaned, NULL);
    g_assert_true (orphaned);
  }
  pl_document_close (doc);
}

static void
test_ten_copies (void)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autofree char *master = path_of ("m.pillars");
  gint64 before;

  make_master ("m.pillars");
  before = count ("m.pillars", "feedback");
  for (guint c = 0; c < 10; c++)
    {
      g_autofree char *name = g_strdup_printf ("copy%u.pillars", c);
      g_autoptr(PlDocument) d = NULL;

      copy_file ("m.pillars", name);
      d = open_doc (name);
      g_assert_true (pl_document_begin (d, &error));
      for (guint i = 0; i < 500; i++)
        {
          g_autofree char *text = g_strdup_printf ("Capture %u from laptop %u", i, c);
          g_autoptr(PlFeedback) fb = pl_document_add_feedback (d, PL_FEEDBACK_COMMENT, text, NULL,
                                                               NULL, NULL, NULL, &error);

          g_assert_no_error (error);
          g_ptr_array_add (uuids, g_strdup (pl_record_get_uuid (PL_RECORD (fb))));
        }
      g_assert_true (pl_document_commit (d, &error));
      pl_document_close (d);
      g_ptr_array_add (paths, path_of (name));
    }
  g_ptr_array_add (paths, NULL);

  report = pl_merge_files (master, (const char *const *) paths->pdata, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_FEEDBACK].added, ==, 5000);
  g_assert_cmpint (count ("m.pillars", "feedback"), ==, before + 5000);
  doc = open_doc ("m.pillars");
  for (guint i = 0; i < uuids->len; i++)
    g_assert_true (has_uuid (doc, PL_TYPE_FEEDBACK, g_ptr_array_index (uuids, i)));
  pl_document_close (doc);
}

static char *
checksum (const char *name)
{
  g_autofree char *path = path_of (name);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Merges @source into m.pillars expecting @code; the master must be
 * byte-identical afterwards. */
static void
expect_refused (const char  *source,
                GQuark       domain,
                int          code,
                const char  *words)
{
  g_autofree char *before = checksum ("m.pillars");
  g_autofree char *after = NULL;
  g_autofree char *master = path_of ("m.pillars");
  g_autofree char *src = path_of (source);
  const char *sources[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMergeReport) report = NULL;

  g_test_message ("merging %s", source);
  report = pl_merge_files (master, sources, 0, &error);
  g_assert_null (report);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, words));
  after = checksum ("m.pillars");
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_input (void)
{
  g_autofree char *m = path_of ("m.pillars");

  make_master ("m.pillars");
  copy_file ("m.pillars", "a.pillars");
  g_free (capture ("a.pillars", "a capture", NULL));
  copy_file ("m.pillars", "same.pillars");

  expect_refused ("m.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_SAME_FILE, "nothing to merge");
  expect_refused ("same.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_UNCHANGED_COPY, "no changes of its own");

  {
    g_autofree char *p = path_of ("newer.pillars");

    copy_file ("a.pillars", "newer.pillars");
    pl_test_sqlite_exec_file (p, "PRAGMA user_version = 99");
    expect_refused ("newer.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_SOURCE, "newer");
  }
  {
    g_autofree char *p = path_of ("foreign.pillars");

    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (p, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
    g_assert_true (pl_test_sqlite_exec (db, "CREATE TABLE recipes (name TEXT)"));
    sqlite3_close (db);
    expect_refused ("foreign.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_SOURCE, "foreign.pillars");
  }
  {
    g_autofree char *p = path_of ("corrupt.pillars");
    g_autofree char *data = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (m, &data, &len, NULL));
    memset (data + 100, 0x5a, MIN (len - 100, 8192));
    g_assert_true (g_file_set_contents (p, data, len, NULL));
    expect_refused ("corrupt.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_SOURCE, "corrupt.pillars");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *p = path_of ("other.pillars");
    g_autoptr(PlDocument) other = NULL;

    g_remove (p);
    other = pl_document_create (p, PL_TEMPLATE_STANDARD, &error);
    g_assert_no_error (error);
    pl_document_close (other);
    expect_refused ("other.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_OTHER_STRATEGY, "--other-strategy");
  }
  {
    /* Locked by another writer (the window has it open). */
    g_autoptr(PlDocument) writer = open_doc ("m.pillars");

    expect_refused ("a.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_MASTER, "m.pillars");
    pl_document_close (writer);
  }
  if (getuid () != 0)
    {
      g_assert_cmpint (g_chmod (m, 0400), ==, 0);
      expect_refused ("a.pillars", PL_MERGE_ERROR, PL_MERGE_ERROR_MASTER, "m.pillars");
      g_assert_cmpint (g_chmod (m, 0600), ==, 0);
    }
  {
    /* The disk fills during the merge. */
    g_autofree char *before = checksum ("m.pillars");
    g_autofree char *after = NULL;
    g_autofree char *src = path_of ("big-a.pillars");
    const char *sources[] = { src, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(PlDocument) d = NULL;

    copy_file ("m.pillars", "big-a.pillars");
    d = open_doc ("big-a.pillars");
    g_assert_true (pl_document_begin (d, &error));
    for (guint i = 0; i < 300; i++)
      {
        g_autofree char *text = g_strdup_printf ("A long capture %u %s", i, "lorem ipsum dolor sit amet "
                                                 "consectetur adipiscing elit sed do eiusmod tempor");
        g_autoptr(PlFeedback) fb = pl_document_add_feedback (d, PL_FEEDBACK_COMMENT, text, NULL,
                                                             NULL, NULL, NULL, &error);
        g_assert_no_error (error);
      }
    g_assert_true (pl_document_commit (d, &error));
    pl_document_close (d);
    {
      g_autoptr(PlStore) store = pl_store_open (m, FALSE, FALSE, &error);
      g_autoptr(PlMergeReport) report = NULL;

      g_assert_no_error (error);
      pl_store_merge_limit_pages_for_test (store, 2);
      report = pl_merge_into_store (store, m, sources, 0, &error);
      g_assert_null (report);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO);
    }
    after = checksum ("m.pillars");
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_other_strategy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p = path_of ("other.pillars");
  g_autoptr(PlDocument) other = NULL;
  g_autoptr(PlMergeReport) report = NULL;
  gint64 pillars;

  make_master ("m.pillars");
  g_remove (p);
  other = pl_demo_create (p, PL_DEMO_SMALL, &error);   /* same content, another strategy */
  g_assert_no_error (error);
  pl_document_close (other);
  {
    g_autoptr(PlDocument) d = open_doc ("other.pillars");
    g_autoptr(PlDocument) m = open_doc ("m.pillars");
    g_autoptr(PlRecord) action = first_action (d);
    g_autoptr(PlFeedback) fb = pl_document_add_feedback (d, PL_FEEDBACK_COMMENT, "From elsewhere", action,
                                                         NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (pl_document_get_strategy (d))), !=,
                     pl_record_get_uuid (PL_RECORD (pl_document_get_strategy (m))));
    pl_document_close (d);
    pl_document_close (m);
  }
  pillars = count ("m.pillars", "pillars");
  report = merge ("m.pillars", "other.pillars", NULL, PL_MERGE_OTHER_STRATEGY);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_PILLAR].added, ==, 0);
  g_assert_cmpuint (report->counts[PL_MERGE_KIND_FEEDBACK].added, >, 0);
  g_assert_cmpint (count ("m.pillars", "pillars"), ==, pillars);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = pl_test_make_dir ();
  g_test_add_func ("/merge/union-idempotent", test_union_and_idempotent);
  g_test_add_func ("/merge/commutative-conflict", test_commutative_and_conflict);
  g_test_add_func ("/merge/both-sides-other-fields", test_both_sides_other_fields);
  g_test_add_func ("/merge/delete-vs-edit", test_delete_vs_edit);
  g_test_add_func ("/merge/paragraphs", test_paragraphs);
  g_test_add_func ("/merge/fold-duplicates", test_fold_duplicates);
  g_test_add_func ("/merge/dangling-targets", test_dangling_targets);
  g_test_add_func ("/merge/ten-copies", test_ten_copies);
  g_test_add_func ("/merge/bad-input", test_bad_input);
  g_test_add_func ("/merge/other-strategy", test_other_strategy);
  status = g_test_run ();
  pl_test_rmdir_recursive (dir);
  g_free (dir);
  return status;
}
