/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-test-input.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

gboolean
pl_test_can_send_input (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed: no real key presses");
      return FALSE;
    }
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("not on X11: xdotool cannot send key presses");
      return FALSE;
    }
  return TRUE;
}

void
pl_test_xdotool (const char *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

void
pl_test_focus_window (GtkWindow *window)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));

  pl_test_xdotool ("mousemove", "--window", xid, "100", "100", NULL);
  pl_test_xdotool ("windowfocus", xid, NULL);
  wait_for (gtk_window_is_active (window));
}

void
pl_test_press (const char *keys)
{
  pl_test_xdotool ("key", "--clearmodifiers", keys, NULL);
}

void
pl_test_type (const char *text)
{
  pl_test_xdotool ("type", "--delay", "5", text, NULL);
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
