/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-stakeholder-completion.h"

enum {
  COL_NAME,
  COL_MARKUP,
  COL_KEY,
  N_COLS
};

static gboolean
match_cb (GtkEntryCompletion *completion,
          const char         *key,
          GtkTreeIter        *iter,
          gpointer            user_data)
{
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  const char *text = entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tree_model_get (model, iter, COL_KEY, &haystack, -1);
  needle = g_utf8_casefold (text, -1);
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

GtkEntryCompletion *
pl_stakeholder_completion_new (void)
{
  g_autoptr(GtkListStore) store = gtk_list_store_new (N_COLS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  GtkEntryCompletion *completion = gtk_entry_completion_new ();
  GtkCellRenderer *renderer;

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_match_func (completion, match_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_popup_set_width (completion, TRUE);
  renderer = gtk_cell_renderer_text_new ();
  g_object_set (renderer, "ellipsize", PANGO_ELLIPSIZE_END, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), renderer, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), renderer, "markup", COL_MARKUP);
  return completion;
}

/* Every stakeholder of the document, as it is now. */
void
pl_stakeholder_completion_fill (GtkEntryCompletion *completion,
                                PlDocument         *document)
{
  GtkListStore *store = GTK_LIST_STORE (gtk_entry_completion_get_model (completion));
  GListModel *stakeholders = pl_document_get_stakeholders (document);
  guint n = g_list_model_get_n_items (stakeholders);

  gtk_list_store_clear (store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (stakeholders, i);
      const char *name = pl_stakeholder_get_name (s);
      const char *org = pl_stakeholder_get_organisation (s);
      g_autofree char *markup = NULL;
      g_autofree char *key = NULL;
      g_autofree char *joined = NULL;
      GtkTreeIter iter;

      if (org && *org)
        markup = g_markup_printf_escaped ("%s  <span alpha=\"60%%\">%s</span>", name, org);
      else
        markup = g_markup_escape_text (name, -1);
      joined = g_strconcat (name, " ", org ? org : "", NULL);
      key = g_utf8_casefold (joined, -1);
      gtk_list_store_insert_with_values (store, &iter, -1,
                                         COL_NAME, name,
                                         COL_MARKUP, markup,
                                         COL_KEY, key,
                                         -1);
    }
}

char *
pl_stakeholder_completion_name (GtkTreeModel *model,
                                GtkTreeIter  *iter)
{
  char *name = NULL;

  gtk_tree_model_get (model, iter, COL_NAME, &name, -1);
  return name;
}
