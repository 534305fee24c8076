/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* What the exports say, as the secretariat reads them (#11 item 22): the
 * timeframes, the plan's columns, the annex's numbering and columns, the
 * contents, the title page. */

static void
test_timeframes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "timeframes.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autofree char *md = NULL, *html = NULL, *md_path = NULL, *html_path = NULL;
  const struct { const char *title, *start, *end; } actions[] = {
    { "One year", "2026", "2026" },
    { "Two years", "2026", "2027" },
    { "Open end", "2027", "" },
    { "Open start", "", "2028" },
  };

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Pillar", NULL);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error, "title", "Objective", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(PlAction) action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                                                    "title", actions[i].title, "timeframe", PL_TIMEFRAME_SHORT,
                                                    "start-date", actions[i].start, "end-date", actions[i].end, NULL);
      g_assert_no_error (error);
    }
  md_path = export_format (doc, PL_EXPORT_MARKDOWN, FALSE, PL_ANONYMISE_NONE, "timeframes.md");
  html_path = export_format (doc, PL_EXPORT_HTML, FALSE, PL_ANONYMISE_NONE, "timeframes.html");
  md = read_text (md_path);
  html = read_text (html_path);
  for (guint f = 0; f < 2; f++)
    {
      const char *text = f == 0 ? md : html;

      g_assert_null (strstr (text, "2026–2026"));
      g_assert_nonnull (strstr (text, "Short term (2026)"));
      g_assert_nonnull (strstr (text, "Short term (2026–2027)"));
      g_assert_nonnull (strstr (text, "Short term (from 2027)"));
      g_assert_nonnull (strstr (text, "Short term (until 2028)"));
      g_assert_null (strstr (text, "(2027–)"));
      g_assert_null (strstr (text, "(–2028)"));
    }
  pl_document_close (doc);
}

/* The plan has Partners and Cost, in every format; the annex says "1."
 * after a pillar's number as its heading does. */
static void
test_plan_and_annex (void)
{
  g_autofree char *md = NULL, *html = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found_about = FALSE;

  export_example ();
  md = read_text (ex.md_annex);
  html = read_text (ex.html_annex);
  g_assert_nonnull (strstr (md, "| No. | Pillar | Objective | Action | Lead agency | Partners | Timeframe | Priority "
                                "| Indicator | Cost | Status |"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Partners</th>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Cost</th>"));

  rows = html_rows (html);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      /* Annex rows: nine cells, a number first. */
      if (g_strv_length (cells) != 9 || !g_ascii_isdigit (cells[0][0]))
        continue;
      g_assert_false (g_regex_match_simple ("^[0-9]+ [^0-9.]", cells[1], 0, 0));
      if (g_str_equal (cells[1], "1. Capacity building"))
        found_about = TRUE;
    }
  g_assert_true (found_about);
}

/* Fully anonymised, no row has an organisation: the column goes. */
static void
test_anonymous_annex (void)
{
  g_autofree char *md_path = export_format (example, PL_EXPORT_MARKDOWN, TRUE, PL_ANONYMISE_FULL, "anon.md");
  g_autofree char *html_path = export_format (example, PL_EXPORT_HTML, TRUE, PL_ANONYMISE_FULL, "anon.html");
  g_autofree char *odt_path = export_format (example, PL_EXPORT_ODT, TRUE, PL_ANONYMISE_FULL, "anon.odt");
  g_autofree char *docx_path = export_format (example, PL_EXPORT_DOCX, TRUE, PL_ANONYMISE_FULL, "anon.docx");
  g_autofree char *md = read_text (md_path);
  g_autofree char *html = read_text (html_path);
  g_autofree char *content = zip_member (odt_path, "content.xml");
  g_autofree char *document = zip_member (docx_path, "word/document.xml");
  g_autofree char *named = read_text (ex.html_annex);

  export_example ();
  g_assert_nonnull (strstr (md, "| No. | About | Kind | Stakeholder | Sector | Comment | Disposition | Response |"));
  g_assert_null (strstr (html, ">Organisation<"));
  g_assert_null (strstr (content, ">Organisation<"));
  g_assert_null (strstr (document, ">Organisation<"));
  g_assert_nonnull (strstr (content, "table:style-name=\"AnonAnnexColumn8\""));
  g_assert_null (strstr (content, "table:style-name=\"AnonAnnexColumn9\""));
  /* Shown where there is one to show. */
  g_assert_nonnull (strstr (named, ">Organisation<"));
}

/* Pillar narrative sub-headings rank below the numbered objectives. */
static void
test_contents_levels (void)
{
  g_autofree char *md = NULL;

  export_example ();
  md = read_text (ex.md);
  g_assert_nonnull (strstr (md, "\n#### Why it matters\n"));
  g_assert_null (strstr (md, "\n### Why it matters\n"));
  g_assert_nonnull (strstr (md, "\n### 1.1 "));
}

/* The title page: the marking once, in its own paragraph, no page
 * number; the pages after it have both. */
static void
test_title_page (void)
{
  g_autofree char *document = NULL, *rels = NULL, *types = NULL, *header2 = NULL, *footer2 = NULL;
  g_autofree char *styles = NULL, *content = NULL;

  export_example ();
  document = zip_member (ex.docx, "word/document.xml");
  rels = zip_member (ex.docx, "word/_rels/document.xml.rels");
  types = zip_member (ex.docx, "[Content_Types].xml");
  header2 = zip_member (ex.docx, "word/header2.xml");
  footer2 = zip_member (ex.docx, "word/footer2.xml");
  g_assert_cmpuint (count (document, "<w:titlePg/>"), ==, 1);
  g_assert_nonnull (strstr (document, "w:type=\"first\" r:id=\"rIdHeaderTitle\""));
  g_assert_nonnull (strstr (rels, "Target=\"footer2.xml\""));
  g_assert_nonnull (strstr (types, "/word/header2.xml"));
  g_assert_null (strstr (header2, "DRAFT"));
  g_assert_null (strstr (footer2, "PAGE"));

  /* Printed HTML: no margin boxes on the first page. */
  {
    g_autofree char *html = read_text (ex.html);

    g_assert_nonnull (strstr (html, "@page :first { @top-center { content: none; }"));
    /* ... and links (long URLs) wrap rather than run off the page. */
    g_assert_nonnull (strstr (html, "a { overflow-wrap: anywhere;"));
  }
  styles = zip_member (ex.odt, "styles.xml");
  content = zip_member (ex.odt, "content.xml");
  g_assert_nonnull (strstr (styles, "<style:master-page style:name=\"TitlePage\""));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"TitlePage_Marking\">DRAFT"));

  if (require_tool ("soffice") && require_tool ("pdftotext"))
    {
      const char *files[] = { ex.docx, ex.odt, NULL };
      g_autoptr(GPtrArray) pdfs = libreoffice_pdf (files);

      for (guint i = 0; i < pdfs->len; i++)
        {
          const char *pdf = g_ptr_array_index (pdfs, i);
          g_autofree char *first = run ((const char *const[]) { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL });
          g_autofree char *second = run ((const char *const[]) { "pdftotext", "-f", "2", "-l", "2", pdf, "-", NULL });

          g_assert_cmpuint (count (first, "DRAFT — FOR CONSULTATION"), ==, 1);
          g_assert_null (strstr (first, "Page 1"));
          g_assert_cmpuint (count (second, "DRAFT — FOR CONSULTATION"), ==, 2);
          g_assert_nonnull (strstr (second, "Page 2 of"));
        }
    }
}

/* A long cell is cut after a sentence, counting characters, not bytes:
 * Greek takes two bytes a letter and must not be cut sooner or mid-word. */
static void
test_long_cells (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "long.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) shorter = NULL, longer = NULL;
  GString *medium = g_string_new (NULL), *big = g_string_new (NULL);
  g_autofree char *html_path = NULL, *html = NULL;
  g_autoptr(GRegex) cut = g_regex_new ("<td>([^<]*) … \\(continued in long entry [0-9]+ below\\)</td>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *shown = NULL;

  /* 1,500 characters (3,000 bytes): not long. 3,000 characters: long. */
  while (g_utf8_strlen (medium->str, -1) < 1500)
    g_string_append (medium, "Αυτή είναι μια πρόταση ");
  g_string_truncate (medium, g_utf8_offset_to_pointer (medium->str, 1500) - medium->str);
  for (guint i = 0; g_utf8_strlen (big->str, -1) < 3000; i++)
    g_string_append_printf (big, "Πρόταση αριθμός %u για τον δείκτη. ", i);

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Pillar", NULL);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error, "title", "Objective", NULL);
  shorter = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error, "title", "Medium",
                             "indicator", medium->str, NULL);
  longer = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error, "title", "Long",
                            "indicator", big->str, NULL);
  g_assert_no_error (error);
  html_path = export_format (doc, PL_EXPORT_HTML, FALSE, PL_ANONYMISE_NONE, "long.html");
  html = read_text (html_path);

  /* The medium one whole in the plan; the long one cut once there. */
  g_assert_nonnull (strstr (html, medium->str));
  g_assert_cmpuint (count (html, "(continued in long entry"), ==, 2);
  g_assert_true (g_regex_match (cut, html, 0, &match));
  shown = g_match_info_fetch (match, 1);
  g_assert_true (g_str_has_suffix (shown, "δείκτη."));
  g_assert_cmpuint (g_utf8_strlen (shown, -1), >, 200);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), <=, 400);
  g_assert_true (g_str_has_prefix (big->str, shown));
  g_string_free (medium, TRUE);
  g_string_free (big, TRUE);
  pl_document_close (doc);
}

/* Right-to-left paragraphs are laid out right to left in every format,
 * from their text (FriBidi); left-to-right ones stay as they are. */
static void
test_rtl (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "rtl.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autofree char *html_path = NULL, *docx_path = NULL, *odt_path = NULL;
  g_autofree char *html = NULL, *document = NULL, *content = NULL;

  g_assert_cmpint (pl_export_text_direction ("(2026) الأمن", -1), ==, PL_EXPORT_DIRECTION_RTL);
  g_assert_cmpint (pl_export_text_direction ("1. אבטחת סייבר", -1), ==, PL_EXPORT_DIRECTION_RTL);
  g_assert_cmpint (pl_export_text_direction ("Cyber الأمن", -1), ==, PL_EXPORT_DIRECTION_LTR);
  g_assert_cmpint (pl_export_text_direction ("Ünïcödé", -1), ==, PL_EXPORT_DIRECTION_LTR);
  g_assert_cmpint (pl_export_text_direction ("2026 – 2030", -1), ==, PL_EXPORT_DIRECTION_NEUTRAL);
  g_assert_cmpint (pl_export_text_direction ("abc الأمن", 0), ==, PL_EXPORT_DIRECTION_NEUTRAL);

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "الأمن السيبراني", "body",
                            "English paragraph first.\n\n"
                            "(2026) الأمن السيبراني الوطني مسؤولية مشتركة.\n\n"
                            "- عنصر القائمة\n- second item\n", NULL);
  g_assert_no_error (error);
  html_path = export_format (doc, PL_EXPORT_HTML, FALSE, PL_ANONYMISE_NONE, "rtl.html");
  docx_path = export_format (doc, PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_NONE, "rtl.docx");
  odt_path = export_format (doc, PL_EXPORT_ODT, FALSE, PL_ANONYMISE_NONE, "rtl.odt");
  html = read_text (html_path);
  document = zip_member (docx_path, "word/document.xml");
  content = zip_member (odt_path, "content.xml");

  g_assert_nonnull (strstr (html, "<p dir=\"rtl\">(2026) الأمن"));
  g_assert_nonnull (strstr (html, "<p dir=\"rtl\">عنصر القائمة"));
  g_assert_nonnull (strstr (html, "<p>English paragraph first."));
  g_assert_nonnull (strstr (html, "dir=\"auto\">1. الأمن السيبراني</h2>"));
  /* The heading, the paragraph and the item: w:bidi; English: none. */
  g_assert_cmpuint (count (document, "<w:bidi/>"), ==, 3);
  g_assert_true (g_regex_match_simple ("<w:bidi/>(?:(?!</w:p>).)*\\(2026\\) الأمن", document, 0, 0));
  g_assert_false (g_regex_match_simple ("<w:bidi/>(?:(?!</w:p>).)*English paragraph", document, 0, 0));
  g_assert_nonnull (strstr (content, "style:name=\"RTL_Text_20_body\""));
  g_assert_nonnull (strstr (content, "style:writing-mode=\"rl-tb\""));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"RTL_Text_20_body\">(2026) الأمن"));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"Text_20_body\">English paragraph first."));
  pl_document_close (doc);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/content/timeframes", test_timeframes);
  g_test_add_func ("/export/content/plan-and-annex", test_plan_and_annex);
  g_test_add_func ("/export/content/anonymous-annex", test_anonymous_annex);
  g_test_add_func ("/export/content/contents-levels", test_contents_levels);
  g_test_add_func ("/export/content/title-page", test_title_page);
  g_test_add_func ("/export/content/long-cells", test_long_cells);
  g_test_add_func ("/export/content/rtl", test_rtl);

  return export_test_run ();
}
