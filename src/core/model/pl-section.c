/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-section.h"
#include "pl-record-private.h"

struct _PlSection
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlSection, pl_section, PL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PlSectionKind
pl_section_get_kind (PlSection *self)
{
  g_return_val_if_fail (PL_IS_SECTION (self), 0);
  return (PlSectionKind) pl_record_get_int_by_id (PL_RECORD (self), PROP_KIND);
}

const char *
pl_section_get_title (PlSection *self)
{
  g_return_val_if_fail (PL_IS_SECTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_TITLE);
}

const char *
pl_section_get_body (PlSection *self)
{
  g_return_val_if_fail (PL_IS_SECTION (self), NULL);
  return pl_record_get_string_by_id (PL_RECORD (self), PROP_BODY);
}

static void
pl_section_class_init (PlSectionClass *klass)
{
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "Kind of front-matter section", PL_TYPE_SECTION_KIND, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Heading", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, "Markdown text", "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  pl_record_class_install (PL_RECORD_CLASS (klass), "sections", NULL, TRUE, N_PROPS, properties);
  pl_record_class_set_required (PL_RECORD_CLASS (klass), "title", NULL);
  pl_record_class_set_lazy (PL_RECORD_CLASS (klass), "body", NULL);
}

static void
pl_section_init (PlSection *self)
{
}
