/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The encodings a comment matrix comes in: what Excel, LibreOffice and
 * Google Sheets write when asked for "CSV" or "Unicode text". */
typedef enum {
  PL_CSV_ENCODING_UTF8,
  PL_CSV_ENCODING_UTF8_BOM,
  PL_CSV_ENCODING_UTF16,
  PL_CSV_ENCODING_WINDOWS_1252,
} PlCsvEncoding;

/* A spreadsheet saved as delimited text, read whole: rows of cells, all
 * UTF-8. Not a GObject: the matrix owns one and nobody else sees it. */
typedef struct {
  PlCsvEncoding  encoding;
  char           separator;  /* ',', ';' or '\t' */
  GPtrArray     *rows;       /* GStrv, the header first; blank lines dropped */
  GArray        *lines;      /* guint: the line of the file each row starts on */
} PlCsv;

/* Parses @data (@size bytes). Fails with G_CONVERT_ERROR for bytes that are
 * no text, G_FILE_ERROR_INVAL for an empty file, an unclosed quotation or a
 * file over the limits, each message saying what to do. */
PlCsv       *pl_csv_parse             (const char    *data,
                                       gsize          size,
                                       GError       **error);
void         pl_csv_free              (PlCsv         *csv);
/* "UTF-8", "UTF-8 with byte-order mark", … (translated). */
const char  *pl_csv_encoding_name     (PlCsvEncoding  encoding);
/* "comma", "semicolon", "tab" (translated). */
const char  *pl_csv_separator_name    (char           separator);

/* Lower case, accents dropped, anything but letters and digits made one
 * space, trimmed: how names are compared ("Organisation " == "organisation",
 * "Société Civile" == "societe civile"). */
char        *pl_csv_fold              (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCsv, pl_csv_free)

G_END_DECLS
