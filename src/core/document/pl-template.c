/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-document-private.h"

/* What a new strategy starts with: the front matter every national strategy
 * has, and the four pillars most of them share, each with a short note on
 * what to write there. The notes are ours. */

typedef struct {
  PlSectionKind kind;
  const char *title;
  const char *body;
} SectionTemplate;

typedef struct {
  const char *title;
  const char *summary;
  const char *body;
} PillarTemplate;

static const SectionTemplate sections[] = {
  { PL_SECTION_EXECUTIVE_SUMMARY, N_("Executive summary"),
    N_("In one page: why the country needs this strategy now, the vision, the pillars, and what "
       "the Government commits to in the first three years. Write it last.") },
  { PL_SECTION_INTRODUCTION, N_("Introduction"),
    N_("Describe the country’s digital landscape, the threats it faces, what has already been done, "
       "and how this strategy was prepared: who drafted it, which partners supported it and which "
       "stakeholders were consulted.") },
  { PL_SECTION_GUIDING_PRINCIPLES, N_("Guiding principles"),
    N_("List the principles every action must respect, for example:\n\n"
       "- **Human rights online** — security measures protect, and never replace, privacy and free expression.\n"
       "- **Shared responsibility** — government, business, academia and citizens each have a part.\n"
       "- **Risk-based** — resources go where the risk to the nation is greatest.\n"
       "- **International cooperation** — cyber threats cross borders; so must the response.") },
  { PL_SECTION_IMPLEMENTATION, N_("Implementation and review"),
    N_("Say who coordinates implementation, how progress is reported (and to whom), how the "
       "implementation plan is funded, and when the strategy will be reviewed.") },
  { PL_SECTION_GLOSSARY, N_("Glossary"),
    N_("**CSIRT** — Computer Security Incident Response Team.\n\n"
       "**Critical information infrastructure** — systems whose disruption would seriously harm "
       "national security, the economy or public safety.") },
};

static const PillarTemplate pillars[] = {
  { N_("Capacity building"),
    N_("Skilled people in government, business and academia."),
    N_("## Why it matters\n\n"
       "No strategy succeeds without people who can carry it out. Describe the skills gap today — "
       "in government, in critical sectors and in the education system — and how the country will "
       "train, attract and keep cybersecurity professionals.\n\n"
       "## What success looks like\n\n"
       "State measurable outcomes, such as the number of certified professionals or the "
       "universities offering cybersecurity degrees by the end of the strategy.") },
  { N_("Awareness raising"),
    N_("A public that knows the risks and how to stay safe."),
    N_("## Why it matters\n\n"
       "Most incidents begin with a person: a clicked link, a reused password. Describe who needs "
       "to be reached — children, older people, small businesses, public servants — and how.\n\n"
       "## What success looks like\n\n"
       "State how awareness will be measured, for example through a national survey repeated "
       "every two years.") },
  { N_("Incident response"),
    N_("A national CSIRT and the means to detect, respond and recover."),
    N_("## Why it matters\n\n"
       "Incidents will happen. Describe how they are reported today, who responds, and how the "
       "national Computer Security Incident Response Team (CSIRT) will coordinate with sector "
       "teams, law enforcement and regional partners.\n\n"
       "## What success looks like\n\n"
       "State targets for the CSIRT’s services, staffing and response times, and for national "
       "cyber exercises.") },
  { N_("Legislation and regulation"),
    N_("Laws that let the country prevent, investigate and prosecute cybercrime."),
    N_("## Why it matters\n\n"
       "Without a legal basis, cybercrime cannot be prosecuted and critical infrastructure cannot "
       "be required to protect itself. Review existing laws on cybercrime, electronic evidence, "
       "data protection and critical infrastructure, and name the gaps.\n\n"
       "## What success looks like\n\n"
       "State which bills will be drafted or amended, and which international instruments the "
       "country intends to join.") },
};

gboolean
pl_template_apply (PlDocument  *self,
                   PlTemplate   template_,
                   GError     **error)
{
  if (template_ == PL_TEMPLATE_EMPTY)
    return TRUE;

  if (!pl_document_begin (self, error))
    return FALSE;

  if (!pl_record_set (PL_RECORD (pl_document_get_strategy (self)), error,
                      "version-label", _("Draft 0.1"),
                      "classification", _("DRAFT — FOR CONSULTATION"),
                      "vision", _("A secure and resilient cyberspace that enables the country’s "
                                  "digital economy and protects its people."),
                      NULL))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(PlSection) section =
        pl_document_add (self, PL_TYPE_SECTION, NULL, -1, error,
                         "kind", (int) sections[i].kind,
                         "title", _(sections[i].title),
                         "body", _(sections[i].body),
                         NULL);
      if (section == NULL)
        goto fail;
    }

  for (guint i = 0; i < G_N_ELEMENTS (pillars); i++)
    {
      g_autoptr(PlPillar) pillar =
        pl_document_add (self, PL_TYPE_PILLAR, NULL, -1, error,
                         "title", _(pillars[i].title),
                         "summary", _(pillars[i].summary),
                         "body", _(pillars[i].body),
                         NULL);
      if (pillar == NULL)
        goto fail;
    }

  return pl_document_commit (self, error);

fail:
  pl_document_rollback (self);
  return FALSE;
}
