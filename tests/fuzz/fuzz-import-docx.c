/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: arbitrary bytes imported as a .docx draft (the zip limits,
 * the XML reader of every part, structure detection). When the draft
 * reads, every node is visited, the outline printed, and detection re-run
 * with a role override and other heading levels. Refusing the file is
 * fine; crashing, a sanitizer report or a hang is a finding. Nothing is
 * written. */

#include <string.h>

#include "pl-import-draft.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
visit (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlImportNode) node = g_list_model_get_item (model, i);

      g_assert (g_utf8_validate (pl_import_node_get_title (node), -1, NULL));
      g_assert (g_utf8_validate (pl_import_node_get_body (node), -1, NULL));
      visit (pl_import_node_get_children (node));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(PlImportDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = NULL;
  GListModel *all;

  draft = pl_import_draft_new_from_bytes (bytes, "draft.docx", &error);
  if (draft == NULL)
    {
      g_assert (error != NULL && error->domain == PL_IMPORT_ERROR && *error->message);
      return 0;
    }
  visit (pl_import_draft_get_nodes (draft));
  outline = pl_import_draft_to_outline_text (draft);
  all = pl_import_draft_get_all_nodes (draft);
  if (g_list_model_get_n_items (all) > 0)
    {
      g_autoptr(PlImportNode) first = g_list_model_get_item (all, 0);
      pl_import_draft_set_role (draft, pl_import_node_get_key (first), PL_IMPORT_ROLE_OBJECTIVE);
    }
  pl_import_draft_set_levels (draft, 1 + size % 3, 2 + size % 4);
  visit (pl_import_draft_get_nodes (draft));
  pl_import_draft_reset (draft);
  return 0;
}
