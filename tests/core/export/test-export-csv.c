/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The CSV writer (pl-export-csv.c): the recommendations matrix as RFC 4180
 * CSV, read back field by field by a strict reader. */

#define CSV_COLUMNS 14

static const char *const csv_header[CSV_COLUMNS + 1] = {
  "No.", "Pillar", "About", "Kind", "Stakeholder", "Organisation", "Sector", "Workshop",
  "Captured", "Comment", "Quoted passage", "Priority", "Disposition", "Response", NULL
};

enum { COL_NUMBER, COL_PILLAR, COL_ABOUT, COL_KIND, COL_STAKEHOLDER, COL_ORGANISATION, COL_SECTOR,
       COL_WORKSHOP, COL_CAPTURED, COL_COMMENT, COL_QUOTE, COL_PRIORITY, COL_DISPOSITION, COL_RESPONSE };

/* Reads RFC 4180 as the writer promises it: a byte order mark, every field
 * quoted, quotes doubled, CRLF after each record (line breaks inside a
 * field are data). Returns the records as GStrv, or NULL (and fails the
 * test) on anything else. */
static GPtrArray *
parse_csv (const char *csv)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = csv;

  if (!g_str_has_prefix (p, "\xEF\xBB\xBF"))
    {
      g_test_message ("no byte order mark");
      g_test_fail ();
      return NULL;
    }
  p += 3;
  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p != '"')
        {
          g_test_message ("unquoted field at byte %td", p - csv);
          g_test_fail ();
          g_string_free (field, TRUE);
          return NULL;
        }
      for (p++; ; p++)
        {
          if (*p == '\0')
            {
              g_test_message ("unterminated field");
              g_test_fail ();
              g_string_free (field, TRUE);
              return NULL;
            }
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            break;
          else
            g_string_append_c (field, *p);
        }
      p++;
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          /* Stealing leaves @fields empty and ready for the next record. */
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
        }
      else
        {
          g_test_message ("a field ends with “%c” at byte %td, not a comma or CRLF", *p, p - csv);
          g_test_fail ();
          return NULL;
        }
    }
  if (fields->len != 0)
    {
      g_test_message ("the last record does not end with CRLF");
      g_test_fail ();
      return NULL;
    }
  return g_steal_pointer (&records);
}

static char *
export_csv (PlDocument  *doc,
            PlAnonymise  anonymise,
            const char  *name)
{
  g_autofree char *path = export_format (doc, PL_EXPORT_CSV, TRUE, anonymise, name);

  return read_text (path);
}

/* The record whose comment is @comment, or NULL. */
static char **
find_record (GPtrArray  *records,
             const char *comment)
{
  for (guint i = 1; i < records->len; i++)
    {
      char **r = g_ptr_array_index (records, i);

      if (g_strcmp0 (r[COL_COMMENT], comment) == 0)
        return r;
    }
  g_test_message ("no record with the comment “%s”", comment);
  g_test_fail ();
  return NULL;
}

/* The example: the header, one record per feedback item with the item's
 * own values, and no stakeholder's name (organisation only, the default). */
static void
test_csv_example (void)
{
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GListModel *stakeholders = pl_document_get_stakeholders (example);
  char **first;
  guint n_feedback = pl_document_count (example, "feedback");

  export_example ();
  csv = read_text (ex.csv);
  records = parse_csv (csv);
  g_assert_nonnull (records);
  if (records == NULL)
    return;

  /* The header row, as it is written. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"No.\",\"Pillar\",\"About\",\"Kind\",\"Stakeholder\","));
  g_assert_cmpstrv ((const char *const *) g_ptr_array_index (records, 0), csv_header);
  g_assert_cmpuint (records->len, ==, 1 + n_feedback);
  for (guint i = 1; i < records->len; i++)
    {
      char **r = g_ptr_array_index (records, i);
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_assert_cmpuint (g_strv_length (r), ==, CSV_COLUMNS);
      g_assert_cmpstr (r[COL_NUMBER], ==, number);
    }

  /* A known item, field by field (the workshop's title has a comma). */
  first = find_record (records, "The strategy needs a costed summary of the implementation plan.");
  if (first != NULL)
    {
      g_assert_cmpstr (first[COL_PILLAR], ==, "The strategy as a whole");
      g_assert_cmpstr (first[COL_ABOUT], ==, "Whole strategy");
      g_assert_cmpstr (first[COL_KIND], ==, "Comment");
      g_assert_cmpstr (first[COL_STAKEHOLDER], ==, "Participant from Chamber of Commerce");
      g_assert_cmpstr (first[COL_ORGANISATION], ==, "Chamber of Commerce");
      g_assert_cmpstr (first[COL_SECTOR], ==, "Private sector");
      g_assert_cmpstr (first[COL_WORKSHOP], ==, "Regional consultation, Little Kestrel");
      g_assert_cmpstr (first[COL_CAPTURED], ==, "2026-10-06T11:03:00.000000Z");
      g_assert_cmpstr (first[COL_QUOTE], ==, "");
      g_assert_cmpstr (first[COL_PRIORITY], ==, "Not set");
      g_assert_cmpstr (first[COL_DISPOSITION], ==, "Accepted");
      g_assert_cmpstr (first[COL_RESPONSE], ==, "A cost summary has been added to the implementation section.");
    }
  g_assert_nonnull (strstr (csv, "\"Regional consultation, Little Kestrel\""));

  /* Organisation only: no stakeholder's name anywhere. */
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (stakeholders, i);

      if (strstr (csv, pl_stakeholder_get_name (s)) != NULL)
        {
          g_test_message ("“%s” is named in the CSV", pl_stakeholder_get_name (s));
          g_test_fail ();
        }
    }
}

/* Commas, quotes and line breaks are data; a field a spreadsheet would
 * run as a formula starts with an apostrophe. */
static void
test_csv_quoting (void)
{
  g_autoptr(PlDocument) doc = pl_test_new_document (tmp_dir, "csv-quoting.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) person = NULL;
  static const struct { const char *text, *expected; } items[] = {
    { "Commas, \"quotes\" and\r\nline breaks, kept", "Commas, \"quotes\" and\r\nline breaks, kept" },
    { "=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")" },
    { "+1 555 0100", "'+1 555 0100" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tcmd", "'\tcmd" },
    { "An ordinary = sign + inside", "An ordinary = sign + inside" },
  };
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) records = NULL;

  person = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Dana \"DJ\" Ortiz",
                            "organisation", "Ortiz, Ortiz & \"Partners\"", "sector", (int) PL_SECTOR_PRIVATE,
                            "may-be-named", TRUE, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, items[i].text,
                                                           NULL, NULL, NULL, person, &error);
      g_assert_no_error (error);
      g_assert_true (pl_record_set (PL_RECORD (fb), &error, "response", "=1+1 in the response", NULL));
      g_assert_no_error (error);
    }

  csv = export_csv (doc, PL_ANONYMISE_NONE, "quoting.csv");
  /* As written: doubled quotes, the line break inside the quotes. */
  g_assert_nonnull (strstr (csv, "\"Commas, \"\"quotes\"\" and\r\nline breaks, kept\""));
  g_assert_nonnull (strstr (csv, "\"Dana \"\"DJ\"\" Ortiz\",\"Ortiz, Ortiz & \"\"Partners\"\"\""));
  records = parse_csv (csv);
  g_assert_nonnull (records);
  if (records == NULL)
    return;
  g_assert_cmpuint (records->len, ==, 1 + G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *guarded = g_strconcat ("'", items[i].text, NULL);
      char **r = find_record (records, items[i].expected);

      if (r == NULL)
        continue;
      g_assert_cmpuint (g_strv_length (r), ==, CSV_COLUMNS);
      g_assert_cmpstr (r[COL_STAKEHOLDER], ==, "Dana \"DJ\" Ortiz");
      g_assert_cmpstr (r[COL_ORGANISATION], ==, "Ortiz, Ortiz & \"Partners\"");
      g_assert_cmpstr (r[COL_RESPONSE], ==, "'=1+1 in the response");
      /* The guard is added once, and only where it is needed. */
      if (g_str_equal (items[i].text, items[i].expected))
        g_assert_null (strstr (csv, guarded));
    }
}

/* Who is shown in each mode: never the name of someone who did not agree,
 * no name at all by organisation, no name or organisation when full. */
static void
test_csv_anonymised (void)
{
  g_autoptr(PlDocument) doc = pl_test_new_document (tmp_dir, "csv-anon.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) named = NULL, hidden = NULL;
  g_autoptr(PlFeedback) a = NULL, b = NULL;

  named = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Amelia Quorn",
                           "organisation", "Ferncastle Telecom", "sector", (int) PL_SECTOR_PRIVATE,
                           "may-be-named", TRUE, NULL);
  g_assert_no_error (error);
  hidden = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Boris Quillfeather",
                            "organisation", "Harbour Rights Network", "sector", (int) PL_SECTOR_CIVIL_SOCIETY,
                            "may-be-named", FALSE, NULL);
  g_assert_no_error (error);
  a = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, "From the named one", NULL, NULL, NULL,
                                named, &error);
  g_assert_no_error (error);
  b = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, "From the hidden one", NULL, NULL, NULL,
                                hidden, &error);
  g_assert_no_error (error);

  {
    g_autofree char *csv = export_csv (doc, PL_ANONYMISE_NONE, "anon-none.csv");
    g_autoptr(GPtrArray) records = parse_csv (csv);
    char **ra = records ? find_record (records, "From the named one") : NULL;
    char **rb = records ? find_record (records, "From the hidden one") : NULL;

    g_assert_null (strstr (csv, "Quillfeather"));
    if (ra != NULL && rb != NULL)
      {
        g_assert_cmpstr (ra[COL_STAKEHOLDER], ==, "Amelia Quorn");
        g_assert_cmpstr (ra[COL_ORGANISATION], ==, "Ferncastle Telecom");
        g_assert_cmpstr (rb[COL_STAKEHOLDER], ==, "Participant from Harbour Rights Network");
        g_assert_cmpstr (rb[COL_ORGANISATION], ==, "Harbour Rights Network");
      }
  }
  {
    g_autofree char *csv = export_csv (doc, PL_ANONYMISE_ORGANISATION, "anon-organisation.csv");
    g_autoptr(GPtrArray) records = parse_csv (csv);
    char **ra = records ? find_record (records, "From the named one") : NULL;
    char **rb = records ? find_record (records, "From the hidden one") : NULL;

    g_assert_null (strstr (csv, "Amelia"));
    g_assert_null (strstr (csv, "Quorn"));
    g_assert_null (strstr (csv, "Quillfeather"));
    if (ra != NULL && rb != NULL)
      {
        g_assert_cmpstr (ra[COL_STAKEHOLDER], ==, "Participant from Ferncastle Telecom");
        g_assert_cmpstr (ra[COL_ORGANISATION], ==, "Ferncastle Telecom");
        g_assert_cmpstr (ra[COL_SECTOR], ==, "Private sector");
        g_assert_cmpstr (rb[COL_STAKEHOLDER], ==, "Participant from Harbour Rights Network");
        g_assert_cmpstr (rb[COL_ORGANISATION], ==, "Harbour Rights Network");
      }
  }
  {
    g_autofree char *csv = export_csv (doc, PL_ANONYMISE_FULL, "anon-full.csv");
    g_autoptr(GPtrArray) records = parse_csv (csv);
    char **ra = records ? find_record (records, "From the named one") : NULL;
    char **rb = records ? find_record (records, "From the hidden one") : NULL;

    g_assert_null (strstr (csv, "Quorn"));
    g_assert_null (strstr (csv, "Quillfeather"));
    g_assert_null (strstr (csv, "Ferncastle"));
    g_assert_null (strstr (csv, "Harbour Rights"));
    if (ra != NULL && rb != NULL)
      {
        g_assert_true (g_str_has_prefix (ra[COL_STAKEHOLDER], "Participant "));
        g_assert_true (g_str_has_prefix (rb[COL_STAKEHOLDER], "Participant "));
        g_assert_cmpstr (ra[COL_STAKEHOLDER], !=, rb[COL_STAKEHOLDER]);
        g_assert_cmpstr (ra[COL_ORGANISATION], ==, "");
        g_assert_cmpstr (rb[COL_ORGANISATION], ==, "");
        g_assert_cmpstr (rb[COL_SECTOR], ==, "Civil society");
      }
  }
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/csv/example", test_csv_example);
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/anonymised", test_csv_anonymised);

  return export_test_run ();
}
