/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pl-review.h"
#include "pl-document-history.h"

/*
 * Accepting an amendment. The quoted passage is looked for where the item
 * says it is, then anywhere in the narrative, because between a workshop
 * (or a ministry's review) and the drafting team's answer the text moves:
 * paragraphs go to another objective, an action is split. A passage that
 * occurs twice is not guessed at: the drafter decides by hand.
 */

G_DEFINE_QUARK (pl-review-error-quark, pl_review_error)

/* The narrative properties of each kind of record, in reading order. */
static const char *const *
text_properties (PlRecord *record)
{
  static const char *const strategy[] = { "vision", NULL };
  static const char *const section[] = { "title", "body", NULL };
  static const char *const pillar[] = { "title", "summary", "body", NULL };
  static const char *const objective[] = { "title", "description", NULL };
  static const char *const action[] = { "title", "indicator", "lead-agency", "partners", "cost", NULL };
  static const char *const none[] = { NULL };

  if (PL_IS_STRATEGY (record))
    return strategy;
  if (PL_IS_SECTION (record))
    return section;
  if (PL_IS_PILLAR (record))
    return pillar;
  if (PL_IS_OBJECTIVE (record))
    return objective;
  if (PL_IS_ACTION (record))
    return action;
  return none;
}

/* The passage as a pattern: its words in order, any whitespace between
 * them (a returned copy or a re-wrapped paragraph breaks lines elsewhere). */
static GRegex *
passage_regex (const char *quote)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", quote, 0, 0);
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*words[i] == '\0')
        continue;
      escaped = g_regex_escape_string (words[i], -1);
      if (pattern->len > 0)
        g_string_append (pattern, "\\s+");
      g_string_append (pattern, escaped);
    }
  if (pattern->len == 0)
    return NULL;
  return g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
}

typedef struct {
  GRegex     *regex;
  guint       n_found;
  PlRecord   *record;     /* of the first match (owned) */
  const char *property;
  gsize       start, end;
} Search;

static void
search_record (Search   *search,
               PlRecord *record)
{
  const char *const *props = text_properties (record);

  for (guint i = 0; props[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) info = NULL;

      g_object_get (record, props[i], &text, NULL);
      if (text == NULL || *text == '\0')
        continue;
      g_regex_match (search->regex, text, 0, &info);
      while (g_match_info_matches (info))
        {
          if (search->n_found++ == 0)
            {
              int s, e;

              g_match_info_fetch_pos (info, 0, &s, &e);
              search->record = g_object_ref (record);
              search->property = props[i];
              search->start = (gsize) s;
              search->end = (gsize) e;
            }
          g_match_info_next (info, NULL);
        }
    }
}

static void
search_narrative (Search     *search,
                  PlDocument *document,
                  PlRecord   *skip)
{
  GListModel *sections = pl_document_get_sections (document);
  GListModel *pillars = pl_document_get_pillars (document);
  PlStrategy *strategy = pl_document_get_strategy (document);

  if (PL_RECORD (strategy) != skip)
    search_record (search, PL_RECORD (strategy));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlRecord) section = g_list_model_get_item (sections, i);

      if (section != skip)
        search_record (search, section);
    }
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (document, pillar);

      if (PL_RECORD (pillar) != skip)
        search_record (search, PL_RECORD (pillar));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (document, objective);

          if (PL_RECORD (objective) != skip)
            search_record (search, PL_RECORD (objective));
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            {
              g_autoptr(PlRecord) action = g_list_model_get_item (actions, k);

              if (action != skip)
                search_record (search, action);
            }
        }
    }
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 60)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, 59);
    return g_strconcat (head, "…", NULL);
  }
}

gboolean
pl_review_find_passage (PlDocument   *document,
                        PlFeedback   *amendment,
                        PlRecord    **record,
                        const char  **property,
                        gsize        *start,
                        gsize        *end,
                        GError      **error)
{
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *shown = NULL;
  const char *quote;
  Search search = { 0 };

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (PL_IS_FEEDBACK (amendment), FALSE);

  quote = pl_feedback_get_quote (amendment);
  regex = passage_regex (quote ? quote : "");
  if (regex == NULL)
    {
      g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_NO_QUOTE,
                   _("The amendment quotes no passage of the text, so there is nothing to change. "
                     "Make the change by hand and mark the item as addressed."));
      return FALSE;
    }
  shown = shorten (quote);

  target = pl_document_get_feedback_target (document, amendment);
  if (target == NULL)
    target = g_object_ref (PL_RECORD (pl_document_get_strategy (document)));

  search.regex = regex;
  search_record (&search, target);
  if (search.n_found == 0)
    search_narrative (&search, document, target);

  if (search.n_found != 1)
    {
      g_clear_object (&search.record);
      if (search.n_found == 0)
        g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_PASSAGE_GONE,
                     _("The passage “%s” is no longer in the text. The item stays open: "
                       "compare the proposal with the current wording and answer it by hand."), shown);
      else
        g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_AMBIGUOUS,
                     /* n is always 2 or more here */
                     ngettext ("The passage “%s” occurs %u time in the text, so it is not clear which one to change. "
                               "Make the change by hand and mark the item as accepted.",
                               "The passage “%s” occurs %u times in the text, so it is not clear which one to change. "
                               "Make the change by hand and mark the item as accepted.", search.n_found),
                     shown, search.n_found);
      return FALSE;
    }

  *record = search.record;
  *property = search.property;
  *start = search.start;
  *end = search.end;
  return TRUE;
}

char *
pl_review_apply_to_text (const char           *text,
                         gsize                 start,
                         gsize                 end,
                         const char           *proposal,
                         PlAmendmentOperation  operation)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (text);

  g_return_val_if_fail (start <= end && end <= len, g_string_free (out, FALSE));
  if (proposal == NULL)
    proposal = "";

  switch (operation)
    {
    case PL_AMENDMENT_INSERT_AFTER:
      g_string_append_len (out, text, end);
      /* “Insert after” adds words to a sentence unless the proposal
       * brings its own spacing (a new paragraph starts with line breaks). */
      if (*proposal != '\0' && !g_ascii_isspace (*proposal) && end > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, proposal);
      g_string_append (out, text + end);
      break;

    case PL_AMENDMENT_DELETE:
      /* Take one space before the passage along, so no double space stays. */
      if (start > 0 && text[start - 1] == ' ' && (text[end] == ' ' || text[end] == '\0' ||
                                                  g_ascii_ispunct (text[end]) || text[end] == '\n'))
        start--;
      g_string_append_len (out, text, start);
      g_string_append (out, text + end);
      break;

    case PL_AMENDMENT_REPLACE:
    default:
      g_string_append_len (out, text, start);
      g_string_append (out, proposal);
      g_string_append (out, text + end);
      break;
    }
  return g_string_free (out, FALSE);
}

gboolean
pl_review_accept_amendment (PlDocument  *document,
                            PlFeedback  *amendment,
                            PlRecord   **changed,
                            GError     **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  const char *property = NULL;
  gsize start = 0, end = 0;
  gboolean ok;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (PL_IS_FEEDBACK (amendment), FALSE);

  if (pl_feedback_get_kind (amendment) != PL_FEEDBACK_AMENDMENT)
    {
      g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_NOT_AMENDMENT,
                   _("This item proposes no wording, so there is nothing to apply. "
                     "Set its disposition instead."));
      return FALSE;
    }
  if (*pl_feedback_get_answered_by (amendment) != '\0')
    {
      g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_ANSWERED,
                   _("This amendment has already been applied. Use Undo to take the change back."));
      return FALSE;
    }
  if (!pl_review_find_passage (document, amendment, &record, &property, &start, &end, error))
    return FALSE;

  g_object_get (record, property, &text, NULL);
  new_text = pl_review_apply_to_text (text, start, end, pl_feedback_get_proposal (amendment),
                                      pl_feedback_get_operation (amendment));
  what = pl_document_describe_record (record);
  /* Translators: an undo step, "Undid accepting the amendment to action “…”" */
  label = g_strdup_printf (_("accepting the amendment to %s"), what);

  target = pl_document_get_feedback_target (document, amendment);
  if (target == NULL)
    target = g_object_ref (PL_RECORD (pl_document_get_strategy (document)));

  pl_document_history_begin_step (document, label);
  ok = pl_document_begin (document, error);
  if (ok)
    {
      ok = pl_record_set (record, error, property, new_text, NULL) &&
           /* The passage moved: the item follows it to where it is now. */
           (pl_record_get_uuid (target) == NULL ||
            g_strcmp0 (pl_record_get_uuid (target), pl_record_get_uuid (record)) == 0 ||
            pl_document_retarget_feedback (document, amendment,
                                           PL_IS_STRATEGY (record) ? NULL : record, error)) &&
           pl_record_set (PL_RECORD (amendment), error,
                          "disposition", (int) PL_DISPOSITION_ACCEPTED,
                          "answered-by", pl_record_get_uuid (record),
                          "answered-field", property,
                          NULL) &&
           pl_document_commit (document, error);
      if (!ok)
        pl_document_rollback (document);
    }
  pl_document_history_end_step (document);

  if (ok && changed != NULL)
    *changed = g_steal_pointer (&record);
  return ok;
}

static const char *
field_label (const char *field)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "vision", N_("vision") }, { "title", N_("title") }, { "body", N_("text") },
    { "summary", N_("summary") }, { "description", N_("description") },
    { "indicator", N_("indicator") }, { "lead-agency", N_("lead agency") },
    { "partners", N_("partners") }, { "cost", N_("cost") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].name) == 0)
      return _(labels[i].label);
  return NULL;
}

static PlRecord *
lookup_any (PlDocument *document,
            const char *uuid)
{
  GType all[5];

  all[0] = PL_TYPE_SECTION;
  all[1] = PL_TYPE_PILLAR;
  all[2] = PL_TYPE_OBJECTIVE;
  all[3] = PL_TYPE_ACTION;
  all[4] = PL_TYPE_STRATEGY;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      PlRecord *record = pl_document_lookup_uuid (document, all[i], uuid, NULL);

      if (record != NULL)
        return record;
    }
  return NULL;
}

char *
pl_review_describe_answer (PlDocument *document,
                           PlFeedback *feedback)
{
  g_autoptr(PlRecord) record = NULL;
  g_autofree char *what = NULL;
  const char *uuid, *field;
  const char *label;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PL_IS_FEEDBACK (feedback), NULL);

  uuid = pl_feedback_get_answered_by (feedback);
  if (uuid == NULL || *uuid == '\0')
    return NULL;
  field = pl_feedback_get_answered_field (feedback);
  record = lookup_any (document, uuid);
  if (record == NULL)
    return g_strdup (_("a change to an item that has since been deleted"));
  what = pl_document_describe_record (record);
  label = field_label (field);
  if (label == NULL)
    /* Translators: "the change to action “Train 500 judges”" */
    return g_strdup_printf (_("the change to %s"), what);
  /* Translators: "the change to objective “…” (description)" */
  return g_strdup_printf (_("the change to %s (%s)"), what, label);
}
