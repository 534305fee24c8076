/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-accessible.h"
#include "pl-application.h"
#include "pl-demo.h"
#include "pl-startup-probe.h"
#include "pl-utils.h"

struct _PlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  PlStartupProbe *probe;             /* --report-first-frame only */
};

G_DEFINE_FINAL_TYPE (PlApplication, pl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "report-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the time from start to the first frame on standard error"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* ---- errors ---- */

static GtkWidget *
show_error (PlApplication *self,
            const char    *heading,
            const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Keeps the application running while the message is shown, even
   * when no document window could be opened. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlApplication    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "pl-path");

  if (g_str_equal (response, "read-only") && path != NULL)
    pl_application_open_path_read_only (self, path);
}

/* ---- windows ---- */

static char *
canonical (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

PlWindow *
pl_application_find_window (PlApplication *self,
                            const char    *path)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  wanted = canonical (path);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PlDocument *document;
      g_autofree char *have = NULL;

      if (!PL_IS_WINDOW (l->data) || (document = pl_window_get_document (l->data)) == NULL)
        continue;
      have = canonical (pl_document_get_path (document));
      if (g_str_equal (have, wanted))
        return l->data;
    }
  return NULL;
}

/* A window without a document (the welcome page), if one is open. */
static PlWindow *
find_welcome_window (PlApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && pl_window_get_document (l->data) == NULL)
      return l->data;
  return NULL;
}

static PlWindow *
show_document (PlApplication *self,
               PlDocument    *document)
{
  PlWindow *welcome = find_welcome_window (self);
  PlWindow *window = pl_window_new (GTK_APPLICATION (self), document);

  pl_application_add_recent (self, pl_document_get_path (document));
  gtk_window_present (GTK_WINDOW (window));
  /* The welcome page has done its job once a document is open. */
  if (welcome != NULL)
    gtk_window_destroy (GTK_WINDOW (welcome));
  return window;
}

PlWindow *
pl_application_open_path (PlApplication *self,
                          const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  PlWindow *window;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((window = pl_application_find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  document = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      GtkWidget *dialog = show_error (self, heading, error);

      /* Someone else is writing it: reading it is still possible. */
      if (g_error_matches (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED))
        {
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only", _("Open _Read-Only"));
          g_object_set_data_full (G_OBJECT (dialog), "pl-path", g_strdup (path), g_free);
          g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb), self, 0);
        }
      return NULL;
    }
  return show_document (self, document);
}

PlWindow *
pl_application_open_path_read_only (PlApplication *self,
                                    const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  PlWindow *window;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((window = pl_application_find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  document = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Open the Strategy"), error);
      return NULL;
    }
  return show_document (self, document);
}

PlWindow *
pl_application_create_path (PlApplication *self,
                            const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  document = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Create the Strategy"), error);
      return NULL;
    }
  return show_document (self, document);
}

PlWindow *
pl_application_open_example (PlApplication *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pillars", NULL);
  g_autofree char *path = g_build_filename (dir, "Example.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  PlWindow *window;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);

  if ((window = pl_application_find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return pl_application_open_path (self, path);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
    }
  else
    document = pl_demo_create (path, PL_DEMO_SMALL, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Create the Example"), error);
      return NULL;
    }
  return show_document (self, document);
}

void
pl_application_add_recent (PlApplication *self,
                           const char    *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *full = NULL;
  guint n = 1;

  g_return_if_fail (PL_IS_APPLICATION (self));

  full = canonical (path);
  old = g_settings_get_strv (self->settings, "recent-documents");
  g_strv_builder_add (builder, full);
  for (guint i = 0; old[i] != NULL && n < 10; i++)
    if (!g_str_equal (old[i], full))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-documents", (const char * const *) recent);
}

/* ---- file choosers ---- */

static GtkFileFilter *
pillars_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Strategies"));
  gtk_file_filter_add_pattern (filter, "*.pillars");
  gtk_file_filter_add_mime_type (filter, "application/x-pillars");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  PlApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        pl_application_open_path (self, path);
    }
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
new_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 PlApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = file ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;

      if (chosen != NULL)
        {
          path = g_str_has_suffix (chosen, ".pillars") ? g_strdup (chosen)
                                                       : g_strconcat (chosen, ".pillars", NULL);
          if (pl_application_find_window (self, path) != NULL)
            {
              g_autoptr(GError) error = g_error_new (PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED,
                                                     _("That strategy is open in another window. Choose another name."));

              show_error (self, _("Could Not Create the Strategy"), error);
            }
          else
            /* An existing file is never replaced (it may be a strategy open
             * elsewhere): the core refuses with a message that says so. */
            pl_application_create_path (self, path);
        }
    }
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
app_new_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PlApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = pillars_filter ();

  chooser = gtk_file_chooser_native_new (_("New Strategy"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("National Cybersecurity Strategy.pillars"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
app_open_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = pillars_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Strategy"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
app_open_example_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  pl_application_open_example (PL_APPLICATION (user_data));
}

static void
app_open_recent_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  pl_application_open_path (PL_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
app_quit_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing a window writes what is pending and closes its document; a
   * window whose last changes cannot be written stays open and asks. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
app_about_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PlApplication *self = user_data;
  const char *developers[] = { "The Pillars developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Pillars"),
                        "application-icon", "io.github.pillars.Pillars",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Pillars developers"),
                        "developers", developers,
                        "comments", _("Draft a national cybersecurity strategy pillar by pillar, and validate it with stakeholders at workshops."),
                        "website", "https://github.com/pillars/pillars",
                        "issue-url", "https://github.com/pillars/pillars/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Pillars developers",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", app_new_cb },
  { "open", app_open_cb },
  { "open-example", app_open_example_cb },
  { "open-recent", app_open_recent_cb, "s" },
  { "quit", app_quit_cb },
  { "about", app_about_cb },
};

/* ---- GApplication ---- */

static int
pl_application_handle_local_options (GApplication *app,
                                     GVariantDict *opts)
{
  PlApplication *self = PL_APPLICATION (app);

  /* Answered locally, so it works without a display (the install test
   * starts the installed binary this way). */
  if (g_variant_dict_contains (opts, "version"))
    {
      g_print ("pillars %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The benchmark's start-up measure; PILLARS_EXIT_AFTER_FIRST_FRAME=1
   * then quits once the first window is drawn. */
  if (self->probe == NULL &&
      (g_variant_dict_contains (opts, "report-first-frame") ||
       g_strcmp0 (g_getenv ("PILLARS_REPORT_FIRST_FRAME"), "1") == 0))
    self->probe = pl_startup_probe_new (GTK_APPLICATION (self),
                                        g_strcmp0 (g_getenv ("PILLARS_EXIT_AFTER_FIRST_FRAME"), "1") == 0);
  return -1;
}

static void
pl_application_startup (GApplication *app)
{
  PlApplication *self = PL_APPLICATION (app);
  const char *quit[] = { "<Control>q", NULL };
  const char *new[] = { "<Control>n", NULL };
  const char *open[] = { "<Control>o", NULL };
  const char *help[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (pl_application_parent_class)->startup (app);
  /* Screen readers name icon-only buttons and drop-downs by their tooltip. */
  pl_accessible_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", new);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help);
}

static void
pl_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (pl_window_new (GTK_APPLICATION (app), NULL));
  gtk_window_present (window);
}

static void
pl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PlApplication *self = PL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = g_error_new (PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NOT_FOUND,
                                                 _("“%s” is not a local file. Copy it to this computer first."),
                                                 uri);

          show_error (self, _("Could Not Open the Strategy"), error);
          continue;
        }
      pl_application_open_path (self, path);
    }
}

static void
pl_application_dispose (GObject *object)
{
  PlApplication *self = PL_APPLICATION (object);

  g_clear_object (&self->probe);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pl_application_parent_class)->dispose (object);
}

static void
pl_application_class_init (PlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pl_application_dispose;
  app_class->handle_local_options = pl_application_handle_local_options;
  app_class->startup = pl_application_startup;
  app_class->activate = pl_application_activate;
  app_class->open = pl_application_open;
}

static void
pl_application_init (PlApplication *self)
{
  pl_ensure_resources ();
  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

PlApplication *
pl_application_new (GApplicationFlags flags)
{
  return g_object_new (PL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/pillars/Pillars",
                       NULL);
}
