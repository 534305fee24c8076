/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-accessible.h"
#include "pl-markdown-view.h"
#include "pl-objective-row.h"
#include "pl-pillar-editor-private.h"
#include "pl-utils.h"

struct _PlPillarEditor
{
  AdwBin                  parent_instance;

  GtkScrolledWindow      *scroller;
  guint                   scroll_tick_id;   /* the one scroll request in flight */
  GtkLabel               *heading_label;
  GtkLabel               *counts_label;
  AdwEntryRow            *title_row;
  AdwEntryRow            *summary_row;
  GtkToggleButton        *search_button;
  GtkRevealer            *search_revealer;
  GtkSearchEntry         *search_entry;
  GtkLabel               *search_label;
  PlMarkdownView         *narrative_view;
  GtkWidget              *add_objective_button;
  GtkWidget              *placeholder_add_button;
  GtkListBox             *objectives_list;

  PlAutosave             *autosave;
  PlPillar               *pillar;
  GListModel             *objectives;
  PlRecord               *current_target;
  GtkSourceSearchContext *search;
  gboolean                editable;
  gboolean                built;     /* the template's widgets exist */
  gboolean                loaded;    /* and show the pillar */
};

G_DEFINE_FINAL_TYPE (PlPillarEditor, pl_pillar_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_PILLAR,
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
get_document (PlPillarEditor *self)
{
  return pl_autosave_get_document (self->autosave);
}

static void
set_current_target (PlPillarEditor *self,
                    PlRecord       *target)
{
  if (target == NULL)
    target = PL_RECORD (self->pillar);
  if (g_set_object (&self->current_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TARGET]);
}

static void
update_heading (PlPillarEditor *self)
{
  const char *title = pl_pillar_get_title (self->pillar);
  g_autofree char *narrative = NULL;

  if (!self->built)
    return;
  gtk_label_set_text (self->heading_label, *title ? title : _("Untitled pillar"));
  /* TRANSLATORS: the accessible name of a pillar's narrative editor;
   * %s is the pillar's title */
  narrative = g_strdup_printf (_("Narrative of %s"), *title ? title : _("Untitled pillar"));
  pl_accessible_set_label (GTK_WIDGET (self->narrative_view), narrative);
}

static void
update_counts (PlPillarEditor *self)
{
  guint n_objectives, n_actions = 0;
  g_autofree char *objectives = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *text = NULL;

  if (!self->loaded)
    return;
  n_objectives = g_list_model_get_n_items (self->objectives);
  for (guint i = 0; i < n_objectives; i++)
    {
      g_autoptr(PlObjective) objective = g_list_model_get_item (self->objectives, i);

      n_actions += g_list_model_get_n_items (pl_document_get_actions (get_document (self), objective));
    }
  objectives = g_strdup_printf (g_dngettext (NULL, "%u objective", "%u objectives", n_objectives), n_objectives);
  actions = g_strdup_printf (g_dngettext (NULL, "%u action", "%u actions", n_actions), n_actions);
  /* Translators: "3 objectives · 12 actions" */
  text = g_strdup_printf (_("%s · %s"), objectives, actions);
  gtk_label_set_text (self->counts_label, text);
}

static void
document_changed_cb (PlDocument     *document,
                     PlRecord       *record,
                     PlPillarEditor *self)
{
  if (record == NULL || PL_IS_OBJECTIVE (record) || PL_IS_ACTION (record))
    update_counts (self);
}

static void
renumber_rows (PlPillarEditor *self)
{
  guint pillar_number = (guint) pl_record_get_position (PL_RECORD (self->pillar)) + 1;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *number = NULL;

      if (!PL_IS_OBJECTIVE_ROW (child))
        continue;
      number = g_strdup_printf ("%u.%u", pillar_number, ++i);
      pl_objective_row_set_number (PL_OBJECTIVE_ROW (child), number);
    }
}

static void
objectives_changed_cb (GListModel     *model,
                       guint           position,
                       guint           removed,
                       guint           added,
                       PlPillarEditor *self)
{
  renumber_rows (self);
  update_counts (self);
  if (self->current_target != NULL && self->current_target != PL_RECORD (self->pillar) &&
      pl_record_is_deleted (self->current_target))
    set_current_target (self, NULL);
}

static void
row_target_cb (PlObjectiveRow *row,
               GParamSpec     *pspec,
               PlPillarEditor *self)
{
  PlRecord *target = pl_objective_row_get_current_target (row);

  if (target != NULL)
    set_current_target (self, target);
}

/* An objective or action was deleted in a row: passed on to the window,
 * which offers to undo it. */
static void
row_record_deleted_cb (PlObjectiveRow *row,
                       PlRecord       *record,
                       const char     *message,
                       PlPillarEditor *self)
{
  g_signal_emit (self, signals[RECORD_DELETED], 0, record, message);
}

static GtkWidget *
create_objective_row (gpointer item,
                      gpointer user_data)
{
  PlPillarEditor *self = user_data;
  GtkWidget *row = pl_objective_row_new (self->autosave, PL_OBJECTIVE (item), self->editable);

  g_signal_connect_object (row, "notify::current-target", G_CALLBACK (row_target_cb), self, 0);
  g_signal_connect_object (row, "record-deleted", G_CALLBACK (row_record_deleted_cb), self, 0);
  return row;
}

static void
narrative_focus_cb (GtkEventControllerFocus *controller,
                    PlPillarEditor          *self)
{
  set_current_target (self, NULL);
}

/* ---- search ---- */

static void
update_search_label (PlPillarEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  GtkTextIter start, end;
  int count = gtk_source_search_context_get_occurrences_count (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  if (*text == '\0' || count < 0)
    {
      gtk_label_set_text (self->search_label, "");
      return;
    }
  if (count == 0)
    {
      gtk_label_set_text (self->search_label, _("No match"));
      return;
    }
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  {
    int pos = gtk_source_search_context_get_occurrence_position (self->search, &start, &end);

    if (pos > 0)
      /* Translators: "3 of 12" matches */
      label = g_strdup_printf (_("%d of %d"), pos, count);
    else
      label = g_strdup_printf (g_dngettext (NULL, "%d match", "%d matches", count), count);
  }
  gtk_label_set_text (self->search_label, label);
}

static void
occurrences_cb (GtkSourceSearchContext *search,
                GParamSpec             *pspec,
                PlPillarEditor         *self)
{
  update_search_label (self);
}

static gboolean
find (PlPillarEditor *self,
      gboolean        forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end, NULL);
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->narrative_view), gtk_text_buffer_get_insert (buffer));
    }
  update_search_label (self);
  return found;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   PlPillarEditor *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  GtkTextIter start;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_source_search_settings_set_search_text (settings, *text ? text : NULL);
  /* Search again from the start of the selection, so the match grows in place. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, NULL);
  gtk_text_buffer_place_cursor (buffer, &start);
  if (*text)
    find (self, TRUE);
  else
    update_search_label (self);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    PlPillarEditor *self)
{
  find (self, TRUE);
}

static void
search_stop_cb (GtkSearchEntry *entry,
                PlPillarEditor *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->narrative_view));
}

static void
search_toggled_cb (GtkToggleButton *button,
                   PlPillarEditor  *self)
{
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_revealer_set_reveal_child (self->search_revealer, active);
  gtk_source_search_context_set_highlight (self->search, active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- actions ---- */

static GtkTextBuffer *
narrative_buffer (PlPillarEditor *self)
{
  pl_pillar_editor_ensure_loaded (self);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
}

static void
pillar_undo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkTextBuffer *buffer = narrative_buffer (PL_PILLAR_EDITOR (widget));

  if (gtk_text_buffer_get_can_undo (buffer))
    gtk_text_buffer_undo (buffer);
}

static void
pillar_redo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkTextBuffer *buffer = narrative_buffer (PL_PILLAR_EDITOR (widget));

  if (gtk_text_buffer_get_can_redo (buffer))
    gtk_text_buffer_redo (buffer);
}

static void
pillar_add_objective_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  pl_pillar_editor_add_objective (PL_PILLAR_EDITOR (widget));
}

static void
pillar_find_next_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (widget);

  pl_pillar_editor_ensure_loaded (self);
  find (self, TRUE);
}

static void
pillar_find_previous_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (widget);

  pl_pillar_editor_ensure_loaded (self);
  find (self, FALSE);
}

static void
update_undo_actions (PlPillarEditor *self)
{
  GtkTextBuffer *buffer;

  if (!self->built)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pillar.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pillar.redo", FALSE);
      return;
    }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pillar.undo",
                                 self->editable && gtk_text_buffer_get_can_undo (buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pillar.redo",
                                 self->editable && gtk_text_buffer_get_can_redo (buffer));
}

/* ---- GObject ---- */

static void
pl_pillar_editor_dispose (GObject *object)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (object);

  if (self->autosave != NULL)
    {
      pl_autosave_release (self->autosave, self);
      g_signal_handlers_disconnect_by_func (pl_autosave_get_document (self->autosave), document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (pl_autosave_get_document (self->autosave), renumber_rows, self);
    }
  if (self->objectives != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->objectives, objectives_changed_cb, self);
      gtk_list_box_bind_model (self->objectives_list, NULL, NULL, NULL, NULL);
    }
  /* AdwBin unparents its child itself: detach it before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PILLAR_EDITOR);
  g_clear_object (&self->search);
  g_clear_object (&self->objectives);
  g_clear_object (&self->current_target);
  g_clear_object (&self->pillar);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (pl_pillar_editor_parent_class)->dispose (object);
}

static void
pl_pillar_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_PILLAR:
      g_value_set_object (value, self->pillar);
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
pl_pillar_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_PILLAR:
      self->pillar = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_pillar_editor_constructed (GObject *object)
{
  PlPillarEditor *self = PL_PILLAR_EDITOR (object);

  G_OBJECT_CLASS (pl_pillar_editor_parent_class)->constructed (object);

  g_return_if_fail (PL_IS_AUTOSAVE (self->autosave));
  g_return_if_fail (PL_IS_PILLAR (self->pillar));

  self->current_target = g_object_ref (PL_RECORD (self->pillar));
  g_signal_connect_object (self->pillar, "notify::title", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pillar.add-objective", self->editable);
}

static void
pl_pillar_editor_class_init (PlPillarEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_pillar_editor_constructed;
  object_class->dispose = pl_pillar_editor_dispose;
  object_class->get_property = pl_pillar_editor_get_property;
  object_class->set_property = pl_pillar_editor_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, PL_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PILLAR] =
    g_param_spec_object ("pillar", NULL, NULL, PL_TYPE_PILLAR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TARGET] =
    g_param_spec_object ("current-target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlPillarEditor::record-deleted:
   * @record: the objective or action deleted
   * @message: what to say in a toast that offers to undo it
   */
  signals[RECORD_DELETED] =
    g_signal_new ("record-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PL_TYPE_RECORD, G_TYPE_STRING);

  g_type_ensure (PL_TYPE_MARKDOWN_VIEW);
  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-pillar-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, search_button);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, search_label);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, add_objective_button);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, placeholder_add_button);
  gtk_widget_class_bind_template_child (widget_class, PlPillarEditor, objectives_list);

  gtk_widget_class_install_action (widget_class, "pillar.undo", NULL, pillar_undo_action);
  gtk_widget_class_install_action (widget_class, "pillar.redo", NULL, pillar_redo_action);
  gtk_widget_class_install_action (widget_class, "pillar.add-objective", NULL, pillar_add_objective_action);
  gtk_widget_class_install_action (widget_class, "pillar.find-next", NULL, pillar_find_next_action);
  gtk_widget_class_install_action (widget_class, "pillar.find-previous", NULL, pillar_find_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pillar.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pillar.find-previous", NULL);
}

static void
pl_pillar_editor_init (PlPillarEditor *self)
{
}

/* A window has a tab per pillar and shows one: the widgets of a pillar's
 * page (a template of some 80 widgets with a Markdown editor) are made when
 * it is first needed, not with the window. The template is this final
 * class's own and no construct property touches its widgets, so building
 * it after construction loses nothing. */
static void
ensure_built (PlPillarEditor *self)
{
  GtkEventController *focus;
  GtkTextBuffer *buffer;

  if (self->built)
    return;
  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  self->search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
  gtk_source_search_context_set_highlight (self->search, FALSE);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search), TRUE);
  g_signal_connect (self->search, "notify::occurrences-count", G_CALLBACK (occurrences_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
  g_signal_connect (self->search_button, "toggled", G_CALLBACK (search_toggled_cb), self);
  g_signal_connect_swapped (buffer, "notify::can-undo", G_CALLBACK (update_undo_actions), self);
  g_signal_connect_swapped (buffer, "notify::can-redo", G_CALLBACK (update_undo_actions), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (narrative_focus_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->narrative_view), focus);

  update_heading (self);
  update_undo_actions (self);
  gtk_widget_set_visible (self->add_objective_button, self->editable);
  gtk_widget_set_visible (self->placeholder_add_button, self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->summary_row), self->editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->narrative_view), self->editable);
}

GtkWidget *
pl_pillar_editor_new (PlAutosave *autosave,
                      PlPillar   *pillar,
                      gboolean    editable)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (autosave), NULL);
  g_return_val_if_fail (PL_IS_PILLAR (pillar), NULL);

  return g_object_new (PL_TYPE_PILLAR_EDITOR,
                       "autosave", autosave,
                       "pillar", pillar,
                       "editable", editable,
                       NULL);
}

PlPillar *
pl_pillar_editor_get_pillar (PlPillarEditor *self)
{
  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), NULL);
  return self->pillar;
}

gboolean
pl_pillar_editor_is_loaded (PlPillarEditor *self)
{
  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), FALSE);
  return self->loaded;
}

void
pl_pillar_editor_ensure_loaded (PlPillarEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (PL_IS_PILLAR_EDITOR (self));

  if (self->loaded)
    return;
  ensure_built (self);
  self->loaded = TRUE;

  pl_autosave_bind (self->autosave, self->title_row, PL_RECORD (self->pillar), "title", self);
  pl_autosave_bind (self->autosave, self->summary_row, PL_RECORD (self->pillar), "summary", self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
  pl_autosave_bind (self->autosave, buffer, PL_RECORD (self->pillar), "body", self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  self->objectives = g_object_ref (pl_document_get_objectives (get_document (self), self->pillar));
  gtk_list_box_bind_model (self->objectives_list, self->objectives, create_objective_row, self, NULL);
  g_signal_connect_after (self->objectives, "items-changed", G_CALLBACK (objectives_changed_cb), self);
  g_signal_connect (get_document (self), "changed", G_CALLBACK (document_changed_cb), self);
  /* "4.2" comes from the pillar's position too: another pillar's move or
   * delete renumbers these rows. */
  g_signal_connect_swapped (get_document (self), "renumbered", G_CALLBACK (renumber_rows), self);
  renumber_rows (self);
  update_counts (self);
}

GtkTextBuffer *
pl_pillar_editor_get_buffer (PlPillarEditor *self)
{
  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), NULL);
  pl_pillar_editor_ensure_loaded (self);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
}

PlRecord *
pl_pillar_editor_get_current_target (PlPillarEditor *self)
{
  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), NULL);
  return self->current_target;
}

static PlObjectiveRow *
find_row (PlPillarEditor *self,
          PlObjective    *objective)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PL_IS_OBJECTIVE_ROW (child) &&
        pl_objective_row_get_objective (PL_OBJECTIVE_ROW (child)) == objective)
      return PL_OBJECTIVE_ROW (child);
  return NULL;
}

static void scroll_to_widget (PlPillarEditor *self,
                              GtkWidget      *widget,
                              double          y);

PlObjective *
pl_pillar_editor_add_objective (PlPillarEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlObjective) objective = NULL;
  PlObjectiveRow *row;

  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), NULL);

  if (!self->editable)
    return NULL;
  pl_pillar_editor_ensure_loaded (self);
  objective = pl_document_add (get_document (self), PL_TYPE_OBJECTIVE, PL_RECORD (self->pillar), -1, &error,
                               "title", _("New objective"), NULL);
  if (objective == NULL)
    {
      pl_autosave_report_error (self->autosave, error);
      return NULL;
    }
  row = find_row (self, objective);
  if (row != NULL)
    {
      /* Land on the new objective: focused, and scrolled to once laid out
       * (GTK 4.8 does not scroll to the focus by itself). */
      pl_objective_row_focus (row);
      scroll_to_widget (self, GTK_WIDGET (row), 0);
      set_current_target (self, PL_RECORD (objective));
    }
  return objective;
}

PlAction *
pl_pillar_editor_add_action (PlPillarEditor *self)
{
  g_autoptr(PlObjective) objective = NULL;
  PlObjectiveRow *row;
  guint n;

  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), NULL);

  if (!self->editable)
    return NULL;
  pl_pillar_editor_ensure_loaded (self);
  if (PL_IS_OBJECTIVE (self->current_target))
    objective = g_object_ref (PL_OBJECTIVE (self->current_target));
  else if (PL_IS_ACTION (self->current_target))
    objective = pl_document_get_objective_of (get_document (self), PL_ACTION (self->current_target));
  n = g_list_model_get_n_items (self->objectives);
  if (objective == NULL && n > 0)
    objective = g_list_model_get_item (self->objectives, n - 1);
  if (objective == NULL)
    {
      /* An action needs an objective: make one first. */
      PlObjective *created = pl_pillar_editor_add_objective (self);

      if (created == NULL)
        return NULL;
      objective = g_object_ref (created);
    }
  row = find_row (self, objective);
  return row ? pl_objective_row_add_action (row) : NULL;
}

void
pl_pillar_editor_start_search (PlPillarEditor *self)
{
  g_return_if_fail (PL_IS_PILLAR_EDITOR (self));

  pl_pillar_editor_ensure_loaded (self);
  if (gtk_toggle_button_get_active (self->search_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_toggle_button_set_active (self->search_button, TRUE);
}

typedef struct {
  PlPillarEditor *self;
  GtkWidget      *widget;
  double          y;
  guint           tries;
} ScrollRequest;

static void
scroll_request_free (gpointer data)
{
  ScrollRequest *request = data;

  g_object_unref (request->widget);
  g_free (request);
}

/* Brings the point @y of @widget near the top of the page, once the page
 * is laid out again (an objective that was just expanded has grown). */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ScrollRequest *request = data;
  PlPillarEditor *self = request->self;
  GtkWidget *child = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, (float) request->y), out;
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);

  /* A row added or expanded in this frame has no place yet, and rows above
   * it may still grow as they fill: keep it in view for a few frames. */
  if (child != NULL && gtk_widget_get_mapped (request->widget) &&
      gtk_widget_compute_point (request->widget, child, &in, &out) &&
      (out.y < value || out.y + 120 > value + page))
    gtk_adjustment_set_value (adj, MAX (0, out.y - page / 4));
  if (++request->tries < 8)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_widget (PlPillarEditor *self,
                  GtkWidget      *widget,
                  double          y)
{
  ScrollRequest *request = g_new0 (ScrollRequest, 1);

  request->self = self;
  request->widget = g_object_ref (widget);
  request->y = y;
  /* The latest request wins: two would fight over the scroll position. */
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, request, scroll_request_free);
}

gboolean
pl_pillar_editor_show_passage (PlPillarEditor *self,
                               PlRecord       *target,
                               const char     *quote)
{
  g_return_val_if_fail (PL_IS_PILLAR_EDITOR (self), FALSE);

  pl_pillar_editor_ensure_loaded (self);

  if (target == NULL || PL_IS_PILLAR (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative_view));
      GtkTextIter iter;
      GdkRectangle rect;
      int wx, wy;

      set_current_target (self, NULL);
      if (quote == NULL || *quote == '\0')
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->narrative_view));
          return TRUE;
        }
      if (!pl_markdown_view_select_text (self->narrative_view, quote))
        {
          const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
          const char *summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));

          return strstr (title, quote) != NULL || strstr (summary, quote) != NULL;
        }
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->narrative_view), &iter, &rect);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->narrative_view), GTK_TEXT_WINDOW_WIDGET,
                                             rect.x, rect.y, &wx, &wy);
      scroll_to_widget (self, GTK_WIDGET (self->narrative_view), wy);
      return TRUE;
    }
  if (PL_IS_OBJECTIVE (target))
    {
      PlObjectiveRow *row = find_row (self, PL_OBJECTIVE (target));
      gboolean found;

      if (row == NULL)
        return FALSE;
      found = pl_objective_row_select_text (row, quote);
      scroll_to_widget (self, GTK_WIDGET (row), 0);
      return found || quote == NULL || *quote == '\0';
    }
  if (PL_IS_ACTION (target))
    {
      g_autoptr(PlObjective) objective = pl_document_get_objective_of (get_document (self), PL_ACTION (target));
      PlObjectiveRow *row = objective ? find_row (self, objective) : NULL;
      gboolean found;

      if (row == NULL)
        return FALSE;
      found = pl_objective_row_reveal_action (row, PL_ACTION (target), quote);
      scroll_to_widget (self, GTK_WIDGET (row), 0);
      return found;
    }
  return FALSE;
}

void
pl_pillar_editor_focus_title (PlPillarEditor *self)
{
  g_return_if_fail (PL_IS_PILLAR_EDITOR (self));

  pl_pillar_editor_ensure_loaded (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
