/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-utils.h"
#include "pl-window-format.h"
#include "pl-welcome-page.h"

struct _PlWelcomePage
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;

  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (PlWelcomePage, pl_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rebuild_recent (PlWelcomePage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-documents");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL && shown < 8; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *display_dir = NULL;
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = pl_window_format_display_name (recent[i]);
      dir = g_path_get_dirname (recent[i]);
      if (g_str_has_prefix (dir, g_get_home_dir ()) && g_strcmp0 (g_get_home_dir (), "/") != 0)
        {
          g_autofree char *rest = g_filename_display_name (dir + strlen (g_get_home_dir ()));

          display_dir = g_strconcat ("~", rest, NULL);
        }
      else
        display_dir = g_filename_display_name (dir);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_dir);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
pl_welcome_page_constructed (GObject *object)
{
  PlWelcomePage *self = PL_WELCOME_PAGE (object);

  G_OBJECT_CLASS (pl_welcome_page_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings, "changed::recent-documents",
                           G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
  rebuild_recent (self);
}

static void
pl_welcome_page_dispose (GObject *object)
{
  PlWelcomePage *self = PL_WELCOME_PAGE (object);

  /* AdwBin unparents its child itself: detach it before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WELCOME_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_welcome_page_parent_class)->dispose (object);
}

static void
pl_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlWelcomePage *self = PL_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlWelcomePage *self = PL_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_welcome_page_class_init (PlWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_welcome_page_constructed;
  object_class->dispose = pl_welcome_page_dispose;
  object_class->get_property = pl_welcome_page_get_property;
  object_class->set_property = pl_welcome_page_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomePage, recent_list);
}

static void
pl_welcome_page_init (PlWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_welcome_page_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (PL_TYPE_WELCOME_PAGE, "settings", settings, NULL);
}
