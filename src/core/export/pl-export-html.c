/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* One self-contained HTML5 file that is also well-formed XML (XHTML
 * syntax), written into a buffer that goes to the output stream in large
 * pieces: the markup is constant text of this file, written in balanced
 * pairs (every element is closed explicitly, <p></p>, never <p/>), and
 * every text from the document is escaped by libxml2
 * (xmlEncodeSpecialChars) or, in the few attribute values that take one
 * (link targets and titles), by GLib (g_markup_escape_text). Nothing from the document becomes markup of its
 * own: raw HTML never reaches this writer (pl-export-outline.c drops it),
 * only http, https and mailto links survive, and no attribute takes a
 * value from the document except those links and the generated heading
 * ids. A megabyte of narrative becomes a few thousand buffer writes, not
 * a writer call per element and attribute. */

/* Constant, and free of '<' and '&', so it is written as it is. */
static const char html_css[] =
  "\n:root { --ink: #1b1b1b; --navy: #1f3864; --rule: #8c8c8c; --head: #dce3ed; --marking: #c00000; }\n"
  "html { background: #f3f3f1; }\n"
  "body { font-family: 'Times New Roman', 'Liberation Serif', 'Nimbus Roman', serif; font-size: 11.5pt;"
  " line-height: 1.45; color: var(--ink); background: #fff; max-width: 50em; margin: 0 auto;"
  " padding: 3.5em 4em; box-shadow: 0 0 0.6em rgba(0,0,0,0.15); }\n"
  "h1, h2, h3, h4, h5, h6, .country, .marking, th, nav.contents { font-family: Arial, 'Liberation Sans',"
  " Cantarell, sans-serif; color: var(--navy); line-height: 1.2; }\n"
  "h2 { font-size: 16pt; border-bottom: 1px solid #a5b4cc; padding-bottom: 0.15em; margin: 1.6em 0 0.6em; }\n"
  "h3 { font-size: 13pt; margin: 1.3em 0 0.4em; }\n"
  "h4 { font-size: 11.5pt; margin: 1.1em 0 0.3em; color: #2f5496; }\n"
  "h5, h6 { font-size: 11pt; font-style: italic; margin: 1em 0 0.3em; color: #2f5496; }\n"
  "h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }\n"
  "p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; }\n"
  "a { color: #1f4e9a; }\n"
  /* A long URL (or any unbroken string) wraps instead of running off the
   * printed page. */
  "p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6 { overflow-wrap: break-word; }\n"
  "a { overflow-wrap: anywhere; word-break: break-word; }\n"
  /* Table cells, details and contents entries take their direction from
   * their own text. */
  "td, th, dd, dt, nav.contents li, .action p { unicode-bidi: plaintext; }\n"
  ".marking { color: var(--marking); font-weight: bold; text-transform: uppercase; font-size: 8.5pt;"
  " letter-spacing: 0.05em; text-align: center; }\n"
  ".marking-top, .marking-bottom { position: fixed; left: 0; right: 0; background: #fff; padding: 0.3em;"
  " border-color: #e0e0e0; }\n"
  ".marking-top { top: 0; border-bottom: 1px solid #e0e0e0; }\n"
  ".marking-bottom { bottom: 0; border-top: 1px solid #e0e0e0; }\n"
  ".title-page { padding-top: 2em; margin-bottom: 3em; }\n"
  ".title-page .marking { font-size: 10pt; margin-bottom: 4em; }\n"
  ".country { text-transform: uppercase; letter-spacing: 0.04em; font-size: 13pt; color: #44546a; margin: 0 0 0.5em; }\n"
  "h1.title { font-size: 28pt; margin: 0 0 1.5em; padding-bottom: 0.3em; border-bottom: 2px solid var(--navy); }\n"
  "dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; }\n"
  "dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }\n"
  "nav.contents ul { list-style: none; padding: 0; }\n"
  "nav.contents li { margin: 0.15em 0; } nav.contents a { color: inherit; text-decoration: none; }\n"
  "nav.contents .toc1 { font-weight: bold; margin-top: 0.5em; }\n"
  "nav.contents .toc2 { padding-left: 1.5em; } nav.contents .toc3 { padding-left: 3em; font-size: 95%; }\n"
  ".summary { font-style: italic; font-size: 12.5pt; color: #44546a; }\n"
  ".note { font-style: italic; color: #595959; }\n"
  ".action { margin: 0.6em 0 0.6em 1.5em; break-inside: avoid; page-break-inside: avoid; }\n"
  ".action p { margin: 0; text-align: left; }\n"
  ".action-title { font-weight: bold; }\n"
  ".action-details { font-size: 10pt; color: #404040; }\n"
  ".action-details .label { font-weight: bold; }\n"
  "blockquote { margin: 0.8em 0 0.8em 1.5em; padding-left: 1em; border-left: 3px solid #a5b4cc; color: #404040; font-style: italic; }\n"
  "pre { background: #f2f2f2; padding: 0.6em 0.8em; overflow-x: auto; font-size: 9.5pt; white-space: pre-wrap; }\n"
  "code { font-family: 'Courier New', 'Liberation Mono', monospace; font-size: 90%; }\n"
  "hr { border: 0; border-top: 1px solid var(--rule); margin: 1.2em 0; }\n"
  "li p { margin: 0.2em 0; }\n"
  ".table-wrap { overflow-x: auto; }\n"
  "table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; margin: 0.5em 0 1.5em; }\n"
  "th, td { border: 1px solid var(--rule); padding: 0.25em 0.4em; vertical-align: top; text-align: left;"
  " overflow-wrap: anywhere; }\n"
  "th { background: var(--head); font-size: 8.5pt; }\n"
  "thead { display: table-header-group; }\n"
  "tr { break-inside: avoid; page-break-inside: avoid; }\n"
  ".wide { }\n"
  "@page { size: A4; margin: 2.5cm 2.5cm 2.2cm; }\n"
  "@page wide { size: A4 landscape; margin: 2cm; }\n"
  "@media screen { body { margin-top: 2.5em; margin-bottom: 2.5em; } }\n"
  "@media print {\n"
  "  html, body { background: none; box-shadow: none; max-width: none; padding: 0; margin: 0; }\n"
  "  .title-page { min-height: 20cm; padding-top: 3cm; }\n"
  "  .title-page, nav.contents { break-after: page; page-break-after: always; }\n"
  /* Printed, the marking is in the page margins (see write_page_css). */
  "  .marking-top, .marking-bottom { display: none; }\n"
  "  .new-page { break-before: page; page-break-before: always; }\n"
  "  .wide { page: wide; break-before: page; }\n"
  "  .table-wrap { overflow: visible; }\n"
  "  a { color: inherit; text-decoration: none; }\n"
  "}\n";

#define MARGIN_BOX_STYLE "font: bold 8pt Arial, 'Liberation Sans', sans-serif; color: #c00000; letter-spacing: 0.05em; text-transform: uppercase;"
#define PAGE_NUMBER_STYLE "font: 9pt Arial, 'Liberation Sans', sans-serif; color: #595959;"


/* Written to the output stream when the buffer holds this much. */
#define FLUSH_SIZE (64 * 1024)

typedef struct {
  PlExportContext  *ctx;
  GString          *buffer;
  GString          *scratch;
  gboolean          wide;
  guint             n_columns;
} PlHtml;

static void
flush (PlHtml *h)
{
  pl_export_write (h->ctx, h->buffer->str, h->buffer->len);
  g_string_truncate (h->buffer, 0);
}

/* @len bytes of markup or text, as they are. Written a million times: a
 * plain copy while the buffer has room (it is allocated larger than
 * FLUSH_SIZE). */
static inline void
raw_len (PlHtml     *h,
         const char *markup,
         gsize       len)
{
  if (h->buffer->len + len < h->buffer->allocated_len)
    {
      memcpy (h->buffer->str + h->buffer->len, markup, len);
      h->buffer->len += len;
      h->buffer->str[h->buffer->len] = '\0';
    }
  else
    g_string_append_len (h->buffer, markup, len);
  if (h->buffer->len >= FLUSH_SIZE)
    flush (h);
}

/* Markup of this file, as it is. */
static void
raw (PlHtml     *h,
     const char *markup)
{
  raw_len (h, markup, strlen (markup));
}

/* Clean text of the document as element content: &, <, >, " (and CR)
 * escaped by libxml2; most text has none of them and is written as it is. */
static void
escaped (PlHtml     *h,
         const char *text)
{
  xmlChar *escaped_text;

  if (strpbrk (text, "&<>\"\r") == NULL)
    {
      raw (h, text);
      return;
    }
  escaped_text = xmlEncodeSpecialChars (NULL, BAD_CAST text);
  raw (h, (const char *) escaped_text);
  xmlFree (escaped_text);
}

/* ' @name="@value"' for a value from the document. */
static void
attribute (PlHtml     *h,
           const char *name,
           const char *value)
{
  g_autofree char *quoted = g_markup_escape_text (pl_export_clean_text (value, -1, h->scratch), -1);
  g_autofree char *markup = g_strconcat (" ", name, "=\"", quoted, "\"", NULL);

  raw (h, markup);
}

/* <@name> or <@name class="@class_name">; both constant. */
static void
start (PlHtml     *h,
       const char *name,
       const char *class_name)
{
  raw (h, "<");
  raw (h, name);
  if (class_name)
    {
      raw (h, " class=\"");
      raw (h, class_name);
      raw (h, "\"");
    }
  raw (h, ">");
}

static void
end (PlHtml     *h,
     const char *name)
{
  raw (h, "</");
  raw (h, name);
  raw (h, ">");
}


/* @text as a CSS string: everything but letters, digits and spaces as a
 * hexadecimal escape, so nothing in it can end the string or the style.
 * Single quotes, which libxml2 leaves alone in text (a <style> is raw
 * text in HTML, where &quot; would stay as it is). */
static char *
css_string (const char *text)
{
  GString *s = g_string_new ("'");

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && (g_ascii_isalnum (c) || c == ' '))
        g_string_append_c (s, c);
      else
        g_string_append_printf (s, "\\%x ", c);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}


/* Printed pages: the marking in the top and bottom margins, the page
 * number in the bottom right one. */
static void
write_page_css (PlHtml     *h,
                const char *marking)
{
  g_autofree char *content = css_string (marking);
  static const char *pages[] = { "@page", "@page wide" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *rule = NULL;

      if (*marking)
        rule = g_strdup_printf ("%s { @top-center { content: %s; %s } @bottom-center { content: %s; %s }"
                                " @bottom-right { content: counter(page); %s } }\n",
                                pages[i], content, MARGIN_BOX_STYLE, content, MARGIN_BOX_STYLE, PAGE_NUMBER_STYLE);
      else
        rule = g_strdup_printf ("%s { @bottom-right { content: counter(page); %s } }\n", pages[i], PAGE_NUMBER_STYLE);
      escaped (h, rule);
    }
  /* The title page shows its marking once, in its own paragraph, and no
   * page number. */
  if (h->ctx->options->title_page)
    raw (h, "@page :first { @top-center { content: none; } @bottom-center { content: none; }"
            " @bottom-right { content: none; } }\n");
}

/* The bytes write_text_full() copies as they are: tab and printable
 * ASCII but " & < >. */
static const guint8 as_is[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Text of the document, with line breaks as <br/> when @breaks (else as
 * they are). Most of it is plain ASCII: one pass copies runs of printable
 * ASCII other than the four characters escaped here; from the first other
 * byte on (non-ASCII, a control character, CR) the rest is cleaned and
 * escaped by escaped(), which writes the same bytes for the same text. */
static void
write_text_full (PlHtml     *h,
                 const char *text,
                 gboolean    breaks)
{
  const char *run = text, *p = text;
  const char *clean, *nl;

  if (text == NULL)
    return;
  for (;; p++)
    {
      guchar c;
      const char *entity;

      while (as_is[(guchar) *p])
        p++;
      c = *p;
      if (c >= 0x20 && c < 0x80)
        {
          switch (c)
            {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            default: entity = "&quot;"; break;
            }
          raw_len (h, run, p - run);
          raw (h, entity);
          run = p + 1;
        }
      else if (c == '\n' && breaks)
        {
          raw_len (h, run, p - run);
          raw_len (h, "<br/>", 5);
          run = p + 1;
        }
      else if (c != '\n')
        break;
    }
  raw_len (h, run, p - run);
  if (*p == '\0')
    return;

  clean = pl_export_clean_text (p, -1, h->scratch);
  while (breaks && (nl = strchr (clean, '\n')) != NULL)
    {
      g_autofree char *line = g_strndup (clean, nl - clean);

      escaped (h, line);
      raw (h, "<br/>");
      clean = nl + 1;
    }
  escaped (h, clean);
}

static void
write_text (PlHtml     *h,
            const char *text)
{
  write_text_full (h, text, TRUE);
}

static void
write_element (PlHtml     *h,
               const char *name,
               const char *class_name,
               const char *text)
{
  start (h, name, class_name);
  write_text (h, text);
  end (h, name);
}

static void
html_title_page (PlOutline            *ol,
                 const PlOutlineTitle *title)
{
  PlHtml *h = ol->writer;

  start (h, "header", "title-page");
  if (*title->marking)
    write_element (h, "p", "marking", title->marking);
  if (*title->country)
    write_element (h, "p", "country", title->country);
  write_element (h, "h1", "title", title->title);
  start (h, "dl", "meta");
  for (guint i = 0; title->labels[i] != NULL; i++)
    {
      write_element (h, "dt", NULL, title->labels[i]);
      write_element (h, "dd", NULL, title->values[i]);
    }
  end (h, "dl");
  end (h, "header");
}

static void
html_contents (PlOutline *ol,
               GPtrArray *headings)
{
  PlHtml *h = ol->writer;

  raw (h, "<nav class=\"contents\" aria-labelledby=\"pl-contents\"><h2 id=\"pl-contents\">");
  write_text (h, _("Contents"));
  raw (h, "</h2><ul>");
  for (guint i = 0; i < headings->len; i++)
    {
      PlOutlineHeading *heading = g_ptr_array_index (headings, i);
      static const char *items[] = {
        "<li class=\"toc1\"><a href=\"#", "<li class=\"toc2\"><a href=\"#", "<li class=\"toc3\"><a href=\"#"
      };

      /* The anchor is generated: a name and URL fragment as it is. */
      raw (h, items[CLAMP (heading->level, 1, 3) - 1]);
      raw (h, heading->anchor);
      raw (h, "\">");
      write_text (h, heading->text);
      raw (h, "</a></li>");
    }
  raw (h, "</ul></nav>");
}

static void
html_heading (PlOutline              *ol,
              const PlOutlineHeading *heading)
{
  PlHtml *h = ol->writer;
  static const char *names[] = { "h2", "h3", "h4", "h5", "h6" };
  const char *name = names[CLAMP (heading->level + 1, 2, 6) - 2];

  raw (h, "<");
  raw (h, name);
  raw (h, " id=\"");
  raw (h, heading->anchor);
  /* Its direction from its text: an Arabic heading reads right to left. */
  raw (h, heading->new_page ? "\" dir=\"auto\" class=\"new-page\">" : "\" dir=\"auto\">");
  write_text (h, heading->text);
  end (h, name);
}

static void
html_paragraph (PlOutline          *ol,
                PlOutlineParagraph  kind,
                const char         *text)
{
  static const char *classes[] = {
    [PL_OUTLINE_PARA_SUMMARY] = "summary",
    [PL_OUTLINE_PARA_NOTE] = "note",
    [PL_OUTLINE_PARA_LONG_LABEL] = "note",
    [PL_OUTLINE_PARA_LONG_TEXT] = NULL,
  };

  write_element (ol->writer, "p", classes[kind], text);
}

static void
html_action (PlOutline         *ol,
             const char        *title,
             const char *const *labels,
             const char *const *values)
{
  PlHtml *h = ol->writer;

  start (h, "div", "action");
  write_element (h, "p", "action-title", title);
  start (h, "p", "action-details");
  for (guint i = 0; labels[i] != NULL; i++)
    {
      raw (h, i > 0 ? " · <span class=\"label\">" : "<span class=\"label\">");
      write_text (h, labels[i]);
      raw (h, ":</span> ");
      write_text (h, values[i]);
    }
  end (h, "p");
  end (h, "div");
}

/* GFM: a pipe table as a table (its own text size and layout: the
 * stylesheet's tables are the plan's and the annex's), strikethrough. */
static void
html_gfm_node (PlHtml     *h,
               cmark_node *node,
               gboolean    enter)
{
  switch (pl_export_gfm_type (node))
    {
    case PL_EXPORT_GFM_TABLE:
      raw (h, enter ? "<div class=\"table-wrap\"><table class=\"narrative\""
                      " style=\"table-layout: auto; font-size: 10pt\">"
                    : "</tbody></table></div>");
      break;
    case PL_EXPORT_GFM_HEADER_ROW:
      raw (h, enter ? "<thead><tr>" : "</tr></thead><tbody>");
      break;
    case PL_EXPORT_GFM_ROW:
      raw (h, enter ? "<tr>" : "</tr>");
      break;
    case PL_EXPORT_GFM_CELL:
      {
        gboolean header = pl_export_gfm_type (cmark_node_parent (node)) == PL_EXPORT_GFM_HEADER_ROW;
        char align = pl_export_gfm_cell_align (node);

        if (!enter)
          {
            raw (h, header ? "</th>" : "</td>");
            break;
          }
        raw (h, header ? "<th scope=\"col\"" : "<td");
        raw (h, align == 'r' ? " style=\"text-align: right\">"
                : align == 'c' ? " style=\"text-align: center\">" : ">");
      }
      break;
    case PL_EXPORT_GFM_STRIKETHROUGH:
      raw (h, enter ? "<del>" : "</del>");
      break;
    case PL_EXPORT_GFM_NONE:
    default:
      break;
    }
}

static void
html_node (PlOutline        *ol,
           cmark_node       *node,
           cmark_event_type  ev,
           int               depth)
{
  PlHtml *h = ol->writer;
  gboolean enter = ev == CMARK_EVENT_ENTER;
  const char *name = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_BLOCK_QUOTE: name = "blockquote"; break;
    case CMARK_NODE_ITEM: name = "li"; break;
    case CMARK_NODE_PARAGRAPH:
      /* A right-to-left paragraph says so (FriBidi, the first strong
       * character), so it reads right to left in any reader. */
      if (enter && pl_export_node_direction (node) == PL_EXPORT_DIRECTION_RTL)
        {
          raw (h, "<p dir=\"rtl\">");
          return;
        }
      name = "p";
      break;
    case CMARK_NODE_EMPH: name = "em"; break;
    case CMARK_NODE_STRONG: name = "strong"; break;

    case CMARK_NODE_LIST:
      name = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ? "ol" : "ul";
      if (enter && cmark_node_get_list_start (node) != 1 && g_str_equal (name, "ol"))
        {
          char digits[PL_EXPORT_DIGITS];

          raw (h, "<ol start=\"");
          if (cmark_node_get_list_start (node) < 0)
            raw (h, "-");
          raw (h, pl_export_digits (digits, ABS (cmark_node_get_list_start (node))));
          raw (h, "\">");
          return;
        }
      break;

    case CMARK_NODE_LINK:
      name = "a";
      if (enter)
        {
          const char *title = cmark_node_get_title (node);

          raw (h, "<a");
          attribute (h, "href", cmark_node_get_url (node));
          raw (h, " rel=\"noopener noreferrer\"");
          if (title && *title)
            attribute (h, "title", title);
          raw (h, ">");
          return;
        }
      break;

    case CMARK_NODE_CODE_BLOCK:
      raw (h, "<pre><code>");
      write_text_full (h, cmark_node_get_literal (node), FALSE);
      raw (h, "</code></pre>");
      return;

    case CMARK_NODE_THEMATIC_BREAK:
      raw (h, "<hr/>");
      return;

    case CMARK_NODE_TEXT:
      write_text_full (h, cmark_node_get_literal (node), FALSE);
      return;

    case CMARK_NODE_CODE:
      write_element (h, "code", NULL, cmark_node_get_literal (node));
      return;

    case CMARK_NODE_SOFTBREAK:
      raw (h, "\n");
      return;

    case CMARK_NODE_LINEBREAK:
      raw (h, "<br/>");
      return;

    case CMARK_NODE_FOOTNOTE_REFERENCE:
      /* The number of its note, at the end of the section. cmark-gfm's
       * iterator enters and exits it. */
      if (enter)
        write_element (h, "sup", "note-ref", cmark_node_get_literal (node));
      return;

    default:
      html_gfm_node (h, node, enter);
      return;
    }

  if (enter)
    start (h, name, NULL);
  else
    end (h, name);
}

static void
html_wide (PlOutline *ol,
           gboolean   first)
{
  PlHtml *h = ol->writer;

  start (h, "div", "wide");
  h->wide = TRUE;
}

static void
write_row (PlOutline         *ol,
           const char        *cell,
           const char *const *cells)
{
  PlHtml *h = ol->writer;
  gboolean header = g_str_equal (cell, "th");

  raw (h, "<tr>");
  for (guint i = 0; i < h->n_columns; i++)
    {
      raw (h, header ? "<th scope=\"col\">" : "<td>");
      if (!header && (int) i == ol->markdown_column)
        pl_export_outline_cell_markdown (ol, cells[i]);
      else
        write_text (h, cells[i] ? cells[i] : "");
      raw (h, header ? "</th>" : "</td>");
    }
  raw (h, "</tr>");
}

static void
html_table_begin (PlOutline         *ol,
                  PlOutlineTable     kind,
                  guint              n_columns,
                  const char *const *header,
                  const guint       *widths)
{
  PlHtml *h = ol->writer;

  h->n_columns = n_columns;
  start (h, "div", "table-wrap");
  start (h, "table", kind == PL_OUTLINE_TABLE_PLAN ? "plan" : "annex");
  raw (h, "<colgroup>");
  for (guint i = 0; i < n_columns; i++)
    {
      char digits[PL_EXPORT_DIGITS];

      raw (h, "<col style=\"width: ");
      raw (h, pl_export_digits (digits, widths[i]));
      raw (h, "%\"/>");
    }
  raw (h, "</colgroup><thead>");
  write_row (ol, "th", header);
  raw (h, "</thead><tbody>");
}

static void
html_table_row (PlOutline         *ol,
                const char *const *cells)
{
  write_row (ol, "td", cells);
}

static void
html_table_end (PlOutline *ol)
{
  raw (ol->writer, "</tbody></table></div>");
}

static const PlOutlineOps html_ops = {
  .title_page = html_title_page,
  .contents = html_contents,
  .heading = html_heading,
  .paragraph = html_paragraph,
  .action = html_action,
  .node = html_node,
  .wide = html_wide,
  .table_begin = html_table_begin,
  .table_row = html_table_row,
  .table_end = html_table_end,
};

gboolean
pl_export_html (PlExportContext *ctx)
{
  PlHtml h = { 0 };
  const char *marking = ctx->classification ? ctx->classification : "";

  h.ctx = ctx;
  h.scratch = g_string_new (NULL);
  h.buffer = g_string_sized_new (FLUSH_SIZE + 4096);

  raw (&h, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"");
  /* The strategy's language; a right-to-left one lays the page out so. */
  attribute (&h, "lang", ctx->language);
  if (pl_export_language_is_rtl (ctx->language))
    raw (&h, " dir=\"rtl\"");
  raw (&h, "><head><meta charset=\"utf-8\"/>"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
           "<meta name=\"generator\" content=\"Pillars " PACKAGE_VERSION "\"/>");
  write_element (&h, "title", NULL, pl_strategy_get_title (pl_document_get_strategy (ctx->document)));
  raw (&h, "<style>");
  raw (&h, html_css);
  write_page_css (&h, pl_export_clean_text (marking, -1, h.scratch));
  raw (&h, "</style></head><body>");
  if (*marking)
    {
      write_element (&h, "div", "marking marking-top", marking);
      write_element (&h, "div", "marking marking-bottom", marking);
    }
  raw (&h, "<main>");
  pl_export_outline_run (ctx, &html_ops, &h);
  if (h.wide)
    end (&h, "div");
  raw (&h, "</main></body></html>\n");
  flush (&h);

  g_string_free (h.buffer, TRUE);
  g_string_free (h.scratch, TRUE);
  return !pl_export_failed (ctx);
}
