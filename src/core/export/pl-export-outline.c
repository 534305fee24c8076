/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* The document outline shared by the HTML, DOCX and ODT writers: the same
 * parts in the same order, numbered and labelled as in the Markdown writer,
 * so that every format says the same thing. The walk runs twice: a first
 * pass only collects the headings for the table of contents (cmark parses
 * a megabyte of Markdown in a few milliseconds), the second one writes. */

#define CALL(ol, op, ...) G_STMT_START { \
  if ((ol)->ops->op != NULL && !pl_export_failed ((ol)->ctx)) \
    (ol)->ops->op ((ol), ##__VA_ARGS__); \
  (ol)->written = TRUE; \
  (ol)->at_page_start = FALSE; \
} G_STMT_END

/* TRUE when @text's @len bytes are printable ASCII (not DEL), spaces, tabs
 * and line ends: clean without a closer look. Eight bytes at a time (most
 * text is like this, and every text of an export is looked at). */
static gboolean
is_plain_ascii (const char *text,
                gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  for (gsize i = 0; i < len;)
    {
      guint64 word;
      guchar c;

      /* No byte below 0x20, above 0x7F or equal to it in the next eight? */
      if (i + 8 <= len)
        {
          guint64 del;

          memcpy (&word, text + i, 8);
          del = word ^ (ones * 0x7F);
          if ((((((word - ones * 0x20) & ~word) | word) | ((del - ones) & ~del)) & highs) == 0)
            {
              i += 8;
              continue;
            }
        }
      c = text[i++];
      if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
        return FALSE;
    }
  return TRUE;
}

const char *
pl_export_clean_text (const char *text,
                      gssize      len,
                      GString    *scratch)
{
  const char *p, *end;
  gboolean clean;

  if (text == NULL)
    return "";
  if (len < 0)
    len = strlen (text);
  end = text + len;

  if (text[len] == '\0' && is_plain_ascii (text, len))
    return text;

  clean = g_utf8_validate_len (text, len, NULL) && text[len] == '\0';
  for (p = text; clean && p < end; p++)
    {
      guchar c = *p;

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        clean = FALSE;
      /* C1 controls, U+0080 to U+009F. */
      else if (c == 0xC2 && p + 1 < end && (guchar) p[1] <= 0x9F)
        clean = FALSE;
      /* U+202A to U+202E and U+2066 to U+2069. */
      else if (c == 0xE2 && p + 2 < end &&
               (((guchar) p[1] == 0x80 && (guchar) p[2] >= 0xAA && (guchar) p[2] <= 0xAE) ||
                ((guchar) p[1] == 0x81 && (guchar) p[2] >= 0xA6 && (guchar) p[2] <= 0xA9)))
        clean = FALSE;
      /* U+FFFE and U+FFFF are not XML characters either. */
      else if (c == 0xEF && p + 2 < end && (guchar) p[1] == 0xBF && ((guchar) p[2] & 0xFE) == 0xBE)
        clean = FALSE;
    }
  if (clean)
    return text;

  g_string_truncate (scratch, 0);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (scratch, 0xFFFD);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      /* An explicit embedding, override or isolate makes text read in
       * another order than it is written ("exe.txt" shown for "txt.exe"):
       * it is shown as a visible mark instead. The implicit marks (U+200E,
       * U+200F, U+061C) and right-to-left text itself stay as they are. */
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (scratch, "\u2039U+%04X\u203A", c);
      else if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !(c >= 0x7F && c <= 0x9F) &&
               c != 0xFFFE && c != 0xFFFF)
        g_string_append_unichar (scratch, c);
    }
  return scratch->str;
}

const char *
pl_export_digits (char    buffer[PL_EXPORT_DIGITS],
                  guint64 n)
{
  char *p = buffer + PL_EXPORT_DIGITS;

  *--p = '\0';
  do
    *--p = '0' + n % 10;
  while ((n /= 10) > 0);
  return p;
}

gboolean
pl_export_link_is_safe (const char *url)
{
  g_autofree char *scheme = url ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0
             || g_ascii_strcasecmp (scheme, "https") == 0
             || g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static gboolean
stopped (PlOutline *ol)
{
  if (pl_export_failed (ol->ctx))
    return TRUE;
  return g_cancellable_set_error_if_cancelled (ol->ctx->cancellable, &ol->ctx->error);
}

static void
heading_free (PlOutlineHeading *h)
{
  g_free (h->text);
  g_free (h->anchor);
  g_free (h);
}

static void
emit_heading (PlOutline  *ol,
              int         level,
              const char *text,
              gboolean    new_page)
{
  PlOutlineHeading h;
  char digits[PL_EXPORT_DIGITS];
  g_autofree char *anchor = g_strconcat ("pl_h", pl_export_digits (digits, ++ol->n_headings), NULL);

  h.level = level;
  h.text = (char *) text;
  h.anchor = anchor;
  h.new_page = new_page && !ol->at_page_start && ol->written;
  CALL (ol, heading, &h);
}

static void
emit_node (PlOutline        *ol,
           cmark_node       *node,
           cmark_event_type  ev,
           int               depth)
{
  CALL (ol, node, node, ev, MIN (depth, PL_OUTLINE_MAX_DEPTH));
}

/* A node that nests (@nesting counts its kind): shown unless it is
 * deeper than PL_OUTLINE_MAX_DEPTH, so that its content flows into the
 * deepest one shown. */
static void
emit_nested (PlOutline        *ol,
             cmark_node       *node,
             cmark_event_type  ev,
             int              *nesting,
             const int        *depth)
{
  if (ev == CMARK_EVENT_ENTER)
    (*nesting)++;
  if (*nesting <= PL_OUTLINE_MAX_DEPTH)
    emit_node (ol, node, ev, *depth);
  if (ev != CMARK_EVENT_ENTER)
    (*nesting)--;
}

/* A heading of the narrative (@level in the Markdown), at its level in
 * the outline. */
static void
emit_narrative_heading (PlOutline  *ol,
                        int         level,
                        const char *text,
                        int         shift)
{
  level = CLAMP (level + shift, 1, 6);
  /* Markdown level 2 is the outline's level 1: the Markdown writer keeps
   * level 1 for the title. */
  emit_heading (ol, MAX (level - 1, 1), text, FALSE);
}

/* Iterative (cmark_iter), so a hostile document nested ten thousand deep
 * costs no C stack; containers beyond PL_OUTLINE_MAX_DEPTH are flattened. */
static void
walk_narrative (PlOutline  *ol,
                const char *markdown,
                int         top_level)
{
  g_autofree char *text = NULL;
  PlParsed *parsed;
  cmark_iter *iter;
  cmark_event_type ev;
  int shift, depth = 0, inline_depth = 0;
  guint n_headings = 0;

  if (markdown == NULL || *markdown == '\0' || stopped (ol))
    return;

  parsed = pl_export_take_parsed (ol, markdown, &text);
  shift = top_level - parsed->min_level;
  if (ol->collecting)
    {
      for (guint i = 0; i < parsed->headings->len; i++)
        {
          PlParsedHeading *h = &g_array_index (parsed->headings, PlParsedHeading, i);

          emit_narrative_heading (ol, h->level, h->text, shift);
        }
      /* The writing pass walks the same texts in the same order. */
      g_queue_push_tail (ol->parsed, g_steal_pointer (&text));
      g_queue_push_tail (ol->parsed, parsed);
      return;
    }
  iter = cmark_iter_new (parsed->doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = ev == CMARK_EVENT_ENTER;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          if (enter)
            pl_export_note_left_out (ol->ctx, PL_EXPORT_LEFT_OUT_RAW_HTML);
          break;

        case CMARK_NODE_IMAGE:       /* its description arrives as text */
          if (enter)
            pl_export_note_left_out (ol->ctx, PL_EXPORT_LEFT_OUT_IMAGE);
          break;

        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_CUSTOM_INLINE:
          break;

        case CMARK_NODE_HEADING:
          if (enter)
            {
              /* The walk meets the headings in the order the parse
               * (pl-export-outline-parse.c) found them. */
              if (G_LIKELY (n_headings < parsed->headings->len))
                {
                  PlParsedHeading *h = &g_array_index (parsed->headings, PlParsedHeading, n_headings++);

                  emit_narrative_heading (ol, h->level, h->text, shift);
                }
              else
                {
                  g_autofree char *heading = pl_export_node_text (node);

                  emit_narrative_heading (ol, cmark_node_get_heading_level (node), heading, shift);
                }
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;

        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
          emit_nested (ol, node, ev, &depth, &depth);
          break;

        case CMARK_NODE_ITEM:
          /* Shown exactly when its list is. */
          if (depth <= PL_OUTLINE_MAX_DEPTH)
            emit_node (ol, node, ev, depth);
          break;

        case CMARK_NODE_LINK:
          if (!pl_export_link_is_safe (cmark_node_get_url (node)))
            break;
          G_GNUC_FALLTHROUGH;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
          emit_nested (ol, node, ev, &inline_depth, &depth);
          break;

        default:
          emit_node (ol, node, ev, depth);
          break;
        }
      if (pl_export_failed (ol->ctx))
        break;
    }
  cmark_iter_free (iter);
  pl_export_parsed_free (parsed);
}

static void
walk_title_page (PlOutline *ol)
{
  PlStrategy *s = pl_document_get_strategy (ol->ctx->document);
  const char *version = pl_strategy_get_version_label (s);
  const char *lead = pl_strategy_get_lead_agency (s);
  const char *labels[5] = { NULL }, *values[5] = { NULL };
  PlOutlineTitle title;
  guint n = 0;

  labels[n] = _("Version"); values[n++] = *version ? version : "—";
  labels[n] = _("Status"); values[n++] = pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (s));
  labels[n] = _("Date"); values[n++] = ol->ctx->date;
  if (*lead)
    {
      labels[n] = _("Lead agency");
      values[n++] = lead;
    }

  title.marking = ol->ctx->classification ? ol->ctx->classification : "";
  title.title = pl_strategy_get_title (s);
  title.country = pl_strategy_get_country (s);
  title.labels = labels;
  title.values = values;
  CALL (ol, title_page, &title);
  ol->at_page_start = TRUE;

  if (ol->headings != NULL)
    {
      CALL (ol, contents, ol->headings);
      ol->at_page_start = TRUE;
    }
}

static void
walk_front_matter (PlOutline *ol)
{
  PlStrategy *s = pl_document_get_strategy (ol->ctx->document);
  GListModel *sections = pl_document_get_sections (ol->ctx->document);
  guint n = g_list_model_get_n_items (sections);

  if (*pl_strategy_get_vision (s))
    {
      emit_heading (ol, 1, _("Vision"), TRUE);
      walk_narrative (ol, pl_strategy_get_vision (s), 3);
    }
  for (guint i = 0; i < n && !stopped (ol); i++)
    {
      g_autoptr(PlSection) section = g_list_model_get_item (sections, i);

      emit_heading (ol, 1, pl_section_get_title (section), i == 0 && !*pl_strategy_get_vision (s));
      walk_narrative (ol, pl_section_get_body (section), 3);
    }
}

/* A table cell (or an action's detail) longer than this is cut and given
 * in full after the table (the action), in paragraphs of about this size:
 * word processors lay out a table row or a paragraph of a megabyte in
 * quadratic time (LibreOffice takes a minute for 50 kB in one cell). */
#define CELL_MAX 2000
#define CELL_SHOWN 400

/* The length in bytes of the piece of @text of at most @max characters
 * (not bytes: a cut must not depend on the script): it ends after the
 * last sentence in its second half, else at the last space there, else
 * at a character. */
static gsize
piece_length (const char *text,
              gsize       max)
{
  const char *p = text, *sentence = NULL, *space = NULL;
  gsize n = 0;

  while (*p && n < max)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (n >= max / 2)
        {
          if ((c == '.' || c == '!' || c == '?' || c == ';' || c == 0x3002 /* 。 */ || c == 0x061F /* ؟ */)
              && (*next == ' ' || *next == '\n' || c == 0x3002))
            sentence = next;
          else if (c == ' ' || c == '\n')
            space = p;
        }
      p = next;
      n++;
    }
  if (*p == '\0')
    return p - text;
  if (sentence != NULL)
    return sentence - text;
  if (space != NULL)
    return space - text;
  return p - text;
}

static gboolean
is_long (const char *text)
{
  gsize n = 0;

  /* No more bytes than the limit: no more characters either. */
  if (text == NULL || strlen (text) <= CELL_MAX)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (++n > CELL_MAX)
      return TRUE;
  return FALSE;
}

/* @text itself, or when it is too long for a table cell or a line of
 * details, its start and a pointer to the long entry that follows. */
static const char *
set_aside (PlOutline   *ol,
           const char  *text,
           const char  *label,
           char       **owned)
{
  gsize cut;

  if (!is_long (text))
    return text;
  cut = piece_length (text, CELL_SHOWN);
  ol->n_long++;
  *owned = g_strdup_printf (_("%.*s … (continued in long entry %u below)"), (int) cut, text, ol->n_long);
  g_ptr_array_add (ol->long_entries, g_strdup_printf (_("Long entry %u: %s"), ol->n_long, label));
  g_ptr_array_add (ol->long_entries, g_strdup (text));
  return *owned;
}

static void
emit_row (PlOutline          *ol,
          const char        **cells,
          const char *const  *header)
{
  char *owned[PL_EXPORT_TABLE_COLUMNS] = { NULL };

  for (guint i = 0; i < PL_EXPORT_TABLE_COLUMNS && cells[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      if (!is_long (cells[i]))
        continue;
      /* Translators: a long table cell: column and row, "Indicator, row 1.2.3". */
      label = g_strdup_printf (_("%s, row %s"), header[i], cells[0]);
      cells[i] = set_aside (ol, cells[i], label, &owned[i]);
    }
  CALL (ol, table_row, cells);
  for (guint i = 0; i < PL_EXPORT_TABLE_COLUMNS; i++)
    g_free (owned[i]);
}

/* The long entries set aside since the last call, in full. */
static void
emit_long_entries (PlOutline *ol)
{
  for (guint i = 0; i + 1 < ol->long_entries->len && !stopped (ol); i += 2)
    {
      const char *text = g_ptr_array_index (ol->long_entries, i + 1);

      CALL (ol, paragraph, PL_OUTLINE_PARA_LONG_LABEL, g_ptr_array_index (ol->long_entries, i));
      while (*text && !pl_export_failed (ol->ctx))
        {
          gsize len = piece_length (text, CELL_MAX);
          g_autofree char *piece = g_strndup (text, len);

          CALL (ol, paragraph, PL_OUTLINE_PARA_LONG_TEXT, piece);
          text += len;
          while (*text == ' ' || *text == '\n')
            text++;
        }
    }
  g_ptr_array_set_size (ol->long_entries, 0);
}

static void
emit_table_end (PlOutline *ol)
{
  CALL (ol, table_end);
  emit_long_entries (ol);
}

static void
walk_action (PlOutline  *ol,
             const char *objective_number,
             PlAction   *action)
{
  g_autofree char *number = pl_export_action_number (objective_number, action);
  g_autofree char *title = g_strconcat (number, " ", pl_action_get_title (action), NULL);
  g_autofree char *timeframe = NULL;
  const char *partners = pl_action_get_partners (action);
  const char *indicator = pl_action_get_indicator (action);
  const char *cost = pl_action_get_cost (action);
  const char *lead = pl_action_get_lead_agency (action);
  const char *labels[8] = { NULL }, *values[8] = { NULL };
  guint n = 0;

  timeframe = pl_export_timeframe_label (action);

  labels[n] = _("Lead"); values[n++] = *lead ? lead : "—";
  if (*partners)
    {
      labels[n] = _("Partners");
      values[n++] = partners;
    }
  labels[n] = _("Timeframe"); values[n++] = timeframe;
  labels[n] = _("Priority"); values[n++] = pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action));
  if (*indicator)
    {
      labels[n] = _("Indicator");
      values[n++] = indicator;
    }
  if (*cost)
    {
      labels[n] = _("Cost");
      values[n++] = cost;
    }
  labels[n] = _("Status"); values[n++] = pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action));
  {
    char *owned[G_N_ELEMENTS (values)] = { NULL };

    for (guint i = 0; i < n; i++)
      {
        g_autofree char *label = NULL;

        if (!is_long (values[i]))
          continue;
        label = g_strdup_printf ("%s, %s", labels[i], number);
        values[i] = set_aside (ol, values[i], label, &owned[i]);
      }
    ol->anchor_record = ol->ctx->options->for_review ? PL_RECORD (action) : NULL;
    CALL (ol, action, title, labels, values);
    ol->anchor_record = NULL;
    for (guint i = 0; i < n; i++)
      g_free (owned[i]);
  }
  emit_long_entries (ol);
}

static void
walk_pillars (PlOutline *ol)
{
  GListModel *pillars = pl_document_get_pillars (ol->ctx->document);
  guint n = g_list_model_get_n_items (pillars);

  for (guint i = 0; i < n && !stopped (ol); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      g_autofree char *number = pl_export_number (ol->ctx, PL_RECORD (pillar));
      g_autofree char *title = g_strdup_printf ("%s. %s", number, pl_pillar_get_title (pillar));
      GListModel *objectives = pl_document_get_objectives (ol->ctx->document, pillar);
      guint n_obj = g_list_model_get_n_items (objectives);

      ol->anchor_record = ol->ctx->options->for_review ? PL_RECORD (pillar) : NULL;
      emit_heading (ol, 1, title, TRUE);
      ol->anchor_record = NULL;
      if (*pl_pillar_get_summary (pillar))
        CALL (ol, paragraph, PL_OUTLINE_PARA_SUMMARY, pl_pillar_get_summary (pillar));
      /* The pillar's own sub-headings ("Why it matters") one level below
       * its numbered objectives, so the contents do not rank them alike. */
      walk_narrative (ol, pl_pillar_get_body (pillar), 4);

      for (guint j = 0; j < n_obj && !stopped (ol); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          g_autofree char *onum = pl_export_number (ol->ctx, PL_RECORD (objective));
          g_autofree char *otitle = g_strconcat (onum, " ", pl_objective_get_title (objective), NULL);
          GListModel *actions = pl_document_get_actions (ol->ctx->document, objective);
          guint n_act = g_list_model_get_n_items (actions);

          ol->anchor_record = ol->ctx->options->for_review ? PL_RECORD (objective) : NULL;
          emit_heading (ol, 2, otitle, FALSE);
          ol->anchor_record = NULL;
          walk_narrative (ol, pl_objective_get_description (objective), 4);
          /* Actions have no headings: nothing to collect. */
          for (guint k = 0; k < n_act && !ol->collecting; k++)
            {
              g_autoptr(PlAction) action = g_list_model_get_item (actions, k);

              walk_action (ol, onum, action);
            }
        }
    }
}

static void
begin_wide (PlOutline *ol,
            gboolean  *wide)
{
  if (*wide)
    return;
  *wide = TRUE;
  if (ol->ops->wide != NULL && !pl_export_failed (ol->ctx))
    ol->ops->wide (ol, !ol->written);
  ol->at_page_start = TRUE;
}

/* Relative column widths of the two tables, in per cent. */
const guint pl_export_plan_widths[PL_EXPORT_PLAN_COLUMNS] = { 5, 9, 11, 15, 10, 10, 9, 6, 12, 6, 7 };
const guint pl_export_annex_widths[PL_EXPORT_ANNEX_COLUMNS] = { 4, 12, 10, 11, 11, 8, 21, 8, 15 };
const guint pl_export_anon_annex_widths[PL_EXPORT_ANNEX_COLUMNS - 1] = { 4, 14, 10, 12, 9, 25, 8, 18 };

typedef struct {
  PlOutline  *ol;
  const char *header[PL_EXPORT_TABLE_COLUMNS + 1];
} PlanWalk;

static void
plan_row_cb (PlExportContext *ctx,
             const PlPlanRow *row,
             gpointer         data)
{
  PlanWalk *walk = data;
  const char *cells[PL_EXPORT_TABLE_COLUMNS + 1];

  /* Cancelled: the error stops the rows. */
  if (stopped (walk->ol))
    return;
  memcpy (cells, row->cells, sizeof cells);
  emit_row (walk->ol, cells, walk->header);
}

static void
walk_plan (PlOutline *ol)
{
  PlanWalk walk = { ol };

  emit_heading (ol, 1, _("Implementation plan"), TRUE);
  /* The contents list the plan, nothing in it. */
  if (ol->collecting)
    return;
  if (pl_export_plan_is_empty (ol->ctx))
    {
      CALL (ol, paragraph, PL_OUTLINE_PARA_NOTE, _("No actions yet."));
      return;
    }
  pl_export_plan_header (walk.header);
  CALL (ol, table_begin, PL_OUTLINE_TABLE_PLAN, PL_EXPORT_PLAN_COLUMNS, walk.header, pl_export_plan_widths);
  pl_export_foreach_plan_row (ol->ctx, plan_row_cb, &walk);
  emit_table_end (ol);
}

static void
walk_annex (PlOutline *ol)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *header[] = { _("No."), _("About"), _("Kind"), _("Stakeholder"), _("Organisation"),
                           _("Sector"), _("Comment"), _("Disposition"), _("Response"), NULL };
  PlPillar *group = NULL;
  gboolean open = FALSE, no_organisation;
  guint n_columns = PL_EXPORT_ANNEX_COLUMNS;
  const guint *widths = pl_export_annex_widths;

  emit_heading (ol, 1, _("Annex: recommendations and dispositions"), TRUE);
  /* The contents list the annex, not its groups: no query for them. */
  if (ol->collecting)
    return;
  rows = pl_export_annex_rows (ol->ctx);
  if (rows->len == 0)
    {
      CALL (ol, paragraph, PL_OUTLINE_PARA_NOTE, _("No feedback matches the selection."));
      return;
    }
  /* Anonymised: a column with nothing in it is left out. */
  if ((no_organisation = pl_export_annex_hides_organisation (rows)))
    {
      memmove (header + 4, header + 5, sizeof header - 5 * sizeof header[0]);
      n_columns--;
      widths = pl_export_anon_annex_widths;
    }
  for (guint i = 0; i < rows->len && !stopped (ol); i++)
    {
      PlAnnexRow *row = g_ptr_array_index (rows, i);
      char number[PL_EXPORT_DIGITS];

      if (!open || row->pillar != group)
        {
          g_autofree char *gtitle = NULL;

          if (open)
            emit_table_end (ol);
          if (row->pillar)
            {
              g_autofree char *pnum = pl_export_number (ol->ctx, PL_RECORD (row->pillar));
              gtitle = g_strdup_printf ("%s. %s", pnum, pl_pillar_get_title (row->pillar));
            }
          else
            gtitle = g_strdup (_("The strategy as a whole"));
          emit_heading (ol, 2, gtitle, FALSE);
          /* The response is Markdown: the writers render it. */
          ol->markdown_column = no_organisation ? 7 : 8;
          CALL (ol, table_begin, PL_OUTLINE_TABLE_ANNEX, n_columns, header, widths);
          group = row->pillar;
          open = TRUE;
        }
      {
        const char *cells[] = {
          pl_export_digits (number, row->number), row->target,
          pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (row->feedback)),
          row->who, row->organisation, row->sector,
          pl_feedback_get_body (row->feedback),
          pl_enum_to_label (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (row->feedback)),
          pl_feedback_get_response (row->feedback),
          NULL
        };

        if (no_organisation)
          memmove (cells + 4, cells + 5, sizeof cells - 5 * sizeof cells[0]);
        emit_row (ol, cells, header);
      }
    }
  if (open)
    emit_table_end (ol);
  ol->markdown_column = -1;
}

static void
walk (PlOutline *ol)
{
  const PlExportOptions *o = ol->ctx->options;
  gboolean wide = FALSE;

  ol->n_headings = 0;
  ol->n_long = 0;
  ol->written = FALSE;
  ol->at_page_start = TRUE;

  if (o->title_page && !ol->collecting)
    walk_title_page (ol);
  if (o->front_matter)
    walk_front_matter (ol);
  if (o->pillars)
    walk_pillars (ol);
  if (o->implementation_plan)
    {
      begin_wide (ol, &wide);
      walk_plan (ol);
    }
  if (o->annex)
    {
      begin_wide (ol, &wide);
      walk_annex (ol);
    }
}

static void
collect_heading_cb (PlOutline              *ol,
                    const PlOutlineHeading *heading)
{
  PlOutlineHeading *h;

  if (heading->level > 3)
    return;
  h = g_new0 (PlOutlineHeading, 1);
  h->level = heading->level;
  h->text = g_strdup (heading->text);
  h->anchor = g_strdup (heading->anchor);
  g_ptr_array_add (ol->headings, h);
}

static const PlOutlineOps collect_ops = {
  .heading = collect_heading_cb,
};

gboolean
pl_export_outline_run (PlExportContext    *ctx,
                       const PlOutlineOps *ops,
                       gpointer            writer)
{
  PlOutline ol = { 0 };
  g_autoptr(GPtrArray) headings = NULL;

  ol.ctx = ctx;
  ol.writer = writer;
  ol.markdown_column = -1;
  ol.long_entries = g_ptr_array_new_with_free_func (g_free);
  ol.parsed = g_queue_new ();
  pl_export_parse_ahead_queue (&ol);

  /* The table of contents comes before what it lists: collect first. */
  if (ctx->options->title_page)
    {
      headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);
      ol.ops = &collect_ops;
      ol.headings = headings;
      ol.collecting = TRUE;
      walk (&ol);
      ol.collecting = FALSE;
    }
  ol.ops = ops;
  walk (&ol);
  ol.headings = NULL;
  g_ptr_array_unref (ol.long_entries);
  pl_export_parsed_queue_clear (&ol);
  g_queue_free (ol.parsed);
  return !pl_export_failed (ctx);
}
