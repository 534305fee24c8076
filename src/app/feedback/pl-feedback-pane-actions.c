/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the feedback pane does: one function per action. */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-document-history.h"
#include "pl-feedback-detail.h"
#include "pl-feedback-filter-bar.h"
#include "pl-feedback-pane-private.h"
#include "pl-stakeholders-dialog.h"
#include "pl-workshops-dialog.h"

static void
feedback_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);
  g_autoptr(PlFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (pl_feedback_pane_get_selected (self) == NULL)
    return;
  feedback = g_object_ref (pl_feedback_pane_get_selected (self));
  pl_feedback_detail_flush (self->detail);
  if (!pl_document_delete (self->document, PL_RECORD (feedback), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  pl_feedback_pane_show_in_detail (self, NULL);
  g_set_object (&self->last_deleted, feedback);
  pl_feedback_pane_update_actions (self);

  what = pl_document_describe_record (PL_RECORD (feedback));
  /* Translators: a toast after a delete; %s is the item, e.g. feedback “Add a CSIRT plan”. */
  title = g_strdup_printf (_("Deleted %s"), what);
  /* Undo through the history while the delete is still the last change. */
  g_object_set_data_full (G_OBJECT (self), "pl-undo-label",
                          g_strdup (pl_document_get_undo_label (self->document)), g_free);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "feedback.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
feedback_undo_delete_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);
  g_autoptr(PlFeedback) feedback = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;
  const char *label = g_object_get_data (G_OBJECT (self), "pl-undo-label");
  gboolean ok;

  pl_feedback_pane_update_actions (self);
  if (feedback == NULL || !pl_record_is_deleted (PL_RECORD (feedback)))
    return;
  if (label != NULL && g_strcmp0 (pl_document_get_undo_label (self->document), label) == 0)
    ok = pl_document_undo (self->document, NULL, &error);
  else
    ok = pl_document_undelete (self->document, PL_RECORD (feedback), &error);
  if (!ok)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  pl_feedback_pane_select (self, feedback);
}

static void
feedback_show_passage_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);
  PlFeedback *feedback = pl_feedback_pane_get_selected (self);

  if (feedback != NULL && !pl_feedback_get_orphaned (feedback))
    pl_feedback_pane_emit_show_passage (self, feedback);
}

static void
feedback_close_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  if (self->detail != NULL)
    pl_feedback_detail_flush (self->detail);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  pl_feedback_pane_show_in_detail (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
pane_focus_capture_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  pl_feedback_pane_focus_capture (PL_FEEDBACK_PANE (widget));
}

static void
pane_focus_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  pl_feedback_filter_bar_focus_search (PL_FEEDBACK_PANE (widget)->filter_bar);
}

static void
present_dialog (PlFeedbackPane *self,
                GtkWindow      *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
      gtk_window_set_modal (dialog, TRUE);
    }
  gtk_window_present (dialog);
}

static void
pane_workshops_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  present_dialog (self, GTK_WINDOW (pl_workshops_dialog_new (self->document)));
}

static void
pane_stakeholders_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  present_dialog (self, GTK_WINDOW (pl_stakeholders_dialog_new (self->document)));
}

void
pl_feedback_pane_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "feedback.delete", NULL, feedback_delete_action);
  gtk_widget_class_install_action (widget_class, "feedback.undo-delete", NULL, feedback_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "feedback.show-passage", NULL, feedback_show_passage_action);
  gtk_widget_class_install_action (widget_class, "feedback.close", NULL, feedback_close_action);
  gtk_widget_class_install_action (widget_class, "pane.focus-capture", NULL, pane_focus_capture_action);
  gtk_widget_class_install_action (widget_class, "pane.focus-search", NULL, pane_focus_search_action);
  gtk_widget_class_install_action (widget_class, "pane.workshops", NULL, pane_workshops_action);
  gtk_widget_class_install_action (widget_class, "pane.stakeholders", NULL, pane_stakeholders_action);

  /* Only reached when no text field took the key first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "feedback.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "feedback.close", NULL);
  /* Ctrl+Alt+F (the window's, from anywhere) goes to the feedback search;
   * Ctrl+Shift+F is the whole strategy's search. */
}
