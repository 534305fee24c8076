/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-feedback-format.h"

char *
pl_feedback_format_count (guint open_count,
                          guint total)
{
  if (total == 0)
    return g_strdup (_("No feedback"));
  /* Translators: "12 open of 48" feedback items */
  return g_strdup_printf (_("%u open of %u"), open_count, total);
}

char *
pl_feedback_format_live (PlWorkshop *workshop)
{
  const char *title, *location;

  if (workshop == NULL)
    return NULL;
  title = pl_workshop_get_title (workshop);
  location = pl_workshop_get_location (workshop);
  if (title == NULL || *title == '\0')
    title = _("Untitled workshop");
  if (location != NULL && *location != '\0')
    /* Translators: "Live — <workshop title>, <location>" */
    return g_strdup_printf (_("Live — %s, %s"), title, location);
  return g_strdup_printf (_("Live — %s"), title);
}

static const char *
nonempty (const char *s,
          const char *fallback)
{
  return s != NULL && *s != '\0' ? s : fallback;
}

char *
pl_feedback_format_target (PlDocument *document,
                           PlRecord   *target)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  if (target == NULL || PL_IS_STRATEGY (target))
    return g_strdup (_("Whole strategy"));
  if (PL_IS_SECTION (target))
    return g_strdup (nonempty (pl_section_get_title (PL_SECTION (target)), _("Untitled section")));
  if (PL_IS_PILLAR (target))
    return g_strdup_printf ("%d. %s", (int) pl_record_get_position (target) + 1,
                            nonempty (pl_pillar_get_title (PL_PILLAR (target)), _("Untitled pillar")));
  if (PL_IS_OBJECTIVE (target))
    {
      g_autoptr(PlPillar) pillar = pl_document_get_pillar_of (document, target);

      return g_strdup_printf ("%d.%d %s",
                              pillar ? (int) pl_record_get_position (PL_RECORD (pillar)) + 1 : 0,
                              (int) pl_record_get_position (target) + 1,
                              nonempty (pl_objective_get_title (PL_OBJECTIVE (target)), _("Untitled objective")));
    }
  if (PL_IS_ACTION (target))
    {
      g_autoptr(PlObjective) objective = pl_document_get_objective_of (document, PL_ACTION (target));
      g_autoptr(PlPillar) pillar = pl_document_get_pillar_of (document, target);

      return g_strdup_printf ("%d.%d.%d %s",
                              pillar ? (int) pl_record_get_position (PL_RECORD (pillar)) + 1 : 0,
                              objective ? (int) pl_record_get_position (PL_RECORD (objective)) + 1 : 0,
                              (int) pl_record_get_position (target) + 1,
                              nonempty (pl_action_get_title (PL_ACTION (target)), _("Untitled action")));
    }
  return g_strdup ("");
}

char *
pl_feedback_format_capture_target (PlDocument *document,
                                   PlRecord   *target)
{
  g_autofree char *name = pl_feedback_format_target (document, target);

  /* Translators: where a capture attaches, "To: 2. Awareness raising" */
  return g_strdup_printf (_("To: %s"), name);
}

char *
pl_feedback_format_stakeholder (PlStakeholder *stakeholder)
{
  const char *name, *org;

  if (stakeholder == NULL)
    return g_strdup (_("No stakeholder"));
  name = pl_stakeholder_get_name (stakeholder);
  org = pl_stakeholder_get_organisation (stakeholder);
  if (name && *name && org && *org)
    return g_strdup_printf ("%s, %s", name, org);
  if (name && *name)
    return g_strdup (name);
  if (org && *org)
    return g_strdup (org);
  return g_strdup (_("Unnamed stakeholder"));
}

char *
pl_feedback_format_time (const char *captured_at,
                         GDateTime  *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  if (captured_at == NULL || *captured_at == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (captured_at, NULL);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    return g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: date and time of a capture earlier this year, see g_date_time_format() */
    return g_date_time_format (local, _("%-d %b, %H:%M"));
  /* Translators: date and time of a capture in another year, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
pl_feedback_format_workshop (PlWorkshop *workshop)
{
  if (workshop == NULL)
    return g_strdup ("");
  return g_strdup (nonempty (pl_workshop_get_title (workshop), _("Untitled workshop")));
}

const char *
pl_feedback_kind_css_class (PlFeedbackKind kind)
{
  switch (kind)
    {
    case PL_FEEDBACK_COMMENT:        return "kind-comment";
    case PL_FEEDBACK_QUESTION:       return "kind-question";
    case PL_FEEDBACK_RECOMMENDATION: return "kind-recommendation";
    case PL_FEEDBACK_OBJECTION:      return "kind-objection";
    case PL_FEEDBACK_SUPPORT:        return "kind-support";
    case PL_FEEDBACK_AMENDMENT:      return "kind-amendment";
    default:                         return "kind-comment";
    }
}

const char *
pl_feedback_disposition_css_class (PlDisposition disposition)
{
  switch (disposition)
    {
    case PL_DISPOSITION_OPEN:            return "disposition-open";
    case PL_DISPOSITION_ACCEPTED:        return "disposition-accepted";
    case PL_DISPOSITION_PARTLY_ACCEPTED: return "disposition-partly-accepted";
    case PL_DISPOSITION_REJECTED:        return "disposition-rejected";
    case PL_DISPOSITION_DEFERRED:        return "disposition-deferred";
    case PL_DISPOSITION_ADDRESSED:       return "disposition-addressed";
    default:                             return "disposition-open";
    }
}

gboolean
pl_feedback_capture_text_is_valid (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
pl_feedback_capture_resolve_stakeholder (PlDocument     *document,
                                         const char     *name,
                                         PlStakeholder **existing)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (existing != NULL, FALSE);

  *existing = NULL;
  if (name == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return TRUE;
  *existing = pl_document_find_stakeholder (document, stripped);
  return *existing != NULL;
}

gint64
pl_feedback_pillar_filter_for_target (PlDocument *document,
                                      PlRecord   *target)
{
  g_autoptr(PlPillar) pillar = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), 0);

  if (target == NULL || PL_IS_STRATEGY (target) || PL_IS_SECTION (target))
    return 0;
  pillar = pl_document_get_pillar_of (document, target);
  return pillar ? pl_record_get_id (PL_RECORD (pillar)) : 0;
}
