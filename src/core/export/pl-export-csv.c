/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-export-private.h"

/* The recommendations matrix as RFC 4180 CSV: CRLF line ends, every field
 * quoted, quotes doubled, UTF-8 with a byte order mark so that Excel picks
 * the right encoding. A field that starts with = + - @ is prefixed with an
 * apostrophe so a spreadsheet never runs it as a formula. */

static void
write_field (PlExportContext *ctx,
             GString         *line,
             const char      *text,
             gboolean         last)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  /* Control characters dropped, bidi overrides made visible, as in the
   * other formats. */
  const char *p = pl_export_clean_text (text, -1, scratch);

  g_string_append_c (line, '"');
  if (*p == '=' || *p == '+' || *p == '-' || *p == '@' || *p == '\t' || *p == '\r')
    g_string_append_c (line, '\'');
  /* Up to and including each quote, which is then doubled. */
  for (const char *quote; (quote = strchr (p, '"')) != NULL; p = quote + 1)
    {
      g_string_append_len (line, p, quote + 1 - p);
      g_string_append_c (line, '"');
    }
  g_string_append (line, p);
  g_string_append_c (line, '"');
  g_string_append (line, last ? "\r\n" : ",");
}

gboolean
pl_export_csv (PlExportContext *ctx)
{
  g_autoptr(GPtrArray) rows = pl_export_annex_rows (ctx);
  GListModel *workshops = pl_document_get_workshops (ctx->document);
  g_autoptr(GHashTable) workshop_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) line = g_string_sized_new (512);
  const char *header[] = { _("No."), _("Pillar"), _("About"), _("Kind"), _("Stakeholder"),
                           _("Organisation"), _("Sector"), _("Workshop"), _("Captured"),
                           _("Comment"), _("Quoted passage"), _("Priority"), _("Disposition"),
                           _("Response") };

  /* Each workshop's title once, not a lookup for every row. */
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(PlWorkshop) workshop = g_list_model_get_item (workshops, i);
      gint64 id = pl_record_get_id (PL_RECORD (workshop));

      g_hash_table_insert (workshop_titles, g_memdup2 (&id, sizeof id), g_strdup (pl_workshop_get_title (workshop)));
    }

  pl_export_write (ctx, "\xEF\xBB\xBF", 3);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    write_field (ctx, line, header[i], i + 1 == G_N_ELEMENTS (header));
  pl_export_write (ctx, line->str, line->len);

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

        g_string_truncate (line, 0);
        for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
          write_field (ctx, line, fields[f], f + 1 == G_N_ELEMENTS (fields));
        pl_export_write (ctx, line->str, line->len);
      }
    }
  return !pl_export_failed (ctx);
}
