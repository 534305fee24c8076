/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* The recommendations matrix as RFC 4180 CSV: CRLF line ends, every field
 * quoted, quotes doubled, UTF-8 with a byte order mark so that Excel picks
 * the right encoding. A field that starts with = + - @ is prefixed with an
 * apostrophe so a spreadsheet never runs it as a formula: CSV is for
 * scripts; people get the XLSX matrix (pl-export-xlsx.c), typed cells that
 * need no guard. */

static void
write_field (PlExportContext *ctx,
             GString         *line,
             const char      *text,
             gboolean         last)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  /* Control characters dropped, bidi overrides made visible, as in the
   * other formats. */
  const char *p = pl_export_clean_text (text, -1, scratch);

  g_string_append_c (line, '"');
  if (*p == '=' || *p == '+' || *p == '-' || *p == '@' || *p == '\t' || *p == '\r')
    g_string_append_c (line, '\'');
  /* Up to and including each quote, which is then doubled. */
  for (const char *quote; (quote = strchr (p, '"')) != NULL; p = quote + 1)
    {
      g_string_append_len (line, p, quote + 1 - p);
      g_string_append_c (line, '"');
    }
  g_string_append (line, p);
  g_string_append_c (line, '"');
  g_string_append (line, last ? "\r\n" : ",");
}

static void
csv_row_cb (PlExportContext    *ctx,
            guint               number,
            const char *const  *fields,
            gpointer            data)
{
  GString *line = data;

  g_string_truncate (line, 0);
  for (guint f = 0; f < PL_EXPORT_MATRIX_COLUMNS; f++)
    write_field (ctx, line, fields[f], f + 1 == PL_EXPORT_MATRIX_COLUMNS);
  pl_export_write (ctx, line->str, line->len);
}

gboolean
pl_export_csv (PlExportContext *ctx)
{
  g_autoptr(GString) line = g_string_sized_new (512);
  const char *header[PL_EXPORT_MATRIX_COLUMNS];

  pl_export_matrix_header (header);
  pl_export_write (ctx, "\xEF\xBB\xBF", 3);
  for (guint i = 0; i < PL_EXPORT_MATRIX_COLUMNS; i++)
    write_field (ctx, line, header[i], i + 1 == PL_EXPORT_MATRIX_COLUMNS);
  pl_export_write (ctx, line->str, line->len);
  pl_export_matrix_foreach (ctx, csv_row_cb, line);
  return !pl_export_failed (ctx);
}
