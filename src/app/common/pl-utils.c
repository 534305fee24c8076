/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-document.h"
#include "pl-resources.h"
#include "pl-utils.h"

void
pl_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      pl_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

GListModel *
pl_enum_label_model (GType enum_type)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = pl_enum_count (enum_type);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, pl_enum_to_label (enum_type, (int) i));
  return G_LIST_MODEL (list);
}

GListModel *
pl_enum_label_model_with_keys (GType enum_type,
                               guint n_keyed)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = pl_enum_count (enum_type);

  for (guint i = 0; i < n; i++)
    {
      /* Translators: a choice and its key, "Government (Alt+1)" */
      g_autofree char *label = i < n_keyed ? g_strdup_printf (_("%s (Alt+%u)"), pl_enum_to_label (enum_type, (int) i), i + 1)
                                           : g_strdup (pl_enum_to_label (enum_type, (int) i));

      gtk_string_list_append (list, label);
    }
  return G_LIST_MODEL (list);
}

char *
pl_text_source_get_text (GObject *source)
{
  if (GTK_IS_TEXT_BUFFER (source))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (source), &start, &end);
      return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (source), &start, &end, TRUE);
    }
  if (GTK_IS_EDITABLE (source))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (source)));
  g_return_val_if_reached (NULL);
}

void
pl_text_source_set_text (GObject    *source,
                         const char *text)
{
  if (text == NULL)
    text = "";
  if (GTK_IS_TEXT_BUFFER (source))
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (source);

      /* A load is not something the drafter can undo. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text, -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  else if (GTK_IS_EDITABLE (source))
    gtk_editable_set_text (GTK_EDITABLE (source), text);
  else
    g_return_if_reached ();
}

/* ---- after the first frame ---- */

typedef struct {
  GWeakRef          widget;
  PlWidgetCallback  callback;
} Deferred;

static void
deferred_free (gpointer data)
{
  Deferred *deferred = data;

  g_weak_ref_clear (&deferred->widget);
  g_free (deferred);
}

static gboolean
deferred_idle_cb (gpointer data)
{
  Deferred *deferred = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&deferred->widget);

  if (widget != NULL)
    deferred->callback (widget);
  return G_SOURCE_REMOVE;
}

/* The first tick comes in the update phase of the first frame that shows
 * the widget; an idle of low priority added then runs once that frame has
 * been laid out and painted. */
static gboolean
deferred_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  Deferred *deferred = g_new0 (Deferred, 1);

  g_weak_ref_init (&deferred->widget, widget);
  deferred->callback = (PlWidgetCallback) data;
  g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, deferred, deferred_free);
  return G_SOURCE_REMOVE;
}

void
pl_after_first_frame (GtkWidget        *widget,
                      PlWidgetCallback  callback)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (callback != NULL);

  gtk_widget_add_tick_callback (widget, deferred_tick_cb, (gpointer) callback, NULL);
}

/* ---- menus built when opened ---- */

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       model)
{
  /* Called at every opening: the popover is made the first time only. */
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
pl_menu_button_set_menu_later (GtkMenuButton *button,
                               GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (model), g_object_unref);
}
