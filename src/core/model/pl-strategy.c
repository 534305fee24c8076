/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-strategy.h"
#include "pl-record-private.h"

struct _PlStrategy
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlStrategy, pl_strategy, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COUNTRY,
  PROP_VERSION_LABEL,
  PROP_STATUS,
  PROP_CLASSIFICATION,
  PROP_LEAD_AGENCY,
  PROP_VISION,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pl_strategy_get_title (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_strategy_get_country (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_COUNTRY);
}

const char *
pl_strategy_get_version_label (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_VERSION_LABEL);
}

PlLifecycle
pl_strategy_get_status (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), 0);
  return (PlLifecycle) pl_record_get_int_by_id (PL_RECORD (self), PROP_STATUS);
}

const char *
pl_strategy_get_classification (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_CLASSIFICATION);
}

const char *
pl_strategy_get_lead_agency (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_LEAD_AGENCY);
}

const char *
pl_strategy_get_vision (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_VISION);
}

const char *
pl_strategy_get_language (PlStrategy *self)
{
  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_LANGUAGE);
}

gboolean
pl_language_tag_is_valid (const char *tag)
{
  return tag != NULL && strlen (tag) <= 35
         && g_regex_match_simple ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", tag, 0, 0);
}

char *
pl_strategy_dup_document_language (PlStrategy *self)
{
  const char *const *names;

  g_return_val_if_fail (PL_IS_STRATEGY (self), NULL);
  if (*pl_strategy_get_language (self))
    return g_strdup (pl_strategy_get_language (self));
  /* The user interface's: "fr_SN.UTF-8" is "fr-SN"; C and POSIX are English. */
  for (names = g_get_language_names (); *names != NULL; names++)
    {
      g_autofree char *tag = g_strdup (*names);
      char *cut = strpbrk (tag, ".@");

      if (cut != NULL)
        *cut = '\0';
      g_strdelimit (tag, "_", '-');
      if (pl_language_tag_is_valid (tag))
        return g_steal_pointer (&tag);
    }
  return g_strdup ("en");
}

static void
pl_strategy_class_init (PlStrategyClass *klass)
{
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title of the strategy", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, "Country", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION_LABEL] =
    g_param_spec_string ("version-label", NULL, "Version label, e.g. v0.3", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, "Lifecycle status", PL_TYPE_LIFECYCLE, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLASSIFICATION] =
    g_param_spec_string ("classification", NULL, "Classification marking", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LEAD_AGENCY] =
    g_param_spec_string ("lead-agency", NULL, "Lead agency", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISION] =
    g_param_spec_string ("vision", NULL, "Vision statement (Markdown)", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, "Language of the strategy, a BCP 47 tag ('' = the user interface's)", "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "strategy", NULL, FALSE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
}

static void
pl_strategy_init (PlStrategy *self)
{
}
