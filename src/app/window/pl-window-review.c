/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-import-review-dialog.h"
#include "pl-review.h"
#include "pl-review-import.h"
#include "pl-window-private.h"

/* The ministries' review round trip, coming back: the review copies they
 * returned (several at once), read and shown before anything is added. */

static void
imported_cb (PlImportReviewDialog *dialog,
             const char           *summary,
             PlWindow             *self)
{
  pl_window_add_toast (self, summary);
}

static void import_files (PlWindow *self, GPtrArray *paths, gboolean force);

typedef struct {
  PlWindow  *window;
  GPtrArray *paths;
} Retry;

static void
other_strategy_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            Retry            *retry)
{
  if (g_strcmp0 (response, "import") == 0 && pl_window_is_editable (retry->window))
    import_files (retry->window, retry->paths, TRUE);
  g_object_unref (retry->window);
  g_ptr_array_unref (retry->paths);
  g_free (retry);
}

static void
import_files (PlWindow  *self,
              GPtrArray *paths,
              gboolean   force)
{
  g_autoptr(PlReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *dialog;

  /* The copies are compared with the text as it is on screen. */
  pl_window_flush (self, NULL);
  import = pl_review_import_new (self->document);
  pl_review_import_set_force_other_strategy (import, force);
  for (guint i = 0; i < paths->len; i++)
    if (!pl_review_import_add_file (import, paths->pdata[i], &error))
      {
        g_autofree char *name = g_path_get_basename (paths->pdata[i]);
        g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

        if (g_error_matches (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_OTHER_STRATEGY))
          {
            AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
            Retry *retry = g_new0 (Retry, 1);

            adw_message_dialog_add_responses (ask, "cancel", _("_Cancel"), "import", _("_Import Anyway"), NULL);
            adw_message_dialog_set_default_response (ask, "cancel");
            adw_message_dialog_set_close_response (ask, "cancel");
            retry->window = g_object_ref (self);
            retry->paths = g_ptr_array_ref (paths);
            g_signal_connect (ask, "response", G_CALLBACK (other_strategy_response_cb), retry);
            gtk_window_present (GTK_WINDOW (ask));
          }
        else
          pl_window_show_error (self, heading, error);
        return;
      }
  if (paths->len == 1)
    subtitle = g_path_get_basename (paths->pdata[0]);
  else
    subtitle = g_strdup_printf (ngettext ("%u returned copy", "%u returned copies", paths->len), paths->len);
  dialog = pl_import_review_dialog_new (GTK_WINDOW (self), self->document, import, subtitle);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
can_import (PlWindow *self)
{
  if (pl_window_is_editable (self))
    return TRUE;
  if (self->document != NULL)
    pl_window_add_toast (self, _("This strategy is open read-only: comments cannot be added to it"));
  else
    pl_window_add_toast (self, _("Open the strategy the review copies were made from first, then import them"));
  return FALSE;
}

static void
copies_chosen (PlWindow   *self,
               GListModel *files)
{
  g_autoptr(GPtrArray) paths = _pl_window_files_to_paths (files);

  if (paths->len > 0 && can_import (self))
    import_files (self, paths, FALSE);
}

static void
import_review_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  static const char *const types[] = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                       "application/vnd.oasis.opendocument.text", NULL };
  static const char *const suffixes[] = { "docx", "odt", NULL };
  static const PlWindowFileKind kinds[] = {
    { N_("Returned review copies (Word, LibreOffice)"), types, suffixes },
  };

  if (can_import (user_data))
    _pl_window_choose_files (user_data, _("Import Reviewed Copies"), TRUE, kinds, G_N_ELEMENTS (kinds), copies_chosen);
}

/* The same with the file given (a path), for scripts and tests, which
 * cannot drive a portal's file chooser. */
static void
import_review_from_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PlWindow *self = user_data;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!can_import (self))
    return;
  g_ptr_array_add (paths, g_strdup (g_variant_get_string (parameter, NULL)));
  import_files (self, paths, FALSE);
}

void
_pl_window_review_install (PlWindow *self)
{
  const GActionEntry entries[] = {
    { "import-review", import_review_cb, NULL, NULL, NULL, { 0, } },
    { "import-review-from", import_review_from_cb, "s", NULL, NULL, { 0, } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
