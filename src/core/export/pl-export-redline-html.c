/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-redline-private.h"

/*
 * The redline as one HTML file: <ins> and <del> with the author and date
 * (datetime, title), readable on screen and on paper (colour plus
 * underline or strike-through, so it never depends on colour alone), a
 * deleted paragraph struck through as a whole, changed plan rows marked.
 */

typedef struct {
  GString       *out;
  gboolean       in_table;
  PlRedlineMark  row_mark;
  guint          column;
  gboolean       row_changed;
  const char    *tag;        /* of the open paragraph */
  gsize          open_at;    /* where its class goes */
} Html;

static const char css[] =
  "body{font-family:'Cantarell','Noto Sans',sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1d1d1d;background:#fff}"
  "h1{font-size:1.5em;margin-top:1.6em;border-bottom:1px solid #ccc}h2{font-size:1.2em;margin-top:1.2em}"
  ".title{font-size:2em;font-weight:bold;margin:0}.subtitle{font-size:1.2em;color:#444;margin-top:0}"
  ".meta{color:#444;margin:0.2em 0}.summary{font-style:italic}.action-title{font-weight:bold;margin-bottom:0}"
  ".action-detail{margin:0 0 0 1.5em}"
  "ins{color:#0b5d1e;background:#e3f5e1;text-decoration:underline}"
  "del{color:#9c1c1c;background:#fbe4e4;text-decoration:line-through}"
  "p.para-ins{border-left:3px solid #0b5d1e;padding-left:0.5em}p.para-del{border-left:3px solid #9c1c1c;padding-left:0.5em}"
  "table{border-collapse:collapse;width:100%;font-size:0.85em;margin-top:1em}"
  "th,td{border:1px solid #999;padding:0.25em 0.4em;vertical-align:top;text-align:left}th{background:#d9e2f3}"
  "tr.changed td:first-child{background:#fff2cc}tr.row-ins td{background:#eef8ec}tr.row-del td{background:#fbecec}"
  "tr.row-del td:first-child::after{content:' \\2716'}tr.row-ins td:first-child::after{content:' +'}"
  ".legend{border:1px solid #ccc;padding:0.5em;margin:1em 0;font-size:0.9em}"
  "@media print{body{max-width:none;margin:0}ins{background:none;color:#000}del{background:none;color:#555}"
  "h1{break-after:avoid}tr{break-inside:avoid}.wide{page:wide}}"
  "@page wide{size:A4 landscape}"
  "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}ins{color:#9fe0a8;background:#1f3b24}"
  "del{color:#f5a3a3;background:#452121}th{background:#2b3a55}.subtitle,.meta{color:#bbb}"
  "tr.changed td:first-child{background:#4d4320}tr.row-ins td{background:#1f3b24}tr.row-del td{background:#452121}}";

static const char *
tag_of (const char *style,
        const char **klass)
{
  *klass = NULL;
  if (g_str_equal (style, "Heading1"))
    return "h1";
  if (g_str_equal (style, "Heading2"))
    return "h2";
  if (g_str_equal (style, "Title"))
    *klass = "title";
  else if (g_str_equal (style, "Subtitle"))
    *klass = "subtitle";
  else if (g_str_equal (style, "TitleMeta"))
    *klass = "meta";
  else if (g_str_equal (style, "Summary"))
    *klass = "summary";
  else if (g_str_equal (style, "ActionTitle"))
    *klass = "action-title";
  else if (g_str_equal (style, "ActionDetail"))
    *klass = "action-detail";
  return "p";
}

static void
para_begin_cb (PlRedline  *rl,
               const char *style)
{
  Html *h = rl->writer;
  const char *klass;

  if (h->in_table)
    return;
  h->tag = tag_of (style, &klass);
  g_string_append_printf (h->out, "<%s", h->tag);
  h->open_at = h->out->len;
  if (klass)
    g_string_append_printf (h->out, " class=\"%s\"", klass);
  g_string_append_c (h->out, '>');
}

static void
run_cb (PlRedline     *rl,
        PlRedlineMark  mark,
        const char    *text,
        gsize          len,
        gboolean       bold)
{
  Html *h = rl->writer;
  const char *tag = mark == PL_REDLINE_INSERTED ? "ins" : mark == PL_REDLINE_DELETED ? "del" : NULL;

  if (tag)
    {
      g_string_append_printf (h->out, "<%s datetime=\"%s\" title=\"", tag, rl->date);
      pl_export_redline_escape (rl, h->out, rl->author, strlen (rl->author));
      g_string_append (h->out, "\">");
    }
  if (bold)
    g_string_append (h->out, "<strong>");
  pl_export_redline_escape (rl, h->out, text, len);
  if (bold)
    g_string_append (h->out, "</strong>");
  if (tag)
    g_string_append_printf (h->out, "</%s>", tag);
}

static void
para_end_cb (PlRedline     *rl,
             PlRedlineMark  mark)
{
  Html *h = rl->writer;

  if (h->in_table)
    return;
  if (mark != PL_REDLINE_SAME && g_str_equal (h->tag, "p"))
    {
      /* The paragraph itself came or went: mark it in the margin too. */
      const char *cls = mark == PL_REDLINE_INSERTED ? " class=\"para-ins\"" : " class=\"para-del\"";

      if (h->out->str[h->open_at] == '>')
        g_string_insert (h->out, h->open_at, cls);
    }
  g_string_append_printf (h->out, "</%s>\n", h->tag);
}

static void
wide_cb (PlRedline *rl)
{
  Html *h = rl->writer;

  g_string_append (h->out, "<section class=\"wide\">\n");
}

static void
table_begin_cb (PlRedline         *rl,
                guint              n_columns,
                const char *const *header,
                const guint       *widths)
{
  Html *h = rl->writer;

  g_string_append (h->out, "<table>\n<thead><tr>");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (h->out, "<th style=\"width:%u%%\">", widths[c]);
      pl_export_redline_escape (rl, h->out, header[c], strlen (header[c]));
      g_string_append (h->out, "</th>");
    }
  g_string_append (h->out, "</tr></thead>\n<tbody>\n");
  h->in_table = TRUE;
}

static void
row_begin_cb (PlRedline     *rl,
              PlRedlineMark  mark,
              gboolean       changed)
{
  Html *h = rl->writer;

  h->row_mark = mark;
  if (mark == PL_REDLINE_INSERTED)
    g_string_append (h->out, "<tr class=\"row-ins\">");
  else if (mark == PL_REDLINE_DELETED)
    g_string_append (h->out, "<tr class=\"row-del\">");
  else if (changed)
    g_string_append (h->out, "<tr class=\"changed\">");
  else
    g_string_append (h->out, "<tr>");
}

static void
cell_begin_cb (PlRedline *rl)
{
  g_string_append (((Html *) rl->writer)->out, "<td>");
}

static void
cell_end_cb (PlRedline *rl)
{
  g_string_append (((Html *) rl->writer)->out, "</td>");
}

static void
row_end_cb (PlRedline *rl)
{
  g_string_append (((Html *) rl->writer)->out, "</tr>\n");
}

static void
table_end_cb (PlRedline *rl)
{
  Html *h = rl->writer;

  g_string_append (h->out, "</tbody>\n</table>\n</section>\n");
  h->in_table = FALSE;
}

static gboolean
finish_cb (PlRedline *rl)
{
  Html *h = rl->writer;
  PlStrategy *s = pl_document_get_strategy (rl->ctx->document);
  g_autoptr(GString) head = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");

  pl_export_redline_escape (rl, head, pl_strategy_get_title (s), strlen (pl_strategy_get_title (s)));
  g_string_append_printf (head, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
  g_string_append (head, "<p class=\"legend\">");
  /* Translators: the legend of a redline in HTML */
  {
    const char *legend = _("Inserted text is underlined, deleted text is struck through.");

    pl_export_redline_escape (rl, head, legend, strlen (legend));
  }
  g_string_append (head, "</p>\n");
  pl_export_write (rl->ctx, head->str, head->len);
  pl_export_write (rl->ctx, h->out->str, h->out->len);
  pl_export_write (rl->ctx, "</body>\n</html>\n", -1);
  g_string_free (h->out, TRUE);
  g_free (h);
  return !pl_export_failed (rl->ctx);
}

static const PlRedlineOps html_ops = {
  para_begin_cb, run_cb, para_end_cb, wide_cb, table_begin_cb, row_begin_cb,
  cell_begin_cb, cell_end_cb, row_end_cb, table_end_cb, finish_cb,
};

void
pl_export_redline_html_init (PlRedline *rl)
{
  Html *h = g_new0 (Html, 1);

  h->out = g_string_new (NULL);
  rl->writer = h;
  rl->ops = &html_ops;
}
