/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-document-history.h"
#include "pl-feedback-format.h"
#include "pl-utils.h"
#include "pl-welcome-page.h"
#include "pl-window-format.h"
#include "pl-window-private.h"

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CURRENT_TARGET,
  PROP_FEEDBACK_VISIBLE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
pl_window_is_editable (PlWindow *self)
{
  return self->document != NULL && !self->closed && !pl_document_is_read_only (self->document) &&
         !_pl_window_versions_locked (self);
}

/* ---- header ---- */

static void
update_title (PlWindow *self)
{
  PlStrategy *strategy;
  const char *title;
  g_autofree char *subtitle = NULL;
  g_autofree char *live = NULL;
  const char *status;

  if (self->window_title == NULL)  /* disposed */
    return;
  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Pillars"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Pillars"));
      return;
    }
  strategy = pl_document_get_strategy (self->document);
  title = pl_strategy_get_title (strategy);
  if (title == NULL || *title == '\0')
    title = _("Untitled strategy");
  status = pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (strategy));

  live = self->feedback_pane ? pl_feedback_format_live (pl_feedback_pane_get_active_workshop (self->feedback_pane)) : NULL;
  subtitle = pl_window_format_subtitle (pl_strategy_get_status (strategy),
                                        pl_document_is_read_only (self->document),
                                        pl_autosave_get_pending (self->autosave),
                                        self->save_failed,
                                        live);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_menu_button_set_label (self->status_button, status);
}

static void
pending_cb (PlWindow *self)
{
  if (self->autosave != NULL && !pl_autosave_get_pending (self->autosave))
    self->save_failed = FALSE;
  update_title (self);
}

static void
strategy_notify_cb (PlStrategy *strategy,
                    GParamSpec *pspec,
                    PlWindow   *self)
{
  update_title (self);
  if (g_str_equal (g_param_spec_get_name (pspec), "status"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static const char *
get_status (PlWindow *self)
{
  if (self->document == NULL)
    return "drafting";
  return pl_enum_to_nick (PL_TYPE_LIFECYCLE, pl_strategy_get_status (pl_document_get_strategy (self->document)));
}

static void
set_status (PlWindow   *self,
            const char *nick)
{
  g_autoptr(GError) error = NULL;
  int value;

  if (self->document == NULL || nick == NULL)
    return;
  if (!pl_enum_from_nick (PL_TYPE_LIFECYCLE, nick, &value))
    return;
  if (value == (int) pl_strategy_get_status (pl_document_get_strategy (self->document)))
    return;
  if (!pl_record_set (PL_RECORD (pl_document_get_strategy (self->document)), &error, "status", value, NULL))
    pl_window_show_error (self, _("Could Not Change the Status"), error);
}

void
pl_window_set_current_target (PlWindow *self,
                              PlRecord *target)
{
  if (g_set_object (&self->current_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TARGET]);
}

/* ---- toasts and errors ---- */

void
pl_window_add_toast (PlWindow   *self,
                     const char *title)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
pl_window_show_error (PlWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (PL_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_failed_cb (GObject  *source,
                 GError   *error,
                 PlWindow *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  self->save_failed = TRUE;
  update_title (self);
  /* Translators: a toast when typing could not be saved; %s is why. */
  title = g_strdup_printf (_("Not saved: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A list of the document could not be read from the file (it shows
 * empty): say so, as for a failed write, rather than let it look lost. */
static void
read_failed_cb (PlDocument *document,
                GError     *error,
                PlWindow   *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  /* Translators: a toast when part of the document could not be read; %s is why. */
  title = g_strdup_printf (_("Could not read the document: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clicked_cb (AdwToast *toast,
                 PlWindow *self)
{
  PlRecord *record = g_object_get_data (G_OBJECT (toast), "pl-record");
  const char *label = g_object_get_data (G_OBJECT (toast), "pl-undo-label");
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->closed || record == NULL || !pl_record_is_deleted (record))
    return;
  /* Still the last change: undo it through the history, so Redo can
   * delete it again; else bring back just this record. */
  if (label != NULL && g_strcmp0 (pl_document_get_undo_label (self->document), label) == 0)
    {
      g_autofree char *undone = NULL;

      if (!pl_document_undo (self->document, &undone, &error))
        pl_window_show_error (self, _("Could Not Undo"), error);
    }
  else if (!pl_document_undelete (self->document, record, &error))
    pl_window_show_error (self, _("Could Not Undo"), error);
  if (error == NULL && PL_IS_PILLAR (record))
    {
      AdwTabPage *page = pl_window_get_pillar_page (self, PL_PILLAR (record));

      if (page != NULL)
        adw_tab_view_set_selected_page (self->tab_view, page);
    }
}

void
pl_window_offer_undo (PlWindow   *self,
                      PlRecord   *record,
                      const char *title)
{
  AdwToast *toast;
  g_autofree char *what = NULL;
  g_autofree char *full = NULL;

  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (PL_IS_RECORD (record));

  /* The toast says what was deleted: "Deleted action “Train 500 judges”". */
  what = pl_document_describe_record (record);
  /* Translators: a toast after a delete; %s is the item, e.g. action “Train judges”. */
  full = what != NULL ? g_strdup_printf (_("Deleted %s"), what) : g_strdup (title);
  toast = adw_toast_new (full);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "pl-record", g_object_ref (record), g_object_unref);
  if (self->document != NULL)
    g_object_set_data_full (G_OBJECT (toast), "pl-undo-label",
                            g_strdup (pl_document_get_undo_label (self->document)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- side pane ---- */

static void
update_side_pane (PlWindow *self)
{
  gboolean has_pane = adw_bin_get_child (self->feedback_slot) != NULL;

  _pl_window_layout_show_pane (self, has_pane, has_pane && self->feedback_visible);
  gtk_widget_set_visible (self->feedback_button, has_pane && self->document != NULL);
}

void
pl_window_set_side_pane (PlWindow  *self,
                         GtkWidget *pane)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  adw_bin_set_child (self->feedback_slot, pane);
  update_side_pane (self);
}

GtkWidget *
pl_window_get_side_pane (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return adw_bin_get_child (self->feedback_slot);
}

static void
set_feedback_visible (PlWindow *self,
                      gboolean  visible)
{
  visible = !!visible;
  if (self->feedback_visible == visible)
    return;
  self->feedback_visible = visible;
  /* The setting is the side-by-side layout's; a narrow window's overlay
   * opens and closes without changing it. */
  if (!_pl_window_layout_folded (self))
    g_settings_set_boolean (self->settings, "feedback-pane-visible", visible);
  update_side_pane (self);
  if (visible && self->feedback_pane != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pl_feedback_pane_focus_capture (self->feedback_pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK_VISIBLE]);
}

static void
paned_position_cb (GtkPaned   *paned,
                   GParamSpec *pspec,
                   PlWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int pane = width - gtk_paned_get_position (paned);

  if (width > 0 && _pl_window_layout_pane_placed (self) && !_pl_window_layout_folded (self) &&
      gtk_widget_get_visible (GTK_WIDGET (self->feedback_slot)) && pane >= 240 && pane <= 1200)
    g_settings_set_int (self->settings, "feedback-pane-width", pane);
}

static void
show_passage_cb (PlFeedbackPane *pane,
                 PlFeedback     *feedback,
                 PlWindow       *self)
{
  g_autoptr(PlRecord) target = NULL;

  if (self->document == NULL || self->closed)
    return;
  target = pl_document_get_feedback_target (self->document, feedback);
  if (!pl_window_show_passage (self, target, pl_feedback_get_quote (feedback)))
    pl_window_add_toast (self, _("The quoted passage is no longer in the text"));
}

/* ---- closing ---- */

gboolean
pl_window_flush (PlWindow  *self,
                 GError   **error)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->document == NULL || self->closed)
    return TRUE;
  if (!pl_autosave_flush (self->autosave, error))
    return FALSE;
  if (pl_document_is_read_only (self->document))
    return TRUE;
  return pl_document_flush (self->document, error);
}

static void
save_window_state (PlWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Everything typed is written and the file is closed (and unlocked). */
void
pl_window_close_document (PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->closed)
    return;
  if (!pl_autosave_flush (self->autosave, &error) && !self->close_anyway)
    g_warning ("Could not save the last changes to %s: %s",
               pl_document_get_path (self->document), error->message);
  self->closed = TRUE;
  pl_window_tabs_close (self);
  g_clear_handle_id (&self->menu_closed_id, g_source_remove);
  pl_document_close (self->document);
}

static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlWindow         *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      /* After the dialog, which is transient for this window, has gone. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
    }
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  PlWindow *self = PL_WINDOW (window);

  if (self->document != NULL && !self->closed)
    {
      g_autoptr(GError) error = NULL;

      save_window_state (self);
      /* Never lose typing silently: if it cannot be written, say so. */
      if (!pl_autosave_flush (self->autosave, &error) && !self->close_anyway)
        {
          GtkWidget *dialog;

          dialog = adw_message_dialog_new (window, _("Your Last Changes Could Not Be Saved"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("%s\n\nIf you close the window, what you typed since the last save is lost. "
                                            "Keep it open to copy the text elsewhere."),
                                          error->message);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "keep", _("_Keep Open"),
                                            "close", _("_Close Anyway"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
          g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return GDK_EVENT_STOP;
        }
    }
  pl_window_close_document (self);
  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

/* ---- GObject ---- */

static void
pl_window_constructed (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);
  gboolean editable;

  G_OBJECT_CLASS (pl_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->feedback_visible = g_settings_get_boolean (self->settings, "feedback-pane-visible");

  if (self->document == NULL)
    {
      /* Only a window without a document makes its welcome page. */
      gtk_stack_add_named (self->main_stack, pl_welcome_page_new (self->settings), "welcome");
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_set_visible (self->new_pillar_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-for-review", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pillar", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status", FALSE);
      _pl_window_versions_install (self);
      pl_window_update_page_actions (self);
      update_side_pane (self);
      update_title (self);
      return;
    }

  editable = pl_window_is_editable (self);
  self->autosave = pl_autosave_new (self->document);
  g_signal_connect_object (self->autosave, "write-failed", G_CALLBACK (write_failed_cb), self, 0);
  g_signal_connect_object (self->document, "write-failed", G_CALLBACK (write_failed_cb), self, 0);
  g_signal_connect_object (self->document, "read-failed", G_CALLBACK (read_failed_cb), self, 0);
  g_signal_connect_object (self->autosave, "notify::pending", G_CALLBACK (pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::generation", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pl_document_get_strategy (self->document), "notify",
                           G_CALLBACK (strategy_notify_cb), self, 0);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  pl_window_tabs_init (self);
  _pl_window_undo_install (self);
  _pl_window_merge_install (self);
  _pl_window_search_install (self);

  /* The feedback pane: captures attach to what the front tab is about, and
   * quote the selection of the editor in front. */
  self->feedback_pane = pl_feedback_pane_new (self->document);
  pl_window_set_side_pane (self, GTK_WIDGET (self->feedback_pane));
  g_object_bind_property (self, "current-target", self->feedback_pane, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->feedback_pane, "show-passage", G_CALLBACK (show_passage_cb), self, 0);
  g_signal_connect_object (self->feedback_pane, "notify::active-workshop", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  _pl_window_layout_place_pane (self);
  g_signal_connect (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pillar", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status", editable);
  pl_window_front_tab_changed (self);
  update_side_pane (self);
  update_title (self);
  pl_window_update_current_target (self);
  pl_after_first_frame (GTK_WIDGET (self), pl_window_show_tab_tooltips);
  _pl_window_input_install (self);
  _pl_window_announce_install (self);

  _pl_window_versions_install (self);
  if (pl_document_is_read_only (self->document))
    {
      const char *reason = pl_document_get_read_only_reason (self->document);
      AdwToast *toast = adw_toast_new (reason && *reason ? reason : _("Opened read-only: nothing can be changed"));

      gtk_widget_add_css_class (GTK_WIDGET (self), "pl-read-only");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  pl_window_close_document (self);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->feedback_pane != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feedback_pane, self);
      self->feedback_pane = NULL;  /* owned by the side-pane slot */
    }
  pl_window_tabs_dispose (self);
  /* The pages release their bindings (writing nothing: all is flushed). */
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);
  g_clear_pointer (&self->pillar_pages, g_hash_table_unref);
  g_clear_object (&self->current_target);
  g_clear_object (&self->autosave);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CURRENT_TARGET:
      g_value_set_object (value, self->current_target);
      break;
    case PROP_FEEDBACK_VISIBLE:
      g_value_set_boolean (value, self->feedback_visible);
      break;
    case PROP_STATUS:
      g_value_set_string (value, get_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_FEEDBACK_VISIBLE:
      set_feedback_visible (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      set_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_window_constructed;
  object_class->dispose = pl_window_dispose;
  object_class->get_property = pl_window_get_property;
  object_class->set_property = pl_window_set_property;
  window_class->close_request = pl_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TARGET] =
    g_param_spec_object ("current-target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FEEDBACK_VISIBLE] =
    g_param_spec_boolean ("feedback-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "drafting",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, new_pillar_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, status_menu);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, flap_clamp);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_slot);

  pl_window_class_install_actions (widget_class);
  _pl_window_versions_class_install (widget_class);
}

/* The keyboard shortcuts window is made when first asked for, not with
 * every window as GtkApplication does from gtk/help-overlay.ui. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pillars/Pillars/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry window_entries[] = {
  { "show-help-overlay", show_help_overlay_cb },
};

static void
pl_window_init (PlWindow *self)
{
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_entries, G_N_ELEMENTS (window_entries), self);
  _pl_window_export_install (self);
  gtk_widget_init_template (GTK_WIDGET (self));
  _pl_window_import_install (self);
  _pl_window_layout_install (self);
  _pl_window_review_install (self);
  pl_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
  pl_menu_button_set_menu_later (self->status_button, self->status_menu);
  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

PlWindow *
pl_window_new (GtkApplication *application,
               PlDocument     *document)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || PL_IS_DOCUMENT (document), NULL);

  return g_object_new (PL_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

PlDocument *
pl_window_get_document (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->document;
}
