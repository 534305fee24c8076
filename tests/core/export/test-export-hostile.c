/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* A hostile document (raw HTML, unsafe links, control characters,
 * nesting ten thousand deep, a megabyte in one cell) in every format. */

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

/* TRUE when @text holds no C0 control but tab and line ends, no DEL, no
 * C1 control and no bidi embedding, override or isolate. */
static gboolean
reads_as_written (const char *text,
                  const char *what)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F ||
        (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) ||
        (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
        (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))
      {
        g_test_message ("%s: a control character at byte %u", what, (guint) (p - (const guchar *) text));
        return FALSE;
      }
  return TRUE;
}

/* Bidi overrides (a name shown as "exe.txt" that is "txt.exe"), C1
 * controls (U+009B is CSI to a terminal) and DEL: the overrides become
 * visible marks, the controls are dropped, in every format; right-to-left
 * text and its implicit marks (U+200F) stay as they are. */
static void
test_bidi_and_c1 (void)
{
  g_autofree char *path = pl_test_path (tmp_dir, "bidi.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlStakeholder) person = NULL;
  g_autoptr(PlFeedback) feedback = NULL;
  const char *rtl = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86 \xe2\x80\x8f(2026)\xe2\x80\x8f \xd7\x90\xd7\x91";
  const PlExportFormat formats[] = { PL_EXPORT_MARKDOWN, PL_EXPORT_HTML, PL_EXPORT_DOCX, PL_EXPORT_ODT,
                                     PL_EXPORT_CSV };
  const char *names[] = { "bidi.md", "bidi.html", "bidi.docx", "bidi.odt", "bidi.csv" };
  g_autofree char *body = g_strconcat ("Right to left: ", rtl, ". Override \xe2\x80\xad" "ltr\xe2\x80\xac and \xc2\x85next.\n", NULL);

  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error,
                                "title", "Annex \xe2\x80\xae" "fdp.exe\xe2\x80\xac strategy",
                                "vision", "Vision \xc2\x9b" "31m red\x7f text", NULL));
  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error,
                            "title", "Pillar \xe2\x81\xa6isolated\xe2\x81\xa9 \xe2\x80\xaa" "embedded\xe2\x80\xac",
                            "body", body, NULL);
  g_assert_no_error (error);
  person = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Person \xe2\x80\xae" "eman",
                            "may-be-named", TRUE, NULL);
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, "Feedback \xe2\x80\xae" "txet\xc2\x9b",
                                       PL_RECORD (pillar), NULL, NULL, person, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = export_format (doc, formats[i], TRUE, PL_ANONYMISE_NONE, names[i]);
      g_autofree char *text = NULL;

      if (formats[i] == PL_EXPORT_DOCX)
        text = zip_member (out, "word/document.xml");
      else if (formats[i] == PL_EXPORT_ODT)
        text = zip_member (out, "content.xml");
      else
        text = read_text (out);
      g_assert_nonnull (text);
      g_assert_true (reads_as_written (text, names[i]));
      if (formats[i] != PL_EXPORT_CSV)
        {
          g_assert_nonnull (strstr (text, "Annex \u2039U+202E\u203A" "fdp.exe\u2039U+202C\u203A strategy"));
          g_assert_nonnull (strstr (text, "\u2039U+2066\u203Aisolated\u2039U+2069\u203A"));
          g_assert_nonnull (strstr (text, "\u2039U+202A\u203A" "embedded"));
          g_assert_nonnull (strstr (text, "Vision 31m red text"));
          g_assert_nonnull (strstr (text, "Override \u2039U+202D\u203Altr"));
          g_assert_nonnull (strstr (text, "next."));
          g_assert_nonnull (strstr (text, rtl));
        }
      g_assert_nonnull (strstr (text, "Feedback \u2039U+202E\u203Atxet"));
      g_assert_nonnull (strstr (text, "Person \u2039U+202E\u203A" "eman"));
    }
  pl_document_close (doc);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/hostile", test_hostile);
  g_test_add_func ("/export/bidi-and-c1", test_bidi_and_c1);

  return export_test_run ();
}
