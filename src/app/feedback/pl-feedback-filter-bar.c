/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-feedback-filter-bar-private.h"
#include "pl-feedback-format.h"
#include "pl-narrow-drop-down.h"
#include "pl-utils.h"

enum {
  SCOPE_THIS_TAB,
  SCOPE_WHOLE,
};

struct _PlFeedbackFilterBar
{
  GtkWidget       parent_instance;

  PlDocument     *document;
  PlRecord       *target;
  GPtrArray      *workshops;      /* PlWorkshop, the entries after the first of the workshop filter */
  gboolean        updating;

  GtkSearchEntry *search_entry;
  GtkDropDown    *scope_dropdown;
  GtkDropDown    *kind_filter;
  GtkDropDown    *disposition_filter;
  GtkDropDown    *workshop_filter;
  GtkDropDown    *sector_filter;
  GtkCheckButton *orphaned_check;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (PlFeedbackFilterBar, pl_feedback_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TARGET,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
filters_changed_cb (PlFeedbackFilterBar *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
index_of_workshop (PlFeedbackFilterBar *self,
                   gint64               id)
{
  for (guint i = 0; i < self->workshops->len; i++)
    if (pl_record_get_id (g_ptr_array_index (self->workshops, i)) == id)
      return (int) i;
  return -1;
}

/* "All workshops", then every workshop; the choice stays on the same
 * workshop. What is listed changes with the next change of a filter. */
static void
rebuild_workshops (PlFeedbackFilterBar *self)
{
  GListModel *workshops = pl_document_get_workshops (self->document);
  g_autoptr(GtkStringList) filter = gtk_string_list_new (NULL);
  gint64 filter_id = 0;
  guint selected = gtk_drop_down_get_selected (self->workshop_filter);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < self->workshops->len)
    filter_id = pl_record_get_id (g_ptr_array_index (self->workshops, selected - 1));

  g_ptr_array_set_size (self->workshops, 0);
  gtk_string_list_append (filter, _("All workshops"));
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (workshops, i);
      g_autofree char *name = pl_feedback_format_workshop (w);

      g_ptr_array_add (self->workshops, g_object_ref (w));
      gtk_string_list_append (filter, name);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->workshop_filter, G_LIST_MODEL (filter));
  gtk_drop_down_set_selected (self->workshop_filter, (filter_id ? index_of_workshop (self, filter_id) : -1) + 1);
  self->updating = FALSE;
}

static void
document_changed_cb (PlFeedbackFilterBar *self,
                     PlRecord            *record)
{
  if (record != NULL && PL_IS_WORKSHOP (record))
    rebuild_workshops (self);
}

static GListModel *
label_model_with_all (GType       enum_type,
                      const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < pl_enum_count (enum_type); i++)
    gtk_string_list_append (list, pl_enum_to_label (enum_type, i));
  return G_LIST_MODEL (list);
}

static void
pl_feedback_filter_bar_constructed (GObject *object)
{
  PlFeedbackFilterBar *self = PL_FEEDBACK_FILTER_BAR (object);

  G_OBJECT_CLASS (pl_feedback_filter_bar_parent_class)->constructed (object);

  g_assert (PL_IS_DOCUMENT (self->document));
  g_signal_connect_object (pl_document_get_workshops (self->document), "items-changed",
                           G_CALLBACK (rebuild_workshops), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild_workshops (self);
}

static void
pl_feedback_filter_bar_dispose (GObject *object)
{
  PlFeedbackFilterBar *self = PL_FEEDBACK_FILTER_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_FEEDBACK_FILTER_BAR);
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->target);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_feedback_filter_bar_parent_class)->dispose (object);
}

static void
pl_feedback_filter_bar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlFeedbackFilterBar *self = PL_FEEDBACK_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_filter_bar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlFeedbackFilterBar *self = PL_FEEDBACK_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TARGET:
      pl_feedback_filter_bar_set_target (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_feedback_filter_bar_class_init (PlFeedbackFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_feedback_filter_bar_constructed;
  object_class->dispose = pl_feedback_filter_bar_dispose;
  object_class->get_property = pl_feedback_filter_bar_get_property;
  object_class->set_property = pl_feedback_filter_bar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-feedback-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, disposition_filter);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, workshop_filter);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, orphaned_check);
  gtk_widget_class_bind_template_child (widget_class, PlFeedbackFilterBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackfilterbar");
}

static void
pl_feedback_filter_bar_init (PlFeedbackFilterBar *self)
{
  g_autoptr(GListModel) kinds = label_model_with_all (PL_TYPE_FEEDBACK_KIND, _("All kinds"));
  g_autoptr(GListModel) dispositions = label_model_with_all (PL_TYPE_DISPOSITION, _("All answers"));
  g_autoptr(GListModel) sectors = label_model_with_all (PL_TYPE_SECTOR, _("All sectors"));
  const char *scopes[] = { N_("This tab"), N_("All tabs"), NULL };
  g_autoptr(GtkStringList) scope_model = gtk_string_list_new (NULL);

  self->workshops = g_ptr_array_new_with_free_func (g_object_unref);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; scopes[i]; i++)
    gtk_string_list_append (scope_model, _(scopes[i]));
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scope_model));
  gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_WHOLE);
  gtk_drop_down_set_model (self->kind_filter, kinds);
  gtk_drop_down_set_model (self->disposition_filter, dispositions);
  gtk_drop_down_set_model (self->sector_filter, sectors);
  pl_narrow_drop_down (self->scope_dropdown);
  pl_narrow_drop_down (self->kind_filter);
  pl_narrow_drop_down (self->disposition_filter);
  pl_narrow_drop_down (self->workshop_filter);
  pl_narrow_drop_down (self->sector_filter);
  self->updating = FALSE;
}

GtkWidget *
pl_feedback_filter_bar_new (PlDocument *document,
                            PlRecord   *target)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (target == NULL || PL_IS_RECORD (target), NULL);

  return g_object_new (PL_TYPE_FEEDBACK_FILTER_BAR, "document", document, "target", target, NULL);
}

PlRecord *
pl_feedback_filter_bar_get_target (PlFeedbackFilterBar *self)
{
  g_return_val_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self), NULL);
  return self->target;
}

void
pl_feedback_filter_bar_set_target (PlFeedbackFilterBar *self,
                                   PlRecord            *target)
{
  g_return_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self));
  g_return_if_fail (target == NULL || PL_IS_RECORD (target));

  if (g_set_object (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

void
pl_feedback_filter_bar_get_query (PlFeedbackFilterBar *self,
                                  PlFeedbackQuery     *query)
{
  guint kind, disposition, sector, workshop;
  const char *text;

  g_return_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self));
  g_return_if_fail (query != NULL);

  kind = gtk_drop_down_get_selected (self->kind_filter);
  disposition = gtk_drop_down_get_selected (self->disposition_filter);
  sector = gtk_drop_down_get_selected (self->sector_filter);
  workshop = gtk_drop_down_get_selected (self->workshop_filter);
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  pl_feedback_query_init (query);
  if (gtk_drop_down_get_selected (self->scope_dropdown) == SCOPE_THIS_TAB)
    query->pillar_id = pl_feedback_pillar_filter_for_target (self->document, self->target);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    query->kind = kind - 1;
  if (disposition != GTK_INVALID_LIST_POSITION && disposition > 0)
    query->disposition = disposition - 1;
  if (sector != GTK_INVALID_LIST_POSITION && sector > 0)
    query->sector = sector - 1;
  if (workshop != GTK_INVALID_LIST_POSITION && workshop > 0 && workshop - 1 < self->workshops->len)
    query->workshop_id = pl_record_get_id (g_ptr_array_index (self->workshops, workshop - 1));
  if (gtk_check_button_get_active (self->orphaned_check))
    query->orphaned = 1;
  if (pl_feedback_capture_text_is_valid (text))
    query->text = g_strstrip (g_strdup (text));
}

void
pl_feedback_filter_bar_show_count (PlFeedbackFilterBar *self,
                                   guint                open,
                                   guint                n)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self));

  text = pl_feedback_format_count (open, n);
  gtk_label_set_text (self->count_label, text);
  /* With nothing listed the pane's empty page says so, once. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
}

void
pl_feedback_filter_bar_focus_search (PlFeedbackFilterBar *self)
{
  g_return_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
pl_feedback_filter_bar_get_filter (PlFeedbackFilterBar *self,
                                   const char          *name)
{
  struct {
    const char *name;
    gpointer    widget;
  } filters[] = {
    { "scope", self->scope_dropdown },
    { "kind", self->kind_filter },
    { "disposition", self->disposition_filter },
    { "workshop", self->workshop_filter },
    { "sector", self->sector_filter },
    { "orphaned", self->orphaned_check },
    { "search", self->search_entry },
  };

  g_return_val_if_fail (PL_IS_FEEDBACK_FILTER_BAR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filters[i].name, name))
      return filters[i].widget;
  return NULL;
}
