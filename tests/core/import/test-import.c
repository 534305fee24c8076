/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pl-test-util.h"
#include "pl-demo.h"
#include "pl-export.h"
#include "pl-import-draft.h"
#include "pl-import-private.h"
#include "pl-pillar.h"
#include "pl-objective.h"
#include "pl-action.h"
#include "pl-section.h"
#include "pl-strategy.h"

/* ---- helpers ---- */

static PlImportDraft *
import_bytes (const char *data,
              gsize       len,
              const char *name,
              GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  return pl_import_draft_new_from_bytes (bytes, name, error);
}

static PlImportDraft *
import_md (const char *md)
{
  g_autoptr(GError) error = NULL;
  PlImportDraft *draft = import_bytes (md, strlen (md), "draft.md", &error);

  g_assert_no_error (error);
  return draft;
}

/* A zip made here from (name, content) pairs, for hand-written DOCX parts
 * and hostile archives. */
static GBytes *
make_zip (const char *const *parts,
          gboolean           store)
{
  struct archive *a = archive_write_new ();
  size_t cap = 64 * 1024 * 1024, used = 0;
  char *buffer = g_malloc (cap);

  archive_write_set_format_zip (a);
  if (store)
    archive_write_set_options (a, "zip:compression=store");
  g_assert_cmpint (archive_write_open_memory (a, buffer, cap, &used), ==, ARCHIVE_OK);
  for (guint i = 0; parts[i]; i += 2)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (parts[i + 1]);

      archive_entry_set_pathname (e, parts[i]);
      archive_entry_set_size (e, len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_write_header (a, e);
      archive_write_data (a, parts[i + 1], len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_bytes_new_take (g_realloc (buffer, MAX (used, 1)), used);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " \
             "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""

static GBytes *
make_docx (const char *body)
{
  g_autofree char *document = g_strdup_printf ("<?xml version=\"1.0\"?><w:document " W_NS "><w:body>%s</w:body></w:document>", body);
  const char *styles =
    "<?xml version=\"1.0\"?><w:styles " W_NS ">"
    "<w:style w:styleId=\"Titre\"><w:name w:val=\"Title\"/></w:style>"
    "<w:style w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/></w:style>"
    "<w:style w:styleId=\"Custom\"><w:name w:val=\"My part heading\"/><w:basedOn w:val=\"Kop1\"/></w:style>"
    "<w:style w:styleId=\"Big\"><w:name w:val=\"Big text\"/><w:rPr><w:sz w:val=\"72\"/></w:rPr></w:style>"
    "</w:styles>";
  const char *numbering =
    "<?xml version=\"1.0\"?><w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
  const char *rels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId5\" Target=\"https://www.itu.int/\" TargetMode=\"External\"/>"
    "<Relationship Id=\"rId6\" Target=\"javascript:alert(1)\" TargetMode=\"External\"/></Relationships>";
  const char *footnotes =
    "<?xml version=\"1.0\"?><w:footnotes " W_NS "><w:footnote w:id=\"2\"><w:p><w:r><w:t>Adopted in 2025.</w:t></w:r></w:p></w:footnote></w:footnotes>";
  const char *parts[] = {
    "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>",
    "word/document.xml", document, "word/styles.xml", styles, "word/numbering.xml", numbering,
    "word/_rels/document.xml.rels", rels, "word/footnotes.xml", footnotes, NULL
  };
  return make_zip (parts, FALSE);
}

static char *
p (const char *style,
   const char *text)
{
  return style ? g_strdup_printf ("<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", style, text)
               : g_strdup_printf ("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", text);
}

static PlImportNode *
node_at (GListModel *model,
         guint       i)
{
  PlImportNode *node = g_list_model_get_item (model, i);

  g_assert_nonnull (node);
  g_object_unref (node);  /* the model keeps it */
  return node;
}

static void
assert_fails (GBytes       *bytes,
              const char   *name,
              PlImportError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportDraft) draft = pl_import_draft_new_from_bytes (bytes, name, &error);

  g_assert_null (draft);
  g_assert_error (error, PL_IMPORT_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
}

/* ---- structure ---- */

static void
test_markdown_structure (void)
{
  g_autoptr(PlImportDraft) draft = import_md (
    "# Estrategia Nacional\n\n"
    "## Resumen ejecutivo\n\nTexto **fuerte** y *cursiva*.\n\n"
    "## Glosario\n\nCSIRT: equipo.\n\n"
    "## Gobierno digital seguro\n\nIntro.\n\n"
    "### Proteger las redes\n\n"
    "1. Desplegar antivirus\n2. Auditar las redes\n\n"
    "- viñeta\n  - anidada\n\n"
    "### Formar a los funcionarios\n\n"
    "| Acción | Responsable | Plazo | Prioridad |\n|---|---|---|---|\n| Curso básico | Escuela | Corto plazo | Alta |\n");
  GListModel *top = pl_import_draft_get_nodes (draft);
  PlImportNode *pillar, *objective, *action;
  PlSectionKind kind;

  g_assert_cmpstr (pl_import_draft_get_title (draft), ==, "Estrategia Nacional");
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 3);
  g_assert_cmpint (pl_import_node_get_role (node_at (top, 0)), ==, PL_IMPORT_ROLE_SECTION);
  kind = pl_import_node_get_section_kind (node_at (top, 0));
  g_assert_cmpint (kind, ==, PL_SECTION_EXECUTIVE_SUMMARY);
  g_assert_cmpint (pl_import_node_get_section_kind (node_at (top, 1)), ==, PL_SECTION_GLOSSARY);
  g_assert_cmpstr (pl_import_node_get_body (node_at (top, 0)), ==, "Texto **fuerte** y *cursiva*.");
  pillar = node_at (top, 2);
  g_assert_cmpint (pl_import_node_get_role (pillar), ==, PL_IMPORT_ROLE_PILLAR);
  g_assert_cmpuint (g_list_model_get_n_items (pl_import_node_get_children (pillar)), ==, 2);
  objective = node_at (pl_import_node_get_children (pillar), 0);
  g_assert_cmpstr (pl_import_node_get_title (objective), ==, "Proteger las redes");
  g_assert_cmpuint (g_list_model_get_n_items (pl_import_node_get_children (objective)), ==, 2);
  g_assert_cmpstr (pl_import_node_get_title (node_at (pl_import_node_get_children (objective), 1)), ==, "Auditar las redes");
  g_assert_nonnull (strstr (pl_import_node_get_body (objective), "- viñeta\n"));
  g_assert_nonnull (strstr (pl_import_node_get_body (objective), "  - anidada"));
  objective = node_at (pl_import_node_get_children (pillar), 1);
  action = node_at (pl_import_node_get_children (objective), 0);
  g_assert_cmpstr (pl_import_node_get_title (action), ==, "Curso básico");
  g_assert_cmpstr (pl_import_node_get_lead_agency (action), ==, "Escuela");
  g_assert_cmpint (pl_import_node_get_timeframe (action), ==, PL_TIMEFRAME_SHORT);
  g_assert_cmpint (pl_import_node_get_priority (action), ==, PL_PRIORITY_HIGH);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), ==, 3);
}

static void
test_steering (void)
{
  g_autoptr(PlImportDraft) draft = import_md (
    "# Title\n\n## Introduction\n\nHello.\n\n## Pillar A\n\n### Objective A1\n\n#### Deep\n\ntext\n\n## Pillar B\n");
  g_autoptr(GError) error = NULL;
  GListModel *top = pl_import_draft_get_nodes (draft);
  PlImportNode *intro = node_at (top, 0);
  guint key = pl_import_node_get_key (intro);
  int plevel, olevel;

  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 2);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), ==, 1);  /* Deep */
  pl_import_draft_get_levels (draft, &plevel, &olevel);
  g_assert_cmpint (plevel, ==, 2);
  g_assert_cmpint (olevel, ==, 3);

  pl_import_draft_set_role (draft, key, PL_IMPORT_ROLE_PILLAR);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 3);
  intro = node_at (pl_import_draft_get_nodes (draft), 0);
  g_assert_cmpint (pl_import_node_get_role (intro), ==, PL_IMPORT_ROLE_PILLAR);
  g_assert_cmpint (pl_import_node_get_detected_role (intro), ==, PL_IMPORT_ROLE_SECTION);

  /* Pillar B becomes text of Pillar A's objective... of the node above. */
  g_assert_true (pl_import_draft_apply_map (draft, "pillar b=text", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 2);

  g_assert_true (pl_import_draft_apply_map (draft, "objective=4", &error));
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_OBJECTIVE), ==, 1);
  g_assert_cmpstr (pl_import_node_get_title (node_at (pl_import_draft_get_all_nodes (draft), 2)), ==, "Deep");

  g_assert_false (pl_import_draft_apply_map (draft, "nonsense", &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP);
  g_clear_error (&error);
  g_assert_false (pl_import_draft_apply_map (draft, "pillar=12", &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP);
  g_clear_error (&error);
  g_assert_false (pl_import_draft_apply_map (draft, "No such heading=pillar", &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP);
  g_clear_error (&error);
  g_assert_false (pl_import_draft_apply_map (draft, "Pillar A=chapter", &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP);
  g_clear_error (&error);

  pl_import_draft_reset (draft);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 2);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_SECTION), ==, 1);
}

static void
test_docx_handmade (void)
{
  g_autofree char *title = p ("Titre", "Cyber Strategy");
  g_autofree char *h1 = p ("Kop1", "1. Resilience");
  g_autofree char *big = p ("Big", "Not a heading, only big");
  g_autofree char *h2 = g_strdup ("<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>1.1 Harden networks</w:t></w:r></w:p>");
  g_autofree char *item1 = g_strdup ("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Patch servers</w:t></w:r></w:p>");
  g_autofree char *sub = g_strdup ("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>monthly</w:t></w:r></w:p>");
  g_autofree char *bullet = g_strdup ("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>a point</w:t></w:r></w:p>");
  g_autofree char *rich = g_strdup (
    "<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r>"
    "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>words</w:t></w:r>"
    "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\"> and *stars*</w:t></w:r>"
    "<w:hyperlink r:id=\"rId5\"><w:r><w:t>ITU</w:t></w:r></w:hyperlink>"
    "<w:hyperlink r:id=\"rId6\"><w:r><w:t>bad</w:t></w:r></w:hyperlink>"
    "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"
    "<w:r><w:drawing><wp:inline><wp:docPr w:id=\"1\" name=\"map.png\"/></wp:inline></w:drawing></w:r>"
    "<w:r><w:commentReference w:id=\"0\"/></w:r>"
    "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple>"
    "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>");
  g_autofree char *table = g_strdup (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Activité</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Entité responsable</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>ÉCHÉANCE</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Statut</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>Audit</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>CERT</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Long terme</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>En cours</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
  g_autofree char *data_table = g_strdup (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Staff|count</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>2025</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
  g_autofree char *h1b = p ("Custom", "Part two");
  g_autofree char *body = g_strconcat (title, h1, big, h2, item1, sub, bullet, rich, table, data_table, h1b, NULL);
  g_autoptr(GBytes) bytes = make_docx (body);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportDraft) draft = pl_import_draft_new_from_bytes (bytes, "hand.docx", &error);
  GListModel *top;
  PlImportNode *pillar, *objective, *audit;
  const char *text;
  const char * const *report;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pl_import_draft_get_format (draft), ==, PL_IMPORT_FORMAT_DOCX);
  g_assert_cmpstr (pl_import_draft_get_title (draft), ==, "Cyber Strategy");
  top = pl_import_draft_get_nodes (draft);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 2);
  pillar = node_at (top, 0);
  g_assert_cmpstr (pl_import_node_get_title (pillar), ==, "Resilience");
  g_assert_cmpstr (pl_import_node_get_body (pillar), ==, "Not a heading, only big");
  g_assert_cmpstr (pl_import_node_get_title (node_at (top, 1)), ==, "Part two");  /* basedOn heading 1 */
  objective = node_at (pl_import_node_get_children (pillar), 0);
  g_assert_cmpstr (pl_import_node_get_title (objective), ==, "Harden networks");
  g_assert_cmpuint (g_list_model_get_n_items (pl_import_node_get_children (objective)), ==, 2);
  g_assert_cmpstr (pl_import_node_get_title (node_at (pl_import_node_get_children (objective), 0)), ==, "Patch servers");
  audit = node_at (pl_import_node_get_children (objective), 1);
  g_assert_cmpstr (pl_import_node_get_title (audit), ==, "Audit");
  g_assert_cmpstr (pl_import_node_get_lead_agency (audit), ==, "CERT");
  g_assert_cmpint (pl_import_node_get_timeframe (audit), ==, PL_TIMEFRAME_LONG);
  g_assert_cmpint (pl_import_node_get_status (audit), ==, PL_ACTION_STATUS_IN_PROGRESS);

  text = pl_import_node_get_body (objective);
  g_assert_nonnull (strstr (text, "   - monthly"));
  g_assert_nonnull (strstr (text, "- a point"));
  g_assert_nonnull (strstr (text, "See **bold words** *and \\*stars\\**"));
  g_assert_nonnull (strstr (text, "[ITU](<https://www.itu.int/>)"));
  g_assert_null (strstr (text, "javascript"));
  g_assert_nonnull (strstr (text, "bad"));
  g_assert_nonnull (strstr (text, "\\[1\\] Adopted in 2025."));
  g_assert_nonnull (strstr (text, "| Year | Staff\\|count |\n| --- | --- |\n| 2025 | 4 |"));
  g_assert_null (strstr (text, "deleted"));
  g_assert_nonnull (strstr (text, "7"));

  report = pl_import_draft_get_report (draft);
  joined = g_strjoinv ("\n", (char **) report);
  g_assert_nonnull (strstr (joined, "map.png"));
  g_assert_nonnull (strstr (joined, "comment"));
  g_assert_nonnull (strstr (joined, "PAGE"));
  g_assert_nonnull (strstr (joined, "Resilience › Harden networks"));
}

/* ---- fixtures made by LibreOffice and pandoc ---- */

static PlImportDraft *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  PlImportDraft *draft = pl_import_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  return draft;
}

static PlImportNode *
find_node (PlImportDraft *draft,
           const char    *title)
{
  GListModel *all = pl_import_draft_get_all_nodes (draft);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    if (g_str_equal (pl_import_node_get_title (node_at (all, i)), title))
      return node_at (all, i);
  g_error ("no node “%s”", title);
  return NULL;
}

static void
test_fixture_fr (gconstpointer data)
{
  g_autoptr(PlImportDraft) draft = import_fixture (data);
  PlImportNode *n;

  g_assert_cmpstr (pl_import_draft_get_title (draft), ==, "Stratégie nationale de cybersécurité 2025–2029");
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_SECTION), ==, 3);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 2);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_OBJECTIVE), ==, 3);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), ==, 4);
  g_assert_cmpint (pl_import_node_get_section_kind (find_node (draft, "Résumé analytique")), ==, PL_SECTION_EXECUTIVE_SUMMARY);
  g_assert_cmpint (pl_import_node_get_section_kind (find_node (draft, "Principes directeurs")), ==, PL_SECTION_GUIDING_PRINCIPLES);
  n = find_node (draft, "Guide pratique pour les PME");
  g_assert_cmpstr (pl_import_node_get_lead_agency (n), ==, "ANSSI");
  g_assert_cmpint (pl_import_node_get_timeframe (n), ==, PL_TIMEFRAME_SHORT);
  g_assert_cmpint (pl_import_node_get_priority (n), ==, PL_PRIORITY_HIGH);
  g_assert_cmpstr (pl_import_node_get_indicator (n), ==, "Guide publié");
  n = find_node (draft, "Renforcement des capacités");
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "[l’UIT](<https://www.itu.int/>)"));
  g_assert_null (strstr (pl_import_node_get_body (n), "javascript"));
  n = find_node (draft, "Principes directeurs");
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "Confiance"));
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "des services publics"));
  n = find_node (draft, "Créer le CSIRT national");
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "| Année | Analystes |"));
  g_assert_nonnull (strstr (pl_import_node_get_body (find_node (draft, "Résumé analytique")), "**numériques**"));
}

static void
test_fixture_es (gconstpointer data)
{
  g_autoptr(PlImportDraft) draft = import_fixture (data);
  PlImportNode *n;

  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_SECTION), ==, 3);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 1);
  n = find_node (draft, "Elaborar el registro nacional");
  g_assert_cmpstr (pl_import_node_get_lead_agency (n), ==, "Ministerio TIC");
  g_assert_cmpstr (pl_import_node_get_partners (n), ==, "Operadores");
  g_assert_cmpstr (pl_import_node_get_cost (n), ==, "USD 50 000");
  g_assert_cmpint (pl_import_node_get_status (n), ==, PL_ACTION_STATUS_IN_PROGRESS);
  g_assert_cmpint (pl_import_node_get_priority (n), ==, PL_PRIORITY_HIGH);
  g_assert_cmpint (pl_import_node_get_section_kind (find_node (draft, "Implementación y revisión")), ==, PL_SECTION_IMPLEMENTATION);
}

static void
test_fixture_pt (gconstpointer data)
{
  g_autoptr(PlImportDraft) draft = import_fixture (data);
  PlImportNode *n;

  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 1);
  /* Two numbered items and a row of the plan table matched by its
   * "Objetivo" column from a section further on. */
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), ==, 3);
  n = find_node (draft, "Inquérito nacional bienal");
  g_assert_cmpstr (pl_import_node_get_lead_agency (n), ==, "Instituto de Estatística");
  g_assert_cmpint (pl_import_node_get_timeframe (n), ==, PL_TIMEFRAME_LONG);
  g_assert_cmpint (pl_import_node_get_section_kind (find_node (draft, "Sumário executivo")), ==, PL_SECTION_EXECUTIVE_SUMMARY);
}

static void
test_fixture_en (gconstpointer data)
{
  g_autoptr(PlImportDraft) draft = import_fixture (data);
  PlImportNode *n;
  g_autofree char *report = NULL;

  g_assert_cmpstr (pl_import_draft_get_title (draft), ==, "National Cybersecurity Strategy of Ruritania");
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_SECTION), ==, 2);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, 2);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), ==, 3);
  g_assert_cmpint (pl_import_node_get_section_kind (find_node (draft, "Acronyms and abbreviations")), ==, PL_SECTION_GLOSSARY);
  n = find_node (draft, "Deploy endpoint protection");
  g_assert_cmpstr (pl_import_node_get_indicator (n), ==, "90% coverage");
  g_assert_cmpstr (pl_import_node_get_cost (n), ==, "USD 1m");
  n = find_node (draft, "Executive summary");
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "[ITU guide](<https://www.itu.int/>)")
                    ? "" : strstr (pl_import_node_get_body (n), "[ITU guide](https://www.itu.int/)"));
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "mailto:cyber@example.org"));
  g_assert_nonnull (strstr (pl_import_node_get_body (n), "*digital*"));
  if (g_str_has_suffix (data, ".docx") || g_str_has_suffix (data, ".odt"))
    {
      report = g_strjoinv ("\n", (char **) pl_import_draft_get_report (draft));
      g_assert_nonnull (strstr (report, "Cyber resilience"));  /* the logo, where it was */
    }
}

/* ---- round trip of our own exports ---- */

static char *
normalise (const char *md)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  /* Markdown punctuation, heading depth and line breaks differ between the
   * writers and the reader; the words and their order must not. */
  for (const char *c = md ? md : ""; *c; c++)
    {
      if (strchr ("#*_\\>`-", *c))
        continue;
      if (g_ascii_isspace (*c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *c);
    }
  return g_strdup (out->str);
}

static void
assert_same_text (const char *a,
                  const char *b)
{
  g_autofree char *na = normalise (a);
  g_autofree char *nb = normalise (b);

  g_assert_cmpstr (na, ==, nb);
}

static void
test_round_trip (gconstpointer data)
{
  const char *ext = data;
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *src = pl_test_path (dir, "example.pillars");
  g_autofree char *exported = g_strconcat (dir, "/example.", ext, NULL);
  g_autofree char *dest = pl_test_path (dir, "imported.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) a = pl_demo_create (src, PL_DEMO_SMALL, &error);
  g_autoptr(PlDocument) b = NULL;
  g_autoptr(PlImportDraft) draft = NULL;
  PlExportOptions options;
  GListModel *pa, *pb;

  g_assert_no_error (error);
  pl_export_options_init (&options);
  g_assert_true (pl_export_format_from_string (ext, &options.format));
  g_assert_true (pl_export_to_file (a, &options, exported, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);

  draft = pl_import_draft_new_from_file (exported, &error);
  g_assert_no_error (error);
  b = pl_import_draft_write (draft, dest, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_strategy_get_title (pl_document_get_strategy (a)), ==, pl_strategy_get_title (pl_document_get_strategy (b)));
  assert_same_text (pl_strategy_get_vision (pl_document_get_strategy (a)), pl_strategy_get_vision (pl_document_get_strategy (b)));
  pa = pl_document_get_sections (a);
  pb = pl_document_get_sections (b);
  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(PlSection) sa = g_list_model_get_item (pa, i);
      g_autoptr(PlSection) sb = g_list_model_get_item (pb, i);

      g_assert_cmpstr (pl_section_get_title (sa), ==, pl_section_get_title (sb));
      g_assert_cmpint (pl_section_get_kind (sa), ==, pl_section_get_kind (sb));
      assert_same_text (pl_section_get_body (sa), pl_section_get_body (sb));
    }
  pa = pl_document_get_pillars (a);
  pb = pl_document_get_pillars (b);
  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(PlPillar) xa = g_list_model_get_item (pa, i);
      g_autoptr(PlPillar) xb = g_list_model_get_item (pb, i);
      GListModel *oa = pl_document_get_objectives (a, xa), *ob = pl_document_get_objectives (b, xb);
      g_autofree char *with_summary = g_strconcat (pl_pillar_get_summary (xa), " ", pl_pillar_get_body (xa), NULL);

      g_assert_cmpstr (pl_pillar_get_title (xa), ==, pl_pillar_get_title (xb));
      /* The summary is written as the body's first line. */
      assert_same_text (with_summary, pl_pillar_get_body (xb));
      g_assert_cmpuint (g_list_model_get_n_items (oa), ==, g_list_model_get_n_items (ob));
      for (guint j = 0; j < g_list_model_get_n_items (oa); j++)
        {
          g_autoptr(PlObjective) ya = g_list_model_get_item (oa, j);
          g_autoptr(PlObjective) yb = g_list_model_get_item (ob, j);
          GListModel *aa = pl_document_get_actions (a, ya), *ab = pl_document_get_actions (b, yb);

          g_assert_cmpstr (pl_objective_get_title (ya), ==, pl_objective_get_title (yb));
          assert_same_text (pl_objective_get_description (ya), pl_objective_get_description (yb));
          g_assert_cmpuint (g_list_model_get_n_items (aa), ==, g_list_model_get_n_items (ab));
          for (guint k = 0; k < g_list_model_get_n_items (aa); k++)
            {
              g_autoptr(PlAction) za = g_list_model_get_item (aa, k);
              g_autoptr(PlAction) zb = g_list_model_get_item (ab, k);

              g_assert_cmpstr (pl_action_get_title (za), ==, pl_action_get_title (zb));
              g_assert_cmpstr (pl_action_get_lead_agency (za), ==, pl_action_get_lead_agency (zb));
              g_assert_cmpstr (pl_action_get_partners (za), ==, pl_action_get_partners (zb));
              g_assert_cmpint (pl_action_get_timeframe (za), ==, pl_action_get_timeframe (zb));
              g_assert_cmpstr (pl_action_get_start_date (za), ==, pl_action_get_start_date (zb));
              g_assert_cmpstr (pl_action_get_end_date (za), ==, pl_action_get_end_date (zb));
              g_assert_cmpint (pl_action_get_priority (za), ==, pl_action_get_priority (zb));
              g_assert_cmpstr (pl_action_get_indicator (za), ==, pl_action_get_indicator (zb));
              g_assert_cmpstr (pl_action_get_cost (za), ==, pl_action_get_cost (zb));
              g_assert_cmpint (pl_action_get_status (za), ==, pl_action_get_status (zb));
            }
        }
    }
  pl_document_close (a);
  pl_document_close (b);
  pl_test_rmdir_recursive (dir);
}

/* ---- hostile and wrong input: a specific error, nothing written ---- */

static void
test_bad_input (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) ole = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "WordDocument", 20);
  static const char enc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
  g_autoptr(GBytes) encrypted = g_bytes_new_static (enc, sizeof enc);
  g_autoptr(GBytes) html = g_bytes_new_static ("<!DOCTYPE html><html><body><h1>x</h1></body></html>", 51);
  g_autoptr(GBytes) rtf = g_bytes_new_static ("{\\rtf1\\ansi hello}", 18);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("# R\xe9sum\xe9\n", 10);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\n\n   \n", 6);
  const char *no_doc[] = { "hello.txt", "hi", NULL };
  const char *bad_xml[] = { "word/document.xml", "<w:document><w:body><w:p>", NULL };
  const char *entity[] = { "word/document.xml",
                           "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p><w:p><w:r><w:t>safe</w:t></w:r></w:p></w:body></w:document>", NULL };
  const char *odt_enc[] = { "mimetype", "application/vnd.oasis.opendocument.text",
                            "META-INF/manifest.xml", "<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
                            "content.xml", "garbage", NULL };
  const char *ods[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>", NULL };
  g_autoptr(GBytes) zip_no_doc = make_zip (no_doc, FALSE);
  g_autoptr(GBytes) zip_bad_xml = make_zip (bad_xml, FALSE);
  g_autoptr(GBytes) zip_entity = make_zip (entity, FALSE);
  g_autoptr(GBytes) zip_odt_enc = make_zip (odt_enc, FALSE);
  g_autoptr(GBytes) zip_ods = make_zip (ods, FALSE);
  g_autoptr(GBytes) good = make_docx ("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportDraft) draft = NULL;

  assert_fails (empty, "a.docx", PL_IMPORT_ERROR_EMPTY);
  assert_fails (empty, "a.md", PL_IMPORT_ERROR_EMPTY);
  assert_fails (blank, "a.md", PL_IMPORT_ERROR_EMPTY);
  assert_fails (ole, "a.doc", PL_IMPORT_ERROR_LEGACY_FORMAT);
  assert_fails (ole, "renamed.docx", PL_IMPORT_ERROR_LEGACY_FORMAT);
  assert_fails (encrypted, "secret.docx", PL_IMPORT_ERROR_ENCRYPTED);
  assert_fails (html, "page.docx", PL_IMPORT_ERROR_DISGUISED);
  assert_fails (rtf, "letter.docx", PL_IMPORT_ERROR_DISGUISED);
  assert_fails (rtf, "letter.rtf", PL_IMPORT_ERROR_DISGUISED);
  assert_fails (text, "notes.odt", PL_IMPORT_ERROR_DISGUISED);
  assert_fails (text, "slides.pptx", PL_IMPORT_ERROR_UNSUPPORTED);
  assert_fails (latin1, "latin1.md", PL_IMPORT_ERROR_MALFORMED);
  assert_fails (zip_no_doc, "x.docx", PL_IMPORT_ERROR_MALFORMED);
  assert_fails (zip_bad_xml, "x.docx", PL_IMPORT_ERROR_MALFORMED);
  assert_fails (zip_odt_enc, "x.odt", PL_IMPORT_ERROR_ENCRYPTED);
  assert_fails (zip_ods, "x.ods", PL_IMPORT_ERROR_UNSUPPORTED);
  assert_fails (truncated, "half.docx", PL_IMPORT_ERROR_TRUNCATED);

  /* An external entity is neither fetched nor substituted. */
  draft = pl_import_draft_new_from_bytes (zip_entity, "entity.docx", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (pl_import_node_get_body (node_at (pl_import_draft_get_nodes (draft), 0)), "root:"));
}

static void
test_zip_limits (void)
{
  /* Three megabytes of one letter pack into a few kilobytes: a bomb. */
  g_autofree char *huge = g_strnfill (3 * 1024 * 1024, 'a');
  g_autofree char *doc = g_strconcat ("<w:document " W_NS "><w:body><w:p><w:r><w:t>", huge, "</w:t></w:r></w:p></w:body></w:document>", NULL);
  const char *bomb[] = { "word/document.xml", doc, NULL };
  g_autoptr(GBytes) zip_bomb = make_zip (bomb, FALSE);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) zip_many = NULL;

  assert_fails (zip_bomb, "bomb.docx", PL_IMPORT_ERROR_TOO_LARGE);

  for (guint i = 0; i < 10001; i++)
    {
      g_ptr_array_add (many, g_strdup_printf ("e%u", i));
      g_ptr_array_add (many, g_strdup (""));
    }
  g_ptr_array_add (many, NULL);
  zip_many = make_zip ((const char * const *) many->pdata, TRUE);
  assert_fails (zip_many, "many.docx", PL_IMPORT_ERROR_TOO_MANY_ENTRIES);
}

static void
test_files (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *md = pl_test_path (dir, "draft.md");
  g_autofree char *target = pl_test_path (dir, "new.pillars");
  g_autofree char *missing = pl_test_path (dir, "missing.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportDraft) draft = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  guint n = 0;

  g_assert_null (pl_import_draft_new_from_file (missing, &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pl_import_draft_new_from_file (dir, &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (md, "# T\n\n## Vision\n\nSafe.\n\n## P\n\n### O\n\n1. A\n", -1, NULL));
  draft = pl_import_draft_new_from_file (md, &error);
  g_assert_no_error (error);
  doc = pl_import_draft_write (draft, target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_strategy_get_vision (pl_document_get_strategy (doc)), ==, "Safe.");
  g_assert_cmpint (pl_document_count (doc, "actions"), ==, 1);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  pl_document_close (doc);

  /* Never replaces a file, and leaves nothing behind when refusing. */
  g_assert_null (pl_import_draft_write (draft, target, &error));
  g_assert_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_EXISTS);
  g_clear_error (&error);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n++;
  g_assert_cmpuint (n, ==, 2);
  pl_test_rmdir_recursive (dir);
}

/* Front-matter names as ministries type them: with the French ligature
 * (Word's autocorrect writes "œuvre"), capitals, accents, a number and a
 * colon; and a pillar that only starts like one stays a pillar. */
static void
test_section_names (void)
{
  static const struct { const char *title; PlSectionKind kind; } names[] = {
    { "Mise en œuvre et suivi", PL_SECTION_IMPLEMENTATION },
    { "MISE EN ŒUVRE", PL_SECTION_IMPLEMENTATION },
    { "Plan de mise en œuvre", PL_SECTION_IMPLEMENTATION },
    { "6. Mise en oeuvre et revue", PL_SECTION_IMPLEMENTATION },
    { "Résumé analytique", PL_SECTION_EXECUTIVE_SUMMARY },
    { "Sumário executivo:", PL_SECTION_EXECUTIVE_SUMMARY },
    { "Implementación y revisión", PL_SECTION_IMPLEMENTATION },
  };
  PlSectionKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      kind = PL_SECTION_OTHER;
      g_assert_true (pl_import_match_section (names[i].title, &kind));
      g_assert_cmpint (kind, ==, names[i].kind);
    }
  g_assert_false (pl_import_match_section ("Vision for a secure cyberspace in every school", &kind));
  g_assert_false (pl_import_match_section ("Œuvres numériques et droits d’auteur", &kind));
}

/* The timeframe cell as our exports write it, in its four shapes: both
 * ends, one year for both ("Short term (2026)"), an open end ("from",
 * "until"), in English and in the other languages; and as people write
 * it, without brackets. */
static void
test_timeframe_dates (void)
{
  static const struct { const char *cell, *start, *end; PlTimeframe tf; } cases[] = {
    { "Short term (2025-01-01–2026-06-30)", "2025-01-01", "2026-06-30", PL_TIMEFRAME_SHORT },
    { "Short term (2026)", "2026", "2026", PL_TIMEFRAME_SHORT },
    { "Medium term (from 2027)", "2027", "", PL_TIMEFRAME_MEDIUM },
    { "Long term (until 2030)", "", "2030", PL_TIMEFRAME_LONG },
    { "Moyen terme (à partir de 2027)", "2027", "", PL_TIMEFRAME_MEDIUM },
    { "Corto plazo (hasta 2026)", "", "2026", PL_TIMEFRAME_SHORT },
    { "Longo prazo (até 2031)", "", "2031", PL_TIMEFRAME_LONG },
    { "Ongoing", "", "", PL_TIMEFRAME_ONGOING },
    /* As people write them in a plan, without brackets. */
    { "2027–2028", "2027", "2028", PL_TIMEFRAME_UNSET },
    { "2026 - 2027", "2026", "2027", PL_TIMEFRAME_UNSET },
    { "2026-2027", "2026", "2027", PL_TIMEFRAME_UNSET },
    { "Short term, 2026 to 2027", "2026", "2027", PL_TIMEFRAME_SHORT },
    { "2025-01-01 – 2026-06-30", "2025-01-01", "2026-06-30", PL_TIMEFRAME_UNSET },
    { "By 2028", "", "2028", PL_TIMEFRAME_UNSET },
    { "D’ici 2028", "", "2028", PL_TIMEFRAME_UNSET },
    { "Hasta 2029", "", "2029", PL_TIMEFRAME_UNSET },
    { "From 2027", "2027", "", PL_TIMEFRAME_UNSET },
    { "À partir de 2027", "2027", "", PL_TIMEFRAME_UNSET },
    { "2028", "2028", "2028", PL_TIMEFRAME_UNSET },
    { "Bypass 2028", "2028", "2028", PL_TIMEFRAME_UNSET },
    { "24 months", "", "", PL_TIMEFRAME_UNSET },
    { "Phase 2 of 3", "", "", PL_TIMEFRAME_UNSET },
    { "Year 1200", "", "", PL_TIMEFRAME_UNSET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlImportNode) node = pl_import_node_new (i, PL_IMPORT_ROLE_ACTION, PL_IMPORT_ROLE_ACTION,
                                                         0, 2, "An action");

      pl_import_node_set_field (node, "timeframe", cases[i].cell);
      g_assert_cmpstr (pl_import_node_get_start_date (node) ? pl_import_node_get_start_date (node) : "", ==, cases[i].start);
      g_assert_cmpstr (pl_import_node_get_end_date (node) ? pl_import_node_get_end_date (node) : "", ==, cases[i].end);
      g_assert_cmpint (pl_import_node_get_timeframe (node), ==, cases[i].tf);
    }
}

/* A plan table's dates reach the document, with an open end too: "From
 * 2027" used to be read and then dropped because only closed ranges were
 * written. */
static void
test_plan_dates_written (void)
{
  static const char md[] =
    "# T\n\n## P\n\n### O\n\n"
    "| Action | Lead agency | Timeframe |\n|---|---|---|\n"
    "| Train judges | Ministry of Justice | 2027–2028 |\n"
    "| Open a CSIRT | ICT Authority | From 2027 |\n"
    "| Pass the law | Parliament | By 2030 |\n";
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *target = pl_test_path (dir, "new.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportDraft) draft = import_md (md);
  g_autoptr(PlDocument) doc = pl_import_draft_write (draft, target, &error);
  static const char *const want[][3] = {
    { "Train judges", "2027", "2028" }, { "Open a CSIRT", "2027", "" }, { "Pass the law", "", "2030" },
  };
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  GListModel *actions;

  g_assert_no_error (error);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  objective = g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);
  actions = pl_document_get_actions (doc, objective);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(PlAction) action = g_list_model_get_item (actions, i);

      g_assert_cmpstr (pl_action_get_title (action), ==, want[i][0]);
      g_assert_cmpstr (pl_action_get_start_date (action), ==, want[i][1]);
      g_assert_cmpstr (pl_action_get_end_date (action), ==, want[i][2]);
    }
  pl_document_close (doc);
  pl_test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/markdown-structure", test_markdown_structure);
  g_test_add_func ("/import/steering", test_steering);
  g_test_add_func ("/import/docx-handmade", test_docx_handmade);
  g_test_add_data_func ("/import/fixture/fr-libreoffice.docx", "fr.docx", test_fixture_fr);
  g_test_add_data_func ("/import/fixture/fr-libreoffice.odt", "fr.odt", test_fixture_fr);
  g_test_add_data_func ("/import/fixture/es-libreoffice.docx", "es.docx", test_fixture_es);
  g_test_add_data_func ("/import/fixture/es-libreoffice.odt", "es.odt", test_fixture_es);
  g_test_add_data_func ("/import/fixture/pt-libreoffice.docx", "pt.docx", test_fixture_pt);
  g_test_add_data_func ("/import/fixture/pt-libreoffice.odt", "pt.odt", test_fixture_pt);
  g_test_add_data_func ("/import/fixture/en-pandoc.docx", "en-pandoc.docx", test_fixture_en);
  g_test_add_data_func ("/import/fixture/en-pandoc.odt", "en-pandoc.odt", test_fixture_en);
  g_test_add_data_func ("/import/fixture/en.md", "en.md", test_fixture_en);
  g_test_add_data_func ("/import/round-trip/md", "md", test_round_trip);
  g_test_add_data_func ("/import/round-trip/docx", "docx", test_round_trip);
  g_test_add_data_func ("/import/round-trip/odt", "odt", test_round_trip);
  g_test_add_func ("/import/bad-input", test_bad_input);
  g_test_add_func ("/import/zip-limits", test_zip_limits);
  g_test_add_func ("/import/files", test_files);
  g_test_add_func ("/import/timeframe-dates", test_timeframe_dates);
  g_test_add_func ("/import/plan-dates-written", test_plan_dates_written);
  g_test_add_func ("/import/section-names", test_section_names);
  return g_test_run ();
}
