/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-window-private.h"

/* After an export: a toast with the way to the file ("Open"), or, when the
 * export left something out, the way to what and why ("Details"). */

#define LAST_TOAST_KEY "pl-window-export-last-toast"

static void
open_path (PlWindow   *self,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  /* The default application for its type: a word processor, a browser. */
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
open_export_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  open_path (PL_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlWindow         *self)
{
  if (g_str_equal (response, "open"))
    open_path (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

static void
export_details_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  const char *path = NULL;
  const char *details = NULL;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &path, &details);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Content Was Left Out"), details);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry export_entries[] = {
  { "open-export", open_export_cb, "s" },
  { "export-details", export_details_cb, "(ss)" },
};

void
_pl_window_export_install (PlWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_entries, G_N_ELEMENTS (export_entries), self);
}

char *
_pl_window_export_details (const PlExportReport *report)
{
  GString *details = g_string_new (NULL);

  for (guint kind = 0; report != NULL && kind < PL_EXPORT_N_LEFT_OUT; kind++)
    {
      g_autofree char *line = pl_export_report_describe (report, kind);

      if (line == NULL)
        continue;
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append (details, line);
    }
  if (details->len == 0)
    {
      g_string_free (details, TRUE);
      return NULL;
    }
  return g_string_free (details, FALSE);
}

void
_pl_window_export_done (PlWindow             *self,
                        const char           *path,
                        const PlExportReport *report)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *details = _pl_window_export_details (report);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (details != NULL)
    {
      title = g_strdup_printf (_("Exported “%s”; some content was left out"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.export-details");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", path, details));
      /* Time to read it and decide. */
      adw_toast_set_timeout (toast, 10);
    }
  else
    {
      title = g_strdup_printf (_("Exported “%s”"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }
  g_object_set_data_full (G_OBJECT (self), LAST_TOAST_KEY, g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AdwToast *
_pl_window_export_get_last_toast (PlWindow *self)
{
  return g_object_get_data (G_OBJECT (self), LAST_TOAST_KEY);
}
