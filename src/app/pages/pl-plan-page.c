/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-action-editor.h"
#include "pl-plan-page-private.h"
#include "pl-utils.h"

typedef enum {
  COLUMN_PILLAR,
  COLUMN_OBJECTIVE,
  COLUMN_ACTION,
  COLUMN_LEAD_AGENCY,
  COLUMN_TIMEFRAME,
  COLUMN_PRIORITY,
  COLUMN_START,
  COLUMN_END,
  COLUMN_COST,
  COLUMN_PARTNERS,
  COLUMN_INDICATOR,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

typedef struct {
  PlPlanPage *self;
  Column      column;
} ColumnInfo;

struct _PlPlanPage
{
  AdwBin              parent_instance;

  AdwFlap            *flap;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkMenuButton      *columns_button;
  GtkStack           *side_stack;
  GtkBox             *editor_box;
  GtkLabel           *context_label;
  PlActionEditor     *editor;

  PlAutosave         *autosave;
  GSettings          *settings;    /* which columns, how wide; may be NULL */
  gboolean            editable;
  gboolean            progress_editable;
  GListModel         *actions;     /* NULL until the page is first shown */
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GHashTable         *objectives;  /* id → PlObjective, kept alive for the columns */
  ColumnInfo          columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (PlPlanPage, pl_plan_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_EDITABLE,
  PROP_PROGRESS_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PlDocument *
get_document (PlPlanPage *self)
{
  return pl_autosave_get_document (self->autosave);
}

static PlObjective *
objective_of (PlPlanPage *self,
              PlAction   *action)
{
  gint64 id = pl_action_get_objective_id (action);
  PlObjective *objective = g_hash_table_lookup (self->objectives, &id);

  if (objective == NULL)
    {
      objective = pl_document_get_objective_of (get_document (self), action);
      if (objective == NULL)
        return NULL;
      g_hash_table_insert (self->objectives, g_memdup2 (&id, sizeof id), objective);
    }
  return objective;
}

static PlPillar *
pillar_of (PlPlanPage  *self,
           PlObjective *objective)
{
  GListModel *pillars = pl_document_get_pillars (get_document (self));
  gint64 id = pl_objective_get_pillar_id (objective);
  guint n = g_list_model_get_n_items (pillars);

  /* The pillars are few and always in memory. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);

      if (pl_record_get_id (PL_RECORD (pillar)) == id)
        return pillar;
    }
  return NULL;
}

static char *
column_text (PlPlanPage *self,
             PlAction   *action,
             Column      column)
{
  PlObjective *objective;
  PlPillar *pillar;

  switch (column)
    {
    case COLUMN_PILLAR:
      objective = objective_of (self, action);
      pillar = objective ? pillar_of (self, objective) : NULL;
      return pillar ? g_strdup_printf ("%d. %s", (int) pl_record_get_position (PL_RECORD (pillar)) + 1,
                                       pl_pillar_get_title (pillar))
                    : g_strdup ("");
    case COLUMN_OBJECTIVE:
      objective = objective_of (self, action);
      return g_strdup (objective ? pl_objective_get_title (objective) : "");
    case COLUMN_ACTION:
      return g_strdup (pl_action_get_title (action));
    case COLUMN_LEAD_AGENCY:
      return g_strdup (pl_action_get_lead_agency (action));
    case COLUMN_TIMEFRAME:
      return g_strdup (pl_action_get_timeframe (action) == PL_TIMEFRAME_UNSET ? "—" :
                       pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)));
    case COLUMN_PRIORITY:
      return g_strdup (pl_action_get_priority (action) == PL_PRIORITY_NONE ? "—" :
                       pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action)));
    case COLUMN_START:
      return g_strdup (pl_action_get_start_date (action));
    case COLUMN_END:
      return g_strdup (pl_action_get_end_date (action));
    case COLUMN_COST:
      return g_strdup (pl_action_get_cost (action));
    case COLUMN_PARTNERS:
      return g_strdup (pl_action_get_partners (action));
    case COLUMN_INDICATOR:
      return g_strdup (pl_action_get_indicator (action));
    case COLUMN_STATUS:
      return g_strdup (pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action)));
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* For the sorters. */
static char *
sort_key_cb (PlAction   *action,
             ColumnInfo *info)
{
  return column_text (info->self, action, info->column);
}

static int
sort_number_cb (PlAction   *action,
                ColumnInfo *info)
{
  switch (info->column)
    {
    case COLUMN_TIMEFRAME:
      return pl_action_get_timeframe (action);
    case COLUMN_PRIORITY:
      return pl_action_get_priority (action);
    case COLUMN_STATUS:
      return pl_action_get_status (action);
    case COLUMN_PILLAR:
      {
        PlObjective *objective = objective_of (info->self, action);
        PlPillar *pillar = objective ? pillar_of (info->self, objective) : NULL;

        return pillar ? (int) pl_record_get_position (PL_RECORD (pillar)) : -1;
      }
    default:
      return 0;
    }
}

/* ---- cells ---- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (info->column == COLUMN_PILLAR || info->column == COLUMN_OBJECTIVE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
update_cell (PlAction   *action,
             GParamSpec *pspec,
             GtkLabel   *label)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (label), "pl-column");
  g_autofree char *text = column_text (info->self, action, info->column);

  gtk_label_set_text (label, text);
  /* Cells are ellipsised: the whole text is a hover away. */
  if (info->column == COLUMN_ACTION || info->column == COLUMN_INDICATOR || info->column == COLUMN_OBJECTIVE ||
      info->column == COLUMN_PARTNERS || info->column == COLUMN_LEAD_AGENCY || info->column == COLUMN_COST ||
      info->column == COLUMN_PILLAR)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text && *text ? text : NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnInfo               *info)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PlAction *action = gtk_list_item_get_item (item);
  gulong id;

  g_object_set_data (G_OBJECT (label), "pl-column", info);
  update_cell (action, NULL, GTK_LABEL (label));
  id = g_signal_connect (action, "notify", G_CALLBACK (update_cell), label);
  g_object_set_data (G_OBJECT (label), "pl-handler", GSIZE_TO_POINTER (id));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PlAction *action = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "pl-handler"));

  if (id != 0 && action != NULL)
    g_signal_handler_disconnect (action, id);
  g_object_set_data (G_OBJECT (label), "pl-handler", NULL);
}

static void
add_column (PlPlanPage *self,
            Column      column,
            const char *key,
            const char *title,
            int         width,
            gboolean    numeric_sort)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkExpression *expression;
  GtkSorter *sorter;
  ColumnInfo *info = &self->columns[column];

  info->self = self;
  info->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), info);

  col = gtk_column_view_column_new (title, factory);
  pl_plan_page_column_set_key (col, key);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_expand (col, column == COLUMN_ACTION);

  if (numeric_sort)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                G_CALLBACK (sort_number_cb), info, NULL);
      sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
    }
  else
    {
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (sort_key_cb), info, NULL);
      sorter = GTK_SORTER (gtk_string_sorter_new (expression));
    }
  gtk_column_view_column_set_sorter (col, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* ---- selection ---- */

static void
update_count (PlPlanPage *self)
{
  guint n = g_list_model_get_n_items (self->actions);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u action", "%u actions", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
update_context (PlPlanPage *self)
{
  PlAction *action = pl_action_editor_get_action (self->editor);
  PlObjective *objective = action ? objective_of (self, action) : NULL;
  PlPillar *pillar = objective ? pillar_of (self, objective) : NULL;
  g_autofree char *text = NULL;

  if (pillar != NULL)
    /* Translators: "Pillar: Capacity building — Objective: Train responders" */
    text = g_strdup_printf (_("%s — %s"), pl_pillar_get_title (pillar), pl_objective_get_title (objective));
  gtk_label_set_text (self->context_label, text ? text : "");
}

static void
selection_changed_cb (PlPlanPage *self)
{
  PlAction *action = gtk_single_selection_get_selected_item (self->selection);

  pl_action_editor_set_action (self->editor, action);
  gtk_stack_set_visible_child_name (self->side_stack, action ? "editor" : "empty");
  /* The editor slides over the right of the table while an action is selected. */
  adw_flap_set_reveal_flap (self->flap, action != NULL);
  update_context (self);
}

static void
close_editor_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
actions_changed_cb (PlPlanPage *self)
{
  /* The structure changed (add, delete, move): forget the cached parents. */
  g_hash_table_remove_all (self->objectives);
  update_count (self);
}

/* ---- GObject ---- */

static void
pl_plan_page_dispose (GObject *object)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  if (self->actions != NULL)
    g_signal_handlers_disconnect_by_func (self->actions, actions_changed_cb, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin unparents its child itself: detach it before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLAN_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->objectives, g_hash_table_unref);
  g_clear_object (&self->autosave);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_plan_page_parent_class)->dispose (object);
}

static void
pl_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_PROGRESS_EDITABLE:
      g_value_set_boolean (value, self->progress_editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    case PROP_PROGRESS_EDITABLE:
      self->progress_editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_plan_page_class_init (PlPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_plan_page_dispose;
  object_class->get_property = pl_plan_page_get_property;
  object_class->set_property = pl_plan_page_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_EDITABLE] =
    g_param_spec_boolean ("progress-editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, flap);
  gtk_widget_class_install_action (widget_class, "plan.close-editor", NULL, close_editor_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.close-editor", NULL);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, columns_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, context_label);
}

static void
pl_plan_page_init (PlPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->objectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

GtkWidget *
pl_plan_page_new (PlAutosave *autosave,
                  gboolean    editable,
                  gboolean    progress_editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);

  return g_object_new (PL_TYPE_PLAN_PAGE,
                       "autosave", autosave,
                       "editable", editable,
                       "progress-editable", progress_editable,
                       NULL);
}

gboolean
pl_plan_page_is_loaded (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), FALSE);
  return self->actions != NULL;
}

/* Every action of the document is loaded only when the plan is first
 * shown: a big strategy opens without reading its 3,000 actions. */
void
pl_plan_page_ensure_loaded (PlPlanPage *self)
{
  g_return_if_fail (PL_IS_PLAN_PAGE (self));

  if (self->actions != NULL)
    return;
  self->actions = g_object_ref (pl_document_get_all_actions (get_document (self)));

  /* By the pillar's number, not its title ("10." after "9."). */
  /* Default widths: the columns shown by default fit beside the feedback
   * pane at 1280 px with room for the action's title, which takes any
   * width left over. */
  add_column (self, COLUMN_PILLAR, "pillar", _("Pillar"), 100, TRUE);
  add_column (self, COLUMN_OBJECTIVE, "objective", _("Objective"), 160, FALSE);
  add_column (self, COLUMN_ACTION, "action", _("Action"), 220, FALSE);
  add_column (self, COLUMN_LEAD_AGENCY, "lead-agency", _("Lead Agency"), 130, FALSE);
  add_column (self, COLUMN_TIMEFRAME, "timeframe", _("Timeframe"), 110, TRUE);
  add_column (self, COLUMN_PRIORITY, "priority", _("Priority"), 70, TRUE);
  add_column (self, COLUMN_START, "start", C_("plan column", "Start"), 80, FALSE);
  add_column (self, COLUMN_END, "end", C_("plan column", "End"), 80, FALSE);
  add_column (self, COLUMN_COST, "cost", _("Cost"), 100, FALSE);
  add_column (self, COLUMN_PARTNERS, "partners", _("Partners"), 160, FALSE);
  add_column (self, COLUMN_INDICATOR, "indicator", _("Indicator"), 200, FALSE);
  add_column (self, COLUMN_STATUS, "status", _("Status"), 90, TRUE);
  pl_plan_page_columns_setup (GTK_WIDGET (self), self->column_view, self->columns_button, self->settings);

  self->sorted = gtk_sort_list_model_new (g_object_ref (self->actions),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* Nothing selected until the drafter picks an action. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->actions, "items-changed", G_CALLBACK (actions_changed_cb), self);

  self->editor = PL_ACTION_EDITOR (pl_action_editor_new (self->autosave, self->editable, self->progress_editable));
  gtk_box_append (self->editor_box, GTK_WIDGET (self->editor));

  update_count (self);
  selection_changed_cb (self);
}

GtkColumnView *
pl_plan_page_get_column_view (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), NULL);
  return self->column_view;
}

PlAction *
pl_plan_page_get_selected (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), NULL);
  return self->editor ? pl_action_editor_get_action (self->editor) : NULL;
}

gboolean
pl_plan_page_select (PlPlanPage *self,
                     PlAction   *action)
{
  guint n;

  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), FALSE);

  pl_plan_page_ensure_loaded (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlAction) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (item == action)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
pl_plan_page_set_settings (PlPlanPage *self,
                           GSettings  *settings)
{
  g_return_if_fail (PL_IS_PLAN_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  /* Read when the table is built, at first show. */
  g_set_object (&self->settings, settings);
}
