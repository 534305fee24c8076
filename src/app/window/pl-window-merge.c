/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-merge-dialog.h"
#include "pl-merge.h"
#include "pl-window-private.h"

/*
 * "Merge Captures…": the copies facilitators filled on their laptops come
 * into this document. First a preview (the merge run on a copy of this
 * file, so the document stays as it is and open), then the merge itself:
 * the window lets go of the file, the merge runs in one transaction, and
 * the merged document opens in a new window with the report over it.
 */

/* A preview in a private folder, removed afterwards. */
static PlMergeReport *
preview (PlWindow           *self,
         const char *const  *paths,
         GError            **error)
{
  g_autofree char *dir = g_dir_make_tmp ("pillars-merge-XXXXXX", error);
  g_autofree char *copy = NULL;
  g_autoptr(PlStore) store = NULL;
  PlMergeReport *report = NULL;

  if (dir == NULL)
    return NULL;
  copy = g_build_filename (dir, "preview.pillars", NULL);
  if (pl_window_save_copy (self, copy, error) &&
      (store = pl_store_open (copy, FALSE, FALSE, error)) != NULL)
    report = pl_merge_into_store (store, pl_document_get_path (self->document), paths,
                                  PL_MERGE_DRY_RUN, error);
  g_clear_pointer (&store, pl_store_free);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *side = g_strconcat (copy, suffix, NULL);

      g_remove (side);
    }
  g_rmdir (dir);
  return report;
}

typedef struct {
  PlWindow      *window;
  PlMergeDialog *dialog;
} Job;

static void
job_free (Job *job)
{
  /* The dialog first: it still names the window it was transient for. */
  g_object_unref (job->dialog);
  g_object_unref (job->window);
  g_free (job);
}

/* Runs from the main loop, not inside the dialog's signal: the merge
 * destroys the dialog and this window. */
static gboolean
run_merge_cb (gpointer data)
{
  Job *job = data;
  PlWindow *self = job->window;
  PlMergeDialog *dialog = job->dialog;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  char **paths = g_object_get_data (G_OBJECT (dialog), "pl-paths");
  g_autofree char *path = NULL;
  g_autoptr(PlMergeReport) report = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  PlWindow *window;

  if (self->document == NULL || self->closed)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return G_SOURCE_REMOVE;
    }
  path = g_strdup (pl_document_get_path (self->document));
  if (!pl_window_flush (self, &error))
    {
      pl_window_show_error (self, _("Could Not Merge"), error);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return G_SOURCE_REMOVE;
    }
  /* The merge needs the file to itself: this window lets it go. */
  pl_window_close_document (self);
  report = pl_merge_files (path, (const char *const *) paths, 0, &error);
  if (!(doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &open_error)))
    {
      /* Reopening failed: say so in this window, which has nothing left. */
      gtk_window_destroy (GTK_WINDOW (dialog));
      pl_window_show_error (self, _("Could Not Open the Merged Document"), open_error);
      return G_SOURCE_REMOVE;
    }
  window = pl_window_new (app, doc);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));

  if (report == NULL)
    {
      pl_window_show_error (window, _("Could Not Merge"), error);
      return G_SOURCE_REMOVE;
    }
  {
    GtkWidget *shown = pl_merge_dialog_new (doc, g_steal_pointer (&report));

    gtk_window_set_transient_for (GTK_WINDOW (shown), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (shown));
  }
  return G_SOURCE_REMOVE;
}

static void
apply_cb (PlMergeDialog *dialog,
          PlWindow      *self)
{
  Job *job = g_new0 (Job, 1);

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  job->window = g_object_ref (self);
  job->dialog = g_object_ref (dialog);
  g_idle_add_full (G_PRIORITY_DEFAULT, run_merge_cb, job, (GDestroyNotify) job_free);
}

static void
merge_paths (PlWindow           *self,
             const char *const  *paths)
{
  g_autoptr(GError) error = NULL;
  PlMergeReport *report;
  GtkWidget *dialog;

  if (self->document == NULL || self->closed || paths == NULL || paths[0] == NULL)
    return;
  if (!(report = preview (self, paths, &error)))
    {
      pl_window_show_error (self, _("Could Not Merge"), error);
      return;
    }
  dialog = pl_merge_dialog_new (NULL, report);
  g_object_set_data_full (G_OBJECT (dialog), "pl-paths", g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (apply_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_files_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

  merge_paths (PL_WINDOW (user_data), paths);
}

static void
copies_chosen (PlWindow   *self,
               GListModel *files)
{
  g_autoptr(GPtrArray) paths = _pl_window_files_to_paths (files);

  g_ptr_array_add (paths, NULL);
  merge_paths (self, (const char *const *) paths->pdata);
}

static void
merge_captures_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  static const char *const suffixes[] = { "pillars", NULL };
  static const PlWindowFileKind kinds[] = { { N_("Strategies"), NULL, suffixes } };
  PlWindow *self = PL_WINDOW (user_data);

  if (self->document == NULL || self->closed)
    return;
  _pl_window_choose_files (self, _("Merge Captures"), TRUE, kinds, G_N_ELEMENTS (kinds), copies_chosen);
}

void
_pl_window_merge_install (PlWindow *self)
{
  static const GActionEntry entries[] = {
    { "merge-captures", merge_captures_activated, NULL, NULL, NULL },
    /* The same with the files given (scripts, tests, drops). */
    { "merge-files", merge_files_activated, "as", NULL, NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  if (pl_window_is_editable (self) == FALSE)
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                                entries[i].name)), FALSE);
}
