/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-diff.h"
#include "pl-merge.h"
#include "pl-action.h"
#include "pl-feedback.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-section.h"
#include "pl-stakeholder.h"
#include "pl-strategy.h"
#include "pl-workshop.h"

/* The field as people call it ("Lead agency"), not its column. */
const char *
pl_merge_field_label (PlMergeKind  kind,
                      const char  *column)
{
  static const struct { const char *column, *label; } others[] = {
    { "text", N_("Text") }, { "quote", N_("Quoted passage") }, { "disposition", N_("Disposition") },
    { "response", N_("Response") }, { "name", N_("Name") }, { "organisation", N_("Organisation") },
    { "sector", N_("Sector") }, { "location", N_("Location") }, { "region", N_("Region") },
    { "partner", N_("Partner") }, { "deleted", N_("Deleted") },
  };
  const GType types[] = { PL_TYPE_STRATEGY, PL_TYPE_SECTION, PL_TYPE_PILLAR, PL_TYPE_OBJECTIVE,
                          PL_TYPE_ACTION, PL_TYPE_WORKSHOP, PL_TYPE_STAKEHOLDER, PL_TYPE_FEEDBACK };
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  const char *label;

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == PL_MERGE_N_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i].column, column))
      return _(others[i].label);
  label = pl_diff_field_label (types[kind], property);
  return label == property ? column : label;
}

/* The merge report as text and JSON, and the paragraph merge of narratives. */

static const char *const kind_keys[PL_MERGE_N_KINDS] = {
  "strategy", "sections", "pillars", "objectives", "actions",
  "workshops", "stakeholders", "feedback",
};

const char *
pl_merge_kind_name (PlMergeKind kind)
{
  static const char *const names[PL_MERGE_N_KINDS] = {
    N_("Strategy"), N_("Sections"), N_("Pillars"), N_("Objectives"), N_("Actions"),
    N_("Workshops"), N_("Stakeholders"), N_("Feedback"),
  };

  g_return_val_if_fail (kind < PL_MERGE_N_KINDS, "");
  return _(names[kind]);
}

gboolean
pl_merge_report_has_changes (const PlMergeReport *report)
{
  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      const PlMergeCounts *c = &report->counts[k];

      if (c->added || c->updated || c->deleted || c->folded)
        return TRUE;
    }
  return FALSE;
}

char *
pl_merge_report_to_text (const PlMergeReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (report->dry_run)
    g_string_append_printf (out, "%s\n", _("Dry run: the document was not changed."));
  for (guint i = 0; i < report->sources->len; i++)
    g_string_append_printf (out, _("Merged: %s\n"), (const char *) g_ptr_array_index (report->sources, i));
  if (!pl_merge_report_has_changes (report) && report->conflicts->len == 0)
    g_string_append_printf (out, "%s\n", _("Nothing new: the document already holds everything in these files."));

  /* TRANSLATORS: column headings of the merge report; keep them short */
  g_string_append_printf (out, "%-14s %7s %7s %9s %7s %9s %6s %8s\n", _("Kind"), _("Added"), _("Updated"),
                          _("Unchanged"), _("Deleted"), _("Conflicts"), _("Folded"), _("Orphaned"));
  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      const PlMergeCounts *c = &report->counts[k];

      g_string_append_printf (out, "%-14s %7u %7u %9u %7u %9u %6u %8u\n", pl_merge_kind_name (k),
                              c->added, c->updated, c->unchanged, c->deleted, c->conflicts,
                              c->folded, c->orphaned);
    }

  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const PlMergeConflict *c = g_ptr_array_index (report->conflicts, i);

      if (i == 0)
        g_string_append_printf (out, "\n%s\n", _("Conflicts (the newer edit won; the other value is kept here):"));
      g_string_append_printf (out, _("- %s “%s”, %s (from %s)\n"), pl_merge_kind_name (c->kind),
                              c->label, pl_merge_field_label (c->kind, c->field), c->source);
      g_string_append_printf (out, _("    kept:  %s\n"), c->winner);
      g_string_append_printf (out, _("    other: %s\n"), c->other);
    }

  for (guint i = 0; i < report->fold_groups->len; i++)
    {
      char **group = g_ptr_array_index (report->fold_groups, i);

      if (i == 0)
        g_string_append_printf (out, "\n%s\n", report->folded
                                ? _("Stakeholders folded (same name and organisation):")
                                : _("Stakeholders that look the same (fold them with --fold-duplicates):"));
      g_string_append_printf (out, ngettext ("- %s: %u more (kept: %s)\n", "- %s: %u more (kept: %s)\n",
                                             g_strv_length (group) - 1),
                              (const char *) g_ptr_array_index (report->fold_labels, i),
                              g_strv_length (group) - 1, group[0]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

char *
pl_merge_report_to_json (const PlMergeReport *report)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"dry_run\": ");

  g_string_append (out, report->dry_run ? "true" : "false");
  g_string_append (out, ",\n  \"sources\": [");
  for (guint i = 0; i < report->sources->len; i++)
    {
      if (i)
        g_string_append (out, ", ");
      json_string (out, g_ptr_array_index (report->sources, i));
    }
  g_string_append (out, "],\n  \"counts\": {");
  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      const PlMergeCounts *c = &report->counts[k];

      g_string_append_printf (out, "%s\n    \"%s\": {\"added\": %u, \"updated\": %u, \"unchanged\": %u, "
                              "\"deleted\": %u, \"conflicts\": %u, \"folded\": %u, \"orphaned\": %u}",
                              k ? "," : "", kind_keys[k], c->added, c->updated, c->unchanged,
                              c->deleted, c->conflicts, c->folded, c->orphaned);
    }
  g_string_append (out, "\n  },\n  \"conflicts\": [");
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const PlMergeConflict *c = g_ptr_array_index (report->conflicts, i);

      g_string_append_printf (out, "%s\n    {\"kind\": \"%s\", \"uuid\": ", i ? "," : "", kind_keys[c->kind]);
      json_string (out, c->uuid);
      g_string_append (out, ", \"label\": ");
      json_string (out, c->label);
      g_string_append (out, ", \"field\": ");
      json_string (out, c->field);
      g_string_append (out, ", \"kept\": ");
      json_string (out, c->winner);
      g_string_append (out, ", \"other\": ");
      json_string (out, c->other);
      g_string_append (out, ", \"source\": ");
      json_string (out, c->source);
      g_string_append_printf (out, ", \"source_won\": %s}", c->source_won ? "true" : "false");
    }
  g_string_append (out, report->conflicts->len ? "\n  ],\n" : "],\n");
  g_string_append_printf (out, "  \"folded\": %s,\n  \"fold_groups\": [", report->folded ? "true" : "false");
  for (guint i = 0; i < report->fold_groups->len; i++)
    {
      char **group = g_ptr_array_index (report->fold_groups, i);

      g_string_append (out, i ? ", [" : "[");
      for (guint j = 0; group[j]; j++)
        {
          if (j)
            g_string_append (out, ", ");
          json_string (out, group[j]);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char **
split_paragraphs (const char *text)
{
  return g_regex_split_simple ("\\n[ \\t]*\\n", text ? text : "", 0, 0);
}

char *
pl_merge_paragraphs (const char *base,
                     const char *ours,
                     const char *theirs)
{
  g_auto(GStrv) b = split_paragraphs (base);
  g_auto(GStrv) o = split_paragraphs (ours);
  g_auto(GStrv) t = split_paragraphs (theirs);
  guint n = g_strv_length (b);
  g_autoptr(GPtrArray) merged = g_ptr_array_new ();

  /* Paragraphs are matched by place: when one side added or removed
   * paragraphs the sides no longer line up, and the whole field is left
   * to the conflict rule rather than guessed at. */
  if (g_strv_length (o) != n || g_strv_length (t) != n)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (o[i], b[i]))
        g_ptr_array_add (merged, t[i]);
      else if (g_str_equal (t[i], b[i]) || g_str_equal (o[i], t[i]))
        g_ptr_array_add (merged, o[i]);
      else
        return NULL;
    }
  g_ptr_array_add (merged, NULL);
  return g_strjoinv ("\n\n", (char **) merged->pdata);
}
