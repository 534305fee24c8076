/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: arbitrary bytes opened as a .pillars document, read-only.
 * When the file opens, every model is walked and every property of every
 * record read (lazy bodies included), the integrity check runs and the
 * whole document is exported to Markdown in memory. Refusing the file is
 * fine; crashing, a sanitizer report or a hang is a finding. */

#include <string.h>

#include "pl-document.h"
#include "pl-export.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
read_properties (GObject *object)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (object, specs[i]->name, &value);
      /* Strings as the window would show them. */
      if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) != NULL)
        g_assert (g_utf8_strlen (g_value_get_string (&value), -1) >= 0);
    }
}

static void
walk (PlDocument *doc,
      GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == NULL)
        continue;
      read_properties (item);
      if (PL_IS_PILLAR (item))
        walk (doc, pl_document_get_objectives (doc, PL_PILLAR (item)));
      else if (PL_IS_OBJECTIVE (item))
        walk (doc, pl_document_get_actions (doc, PL_OBJECTIVE (item)));
    }
}

static void
remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  if (path == NULL)
    path = g_build_filename (fuzz_scratch_dir (), "input.pillars", NULL);
  remove_files (path);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("cannot write %s: %s", path, error->message);

  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  if (doc != NULL)
    {
      g_auto(GStrv) problems = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      PlExportOptions options;

      read_properties (G_OBJECT (pl_document_get_strategy (doc)));
      walk (doc, pl_document_get_sections (doc));
      walk (doc, pl_document_get_pillars (doc));
      walk (doc, pl_document_get_all_actions (doc));
      walk (doc, pl_document_get_workshops (doc));
      walk (doc, pl_document_get_stakeholders (doc));
      walk (doc, pl_document_get_snapshots (doc));
      walk (doc, G_LIST_MODEL (pl_document_get_feedback (doc)));
      pl_document_count (doc, "pillars");
      pl_document_count (doc, "feedback");
      hits = pl_document_search (doc, "strategy", 20, NULL);
      pl_document_check (doc, &problems, NULL);

      pl_export_options_init (&options);
      options.annex = TRUE;
      options.date = g_strdup ("1 January 2026");
      pl_export_to_stream (doc, &options, out, NULL, NULL);
      pl_export_options_clear (&options);
      pl_document_close (doc);
    }
  g_clear_object (&doc);
  remove_files (path);
  return 0;
}
