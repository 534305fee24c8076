/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-capture-bar.h"
#include "pl-feedback-detail-private.h"
#include "pl-feedback-filter-bar-private.h"
#include "pl-feedback-format.h"
#include "pl-feedback-pane-private.h"
#include "pl-feedback-row.h"
#include "pl-live-workshop-bar.h"
#include "pl-narrow-drop-down.h"
#include "pl-utils.h"

G_DEFINE_FINAL_TYPE (PlFeedbackPane, pl_feedback_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TARGET,
  PROP_QUOTE_BUFFER,
  PROP_ACTIVE_WORKSHOP,
  N_PROPS
};

enum {
  SHOW_PASSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- detail ---- */

static void detail_feedback_notify_cb (PlFeedbackPane *self);

/* The detail area is made when an item is first opened in it, not with
 * the pane (it is hidden until then). */
static PlFeedbackDetail *
ensure_detail (PlFeedbackPane *self)
{
  if (self->detail == NULL)
    {
      self->detail = PL_FEEDBACK_DETAIL (pl_feedback_detail_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->detail), "feedback-detail");
      gtk_scrolled_window_set_child (self->detail_scroller, GTK_WIDGET (self->detail));
      g_signal_connect_object (self->detail, "notify::feedback", G_CALLBACK (detail_feedback_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return self->detail;
}

static gboolean reveal_response_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data);

static PlFeedback *
detail_feedback (PlFeedbackPane *self)
{
  return self->detail != NULL ? pl_feedback_detail_get_feedback (self->detail) : NULL;
}

/* ---- state ---- */

void
pl_feedback_pane_update_actions (PlFeedbackPane *self)
{
  PlFeedback *fb = detail_feedback (self);
  const char *quote = fb ? pl_feedback_get_quote (fb) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.delete", fb != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.close", fb != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.show-passage",
                                 fb != NULL && quote != NULL && *quote != '\0' && !pl_feedback_get_orphaned (fb));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.undo-delete", self->last_deleted != NULL);
}

static void
update_count (PlFeedbackPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  pl_feedback_filter_bar_show_count (self->filter_bar, pl_feedback_list_get_open_count (self->list), n);
  if (n == 0)
    {
      const PlFeedbackQuery *q = pl_feedback_list_get_query (self->list);
      gboolean filtered = q->text != NULL || q->kind >= 0 || q->disposition >= 0 || q->sector >= 0 ||
                          q->workshop_id > 0 || q->orphaned >= 0 || q->pillar_id > 0;

      adw_status_page_set_title (self->empty_page, filtered ? _("Nothing matches") : _("No feedback yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Change the filters or the search to see more")
                                                : _("Type what a stakeholder says in the box above and press Enter"));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n == 0 ? "empty" : "list");
}

static void
update_live (PlFeedbackPane *self)
{
  pl_live_workshop_bar_set_workshop (self->live_bar, self->active_workshop);
  /* The workshop may have been renamed or moved. */
  pl_live_workshop_bar_refresh (self->live_bar);
  if (self->active_workshop != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "live");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "live");
}

static int
index_of_workshop (PlFeedbackPane *self,
                   gint64          id)
{
  for (guint i = 0; i < self->workshops->len; i++)
    if (pl_record_get_id (g_ptr_array_index (self->workshops, i)) == id)
      return (int) i;
  return -1;
}

/* The live dropdown lists "not live" and then every workshop. */
static void
rebuild_workshops (PlFeedbackPane *self)
{
  GListModel *workshops = pl_document_get_workshops (self->document);
  g_autoptr(GtkStringList) live = gtk_string_list_new (NULL);
  int live_index;

  g_ptr_array_set_size (self->workshops, 0);
  gtk_string_list_append (live, _("Not live"));
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (workshops, i);
      g_autofree char *name = pl_feedback_format_workshop (w);
      g_autofree char *live_name = g_strdup_printf (_("Live: %s"), name);

      g_ptr_array_add (self->workshops, g_object_ref (w));
      gtk_string_list_append (live, live_name);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->live_dropdown, G_LIST_MODEL (live));
  live_index = self->active_workshop ? index_of_workshop (self, pl_record_get_id (PL_RECORD (self->active_workshop))) : -1;
  gtk_drop_down_set_selected (self->live_dropdown, live_index + 1);
  self->updating = FALSE;

  /* The live workshop was deleted. */
  if (self->active_workshop != NULL && live_index < 0)
    pl_feedback_pane_set_active_workshop (self, NULL);
  else
    update_live (self);
}

static void
apply_filters (PlFeedbackPane *self)
{
  PlFeedbackQuery query;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->list == NULL || self->filter_bar == NULL)
    return;

  pl_feedback_filter_bar_get_query (self->filter_bar, &query);
  if (!pl_feedback_query_equal (&query, pl_feedback_list_get_query (self->list)))
    pl_feedback_pane_rows_before_change (self);
  if (!pl_feedback_list_set_query (self->list, &query, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: a toast when the feedback list could not be filtered; %s is why. */
      title = g_strdup_printf (_("Could not filter the feedback: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
  pl_feedback_query_clear (&query);
  update_count (self);
  /* The detail shows only what the filters let through: an item answered
   * under "Open" stays while it is being answered, but a new filter that
   * excludes it closes it. */
  if (self->watched != NULL && pl_feedback_list_find (self->list, pl_record_get_id (PL_RECORD (self->watched))) < 0)
    pl_feedback_pane_show_in_detail (self, NULL);
}

static void
filters_changed_cb (PlFeedbackPane *self)
{
  apply_filters (self);
}

static void
live_selected_cb (PlFeedbackPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->live_dropdown);

  if (self->updating)
    return;
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected - 1 >= self->workshops->len)
    pl_feedback_pane_set_active_workshop (self, NULL);
  else
    pl_feedback_pane_set_active_workshop (self, g_ptr_array_index (self->workshops, selected - 1));
}

static void
document_changed_cb (PlFeedbackPane *self,
                     PlRecord       *record)
{
  GHashTableIter iter;
  gpointer row;

  if (record != NULL && PL_IS_WORKSHOP (record))
    rebuild_workshops (self);
  /* Rows show names of other records: follow renames (only rows on screen),
   * and the numbers of what they are about ("4.2 …"). */
  if (record != NULL && (PL_IS_WORKSHOP (record) || PL_IS_STAKEHOLDER (record) || PL_IS_PILLAR (record) ||
                         PL_IS_OBJECTIVE (record) || PL_IS_ACTION (record) || PL_IS_SECTION (record)))
    {
      g_hash_table_iter_init (&iter, self->bound_rows);
      while (g_hash_table_iter_next (&iter, &row, NULL))
        pl_feedback_row_refresh (row);
    }
}

/* A pillar, objective or action moved or went: what the rows and the
 * detail are about is numbered from positions, so say it again. */
static void
document_renumbered_cb (PlFeedbackPane *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    pl_feedback_row_refresh (row);
  if (self->detail != NULL)
    pl_feedback_detail_refresh (self->detail);
}

/* ---- list ---- */

/* GtkListView (GTK 4.8) makes a row widget for up to 200 items whatever its
 * height, and only a few fit in the pane: until the pane's first frame is
 * drawn, the view sees only as many items as fit on the screen
 * (pl_feedback_pane_screen_rows). */
static void
show_all_rows (PlFeedbackPane *self)
{
  pl_feedback_pane_rows_stop (self);
  if (self->rows != NULL && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
}

/* Once the window is up: the first change of a filter or a search then
 * reads nothing (see pl_feedback_list_preload). */
static gboolean
preload_cb (gpointer data)
{
  PlFeedbackPane *self = data;

  self->preload_id = 0;
  if (self->list != NULL)
    pl_feedback_list_preload (self->list);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GtkWidget *widget)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (widget);

  show_all_rows (self);
  if (self->preload_id == 0)
    self->preload_id = g_idle_add_full (G_PRIORITY_LOW, preload_cb, self, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, pl_feedback_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlFeedbackPane           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  pl_feedback_row_set_feedback (PL_FEEDBACK_ROW (row), gtk_list_item_get_item (item));
  if (self->bound_rows != NULL)
    g_hash_table_add (self->bound_rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PlFeedbackPane           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  pl_feedback_row_set_feedback (PL_FEEDBACK_ROW (row), NULL);
  if (self->bound_rows != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

/* Answering after the workshop needs the height more than the capture bar;
 * in workshop mode the capture bar never goes away. */
static void
set_capture_shown (PlFeedbackPane *self,
                   gboolean        shown)
{
  self->capture_wanted = shown;
  /* Opening an item is going on to answer: the bar folds as before. */
  if (!shown)
    self->capture_opened = FALSE;
  _pl_feedback_pane_apply_capture (self);
}

static void
watched_notify_cb (PlFeedbackPane *self)
{
  pl_feedback_pane_update_actions (self);
}

void
pl_feedback_pane_show_in_detail (PlFeedbackPane *self,
                                 PlFeedback     *feedback)
{
  if (self->watched != feedback)
    {
      if (self->watched != NULL)
        g_clear_signal_handler (&self->watched_id, self->watched);
      g_set_object (&self->watched, feedback);
      if (feedback != NULL)
        self->watched_id = g_signal_connect_object (feedback, "notify::orphaned", G_CALLBACK (watched_notify_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  if (feedback != NULL || self->detail != NULL)
    pl_feedback_detail_set_feedback (ensure_detail (self), feedback);
  gtk_stack_set_visible_child_name (self->detail_stack, feedback ? "detail" : "none");
  set_capture_shown (self, feedback == NULL);
  /* The list gets the whole height when there is nothing to answer (on a
   * short screen a placeholder would cost it a row). */
  if (feedback == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), FALSE);
  else if (!gtk_widget_get_visible (GTK_WIDGET (self->detail_stack)))
    {
      gboolean beside = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == GTK_ORIENTATION_HORIZONTAL;
      int size = beside ? gtk_widget_get_width (GTK_WIDGET (self->paned)) : gtk_widget_get_height (GTK_WIDGET (self->paned));

      gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), TRUE);
      if (size > 0)
        gtk_paned_set_position (self->paned, size / 2);
    }
  if (feedback != NULL)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
      gtk_widget_add_tick_callback (GTK_WIDGET (self->detail_scroller), reveal_response_cb, self, NULL);
    }
  pl_feedback_pane_update_actions (self);
}

static GtkWidget *
find_text_view (GtkWidget     *root,
                GtkTextBuffer *buffer)
{
  if (GTK_IS_TEXT_VIEW (root) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (root)) == buffer)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child, buffer);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* On a short screen the detail area is small: once laid out, it scrolls
 * so that the start of the response box is in view (what was said is in
 * the selected row above). */
static gboolean
reveal_response_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (data);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->detail_scroller);
  GtkWidget *view, *row;
  graphene_rect_t bounds;
  double shown, want;

  if (self->detail == NULL)
    return G_SOURCE_REMOVE;
  /* A tick comes before the frame's layout: wait for the one after the
   * detail was laid out with the new item. */
  if (!g_object_get_data (G_OBJECT (widget), "pl-laid-out"))
    {
      g_object_set_data (G_OBJECT (widget), "pl-laid-out", GINT_TO_POINTER (TRUE));
      return G_SOURCE_CONTINUE;
    }
  g_object_set_data (G_OBJECT (widget), "pl-laid-out", NULL);
  view = find_text_view (GTK_WIDGET (self->detail), pl_feedback_detail_get_response_buffer (self->detail));
  if (view == NULL || !gtk_widget_compute_bounds (view, GTK_WIDGET (self->detail), &bounds))
    return G_SOURCE_REMOVE;
  /* Three lines of the box, or all of it if smaller; but the disposition,
   * just above it, stays in view. */
  shown = MIN (bounds.size.height, 72);
  want = bounds.origin.y + shown - gtk_adjustment_get_page_size (adj);
  row = gtk_widget_get_ancestor (GTK_WIDGET (pl_feedback_detail_get_disposition_dropdown (self->detail)),
                                 GTK_TYPE_LIST_BOX_ROW);
  if (row != NULL && gtk_widget_compute_bounds (row, GTK_WIDGET (self->detail), &bounds))
    want = MIN (want, bounds.origin.y);
  if (want > gtk_adjustment_get_value (adj))
    gtk_adjustment_set_value (adj, want);
  return G_SOURCE_REMOVE;
}

static void
selected_item_cb (PlFeedbackPane *self)
{
  PlFeedback *feedback = gtk_single_selection_get_selected_item (self->selection);

  /* An item that leaves the list (e.g. answered under an "Open" filter)
   * stays in the detail area until another one is chosen. */
  if (feedback != NULL)
    pl_feedback_pane_show_in_detail (self, feedback);
}

static void
list_activate_cb (PlFeedbackPane *self,
                  guint           position)
{
  g_autoptr(PlFeedback) feedback = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (feedback != NULL)
    {
      pl_feedback_pane_show_in_detail (self, feedback);
      pl_feedback_detail_focus_disposition (ensure_detail (self));
    }
}

static void
list_counts_cb (PlFeedbackPane *self)
{
  update_count (self);
}

static void
captured_cb (PlFeedbackPane *self,
             PlFeedback     *feedback)
{
  /* The newest capture is at the top: keep it in view. The list view's
   * own action moves its anchor (setting the adjustment alone does not). */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

void
pl_feedback_pane_emit_show_passage (PlFeedbackPane *self,
                                    PlFeedback     *feedback)
{
  g_signal_emit (self, signals[SHOW_PASSAGE], 0, feedback);
}

static void
detail_feedback_notify_cb (PlFeedbackPane *self)
{
  pl_feedback_pane_update_actions (self);
}

/* ---- GObject ---- */

static void
pl_feedback_pane_constructed (GObject *object)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (object);
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (pl_feedback_pane_parent_class)->constructed (object);

  g_assert (PL_IS_DOCUMENT (self->document));

  self->capture_bar = g_object_new (PL_TYPE_CAPTURE_BAR,
                                    "document", self->document,
                                    "target", self->target,
                                    "quote-buffer", self->quote_buffer,
                                    "workshop", self->active_workshop,
                                    NULL);
  gtk_box_append (self->capture_slot, GTK_WIDGET (self->capture_bar));
  g_signal_connect_object (self->capture_bar, "captured", G_CALLBACK (captured_cb), self, G_CONNECT_SWAPPED);

  self->filter_bar = PL_FEEDBACK_FILTER_BAR (pl_feedback_filter_bar_new (self->document, self->target));
  gtk_box_append (self->filter_slot, GTK_WIDGET (self->filter_bar));
  g_signal_connect_object (self->filter_bar, "changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  self->list = pl_feedback_list_new (self->document, NULL);
  g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (list_counts_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::open-count", G_CALLBACK (list_counts_cb), self, G_CONNECT_SWAPPED);
  self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, pl_feedback_pane_screen_rows ());
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selected_item_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  pl_feedback_pane_rows_watch (self);

  g_signal_connect_object (pl_document_get_workshops (self->document), "items-changed",
                           G_CALLBACK (rebuild_workshops), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "renumbered", G_CALLBACK (document_renumbered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild_workshops (self);
  apply_filters (self);
  pl_feedback_pane_update_actions (self);
  pl_after_first_frame (GTK_WIDGET (self), first_frame_cb);
}

static void
pl_feedback_pane_dispose (GObject *object)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (object);
  GtkWidget *child;

  if (self->detail != NULL)
    pl_feedback_detail_flush (self->detail);
  g_clear_handle_id (&self->preload_id, g_source_remove);
  pl_feedback_pane_rows_stop (self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_FEEDBACK_PANE);
  self->detail = NULL;  /* went with its scrolled window */
  self->filter_bar = NULL;  /* went with its slot */
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  g_clear_object (&self->target);
  g_clear_object (&self->quote_buffer);
  g_clear_object (&self->active_workshop);
  g_clear_object (&self->last_deleted);
  if (self->watched != NULL)
    g_clear_signal_handler (&self->watched_id, self->watched);
  g_clear_object (&self->watched);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_feedback_pane_parent_class)->dispose (object);
}

static void
pl_feedback_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_QUOTE_BUFFER:
      g_value_set_object (value, self->quote_buffer);
      break;
    case PROP_ACTIVE_WORKSHOP:
      g_value_set_object (value, self->active_workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlFeedbackPane *self = PL_FEEDBACK_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TARGET:
      pl_feedback_pane_set_target (self, g_value_get_object (value));
      break;
    case PROP_QUOTE_BUFFER:
      pl_feedback_pane_set_quote_buffer (self, g_value_get_object (value));
      break;
    case PROP_ACTIVE_WORKSHOP:
      pl_feedback_pane_set_active_workshop (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_pane_class_init (PlFeedbackPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_feedback_pane_constructed;
  object_class->dispose = pl_feedback_pane_dispose;
  object_class->get_property = pl_feedback_pane_get_property;
  object_class->set_property = pl_feedback_pane_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUOTE_BUFFER] =
    g_param_spec_object ("quote-buffer", NULL, NULL, GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVE_WORKSHOP] =
    g_param_spec_object ("active-workshop", NULL, NULL, PL_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_PASSAGE] =
    g_signal_new ("show-passage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PL_TYPE_FEEDBACK);

  g_type_ensure (PL_TYPE_LIVE_WORKSHOP_BAR);
  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-feedback-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, live_bar);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, live_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, capture_slot);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, capture_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, new_capture_button);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, pane_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, pane_menu);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, filter_slot);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, paned);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackPane, detail_scroller);
  gtk_widget_class_bind_template_callback (widget_class, live_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  pl_feedback_pane_install_actions (widget_class);

  _pl_feedback_pane_layout_class_init (widget_class);
  gtk_widget_class_set_css_name (widget_class, "feedbackpane");
}

static void
pl_feedback_pane_init (PlFeedbackPane *self)
{
  self->workshops = g_ptr_array_new_with_free_func (g_object_unref);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_menu_button_set_menu_later (self->pane_menu_button, self->pane_menu);
  pl_narrow_drop_down (self->live_dropdown);
  _pl_feedback_pane_layout_init (self);
  self->updating = FALSE;
}

PlFeedbackPane *
pl_feedback_pane_new (PlDocument *document)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  return g_object_new (PL_TYPE_FEEDBACK_PANE, "document", document, NULL);
}

PlDocument *
pl_feedback_pane_get_document (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return self->document;
}

PlRecord *
pl_feedback_pane_get_target (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return self->target;
}

void
pl_feedback_pane_set_target (PlFeedbackPane *self,
                             PlRecord       *target)
{
  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  g_return_if_fail (target == NULL || PL_IS_RECORD (target));

  if (!g_set_object (&self->target, target))
    return;
  if (self->capture_bar != NULL)
    pl_capture_bar_set_target (self->capture_bar, target);
  if (self->filter_bar != NULL)
    pl_feedback_filter_bar_set_target (self->filter_bar, target);
  apply_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

GtkTextBuffer *
pl_feedback_pane_get_quote_buffer (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return self->quote_buffer;
}

void
pl_feedback_pane_set_quote_buffer (PlFeedbackPane *self,
                                   GtkTextBuffer  *buffer)
{
  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  if (!g_set_object (&self->quote_buffer, buffer))
    return;
  if (self->capture_bar != NULL)
    pl_capture_bar_set_quote_buffer (self->capture_bar, buffer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_BUFFER]);
}

PlWorkshop *
pl_feedback_pane_get_active_workshop (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return self->active_workshop;
}

void
pl_feedback_pane_set_active_workshop (PlFeedbackPane *self,
                                      PlWorkshop     *workshop)
{
  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  g_return_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->active_workshop, workshop))
    return;
  if (self->capture_bar != NULL)
    pl_capture_bar_set_workshop (self->capture_bar, workshop);
  if (self->capture_revealer != NULL)
    set_capture_shown (self, detail_feedback (self) == NULL);
  if (self->workshops != NULL && self->document != NULL)
    {
      int index = workshop ? index_of_workshop (self, pl_record_get_id (PL_RECORD (workshop))) : -1;

      self->updating = TRUE;
      gtk_drop_down_set_selected (self->live_dropdown, index + 1);
      self->updating = FALSE;
    }
  update_live (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_WORKSHOP]);
}

/* Shows the whole capture bar however short the pane, until the user
 * leaves it (Alt+S, Alt+T). */
void
pl_feedback_pane_open_capture (PlFeedbackPane *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  _pl_feedback_pane_open_capture (self);
}

void
pl_feedback_pane_focus_capture (PlFeedbackPane *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  _pl_feedback_pane_open_capture (self);
  pl_capture_bar_focus_text (self->capture_bar);
}

void
pl_feedback_pane_select (PlFeedbackPane *self,
                         PlFeedback     *feedback)
{
  int position;

  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  g_return_if_fail (feedback == NULL || PL_IS_FEEDBACK (feedback));

  show_all_rows (self);
  position = feedback ? pl_feedback_list_find (self->list, pl_record_get_id (PL_RECORD (feedback))) : -1;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  pl_feedback_pane_show_in_detail (self, feedback);
}

/* Every button of @widget's subtree looks its action up again. */
static void
rebind_actionables (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    {
      g_autofree char *name = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    rebind_actionables (child);
}

void
pl_feedback_pane_set_detail_beside (PlFeedbackPane *self,
                                    gboolean        beside)
{
  GtkOrientation orientation = beside ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;
  int size;

  g_return_if_fail (PL_IS_FEEDBACK_PANE (self));
  /* The window calls this when it has moved the pane: GTK 4.8 leaves the
   * buttons of the pane's own actions insensitive after a move (the
   * "Capture" button stayed greyed), so they look their actions up again. */
  rebind_actionables (GTK_WIDGET (self));
  pl_feedback_pane_update_actions (self);
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == orientation)
    return;
  /* Split evenly, the list first, until laid out (or moved) again. */
  size = beside ? gtk_widget_get_width (GTK_WIDGET (self)) : gtk_widget_get_height (GTK_WIDGET (self->paned));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
  if (size > 0)
    gtk_paned_set_position (self->paned, size / 2);
}

PlFeedback *
pl_feedback_pane_get_selected (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return detail_feedback (self);
}

GtkWidget *
pl_feedback_pane_get_capture_bar (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return GTK_WIDGET (self->capture_bar);
}

GtkWidget *
pl_feedback_pane_get_detail (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return GTK_WIDGET (ensure_detail (self));
}

GListModel *
pl_feedback_pane_get_model (PlFeedbackPane *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  return G_LIST_MODEL (self->list);
}

GtkWidget *
pl_feedback_pane_get_filter (PlFeedbackPane *self,
                             const char     *name)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_PANE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "live"))
    return GTK_WIDGET (self->live_dropdown);
  return pl_feedback_filter_bar_get_filter (self->filter_bar, name);
}
