/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-test-versions.h"
#include "pl-test-app.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

AdwMessageDialog *
pl_test_find_message_dialog (const char *heading)
{
  GList *all = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = all; l != NULL && found == NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (all);
  return found;
}

GtkWidget *
pl_test_find_entry (GtkWidget *root)
{
  if (GTK_IS_ENTRY (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
pl_test_xdotool_key (GtkWindow  *window,
                     const char *keys)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "key", "--clearmodifiers", keys, NULL };

    /* Without a window manager, the window a dialog was over does not
     * get the focus back by itself. */
    gtk_window_present (window);
    {
      const char *focus[] = { xdotool, "windowfocus", "--sync", xid, NULL };

      g_spawn_sync (NULL, (char **) focus, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
    wait_for (gtk_window_is_active (window));
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
      g_error ("xdotool: %s", error->message);
  }
  return status == 0;
#else
  return FALSE;
#endif
}
