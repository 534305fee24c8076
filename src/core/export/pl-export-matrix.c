/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* The recommendations matrix: the columns and rows the CSV and the XLSX
 * writers share, so that a script reading one reads the other alike. */

void
pl_export_matrix_header (const char *header[PL_EXPORT_MATRIX_COLUMNS])
{
  const char *names[] = { _("No."), _("Pillar"), _("About"), _("Kind"), _("Stakeholder"),
                          _("Organisation"), _("Sector"), _("Workshop"), _("Captured"),
                          _("Comment"), _("Quoted passage"), _("Priority"), _("Disposition"),
                          _("Response") };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PL_EXPORT_MATRIX_COLUMNS);
  memcpy (header, names, sizeof names);
}

void
pl_export_matrix_foreach (PlExportContext   *ctx,
                          PlMatrixRowFunc    func,
                          gpointer           data)
{
  g_autoptr(GPtrArray) rows = pl_export_annex_rows (ctx);
  GListModel *workshops = pl_document_get_workshops (ctx->document);
  g_autoptr(GHashTable) workshop_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Each workshop's title once, not a lookup for every row. */
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(PlWorkshop) workshop = g_list_model_get_item (workshops, i);
      gint64 id = pl_record_get_id (PL_RECORD (workshop));

      g_hash_table_insert (workshop_titles, g_memdup2 (&id, sizeof id), g_strdup (pl_workshop_get_title (workshop)));
    }

  for (guint i = 0; i < rows->len && !pl_export_failed (ctx); i++)
    {
      PlAnnexRow *row = g_ptr_array_index (rows, i);
      PlFeedback *fb = row->feedback;
      g_autofree char *pillar = NULL;
      gint64 wid = pl_feedback_get_workshop_id (fb);
      const char *workshop = wid ? g_hash_table_lookup (workshop_titles, &wid) : NULL;
      char digits[PL_EXPORT_DIGITS];

      if (row->pillar)
        {
          g_autofree char *pnum = pl_export_number (ctx, PL_RECORD (row->pillar));
          pillar = g_strdup_printf ("%s. %s", pnum, pl_pillar_get_title (row->pillar));
        }
      else
        pillar = g_strdup (_("The strategy as a whole"));

      {
        const char *fields[] = {
          pl_export_digits (digits, row->number), pillar, row->target,
          pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)),
          row->who, row->organisation, row->sector,
          workshop ? workshop : "",
          pl_feedback_get_captured_at (fb),
          pl_feedback_get_body (fb),
          pl_feedback_get_quote (fb),
          pl_enum_to_label (PL_TYPE_PRIORITY, pl_feedback_get_priority (fb)),
          pl_enum_to_label (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (fb)),
          pl_feedback_get_response (fb),
        };

        G_STATIC_ASSERT (G_N_ELEMENTS (fields) == PL_EXPORT_MATRIX_COLUMNS);
        func (ctx, row->number, fields, data);
      }
    }
}
