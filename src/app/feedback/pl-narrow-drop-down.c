/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-narrow-drop-down.h"

/* A shortened label shows its whole text as tooltip. Given when asked:
 * GTK 4.8 asks the X server where the pointer is (three round trips) at
 * every tooltip set on a visible widget, and these change with the choice. */
static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
}

void
pl_narrow_drop_down (GtkDropDown *dropdown)
{
  GtkListItemFactory *button;
  GtkListItemFactory *list;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  button = gtk_signal_list_item_factory_new ();
  list = gtk_signal_list_item_factory_new ();
  g_signal_connect (button, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (1));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_label_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  g_object_unref (button);
  g_object_unref (list);
}
