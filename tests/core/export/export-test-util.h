/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the export test programs share: the example document and its
 * exports, and the readers we did not write that check them (pandoc reads
 * the DOCX and ODT back, LibreOffice turns them into PDF, xmllint checks
 * every XML part and the HTML, cmark re-parses the Markdown). The tools
 * are required: a missing one fails the test, it is not skipped. */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <cmark-gfm.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-export.h"
#include "pl-export-private.h"
#include "pl-test-util.h"

static char *tmp_dir;
static PlDocument *example;

/* ---- tools ---- */

static inline gboolean
require_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_test_message ("“%s” is required by this test and was not found in PATH "
                      "(Debian: pandoc, libreoffice-writer-nogui, poppler-utils, libxml2-utils, cmark, unzip)",
                      name);
      g_test_fail ();
    }
  return path != NULL;
}

/* Runs @argv; returns its standard output, or NULL (and fails the test). */
static inline char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cmd = g_strjoinv (" ", (char **) argv);
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s failed: %s\n%s", cmd, error->message, err ? err : "");
      g_test_fail ();
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- exporting and reading back ---- */

static inline char *
export (PlDocument            *doc,
        const PlExportOptions *options,
        const char            *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (pl_export_to_file (doc, options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static inline char *
export_format (PlDocument     *doc,
               PlExportFormat  format,
               gboolean        annex,
               PlAnonymise     anonymise,
               const char     *name)
{
  PlExportOptions options;
  char *path;

  pl_export_options_init (&options);
  options.format = format;
  options.annex = annex;
  options.anonymise = anonymise;
  options.date = g_strdup ("22 November 2026");
  path = export (doc, &options, name);
  pl_export_options_clear (&options);
  return path;
}

static inline char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* One member of a zip file, read with libarchive. */
static inline char *
zip_member (const char *path,
            const char *member)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  char *result = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      if (g_strcmp0 (archive_entry_pathname (entry), member) == 0)
        {
          GString *s = g_string_new (NULL);
          char buf[65536];
          la_ssize_t n;

          while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
            g_string_append_len (s, buf, n);
          result = g_string_free (s, FALSE);
          break;
        }
    }
  archive_read_free (a);
  return result;
}

static inline guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* The HTML export of the example with @options (format set here). */
static inline char *
export_html_with (PlExportOptions *options,
                  const char      *name)
{
  g_autofree char *path = NULL;

  options->format = PL_EXPORT_HTML;
  path = export (example, options, name);
  return read_text (path);
}

/* ---- HTML as a reader sees it ---- */

static inline char *
normalise (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, words[i]);
    }
  return g_string_free (s, FALSE);
}

static inline char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = normalise ((const char *) content);

  xmlFree (content);
  return text;
}

/* "level|text" of every h1..h6 outside <nav>, in document order. */
static inline void
collect_headings (xmlNode   *node,
                  GPtrArray *out)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) n->name, "nav") == 0)
        continue;
      if (strlen ((const char *) n->name) == 2 && g_ascii_tolower (n->name[0]) == 'h'
          && n->name[1] >= '1' && n->name[1] <= '6')
        {
          g_autofree char *text = node_text (n);

          g_ptr_array_add (out, g_strdup_printf ("%c|%s", n->name[1], text));
          continue;
        }
      collect_headings (n->children, out);
    }
}

static inline xmlDoc *
parse_html (const char *html)
{
  return htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE);
}

static inline GPtrArray *
html_headings (const char *html)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *doc = parse_html (html);

  g_assert_nonnull (doc);
  collect_headings (xmlDocGetRootElement (doc), out);
  xmlFreeDoc (doc);
  return out;
}

/* Shifts "N|text" by @shift levels, dropping those that fall below 1. */
static inline GPtrArray *
shift_headings (GPtrArray *in,
                int        shift)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < in->len; i++)
    {
      const char *h = g_ptr_array_index (in, i);
      int level = h[0] - '0' + shift;

      if (level >= 1)
        g_ptr_array_add (out, g_strdup_printf ("%d%s", level, h + 1));
    }
  return out;
}

static inline void
assert_same_list (GPtrArray  *expected,
                  GPtrArray  *actual,
                  const char *what)
{
  guint n = MIN (expected->len, actual->len);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i)) != 0)
      {
        g_test_message ("%s: item %u differs: expected “%s”, got “%s”", what, i,
                        (char *) g_ptr_array_index (expected, i), (char *) g_ptr_array_index (actual, i));
        g_test_fail ();
        return;
      }
  if (expected->len != actual->len)
    {
      g_test_message ("%s: expected %u items, got %u (first extra: “%s”)", what, expected->len, actual->len,
                      (char *) g_ptr_array_index (expected->len > actual->len ? expected : actual, n));
      g_test_fail ();
    }
}

/* The rows of every table, each row a GStrv of normalised cell texts. */
static inline void
collect_rows (xmlNode   *node,
              GPtrArray *rows)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) n->name, "tr") == 0)
        {
          GPtrArray *cells = g_ptr_array_new ();

          for (xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE
                && (g_ascii_strcasecmp ((const char *) c->name, "td") == 0
                    || g_ascii_strcasecmp ((const char *) c->name, "th") == 0))
              g_ptr_array_add (cells, node_text (c));
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
          continue;
        }
      collect_rows (n->children, rows);
    }
}

static inline GPtrArray *
html_rows (const char *html)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  xmlDoc *doc = parse_html (html);

  collect_rows (xmlDocGetRootElement (doc), rows);
  xmlFreeDoc (doc);
  return rows;
}

/* The implementation plan as it should read, from the document itself. */
static inline GPtrArray *
expected_plan_rows (PlDocument *doc)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GListModel *actions = pl_document_get_all_actions (doc);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PlAction) action = g_list_model_get_item (actions, i);
      g_autoptr(PlObjective) objective = pl_document_get_objective_of (doc, action);
      g_autoptr(PlPillar) pillar = pl_document_get_pillar_of (doc, PL_RECORD (objective));
      const char *start = pl_action_get_start_date (action);
      const char *end = pl_action_get_end_date (action);
      g_autofree char *timeframe = NULL;
      g_autofree char *row = NULL;

      /* One year once: "Short term (2026)", never "(2026–2026)". */
      if (*start && g_str_equal (start, end))
        timeframe = g_strdup_printf ("%s (%s)", pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)),
                                     start);
      else if (*start && *end)
        timeframe = g_strdup_printf ("%s (%s–%s)", pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)),
                                     start, end);
      else if (*start || *end)
        g_assert_not_reached ();  /* the example has none with one end only */
      else
        timeframe = g_strdup (pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)));
      row = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s",
                             pl_record_get_position (PL_RECORD (pillar)) + 1,
                             pl_record_get_position (PL_RECORD (objective)) + 1,
                             pl_record_get_position (PL_RECORD (action)) + 1,
                             pl_pillar_get_title (pillar), pl_objective_get_title (objective),
                             pl_action_get_title (action), pl_action_get_lead_agency (action),
                             pl_action_get_partners (action), timeframe,
                             pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action)),
                             pl_action_get_indicator (action), pl_action_get_cost (action),
                             pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action)));
      g_ptr_array_add (rows, normalise (row));
    }
  return rows;
}

/* The rows of the implementation plan: eleven cells, numbered "1.2.3"
 * (pandoc 2.17 drops the header rows of ODT tables, so the header
 * cannot be the landmark). */
static inline GPtrArray *
plan_rows_of (GPtrArray *rows)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) number = g_regex_new ("^[0-9]+\\.[0-9]+\\.[0-9]+$", 0, 0, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      if (g_strv_length (cells) == 11 && g_regex_match (number, cells[0], 0, NULL))
        {
          g_autofree char *joined = g_strjoinv ("|", cells);
          g_ptr_array_add (out, normalise (joined));
        }
    }
  return out;
}

/* ---- the other readers ---- */

static inline int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *pages;

  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    {
      g_test_message ("LibreOffice made no %s", pdf);
      return 0;
    }
  out = run (argv);
  pages = out ? strstr (out, "Pages:") : NULL;
  return pages ? atoi (pages + 6) : 0;
}

/* Converts each file with LibreOffice (@filter: "pdf", "txt:Text"), one
 * run per file so that a.docx and a.odt do not both become a.pdf;
 * returns the paths of the results. */
static inline GPtrArray *
libreoffice_convert (const char *const *files,
                     const char        *filter,
                     const char        *extension)
{
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile-%d", tmp_dir, getpid ());
  GPtrArray *results = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *outdir = g_build_filename (tmp_dir, "converted", base, NULL);
      const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", filter,
                             "--outdir", outdir, files[i], NULL };
      g_autofree char *out = NULL;
      char *dot = strrchr (base, '.');

      g_mkdir_with_parents (outdir, 0700);
      out = run (argv);
      *dot = '\0';
      g_ptr_array_add (results, g_strdup_printf ("%s/%s.%s", outdir, base, extension));
    }
  return results;
}

static inline GPtrArray *
libreoffice_pdf (const char *const *files)
{
  return libreoffice_convert (files, "pdf", "pdf");
}

static inline void
xmllint (const char *path)
{
  const char *argv[] = { "xmllint", "--noout", "--huge", path, NULL };
  g_autofree char *out = run (argv);
}

/* Unzips @path and checks every XML part with xmllint. */
static inline guint
xmllint_package (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_build_filename (tmp_dir, "unzipped", base, NULL);
  const char *argv[] = { "unzip", "-q", "-o", path, "-d", dir, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_mkdir_with_parents (dir, 0700);
  out = run (argv);
  g_ptr_array_add (stack, g_strdup (dir));
  while (stack->len > 0)
    {
      g_autofree char *d = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GDir) gdir = g_dir_open (d, 0, NULL);
      const char *name;

      while (gdir && (name = g_dir_read_name (gdir)) != NULL)
        {
          g_autofree char *child = g_build_filename (d, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (stack, g_steal_pointer (&child));
          else if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels"))
            {
              xmllint (child);
              checked++;
            }
        }
    }
  return checked;
}

/* The headings of the Markdown export as the cmark tool reads them,
 * without the title, at the levels the other formats use. */
static inline GPtrArray *
markdown_headings (const char *md_path)
{
  const char *argv[] = { "cmark", md_path, NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GPtrArray) all = html ? html_headings (html) : g_ptr_array_new ();

  return shift_headings (all, -1);
}

static inline void
check_pandoc (const char *path,
              const char *from,
              const char *md_path)
{
  const char *argv[] = { "pandoc", "-f", from, "-t", "html", path, NULL };
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) expected = markdown_headings (md_path);
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) expected_plan = expected_plan_rows (example);
  g_autofree char *what = g_strdup_printf ("pandoc -f %s headings of %s", from, path);

  html = run (argv);
  if (html == NULL)
    return;
  headings = html_headings (html);
  assert_same_list (expected, headings, what);
  /* pandoc 2.17 reads DOCX header rows (not ODT ones). */
  if (g_str_equal (from, "docx"))
    g_assert_nonnull (strstr (html, "<th>Lead agency</th>"));

  rows = html_rows (html);
  plan = plan_rows_of (rows);
  g_free (what);
  what = g_strdup_printf ("pandoc -f %s implementation plan of %s", from, path);
  g_assert_cmpuint (expected_plan->len, ==, 30);
  assert_same_list (expected_plan, plan, what);
}

/* ---- the example document ---- */

typedef struct {
  char *md, *md_annex;
  char *html, *html_annex;
  char *docx, *docx_annex;
  char *odt, *odt_annex;
  char *csv;
} Exports;

static Exports ex;

static inline void
export_example (void)
{
  if (ex.md != NULL)
    return;
  ex.md = export_format (example, PL_EXPORT_MARKDOWN, FALSE, PL_ANONYMISE_ORGANISATION, "example.md");
  ex.md_annex = export_format (example, PL_EXPORT_MARKDOWN, TRUE, PL_ANONYMISE_ORGANISATION, "example-annex.md");
  ex.html = export_format (example, PL_EXPORT_HTML, FALSE, PL_ANONYMISE_ORGANISATION, "example.html");
  ex.html_annex = export_format (example, PL_EXPORT_HTML, TRUE, PL_ANONYMISE_ORGANISATION, "example-annex.html");
  ex.docx = export_format (example, PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_ORGANISATION, "example.docx");
  ex.docx_annex = export_format (example, PL_EXPORT_DOCX, TRUE, PL_ANONYMISE_ORGANISATION, "example-annex.docx");
  ex.odt = export_format (example, PL_EXPORT_ODT, FALSE, PL_ANONYMISE_ORGANISATION, "example.odt");
  ex.odt_annex = export_format (example, PL_EXPORT_ODT, TRUE, PL_ANONYMISE_ORGANISATION, "example-annex.odt");
  ex.csv = export_format (example, PL_EXPORT_CSV, TRUE, PL_ANONYMISE_ORGANISATION, "example.csv");
}

/* ---- the program ---- */

/* g_test_init(), a temporary folder and the example document. */
static inline void
export_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();

  tmp_dir = pl_test_make_dir ();
  path = pl_test_path (tmp_dir, "example.pillars");
  example = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
}

/* Runs the tests and removes what export_test_init() made (unless
 * PL_TEST_KEEP is set). */
static inline int
export_test_run (void)
{
  int status = g_test_run ();

  pl_document_close (example);
  g_clear_object (&example);
  if (g_getenv ("PL_TEST_KEEP") == NULL)
    pl_test_rmdir_recursive (tmp_dir);
  else
    g_printerr ("kept %s\n", tmp_dir);
  g_free (tmp_dir);
  return status;
}
