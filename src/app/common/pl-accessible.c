/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-accessible.h"

#include <string.h>

#include <adwaita.h>

#define NAMED_KEY "pl-accessible-named"

/* GTK 4.8 says a widget's name as its label property followed by the
 * label properties of the widgets it is labelled by: a label property set
 * beside a labelled-by relation (GTK's own, e.g. a menu button's inner
 * button labelled by the menu button) is said twice, "Main Menu Main
 * Menu". A widget named here is named by its label property alone. */
static void
set_name (GtkWidget  *widget,
          const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

void
pl_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  set_name (widget, label);
}

/* "New Pillar (Ctrl+Shift+N)" → "New Pillar": the shortcut is in the
 * shortcuts window; a screen reader says the action. */
static char *
label_from_tooltip (const char *tooltip)
{
  g_autofree char *text = g_strstrip (g_strdup (tooltip));
  size_t len = strlen (text);

  if (len > 2 && text[len - 1] == ')')
    {
      char *open = strrchr (text, '(');

      if (open != NULL && open > text && open[-1] == ' ')
        *open = '\0';
    }
  return g_strdup (g_strstrip (text));
}

static gboolean
is_named (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL;
}

/* Whether a button shows text of its own, which GTK already announces. */
static gboolean
button_has_text (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label != NULL && *label != '\0')
        return TRUE;
      child = gtk_menu_button_get_child (GTK_MENU_BUTTON (widget));
    }
  else
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (label != NULL && *label != '\0' && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
        return TRUE;
      child = gtk_button_get_child (GTK_BUTTON (widget));
    }
  if (child == NULL)
    return FALSE;
  if (GTK_IS_LABEL (child))
    return TRUE;
  /* An icon and a label in a box, or an AdwButtonContent. */
  for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && gtk_widget_get_visible (c))
      return TRUE;
  if (g_type_is_a (G_OBJECT_TYPE (child), g_type_from_name ("AdwButtonContent")))
    return TRUE;
  return FALSE;
}

static void
name_from_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  g_autofree char *label = NULL;

  if (tooltip == NULL || *tooltip == '\0')
    return;
  label = label_from_tooltip (tooltip);
  pl_accessible_set_label (widget, label);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  /* The label shown: a view switcher's button keeps a hidden one for its
   * other layout. */
  if (GTK_IS_LABEL (widget))
    return gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)) ? widget : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *label = GTK_IS_POPOVER (c) ? NULL : first_label (c);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
labelled_by (GtkWidget *widget,
             GtkWidget *label)
{
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  /* Said once: by the label, not also by a label property set before. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
}

/* A menu button is two controls for AT-SPI: itself and the button inside
 * it; both say its text (the status it shows, "Columns") or its tooltip.
 * GTK 4.8 labels the inner button by the menu button already: naming the
 * menu button names both (giving the inner one a label too doubled it). */
static void
name_menu_button (GtkWidget *widget)
{
  GtkWidget *inner = gtk_widget_get_first_child (widget);
  GtkWidget *label = first_label (widget);

  if (label != NULL)
    {
      labelled_by (widget, label);
      if (GTK_IS_BUTTON (inner))
        labelled_by (inner, label);
      return;
    }
  name_from_tooltip (widget);
}

/* libadwaita 1.2 leaves an expander row unnamed: it says its title. */
static void
expander_title_cb (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
}

static void queue_button_name (GtkWidget  *button,
                               GParamSpec *pspec,
                               gpointer    unused);

static gboolean
sync_button_name_cb (gpointer data)
{
  GtkWidget *button = data;
  GtkWidget *label = first_label (button);

  g_object_set_data (G_OBJECT (button), "pl-accessible-sync", NULL);
  if (label != NULL)
    {
      set_name (button, gtk_label_get_text (GTK_LABEL (label)));
      /* A label the button made anew ("Taken" after a click) is watched. */
      if (g_object_get_data (G_OBJECT (label), "pl-accessible-button") == NULL)
        {
          g_object_set_data (G_OBJECT (label), "pl-accessible-button", button);
          g_signal_connect_object (label, "notify::label", G_CALLBACK (queue_button_name), button,
                                   G_CONNECT_SWAPPED);
        }
    }
  return G_SOURCE_REMOVE;
}

/* GTK 4.8 sets the raw label property again itself whenever the button's
 * text changes, not necessarily before telling: the name is put right at
 * idle, once the change is done. */
static void
queue_button_name (GtkWidget  *button,
                   GParamSpec *pspec,
                   gpointer    unused)
{
  if (g_object_get_data (G_OBJECT (button), "pl-accessible-sync") != NULL)
    return;
  g_object_set_data (G_OBJECT (button), "pl-accessible-sync", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_DEFAULT, sync_button_name_cb, g_object_ref (button), g_object_unref);
}

/* A button showing text is named by that text as shown. GTK 4.8 names a
 * button by its raw label property ("_Add", the mnemonic's underscore
 * said), a button whose label is a child of its own (an AdwButtonContent)
 * not at all, and a labelled-by relation beside the label property says
 * both ("_Add Add"). So the label property is the text shown, without the
 * mnemonic, kept in step when the button's text changes. */
static void
name_button_by_text (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (queue_button_name), NULL);
  g_object_set_data (G_OBJECT (widget), "pl-accessible-sync", GINT_TO_POINTER (TRUE));
  sync_button_name_cb (widget);
}

static void
name_control (GtkWidget *widget)
{
  if (is_named (widget))
    return;

  if (ADW_IS_EXPANDER_ROW (widget))
    {
      g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
      expander_title_cb (widget);
      g_signal_connect (widget, "notify::title", G_CALLBACK (expander_title_cb), NULL);
      return;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    {
      name_menu_button (widget);
      return;
    }

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      GtkWidget *label;

      /* The menu button names its inner button; a drop-down's inner button
       * is announced as the drop-down (see the journeys' walk). */
      if (parent != NULL && (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent)))
        return;
      /* A view switcher's button: its page's title (its labels are not the
       * ones GTK 4.8 announces). */
      if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwViewSwitcherButton"))
        {
          g_autofree char *text = NULL;

          g_object_get (widget, "label", &text, NULL);
          if (text != NULL)
            pl_accessible_set_label (widget, text);
          return;
        }
      if (!button_has_text (widget))
        name_from_tooltip (widget);
      else if ((label = first_label (widget)) != NULL)
        name_button_by_text (widget);
      return;
    }

  if (GTK_IS_DROP_DOWN (widget))
    {
      name_from_tooltip (widget);
      return;
    }

  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && *placeholder != '\0')
        pl_accessible_set_label (widget, placeholder);
      else
        name_from_tooltip (widget);
      return;
    }
}

void
pl_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_control (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    pl_accessible_name_controls (c);
}

static GHashTable *pending;  /* GtkRoot → itself, weak */

static void
forget_root (gpointer data,
             GObject *where_the_object_was)
{
  (void) data;
  g_hash_table_remove (pending, where_the_object_was);
}

static gboolean
sweep_pending (gpointer user_data)
{
  g_autoptr(GList) roots = g_hash_table_get_keys (pending);

  (void) user_data;
  for (GList *l = roots; l != NULL; l = l->next)
    {
      g_object_weak_unref (l->data, forget_root, NULL);
      pl_accessible_name_controls (GTK_WIDGET (l->data));
    }
  g_hash_table_remove_all (pending);
  return G_SOURCE_REMOVE;
}

static gboolean
on_map_emission (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkRoot *root;

  (void) hint;
  (void) n_params;
  (void) user_data;
  root = gtk_widget_get_root (widget);
  if (root == NULL || g_hash_table_contains (pending, root))
    return TRUE;
  if (g_hash_table_size (pending) == 0)
    g_idle_add_full (G_PRIORITY_LOW, sweep_pending, NULL, NULL);
  g_hash_table_add (pending, root);
  g_object_weak_ref (G_OBJECT (root), forget_root, NULL);
  return TRUE;
}

void
pl_accessible_install (void)
{
  guint map_signal;

  if (pending != NULL)
    return;
  pending = g_hash_table_new (NULL, NULL);
  /* The signal exists once the class does. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (map_signal, 0, on_map_emission, NULL, NULL);
}
