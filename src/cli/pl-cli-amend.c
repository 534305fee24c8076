/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-document-history.h"
#include "pl-review.h"

/* feedback show and feedback accept: reading one item whole (with an
 * amendment's proposal and the change that answered it) and applying a
 * proposed wording to the text. */

gboolean
pl_cli_check_amendment_options (int         *kind,
                                gboolean     kind_given,
                                const char  *quote,
                                const char  *proposal,
                                int          operation,
                                GError     **error)
{
  gboolean proposes = proposal != NULL || operation != PL_AMENDMENT_REPLACE;

  if (proposes && !kind_given)
    *kind = PL_FEEDBACK_AMENDMENT;
  if (proposes && *kind != PL_FEEDBACK_AMENDMENT)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--proposal and --operation make an amendment; leave out --kind or give --kind amendment"));
      return FALSE;
    }
  if (*kind != PL_FEEDBACK_AMENDMENT)
    return TRUE;
  if (quote == NULL || *quote == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("An amendment changes a passage of the text: give it with --quote"));
      return FALSE;
    }
  if ((proposal == NULL || *proposal == '\0') && operation != PL_AMENDMENT_DELETE)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("An amendment needs the proposed wording (--proposal), or --operation delete"));
      return FALSE;
    }
  return TRUE;
}

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *safe = NULL;
  g_autofree char *indented = NULL;
  int pad;

  if (value == NULL || *value == '\0')
    return;
  safe = pl_cli_escape (value, PL_CLI_ESCAPE_MESSAGE);
  /* Continuation lines line up under the first. */
  {
    g_auto(GStrv) lines = g_strsplit (safe, "\n", -1);
    indented = g_strjoinv ("\n              ", lines);
  }
  pad = 14 - (int) g_utf8_strlen (label, -1);
  g_print ("%s%*s%s\n", label, pad > 1 ? pad : 1, "", indented);
}

static char *
describe_stakeholder (PlDocument *doc,
                      PlFeedback *fb)
{
  g_autoptr(PlStakeholder) s = NULL;
  gint64 id = pl_feedback_get_stakeholder_id (fb);
  const char *name, *org;

  if (id == 0 || !(s = (PlStakeholder *) pl_document_lookup (doc, PL_TYPE_STAKEHOLDER, id, NULL)))
    return NULL;
  name = pl_stakeholder_get_name (s);
  org = pl_stakeholder_get_organisation (s);
  if (*name && *org)
    return g_strdup_printf ("%s (%s)", name, org);
  return g_strdup (*name ? name : org);
}

int
pl_cli_feedback_show (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE NUMBER — print one feedback item in full"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL, *about = NULL, *who = NULL, *answer = NULL;
  gint64 wid;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and NUMBER are needed"));
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  if (!(fb = pl_cli_find_feedback (doc, argv[2], &error)))
    return pl_cli_fail (error);

  target = pl_document_get_feedback_target (doc, fb);
  about = target ? pl_document_describe_record (target) : g_strdup (_("the strategy as a whole"));
  who = describe_stakeholder (doc, fb);
  wid = pl_feedback_get_workshop_id (fb);
  if (wid != 0)
    w = (PlWorkshop *) pl_document_lookup (doc, PL_TYPE_WORKSHOP, wid, NULL);
  answer = pl_review_describe_answer (doc, fb);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (fb)));

  print_field (_("Number:"), number);
  print_field (_("Kind:"), pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)));
  print_field (_("Disposition:"), pl_enum_to_nick (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (fb)));
  print_field (_("Captured:"), pl_feedback_get_captured_at (fb));
  if (pl_feedback_get_origin (fb) != PL_FEEDBACK_ORIGIN_CAPTURED)
    print_field (_("Origin:"), pl_enum_to_label (PL_TYPE_FEEDBACK_ORIGIN, pl_feedback_get_origin (fb)));
  print_field (_("From:"), who);
  print_field (_("Workshop:"), w ? pl_workshop_get_title (w) : NULL);
  print_field (_("About:"), about);
  print_field (_("Quote:"), pl_feedback_get_quote (fb));
  if (pl_feedback_get_orphaned (fb) && *pl_feedback_get_quote (fb) && answer == NULL)
    print_field (_("Note:"), _("the quoted passage is no longer in the text"));
  print_field (_("Text:"), pl_feedback_get_body (fb));
  if (pl_feedback_get_kind (fb) == PL_FEEDBACK_AMENDMENT)
    {
      print_field (_("Operation:"), pl_enum_to_nick (PL_TYPE_AMENDMENT_OPERATION, pl_feedback_get_operation (fb)));
      print_field (_("Proposal:"), pl_feedback_get_proposal (fb));
    }
  print_field (_("Answered by:"), answer);
  print_field (_("Response:"), pl_feedback_get_response (fb));
  return PL_CLI_OK;
}

int
pl_cli_feedback_accept (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE NUMBER — apply an amendment’s proposed wording to the text and mark it accepted"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(PlRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and NUMBER are needed"));
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!(fb = pl_cli_find_feedback (doc, argv[2], &error)))
    return pl_cli_fail (error);
  if (!pl_review_accept_amendment (doc, fb, &changed, &error))
    return pl_cli_fail (error);
  what = pl_document_describe_record (changed);
  {
    /* Translators: "Changed objective “…”; item 12 is accepted." */
    g_autofree char *msg = g_strdup_printf (_("Changed %s; item %s is accepted."), what, argv[2]);
    g_autofree char *safe = pl_cli_escape (msg, PL_CLI_ESCAPE_MESSAGE);

    g_print ("%s\n", safe);
  }
  return PL_CLI_OK;
}
