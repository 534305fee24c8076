/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-rel-state.h"

#include "pl-document-snapshots.h"
#include "pl-draft.h"

/* ---- the canonical dump ---- */

static void
dump_record (GString    *out,
             const char *indent,
             gpointer    item)
{
  PlRecord *record = PL_RECORD (item);
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  g_string_append_printf (out, "%s%s %" G_GINT64_FORMAT "\n", indent,
                          G_OBJECT_TYPE_NAME (record), pl_record_get_id (record));
  for (guint i = 0; i < n; i++)
    {
      const char *name = g_param_spec_get_name (pspecs[i]);
      GValue value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      /* Times of the moment differ between a run and its replay; so does a
       * snapshot's root, the address of content that holds the records'
       * random UUIDs: dump_snapshots() dumps the content instead. */
      if (g_str_has_suffix (name, "-at") || !(pspecs[i]->flags & G_PARAM_READABLE) ||
          (PL_IS_SNAPSHOT (record) && g_str_equal (name, "root")))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), name, &value);
      contents = g_strdup_value_contents (&value);
      g_value_unset (&value);
      g_string_append_printf (out, "%s  %s=%s\n", indent, name, contents);
    }
}

static void
dump_list (GString    *out,
           const char *indent,
           GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      dump_record (out, indent, item);
    }
}

static void
dump_array (GString    *out,
            const char *indent,
            GPtrArray  *records)
{
  for (guint i = 0; i < records->len; i++)
    dump_record (out, indent, records->pdata[i]);
}

/* Each snapshot and the draft it holds. */
static void
dump_snapshots (GString    *out,
                PlDocument *doc)
{
  GListModel *snapshots = pl_document_get_snapshots (doc);

  for (guint i = 0; i < g_list_model_get_n_items (snapshots); i++)
    {
      g_autoptr(PlSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlDraft) draft = pl_document_load_draft (doc, snapshot, &error);
      GPtrArray *pillars;

      dump_record (out, "", snapshot);
      if (draft == NULL)
        {
          g_string_append_printf (out, "  unreadable: %s\n", error->message);
          continue;
        }
      dump_record (out, "  ", pl_draft_get_strategy (draft));
      dump_array (out, "  ", pl_draft_get_sections (draft));
      pillars = pl_draft_get_pillars (draft);
      for (guint p = 0; p < pillars->len; p++)
        {
          GPtrArray *objectives = pl_draft_get_objectives (draft, pl_record_get_uuid (pillars->pdata[p]));

          dump_record (out, "  ", pillars->pdata[p]);
          for (guint o = 0; o < objectives->len; o++)
            {
              dump_record (out, "    ", objectives->pdata[o]);
              dump_array (out, "      ", pl_draft_get_actions (draft, pl_record_get_uuid (objectives->pdata[o])));
            }
        }
    }
}

static int
by_id (gconstpointer a,
       gconstpointer b)
{
  gint64 x = pl_record_get_id (*(PlRecord **) a);
  gint64 y = pl_record_get_id (*(PlRecord **) b);

  return x < y ? -1 : x > y;
}

char *
pl_rel_dump (PlDocument *doc)
{
  GString *out = g_string_new (NULL);
  GListModel *pillars = pl_document_get_pillars (doc);
  GListModel *feedback = G_LIST_MODEL (pl_document_get_feedback (doc));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *counts[] = { "sections", "pillars", "objectives", "actions", "workshops",
                           "stakeholders", "feedback", "snapshots" };

  dump_record (out, "", pl_document_get_strategy (doc));
  dump_list (out, "", pl_document_get_sections (doc));
  for (guint p = 0; p < g_list_model_get_n_items (pillars); p++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, p);
      GListModel *objectives = pl_document_get_objectives (doc, pillar);

      dump_record (out, "", pillar);
      for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, o);

          dump_record (out, "  ", objective);
          dump_list (out, "    ", pl_document_get_actions (doc, objective));
        }
    }
  dump_list (out, "", pl_document_get_workshops (doc));
  dump_list (out, "", pl_document_get_stakeholders (doc));
  dump_snapshots (out, doc);
  /* Newest first by capture time, which a replay does not reproduce. */
  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    g_ptr_array_add (items, g_list_model_get_item (feedback, i));
  g_ptr_array_sort (items, by_id);
  for (guint i = 0; i < items->len; i++)
    dump_record (out, "", items->pdata[i]);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_string_append_printf (out, "count %s=%" G_GINT64_FORMAT "\n", counts[i],
                            pl_document_count (doc, counts[i]));
  return g_string_free (out, FALSE);
}

char *
pl_rel_hash (PlDocument *doc)
{
  g_autofree char *dump = pl_rel_dump (doc);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}
