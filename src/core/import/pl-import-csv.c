/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-import-csv.h"

/* A consultation's matrix holds hundreds of rows, a national one a few
 * thousand; these limits only stop a wrong file from eating the memory. */
#define MAX_SIZE    (64u * 1024 * 1024)
#define MAX_ROWS    100000u
#define MAX_COLUMNS 1000u

const char *
pl_csv_encoding_name (PlCsvEncoding encoding)
{
  switch (encoding)
    {
    case PL_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case PL_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte-order mark");
    case PL_CSV_ENCODING_UTF16:
      return _("UTF-16 (Unicode text)");
    case PL_CSV_ENCODING_WINDOWS_1252:
      return _("Windows-1252 (Western European)");
    default:
      return "";
    }
}

const char *
pl_csv_separator_name (char separator)
{
  switch (separator)
    {
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return _("comma");
    }
}

char *
pl_csv_fold (const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (nfd == NULL)
    return g_strdup ("");
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          /* ß, œ, æ fold to what people type instead. */
          if (c == 0x00DF)
            g_string_append (out, "ss");
          else if (c == 0x0153 || c == 0x0152)
            g_string_append (out, "oe");
          else if (c == 0x00E6 || c == 0x00C6)
            g_string_append (out, "ae");
          else
            g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else
        space = TRUE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
pl_csv_free (PlCsv *csv)
{
  if (csv == NULL)
    return;
  g_ptr_array_unref (csv->rows);
  g_array_unref (csv->lines);
  g_free (csv);
}

/* @data as UTF-8 (transfer full), and which encoding it was in. */
static char *
to_utf8 (const char     *data,
         gsize           size,
         PlCsvEncoding  *encoding,
         GError        **error)
{
  const guchar *u = (const guchar *) data;
  g_autoptr(GError) local = NULL;
  char *text;

  if (size >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("This is a spreadsheet workbook, not a CSV file; in the spreadsheet choose “Save As”, pick “CSV UTF-8” and import that"));
      return NULL;
    }
  if (size >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    {
      *encoding = PL_CSV_ENCODING_UTF16;
      text = g_convert (data + 2, size - 2, "UTF-8", u[0] == 0xff ? "UTF-16LE" : "UTF-16BE",
                        NULL, NULL, &local);
      if (text == NULL)
        g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                             _("This Unicode text file is damaged; save the comment matrix again as “CSV UTF-8” and import that"));
      return text;
    }
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      *encoding = PL_CSV_ENCODING_UTF8_BOM;
      data += 3;
      size -= 3;
    }
  else
    *encoding = PL_CSV_ENCODING_UTF8;

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("This file holds binary data, not text; save the comment matrix as “CSV UTF-8” and import that"));
      return NULL;
    }
  if (g_utf8_validate_len (data, size, NULL))
    return g_strndup (data, size);
  if (*encoding == PL_CSV_ENCODING_UTF8_BOM)
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("This file says it is UTF-8 but holds other bytes; save the comment matrix again as “CSV UTF-8” and import that"));
      return NULL;
    }
  /* Excel's plain "CSV" on a Western European Windows. */
  *encoding = PL_CSV_ENCODING_WINDOWS_1252;
  text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, &local);
  if (text == NULL)
    g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                         _("This file is neither UTF-8 nor Windows-1252 text; save the comment matrix as “CSV UTF-8” and import that"));
  return text;
}

/* The separator the header line uses most, outside quotation marks. */
static char
detect_separator (const char *text)
{
  guint comma = 0, semicolon = 0, tab = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        {
          comma += *p == ',';
          semicolon += *p == ';';
          tab += *p == '\t';
        }
    }
  if (tab > 0 && tab >= semicolon && tab >= comma)
    return '\t';
  if (semicolon > comma)
    return ';';
  return ',';
}

static gboolean
end_row (PlCsv      *csv,
         GPtrArray  *row,
         guint       line,
         GError    **error)
{
  /* A blank line is one empty cell: spreadsheets leave them at the end. */
  if (row->len == 1 && *(char *) row->pdata[0] == '\0')
    {
      g_ptr_array_set_size (row, 0);
      return TRUE;
    }
  if (csv->rows->len >= MAX_ROWS || row->len > MAX_COLUMNS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The comment matrix has more than %u rows or %u columns; split it into smaller files"),
                   MAX_ROWS, MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (csv->rows, g_ptr_array_steal (row, NULL));
  g_array_append_val (csv->lines, line);
  return TRUE;
}

PlCsv *
pl_csv_parse (const char  *data,
              gsize        size,
              GError     **error)
{
  g_autoptr(PlCsv) csv = g_new0 (PlCsv, 1);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  guint line = 1, row_line = 1, quote_line = 0;
  gboolean quoted = FALSE, in_cell = FALSE;
  const char *p;

  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (size > MAX_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The file is larger than %u MB; a comment matrix is much smaller, so check that this is the right file"),
                   MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!(text = to_utf8 (data, size, &csv->encoding, error)))
    return NULL;
  csv->separator = detect_separator (text);

  for (p = text; *p; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n' || (c == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (cell, c);
            }
          continue;
        }
      if (c == '"' && !in_cell)
        {
          quoted = TRUE;
          in_cell = TRUE;
          quote_line = line;
        }
      else if (c == csv->separator)
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          in_cell = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          in_cell = FALSE;
          if (!end_row (csv, row, row_line, error))
            return NULL;
          row_line = ++line;
        }
      else
        {
          /* A quotation mark inside an unquoted cell is kept as it is,
           * the way spreadsheets read it. */
          g_string_append_c (cell, c);
          in_cell = TRUE;
        }
    }
  if (quoted)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The quotation mark that opens a cell on line %u is never closed; check that cell in the spreadsheet and save the file again"),
                   quote_line);
      return NULL;
    }
  if (in_cell || row->len > 0)
    {
      g_ptr_array_add (row, g_strdup (cell->str));
      if (!end_row (csv, row, row_line, error))
        return NULL;
    }
  if (csv->rows->len == 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("The file is empty; export the comment matrix from the spreadsheet again"));
      return NULL;
    }
  return g_steal_pointer (&csv);
}
