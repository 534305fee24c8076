/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-feedback-format.h"
#include "pl-utils.h"
#include "pl-feedback-row.h"

struct _PlFeedbackRow
{
  GtkWidget    parent_instance;

  PlFeedback  *feedback;
  gulong       notify_id;
  const char  *kind_class;
  const char  *disposition_class;

  GtkLabel    *kind_badge;
  GtkLabel    *disposition_badge;
  GtkLabel    *orphan_badge;
  GtkLabel    *time_label;
  GtkLabel    *body_label;
  GtkLabel    *quote_label;
  GtkLabel    *who_label;
  GtkLabel    *where_label;
  char        *announce;     /* what a screen reader says for the row */
};

G_DEFINE_FINAL_TYPE (PlFeedbackRow, pl_feedback_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
swap_class (GtkWidget   *widget,
            const char **current,
            const char  *wanted)
{
  if (*current == wanted)
    return;
  if (*current != NULL)
    gtk_widget_remove_css_class (widget, *current);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
  *current = wanted;
}

/* The list view's row around this widget is what a screen reader lands
 * on; GTK 4.8 has no API to name it (gtk_list_item_set_accessible_label is
 * 4.12), so the row names itself and its parent, whichever that is now. */
static void
announce_on_parent (PlFeedbackRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->announce == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->announce, -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, self->announce, -1);
}

static void
update (PlFeedbackRow *self)
{
  PlFeedback *fb = self->feedback;
  PlDocument *doc = fb ? pl_record_get_document (PL_RECORD (fb)) : NULL;
  g_autoptr(PlRecord) stakeholder = NULL;
  g_autoptr(PlRecord) workshop = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *who = NULL;
  g_autofree char *where = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *workshop_name = NULL;
  g_autofree char *time = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *accessible = NULL;
  const char *q;
  PlFeedbackKind kind;
  PlDisposition disposition;

  if (fb == NULL || doc == NULL)
    {
      gtk_label_set_text (self->body_label, "");
      return;
    }

  kind = pl_feedback_get_kind (fb);
  disposition = pl_feedback_get_disposition (fb);
  gtk_label_set_text (self->kind_badge, pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, kind));
  swap_class (GTK_WIDGET (self->kind_badge), &self->kind_class, pl_feedback_kind_css_class (kind));
  gtk_label_set_text (self->disposition_badge, pl_enum_to_label (PL_TYPE_DISPOSITION, disposition));
  swap_class (GTK_WIDGET (self->disposition_badge), &self->disposition_class,
              pl_feedback_disposition_css_class (disposition));
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_badge), pl_feedback_get_orphaned (fb));

  now = g_date_time_new_now_utc ();
  time = pl_feedback_format_time (pl_feedback_get_captured_at (fb), now);
  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->body_label, pl_feedback_get_body (fb));

  q = pl_feedback_get_quote (fb);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), q != NULL && *q != '\0');
  if (q != NULL && *q != '\0')
    {
      quote = g_strdup_printf ("“%s”", q);
      gtk_label_set_text (self->quote_label, quote);
    }

  if (pl_feedback_get_stakeholder_id (fb) != 0)
    stakeholder = pl_document_lookup (doc, PL_TYPE_STAKEHOLDER, pl_feedback_get_stakeholder_id (fb), NULL);
  who = pl_feedback_format_stakeholder (PL_STAKEHOLDER (stakeholder));
  gtk_label_set_text (self->who_label, who);

  target = pl_document_get_feedback_target (doc, fb);
  target_name = pl_feedback_format_target (doc, target);
  if (pl_feedback_get_workshop_id (fb) != 0)
    workshop = pl_document_lookup (doc, PL_TYPE_WORKSHOP, pl_feedback_get_workshop_id (fb), NULL);
  workshop_name = pl_feedback_format_workshop (PL_WORKSHOP (workshop));
  where = *workshop_name ? g_strdup_printf ("%s · %s", target_name, workshop_name)
                         : g_strdup (target_name);
  gtk_label_set_text (self->where_label, where);

  /* "Recommendation, open, Grace Mwale, Ministry of ICT: Add a target …
   * (Capacity building · Validation workshop)": what the row shows, in the
   * order the eye reads it. */
  accessible = g_strdup_printf ("%s, %s, %s: %s (%s)",
                                pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, kind),
                                pl_enum_to_label (PL_TYPE_DISPOSITION, disposition),
                                who, pl_feedback_get_body (fb), where);
  g_free (self->announce);
  self->announce = g_steal_pointer (&accessible);
  announce_on_parent (self);
}

static void
feedback_notify_cb (PlFeedbackRow *self)
{
  update (self);
}

static void
pl_feedback_row_dispose (GObject *object)
{
  PlFeedbackRow *self = PL_FEEDBACK_ROW (object);
  GtkWidget *child;

  pl_feedback_row_set_feedback (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_FEEDBACK_ROW);
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->announce, g_free);
  G_OBJECT_CLASS (pl_feedback_row_parent_class)->dispose (object);
}

static void
pl_feedback_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlFeedbackRow *self = PL_FEEDBACK_ROW (object);

  switch (prop_id)
    {
    case PROP_FEEDBACK:
      g_value_set_object (value, self->feedback);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlFeedbackRow *self = PL_FEEDBACK_ROW (object);

  switch (prop_id)
    {
    case PROP_FEEDBACK:
      pl_feedback_row_set_feedback (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_row_class_init (PlFeedbackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_feedback_row_dispose;
  object_class->get_property = pl_feedback_row_get_property;
  object_class->set_property = pl_feedback_row_set_property;

  properties[PROP_FEEDBACK] =
    g_param_spec_object ("feedback", NULL, NULL, PL_TYPE_FEEDBACK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-feedback-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, disposition_badge);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, orphan_badge);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, who_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackRow, where_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackrow");
}

static void
pl_feedback_row_init (PlFeedbackRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  g_signal_connect (self, "notify::parent", G_CALLBACK (announce_on_parent), NULL);
}

GtkWidget *
pl_feedback_row_new (void)
{
  return g_object_new (PL_TYPE_FEEDBACK_ROW, NULL);
}

PlFeedback *
pl_feedback_row_get_feedback (PlFeedbackRow *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_ROW (self), NULL);
  return self->feedback;
}

void
pl_feedback_row_set_feedback (PlFeedbackRow *self,
                              PlFeedback    *feedback)
{
  g_return_if_fail (PL_IS_FEEDBACK_ROW (self));
  g_return_if_fail (feedback == NULL || PL_IS_FEEDBACK (feedback));

  if (self->feedback == feedback)
    return;
  if (self->feedback != NULL)
    g_clear_signal_handler (&self->notify_id, self->feedback);
  g_set_object (&self->feedback, feedback);
  if (feedback != NULL)
    self->notify_id = g_signal_connect_object (feedback, "notify", G_CALLBACK (feedback_notify_cb),
                                               self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
}

void
pl_feedback_row_refresh (PlFeedbackRow *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_ROW (self));
  update (self);
}
