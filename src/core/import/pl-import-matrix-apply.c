/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-import-matrix-private.h"

/* Writing a comment matrix into a document: where each row points, who
 * said it, and whether it is already there. */

typedef struct {
  PlDocument *doc;
  GHashTable *numbers;       /* "2.1" -> PlRecord (pillars, objectives, actions) */
  GHashTable *titles;        /* folded title -> PlRecord */
  GHashTable *stakeholders;  /* folded name -> PlStakeholder, or a dummy in a dry run */
  GHashTable *existing;      /* key -> how many comments with it the document holds */
  GHashTable *seen;          /* key -> how many rows with it came before */
} Apply;

static void
unref_maybe (gpointer object)
{
  if (object)
    g_object_unref (object);
}

static void
apply_clear (Apply *a)
{
  g_clear_pointer (&a->numbers, g_hash_table_unref);
  g_clear_pointer (&a->titles, g_hash_table_unref);
  g_clear_pointer (&a->stakeholders, g_hash_table_unref);
  g_clear_pointer (&a->existing, g_hash_table_unref);
  g_clear_pointer (&a->seen, g_hash_table_unref);
}

static void
add_title (Apply      *a,
           const char *title,
           PlRecord   *record)
{
  char *folded = pl_csv_fold (title);

  /* The first of two equal titles wins, as in the outline. */
  if (*folded == '\0' || g_hash_table_contains (a->titles, folded))
    g_free (folded);
  else
    g_hash_table_insert (a->titles, folded, g_object_ref (record));
}

/* Numbers as the outline and the exports show them: pillar 2, objective
 * 2.1, action 2.1.3. */
static void
index_outline (Apply *a)
{
  GListModel *sections = pl_document_get_sections (a->doc);
  GListModel *pillars = pl_document_get_pillars (a->doc);

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (a->doc, p);

      g_hash_table_insert (a->numbers, g_strdup_printf ("%u", i + 1), g_object_ref (p));
      add_title (a, pl_pillar_get_title (p), PL_RECORD (p));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) o = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (a->doc, o);

          g_hash_table_insert (a->numbers, g_strdup_printf ("%u.%u", i + 1, j + 1), g_object_ref (o));
          add_title (a, pl_objective_get_title (o), PL_RECORD (o));
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            {
              g_autoptr(PlAction) ac = g_list_model_get_item (actions, k);

              g_hash_table_insert (a->numbers, g_strdup_printf ("%u.%u.%u", i + 1, j + 1, k + 1),
                                   g_object_ref (ac));
            }
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlSection) s = g_list_model_get_item (sections, i);

      add_title (a, pl_section_get_title (s), PL_RECORD (s));
    }
}

static char *
key_for (const char   *body,
         gint64        stakeholder_id,
         PlTargetKind  kind,
         gint64        target_id)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%d\x1f%" G_GINT64_FORMAT,
                          body, stakeholder_id, (int) kind, target_id);
}

static void
count_key (GHashTable *table,
           char       *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, key, GUINT_TO_POINTER (n + 1));
}

static void
index_feedback (Apply *a)
{
  GListModel *all = G_LIST_MODEL (pl_document_get_feedback (a->doc));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

      count_key (a->existing, key_for (pl_feedback_get_body (fb), pl_feedback_get_stakeholder_id (fb),
                                       pl_feedback_get_target_kind (fb), pl_feedback_get_target_id (fb)));
    }
}

static void
index_stakeholders (Apply *a)
{
  GListModel *all = pl_document_get_stakeholders (a->doc);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (all, i);
      char *folded = pl_csv_fold (pl_stakeholder_get_name (s));

      if (g_hash_table_contains (a->stakeholders, folded))
        g_free (folded);
      else
        g_hash_table_insert (a->stakeholders, folded, g_object_ref (s));
    }
}

/* The pillar, objective, action or section a "Section" cell names: a
 * number anywhere in it ("2.1", "Pillar 2", "Obj. 2.1 – Protect …"), else
 * a title. NULL for the strategy as a whole. */
static PlRecord *
find_target (Apply      *a,
             const char *cell,
             gboolean   *unplaced)
{
  g_autofree char *folded = NULL;
  PlRecord *record;

  *unplaced = FALSE;
  if (*cell == '\0')
    return NULL;
  for (const char *p = cell; *p; p++)
    if (g_ascii_isdigit (*p) && (p == cell || !g_ascii_isalnum (p[-1])))
      {
        gsize n = strspn (p, "0123456789.");
        g_autofree char *number = g_strndup (p, n);

        while (n > 0 && number[n - 1] == '.')
          number[--n] = '\0';
        if ((record = g_hash_table_lookup (a->numbers, number)))
          return record;
        break;
      }
  folded = pl_csv_fold (cell);
  if ((record = g_hash_table_lookup (a->titles, folded)))
    return record;
  *unplaced = TRUE;
  return NULL;
}

static gboolean
has_any (const char         *folded,
         const char * const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (folded, words[i]))
      return TRUE;
  return FALSE;
}

static PlFeedbackKind
parse_kind (const char *cell)
{
  g_autofree char *f = pl_csv_fold (cell);
  const char * const question[] = { "question", "pregunta", "pergunta", "clarification", NULL };
  const char * const recommendation[] = { "recommend", "suggest", "recomend", "sugest", "sugger", NULL };
  const char * const objection[] = { "objection", "objecion", "objecao", "disagree", "oppos", "desacuerdo", "desacordo", NULL };
  const char * const support[] = { "support", "soutien", "apoyo", "apoio", "agree", "accord", "endorse", NULL };

  if (has_any (f, question))
    return PL_FEEDBACK_QUESTION;
  if (has_any (f, recommendation))
    return PL_FEEDBACK_RECOMMENDATION;
  /* "disagree" before "agree". */
  if (has_any (f, objection))
    return PL_FEEDBACK_OBJECTION;
  if (has_any (f, support))
    return PL_FEEDBACK_SUPPORT;
  return PL_FEEDBACK_COMMENT;
}

static PlDisposition
parse_disposition (const char *cell)
{
  g_autofree char *f = pl_csv_fold (cell);
  const char * const partly[] = { "partly", "partial", "partiel", "parcial", "in part", NULL };
  const char * const rejected[] = { "reject", "not accepted", "non accepte", "no aceptad", "nao aceit",
                                    "declined", "rechaz", "rejet", "rejeit", "refus", "recus", NULL };
  const char * const accepted[] = { "accept", "aceptad", "aceit", "agreed", "adopt", "incorporat", "retenu", NULL };
  const char * const deferred[] = { "defer", "postpon", "report", "diferid", "aplazad", "adiad", "later", NULL };
  const char * const addressed[] = { "addressed", "resolved", "done", "noted", "traite", "atendid", "resuelt", "resolvid", NULL };

  if (has_any (f, partly))
    return PL_DISPOSITION_PARTLY_ACCEPTED;
  if (has_any (f, rejected))
    return PL_DISPOSITION_REJECTED;
  if (has_any (f, accepted))
    return PL_DISPOSITION_ACCEPTED;
  if (has_any (f, deferred))
    return PL_DISPOSITION_DEFERRED;
  if (has_any (f, addressed))
    return PL_DISPOSITION_ADDRESSED;
  return PL_DISPOSITION_OPEN;
}

static PlSector
parse_sector (const char *cell)
{
  g_autofree char *f = pl_csv_fold (cell);
  const char * const private_[] = { "private", "prive", "privad", "industr", "business", "entreprise", "empresa", NULL };
  const char * const academia[] = { "academ", "univers", "research", "recherche", "investigac", "pesquisa", NULL };
  const char * const civil[] = { "civil", "ngo", "ong", "non governmental", NULL };
  const char * const technical[] = { "technical", "technique", "tecnic", "cert", "csirt", NULL };
  const char * const international[] = { "international", "internacional", "donor", "partner", "bailleur", NULL };

  if (has_any (f, private_))
    return PL_SECTOR_PRIVATE;
  if (has_any (f, academia))
    return PL_SECTOR_ACADEMIA;
  if (has_any (f, civil))
    return PL_SECTOR_CIVIL_SOCIETY;
  if (has_any (f, technical))
    return PL_SECTOR_TECHNICAL;
  if (has_any (f, international))
    return PL_SECTOR_INTERNATIONAL;
  return PL_SECTOR_GOVERNMENT;
}

/* The stakeholder of @row (transfer none), NULL for an anonymous comment;
 * with @dry_run a new one is only counted, and *@id is -1. */
static gboolean
find_stakeholder (Apply           *a,
                  PlImportMatrix  *matrix,
                  guint            row,
                  gboolean         dry_run,
                  PlStakeholder  **out,
                  gint64          *id,
                  PlMatrixReport  *report,
                  GError         **error)
{
  const char *name = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_COMMENTER);
  const char *org = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_ORGANISATION);
  g_autofree char *folded = NULL;
  gpointer found;

  *out = NULL;
  *id = 0;
  /* An institution's submission names no person: the institution speaks. */
  if (*name == '\0')
    name = org;
  if (*name == '\0')
    return TRUE;
  folded = pl_csv_fold (name);
  if (g_hash_table_lookup_extended (a->stakeholders, folded, NULL, &found))
    {
      if (PL_IS_STAKEHOLDER (found))
        {
          *out = found;
          *id = pl_record_get_id (PL_RECORD (found));
        }
      else
        *id = -1;
      report->stakeholders_matched++;
      return TRUE;
    }
  report->stakeholders_created++;
  if (dry_run)
    {
      g_hash_table_insert (a->stakeholders, g_steal_pointer (&folded), NULL);
      *id = -1;
      return TRUE;
    }
  /* Nobody agreed to be named in exports by writing in a matrix. */
  *out = pl_document_add (a->doc, PL_TYPE_STAKEHOLDER, NULL, -1, error,
                          "name", name,
                          "organisation", name == org ? "" : org,
                          "sector", (int) parse_sector (_pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_SECTOR)),
                          "may-be-named", FALSE,
                          NULL);
  if (*out == NULL)
    return FALSE;
  *id = pl_record_get_id (PL_RECORD (*out));
  /* The table keeps the reference pl_document_add() gave. */
  g_hash_table_insert (a->stakeholders, g_steal_pointer (&folded), *out);
  return TRUE;
}

static PlTargetKind
target_kind_of (PlRecord *record)
{
  if (record == NULL)
    return PL_TARGET_STRATEGY;
  if (PL_IS_SECTION (record))
    return PL_TARGET_SECTION;
  if (PL_IS_PILLAR (record))
    return PL_TARGET_PILLAR;
  if (PL_IS_OBJECTIVE (record))
    return PL_TARGET_OBJECTIVE;
  return PL_TARGET_ACTION;
}

/* The comment as the drafting team reads it: the proposed wording and the
 * line it is about kept with it, since the document has no fields for them. */
static char *
compose_body (PlImportMatrix *matrix,
              guint           row)
{
  const char *comment = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_COMMENT);
  const char *change = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_PROPOSED_CHANGE);
  const char *line = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_LINE);
  GString *body = g_string_new (comment);

  if (*change)
    g_string_append_printf (body, "\n\n%s %s", _("Proposed change:"), change);
  if (*line)
    g_string_append_printf (body, "\n\n%s %s", _("Line or paragraph:"), line);
  return g_string_free (body, FALSE);
}

static gboolean
import_row (Apply           *a,
            PlImportMatrix  *matrix,
            guint            row,
            PlWorkshop      *workshop,
            gboolean         dry_run,
            PlMatrixReport  *report,
            GError         **error)
{
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  PlStakeholder *stakeholder;
  PlRecord *target;
  gboolean unplaced;
  gint64 stakeholder_id;
  guint before, there;
  const char *response;
  PlDisposition disposition;

  if (*_pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_COMMENT) == '\0')
    {
      report->empty++;
      return TRUE;
    }
  body = compose_body (matrix, row);
  target = find_target (a, _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_SECTION), &unplaced);
  report->unplaced += unplaced;
  if (!find_stakeholder (a, matrix, row, dry_run, &stakeholder, &stakeholder_id, report, error))
    return FALSE;

  /* The n-th row with this key is there when the document holds n such
   * comments: identical rows of one file each count. */
  key = key_for (body, stakeholder_id, target_kind_of (target),
                 target ? pl_record_get_id (target) : 0);
  before = GPOINTER_TO_UINT (g_hash_table_lookup (a->seen, key));
  there = GPOINTER_TO_UINT (g_hash_table_lookup (a->existing, key));
  count_key (a->seen, g_steal_pointer (&key));
  if (before < there)
    {
      report->already_there++;
      return TRUE;
    }
  report->added++;
  if (dry_run)
    return TRUE;

  fb = pl_document_add_feedback (a->doc, parse_kind (_pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_TYPE)),
                                 body, target, NULL, workshop, stakeholder, error);
  if (fb == NULL)
    return FALSE;
  response = _pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_RESPONSE);
  disposition = parse_disposition (_pl_import_matrix_cell_of (matrix, row, PL_MATRIX_COLUMN_DISPOSITION));
  if ((*response || disposition != PL_DISPOSITION_OPEN) &&
      !pl_record_set (PL_RECORD (fb), error, "response", response, "disposition", (int) disposition, NULL))
    return FALSE;
  return TRUE;
}

gboolean
pl_import_matrix_apply (PlImportMatrix  *self,
                        PlDocument      *doc,
                        PlWorkshop      *workshop,
                        gboolean         dry_run,
                        PlMatrixReport  *report,
                        GError         **error)
{
  Apply a = { doc, };
  PlMatrixReport local = { 0, };
  g_autoptr(GError) row_error = NULL;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (PL_IS_IMPORT_MATRIX (self), FALSE);
  g_return_val_if_fail (PL_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop), FALSE);

  if (!dry_run && !pl_document_begin (doc, error))
    return FALSE;
  a.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  a.titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  a.stakeholders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_maybe);
  a.existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_outline (&a);
  index_stakeholders (&a);
  index_feedback (&a);

  n = pl_import_matrix_get_n_rows (self);
  for (guint row = 0; row < n && ok; row++)
    if (!(ok = import_row (&a, self, row, workshop, dry_run, &local, &row_error)))
      g_set_error (error, row_error->domain, row_error->code,
                   _("Line %u of the comment matrix: %s"),
                   _pl_import_matrix_line_of (self, row), row_error->message);

  apply_clear (&a);
  if (!dry_run)
    {
      if (ok)
        ok = pl_document_commit (doc, error);
      else
        pl_document_rollback (doc);
    }
  if (ok && report)
    *report = local;
  return ok;
}
