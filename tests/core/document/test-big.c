/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-export.h"

/* The benchmark document is usable: it builds, every format exports it,
 * and its feedback list holds 20,000 items without materialising them.
 * (How fast is the benchmark's business: build-aux/bench.sh.) */

static char *tmpdir;
static PlDocument *big;

static gboolean
zip_has (const char *path,
         const char *member)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gboolean found = FALSE;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, 65536) == ARCHIVE_OK)
    while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
      if (g_strcmp0 (archive_entry_pathname (entry), member) == 0)
        found = TRUE;
  archive_read_free (a);
  return found;
}

static void
test_builds (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "big.pillars", NULL);
  g_autoptr(GError) error = NULL;

  big = pl_demo_create (path, PL_DEMO_BIG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (big);
  if (big == NULL)
    return;
  g_assert_cmpint (pl_document_count (big, "pillars"), ==, 12);
  g_assert_cmpint (pl_document_count (big, "objectives"), ==, 480);
  g_assert_cmpint (pl_document_count (big, "feedback"), ==, 20000);
}

static void
test_feedback_list (void)
{
  PlFeedbackList *list;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) last = NULL;
  guint n;

  if (big == NULL)
    return;
  list = pl_document_get_feedback (big);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 20000);
  g_assert_cmpuint (pl_feedback_list_get_open_count (list), >, 0);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_true (PL_IS_FEEDBACK (first));
  g_assert_true (PL_IS_FEEDBACK (last));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  /* Newest first. */
  g_assert_cmpstr (pl_feedback_get_captured_at (PL_FEEDBACK (first)), >=,
                   pl_feedback_get_captured_at (PL_FEEDBACK (last)));
}

static void
test_exports (void)
{
  static const struct { PlExportFormat format; const char *ext; gsize min_size; } formats[] = {
    { PL_EXPORT_MARKDOWN, "md", 2000000 },
    { PL_EXPORT_HTML, "html", 2000000 },
    { PL_EXPORT_DOCX, "docx", 200000 },
    { PL_EXPORT_ODT, "odt", 200000 },
    { PL_EXPORT_CSV, "csv", 1000000 },
  };

  if (big == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("big.%s", formats[i].ext);
      g_autofree char *out = g_build_filename (tmpdir, name, NULL);
      g_autoptr(GError) error = NULL;
      PlExportOptions options;
      GStatBuf st;

      pl_export_options_init (&options);
      options.format = formats[i].format;
      options.annex = TRUE;
      g_assert_true (pl_export_to_file (big, &options, out, NULL, &error));
      g_assert_no_error (error);
      pl_export_options_clear (&options);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_test_message ("%s: %ld bytes", name, (long) st.st_size);
      g_assert_cmpint (st.st_size, >=, (goffset) formats[i].min_size);

      if (formats[i].format == PL_EXPORT_DOCX)
        g_assert_true (zip_has (out, "word/document.xml"));
      else if (formats[i].format == PL_EXPORT_ODT)
        g_assert_true (zip_has (out, "content.xml"));
      else if (formats[i].format == PL_EXPORT_MARKDOWN)
        {
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
          g_assert_nonnull (strstr (text, "\n## 12. Governance and coordination\n"));
          g_assert_nonnull (strstr (text, "\n| 12.40."));
        }
    }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  tmpdir = g_dir_make_tmp ("pillars-big-XXXXXX", NULL);

  g_test_add_func ("/big/builds", test_builds);
  g_test_add_func ("/big/feedback-list", test_feedback_list);
  g_test_add_func ("/big/exports", test_exports);

  ret = g_test_run ();
  g_clear_object (&big);
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return ret;
}
