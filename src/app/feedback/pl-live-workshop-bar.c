/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-feedback-format.h"
#include "pl-live-workshop-bar.h"
#include "pl-utils.h"

struct _PlLiveWorkshopBar
{
  GtkWidget    parent_instance;

  PlWorkshop  *workshop;

  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (PlLiveWorkshopBar, pl_live_workshop_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSHOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pl_live_workshop_bar_dispose (GObject *object)
{
  PlLiveWorkshopBar *self = PL_LIVE_WORKSHOP_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_LIVE_WORKSHOP_BAR);
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (pl_live_workshop_bar_parent_class)->dispose (object);
}

static void
pl_live_workshop_bar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlLiveWorkshopBar *self = PL_LIVE_WORKSHOP_BAR (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_live_workshop_bar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlLiveWorkshopBar *self = PL_LIVE_WORKSHOP_BAR (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      pl_live_workshop_bar_set_workshop (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_live_workshop_bar_class_init (PlLiveWorkshopBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_live_workshop_bar_dispose;
  object_class->get_property = pl_live_workshop_bar_get_property;
  object_class->set_property = pl_live_workshop_bar_set_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, PL_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-live-workshop-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlLiveWorkshopBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, PlLiveWorkshopBar, label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "liveworkshopbar");
}

static void
pl_live_workshop_bar_init (PlLiveWorkshopBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_live_workshop_bar_new (void)
{
  return g_object_new (PL_TYPE_LIVE_WORKSHOP_BAR, NULL);
}

PlWorkshop *
pl_live_workshop_bar_get_workshop (PlLiveWorkshopBar *self)
{
  g_return_val_if_fail (PL_IS_LIVE_WORKSHOP_BAR (self), NULL);
  return self->workshop;
}

void
pl_live_workshop_bar_refresh (PlLiveWorkshopBar *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PL_IS_LIVE_WORKSHOP_BAR (self));

  text = pl_feedback_format_live (self->workshop);
  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
  gtk_label_set_text (self->label, text ? text : "");
  /* One line, so workshop mode costs the list as little height as it can;
   * the whole name is in the tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), text);
}

void
pl_live_workshop_bar_set_workshop (PlLiveWorkshopBar *self,
                                   PlWorkshop        *workshop)
{
  g_return_if_fail (PL_IS_LIVE_WORKSHOP_BAR (self));
  g_return_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;
  pl_live_workshop_bar_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}
