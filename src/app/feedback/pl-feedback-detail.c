/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-amendment-box.h"
#include "pl-document-history.h"
#include "pl-feedback-detail-private.h"
#include "pl-feedback-format.h"
#include "pl-narrow-drop-down.h"
#include "pl-utils.h"

/* Typing in the response is written this long after the last key. */
#define RESPONSE_DEBOUNCE_MS 400

struct _PlFeedbackDetail
{
  GtkWidget      parent_instance;

  PlFeedback    *feedback;
  gulong         notify_id;
  guint          save_source;
  gboolean       loading;
  const char    *kind_class;

  GtkLabel      *kind_badge;
  GtkLabel      *time_label;
  GtkLabel      *body_label;
  GtkLabel      *who_label;
  GtkBox        *quote_box;
  GtkLabel      *quote_label;
  GtkBox        *orphan_box;
  GtkButton     *show_button;
  GtkDropDown   *kind_dropdown;
  GtkDropDown   *disposition_dropdown;
  GtkDropDown   *priority_dropdown;
  GtkMenuButton *target_button;
  GtkLabel      *target_label;
  GtkPopover    *target_popover;
  GtkListView   *target_list;
  GListStore    *targets;       /* the strategy, then pillars, objectives and actions in order */
  GtkTextView   *response_view;
  GtkLabel      *error_label;
  PlAmendmentBox *amendment_box;
};

G_DEFINE_FINAL_TYPE (PlFeedbackDetail, pl_feedback_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (PlFeedbackDetail *self,
            const GError     *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
}

static void
update (PlFeedbackDetail *self)
{
  PlFeedback *fb = self->feedback;
  PlDocument *doc = fb ? pl_record_get_document (PL_RECORD (fb)) : NULL;
  g_autoptr(PlRecord) stakeholder = NULL;
  g_autoptr(PlRecord) workshop = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *workshop_name = NULL;
  g_autofree char *quote = NULL;
  const char *q;
  const char *kind_class;

  gtk_widget_set_sensitive (GTK_WIDGET (self), fb != NULL && doc != NULL);
  pl_amendment_box_set_feedback (self->amendment_box, doc ? fb : NULL);
  if (fb == NULL || doc == NULL)
    return;

  self->loading = TRUE;

  gtk_label_set_text (self->kind_badge, pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)));
  kind_class = pl_feedback_kind_css_class (pl_feedback_get_kind (fb));
  if (self->kind_class != kind_class)
    {
      if (self->kind_class)
        gtk_widget_remove_css_class (GTK_WIDGET (self->kind_badge), self->kind_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->kind_badge), kind_class);
      self->kind_class = kind_class;
    }
  gtk_label_set_text (self->body_label, pl_feedback_get_body (fb));

  if (pl_feedback_get_stakeholder_id (fb) != 0)
    stakeholder = pl_document_lookup (doc, PL_TYPE_STAKEHOLDER, pl_feedback_get_stakeholder_id (fb), NULL);
  if (pl_feedback_get_workshop_id (fb) != 0)
    workshop = pl_document_lookup (doc, PL_TYPE_WORKSHOP, pl_feedback_get_workshop_id (fb), NULL);
  who = pl_feedback_format_stakeholder (PL_STAKEHOLDER (stakeholder));
  gtk_label_set_text (self->who_label, who);
  when = pl_feedback_format_time (pl_feedback_get_captured_at (fb), now);
  workshop_name = pl_feedback_format_workshop (PL_WORKSHOP (workshop));
  if (*workshop_name)
    {
      g_autofree char *both = g_strdup_printf ("%s · %s", when, workshop_name);
      gtk_label_set_text (self->time_label, both);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), both);
    }
  else
    {
      gtk_label_set_text (self->time_label, when);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), NULL);
    }

  q = pl_feedback_get_quote (fb);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_box), q != NULL && *q != '\0');
  if (q != NULL && *q != '\0')
    {
      quote = g_strdup_printf ("“%s”", q);
      gtk_label_set_text (self->quote_label, quote);
    }
  /* An applied amendment's passage is gone because it was applied. */
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_box),
                          pl_feedback_get_orphaned (fb) && *pl_feedback_get_answered_by (fb) == '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_button), !pl_feedback_get_orphaned (fb));

  gtk_drop_down_set_selected (self->kind_dropdown, pl_feedback_get_kind (fb));
  gtk_drop_down_set_selected (self->disposition_dropdown, pl_feedback_get_disposition (fb));
  gtk_drop_down_set_selected (self->priority_dropdown, pl_feedback_get_priority (fb));

  target = pl_document_get_feedback_target (doc, fb);
  target_name = pl_feedback_format_target (doc, target);
  gtk_label_set_text (self->target_label, target_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_button), target_name);

  /* Never replace what is being typed with an older saved value. */
  if (self->save_source == 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->response_view);
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (current, pl_feedback_get_response (fb)) != 0)
        gtk_text_buffer_set_text (buffer, pl_feedback_get_response (fb), -1);
    }

  self->loading = FALSE;
}

static void
disposition_selected_cb (PlFeedbackDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->disposition_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->feedback == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pl_feedback_get_disposition (self->feedback))
    return;
  if (!pl_record_set (PL_RECORD (self->feedback), &error, "disposition", (int) selected, NULL))
    update (self);
  show_error (self, error);
}

/* A comment that turns out to be a recommendation is reclassified here. */
static void
kind_selected_cb (PlFeedbackDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->feedback == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pl_feedback_get_kind (self->feedback))
    return;
  if (!pl_record_set (PL_RECORD (self->feedback), &error, "kind", (int) selected, NULL))
    update (self);
  show_error (self, error);
}

static void
priority_selected_cb (PlFeedbackDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->priority_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->feedback == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pl_feedback_get_priority (self->feedback))
    return;
  if (!pl_record_set (PL_RECORD (self->feedback), &error, "priority", (int) selected, NULL))
    update (self);
  show_error (self, error);
}

/* ---- response ---- */

static void
save_response (PlFeedbackDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->response_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  PlDocument *doc;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->feedback == NULL || pl_record_is_deleted (PL_RECORD (self->feedback)))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, pl_feedback_get_response (self->feedback)) == 0)
    return;
  /* The response box keeps its own undo; the document's history gets the
   * disposition, kind and priority. */
  doc = pl_record_get_document (PL_RECORD (self->feedback));
  if (doc != NULL)
    pl_document_history_suspend (doc);
  pl_record_set (PL_RECORD (self->feedback), &error, "response", text, NULL);
  if (doc != NULL)
    pl_document_history_resume (doc);
  show_error (self, error);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PlFeedbackDetail *self = user_data;

  self->save_source = 0;
  save_response (self);
  return G_SOURCE_REMOVE;
}

static void
response_changed_cb (GtkTextBuffer    *buffer,
                     PlFeedbackDetail *self)
{
  if (self->loading || self->feedback == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (RESPONSE_DEBOUNCE_MS, save_timeout_cb, self);
}

/* ---- retarget ---- */

/* Rows are built only for what is on screen: a big strategy has thousands of actions. */
static void
setup_target_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_target_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  PlRecord *record = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  PlDocument *doc = pl_record_get_document (record);
  g_autofree char *name = doc ? pl_feedback_format_target (doc, PL_IS_STRATEGY (record) ? NULL : record) : NULL;
  int depth = PL_IS_ACTION (record) ? 2 : PL_IS_OBJECTIVE (record) ? 1 : 0;

  gtk_label_set_text (GTK_LABEL (label), name ? name : "");
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_set_margin_start (label, 6 + depth * 18);
  if (depth == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
target_popover_show_cb (PlFeedbackDetail *self)
{
  PlDocument *doc;
  GListModel *pillars;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_list_store_remove_all (self->targets);
  if (self->feedback == NULL || (doc = pl_record_get_document (PL_RECORD (self->feedback))) == NULL)
    return;

  g_ptr_array_add (items, g_object_ref (pl_document_get_strategy (doc)));
  pillars = pl_document_get_pillars (doc);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      PlPillar *pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (doc, pillar);

      g_ptr_array_add (items, pillar);
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          PlObjective *objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (doc, objective);

          g_ptr_array_add (items, objective);
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            g_ptr_array_add (items, g_list_model_get_item (actions, k));
        }
    }
  g_list_store_splice (self->targets, 0, 0, items->pdata, items->len);
}

static void
target_activate_cb (PlFeedbackDetail *self,
                    guint             position)
{
  g_autoptr(PlRecord) target = g_list_model_get_item (G_LIST_MODEL (self->targets), position);
  g_autoptr(GError) error = NULL;
  PlDocument *doc;

  gtk_popover_popdown (self->target_popover);
  if (target == NULL || self->feedback == NULL ||
      (doc = pl_record_get_document (PL_RECORD (self->feedback))) == NULL)
    return;
  if (!pl_document_retarget_feedback (doc, self->feedback, PL_IS_STRATEGY (target) ? NULL : target, &error))
    show_error (self, error);
  update (self);
}

/* ---- GObject ---- */

static void
feedback_notify_cb (PlFeedbackDetail *self)
{
  update (self);
}

static void
pl_feedback_detail_dispose (GObject *object)
{
  PlFeedbackDetail *self = PL_FEEDBACK_DETAIL (object);
  GtkWidget *child;

  pl_feedback_detail_set_feedback (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_FEEDBACK_DETAIL);
  g_clear_object (&self->targets);
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_feedback_detail_parent_class)->dispose (object);
}

static void
pl_feedback_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlFeedbackDetail *self = PL_FEEDBACK_DETAIL (object);

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
pl_feedback_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlFeedbackDetail *self = PL_FEEDBACK_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FEEDBACK:
      pl_feedback_detail_set_feedback (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_detail_class_init (PlFeedbackDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_feedback_detail_dispose;
  object_class->get_property = pl_feedback_detail_get_property;
  object_class->set_property = pl_feedback_detail_set_property;

  properties[PROP_FEEDBACK] =
    g_param_spec_object ("feedback", NULL, NULL, PL_TYPE_FEEDBACK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  g_type_ensure (PL_TYPE_AMENDMENT_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-feedback-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, time_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, body_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, who_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, quote_box);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, orphan_box);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, show_button);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, disposition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, target_button);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, target_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, target_popover);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, target_list);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, response_view);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackDetail, amendment_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, disposition_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, priority_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackdetail");
}

static void
pl_feedback_detail_init (PlFeedbackDetail *self)
{
  GtkLayoutManager *layout;
  g_autoptr(GtkStringList) dispositions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  /* In a 300-px pane the rows' choices shorten rather than widen it. */
  pl_narrow_drop_down (self->kind_dropdown);
  pl_narrow_drop_down (self->disposition_dropdown);
  pl_narrow_drop_down (self->priority_dropdown);

  for (guint i = 0; i < pl_enum_count (PL_TYPE_FEEDBACK_KIND); i++)
    gtk_string_list_append (kinds, pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  for (guint i = 0; i < pl_enum_count (PL_TYPE_DISPOSITION); i++)
    gtk_string_list_append (dispositions, pl_enum_to_label (PL_TYPE_DISPOSITION, i));
  gtk_drop_down_set_model (self->disposition_dropdown, G_LIST_MODEL (dispositions));
  for (guint i = 0; i < pl_enum_count (PL_TYPE_PRIORITY); i++)
    gtk_string_list_append (priorities, pl_enum_to_label (PL_TYPE_PRIORITY, i));
  gtk_drop_down_set_model (self->priority_dropdown, G_LIST_MODEL (priorities));

  g_signal_connect (gtk_text_view_get_buffer (self->response_view), "changed",
                    G_CALLBACK (response_changed_cb), self);

  self->targets = g_list_store_new (PL_TYPE_RECORD);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_target_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_target_cb), NULL);
  gtk_list_view_set_factory (self->target_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->targets)));
  gtk_list_view_set_model (self->target_list, GTK_SELECTION_MODEL (selection));
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pl_feedback_detail_new (void)
{
  return g_object_new (PL_TYPE_FEEDBACK_DETAIL, NULL);
}

PlFeedback *
pl_feedback_detail_get_feedback (PlFeedbackDetail *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_DETAIL (self), NULL);
  return self->feedback;
}

void
pl_feedback_detail_set_feedback (PlFeedbackDetail *self,
                                 PlFeedback       *feedback)
{
  g_return_if_fail (PL_IS_FEEDBACK_DETAIL (self));
  g_return_if_fail (feedback == NULL || PL_IS_FEEDBACK (feedback));

  if (self->feedback == feedback)
    return;
  /* What was typed for the previous item goes to the previous item. */
  pl_feedback_detail_flush (self);
  if (self->feedback != NULL)
    g_clear_signal_handler (&self->notify_id, self->feedback);
  g_set_object (&self->feedback, feedback);
  if (feedback != NULL)
    self->notify_id = g_signal_connect_object (feedback, "notify", G_CALLBACK (feedback_notify_cb),
                                               self, G_CONNECT_SWAPPED);
  show_error (self, NULL);
  if (feedback == NULL && self->response_view != NULL)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->response_view), "", 0);
      self->loading = FALSE;
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
}

/* Says again what the item is about: its target was renumbered or renamed. */
void
pl_feedback_detail_refresh (PlFeedbackDetail *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_DETAIL (self));
  if (self->feedback != NULL)
    update (self);
}

void
pl_feedback_detail_flush (PlFeedbackDetail *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_DETAIL (self));

  if (self->save_source != 0)
    save_response (self);
}

void
pl_feedback_detail_focus_disposition (PlFeedbackDetail *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_DETAIL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->disposition_dropdown));
}

GtkDropDown *
pl_feedback_detail_get_disposition_dropdown (PlFeedbackDetail *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_DETAIL (self), NULL);
  return self->disposition_dropdown;
}

GtkDropDown *
pl_feedback_detail_get_priority_dropdown (PlFeedbackDetail *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_DETAIL (self), NULL);
  return self->priority_dropdown;
}

GtkTextBuffer *
pl_feedback_detail_get_response_buffer (PlFeedbackDetail *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_DETAIL (self), NULL);
  return gtk_text_view_get_buffer (self->response_view);
}

GtkDropDown *
pl_feedback_detail_get_kind_dropdown (PlFeedbackDetail *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_DETAIL (self), NULL);
  return self->kind_dropdown;
}
