/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* What every format shares (pl-export.c, the helpers of the outline):
 * the options, anonymisation, write errors, and the safety helpers. */

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
  /* C0 controls, DEL and C1 controls (U+009B is CSI to a terminal) go. */
  g_assert_cmpstr (pl_export_clean_text ("a\x01" "b\x1f\x0b" "c\x7f", -1, scratch), ==, "abc");
  g_assert_cmpstr (pl_export_clean_text ("\xc2\x80" "a\xc2\x9b" "b\xc2\x9f\xc2\xa0" "c", -1, scratch), ==, "ab\xc2\xa0" "c");
  /* Bidi embeddings, overrides and isolates are shown; the implicit
   * marks (U+200E, U+200F, U+061C) are right-to-left text's own. */
  g_assert_cmpstr (pl_export_clean_text ("a\xe2\x80\xae" "b\xe2\x81\xa9\xe2\x80\x8f", -1, scratch), ==,
                   "a\u2039U+202E\u203A" "b\u2039U+2069\u203A\xe2\x80\x8f");
  g_assert_cmpstr (pl_export_clean_text ("\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\xd8\x9c", -1, scratch), ==,
                   "\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\xd8\x9c");
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
      text[at] = '\x7f';
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

/* ---- options ---- */

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

          /* Fully anonymised, no row shows an organisation: the annex
           * drops the column (eight columns, the comment sixth). */
          guint comment = modes[m] == PL_ANONYMISE_FULL ? 5 : 6;

          if (g_strv_length (cells) == comment + 3 && g_str_has_prefix (cells[comment], "Comment "))
            g_hash_table_insert (who, g_strdup (cells[comment]), g_strdup (cells[3]));
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

/* ---- errors ---- */

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
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/link-schemes", test_link_schemes);
  g_test_add_func ("/export/clean-text", test_clean_text);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/anonymisation", test_anonymisation);
  g_test_add_func ("/export/write-error", test_write_error);

  return export_test_run ();
}
