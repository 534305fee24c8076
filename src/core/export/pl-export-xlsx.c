/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* The recommendations matrix as a spreadsheet (Office Open XML,
 * SpreadsheetML), written like the DOCX: libxml2 parts in a libarchive zip.
 * Text cells are inline strings, typed as text, so "=1+1" or "-5% is too
 * low" is what a spreadsheet shows and never a formula: no guard character
 * is needed (the CSV keeps one, for scripts). "Captured" is a date and
 * time, the number a numeric cell; the header row is bold and frozen, the
 * columns have widths, text wraps. */

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Excel's limit for the text of a cell. */
#define CELL_CHARS 32767

/* Cell formats (the order of cellXfs in styles.xml). */
enum {
  XF_DEFAULT,
  XF_HEADER,
  XF_DATE,
  XF_TEXT,
  XF_NUMBER,
};

/* Widths in characters, by column. */
static const double widths[PL_EXPORT_MATRIX_COLUMNS] = {
  6, 24, 30, 14, 24, 24, 18, 24, 17, 60, 40, 10, 14, 50
};

typedef struct {
  xmlTextWriterPtr  w;
  GString          *scratch;
  guint             row;
} PlXlsx;

static void
add_part (PlExportZip *zip,
          const char  *name,
          const char  *xml)
{
  static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  g_autofree char *data = g_strconcat (declaration, xml, NULL);

  pl_export_zip_add (zip, name, data, strlen (data), FALSE);
}

static void
write_package (PlExportContext *ctx,
               PlExportZip     *zip,
               guint            n_rows)
{
  PlStrategy *s = pl_document_get_strategy (ctx->document);
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  /* Translators: the name of the spreadsheet's sheet (at most 31 characters, no []:*?/\). */
  const char *sheet = _("Recommendations");
  g_autofree char *quoted = g_strdup_printf ("'%s'!$A$1:$N$%u", sheet, MAX (n_rows, 1));
  g_autofree char *titles = g_strdup_printf ("'%s'!$1:$1", sheet);

  add_part (zip, "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            "</Types>");
  add_part (zip, "_rels/.rels",
            "<Relationships xmlns=\"" REL_NS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            "</Relationships>");

  w = pl_export_xml_new (buf);
  pl_export_xml_start (w, "cp:coreProperties",
                       "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                       "xmlns:dc", "http://purl.org/dc/elements/1.1/",
                       "xmlns:dcterms", "http://purl.org/dc/terms/",
                       "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
  {
    g_autofree char *title = g_strdup_printf (_("%s — recommendations"), pl_strategy_get_title (s));

    pl_export_xml_text_element (w, "dc:title", title, scratch);
  }
  pl_export_xml_text_element (w, "dc:creator", pl_strategy_get_lead_agency (s), scratch);
  pl_export_xml_text_element (w, "dc:subject", pl_strategy_get_country (s), scratch);
  pl_export_xml_start (w, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
  xmlTextWriterWriteString (w, BAD_CAST stamp);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  pl_export_xml_add (zip, "docProps/core.xml", w, buf);

  /* The sheet's name and the filter's range go through libxml2: the name
   * is translated. */
  buf = g_string_new (NULL);
  w = pl_export_xml_new (buf);
  pl_export_xml_start (w, "workbook", "xmlns", MAIN_NS, "xmlns:r", R_NS, NULL);
  pl_export_xml_start (w, "sheets", NULL);
  pl_export_xml_element (w, "sheet", "name", sheet, "sheetId", "1", "r:id", "rId1", NULL);
  xmlTextWriterEndElement (w);
  pl_export_xml_start (w, "definedNames", NULL);
  pl_export_xml_start (w, "definedName", "name", "_xlnm._FilterDatabase", "localSheetId", "0", "hidden", "1", NULL);
  xmlTextWriterWriteString (w, BAD_CAST quoted);
  xmlTextWriterEndElement (w);
  /* Printed, the header row on every page. */
  pl_export_xml_start (w, "definedName", "name", "_xlnm.Print_Titles", "localSheetId", "0", NULL);
  xmlTextWriterWriteString (w, BAD_CAST titles);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  pl_export_xml_add (zip, "xl/workbook.xml", w, buf);

  add_part (zip, "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"" REL_NS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
            "</Relationships>");
  /* Cell formats: default, header (bold, wrapped, shaded), date and time,
   * wrapped text at the top, number at the top. */
  add_part (zip, "xl/styles.xml",
            "<styleSheet xmlns=\"" MAIN_NS "\">"
            "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
            "<fonts count=\"2\">"
            "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            "</fonts>"
            "<fills count=\"3\">"
            "<fill><patternFill patternType=\"none\"/></fill>"
            "<fill><patternFill patternType=\"gray125\"/></fill>"
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDCE3EF\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            "</fills>"
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            "<cellXfs count=\"5\">"
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">"
            "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
            "<alignment vertical=\"top\"/></xf>"
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
            "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
            "<alignment vertical=\"top\"/></xf>"
            "</cellXfs>"
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            "</styleSheet>");
}

/* "A1", "N12". */
static void
cell_ref (char  buffer[16],
          guint column,
          guint row)
{
  g_snprintf (buffer, 16, "%c%u", 'A' + column, row);
}

static void
text_cell (PlXlsx     *x,
           guint       column,
           const char *text,
           int         xf)
{
  char ref[16], style[8];
  const char *clean = pl_export_clean_text (text ? text : "", -1, x->scratch);
  g_autofree char *cut = NULL;

  if (*clean == '\0')
    return;
  /* Longer than a cell holds (a megabyte pasted in): cut at a character. */
  if (strlen (clean) > CELL_CHARS && g_utf8_strlen (clean, -1) > CELL_CHARS)
    clean = cut = g_strndup (clean, g_utf8_offset_to_pointer (clean, CELL_CHARS - 1) - clean);
  cell_ref (ref, column, x->row);
  g_snprintf (style, sizeof style, "%d", xf);
  pl_export_xml_start (x->w, "c", "r", ref, "s", style, "t", "inlineStr", NULL);
  pl_export_xml_start (x->w, "is", NULL);
  pl_export_xml_start (x->w, "t", "xml:space", "preserve", NULL);
  pl_export_xml_text (x->w, clean);
  if (cut != NULL)
    xmlTextWriterWriteString (x->w, BAD_CAST "…");
  xmlTextWriterEndElement (x->w);
  xmlTextWriterEndElement (x->w);
  xmlTextWriterEndElement (x->w);
}

static void
number_cell (PlXlsx     *x,
             guint       column,
             const char *value,
             int         xf)
{
  char ref[16], style[8];

  cell_ref (ref, column, x->row);
  g_snprintf (style, sizeof style, "%d", xf);
  pl_export_xml_start (x->w, "c", "r", ref, "s", style, NULL);
  pl_export_xml_start (x->w, "v", NULL);
  xmlTextWriterWriteString (x->w, BAD_CAST value);
  xmlTextWriterEndElement (x->w);
  xmlTextWriterEndElement (x->w);
}

/* The spreadsheet's serial date (days since 1899-12-30, the time as the
 * fraction) of an ISO 8601 time, in local time; NULL if it is not one. */
char *
pl_export_xlsx_serial_date (const char *iso8601)
{
  g_autoptr(GDateTime) t = iso8601 && *iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL, wall = NULL, epoch = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double days;

  if (t == NULL)
    return NULL;
  local = g_date_time_to_local (t);
  /* The local wall-clock time, counted as if it were UTC: spreadsheet
   * dates have no time zone. */
  wall = g_date_time_new_utc (g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                              g_date_time_get_minute (local), g_date_time_get_second (local));
  epoch = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  if (wall == NULL || epoch == NULL)
    return NULL;
  days = (double) g_date_time_difference (wall, epoch) / G_TIME_SPAN_DAY;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.8f", days));
}

static void
row_cb (PlExportContext    *ctx,
        guint               number,
        const char *const  *fields,
        gpointer            data)
{
  PlXlsx *x = data;
  char r[16];

  x->row++;
  g_snprintf (r, sizeof r, "%u", x->row);
  pl_export_xml_start (x->w, "row", "r", r, NULL);
  for (guint c = 0; c < PL_EXPORT_MATRIX_COLUMNS; c++)
    {
      g_autofree char *serial = NULL;

      if (c == 0)
        number_cell (x, c, fields[c], XF_NUMBER);
      else if (c == PL_EXPORT_MATRIX_CAPTURED && (serial = pl_export_xlsx_serial_date (fields[c])) != NULL)
        number_cell (x, c, serial, XF_DATE);
      else
        text_cell (x, c, fields[c], XF_TEXT);
    }
  xmlTextWriterEndElement (x->w);
}

static void
count_cb (PlExportContext    *ctx,
          guint               number,
          const char *const  *fields,
          gpointer            data)
{
  (*(guint *) data)++;
}

gboolean
pl_export_xlsx (PlExportContext *ctx)
{
  PlExportZip *zip = pl_export_zip_new (ctx);
  g_autoptr(GString) scratch = g_string_new (NULL);
  PlXlsx x = { NULL, scratch, 1 };
  const char *header[PL_EXPORT_MATRIX_COLUMNS];
  guint n_rows = 0;
  char last[16];

  /* The filter's range is in the workbook, which comes first. */
  pl_export_matrix_foreach (ctx, count_cb, &n_rows);
  write_package (ctx, zip, n_rows + 1);

  x.w = pl_export_zip_begin_xml (zip, "xl/worksheets/sheet1.xml");
  pl_export_xml_start (x.w, "worksheet", "xmlns", MAIN_NS, "xmlns:r", R_NS, NULL);
  pl_export_xml_start (x.w, "sheetPr", NULL);
  pl_export_xml_element (x.w, "pageSetUpPr", "fitToPage", "1", NULL);
  xmlTextWriterEndElement (x.w);
  cell_ref (last, PL_EXPORT_MATRIX_COLUMNS - 1, n_rows + 1);
  {
    g_autofree char *range = g_strconcat ("A1:", last, NULL);

    pl_export_xml_element (x.w, "dimension", "ref", range, NULL);
  }
  /* The header row stays in view. */
  pl_export_xml_start (x.w, "sheetViews", NULL);
  pl_export_xml_start (x.w, "sheetView", "workbookViewId", "0", NULL);
  pl_export_xml_element (x.w, "pane", "ySplit", "1", "topLeftCell", "A2", "activePane", "bottomLeft",
                         "state", "frozen", NULL);
  pl_export_xml_element (x.w, "selection", "pane", "bottomLeft", "activeCell", "A2", "sqref", "A2", NULL);
  xmlTextWriterEndElement (x.w);
  xmlTextWriterEndElement (x.w);
  pl_export_xml_element (x.w, "sheetFormatPr", "defaultRowHeight", "15", NULL);
  pl_export_xml_start (x.w, "cols", NULL);
  for (guint c = 0; c < PL_EXPORT_MATRIX_COLUMNS; c++)
    {
      char n[8], width[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (n, sizeof n, "%u", c + 1);
      g_ascii_formatd (width, sizeof width, "%.1f", widths[c]);
      pl_export_xml_element (x.w, "col", "min", n, "max", n, "width", width, "customWidth", "1", NULL);
    }
  xmlTextWriterEndElement (x.w);

  pl_export_xml_start (x.w, "sheetData", NULL);
  pl_export_matrix_header (header);
  pl_export_xml_start (x.w, "row", "r", "1", NULL);
  for (guint c = 0; c < PL_EXPORT_MATRIX_COLUMNS; c++)
    text_cell (&x, c, header[c], XF_HEADER);
  xmlTextWriterEndElement (x.w);
  pl_export_matrix_foreach (ctx, row_cb, &x);
  xmlTextWriterEndElement (x.w);
  {
    g_autofree char *range = g_strconcat ("A1:", last, NULL);

    pl_export_xml_element (x.w, "autoFilter", "ref", range, NULL);
  }
  /* Printed: landscape, one page wide, the header on every page. */
  pl_export_xml_element (x.w, "pageMargins", "left", "0.5", "right", "0.5", "top", "0.75", "bottom", "0.75",
                         "header", "0.3", "footer", "0.3", NULL);
  pl_export_xml_element (x.w, "pageSetup", "paperSize", "9", "orientation", "landscape", "fitToWidth", "1",
                         "fitToHeight", "0", NULL);
  xmlTextWriterEndElement (x.w);
  pl_export_zip_end_xml (zip, x.w);
  return pl_export_zip_finish (zip);
}
