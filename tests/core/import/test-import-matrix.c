/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-import-matrix.h"
#include "pl-test-util.h"

/* Comment matrices as spreadsheets save them: three encodings, three
 * separators, headers in four languages, quoted cells, and the broken
 * files people send. */

static char *test_dir;

/* A matrix with @sep between cells, in UTF-8; "|" in @rows marks a cell
 * boundary so the same rows serve every separator. */
static char *
make_csv (const char * const *rows,
          char                sep)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; rows[i]; i++)
    {
      for (const char *p = rows[i]; *p; p++)
        g_string_append_c (s, *p == '|' ? sep : *p);
      g_string_append (s, "\r\n");
    }
  return g_string_free (s, FALSE);
}

static const char * const french_rows[] = {
  "N°|Nom|Organisation|Secteur|Section|Commentaire|Modification proposée|Réponse|Décision",
  "1|Hélène Dubois|Société Civile Numérique|Société civile|2.1|Préciser le rôle du CERT|Ajouter « national »|Accepté|Accepté",
  "2|Amara Whitfield|Ministry|Gouvernement|Capacity building|Trop général||",
  NULL
};

static void
test_encodings_and_separators (void)
{
  const char seps[] = { ',', ';', '\t' };
  const char *seps_named[] = { "comma", "semicolon", "tab" };

  for (guint s = 0; s < G_N_ELEMENTS (seps); s++)
    for (PlCsvEncoding e = PL_CSV_ENCODING_UTF8; e <= PL_CSV_ENCODING_WINDOWS_1252; e++)
      {
        g_autofree char *utf8 = make_csv (french_rows, seps[s]);
        g_autofree char *data = NULL;
        g_autoptr(PlImportMatrix) m = NULL;
        g_autoptr(GError) error = NULL;
        gsize size = 0;

        if (e == PL_CSV_ENCODING_UTF8)
          data = g_strdup (utf8), size = strlen (utf8);
        else if (e == PL_CSV_ENCODING_UTF8_BOM)
          data = g_strconcat ("\xef\xbb\xbf", utf8, NULL), size = strlen (data);
        else if (e == PL_CSV_ENCODING_UTF16)
          {
            g_autofree char *body = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &size, &error);

            g_assert_no_error (error);
            data = g_malloc (size + 2);
            memcpy (data, "\xff\xfe", 2);
            memcpy (data + 2, body, size);
            size += 2;
          }
        else
          {
            /* « and » exist in Windows-1252; the test rows use nothing else. */
            data = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &size, &error);
            g_assert_no_error (error);
            g_assert_false (g_utf8_validate_len (data, size, NULL));
          }
        m = pl_import_matrix_new_from_data (data, size, &error);
        g_assert_no_error (error);
        g_assert_nonnull (m);
        g_assert_cmpint (pl_import_matrix_get_encoding (m), ==, e);
        g_assert_cmpint (pl_import_matrix_get_separator (m), ==, seps[s]);
        g_assert_cmpstr (pl_csv_separator_name (seps[s]), ==, seps_named[s]);
        g_assert_cmpuint (pl_import_matrix_get_n_columns (m), ==, 9);
        g_assert_cmpuint (pl_import_matrix_get_n_rows (m), ==, 2);
        g_assert_cmpstr (pl_import_matrix_get_header (m, 6), ==, "Modification proposée");
        g_assert_cmpstr (pl_import_matrix_get_cell (m, 0, 2), ==, "Société Civile Numérique");
        g_assert_cmpstr (pl_import_matrix_get_cell (m, 0, 6), ==, "Ajouter « national »");
        /* The second row is short: the missing cell reads as empty. */
        g_assert_cmpstr (pl_import_matrix_get_cell (m, 1, 8), ==, "");
      }
}

static void
assert_roles (const char           *header,
              const PlMatrixColumn *expected,
              guint                 n)
{
  g_autofree char *data = g_strconcat (header, "\nx,x,x,x,x,x,x,x,x,x,x\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportMatrix) m = pl_import_matrix_new_from_data (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pl_import_matrix_get_n_columns (m), ==, n);
  for (guint c = 0; c < n; c++)
    {
      if (pl_import_matrix_get_role (m, c) != expected[c])
        g_test_message ("column %u “%s”: %d, expected %d", c, pl_import_matrix_get_header (m, c),
                        pl_import_matrix_get_role (m, c), expected[c]);
      g_assert_cmpint (pl_import_matrix_get_role (m, c), ==, expected[c]);
    }
}

static void
test_languages (void)
{
  const PlMatrixColumn roles[] = {
    PL_MATRIX_COLUMN_NONE, PL_MATRIX_COLUMN_COMMENTER, PL_MATRIX_COLUMN_ORGANISATION,
    PL_MATRIX_COLUMN_SECTOR, PL_MATRIX_COLUMN_SECTION, PL_MATRIX_COLUMN_LINE,
    PL_MATRIX_COLUMN_TYPE, PL_MATRIX_COLUMN_COMMENT, PL_MATRIX_COLUMN_PROPOSED_CHANGE,
    PL_MATRIX_COLUMN_RESPONSE, PL_MATRIX_COLUMN_DISPOSITION,
  };

  assert_roles ("No.,Name,Organization,Sector,Clause,Line,Type of comment,Comments,Proposed change,Response of the drafting team,Status",
                roles, G_N_ELEMENTS (roles));
  assert_roles ("Numéro,Nom,Institution,Secteur,Pilier,Paragraphe,Type,Observations,Texte proposé,Réponse,Décision",
                roles, G_N_ELEMENTS (roles));
  assert_roles ("Número,Nombre,Institución,Sector,Sección,Párrafo,Tipo de comentario,Comentario,Cambio propuesto,Respuesta,Estado",
                roles, G_N_ELEMENTS (roles));
  assert_roles ("Nº,Nome,Organização,Setor,Secção,Linha,Tipo,Observação,Alteração proposta,Resposta,Decisão",
                roles, G_N_ELEMENTS (roles));
  /* Case, accents and padding do not matter. */
  assert_roles ("  #  , COMMENTER ,ORGANISATION,sector,SECTION,line / paragraph,TYPE,  Comment  ,PROPOSED CHANGE,RESPONSE,DISPOSITION",
                roles, G_N_ELEMENTS (roles));
}

static void
test_unmatched_and_quotes (void)
{
  const char *data =
    "Comment;Date;Commenter;Remarks\n"
    "\"Two lines;\nand a \"\"quote\"\"\";2026-03-01;Ana;x\n"
    "\n"
    "plain;;;\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportMatrix) m = pl_import_matrix_new_from_data (data, strlen (data), &error);
  g_auto(GStrv) unmatched = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pl_import_matrix_get_separator (m), ==, ';');
  g_assert_cmpuint (pl_import_matrix_get_n_rows (m), ==, 2);
  g_assert_cmpstr (pl_import_matrix_get_cell (m, 0, 0), ==, "Two lines;\nand a \"quote\"");
  g_assert_cmpstr (pl_import_matrix_get_cell (m, 1, 0), ==, "plain");
  /* A second comment column is listed, not merged. */
  unmatched = pl_import_matrix_dup_unmatched (m);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 2);
  g_assert_cmpstr (unmatched[0], ==, "Date");
  g_assert_cmpstr (unmatched[1], ==, "Remarks");
}

static void
assert_bad (const char *data,
            gsize       size,
            const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportMatrix) m = pl_import_matrix_new_from_data (data, size, &error);

  g_assert_null (m);
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_malformed (void)
{
  const char unclosed[] = "Comment,Name\n\"open,Ana\nmore\n";
  const char no_comment[] = "Name,Date\nAna,today\n";
  const char xlsx[] = "PK\x03\x04rest of a zip";
  const char binary[] = "Comment\nab\0cd\n";
  const char not_1252[] = "Comment\n\x81\x8d\x8f\x90\n";
  const char bad_bom[] = "\xef\xbb\xbf" "Comment\n\xe9t\xe9\n";

  assert_bad (unclosed, sizeof unclosed - 1, "line 2 is never closed");
  assert_bad ("", 0, "empty");
  assert_bad ("\r\n\r\n", 4, "empty");
  assert_bad (no_comment, sizeof no_comment - 1, "“Comment”");
  assert_bad (xlsx, sizeof xlsx - 1, "workbook");
  assert_bad (binary, sizeof binary - 1, "binary");
  assert_bad (not_1252, sizeof not_1252 - 1, "neither UTF-8 nor Windows-1252");
  assert_bad (bad_bom, sizeof bad_bom - 1, "says it is UTF-8");
}

static PlDocument *
demo (const char *name)
{
  g_autofree char *path = pl_test_path (test_dir, name);
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_demo_create (path, PL_DEMO_SMALL, &error);

  g_assert_no_error (error);
  return doc;
}

static PlFeedback *
find_feedback (PlDocument *doc,
               const char *prefix)
{
  GListModel *all = G_LIST_MODEL (pl_document_get_feedback (doc));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

      if (g_str_has_prefix (pl_feedback_get_body (fb), prefix))
        return g_steal_pointer (&fb);
    }
  return NULL;
}

static void
test_apply_and_reimport (void)
{
  const char * const rows[] = {
    "Nom|Organisation|Secteur|Section|Ligne|Type|Commentaire|Modification proposée|Réponse|Décision",
    "Hélène Dubois|Société Civile Numérique|Société civile|2.1|12|Question|Qui coordonne ?|Ajouter le CERT|Voir 2.1.3|Partiellement accepté",
    "AMARA WHITFIELD||Gouvernement|Pilier 1|||Trop général|||",
    "|Université des Îles|Académique|Capacity building||Soutien|Bonne idée|||",
    "Hélène Dubois|||Chapitre 99|||Même texte|||",
    "Hélène Dubois|||Chapitre 99|||Même texte|||",
    "|||||||||",
    NULL
  };
  g_autofree char *csv = make_csv (rows, ';');
  g_autoptr(PlDocument) doc = demo ("apply.pillars");
  g_autoptr(PlImportMatrix) m = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(PlStakeholder) s = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GError) error = NULL;
  PlMatrixReport r;
  gint64 feedback0 = pl_document_count (doc, "feedback");
  gint64 stakeholders0 = pl_document_count (doc, "stakeholders");
  guint64 generation;

  m = pl_import_matrix_new_from_data (csv, strlen (csv), &error);
  g_assert_no_error (error);

  /* A dry run counts and writes nothing. */
  generation = pl_document_get_generation (doc);
  g_assert_true (pl_import_matrix_apply (m, doc, NULL, TRUE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 5);
  g_assert_cmpuint (r.empty, ==, 1);
  g_assert_cmpuint (r.stakeholders_created, ==, 2);
  g_assert_cmpuint (r.unplaced, ==, 2);
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, feedback0);

  g_assert_true (pl_import_matrix_apply (m, doc, NULL, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 5);
  g_assert_cmpuint (r.already_there, ==, 0);
  g_assert_cmpuint (r.stakeholders_created, ==, 2);  /* Hélène, the university */
  g_assert_cmpuint (r.stakeholders_matched, ==, 3);  /* Amara, Hélène twice more */
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, feedback0 + 5);
  g_assert_cmpint (pl_document_count (doc, "stakeholders"), ==, stakeholders0 + 2);

  fb = find_feedback (doc, "Qui coordonne ?");
  g_assert_nonnull (fb);
  g_assert_cmpstr (pl_feedback_get_body (fb), ==,
                   "Qui coordonne ?\n\nProposed change: Ajouter le CERT\n\nLine or paragraph: 12");
  g_assert_cmpint (pl_feedback_get_kind (fb), ==, PL_FEEDBACK_QUESTION);
  g_assert_cmpint (pl_feedback_get_disposition (fb), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
  g_assert_cmpstr (pl_feedback_get_response (fb), ==, "Voir 2.1.3");
  target = pl_document_get_feedback_target (doc, fb);
  g_assert_true (PL_IS_OBJECTIVE (target));
  s = PL_STAKEHOLDER (pl_document_lookup (doc, PL_TYPE_STAKEHOLDER, pl_feedback_get_stakeholder_id (fb), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_stakeholder_get_organisation (s), ==, "Société Civile Numérique");
  g_assert_cmpint (pl_stakeholder_get_sector (s), ==, PL_SECTOR_CIVIL_SOCIETY);
  g_assert_false (pl_stakeholder_get_may_be_named (s));
  g_clear_object (&s);
  g_clear_object (&target);
  g_clear_object (&fb);

  /* "AMARA WHITFIELD" is the registry's Amara Whitfield; "Pilier 1" the first pillar. */
  fb = find_feedback (doc, "Trop général");
  s = pl_document_find_stakeholder (doc, "Amara Whitfield");
  g_assert_cmpint (pl_feedback_get_stakeholder_id (fb), ==, pl_record_get_id (PL_RECORD (s)));
  target = pl_document_get_feedback_target (doc, fb);
  g_assert_true (PL_IS_PILLAR (target));
  g_assert_cmpstr (pl_pillar_get_title (PL_PILLAR (target)), ==, "Capacity building");
  g_clear_object (&s);
  g_clear_object (&target);
  g_clear_object (&fb);

  /* A title names the pillar too; an institution with no person speaks for itself. */
  fb = find_feedback (doc, "Bonne idée");
  g_assert_cmpint (pl_feedback_get_kind (fb), ==, PL_FEEDBACK_SUPPORT);
  target = pl_document_get_feedback_target (doc, fb);
  g_assert_true (PL_IS_PILLAR (target));
  s = pl_document_find_stakeholder (doc, "Université des Îles");
  g_assert_nonnull (s);
  g_assert_cmpint (pl_stakeholder_get_sector (s), ==, PL_SECTOR_ACADEMIA);
  g_clear_object (&target);
  g_clear_object (&fb);

  /* Importing the same file again changes nothing at all. */
  generation = pl_document_get_generation (doc);
  g_assert_true (pl_import_matrix_apply (m, doc, NULL, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.added, ==, 0);
  g_assert_cmpuint (r.already_there, ==, 5);
  g_assert_cmpuint (r.stakeholders_created, ==, 0);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, feedback0 + 5);
  g_assert_cmpint (pl_document_count (doc, "stakeholders"), ==, stakeholders0 + 2);
}

static void
test_read_only_untouched (void)
{
  g_autofree char *path = pl_test_path (test_dir, "ro.pillars");
  const char *csv = "Comment\nHello\n";
  g_autoptr(PlImportMatrix) m = pl_import_matrix_new_from_data (csv, strlen (csv), NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  PlMatrixReport r = { 0, };

  g_object_unref (demo ("ro.pillars"));
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (pl_import_matrix_apply (m, doc, NULL, FALSE, &r, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_assert_cmpuint (r.added, ==, 0);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  test_dir = pl_test_make_dir ();
  g_test_add_func ("/import/matrix/encodings-separators", test_encodings_and_separators);
  g_test_add_func ("/import/matrix/languages", test_languages);
  g_test_add_func ("/import/matrix/unmatched-quotes", test_unmatched_and_quotes);
  g_test_add_func ("/import/matrix/malformed", test_malformed);
  g_test_add_func ("/import/matrix/apply-reimport", test_apply_and_reimport);
  g_test_add_func ("/import/matrix/read-only", test_read_only_untouched);
  ret = g_test_run ();
  pl_test_rmdir_recursive (test_dir);
  g_free (test_dir);
  return ret;
}
