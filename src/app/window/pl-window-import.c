/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-import-comments-dialog.h"
#include "pl-import-draft-dialog.h"
#include "pl-import-matrix.h"
#include "pl-window-private.h"

/* Bringing what exists outside Pillars into the window: a draft written in
 * Word or LibreOffice (a new strategy), and the comment matrix of a
 * consultation held before the strategy was in Pillars. */

/* ---- a draft ---- */

static void
created_cb (PlImportDraftDialog *dialog,
            const char          *path,
            PlWindow            *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (PL_IS_APPLICATION (app))
    pl_application_open_path (PL_APPLICATION (app), path);
}

static void
import_draft_from (PlWindow *self,
                   GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  if (path == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only files on this computer can be imported; copy the draft here first"));

      pl_window_show_error (self, heading, error);
      return;
    }
  /* The dialog reads the file itself, in a thread: it shows at once. */
  dialog = pl_import_draft_dialog_new_for_file (GTK_WINDOW (self), path, name);
  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
draft_chosen (PlWindow   *self,
              GListModel *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  import_draft_from (self, file);
}

static void
import_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  static const char *const types[] = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                       "application/vnd.oasis.opendocument.text", "text/markdown", NULL };
  static const char *const suffixes[] = { "docx", "odt", "md", "markdown", NULL };
  static const PlWindowFileKind kinds[] = {
    { N_("Drafts (Word, LibreOffice, Markdown)"), types, suffixes },
  };

  _pl_window_choose_files (user_data, _("Import Draft"), FALSE, kinds, G_N_ELEMENTS (kinds), draft_chosen);
}

/* The same with the file given (a path), for scripts and tests. */
static void
import_from_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  import_draft_from (PL_WINDOW (user_data), file);
}

/* ---- a comment matrix ---- */

static void
imported_cb (PlImportCommentsDialog *dialog,
             const char             *summary,
             PlWindow               *self)
{
  pl_window_add_toast (self, summary);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportMatrix) matrix = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  gsize size = 0;

  if (!pl_window_is_editable (self))
    return;
  name = g_file_get_basename (G_FILE (source));
  if (g_file_load_contents_finish (G_FILE (source), result, &data, &size, NULL, &error))
    matrix = pl_import_matrix_new_from_data (data, size, &error);
  if (matrix == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Read “%s”"), name);

      pl_window_show_error (self, heading, error);
      return;
    }
  dialog = pl_import_comments_dialog_new (GTK_WINDOW (self), self->document, matrix, name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_comments_from (PlWindow *self,
                      GFile    *file)
{
  /* Everything is written after the preview: flush the typing first so
   * the dry run and the import see the text as it is on screen. */
  pl_window_flush (self, NULL);
  g_file_load_contents_async (file, NULL, loaded_cb, g_object_ref (self));
}

static void
comments_chosen (PlWindow   *self,
                 GListModel *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  import_comments_from (self, file);
}

static gboolean
can_import (PlWindow *self)
{
  if (pl_window_is_editable (self))
    return TRUE;
  if (self->document != NULL)
    pl_window_add_toast (self, _("This strategy is open read-only: comments cannot be added to it"));
  else
    pl_window_add_toast (self, _("Open the strategy the comments are about first, then import them"));
  return FALSE;
}

static void
import_comments_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  static const char *const types[] = { "text/csv", "text/tab-separated-values", NULL };
  static const char *const suffixes[] = { "csv", "tsv", "txt", NULL };
  static const PlWindowFileKind kinds[] = {
    { N_("Comment matrices (CSV, tab-separated text)"), types, suffixes },
    { N_("All files"), NULL, NULL },
  };

  if (can_import (user_data))
    _pl_window_choose_files (user_data, _("Import Comments"), FALSE, kinds, G_N_ELEMENTS (kinds), comments_chosen);
}

/* The same with the file given (a path): for the command palette of
 * scripts and tests, which cannot drive a portal's file chooser. */
static void
import_comments_from_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PlWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (can_import (self))
    import_comments_from (self, file);
}

void
_pl_window_import_install (PlWindow *self)
{
  const GActionEntry entries[] = {
    { "import", import_cb, NULL, NULL, NULL, { 0, } },
    { "import-from", import_from_cb, "s", NULL, NULL, { 0, } },
    { "import-comments", import_comments_cb, NULL, NULL, NULL, { 0, } },
    { "import-comments-from", import_comments_from_cb, "s", NULL, NULL, { 0, } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
