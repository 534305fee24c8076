/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-capture-bar.h"
#include "pl-utils.h"
#include "pl-window-private.h"

/* The window's keys, wherever the focus is: the capture bar's shortcuts
 * (a facilitator presses Alt+S while the cursor is in the strategy text),
 * a jump to the capture text and back, text-navigation keys kept for the
 * text (AdwTabView 1.2 takes Ctrl+Home/End for its tabs even inside a text
 * view and has no way to turn that off), the first focus on the content
 * rather than the header's "+" button, and a tab's × that never deletes. */

typedef struct
{
  PlWindow  *window;
  GtkWidget *return_focus;   /* weak: where Alt+T goes back to */
} InputState;

static void
input_state_free (gpointer data)
{
  InputState *state = data;

  g_clear_weak_pointer (&state->return_focus);
  g_free (state);
}

static InputState *
get_state (PlWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "pl-window-input");
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (root == NULL)
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The capture bar of the feedback pane, shown (the pane is opened) when
 * @show; NULL when the window has no document. */
static PlCaptureBar *
get_capture_bar (PlWindow *self,
                 gboolean  show)
{
  GtkWidget *bar;

  if (self->feedback_pane == NULL || self->closed)
    return NULL;
  bar = find_descendant (GTK_WIDGET (self->feedback_pane), PL_TYPE_CAPTURE_BAR);
  if (bar != NULL && show && !self->feedback_visible)
    g_object_set (self, "feedback-visible", TRUE, NULL);
  if (bar != NULL && show)
    pl_feedback_pane_open_capture (self->feedback_pane);
  return bar ? PL_CAPTURE_BAR (bar) : NULL;
}

static gboolean
focus_in_capture_bar (PlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  PlCaptureBar *bar = get_capture_bar (self, FALSE);

  return focus != NULL && bar != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (bar));
}

/* Remembers the last focus outside the feedback pane, so that Alt+T can go
 * back there after a capture, however the capture bar was reached. */
static void
focus_widget_cb (PlWindow   *self,
                 GParamSpec *pspec,
                 InputState *state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || self->feedback_pane == NULL ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->feedback_pane)) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_bar)))
    return;
  g_set_weak_pointer (&state->return_focus, focus);
}

static gboolean
focus_stakeholder_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  PlCaptureBar *bar = get_capture_bar (PL_WINDOW (widget), TRUE);

  if (bar == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (bar), "capture.focus-stakeholder", NULL);
}

/* Alt+T: to the capture text, and from the capture text back to where the
 * focus was before. From the bar's other fields (who is speaking, a new
 * stakeholder's organisation) it goes on to the text: Alt+S, the name,
 * Alt+T, what was said, is how a facilitator captures; going back there
 * sent what was said into the strategy's text. */
static gboolean
capture_text_toggle_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  PlWindow *self = PL_WINDOW (widget);
  InputState *state = get_state (self);
  PlCaptureBar *bar = get_capture_bar (self, FALSE);

  if (focus_in_capture_bar (self) && bar != NULL && pl_capture_bar_text_has_focus (bar))
    {
      if (state->return_focus != NULL && gtk_widget_get_mapped (state->return_focus))
        return gtk_widget_grab_focus (state->return_focus);
      return gtk_widget_child_focus (GTK_WIDGET (self->tab_view), GTK_DIR_TAB_FORWARD);
    }
  bar = get_capture_bar (self, TRUE);
  if (bar == NULL)
    return FALSE;
  pl_capture_bar_focus_text (bar);
  return TRUE;
}

/* Ctrl+Alt+F: to the feedback pane's search, from anywhere (Ctrl+Shift+F
 * is the whole strategy's search). */
static gboolean
feedback_search_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  PlWindow *self = PL_WINDOW (widget);

  if (get_capture_bar (self, TRUE) == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->feedback_pane), "pane.focus-search", NULL);
}

static gboolean
capture_kind_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PlCaptureBar *bar = get_capture_bar (PL_WINDOW (widget), TRUE);

  if (bar == NULL)
    return FALSE;
  pl_capture_bar_set_kind (bar, (PlFeedbackKind) g_variant_get_int32 (args));
  return TRUE;
}

/* Alt+1…6 pick a new stakeholder's sector while in the capture bar (it
 * says so); elsewhere they stay the tabs' keys. */
static gboolean
capture_sector_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  PlWindow *self = PL_WINDOW (widget);
  PlCaptureBar *bar = get_capture_bar (self, FALSE);

  if (bar == NULL || !focus_in_capture_bar (self) ||
      !gtk_widget_activate_action_variant (GTK_WIDGET (bar), "capture.sector", args))
    return FALSE;
  return TRUE;
}

/* Ctrl+Home/End (with Shift: selecting) move in the focused text, before
 * AdwTabView's shortcuts can switch or reorder tabs with them. */
static gboolean
text_ends_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));
  int count;
  gboolean extend;

  if (!GTK_IS_TEXT_VIEW (focus) && !GTK_IS_TEXT (focus))
    return FALSE;  /* not in a text: the tabs may have the key */
  g_variant_get (args, "(ib)", &count, &extend);
  g_signal_emit_by_name (focus, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, count, extend);
  return TRUE;
}

static void
add_callback_shortcut (GtkShortcutController *controller,
                       guint                  keyval,
                       GdkModifierType        modifiers,
                       GtkShortcutFunc        callback,
                       GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (callback, NULL, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The first focus belongs to the content: the window would otherwise give
 * it to the header's first button, "+", where a stray Space or Enter adds a
 * pillar. */
static void
first_focus (GtkWidget *widget)
{
  PlWindow *self = PL_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  AdwTabPage *page;

  if (self->closed || self->document == NULL)
    return;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_bar)))
    return;  /* the user already went somewhere */
  page = adw_tab_view_get_selected_page (self->tab_view);
  if (page == NULL || !gtk_widget_child_focus (adw_tab_page_get_child (page), GTK_DIR_TAB_FORWARD))
    return;
  /* An entry selects its text when focused: a stray key would replace the
   * strategy's title. The cursor at the end instead. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), -1);
}

/* A tab's × is not a way to delete a pillar, and every tab is part of the
 * strategy: say where deleting is instead of doing anything. */
static gboolean
close_page_cb (AdwTabView *view,
               AdwTabPage *page,
               PlWindow   *self)
{
  AdwToast *toast;

  if (self->reconciling || self->closed)
    return GDK_EVENT_PROPAGATE;  /* the window's own handler closes it */
  adw_tab_view_close_page_finish (view, page, FALSE);
  if (pl_window_page_editor (page) != NULL)
    toast = adw_toast_new (_("Pillars stay open as tabs. To delete this pillar, use Delete Pillar in its tab menu"));
  else
    toast = adw_toast_new (_("This tab is part of every strategy and stays open"));
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return GDK_EVENT_STOP;
}

/* The registers of the feedback pane, also in the primary menu: a
 * facilitator looks for them there, not behind the pane's ⋮. */
static void
pane_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PlWindow *self = user_data;
  g_autofree char *name = g_strconcat ("pane.", g_action_get_name (G_ACTION (action)), NULL);

  if (self->feedback_pane != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->feedback_pane), name, NULL);
}

static const GActionEntry pane_entries[] = {
  { "workshops", pane_action_cb },
  { "stakeholders", pane_action_cb },
};

void
_pl_window_input_install (PlWindow *self)
{
  static const guint digit_keys[5] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  InputState *state;
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  g_return_if_fail (PL_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  g_action_map_add_action_entries (G_ACTION_MAP (self), pane_entries, G_N_ELEMENTS (pane_entries), self);

  state = g_new0 (InputState, 1);
  state->window = self;
  g_object_set_data_full (G_OBJECT (self), "pl-window-input", state, input_state_free);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), state);

  /* Capture phase on the window: before the focused widget, and before
   * AdwTabView's managed shortcuts, sees the key. */
  controller = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "pl-window-input");
  add_callback_shortcut (shortcuts, GDK_KEY_s, GDK_ALT_MASK, focus_stakeholder_cb, NULL);
  add_callback_shortcut (shortcuts, GDK_KEY_l, GDK_CONTROL_MASK, focus_stakeholder_cb, NULL);
  add_callback_shortcut (shortcuts, GDK_KEY_t, GDK_ALT_MASK, capture_text_toggle_cb, NULL);
  add_callback_shortcut (shortcuts, GDK_KEY_f, GDK_CONTROL_MASK | GDK_ALT_MASK, feedback_search_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    add_callback_shortcut (shortcuts, digit_keys[i], GDK_CONTROL_MASK, capture_kind_cb,
                           g_variant_new_int32 ((gint32) i));
  for (guint i = 0; i < PL_SECTOR_UNSET; i++)
    add_callback_shortcut (shortcuts, GDK_KEY_1 + i, GDK_ALT_MASK, capture_sector_cb,
                           g_variant_new_int32 ((gint32) i));
  add_callback_shortcut (shortcuts, GDK_KEY_Home, GDK_CONTROL_MASK, text_ends_cb,
                         g_variant_new ("(ib)", -1, FALSE));
  add_callback_shortcut (shortcuts, GDK_KEY_End, GDK_CONTROL_MASK, text_ends_cb,
                         g_variant_new ("(ib)", 1, FALSE));
  add_callback_shortcut (shortcuts, GDK_KEY_Home, GDK_CONTROL_MASK | GDK_SHIFT_MASK, text_ends_cb,
                         g_variant_new ("(ib)", -1, TRUE));
  add_callback_shortcut (shortcuts, GDK_KEY_End, GDK_CONTROL_MASK | GDK_SHIFT_MASK, text_ends_cb,
                         g_variant_new ("(ib)", 1, TRUE));
  add_callback_shortcut (shortcuts, GDK_KEY_KP_Home, GDK_CONTROL_MASK, text_ends_cb,
                         g_variant_new ("(ib)", -1, FALSE));
  add_callback_shortcut (shortcuts, GDK_KEY_KP_End, GDK_CONTROL_MASK, text_ends_cb,
                         g_variant_new ("(ib)", 1, FALSE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self);
  pl_after_first_frame (GTK_WIDGET (self), first_focus);
}
