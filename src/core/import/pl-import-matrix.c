/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-import-matrix-private.h"

struct _PlImportMatrix
{
  GObject         parent_instance;

  PlCsv          *csv;
  PlMatrixColumn *roles;      /* one per header cell */
  guint           n_columns;
};

G_DEFINE_FINAL_TYPE (PlImportMatrix, pl_import_matrix, G_TYPE_OBJECT)

/* ---- recognising the columns ---- */

/* Names of each column as ministries' matrices head them (folded, see
 * pl_csv_fold()) in English, French, Spanish and Portuguese. The roles are
 * listed in the order a header is tried against them when no name matches
 * it exactly: "Type of comment" is a type, "Response to comment" a
 * response, "Name of organisation" an organisation. */
static const struct {
  PlMatrixColumn role;
  const char *names[28];
} column_names[] = {
  { PL_MATRIX_COLUMN_PROPOSED_CHANGE,
    { "proposed change", "proposed changes", "suggested change", "proposed text", "proposed amendment",
      "proposed wording", "suggested text", "modification proposee", "changement propose",
      "texte propose", "proposition", "proposition de modification", "cambio propuesto",
      "modificacion propuesta", "texto propuesto", "propuesta", "alteracao proposta",
      "mudanca proposta", "texto proposto", "proposta", "redaccion propuesta", "redacao proposta", NULL } },
  { PL_MATRIX_COLUMN_RESPONSE,
    { "response", "reply", "answer", "drafting team response", "reponse", "suite donnee",
      "respuesta", "resposta", "observations of the drafting team", NULL } },
  { PL_MATRIX_COLUMN_DISPOSITION,
    { "disposition", "decision", "status", "resolution", "action taken", "statut", "etat",
      "estado", "resolucion", "decisao", "situacao", "estatuto", NULL } },
  { PL_MATRIX_COLUMN_TYPE,
    { "type", "kind", "category", "comment type", "type of comment", "nature", "categorie",
      "type de commentaire", "tipo", "categoria", "tipo de comentario", NULL } },
  { PL_MATRIX_COLUMN_ORGANISATION,
    { "organisation", "organization", "institution", "agency", "ministry", "organisme",
      "institution", "entite", "organizacion", "institucion", "organismo", "entidad",
      "organizacao", "instituicao", "entidade", "orgao", NULL } },
  { PL_MATRIX_COLUMN_SECTOR,
    { "sector", "secteur", "setor", "stakeholder group", "groupe", "grupo", NULL } },
  { PL_MATRIX_COLUMN_COMMENTER,
    { "commenter", "name", "reviewer", "submitted by", "author", "contributor", "stakeholder",
      "nom", "auteur", "commentateur", "contributeur", "nombre", "autor", "comentarista",
      "nome", "revisor", NULL } },
  { PL_MATRIX_COLUMN_SECTION,
    { "section", "clause", "pillar", "chapter", "article", "objective", "pilier", "chapitre",
      "objectif", "seccion", "clausula", "pilar", "capitulo", "apartado", "objetivo", "secao",
      "seccao", NULL } },
  { PL_MATRIX_COLUMN_LINE,
    { "line", "line number", "line no", "paragraph", "para", "ligne", "paragraphe", "alinea",
      "linea", "parrafo", "linha", "paragrafo", NULL } },
  { PL_MATRIX_COLUMN_COMMENT,
    { "comment", "comments", "observation", "observations", "remark", "remarks", "feedback",
      "commentaire", "commentaires", "remarque", "remarques", "comentario", "comentarios",
      "observacion", "observaciones", "observacao", "observacoes", NULL } },
};

/* Whether @words (folded) holds @name as whole words. */
static gboolean
has_words (const char *words,
           const char *name)
{
  gsize n = strlen (name);

  for (const char *p = strstr (words, name); p; p = strstr (p + 1, name))
    if ((p == words || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

static PlMatrixColumn
recognise (const char *header,
           gboolean    exact)
{
  g_autofree char *folded = pl_csv_fold (header);

  if (*folded == '\0')
    return PL_MATRIX_COLUMN_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    for (guint j = 0; column_names[i].names[j]; j++)
      if (exact ? g_str_equal (folded, column_names[i].names[j])
                : has_words (folded, column_names[i].names[j]))
        return column_names[i].role;
  return PL_MATRIX_COLUMN_NONE;
}

/* Exact names first, then names within longer headers; the first column
 * of a role wins, a second one is listed as unmatched. */
static void
recognise_columns (PlImportMatrix *self)
{
  GStrv header = g_ptr_array_index (self->csv->rows, 0);
  gboolean taken[PL_MATRIX_N_COLUMNS] = { FALSE, };

  self->n_columns = g_strv_length (header);
  self->roles = g_new0 (PlMatrixColumn, self->n_columns);
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        PlMatrixColumn role;

        if (self->roles[c] != PL_MATRIX_COLUMN_NONE)
          continue;
        role = recognise (header[c], pass == 0);
        if (role != PL_MATRIX_COLUMN_NONE && !taken[role])
          {
            self->roles[c] = role;
            taken[role] = TRUE;
          }
      }
}

const char *
pl_matrix_column_get_label (PlMatrixColumn role)
{
  switch (role)
    {
    case PL_MATRIX_COLUMN_COMMENT: return _("Comment");
    case PL_MATRIX_COLUMN_COMMENTER: return _("Commenter");
    case PL_MATRIX_COLUMN_ORGANISATION: return _("Organisation");
    case PL_MATRIX_COLUMN_SECTOR: return _("Sector");
    case PL_MATRIX_COLUMN_SECTION: return _("Section or pillar");
    case PL_MATRIX_COLUMN_LINE: return _("Line or paragraph");
    case PL_MATRIX_COLUMN_TYPE: return _("Type");
    case PL_MATRIX_COLUMN_PROPOSED_CHANGE: return _("Proposed change");
    case PL_MATRIX_COLUMN_RESPONSE: return _("Response");
    case PL_MATRIX_COLUMN_DISPOSITION: return _("Disposition");
    case PL_MATRIX_COLUMN_NONE:
    case PL_MATRIX_N_COLUMNS:
    default:
      return _("Not imported");
    }
}

/* ---- the object ---- */

static void
pl_import_matrix_finalize (GObject *object)
{
  PlImportMatrix *self = PL_IMPORT_MATRIX (object);

  g_clear_pointer (&self->csv, pl_csv_free);
  g_clear_pointer (&self->roles, g_free);
  G_OBJECT_CLASS (pl_import_matrix_parent_class)->finalize (object);
}

static void
pl_import_matrix_class_init (PlImportMatrixClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_import_matrix_finalize;
}

static void
pl_import_matrix_init (PlImportMatrix *self)
{
}

PlImportMatrix *
pl_import_matrix_new_from_data (const char  *data,
                                gsize        size,
                                GError     **error)
{
  g_autoptr(PlImportMatrix) self = g_object_new (PL_TYPE_IMPORT_MATRIX, NULL);
  gboolean has_comment = FALSE;

  if (!(self->csv = pl_csv_parse (data, size, error)))
    return NULL;
  recognise_columns (self);
  for (guint c = 0; c < self->n_columns; c++)
    has_comment |= self->roles[c] == PL_MATRIX_COLUMN_COMMENT;
  if (!has_comment)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("No column of the first row is headed “Comment” or “Observation”; name the column that holds the comments so and import again"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

PlImportMatrix *
pl_import_matrix_new_for_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_load_contents (file, cancellable, &data, &size, NULL, error))
    return NULL;
  return pl_import_matrix_new_from_data (data, size, error);
}

PlCsvEncoding
pl_import_matrix_get_encoding (PlImportMatrix *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), 0);
  return self->csv->encoding;
}

char
pl_import_matrix_get_separator (PlImportMatrix *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), ',');
  return self->csv->separator;
}

guint
pl_import_matrix_get_n_columns (PlImportMatrix *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), 0);
  return self->n_columns;
}

const char *
pl_import_matrix_get_header (PlImportMatrix *self,
                             guint           column)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return ((GStrv) g_ptr_array_index (self->csv->rows, 0))[column];
}

PlMatrixColumn
pl_import_matrix_get_role (PlImportMatrix *self,
                           guint           column)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), PL_MATRIX_COLUMN_NONE);
  g_return_val_if_fail (column < self->n_columns, PL_MATRIX_COLUMN_NONE);
  return self->roles[column];
}

guint
pl_import_matrix_get_n_rows (PlImportMatrix *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), 0);
  return self->csv->rows->len - 1;
}

const char *
pl_import_matrix_get_cell (PlImportMatrix *self,
                           guint           row,
                           guint           column)
{
  GStrv cells;

  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), "");
  g_return_val_if_fail (row + 1 < self->csv->rows->len, "");
  cells = g_ptr_array_index (self->csv->rows, row + 1);
  if (column >= g_strv_length (cells))
    return "";
  /* Trimmed in place once: spreadsheets pad cells with spaces. */
  return g_strstrip (cells[column]);
}

GStrv
pl_import_matrix_dup_unmatched (PlImportMatrix *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), NULL);
  for (guint c = 0; c < self->n_columns; c++)
    if (self->roles[c] == PL_MATRIX_COLUMN_NONE)
      g_strv_builder_add (builder, pl_import_matrix_get_header (self, c));
  return g_strv_builder_end (builder);
}

/* The cell of @row in the column of @role, or "". */
const char *
_pl_import_matrix_cell_of (PlImportMatrix *self,
                           guint           row,
                           PlMatrixColumn  role)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->roles[c] == role)
      return pl_import_matrix_get_cell (self, row, c);
  return "";
}

guint
_pl_import_matrix_line_of (PlImportMatrix *self,
                           guint           row)
{
  return g_array_index (self->csv->lines, guint, row + 1);
}
