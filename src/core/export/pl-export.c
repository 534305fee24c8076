/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"
#include <glib/gstdio.h>

#include "pl-atomic-file.h"
#include "pl-document-read.h"
#include "pl-file-utils.h"
#include "pl-export-private.h"

void
pl_export_options_init (PlExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->format = PL_EXPORT_MARKDOWN;
  options->title_page = TRUE;
  options->front_matter = TRUE;
  options->pillars = TRUE;
  options->implementation_plan = TRUE;
  options->annex = FALSE;
  options->anonymise = PL_ANONYMISE_ORGANISATION;
  options->workshop_id = 0;
  options->disposition = -1;
}

void
pl_export_options_clear (PlExportOptions *options)
{
  g_clear_pointer (&options->classification, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_object (&options->compare);
  g_clear_pointer (&options->review_deadline, g_free);
}

gboolean
pl_export_format_from_string (const char     *name,
                              PlExportFormat *format)
{
  static const struct { const char *name; PlExportFormat format; } names[] = {
    { "md", PL_EXPORT_MARKDOWN }, { "markdown", PL_EXPORT_MARKDOWN },
    { "html", PL_EXPORT_HTML }, { "htm", PL_EXPORT_HTML },
    { "docx", PL_EXPORT_DOCX }, { "odt", PL_EXPORT_ODT }, { "csv", PL_EXPORT_CSV },
    { "xlsx", PL_EXPORT_XLSX },
  };

  for (guint i = 0; name && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
pl_export_format_extension (PlExportFormat format)
{
  switch (format)
    {
    case PL_EXPORT_MARKDOWN: return "md";
    case PL_EXPORT_HTML: return "html";
    case PL_EXPORT_DOCX: return "docx";
    case PL_EXPORT_ODT: return "odt";
    case PL_EXPORT_CSV: return "csv";
    case PL_EXPORT_XLSX: return "xlsx";
    default: return "";
    }
}

const char *
pl_export_format_mime_type (PlExportFormat format)
{
  switch (format)
    {
    case PL_EXPORT_MARKDOWN: return "text/markdown";
    case PL_EXPORT_HTML: return "text/html";
    case PL_EXPORT_DOCX: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case PL_EXPORT_ODT: return "application/vnd.oasis.opendocument.text";
    case PL_EXPORT_CSV: return "text/csv";
    case PL_EXPORT_XLSX: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    default: return "application/octet-stream";
    }
}

gboolean
pl_anonymise_from_string (const char  *name,
                          PlAnonymise *anonymise)
{
  if (g_strcmp0 (name, "named") == 0 || g_strcmp0 (name, "none") == 0)
    *anonymise = PL_ANONYMISE_NONE;
  else if (g_strcmp0 (name, "organisation") == 0 || g_strcmp0 (name, "organization") == 0)
    *anonymise = PL_ANONYMISE_ORGANISATION;
  else if (g_strcmp0 (name, "anonymous") == 0 || g_strcmp0 (name, "full") == 0)
    *anonymise = PL_ANONYMISE_FULL;
  else
    return FALSE;
  return TRUE;
}

/* ---- writing ---- */

/* Writes reach the stream in pieces of about this size. */
#define EXPORT_BUFFER_SIZE (64 * 1024)

static void
flush_buffer (PlExportContext *ctx)
{
  if (ctx->buffer->len > 0 && ctx->error == NULL)
    g_output_stream_write_all (ctx->out, ctx->buffer->str, ctx->buffer->len, NULL,
                               ctx->cancellable, &ctx->error);
  g_string_truncate (ctx->buffer, 0);
}

void
pl_export_write (PlExportContext *ctx,
                 const char      *data,
                 gssize           len)
{
  if (ctx->error != NULL || data == NULL)
    return;
  if (len < 0)
    len = strlen (data);
  if (len == 0)
    return;
  /* Small pieces gather in the buffer; a large one (a writer's own full
   * buffer) goes to the stream as it is, after what is waiting. */
  if (ctx->buffer->len + len < EXPORT_BUFFER_SIZE)
    {
      g_string_append_len (ctx->buffer, data, len);
      return;
    }
  flush_buffer (ctx);
  if (len < EXPORT_BUFFER_SIZE)
    g_string_append_len (ctx->buffer, data, len);
  else if (ctx->error == NULL)
    g_output_stream_write_all (ctx->out, data, len, NULL, ctx->cancellable, &ctx->error);
}

void
pl_export_printf (PlExportContext *ctx,
                  const char      *format,
                  ...)
{
  g_autofree char *s = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;
  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  pl_export_write (ctx, s, -1);
}

gboolean
pl_export_failed (PlExportContext *ctx)
{
  return ctx->error != NULL;
}

/* ---- anonymisation ---- */

char *
pl_export_stakeholder_label (PlExportContext *ctx,
                             PlStakeholder   *stakeholder)
{
  gint64 id;
  gpointer number;

  if (stakeholder == NULL)
    return g_strdup (_("Unattributed"));

  id = pl_record_get_id (PL_RECORD (stakeholder));
  switch (ctx->options->anonymise)
    {
    case PL_ANONYMISE_NONE:
      if (pl_stakeholder_get_may_be_named (stakeholder))
        return g_strdup (pl_stakeholder_get_name (stakeholder));
      G_GNUC_FALLTHROUGH;
    case PL_ANONYMISE_ORGANISATION:
      {
        const char *org = pl_stakeholder_get_organisation (stakeholder);

        if (org && *org)
          return g_strdup_printf (_("Participant from %s"), org);
        return g_strdup_printf (_("Participant (%s)"),
                                pl_enum_to_label (PL_TYPE_SECTOR, pl_stakeholder_get_sector (stakeholder)));
      }
    case PL_ANONYMISE_FULL:
    default:
      if (!g_hash_table_lookup_extended (ctx->participants, &id, NULL, &number))
        {
          number = GUINT_TO_POINTER (g_hash_table_size (ctx->participants) + 1);
          g_hash_table_insert (ctx->participants, g_memdup2 (&id, sizeof id), number);
        }
      return g_strdup_printf (_("Participant %u"), GPOINTER_TO_UINT (number));
    }
}

char *
pl_export_organisation_label (PlExportContext *ctx,
                              PlStakeholder   *stakeholder)
{
  if (stakeholder == NULL || ctx->options->anonymise == PL_ANONYMISE_FULL)
    return g_strdup ("");
  return g_strdup (pl_stakeholder_get_organisation (stakeholder));
}

/* ---- numbering ---- */

static void
append_uint (GString *s,
             guint64  n)
{
  char digits[24];
  int i = G_N_ELEMENTS (digits);

  do
    digits[--i] = '0' + n % 10;
  while ((n /= 10) > 0);
  g_string_append_len (s, digits + i, G_N_ELEMENTS (digits) - i);
}

/* "2.3" for an objective, cached: every action of the plan asks for it. */
static const char *
objective_number (PlExportContext *ctx,
                  gint64           objective_id)
{
  const char *number = ctx->numbers ? g_hash_table_lookup (ctx->numbers, &objective_id) : NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  GString *s;

  if (number != NULL)
    return number;
  if (ctx->numbers == NULL)
    ctx->numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  s = g_string_sized_new (8);
  objective = (PlObjective *) pl_document_lookup (ctx->document, PL_TYPE_OBJECTIVE, objective_id, NULL);
  pillar = objective ? pl_document_get_pillar_of (ctx->document, PL_RECORD (objective)) : NULL;
  if (pillar != NULL)
    append_uint (s, pl_record_get_position (PL_RECORD (pillar)) + 1);
  else
    g_string_append_c (s, '?');
  g_string_append_c (s, '.');
  if (objective != NULL)
    append_uint (s, pl_record_get_position (PL_RECORD (objective)) + 1);
  else
    g_string_append_c (s, '?');
  number = g_string_free (s, FALSE);
  g_hash_table_insert (ctx->numbers, g_memdup2 (&objective_id, sizeof objective_id), (char *) number);
  return number;
}

char *
pl_export_number (PlExportContext *ctx,
                  PlRecord        *record)
{
  GString *s = g_string_sized_new (12);

  if (PL_IS_PILLAR (record))
    append_uint (s, pl_record_get_position (record) + 1);
  else if (PL_IS_OBJECTIVE (record))
    g_string_append (s, objective_number (ctx, pl_record_get_id (record)));
  else if (PL_IS_ACTION (record))
    {
      g_string_append (s, objective_number (ctx, pl_action_get_objective_id (PL_ACTION (record))));
      g_string_append_c (s, '.');
      append_uint (s, pl_record_get_position (record) + 1);
    }
  return g_string_free (s, FALSE);
}

char *
pl_export_target_label (PlExportContext *ctx,
                        PlFeedback      *feedback)
{
  g_autoptr(PlRecord) target = pl_document_get_feedback_target (ctx->document, feedback);
  g_autofree char *number = NULL;
  const char *title;

  if (target == NULL)
    return g_strdup (pl_feedback_get_target_kind (feedback) == PL_TARGET_STRATEGY
                     ? _("Whole strategy") : _("(deleted item)"));
  if (PL_IS_SECTION (target))
    return g_strdup (pl_section_get_title (PL_SECTION (target)));

  title = pl_record_get_string (target, "title");
  number = pl_export_number (ctx, target);
  /* As the headings write them: "1. Capacity building", "1.2 Training". */
  if (PL_IS_PILLAR (target))
    return g_strdup_printf ("%s. %s", number, title ? title : "");
  return g_strdup_printf ("%s %s", number, title ? title : "");
}

void
pl_annex_row_free (PlAnnexRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->feedback);
  g_clear_object (&row->stakeholder);
  g_clear_object (&row->pillar);
  g_clear_object (&row->target_record);
  g_free (row->target);
  g_free (row->who);
  g_free (row->organisation);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PlAnnexRow *ra = *(PlAnnexRow **) a;
  const PlAnnexRow *rb = *(PlAnnexRow **) b;
  gint64 pa = ra->pillar ? pl_record_get_position (PL_RECORD (ra->pillar)) : -1;
  gint64 pb = rb->pillar ? pl_record_get_position (PL_RECORD (rb->pillar)) : -1;
  int c;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  c = g_strcmp0 (pl_feedback_get_captured_at (ra->feedback), pl_feedback_get_captured_at (rb->feedback));
  if (c != 0)
    return c;
  return pl_record_get_id (PL_RECORD (ra->feedback)) < pl_record_get_id (PL_RECORD (rb->feedback)) ? -1 : 1;
}

GPtrArray *
pl_export_annex_rows (PlExportContext *ctx)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_annex_row_free);
  g_autoptr(GPtrArray) all = NULL;
  gint64 workshop_id = ctx->options->workshop_id;
  int disposition = ctx->options->disposition;

  /* One query for every row, filtered here: much faster than a row at a
   * time for the 20,000 items of a national workshop series. */
  all = pl_document_load_all (ctx->document, PL_TYPE_FEEDBACK, ctx->error ? NULL : &ctx->error);
  if (all == NULL)
    return g_steal_pointer (&rows);

  for (guint i = 0; i < all->len; i++)
    {
      PlFeedback *fb = g_ptr_array_index (all, i);
      PlAnnexRow *row;
      gint64 sid;

      if ((workshop_id > 0 && pl_feedback_get_workshop_id (fb) != workshop_id) ||
          (disposition >= 0 && (int) pl_feedback_get_disposition (fb) != disposition))
        continue;
      row = g_new0 (PlAnnexRow, 1);
      row->feedback = g_object_ref (fb);
      sid = pl_feedback_get_stakeholder_id (fb);
      row->stakeholder = sid ? (PlStakeholder *) pl_document_lookup (ctx->document, PL_TYPE_STAKEHOLDER, sid, NULL) : NULL;
      row->pillar = pl_document_get_pillar_of (ctx->document, PL_RECORD (fb));
      if (row->pillar && pl_record_is_deleted (PL_RECORD (row->pillar)))
        g_clear_object (&row->pillar);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_rows);

  /* Labels after sorting, so "Participant N" follows the annex order. */
  for (guint i = 0; i < rows->len; i++)
    {
      PlAnnexRow *row = g_ptr_array_index (rows, i);

      row->number = i + 1;
      /* Holding the target keeps it in the document's cache for the next
       * row about the same thing. */
      row->target_record = pl_document_get_feedback_target (ctx->document, row->feedback);
      row->target = pl_export_target_label (ctx, row->feedback);
      row->who = pl_export_stakeholder_label (ctx, row->stakeholder);
      row->organisation = pl_export_organisation_label (ctx, row->stakeholder);
      row->sector = row->stakeholder ? pl_enum_to_label (PL_TYPE_SECTOR, pl_stakeholder_get_sector (row->stakeholder)) : "";
    }
  return g_steal_pointer (&rows);
}

gboolean
pl_export_annex_hides_organisation (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PlAnnexRow *row = g_ptr_array_index (rows, i);

      if (row->organisation != NULL && *row->organisation != '\0')
        return FALSE;
    }
  return TRUE;
}

/* ---- the implementation plan ---- */

void
pl_export_plan_header (const char *header[PL_EXPORT_TABLE_COLUMNS + 1])
{
  const char *names[] = { _("No."), _("Pillar"), _("Objective"), _("Action"), _("Lead agency"),
                          _("Partners"), _("Timeframe"), _("Priority"), _("Indicator"), _("Cost"),
                          _("Status"), NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PL_EXPORT_PLAN_COLUMNS + 1);
  memcpy (header, names, sizeof names);
}

char *
pl_export_timeframe_label (PlAction *action)
{
  const char *label = pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action));
  const char *start = pl_action_get_start_date (action);
  const char *end = pl_action_get_end_date (action);

  /* "Short term (2026)", not "(2026–2026)"; an open end says so. */
  if (*start && *end && g_str_equal (start, end))
    return g_strconcat (label, " (", start, ")", NULL);
  if (*start && *end)
    return g_strconcat (label, " (", start, "–", end, ")", NULL);
  if (*start)
    /* Translators: a timeframe with a start and no end: "Medium term (from 2027)". */
    return g_strdup_printf (_("%s (from %s)"), label, start);
  if (*end)
    /* Translators: a timeframe with an end and no start: "Short term (until 2027)". */
    return g_strdup_printf (_("%s (until %s)"), label, end);
  return g_strdup (label);
}

/* Called for every action, twice: no printf. */
char *
pl_export_action_number (const char *objective_number,
                         PlAction   *action)
{
  char digits[PL_EXPORT_DIGITS];

  return g_strconcat (objective_number, ".",
                      pl_export_digits (digits, pl_record_get_position (PL_RECORD (action)) + 1), NULL);
}

gboolean
pl_export_plan_is_empty (PlExportContext *ctx)
{
  GListModel *pillars = pl_document_get_pillars (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (ctx->document, pillar);

      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);

          if (g_list_model_get_n_items (pl_document_get_actions (ctx->document, objective)) > 0)
            return FALSE;
        }
    }
  return TRUE;
}

void
pl_export_foreach_plan_row (PlExportContext *ctx,
                            PlPlanRowFunc    func,
                            gpointer         data)
{
  GListModel *pillars = pl_document_get_pillars (ctx->document);
  guint n_pillars = g_list_model_get_n_items (pillars);

  for (guint i = 0; i < n_pillars && !pl_export_failed (ctx); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (ctx->document, pillar);
      guint n_obj = g_list_model_get_n_items (objectives);

      for (guint j = 0; j < n_obj && !pl_export_failed (ctx); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (ctx->document, objective);
          guint n_act = g_list_model_get_n_items (actions);
          g_autofree char *onum = NULL;

          if (n_act == 0)
            continue;
          onum = pl_export_number (ctx, PL_RECORD (objective));
          for (guint k = 0; k < n_act && !pl_export_failed (ctx); k++)
            {
              g_autoptr(PlAction) action = g_list_model_get_item (actions, k);
              PlPlanRow row = {
                .number = pl_export_action_number (onum, action),
                .timeframe = pl_export_timeframe_label (action),
              };

              row.cells[0] = row.number;
              row.cells[1] = pl_pillar_get_title (pillar);
              row.cells[2] = pl_objective_get_title (objective);
              row.cells[3] = pl_action_get_title (action);
              row.cells[4] = pl_action_get_lead_agency (action);
              row.cells[5] = pl_action_get_partners (action);
              row.cells[6] = row.timeframe;
              row.cells[7] = pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action));
              row.cells[8] = pl_action_get_indicator (action);
              row.cells[9] = pl_action_get_cost (action);
              row.cells[10] = pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action));
              row.cells[11] = NULL;
              G_STATIC_ASSERT (G_N_ELEMENTS (row.cells) == 12);
              func (ctx, &row, data);
              g_free (row.number);
              g_free (row.timeframe);
            }
        }
    }
}

/* ---- Markdown helpers ---- */

cmark_node *
pl_export_parse_markdown (const char *text)
{
  return pl_export_parse_gfm (text, CMARK_OPT_DEFAULT);
}

static void
collect_text (cmark_node *node,
              GString    *out)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (cur));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
}

int
pl_export_min_heading_level (cmark_node *doc)
{
  int level = 7;

  for (cmark_node *n = cmark_node_first_child (doc); n != NULL; n = cmark_node_next (n))
    if (cmark_node_get_type (n) == CMARK_NODE_HEADING)
      level = MIN (level, cmark_node_get_heading_level (n));
  return level;
}

char *
pl_export_node_text (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  collect_text (node, out);
  return g_string_free (out, FALSE);
}

/* ---- entry points ---- */

static char *
today_label (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Translators: the date on the title page, e.g. "22 November 2026". */
  return pl_i18n_format_date (now, _("%-d %B %Y"));
}

gboolean
pl_export_to_stream (PlDocument             *document,
                     const PlExportOptions  *options,
                     GOutputStream          *stream,
                     GCancellable           *cancellable,
                     GError                **error)
{
  PlExportContext ctx = { 0 };
  gboolean loads, ok;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ctx.document = document;
  ctx.options = options;
  ctx.out = stream;
  ctx.cancellable = cancellable;
  ctx.participants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ctx.buffer = g_string_sized_new (EXPORT_BUFFER_SIZE);
  ctx.language = pl_strategy_dup_document_language (pl_document_get_strategy (document));
  /* Headings, table headers and labels in the strategy's language, not in
   * the language of whoever exports it; popped before returning. */
  pl_i18n_push_language (ctx.language);
  ctx.date = options->date ? g_strdup (options->date) : today_label ();
  ctx.classification = g_strdup (options->classification ? options->classification
                                  : pl_strategy_get_classification (pl_document_get_strategy (document)));

  if (!pl_document_begin_read (document, error))
    {
      g_string_free (ctx.buffer, TRUE);
      g_hash_table_unref (ctx.participants);
      g_free (ctx.date);
      g_free (ctx.classification);
      g_free (ctx.language);
      pl_i18n_pop_language ();
      return FALSE;
    }
  /* One query for each level of the structure rather than one per
   * objective. The outline's narratives are parsed in a second thread
   * while the actions are read. */
  /* A redline reads the two versions through the diff instead. */
  loads = (options->pillars || options->implementation_plan) && options->compare == NULL;
  if (loads && !pl_document_preload (document, PL_TYPE_OBJECTIVE, &ctx.error))
    ok = FALSE;
  else
    {
      if ((options->format == PL_EXPORT_HTML || options->format == PL_EXPORT_DOCX ||
           options->format == PL_EXPORT_ODT) && options->compare == NULL)
        ctx.parse_ahead = pl_export_parse_ahead_start (&ctx);
      ok = !loads || pl_document_preload (document, PL_TYPE_ACTION, &ctx.error);
    }

  if (ok && options->compare != NULL)
    ok = pl_export_redline (&ctx);
  else if (ok)
    switch (options->format)
      {
      case PL_EXPORT_MARKDOWN: ok = pl_export_markdown (&ctx); break;
      case PL_EXPORT_HTML: ok = pl_export_html (&ctx); break;
      case PL_EXPORT_DOCX: ok = pl_export_docx (&ctx); break;
      case PL_EXPORT_ODT: ok = pl_export_odt (&ctx); break;
      case PL_EXPORT_CSV: ok = pl_export_csv (&ctx); break;
      case PL_EXPORT_XLSX: ok = pl_export_xlsx (&ctx); break;
      default:
        g_set_error (&ctx.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     PL_UI_MESSAGE (N_("Unknown export format")));
        ok = FALSE;
      }

  g_clear_pointer (&ctx.parse_ahead, pl_export_parse_ahead_free);
  if (options->report != NULL)
    *options->report = ctx.report;
  flush_buffer (&ctx);
  g_string_free (ctx.buffer, TRUE);
  pl_document_end_read (document);
  g_clear_pointer (&ctx.numbers, g_hash_table_unref);
  g_hash_table_unref (ctx.participants);
  g_free (ctx.date);
  g_free (ctx.classification);
  g_free (ctx.language);
  pl_i18n_pop_language ();

  if (!ok || ctx.error != NULL)
    {
      if (ctx.error == NULL)
        g_set_error (&ctx.error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The export failed"));
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  return TRUE;
}

char *
pl_export_report_describe (const PlExportReport *report,
                           PlExportLeftOut       kind)
{
  guint n;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (kind < PL_EXPORT_N_LEFT_OUT, NULL);

  if ((n = report->left_out[kind]) == 0)
    return NULL;
  switch (kind)
    {
    case PL_EXPORT_LEFT_OUT_IMAGE:
      return g_strdup_printf (ngettext ("%u image was left out; its description is printed instead.",
                                        "%u images were left out; their descriptions are printed instead.", n), n);
    case PL_EXPORT_LEFT_OUT_RAW_HTML:
      return g_strdup_printf (ngettext ("%u piece of raw HTML was left out; write it as Markdown to keep it.",
                                        "%u pieces of raw HTML were left out; write them as Markdown to keep them.", n), n);
    case PL_EXPORT_N_LEFT_OUT:
    default:
      break;
    }
  return NULL;
}

/* An export never replaces the document it is made from (in any spelling:
 * "./", a symbolic or a hard link, or its SQLite side files), nor any other
 * Pillars document: that is a strategy, not an old export. */
static gboolean
check_target (PlDocument  *document,
              const char  *path,
              GError     **error)
{
  const char *source = pl_document_get_path (document);
  static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *name = g_filename_display_basename (path);

  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (source, sides[i], NULL);

      if (pl_file_same_as (path, side))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” is the document being exported: the export would destroy it. Choose another name for the export."),
                       name);
          return FALSE;
        }
    }
  if (pl_file_has_sqlite_app_id (path, PL_APPLICATION_ID))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is a Pillars document: an export does not replace a strategy. Choose another name for the export."),
                   name);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_export_to_file (PlDocument             *document,
                   const PlExportOptions  *options,
                   const char             *path,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(PlAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_target (document, path, error))
    return FALSE;
  /* Written to a temporary file next to @path and renamed over it once
   * complete: a failed or killed export leaves the old file (or none). */
  if (!(file = pl_atomic_file_new (path, error)))
    return FALSE;
  if (!pl_export_to_stream (document, options, pl_atomic_file_get_stream (file), cancellable, error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      pl_atomic_file_abort (file);
      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("Could not write the export “%s”: the disk is full. Nothing was written; free some space, or export to another disk."),
                       name);
        }
      else
        g_prefix_error (error, _("Could not write the export “%s”: "), name);
      return FALSE;
    }
  return pl_atomic_file_commit (file, TRUE, error);
}
