/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-export.h"
#include "pl-export-private.h"
#include "pl-test-util.h"

/* The exports are checked by readers we did not write: pandoc reads the
 * DOCX and ODT back, LibreOffice turns them into PDF, xmllint checks
 * every XML part and the HTML, cmark re-parses the Markdown. The tools
 * are required: a missing one fails the test, it is not skipped. */

static char *tmp_dir;
static PlDocument *example;

/* ---- helpers ---- */

static gboolean
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
static char *
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

static char *
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

static char *
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

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* One member of a zip file, read with libarchive. */
static char *
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

static char *
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

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = normalise ((const char *) content);

  xmlFree (content);
  return text;
}

/* "level|text" of every h1..h6 outside <nav>, in document order. */
static void
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

static xmlDoc *
parse_html (const char *html)
{
  return htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE);
}

static GPtrArray *
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
static GPtrArray *
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

static void
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
static void
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

static GPtrArray *
html_rows (const char *html)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  xmlDoc *doc = parse_html (html);

  collect_rows (xmlDocGetRootElement (doc), rows);
  xmlFreeDoc (doc);
  return rows;
}

/* The implementation plan as it should read, from the document itself. */
static GPtrArray *
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

      if (*start || *end)
        timeframe = g_strdup_printf ("%s (%s–%s)", pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)),
                                     start, end);
      else
        timeframe = g_strdup (pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)));
      row = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "|%s|%s|%s|%s|%s|%s|%s|%s",
                             pl_record_get_position (PL_RECORD (pillar)) + 1,
                             pl_record_get_position (PL_RECORD (objective)) + 1,
                             pl_record_get_position (PL_RECORD (action)) + 1,
                             pl_pillar_get_title (pillar), pl_objective_get_title (objective),
                             pl_action_get_title (action), pl_action_get_lead_agency (action), timeframe,
                             pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action)),
                             pl_action_get_indicator (action),
                             pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action)));
      g_ptr_array_add (rows, normalise (row));
    }
  return rows;
}

/* The rows of the implementation plan: nine cells, numbered "1.2.3"
 * (pandoc 2.17 drops the header rows of ODT tables, so the header
 * cannot be the landmark). */
static GPtrArray *
plan_rows_of (GPtrArray *rows)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) number = g_regex_new ("^[0-9]+\\.[0-9]+\\.[0-9]+$", 0, 0, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      if (g_strv_length (cells) == 9 && g_regex_match (number, cells[0], 0, NULL))
        {
          g_autofree char *joined = g_strjoinv ("|", cells);
          g_ptr_array_add (out, normalise (joined));
        }
    }
  return out;
}

static int
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
static GPtrArray *
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

static GPtrArray *
libreoffice_pdf (const char *const *files)
{
  return libreoffice_convert (files, "pdf", "pdf");
}

static void
xmllint (const char *path)
{
  const char *argv[] = { "xmllint", "--noout", "--huge", path, NULL };
  g_autofree char *out = run (argv);
}

/* Unzips @path and checks every XML part with xmllint. */
static guint
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

static guint count (const char *haystack, const char *needle);

/* ---- the example document ---- */

typedef struct {
  char *md, *md_annex;
  char *html, *html_annex;
  char *docx, *docx_annex;
  char *odt, *odt_annex;
  char *csv;
} Exports;

static Exports ex;

static void
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

/* The headings of the Markdown export as the cmark tool reads them,
 * without the title, at the levels the other formats use. */
static GPtrArray *
markdown_headings (const char *md_path)
{
  const char *argv[] = { "cmark", md_path, NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GPtrArray) all = html ? html_headings (html) : g_ptr_array_new ();

  return shift_headings (all, -1);
}

static void
test_markdown_cmark (void)
{
  g_autofree char *md = NULL;
  cmark_node *doc;
  g_autoptr(GPtrArray) from_tool = NULL;
  g_autoptr(GPtrArray) from_lib = g_ptr_array_new_with_free_func (g_free);
  cmark_iter *iter;
  cmark_event_type ev;

  if (!require_tool ("cmark"))
    return;
  export_example ();
  from_tool = markdown_headings (ex.md_annex);

  /* The library agrees with the tool, and the outline is what we built. */
  md = read_text (ex.md_annex);
  doc = cmark_parse_document (md, strlen (md), CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_HEADING
          && cmark_node_get_heading_level (node) > 1)
        {
          GString *text = g_string_new (NULL);
          cmark_iter *inner = cmark_iter_new (node);
          g_autofree char *joined = NULL;

          while (cmark_iter_next (inner) != CMARK_EVENT_DONE)
            {
              cmark_node *t = cmark_iter_get_node (inner);

              if (cmark_node_get_type (t) == CMARK_NODE_TEXT || cmark_node_get_type (t) == CMARK_NODE_CODE)
                g_string_append (text, cmark_node_get_literal (t));
            }
          cmark_iter_free (inner);
          joined = normalise (text->str);
          g_ptr_array_add (from_lib, g_strdup_printf ("%d|%s", cmark_node_get_heading_level (node) - 1, joined));
          g_string_free (text, TRUE);
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (doc);

  assert_same_list (from_lib, from_tool, "Markdown headings, cmark library vs cmark tool");
  g_assert_cmpuint (from_tool->len, >, 30);
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|1. Capacity building", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|Implementation plan", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|Annex: recommendations and dispositions",
                                                   g_str_equal, NULL));
}

static void
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

static void
test_pandoc (void)
{
  if (!require_tool ("pandoc") || !require_tool ("cmark"))
    return;
  export_example ();
  check_pandoc (ex.docx, "docx", ex.md);
  check_pandoc (ex.docx_annex, "docx", ex.md_annex);
  check_pandoc (ex.odt, "odt", ex.md);
  check_pandoc (ex.odt_annex, "odt", ex.md_annex);
}

static void
test_html_outline (void)
{
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) expected_plan = expected_plan_rows (example);
  g_autoptr(GPtrArray) shifted = NULL;

  if (!require_tool ("cmark"))
    return;
  export_example ();
  expected = markdown_headings (ex.md_annex);
  html = read_text (ex.html_annex);
  headings = html_headings (html);
  /* h1 is the title; h2 the outline's level 1. */
  shifted = shift_headings (headings, -1);
  assert_same_list (expected, shifted, "HTML headings");
  rows = html_rows (html);
  plan = plan_rows_of (rows);
  assert_same_list (expected_plan, plan, "HTML implementation plan");

  /* The contents link to headings that exist. */
  g_assert_nonnull (strstr (html, "<nav class=\"contents\""));
  g_assert_nonnull (strstr (html, "href=\"#pl_h1\""));
  g_assert_nonnull (strstr (html, "id=\"pl_h1\""));
  /* Print: the marking in a fixed header and footer, page breaks. */
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, "class=\"marking marking-top\">DRAFT — FOR CONSULTATION<"));
  g_assert_nonnull (strstr (html, "class=\"marking marking-bottom\">DRAFT — FOR CONSULTATION<"));
  g_assert_nonnull (strstr (html, "class=\"new-page\">1. Capacity building<"));
}

static void
test_well_formed (void)
{
  const char *files[4];

  if (!require_tool ("xmllint") || !require_tool ("unzip"))
    return;
  export_example ();
  xmllint (ex.html);
  xmllint (ex.html_annex);

  files[0] = ex.docx; files[1] = ex.docx_annex; files[2] = ex.odt; files[3] = ex.odt_annex;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_cmpuint (xmllint_package (files[i]), >=, 4);
}

static void
test_packages (void)
{
  g_autoptr(GBytes) odt = NULL;
  const guchar *data;
  gsize len;
  g_autofree char *document = NULL, *settings = NULL, *header = NULL, *footer = NULL;
  g_autofree char *styles = NULL, *numbering = NULL, *content = NULL, *odt_styles = NULL;

  export_example ();

  /* CSV: the recommendations matrix, one line per feedback item and a header. */
  {
    g_autofree char *csv = read_text (ex.csv);

    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"No.\""));
    g_assert_cmpuint (count (csv, "\r\n"), ==, 1 + pl_document_count (example, "feedback"));
  }

  /* ODT: "mimetype" first, stored, so the type shows in the first bytes. */
  odt = pl_test_read_bytes (ex.odt);
  data = g_bytes_get_data (odt, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
  g_assert_cmpint (data[8] | data[9] << 8, ==, 0);
  g_assert_cmpint (data[26] | data[27] << 8, ==, 8);
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  /* libarchive adds extra fields (timestamps) after the name. */
  g_assert_cmpmem (data + 38 + (data[28] | data[29] << 8), 39, "application/vnd.oasis.opendocument.text", 39);

  /* DOCX: a table of contents field Word fills on opening. */
  document = zip_member (ex.docx_annex, "word/document.xml");
  settings = zip_member (ex.docx_annex, "word/settings.xml");
  header = zip_member (ex.docx_annex, "word/header1.xml");
  footer = zip_member (ex.docx_annex, "word/footer1.xml");
  styles = zip_member (ex.docx_annex, "word/styles.xml");
  numbering = zip_member (ex.docx_annex, "word/numbering.xml");
  g_assert_nonnull (document);
  g_assert_nonnull (strstr (document, "<w:docPartGallery w:val=\"Table of Contents\"/>"));
  g_assert_nonnull (strstr (document, "> TOC \\o &quot;1-3&quot; \\h \\z \\u <"));
  g_assert_nonnull (strstr (document, "w:dirty=\"true\""));
  g_assert_nonnull (strstr (settings, "<w:updateFields w:val=\"true\"/>"));
  g_assert_nonnull (strstr (document, "<w:tblHeader/>"));
  g_assert_nonnull (strstr (document, "w:orient=\"landscape\""));
  g_assert_nonnull (strstr (document, "<w:numId w:val="));
  g_assert_nonnull (strstr (header, "DRAFT — FOR CONSULTATION"));
  g_assert_nonnull (strstr (footer, "DRAFT — FOR CONSULTATION"));
  g_assert_nonnull (strstr (footer, " PAGE "));
  g_assert_nonnull (strstr (styles, "<w:outlineLvl w:val=\"0\"/>"));
  g_assert_nonnull (strstr (numbering, "<w:abstractNum "));

  /* ODT: an index with its entries, header rows, marking on the masters. */
  content = zip_member (ex.odt_annex, "content.xml");
  odt_styles = zip_member (ex.odt_annex, "styles.xml");
  g_assert_nonnull (strstr (content, "<text:table-of-content "));
  g_assert_nonnull (strstr (content, "<text:index-body>"));
  g_assert_nonnull (strstr (content, "xlink:href=\"#pl_h1\""));
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_nonnull (strstr (content, "text:outline-level=\"1\""));
  g_assert_nonnull (strstr (odt_styles, "<style:master-page style:name=\"Landscape\""));
  g_assert_nonnull (strstr (odt_styles, "<text:page-number"));
  g_assert_nonnull (strstr (odt_styles, "DRAFT — FOR CONSULTATION"));
}

static void
test_libreoffice (void)
{
  g_autoptr(GPtrArray) pdfs = NULL;
  const char *files[5];

  if (!require_tool ("soffice") || !require_tool ("pdfinfo"))
    return;
  export_example ();
  files[0] = ex.docx;
  files[1] = ex.docx_annex;
  files[2] = ex.odt;
  files[3] = ex.odt_annex;
  files[4] = NULL;
  pdfs = libreoffice_pdf (files);
  for (guint i = 0; i < pdfs->len; i++)
    {
      int pages = pdf_pages (g_ptr_array_index (pdfs, i));

      g_test_message ("%s: %d pages", (char *) g_ptr_array_index (pdfs, i), pages);
      g_assert_cmpint (pages, >=, 3);
    }
}

/* ---- options ---- */

static char *
export_html_with (PlExportOptions *options,
                  const char      *name)
{
  g_autofree char *path = NULL;

  options->format = PL_EXPORT_HTML;
  path = export (example, options, name);
  return read_text (path);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

static void
test_options (void)
{
  PlExportOptions o;
  g_autofree char *all = NULL, *bare = NULL, *marked = NULL, *filtered = NULL;
  g_autofree char *docx = NULL, *header = NULL, *odt = NULL, *odt_styles = NULL;
  g_autoptr(PlFeedbackList) list = NULL;
  GListModel *workshops = pl_document_get_workshops (example);
  g_autoptr(PlWorkshop) workshop = g_list_model_get_item (workshops, 0);
  PlFeedbackQuery query;

  pl_export_options_init (&o);
  o.annex = TRUE;
  all = export_html_with (&o, "all.html");
  g_assert_nonnull (strstr (all, "<nav class=\"contents\""));
  g_assert_nonnull (strstr (all, ">Executive summary<"));
  g_assert_nonnull (strstr (all, ">1. Capacity building<"));
  g_assert_nonnull (strstr (all, "<table class=\"plan\">"));
  g_assert_nonnull (strstr (all, "<table class=\"annex\">"));

  o.title_page = o.front_matter = o.pillars = o.implementation_plan = o.annex = FALSE;
  o.implementation_plan = TRUE;
  bare = export_html_with (&o, "plan-only.html");
  g_assert_null (strstr (bare, "<nav"));
  g_assert_null (strstr (bare, "class=\"title-page\""));
  g_assert_null (strstr (bare, "Executive summary"));
  g_assert_null (strstr (bare, "1. Capacity building"));
  g_assert_nonnull (strstr (bare, "<table class=\"plan\">"));
  g_assert_null (strstr (bare, "<table class=\"annex\">"));

  /* The annex alone, one workshop's accepted recommendations. */
  pl_export_options_init (&o);
  o.front_matter = o.pillars = o.implementation_plan = FALSE;
  o.annex = TRUE;
  o.workshop_id = pl_record_get_id (PL_RECORD (workshop));
  o.disposition = PL_DISPOSITION_ACCEPTED;
  o.classification = g_strdup ("SECRET — CABINET EYES ONLY");
  o.date = g_strdup ("1 April 2027");
  filtered = export_html_with (&o, "filtered.html");
  pl_feedback_query_init (&query);
  query.workshop_id = o.workshop_id;
  query.disposition = PL_DISPOSITION_ACCEPTED;
  list = pl_feedback_list_new (example, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (count (filtered, "<tr>"),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (list)) + count (filtered, "<thead>"));
  g_assert_null (strstr (filtered, ">Rejected<"));
  g_assert_nonnull (strstr (filtered, "SECRET — CABINET EYES ONLY"));
  g_assert_null (strstr (filtered, "DRAFT — FOR CONSULTATION"));
  g_assert_nonnull (strstr (filtered, "<dd>1 April 2027</dd>"));

  /* The override reaches the page headers of the office formats. */
  o.format = PL_EXPORT_DOCX;
  docx = export (example, &o, "filtered.docx");
  header = zip_member (docx, "word/header1.xml");
  g_assert_nonnull (strstr (header, "SECRET — CABINET EYES ONLY"));
  o.format = PL_EXPORT_ODT;
  odt = export (example, &o, "filtered.odt");
  odt_styles = zip_member (odt, "styles.xml");
  g_assert_nonnull (strstr (odt_styles, "SECRET — CABINET EYES ONLY"));
  pl_export_options_clear (&o);
}

/* ---- anonymisation ---- */

static void
test_anonymisation (void)
{
  g_autoptr(PlDocument) doc = pl_test_new_document (tmp_dir, "anon.pillars", PL_TEMPLATE_STANDARD);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) named = NULL, hidden = NULL, lonely = NULL;
  static const PlAnonymise modes[] = { PL_ANONYMISE_NONE, PL_ANONYMISE_ORGANISATION, PL_ANONYMISE_FULL };
  struct { PlStakeholder **who; const char *text; } comments[] = {
    { &named, "Comment alpha one" }, { &hidden, "Comment bravo one" }, { &lonely, "Comment charlie one" },
    { &named, "Comment alpha two" }, { &hidden, "Comment bravo two" }, { &lonely, "Comment charlie two" },
  };

  named = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Amelia Quorn",
                           "organisation", "Ferncastle Telecom", "sector", (int) PL_SECTOR_PRIVATE,
                           "may-be-named", TRUE, NULL);
  g_assert_no_error (error);
  hidden = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Boris Quillfeather",
                            "organisation", "Harbour Rights Network", "sector", (int) PL_SECTOR_CIVIL_SOCIETY,
                            "may-be-named", FALSE, NULL);
  g_assert_no_error (error);
  lonely = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Cecily Marrowby",
                            "organisation", "", "sector", (int) PL_SECTOR_ACADEMIA,
                            "may-be-named", FALSE, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (comments); i++)
    {
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, comments[i].text,
                                                           NULL, NULL, NULL, *comments[i].who, &error);
      g_assert_no_error (error);
    }

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *name = g_strdup_printf ("anon-%u.html", m);
      g_autofree char *docx_name = g_strdup_printf ("anon-%u.docx", m);
      g_autofree char *path = export_format (doc, PL_EXPORT_HTML, TRUE, modes[m], name);
      g_autofree char *docx_path = export_format (doc, PL_EXPORT_DOCX, TRUE, modes[m], docx_name);
      g_autofree char *html = read_text (path);
      g_autofree char *docx = zip_member (docx_path, "word/document.xml");
      g_autoptr(GPtrArray) rows = html_rows (html);
      g_autoptr(GHashTable) who = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      const char *texts[] = { html, docx };

      /* Never a name for those who did not agree, in any mode or format. */
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_nonnull (texts[t]);
          g_assert_null (strstr (texts[t], "Quillfeather"));
          g_assert_null (strstr (texts[t], "Marrowby"));
          if (modes[m] == PL_ANONYMISE_NONE)
            g_assert_nonnull (strstr (texts[t], "Amelia Quorn"));
          else
            g_assert_null (strstr (texts[t], "Amelia Quorn"));
          if (modes[m] == PL_ANONYMISE_FULL)
            {
              g_assert_null (strstr (texts[t], "Ferncastle Telecom"));
              g_assert_null (strstr (texts[t], "Harbour Rights Network"));
            }
          else
            g_assert_nonnull (strstr (texts[t], "Participant from Harbour Rights Network"));
        }

      /* Stakeholder column by comment: stable within one export. */
      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);

          if (g_strv_length (cells) == 9 && g_str_has_prefix (cells[6], "Comment "))
            g_hash_table_insert (who, g_strdup (cells[6]), g_strdup (cells[3]));
        }
      g_assert_cmpuint (g_hash_table_size (who), ==, 6);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (g_hash_table_lookup (who, comments[i].text), ==,
                         g_hash_table_lookup (who, comments[i + 3].text));
      if (modes[m] == PL_ANONYMISE_FULL)
        {
          const char *a = g_hash_table_lookup (who, "Comment alpha one");
          const char *b = g_hash_table_lookup (who, "Comment bravo one");
          const char *c = g_hash_table_lookup (who, "Comment charlie one");

          g_assert_true (g_str_has_prefix (a, "Participant "));
          g_assert_true (g_str_has_prefix (b, "Participant "));
          g_assert_true (g_str_has_prefix (c, "Participant "));
          g_assert_cmpstr (a, !=, b);
          g_assert_cmpstr (b, !=, c);
          g_assert_cmpstr (a, !=, c);
        }
      else
        {
          g_assert_cmpstr (g_hash_table_lookup (who, "Comment alpha one"), ==,
                           modes[m] == PL_ANONYMISE_NONE ? "Amelia Quorn" : "Participant from Ferncastle Telecom");
          g_assert_cmpstr (g_hash_table_lookup (who, "Comment charlie one"), ==, "Participant (Academia)");
        }
    }
}

/* ---- a hostile document ---- */

static char *
repeat (const char *unit,
        guint       times,
        const char *tail)
{
  GString *s = g_string_sized_new (strlen (unit) * times + 64);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

static PlDocument *
create_hostile (void)
{
  g_autofree char *path = pl_test_path (tmp_dir, "hostile.pillars");
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autofree char *quotes = repeat ("> ", 10000, "deep quote\n\n");
  g_autofree char *lists = repeat ("- ", 10000, "deep list\n\n");
  g_autofree char *numbered = repeat ("1. ", 10000, "deep numbers\n\n");
  g_autofree char *emphasis = repeat ("*a ", 5000, "deep emphasis\n\n");
  g_autofree char *huge = repeat ("Ünïcödé cell text ", 1024 * 1024 / 20, "end of the huge cell");
  g_autofree char *body = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(PlFeedback) feedback = NULL;

  g_assert_no_error (error);
  body = g_strconcat (
    "# Raw HTML <script>alert('h')</script>\n\n"
    "<script>alert('block')</script>\n\n"
    "<div onclick=\"alert(1)\"><iframe src=\"https://evil.example\"></iframe></div>\n\n"
    "Inline <img src=x onerror=alert(1)> and <span style=\"x\" onmouseover=\"alert(2)\">span</span> "
    "and <a href=\"javascript:alert(3)\">a raw link</a>.\n\n"
    "[click me](javascript:alert(4)) [data link](data:text/html;base64,PHNjcmlwdD4=) "
    "[vb](vbscript:msgbox) [relative](../etc/passwd) [safe link](https://example.org/a?b=1&c=2) "
    "[mail](mailto:drafting@example.org) ![image](https://tracker.example/pixel.png)\n\n"
    "Arabic: الأمن السيبراني الوطني. Hebrew: אבטחת סייבר לאומית. CJK: 国家网络安全战略 サイバーセキュリティ 사이버 보안.\n\n"
    "Control \x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b\x1f characters and a tab\there.\n\n"
    "```\n<script>alert('code')</script>\n  indented\n```\n\n"
    "`<b>inline code</b>` ***strong emphasis*** and a hard  \nbreak\n\n"
    "---\n\n",
    quotes, lists, numbered, emphasis, NULL);

  pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error,
                 "title", "Strategy <script>alert('title')</script> \x01\x1f",
                 "country", "Ünïcödé & <Republic> \"of\" 'quotes'",
                 "classification", "RESTRICTED <b>marking</b></style><script>alert(7)</script>'; } \x02",
                 "vision", "<script>alert('vision')</script> A vision with \x1b escape.",
                 NULL);
  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error,
                            "title", "Pillar <img src=x onerror=alert(5)>", "summary", "Summary \x0b<script>",
                            "body", body, NULL);
  g_assert_no_error (error);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                               "title", "Objective \x0c javascript-free", "description", lists, NULL);
  g_assert_no_error (error);
  action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                            "title", "Action with a huge indicator", "lead-agency", "<Ministry> & \"Co\"",
                            "partners", "Partner\r\nsecond line \xc3\xa9 & <b>",
                            "cost", "1 000 & more\ntabs\there", "indicator", huge, NULL);
  g_assert_no_error (error);
  stakeholder = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Hostile Person",
                                 "organisation", "Org <script>", "may-be-named", FALSE, NULL);
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (doc, PL_FEEDBACK_OBJECTION, "Feedback <script>alert(6)</script> \x01",
                                       PL_RECORD (action), NULL, NULL, stakeholder, &error);
  g_assert_no_error (error);
  return doc;
}

static void
test_hostile (void)
{
  g_autoptr(PlDocument) doc = create_hostile ();
  g_autofree char *html_path = export_format (doc, PL_EXPORT_HTML, TRUE, PL_ANONYMISE_NONE, "hostile.html");
  g_autofree char *docx_path = export_format (doc, PL_EXPORT_DOCX, TRUE, PL_ANONYMISE_NONE, "hostile.docx");
  g_autofree char *odt_path = export_format (doc, PL_EXPORT_ODT, TRUE, PL_ANONYMISE_NONE, "hostile.odt");
  g_autofree char *md_path = export_format (doc, PL_EXPORT_MARKDOWN, TRUE, PL_ANONYMISE_NONE, "hostile.md");
  g_autofree char *html = read_text (html_path);
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autofree char *rels = zip_member (docx_path, "word/_rels/document.xml.rels");
  g_autofree char *content = zip_member (odt_path, "content.xml");
  g_autoptr(GRegex) handler = g_regex_new ("<[^>]*\\son[a-z]+\\s*=", 0, 0, NULL);
  g_autoptr(GRegex) tag = g_regex_new ("<([a-z0-9]+)[\\s/>]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  static const char *allowed[] = {
    "html", "head", "meta", "title", "style", "body", "main", "div", "header", "p", "h1", "h2", "h3", "h4",
    "h5", "h6", "dl", "dt", "dd", "nav", "ul", "ol", "li", "a", "blockquote", "pre", "code", "em", "strong",
    "br", "hr", "span", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", NULL
  };

  /* No active content: no script, no handlers, no dangerous URLs, and
   * no element but those the writer itself makes. */
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "javascript:"));
  g_assert_null (strstr (lower, "vbscript:"));
  g_assert_null (strstr (lower, "data:text"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "tracker.example"));
  g_assert_false (g_regex_match (handler, lower, 0, NULL));
  g_regex_match (tag, lower, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);

      if (!g_strv_contains (allowed, name))
        {
          g_test_message ("unexpected element <%s> in the HTML", name);
          g_test_fail ();
        }
      g_match_info_next (match, NULL);
    }
  /* What is safe survives, escaped. */
  g_assert_nonnull (strstr (html, "href=\"https://example.org/a?b=1&amp;c=2\""));
  g_assert_nonnull (strstr (html, "href=\"mailto:drafting@example.org\""));
  g_assert_nonnull (strstr (html, "click me"));
  g_assert_nonnull (strstr (html, "Strategy &lt;script&gt;alert('title')&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert('code')&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "الأمن السيبراني الوطني"));
  g_assert_nonnull (strstr (html, "אבטחת סייבר לאומית"));
  g_assert_nonnull (strstr (html, "国家网络安全战略"));
  g_assert_nonnull (strstr (html, "end of the huge cell"));
  /* Plain ASCII, with a line break, and text with a carriage return and
   * non-ASCII after it: escaped alike. */
  g_assert_nonnull (strstr (html, "&lt;Ministry&gt; &amp; &quot;Co&quot;"));
  g_assert_nonnull (strstr (html, "1 000 &amp; more<br/>tabs\there"));
  g_assert_nonnull (strstr (html, "Partner&#13;<br/>second line \xc3\xa9 &amp; &lt;b&gt;"));
  /* The megabyte is cut in the table and the action, given whole after. */
  g_assert_cmpuint (count (html, "continued in long entry"), ==, 2);
  g_assert_nonnull (strstr (html, "Long entry 1: Indicator, 1.1.1"));
  g_assert_nonnull (strstr (html, "Long entry 2: Indicator, row 1.1.1"));
  g_assert_nonnull (strstr (html, "deep quote"));
  g_assert_nonnull (strstr (html, "deep list"));
  g_assert_null (strchr (html, '\x01'));
  g_assert_null (strchr (html, '\x1b'));
  g_assert_nonnull (strstr (html, "Control  characters"));

  g_assert_nonnull (rels);
  g_assert_null (strstr (rels, "javascript:"));
  g_assert_nonnull (strstr (rels, "https://example.org/a?b=1&amp;c=2"));
  g_assert_nonnull (content);
  g_assert_null (strstr (content, "javascript:"));
  g_assert_nonnull (strstr (content, "国家网络安全战略"));

  if (require_tool ("xmllint") && require_tool ("unzip"))
    {
      xmllint (html_path);
      g_assert_cmpuint (xmllint_package (docx_path), >=, 4);
      g_assert_cmpuint (xmllint_package (odt_path), >=, 4);
    }
  if (require_tool ("soffice") && require_tool ("pdfinfo"))
    {
      const char *files[] = { docx_path, odt_path, NULL };
      g_autoptr(GPtrArray) texts = libreoffice_convert (files, "txt:Text", "txt");
      g_autoptr(GPtrArray) pdfs = NULL;
      g_autoptr(PlAction) action = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *actions = pl_document_get_all_actions (doc);
      g_autofree char *small_docx = NULL, *small_odt = NULL;
      const char *small[3] = { NULL };

      /* LibreOffice reads all of it, the megabyte cell included ... */
      for (guint i = 0; i < texts->len; i++)
        {
          g_autofree char *text = NULL;

          if (!g_file_get_contents (g_ptr_array_index (texts, i), &text, NULL, NULL))
            {
              g_test_message ("LibreOffice could not read %s", files[i]);
              g_test_fail ();
              continue;
            }
          g_assert_nonnull (strstr (text, "end of the huge cell"));
          g_assert_nonnull (strstr (text, "国家网络安全战略"));
          g_assert_nonnull (strstr (text, "deep list"));
          g_assert_nonnull (strstr (text, "deep quote"));
          g_assert_null (strstr (text, "javascript:"));
        }

      /* ... and lays the rest out as pages. A megabyte in one table
       * cell is some 300 pages, which LibreOffice needs minutes for. */
      action = g_list_model_get_item (actions, 0);
      g_assert_true (pl_record_set (PL_RECORD (action), &error, "indicator", "A short indicator", NULL));
      g_assert_no_error (error);
      small_docx = export_format (doc, PL_EXPORT_DOCX, TRUE, PL_ANONYMISE_NONE, "hostile-paged.docx");
      small_odt = export_format (doc, PL_EXPORT_ODT, TRUE, PL_ANONYMISE_NONE, "hostile-paged.odt");
      small[0] = small_docx;
      small[1] = small_odt;
      pdfs = libreoffice_pdf (small);
      for (guint i = 0; i < pdfs->len; i++)
        g_assert_cmpint (pdf_pages (g_ptr_array_index (pdfs, i)), >=, 2);
    }
  pl_document_close (doc);
}

/* ---- the shared safety helpers ---- */

static void
test_link_schemes (void)
{
  static const char *safe[] = { "https://example.org", "HTTP://EXAMPLE.ORG/x", "mailto:a@example.org", NULL };
  static const char *unsafe[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,AAAA", "vbscript:x", "file:///etc/passwd",
    "//evil.example/x", "#anchor", "relative/page.html", "", " https://example.org", NULL
  };

  for (guint i = 0; safe[i]; i++)
    g_assert_true (pl_export_link_is_safe (safe[i]));
  for (guint i = 0; unsafe[i]; i++)
    if (pl_export_link_is_safe (unsafe[i]))
      {
        g_test_message ("“%s” kept as a link", unsafe[i]);
        g_test_fail ();
      }
  g_assert_false (pl_export_link_is_safe (NULL));
}

static void
test_clean_text (void)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  const char *clean = "Plain text, tab\there, new\nline, 国家 and עברית";

  /* Clean text is returned as it is, without a copy. */
  g_assert_true (pl_export_clean_text (clean, -1, scratch) == clean);
  g_assert_cmpstr (pl_export_clean_text ("a\x01" "b\x1f\x0b" "c\x7f", -1, scratch), ==, "abc\x7f");
  g_assert_cmpstr (pl_export_clean_text ("x\xef\xbf\xbey\xef\xbf\xbfz", -1, scratch), ==, "xyz");
  g_assert_cmpstr (pl_export_clean_text ("bad \xff\xfe utf-8", -1, scratch), ==, "bad \xef\xbf\xbd\xef\xbf\xbd utf-8");
  g_assert_cmpstr (pl_export_clean_text (NULL, -1, scratch), ==, "");

  /* Long ASCII is looked at eight bytes at a time: a control character
   * or a non-ASCII byte at any place of a word is still found. */
  for (guint at = 0; at < 24; at++)
    {
      char text[25], expected[25];

      memset (text, 'a', 24);
      text[24] = '\0';
      g_assert_true (pl_export_clean_text (text, -1, scratch) == text);
      text[at] = '\x1b';
      memcpy (expected, text, 25);
      memmove (expected + at, expected + at + 1, 24 - at);
      g_assert_cmpstr (pl_export_clean_text (text, -1, scratch), ==, expected);
      text[at] = '\xff';
      g_assert_cmpuint (strlen (pl_export_clean_text (text, -1, scratch)), ==, 26);
      text[at] = '\t';
      g_assert_true (pl_export_clean_text (text, -1, scratch) == text);
    }
  /* A length that stops before the end, or a NUL within it. */
  g_assert_cmpstr (pl_export_clean_text ("abcdefghijklmnop", 10, scratch), ==, "abcdefghij");
  g_assert_cmpstr (pl_export_clean_text ("abcdefgh\0ijklmnop", 17, scratch), ==, "abcdefgh\xef\xbf\xbdijklmnop");
}

/* A full disk at any point (before, within and after the part that is
 * compressed while it is written) is an error, never a crash or a hang. */
static void
test_write_error (void)
{
  static const PlExportFormat formats[] = { PL_EXPORT_HTML, PL_EXPORT_DOCX, PL_EXPORT_ODT };
  PlExportOptions options;

  pl_export_options_init (&options);
  options.annex = TRUE;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GOutputStream) whole = g_memory_output_stream_new_resizable ();
      gsize size;

      options.format = formats[f];
      g_assert_true (pl_export_to_stream (example, &options, whole, NULL, NULL));
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (whole));
      for (guint tenth = 0; tenth < 10; tenth += 3)
        {
          gsize room = size * tenth / 10;
          g_autofree char *space = g_malloc (MAX (room, 1));
          g_autoptr(GOutputStream) out = g_memory_output_stream_new (space, room, NULL, NULL);
          g_autoptr(GError) error = NULL;

          g_test_message ("format %u, %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", f, room, size);
          g_assert_false (pl_export_to_stream (example, &options, out, NULL, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        }
    }
  pl_export_options_clear (&options);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  tmp_dir = pl_test_make_dir ();
  path = pl_test_path (tmp_dir, "example.pillars");
  example = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/link-schemes", test_link_schemes);
  g_test_add_func ("/export/clean-text", test_clean_text);
  g_test_add_func ("/export/markdown/cmark", test_markdown_cmark);
  g_test_add_func ("/export/html/outline", test_html_outline);
  g_test_add_func ("/export/well-formed", test_well_formed);
  g_test_add_func ("/export/packages", test_packages);
  g_test_add_func ("/export/pandoc", test_pandoc);
  g_test_add_func ("/export/libreoffice", test_libreoffice);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/anonymisation", test_anonymisation);
  g_test_add_func ("/export/hostile", test_hostile);
  g_test_add_func ("/export/write-error", test_write_error);

  status = g_test_run ();

  pl_document_close (example);
  g_clear_object (&example);
  if (g_getenv ("PL_TEST_KEEP") == NULL)
    pl_test_rmdir_recursive (tmp_dir);
  else
    g_printerr ("kept %s\n", tmp_dir);
  g_free (tmp_dir);
  return status;
}
