/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-action-editor.h"
#include "pl-accessible.h"
#include "pl-objective-row.h"
#include "pl-utils.h"

struct _PlObjectiveRow
{
  AdwExpanderRow  parent_instance;

  GtkLabel       *number_label;
  GtkMenuButton  *menu_button;

  PlAutosave     *autosave;
  PlObjective    *objective;
  GListModel     *actions;
  PlRecord       *current_target;
  gboolean        editable;
  gboolean        built;

  AdwEntryRow    *title_row;
  AdwEntryRow    *description_row;
  GPtrArray      *action_rows;     /* AdwActionRow, in model order */
  GtkWidget      *add_action_row;

  /* The focus to give back once the rows settle (a move is a removal and
   * an insertion: two rebuilds). */
  PlAction       *focus_action;
  const char     *focus_role;
  guint           focus_index;
  guint           focus_id;
};

G_DEFINE_FINAL_TYPE (PlObjectiveRow, pl_objective_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_OBJECTIVE,
  PROP_EDITABLE,
  PROP_CURRENT_TARGET,
  N_PROPS
};

enum {
  RECORD_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static PlDocument *
get_document (PlObjectiveRow *self)
{
  return pl_autosave_get_document (self->autosave);
}

static void
set_current_target (PlObjectiveRow *self,
                    PlRecord       *target)
{
  if (g_set_object (&self->current_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TARGET]);
}

static void
update_subtitle (PlObjectiveRow *self)
{
  guint n = g_list_model_get_n_items (self->actions);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u action", "%u actions", n), n);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
}

static char *
action_summary (PlAction *action)
{
  GString *s = g_string_new (NULL);
  const char *lead = pl_action_get_lead_agency (action);

  if (lead != NULL && *lead != '\0')
    g_string_append (s, lead);
  if (pl_action_get_timeframe (action) != PL_TIMEFRAME_UNSET)
    g_string_append_printf (s, "%s%s", s->len ? " · " : "",
                            pl_enum_to_label (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (action)));
  if (pl_action_get_priority (action) != PL_PRIORITY_NONE)
    {
      g_string_append (s, s->len ? " · " : "");
      g_string_append_printf (s, _("%s priority"),
                              pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action)));
    }
  g_string_append_printf (s, "%s%s", s->len ? " · " : "",
                          pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action)));
  return g_string_free (s, FALSE);
}

static void
action_changed_cb (PlAction     *action,
                   GParamSpec   *pspec,
                   AdwActionRow *row)
{
  g_autofree char *summary = action_summary (action);
  const char *title = pl_action_get_title (action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title ? title : _("Untitled action"));
  adw_action_row_set_subtitle (row, summary);
}

/* "close-request" returns gboolean: FALSE lets the dialog close. */
static gboolean
dialog_close_cb (GtkWindow      *dialog,
                 PlObjectiveRow *self)
{
  g_autoptr(GError) error = NULL;

  pl_autosave_flush (self->autosave, &error);
  if (error != NULL)
    pl_autosave_report_error (self->autosave, error);
  return FALSE;
}

static void
open_action_dialog (PlObjectiveRow *self,
                    PlAction       *action)
{
  GtkWidget *dialog, *box, *header, *scroller, *clamp, *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  set_current_target (self, PL_RECORD (action));

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Action"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Edit Action"), pl_objective_get_title (self->objective)));
  gtk_box_append (GTK_BOX (box), header);

  editor = g_object_new (PL_TYPE_ACTION_EDITOR,
                         "autosave", self->autosave,
                         "action", action,
                         "editable", self->editable,
                         NULL);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), editor);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (dialog, shortcuts);
  }
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (dialog_close_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_action_editor_focus_title (PL_ACTION_EDITOR (editor));
}

static void
action_row_activated_cb (AdwActionRow   *row,
                         PlObjectiveRow *self)
{
  open_action_dialog (self, g_object_get_data (G_OBJECT (row), "pl-action"));
}

static void
move_action (PlObjectiveRow *self,
             PlAction       *action,
             int             delta)
{
  g_autoptr(GError) error = NULL;
  gint64 pos = pl_record_get_position (PL_RECORD (action)) + delta;
  guint n = g_list_model_get_n_items (self->actions);

  if (pos < 0 || pos >= (gint64) n)
    return;
  if (!pl_document_move (get_document (self), PL_RECORD (action), (guint) pos, &error))
    pl_autosave_report_error (self->autosave, error);
}

static void
move_up_clicked_cb (GtkButton      *button,
                    PlObjectiveRow *self)
{
  g_autoptr(PlAction) action = g_object_ref (g_object_get_data (G_OBJECT (button), "pl-action"));

  move_action (self, action, -1);
}

static void
move_down_clicked_cb (GtkButton      *button,
                      PlObjectiveRow *self)
{
  g_autoptr(PlAction) action = g_object_ref (g_object_get_data (G_OBJECT (button), "pl-action"));

  move_action (self, action, +1);
}

static void
delete_clicked_cb (GtkButton      *button,
                   PlObjectiveRow *self)
{
  /* The deletion rebuilds the action rows, this button's among them. */
  g_autoptr(PlAction) action = g_object_ref (g_object_get_data (G_OBJECT (button), "pl-action"));
  g_autoptr(GError) error = NULL;

  pl_autosave_flush (self->autosave, NULL);
  if (!pl_document_delete (get_document (self), PL_RECORD (action), &error))
    pl_autosave_report_error (self->autosave, error);
  else
    g_signal_emit (self, signals[RECORD_DELETED], 0, action, _("Action deleted"));
}

static GtkWidget *
action_button (PlObjectiveRow *self,
               PlAction       *action,
               const char     *icon,
               const char     *tooltip,
               GCallback       clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, self->editable);
  g_object_set_data (G_OBJECT (button), "pl-action", action);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

/* Each action row keeps its buttons by role, so that the focus can come
 * back to the same button of the same action after the rows are rebuilt. */
static const char *const button_roles[] = { "pl-up", "pl-down", "pl-delete" };

static GtkWidget *
create_action_row (PlObjectiveRow *self,
                   PlAction       *action,
                   guint           index,
                   guint           n)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *up, *down, *delete;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  g_object_set_data_full (G_OBJECT (row), "pl-action", g_object_ref (action), g_object_unref);
  up = action_button (self, action, "go-up-symbolic", _("Move Up"), G_CALLBACK (move_up_clicked_cb));
  down = action_button (self, action, "go-down-symbolic", _("Move Down"), G_CALLBACK (move_down_clicked_cb));
  delete = action_button (self, action, "user-trash-symbolic", _("Delete Action"), G_CALLBACK (delete_clicked_cb));
  /* The first action cannot go up, nor the last down. */
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  g_object_set_data (G_OBJECT (row), button_roles[0], up);
  g_object_set_data (G_OBJECT (row), button_roles[1], down);
  g_object_set_data (G_OBJECT (row), button_roles[2], delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  action_changed_cb (action, NULL, ADW_ACTION_ROW (row));
  g_signal_connect_object (action, "notify", G_CALLBACK (action_changed_cb), row, 0);
  g_signal_connect (row, "activated", G_CALLBACK (action_row_activated_cb), self);
  return row;
}

/* Where the focus goes after the rows were rebuilt under it (a move, a
 * delete, an undo): the same button of the same action, else its row, else
 * the row now at the deleted one's place. Left alone, GTK would give it to
 * the objective's title, selecting its text for the next key to replace. */
static gboolean
restore_action_focus_cb (gpointer data)
{
  PlObjectiveRow *self = data;
  g_autoptr(PlAction) action = g_steal_pointer (&self->focus_action);
  GtkWidget *target = NULL;

  self->focus_id = 0;
  for (guint i = 0; i < self->action_rows->len && target == NULL; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->action_rows, i);

      if (g_object_get_data (G_OBJECT (row), "pl-action") != action)
        continue;
      target = self->focus_role ? g_object_get_data (G_OBJECT (row), self->focus_role) : NULL;
      if (target == NULL || !gtk_widget_get_sensitive (target))
        target = row;
    }
  if (target == NULL && self->action_rows->len > 0)
    target = g_ptr_array_index (self->action_rows, MIN (self->focus_index, self->action_rows->len - 1));
  if (target == NULL)
    target = self->add_action_row;
  if (target != NULL)
    gtk_widget_grab_focus (target);
  return G_SOURCE_REMOVE;
}

static void
rebuild_action_rows (PlObjectiveRow *self)
{
  guint n = g_list_model_get_n_items (self->actions);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < self->action_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->action_rows, i);

      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        continue;
      g_set_object (&self->focus_action, g_object_get_data (G_OBJECT (row), "pl-action"));
      self->focus_index = i;
      self->focus_role = NULL;
      for (guint r = 0; r < G_N_ELEMENTS (button_roles); r++)
        if (g_object_get_data (G_OBJECT (row), button_roles[r]) == focus)
          self->focus_role = button_roles[r];
      /* Nowhere until then, rather than the next focusable: the title. */
      gtk_root_set_focus (root, NULL);
    }

  for (guint i = 0; i < self->action_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->action_rows, i));
  g_ptr_array_set_size (self->action_rows, 0);
  if (self->add_action_row != NULL && gtk_widget_get_parent (self->add_action_row) != NULL)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->add_action_row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlAction) action = g_list_model_get_item (self->actions, i);
      GtkWidget *row = create_action_row (self, action, i, n);

      g_ptr_array_add (self->action_rows, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
  if (self->add_action_row != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->add_action_row);
  if (self->focus_action != NULL && self->focus_id == 0)
    self->focus_id = g_idle_add (restore_action_focus_cb, self);
}

static void
actions_changed_cb (GListModel     *model,
                    guint           position,
                    guint           removed,
                    guint           added,
                    PlObjectiveRow *self)
{
  update_subtitle (self);
  if (self->built)
    rebuild_action_rows (self);
}

static void
add_action_activated_cb (AdwActionRow   *row,
                         PlObjectiveRow *self)
{
  pl_objective_row_add_action (self);
}

static void
build_content (PlObjectiveRow *self)
{
  GtkWidget *row;

  if (self->built)
    return;
  self->built = TRUE;

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Objective"));
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), self->editable);
  pl_autosave_bind (self->autosave, self->title_row, PL_RECORD (self->objective), "title", self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->title_row));

  self->description_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("Description"));
  gtk_editable_set_editable (GTK_EDITABLE (self->description_row), self->editable);
  pl_autosave_bind (self->autosave, self->description_row, PL_RECORD (self->objective), "description", self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->description_row));

  if (self->editable)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Action"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "pl-add-row");
      g_signal_connect (row, "activated", G_CALLBACK (add_action_activated_cb), self);
      /* Kept across rebuilds of the action rows, which remove it. */
      self->add_action_row = g_object_ref_sink (row);
    }
  rebuild_action_rows (self);
}

static void
expanded_cb (PlObjectiveRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    {
      build_content (self);
      set_current_target (self, PL_RECORD (self->objective));
    }
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                PlObjectiveRow          *self)
{
  if (self->current_target == NULL || !PL_IS_ACTION (self->current_target) ||
      gtk_widget_has_focus (GTK_WIDGET (self)))
    set_current_target (self, PL_RECORD (self->objective));
}

static void
move_objective (PlObjectiveRow *self,
                int             delta)
{
  g_autoptr(GError) error = NULL;
  PlDocument *document = get_document (self);
  g_autoptr(PlPillar) pillar = pl_document_get_pillar_of (document, PL_RECORD (self->objective));
  GListModel *siblings = pl_document_get_objectives (document, pillar);
  gint64 pos = pl_record_get_position (PL_RECORD (self->objective)) + delta;

  if (pos < 0 || pos >= (gint64) g_list_model_get_n_items (siblings))
    return;
  pl_autosave_flush (self->autosave, NULL);
  if (!pl_document_move (document, PL_RECORD (self->objective), (guint) pos, &error))
    pl_autosave_report_error (self->autosave, error);
}

static void
objective_add_action_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  pl_objective_row_add_action (PL_OBJECTIVE_ROW (widget));
}

static void
objective_move_up_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_objective (PL_OBJECTIVE_ROW (widget), -1);
}

static void
objective_move_down_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  move_objective (PL_OBJECTIVE_ROW (widget), +1);
}

static void
objective_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  /* The deletion takes this row out of its list: keep it (and what it
   * holds) alive until the signal below has been emitted. */
  g_autoptr(PlObjectiveRow) self = g_object_ref (PL_OBJECTIVE_ROW (widget));
  g_autoptr(PlObjective) objective = g_object_ref (self->objective);
  g_autoptr(PlAutosave) autosave = g_object_ref (self->autosave);
  g_autoptr(GError) error = NULL;

  pl_autosave_flush (autosave, NULL);
  if (!pl_document_delete (pl_autosave_get_document (autosave), PL_RECORD (objective), &error))
    pl_autosave_report_error (autosave, error);
  else
    g_signal_emit (self, signals[RECORD_DELETED], 0, objective, _("Objective deleted"));
}

static void
pl_objective_row_dispose (GObject *object)
{
  PlObjectiveRow *self = PL_OBJECTIVE_ROW (object);

  if (self->autosave != NULL)
    pl_autosave_release (self->autosave, self);
  if (self->actions != NULL)
    g_signal_handlers_disconnect_by_func (self->actions, actions_changed_cb, self);
  g_clear_object (&self->actions);
  g_clear_object (&self->objective);
  g_clear_object (&self->autosave);
  g_clear_object (&self->current_target);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_object (&self->focus_action);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OBJECTIVE_ROW);
  g_clear_object (&self->add_action_row);

  G_OBJECT_CLASS (pl_objective_row_parent_class)->dispose (object);
}

static void
pl_objective_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlObjectiveRow *self = PL_OBJECTIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_OBJECTIVE:
      g_value_set_object (value, self->objective);
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
pl_objective_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlObjectiveRow *self = PL_OBJECTIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_OBJECTIVE:
      self->objective = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void title_changed_cb (PlObjective    *objective,
                              GParamSpec     *pspec,
                              PlObjectiveRow *self);

static void
pl_objective_row_constructed (GObject *object)
{
  PlObjectiveRow *self = PL_OBJECTIVE_ROW (object);

  G_OBJECT_CLASS (pl_objective_row_parent_class)->constructed (object);

  g_return_if_fail (PL_IS_AUTOSAVE (self->autosave));
  g_return_if_fail (PL_IS_OBJECTIVE (self->objective));

  self->actions = g_object_ref (pl_document_get_actions (get_document (self), self->objective));
  g_signal_connect (self->actions, "items-changed", G_CALLBACK (actions_changed_cb), self);
  g_signal_connect_object (self->objective, "notify::title", G_CALLBACK (title_changed_cb), self, 0);
  title_changed_cb (self->objective, NULL, self);
  update_subtitle (self);
  gtk_label_set_text (self->number_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objective.add-action", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objective.move-up", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objective.move-down", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objective.delete", self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), self->editable);
}

static void
pl_objective_row_class_init (PlObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_objective_row_constructed;
  object_class->dispose = pl_objective_row_dispose;
  object_class->get_property = pl_objective_row_get_property;
  object_class->set_property = pl_objective_row_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECTIVE] =
    g_param_spec_object ("objective", NULL, NULL, PL_TYPE_OBJECTIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TARGET] =
    g_param_spec_object ("current-target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlObjectiveRow::record-deleted:
   * @record: the objective or action deleted
   * @message: what to say in a toast that offers to undo it
   */
  signals[RECORD_DELETED] =
    g_signal_new ("record-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PL_TYPE_RECORD, G_TYPE_STRING);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-objective-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlObjectiveRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, PlObjectiveRow, menu_button);

  gtk_widget_class_install_action (widget_class, "objective.add-action", NULL, objective_add_action_action);
  gtk_widget_class_install_action (widget_class, "objective.move-up", NULL, objective_move_up_action);
  gtk_widget_class_install_action (widget_class, "objective.move-down", NULL, objective_move_down_action);
  gtk_widget_class_install_action (widget_class, "objective.delete", NULL, objective_delete_action);
}

static void
pl_objective_row_init (PlObjectiveRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->action_rows = g_ptr_array_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

static void
title_changed_cb (PlObjective    *objective,
                  GParamSpec     *pspec,
                  PlObjectiveRow *self)
{
  const char *title = pl_objective_get_title (objective);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *title ? title : _("Untitled objective"));
  /* libadwaita 1.2 leaves an expander row unnamed: say the objective. */
  pl_accessible_set_label (GTK_WIDGET (self), *title ? title : _("Untitled objective"));
}

GtkWidget *
pl_objective_row_new (PlAutosave  *autosave,
                      PlObjective *objective,
                      gboolean     editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);
  g_return_val_if_fail (PL_IS_OBJECTIVE (objective), NULL);

  return g_object_new (PL_TYPE_OBJECTIVE_ROW,
                       "autosave", autosave,
                       "objective", objective,
                       "editable", editable,
                       NULL);
}

void
pl_objective_row_set_number (PlObjectiveRow *self,
                             const char     *number)
{
  g_return_if_fail (PL_IS_OBJECTIVE_ROW (self));
  gtk_label_set_text (self->number_label, number);
}

PlObjective *
pl_objective_row_get_objective (PlObjectiveRow *self)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE_ROW (self), NULL);
  return self->objective;
}

PlRecord *
pl_objective_row_get_current_target (PlObjectiveRow *self)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE_ROW (self), NULL);
  return self->current_target;
}

PlAction *
pl_objective_row_add_action (PlObjectiveRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlAction) action = NULL;

  g_return_val_if_fail (PL_IS_OBJECTIVE_ROW (self), NULL);

  if (!self->editable)
    return NULL;
  action = pl_document_add (get_document (self), PL_TYPE_ACTION, PL_RECORD (self->objective), -1, &error,
                            "title", _("New action"), NULL);
  if (action == NULL)
    {
      pl_autosave_report_error (self->autosave, error);
      return NULL;
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  build_content (self);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    open_action_dialog (self, action);
  else
    set_current_target (self, PL_RECORD (action));
  /* The document's list holds it. */
  return action;
}

void
pl_objective_row_focus (PlObjectiveRow *self)
{
  g_return_if_fail (PL_IS_OBJECTIVE_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  build_content (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static gboolean
select_in_editable (GtkEditable *editable,
                    const char  *text)
{
  const char *haystack = gtk_editable_get_text (editable);
  const char *found = text && *text ? strstr (haystack, text) : NULL;
  int start;

  if (found == NULL)
    return FALSE;
  start = (int) g_utf8_pointer_to_offset (haystack, found);
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_select_region (editable, start, start + (int) g_utf8_strlen (text, -1));
  return TRUE;
}

gboolean
pl_objective_row_select_text (PlObjectiveRow *self,
                              const char     *text)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE_ROW (self), FALSE);

  pl_objective_row_focus (self);
  set_current_target (self, PL_RECORD (self->objective));
  return select_in_editable (GTK_EDITABLE (self->description_row), text) ||
         select_in_editable (GTK_EDITABLE (self->title_row), text);
}

gboolean
pl_objective_row_reveal_action (PlObjectiveRow *self,
                                PlAction       *action,
                                const char     *text)
{
  g_return_val_if_fail (PL_IS_OBJECTIVE_ROW (self), FALSE);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  build_content (self);
  for (guint i = 0; i < self->action_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->action_rows, i);

      if (g_object_get_data (G_OBJECT (row), "pl-action") == (gpointer) action)
        {
          g_autofree char *haystack = g_strconcat (pl_action_get_title (action), "\n",
                                                   pl_action_get_indicator (action), "\n",
                                                   pl_action_get_lead_agency (action), NULL);

          gtk_widget_grab_focus (row);
          set_current_target (self, PL_RECORD (action));
          return text == NULL || *text == '\0' || strstr (haystack, text) != NULL;
        }
    }
  return FALSE;
}
