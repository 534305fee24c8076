/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-accessible.h"
#include "pl-markdown-view.h"
#include "pl-overview-page.h"
#include "pl-utils.h"

struct _PlOverviewPage
{
  AdwBin             parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *heading_label;
  GtkLabel          *subheading_label;
  AdwEntryRow       *title_row;
  AdwEntryRow       *country_row;
  AdwEntryRow       *version_row;
  AdwEntryRow       *lead_agency_row;
  AdwEntryRow       *classification_row;
  AdwComboRow       *status_row;
  PlMarkdownView    *vision_view;
  GtkBox            *sections_box;

  PlAutosave        *autosave;
  PlStrategy        *strategy;
  GListModel        *sections;
  PlRecord          *current_target;   /* a PlSection or NULL */
  PlMarkdownView    *current_view;
  GPtrArray         *section_views;  /* PlMarkdownView, one per section */
  gboolean           editable;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (PlOverviewPage, pl_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_EDITABLE,
  PROP_CURRENT_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_current (PlOverviewPage *self,
             PlRecord       *target,
             PlMarkdownView *view)
{
  self->current_view = view;
  if (g_set_object (&self->current_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TARGET]);
}

static void
update_heading (PlOverviewPage *self)
{
  const char *title = pl_strategy_get_title (self->strategy);
  const char *country = pl_strategy_get_country (self->strategy);
  const char *version = pl_strategy_get_version_label (self->strategy);
  g_autoptr(GString) sub = g_string_new (NULL);

  gtk_label_set_text (self->heading_label, *title ? title : _("Untitled strategy"));
  if (*country)
    g_string_append (sub, country);
  if (*version)
    g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", version);
  g_string_append_printf (sub, "%s%s", sub->len ? " · " : "",
                          pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (self->strategy)));
  gtk_label_set_text (self->subheading_label, sub->str);
}

static void
strategy_notify_cb (PlStrategy     *strategy,
                    GParamSpec     *pspec,
                    PlOverviewPage *self)
{
  update_heading (self);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, pl_strategy_get_status (strategy));
  self->updating = FALSE;
}

static void
status_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    PlOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pl_strategy_get_status (self->strategy))
    return;
  if (!pl_record_set (PL_RECORD (self->strategy), &error, "status", (int) selected, NULL))
    {
      pl_autosave_report_error (self->autosave, error);
      strategy_notify_cb (self->strategy, NULL, self);
    }
}

static void
view_focus_cb (GtkEventControllerFocus *controller,
               PlOverviewPage          *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  PlRecord *section = g_object_get_data (G_OBJECT (view), "pl-section");

  set_current (self, section, PL_MARKDOWN_VIEW (view));
}

static void
track_focus (PlOverviewPage *self,
             GtkWidget      *view)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (view_focus_cb), self);
  gtk_widget_add_controller (view, focus);
}

static void
section_title_cb (PlSection  *section,
                  GParamSpec *pspec,
                  AdwPreferencesGroup *group)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (group), "pl-view");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), pl_section_get_title (section));
  /* The editor says which section it edits. */
  if (view != NULL)
    pl_accessible_set_label (view, pl_section_get_title (section));
}

static void
rebuild_sections (PlOverviewPage *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (self->sections);

  pl_autosave_release (self->autosave, self->sections_box);
  g_ptr_array_set_size (self->section_views, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  if (self->current_target != NULL)
    set_current (self, NULL, self->vision_view);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlSection) section = g_list_model_get_item (self->sections, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = g_object_new (PL_TYPE_MARKDOWN_VIEW,
                                      "editable", self->editable,
                                      "height-request", 120,
                                      NULL);

      g_object_set_data (G_OBJECT (group), "pl-view", view);
      section_title_cb (section, NULL, ADW_PREFERENCES_GROUP (group));
      g_signal_connect_object (section, "notify::title", G_CALLBACK (section_title_cb), group, 0);
      gtk_widget_add_css_class (frame, "pl-editor-frame");
      g_object_set_data_full (G_OBJECT (view), "pl-section", g_object_ref (section), g_object_unref);
      pl_autosave_bind (self->autosave, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                        PL_RECORD (section), "body", self->sections_box);
      track_focus (self, view);
      g_ptr_array_add (self->section_views, view);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
      gtk_box_append (self->sections_box, group);
    }
}

static void
pl_overview_page_dispose (GObject *object)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);

  if (self->autosave != NULL)
    {
      pl_autosave_release (self->autosave, self);
      pl_autosave_release (self->autosave, self->sections_box);
    }
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_func (self->sections, rebuild_sections, self);
  /* AdwBin unparents its child itself: detach it before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->section_views, g_ptr_array_unref);
  g_clear_object (&self->sections);
  g_clear_object (&self->strategy);
  g_clear_object (&self->current_target);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (pl_overview_page_parent_class)->dispose (object);
}

static void
pl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_CURRENT_TARGET:
      g_value_set_object (value, self->current_target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_overview_page_constructed (GObject *object)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);
  PlDocument *document;
  AdwEntryRow *rows[5];
  const char *props[] = { "title", "country", "version-label", "lead-agency", "classification" };

  G_OBJECT_CLASS (pl_overview_page_parent_class)->constructed (object);

  g_return_if_fail (PL_IS_AUTOSAVE (self->autosave));

  document = pl_autosave_get_document (self->autosave);
  self->strategy = g_object_ref (pl_document_get_strategy (document));
  self->sections = g_object_ref (pl_document_get_sections (document));

  rows[0] = self->title_row;
  rows[1] = self->country_row;
  rows[2] = self->version_row;
  rows[3] = self->lead_agency_row;
  rows[4] = self->classification_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_editable (GTK_EDITABLE (rows[i]), self->editable);
      pl_autosave_bind (self->autosave, rows[i], PL_RECORD (self->strategy), props[i], self);
    }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->vision_view), self->editable);
  pl_autosave_bind (self->autosave, gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->vision_view)),
                    PL_RECORD (self->strategy), "vision", self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), self->editable);

  strategy_notify_cb (self->strategy, NULL, self);
  g_signal_connect_object (self->strategy, "notify", G_CALLBACK (strategy_notify_cb), self, 0);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->sections, "items-changed", G_CALLBACK (rebuild_sections), self);
  rebuild_sections (self);
}

static void
pl_overview_page_class_init (PlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_overview_page_constructed;
  object_class->dispose = pl_overview_page_dispose;
  object_class->get_property = pl_overview_page_get_property;
  object_class->set_property = pl_overview_page_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TARGET] =
    g_param_spec_object ("current-target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_MARKDOWN_VIEW);
  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, lead_agency_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, classification_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, vision_view);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, sections_box);
}

static void
pl_overview_page_init (PlOverviewPage *self)
{
  g_autoptr(GListModel) statuses = pl_enum_label_model (PL_TYPE_LIFECYCLE);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_views = g_ptr_array_new ();
  adw_combo_row_set_model (self->status_row, statuses);
  self->current_view = self->vision_view;
  track_focus (self, GTK_WIDGET (self->vision_view));
}

GtkWidget *
pl_overview_page_new (PlAutosave *autosave,
                      gboolean    editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);

  return g_object_new (PL_TYPE_OVERVIEW_PAGE,
                       "autosave", autosave,
                       "editable", editable,
                       NULL);
}

PlRecord *
pl_overview_page_get_current_target (PlOverviewPage *self)
{
  g_return_val_if_fail (PL_IS_OVERVIEW_PAGE (self), NULL);
  return self->current_target;
}

GtkTextBuffer *
pl_overview_page_get_current_buffer (PlOverviewPage *self)
{
  g_return_val_if_fail (PL_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->current_view));
}

static void
scroll_to_view (PlOverviewPage *self,
                GtkWidget      *view)
{
  GtkWidget *child = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;
  graphene_point_t in, out;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  in = GRAPHENE_POINT_INIT (0, (float) wy);
  if (child != NULL && gtk_widget_compute_point (view, child, &in, &out))
    gtk_adjustment_clamp_page (adj, MAX (0, out.y - 48), out.y + 96);
}

gboolean
pl_overview_page_show_passage (PlOverviewPage *self,
                               PlRecord       *target,
                               const char     *quote)
{
  PlMarkdownView *view = NULL;

  g_return_val_if_fail (PL_IS_OVERVIEW_PAGE (self), FALSE);

  if (target == NULL || PL_IS_STRATEGY (target))
    view = self->vision_view;
  else
    {
      for (guint i = 0; i < self->section_views->len && view == NULL; i++)
        {
          GtkWidget *w = g_ptr_array_index (self->section_views, i);

          if (g_object_get_data (G_OBJECT (w), "pl-section") == (gpointer) target)
            view = PL_MARKDOWN_VIEW (w);
        }
    }
  if (view == NULL)
    return FALSE;

  set_current (self, target && PL_IS_SECTION (target) ? target : NULL, view);
  if (quote == NULL || *quote == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (view));
      scroll_to_view (self, GTK_WIDGET (view));
      return TRUE;
    }
  if (!pl_markdown_view_select_text (view, quote))
    return FALSE;
  scroll_to_view (self, GTK_WIDGET (view));
  return TRUE;
}
