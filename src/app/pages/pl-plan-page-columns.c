/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's columns as the drafter arranges them: which are shown (a
 * "Columns" menu, also on every column header) and how wide each is, both
 * remembered in GSettings ("plan-hidden-columns", "plan-column-widths"). */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-plan-page-private.h"

#define KEY_DATA "pl-column-key"

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *key)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), KEY_DATA), key) == 0)
        return column;
    }
  return NULL;
}

static void
save_hidden (GtkColumnView *view,
             GSettings     *settings)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *key = g_object_get_data (G_OBJECT (column), KEY_DATA);

      if (key != NULL && !gtk_column_view_column_get_visible (column))
        g_strv_builder_add (builder, key);
    }
  hidden = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "plan-hidden-columns", (const char * const *) hidden);
}

static void
save_widths (GtkColumnView *view,
             GSettings     *settings)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *key = g_object_get_data (G_OBJECT (column), KEY_DATA);
      int width = gtk_column_view_column_get_fixed_width (column);

      if (key != NULL && width > 0)
        g_variant_builder_add (&builder, "{si}", key, width);
    }
  g_settings_set_value (settings, "plan-column-widths", g_variant_builder_end (&builder));
}

static void
visible_changed_cb (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  GtkColumnView *view = user_data;
  GtkColumnViewColumn *column = find_column (view, g_action_get_name (G_ACTION (action)));
  GSettings *settings = g_object_get_data (G_OBJECT (view), "pl-settings");

  g_simple_action_set_state (action, state);
  if (column == NULL)
    return;
  gtk_column_view_column_set_visible (column, g_variant_get_boolean (state));
  if (settings != NULL)
    save_hidden (view, settings);
}

static void
width_changed_cb (GtkColumnViewColumn *column,
                  GParamSpec          *pspec,
                  GtkColumnView       *view)
{
  GSettings *settings = g_object_get_data (G_OBJECT (view), "pl-settings");

  /* A drag notifies at every pixel; the settings backend only sees a write
   * when the value differs, which is cheap next to the drag itself. */
  if (settings != NULL)
    save_widths (view, settings);
}

void
pl_plan_page_columns_setup (GtkWidget     *page,
                            GtkColumnView *view,
                            GtkMenuButton *button,
                            GSettings     *settings)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_auto(GStrv) hidden = NULL;
  g_autoptr(GVariant) widths = NULL;

  if (settings != NULL)
    {
      hidden = g_settings_get_strv (settings, "plan-hidden-columns");
      widths = g_settings_get_value (settings, "plan-column-widths");
      g_object_set_data_full (G_OBJECT (view), "pl-settings", g_object_ref (settings), g_object_unref);
    }

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *key = g_object_get_data (G_OBJECT (column), KEY_DATA);
      g_autofree char *detailed = NULL;
      gboolean visible;
      int width;

      if (key == NULL)
        continue;
      visible = hidden == NULL || !g_strv_contains ((const char * const *) hidden, key);
      gtk_column_view_column_set_visible (column, visible);
      if (widths != NULL && g_variant_lookup (widths, key, "i", &width) && width >= 40)
        gtk_column_view_column_set_fixed_width (column, width);

      /* The action's column is what the plan is about: always shown. */
      if (!g_str_equal (key, "action"))
        {
          g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (key, NULL, g_variant_new_boolean (visible));

          g_signal_connect_object (action, "change-state", G_CALLBACK (visible_changed_cb), view, 0);
          g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
          detailed = g_strconcat ("plan-columns.", key, NULL);
          g_menu_append (section, gtk_column_view_column_get_title (column), detailed);
        }
      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (width_changed_cb), view, 0);
    }
  g_menu_append_section (menu, _("Show Columns"), G_MENU_MODEL (section));
  gtk_widget_insert_action_group (page, "plan-columns", G_ACTION_GROUP (group));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  /* The same menu from a right click on any column header. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (menu));
    }
}

void
pl_plan_page_column_set_key (GtkColumnViewColumn *column,
                             const char          *key)
{
  g_object_set_data (G_OBJECT (column), KEY_DATA, (gpointer) key);
}
