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
