/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-window-private.h"

/* The file chooser every "bring files in" action opens (Import Draft,
 * Import Comments, Import Reviewed Copies, Merge Captures): modal to the
 * window, "Preview" to accept since each shows what it would do before
 * doing it, and the files handed back only when some were chosen. */

typedef struct {
  PlWindow            *window;
  PlWindowFilesChosen  chosen;
} Choice;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT && !choice->window->closed)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      if (files != NULL && g_list_model_get_n_items (files) > 0)
        choice->chosen (choice->window, files);
    }
  g_object_unref (choice->window);
  g_free (choice);
  g_object_unref (chooser);
}

void
_pl_window_choose_files (PlWindow                *self,
                         const char              *title,
                         gboolean                 multiple,
                         const PlWindowFileKind  *kinds,
                         guint                    n_kinds,
                         PlWindowFilesChosen      chosen)
{
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Preview"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(kinds[i].name));
      for (guint j = 0; kinds[i].mime_types && kinds[i].mime_types[j]; j++)
        gtk_file_filter_add_mime_type (filter, kinds[i].mime_types[j]);
      for (guint j = 0; kinds[i].suffixes && kinds[i].suffixes[j]; j++)
        gtk_file_filter_add_suffix (filter, kinds[i].suffixes[j]);
      /* A kind with neither is "All files". */
      if (kinds[i].mime_types == NULL && kinds[i].suffixes == NULL)
        gtk_file_filter_add_pattern (filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  choice->window = g_object_ref (self);
  choice->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GPtrArray *
_pl_window_files_to_paths (GListModel *files)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  return paths;
}
