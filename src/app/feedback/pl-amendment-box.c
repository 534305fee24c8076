/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-amendment-box.h"
#include "pl-review.h"
#include "pl-utils.h"

struct _PlAmendmentBox
{
  GtkWidget    parent_instance;

  PlFeedback  *feedback;

  GtkLabel    *operation_label;
  GtkLabel    *proposal_label;
  GtkLabel    *answered_label;
  GtkLabel    *error_label;
  GtkButton   *apply_button;
};

G_DEFINE_FINAL_TYPE (PlAmendmentBox, pl_amendment_box, GTK_TYPE_WIDGET)

static void
update (PlAmendmentBox *self)
{
  PlFeedback *fb = self->feedback;
  PlDocument *doc = fb ? pl_record_get_document (PL_RECORD (fb)) : NULL;
  g_autofree char *answer = NULL;
  const char *operation;
  gboolean amendment = fb != NULL && doc != NULL && pl_feedback_get_kind (fb) == PL_FEEDBACK_AMENDMENT;

  gtk_widget_set_visible (GTK_WIDGET (self), amendment);
  if (!amendment)
    return;

  switch (pl_feedback_get_operation (fb))
    {
    case PL_AMENDMENT_INSERT_AFTER:
      operation = _("Proposed: insert after the passage");
      break;
    case PL_AMENDMENT_DELETE:
      operation = _("Proposed: delete the passage");
      break;
    case PL_AMENDMENT_REPLACE:
    default:
      operation = _("Proposed: replace the passage with");
      break;
    }
  /* A returned copy's change says how it came: tracked, or found by
   * comparing the copy with the strategy ("Untracked edit"). */
  if (pl_feedback_get_origin (fb) == PL_FEEDBACK_ORIGIN_CAPTURED)
    gtk_label_set_text (self->operation_label, operation);
  else
    {
      /* Translators: "Untracked edit · Proposed: replace the passage with" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"),
                                               pl_enum_to_label (PL_TYPE_FEEDBACK_ORIGIN, pl_feedback_get_origin (fb)),
                                               operation);
      gtk_label_set_text (self->operation_label, text);
    }
  gtk_label_set_text (self->proposal_label, pl_feedback_get_proposal (fb));
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_label),
                          pl_feedback_get_operation (fb) != PL_AMENDMENT_DELETE);

  answer = pl_review_describe_answer (doc, fb);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_label), answer != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), answer == NULL);
  if (answer != NULL)
    {
      /* Translators: "Applied: the change to objective “…” (description)" */
      g_autofree char *text = g_strdup_printf (_("Applied: %s"), answer);

      gtk_label_set_text (self->answered_label, text);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), !pl_document_is_read_only (doc));
}

static void
apply_clicked_cb (PlAmendmentBox *self)
{
  g_autoptr(GError) error = NULL;
  PlDocument *doc;

  if (self->feedback == NULL || (doc = pl_record_get_document (PL_RECORD (self->feedback))) == NULL)
    return;
  /* On failure (the passage is gone) the item stays open and the box says why. */
  pl_review_accept_amendment (doc, self->feedback, NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
  update (self);
}

static void
feedback_notify_cb (PlAmendmentBox *self)
{
  update (self);
}

static void
pl_amendment_box_dispose (GObject *object)
{
  PlAmendmentBox *self = PL_AMENDMENT_BOX (object);

  pl_amendment_box_set_feedback (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_AMENDMENT_BOX);
  G_OBJECT_CLASS (pl_amendment_box_parent_class)->dispose (object);
}

static void
pl_amendment_box_class_init (PlAmendmentBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_amendment_box_dispose;

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-amendment-box.ui");
  gtk_widget_class_bind_template_child (widget_class, PlAmendmentBox, operation_label);
  gtk_widget_class_bind_template_child (widget_class, PlAmendmentBox, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, PlAmendmentBox, answered_label);
  gtk_widget_class_bind_template_child (widget_class, PlAmendmentBox, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlAmendmentBox, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amendmentbox");
}

static void
pl_amendment_box_init (PlAmendmentBox *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
pl_amendment_box_set_feedback (PlAmendmentBox *self,
                               PlFeedback     *feedback)
{
  g_return_if_fail (PL_IS_AMENDMENT_BOX (self));
  g_return_if_fail (feedback == NULL || PL_IS_FEEDBACK (feedback));

  if (self->feedback != feedback)
    {
      if (self->feedback != NULL)
        g_signal_handlers_disconnect_by_func (self->feedback, feedback_notify_cb, self);
      g_set_object (&self->feedback, feedback);
      if (feedback != NULL)
        g_signal_connect_object (feedback, "notify", G_CALLBACK (feedback_notify_cb), self, G_CONNECT_SWAPPED);
      if (self->error_label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  if (self->operation_label != NULL)
    update (self);
}
