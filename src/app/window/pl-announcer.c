/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-announcer.h"

#define ROOT_KEY "pl-announcer"

struct _PlAnnouncer
{
  GtkWidget  parent_instance;

  char      *message;
};

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PlAnnouncer, pl_announcer, GTK_TYPE_WIDGET)

/* The window finds its announcer through its root, so any widget in it
 * can announce without knowing the window. */
static void
pl_announcer_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pl_announcer_parent_class)->root (widget);
  g_object_set_data (G_OBJECT (gtk_widget_get_root (widget)), ROOT_KEY, widget);
}

static void
pl_announcer_unroot (GtkWidget *widget)
{
  GObject *root = G_OBJECT (gtk_widget_get_root (widget));

  if (g_object_get_data (root, ROOT_KEY) == widget)
    g_object_set_data (root, ROOT_KEY, NULL);
  GTK_WIDGET_CLASS (pl_announcer_parent_class)->unroot (widget);
}

static void
pl_announcer_finalize (GObject *object)
{
  PlAnnouncer *self = PL_ANNOUNCER (object);

  g_free (self->message);
  G_OBJECT_CLASS (pl_announcer_parent_class)->finalize (object);
}

static void
pl_announcer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlAnnouncer *self = PL_ANNOUNCER (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_announcer_class_init (PlAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_announcer_finalize;
  object_class->get_property = pl_announcer_get_property;
  widget_class->root = pl_announcer_root;
  widget_class->unroot = pl_announcer_unroot;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "announcer");
  /* ARIA's status: advisory information, said when it changes. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
pl_announcer_init (PlAnnouncer *self)
{
  /* Never in the way of a pointer or of the keyboard; it measures 0×0. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pl_announcer_new (void)
{
  return g_object_new (PL_TYPE_ANNOUNCER, NULL);
}

const char *
pl_announcer_get_message (PlAnnouncer *self)
{
  g_return_val_if_fail (PL_IS_ANNOUNCER (self), NULL);
  return self->message;
}

void
pl_announcer_announce (PlAnnouncer *self,
                       const char  *message)
{
  g_return_if_fail (PL_IS_ANNOUNCER (self));

  if (message == NULL || *message == '\0')
    return;
  /* The same name again is no change to AT-SPI: the second capture of the
   * same kind from the same person would pass unsaid. Emptied first, it
   * changes twice; screen readers skip the empty name. */
  if (g_strcmp0 (self->message, message) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

PlAnnouncer *
pl_announcer_find (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return root != NULL ? g_object_get_data (G_OBJECT (root), ROOT_KEY) : NULL;
}

void
pl_announcer_announce_in (GtkWidget  *widget,
                          const char *message)
{
  PlAnnouncer *announcer = pl_announcer_find (widget);

  if (announcer != NULL)
    pl_announcer_announce (announcer, message);
}
