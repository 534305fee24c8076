/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-action-editor.h"
#include "pl-utils.h"

struct _PlActionEditor
{
  AdwBin       parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *lead_agency_row;
  AdwEntryRow *partners_row;
  AdwComboRow *timeframe_row;
  AdwComboRow *priority_row;
  AdwComboRow *status_row;
  AdwEntryRow *indicator_row;
  AdwEntryRow *cost_row;

  PlAutosave  *autosave;
  PlAction    *action;
  gulong       notify_handler;
  gboolean     editable;
  gboolean     progress_editable;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (PlActionEditor, pl_action_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_ACTION,
  PROP_EDITABLE,
  PROP_PROGRESS_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The enum-valued fields, each an AdwComboRow over the enum's labels. */
static void
load_combos (PlActionEditor *self)
{
  self->updating = TRUE;
  if (self->action != NULL)
    {
      adw_combo_row_set_selected (self->timeframe_row, pl_action_get_timeframe (self->action));
      adw_combo_row_set_selected (self->priority_row, pl_action_get_priority (self->action));
      adw_combo_row_set_selected (self->status_row, pl_action_get_status (self->action));
    }
  self->updating = FALSE;
}

static void
action_notify_cb (PlAction       *action,
                  GParamSpec     *pspec,
                  PlActionEditor *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "timeframe") || g_str_equal (name, "priority") || g_str_equal (name, "status"))
    load_combos (self);
}

static void
combo_selected_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   PlActionEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *property;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->action == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (row == self->timeframe_row)
    property = "timeframe";
  else if (row == self->priority_row)
    property = "priority";
  else
    property = "status";
  if (pl_record_get_int (PL_RECORD (self->action), property) == (gint64) selected)
    return;
  if (!pl_record_set (PL_RECORD (self->action), &error, property, (int) selected, NULL))
    {
      pl_autosave_report_error (self->autosave, error);
      load_combos (self);
    }
}

static void
pl_action_editor_dispose (GObject *object)
{
  PlActionEditor *self = PL_ACTION_EDITOR (object);

  pl_action_editor_set_action (self, NULL);
  /* AdwBin unparents its child itself: detach it before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_ACTION_EDITOR);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (pl_action_editor_parent_class)->dispose (object);
}

static void
pl_action_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlActionEditor *self = PL_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_ACTION:
      g_value_set_object (value, self->action);
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
set_editable (PlActionEditor *self,
              gboolean        editable)
{
  GtkWidget *entries[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->lead_agency_row),
                           GTK_WIDGET (self->partners_row), GTK_WIDGET (self->indicator_row),
                           GTK_WIDGET (self->cost_row) };

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->timeframe_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), editable || self->progress_editable);
}

/* An adopted strategy's text is locked, but its implementation is tracked:
 * the status stays open to change. */
static void
set_progress_editable (PlActionEditor *self,
                       gboolean        progress_editable)
{
  self->progress_editable = progress_editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), self->editable || progress_editable);
}

static void
pl_action_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlActionEditor *self = PL_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_ACTION:
      pl_action_editor_set_action (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_PROGRESS_EDITABLE:
      set_progress_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_action_editor_class_init (PlActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_action_editor_dispose;
  object_class->get_property = pl_action_editor_get_property;
  object_class->set_property = pl_action_editor_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL, PL_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_EDITABLE] =
    g_param_spec_boolean ("progress-editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, lead_agency_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, timeframe_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, PlActionEditor, cost_row);
}

static void
pl_action_editor_init (PlActionEditor *self)
{
  g_autoptr(GListModel) timeframes = pl_enum_label_model (PL_TYPE_TIMEFRAME);
  g_autoptr(GListModel) priorities = pl_enum_label_model (PL_TYPE_PRIORITY);
  g_autoptr(GListModel) statuses = pl_enum_label_model (PL_TYPE_ACTION_STATUS);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->timeframe_row, timeframes);
  adw_combo_row_set_model (self->priority_row, priorities);
  adw_combo_row_set_model (self->status_row, statuses);
  g_signal_connect (self->timeframe_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->priority_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
}

GtkWidget *
pl_action_editor_new (PlAutosave *autosave,
                      gboolean    editable,
                      gboolean    progress_editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);
  return g_object_new (PL_TYPE_ACTION_EDITOR,
                       "autosave", autosave,
                       "editable", editable,
                       "progress-editable", progress_editable,
                       NULL);
}

PlAction *
pl_action_editor_get_action (PlActionEditor *self)
{
  g_return_val_if_fail (PL_IS_ACTION_EDITOR (self), NULL);
  return self->action;
}

void
pl_action_editor_set_action (PlActionEditor *self,
                             PlAction       *action)
{
  g_return_if_fail (PL_IS_ACTION_EDITOR (self));
  g_return_if_fail (action == NULL || PL_IS_ACTION (action));

  if (self->action == action)
    return;

  if (self->action != NULL)
    {
      if (self->autosave != NULL)
        pl_autosave_release (self->autosave, self);
      g_clear_signal_handler (&self->notify_handler, self->action);
      g_clear_object (&self->action);
    }

  if (action != NULL)
    {
      self->action = g_object_ref (action);
      pl_autosave_bind (self->autosave, self->title_row, PL_RECORD (action), "title", self);
      pl_autosave_bind (self->autosave, self->lead_agency_row, PL_RECORD (action), "lead-agency", self);
      pl_autosave_bind (self->autosave, self->partners_row, PL_RECORD (action), "partners", self);
      pl_autosave_bind (self->autosave, self->indicator_row, PL_RECORD (action), "indicator", self);
      pl_autosave_bind (self->autosave, self->cost_row, PL_RECORD (action), "cost", self);
      self->notify_handler = g_signal_connect (action, "notify", G_CALLBACK (action_notify_cb), self);
      load_combos (self);
    }
  else if (self->title_row != NULL)
    {
      GtkWidget *rows[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->lead_agency_row),
                            GTK_WIDGET (self->partners_row), GTK_WIDGET (self->indicator_row),
                            GTK_WIDGET (self->cost_row) };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), action != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

void
pl_action_editor_focus_title (PlActionEditor *self)
{
  g_return_if_fail (PL_IS_ACTION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
