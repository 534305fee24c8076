/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-capture-bar-private.h"
#include "pl-feedback-format.h"
#include "pl-stakeholder-completion.h"
#include "pl-utils.h"

struct _PlCaptureBar
{
  GtkWidget        parent_instance;

  PlDocument      *document;
  PlRecord        *target;
  GtkTextBuffer   *quote_buffer;
  char            *quote;
  PlWorkshop      *workshop;
  PlFeedbackKind   kind;

  gulong           stakeholders_changed_id;
  gulong           target_notify_id;
  gulong           quote_mark_id;
  gulong           quote_selection_id;

  GtkLabel        *target_label;
  GtkLabel        *quote_hint;
  GtkEntry        *stakeholder_entry;
  GtkRevealer     *new_stakeholder_revealer;
  GtkLabel        *new_stakeholder_label;
  GtkEntry        *organisation_entry;
  GtkDropDown     *sector_dropdown;
  GtkFlowBox      *kind_box;
  GtkToggleButton *kind_buttons[5];
  GtkTextView     *text_view;
  GtkLabel        *placeholder_label;
  GtkLabel        *status_label;
  GtkButton       *add_button;
};

G_DEFINE_FINAL_TYPE (PlCaptureBar, pl_capture_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TARGET,
  PROP_QUOTE_BUFFER,
  PROP_WORKSHOP,
  PROP_KIND,
  N_PROPS
};

enum {
  CAPTURED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- stakeholder completion ---- */

static void
refill_completion (PlCaptureBar *self)
{
  pl_stakeholder_completion_fill (gtk_entry_get_completion (self->stakeholder_entry), self->document);
}

static void
stakeholders_changed_cb (PlCaptureBar *self)
{
  refill_completion (self);
}

/* The completion lists every stakeholder of the document: it is filled
 * once the bar's first frame is drawn (or at the first keystroke), so
 * opening a strategy does not wait for its stakeholder registry. */
static void
ensure_completion (PlCaptureBar *self)
{
  if (self->stakeholders_changed_id != 0 || self->document == NULL)
    return;
  self->stakeholders_changed_id =
    g_signal_connect_object (pl_document_get_stakeholders (self->document), "items-changed",
                             G_CALLBACK (stakeholders_changed_cb), self, G_CONNECT_SWAPPED);
  refill_completion (self);
}

/* GTK 4.8 asks the X server where the pointer is (three round trips) at
 * every tooltip set on a visible widget: the kind toggles get theirs once
 * the bar is on screen, where a tooltip can be hovered. */
static void
set_kind_tooltips (PlCaptureBar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_buttons); i++)
    {
      g_autofree char *tooltip = g_strdup_printf (_("%s (Ctrl+%u)"),
                                                  pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, i), i + 1);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_buttons[i]), tooltip);
    }
}

static void
first_frame_cb (GtkWidget *widget)
{
  set_kind_tooltips (PL_CAPTURE_BAR (widget));
  ensure_completion (PL_CAPTURE_BAR (widget));
}

static gboolean
completion_match_selected_cb (GtkEntryCompletion *completion,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              gpointer            user_data)
{
  PlCaptureBar *self = user_data;
  g_autofree char *name = NULL;

  name = pl_stakeholder_completion_name (model, iter);
  gtk_editable_set_text (GTK_EDITABLE (self->stakeholder_entry), name);
  gtk_editable_set_position (GTK_EDITABLE (self->stakeholder_entry), -1);
  pl_capture_bar_focus_text (self);
  return TRUE;
}

static void
update_new_stakeholder (PlCaptureBar *self)
{
  g_autoptr(PlStakeholder) existing = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->stakeholder_entry));
  gboolean known = pl_feedback_capture_resolve_stakeholder (self->document, name, &existing);

  if (!known)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (name));
      g_autofree char *text = g_strdup_printf (_("New stakeholder “%s” — organisation and sector (Alt+1…6):"), stripped);

      gtk_label_set_text (self->new_stakeholder_label, text);
      /* Each new name is asked its sector: never the previous one's. */
      if (!gtk_revealer_get_reveal_child (self->new_stakeholder_revealer))
        gtk_drop_down_set_selected (self->sector_dropdown, PL_SECTOR_UNSET);
    }
  gtk_revealer_set_reveal_child (self->new_stakeholder_revealer, !known);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capture.sector", !known);
}

static void
stakeholder_changed_cb (PlCaptureBar *self)
{
  ensure_completion (self);
  update_new_stakeholder (self);
}

static void
stakeholder_activate_cb (PlCaptureBar *self)
{
  if (gtk_revealer_get_reveal_child (self->new_stakeholder_revealer))
    gtk_widget_grab_focus (GTK_WIDGET (self->organisation_entry));
  else
    pl_capture_bar_focus_text (self);
}

static void
organisation_activate_cb (PlCaptureBar *self)
{
  pl_capture_bar_focus_text (self);
}

/* ---- target label ---- */

static void
update_target_label (PlCaptureBar *self)
{
  g_autofree char *text = pl_feedback_format_capture_target (self->document, self->target);

  gtk_label_set_text (self->target_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_label), text);
}

/* ---- kinds ---- */

static void
kind_toggled_cb (GtkToggleButton *button,
                 PlCaptureBar    *self)
{
  if (gtk_toggle_button_get_active (button))
    {
      int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));

      if ((int) self->kind != kind)
        {
          self->kind = kind;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
        }
    }
}

/* ---- capture ---- */

static char *
quoted_passage (PlCaptureBar *self)
{
  GtkTextIter start, end;

  if (self->quote_buffer == NULL ||
      !gtk_text_buffer_get_selection_bounds (self->quote_buffer, &start, &end))
    return NULL;
  return g_strstrip (gtk_text_buffer_get_text (self->quote_buffer, &start, &end, FALSE));
}

/* The passage to quote: the one selected in the editor, kept while the
 * facilitator is in the bar. Focusing "Who is speaking?" selects its name,
 * taking the PRIMARY selection, and a GtkTextBuffer that loses PRIMARY
 * drops its selection (the quote vanished on Alt+S after a first capture):
 * a selection dropped while the focus is in the bar stays the quote. */
static gboolean
focus_in_bar (PlCaptureBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* The facilitator sees that the passage selected in the editor will be quoted. */
static void
update_quote_hint (PlCaptureBar *self)
{
  g_autofree char *selected = quoted_passage (self);
  gboolean show;

  if (selected != NULL && *selected != '\0')
    {
      g_free (self->quote);
      self->quote = g_steal_pointer (&selected);
    }
  else if (!focus_in_bar (self))
    g_clear_pointer (&self->quote, g_free);
  show = self->quote != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->quote_hint), show);
  if (show)
    {
      g_autofree char *text = g_strdup_printf (_("Quoting “%s”"), self->quote);

      g_strdelimit (text, "\n", ' ');
      gtk_label_set_text (self->quote_hint, text);
    }
}

static void
quote_mark_set_cb (PlCaptureBar  *self,
                   GtkTextIter   *location,
                   GtkTextMark   *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->quote_buffer) ||
      mark == gtk_text_buffer_get_selection_bound (self->quote_buffer))
    update_quote_hint (self);
}

static void
show_status (PlCaptureBar *self,
             const char   *text,
             gboolean      is_error)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

static PlFeedback *
capture (PlCaptureBar  *self,
         GError       **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *name = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(PlFeedback) feedback = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (!pl_feedback_capture_text_is_valid (text))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EMPTY,
                   _("Type what was said first"));
      return NULL;
    }
  quote = g_strdup (self->quote);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->stakeholder_entry))));

  /* A new stakeholder and their first capture are one change. */
  if (!pl_document_begin (self->document, error))
    return NULL;
  if (!pl_feedback_capture_resolve_stakeholder (self->document, name, &stakeholder))
    {
      g_autofree char *org = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry))));
      guint sector = gtk_drop_down_get_selected (self->sector_dropdown);

      stakeholder = pl_document_add (self->document, PL_TYPE_STAKEHOLDER, NULL, -1, error,
                                     "name", name,
                                     "organisation", org,
                                     "sector", (int) (sector == GTK_INVALID_LIST_POSITION ? PL_SECTOR_UNSET : sector),
                                     NULL);
      if (stakeholder == NULL)
        {
          pl_document_rollback (self->document);
          return NULL;
        }
    }
  feedback = pl_document_add_feedback (self->document, self->kind, text,
                                       self->target, quote && *quote ? quote : NULL,
                                       self->workshop, stakeholder, error);
  if (feedback == NULL)
    {
      pl_document_rollback (self->document);
      return NULL;
    }
  if (!pl_document_commit (self->document, error))
    return NULL;
  return g_steal_pointer (&feedback);
}

static void
capture_add_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFeedback) feedback = capture (self, &error);

  if (feedback == NULL)
    {
      show_status (self, error->message, TRUE);
      gtk_widget_error_bell (widget);
      return;
    }
  else
    {
      g_autofree char *who = NULL;
      g_autofree char *status = NULL;
      g_autoptr(PlRecord) s = NULL;

      if (pl_feedback_get_stakeholder_id (feedback) != 0)
        s = pl_document_lookup (self->document, PL_TYPE_STAKEHOLDER,
                                pl_feedback_get_stakeholder_id (feedback), NULL);
      who = pl_feedback_format_stakeholder (PL_STAKEHOLDER (s));
      /* Translators: confirmation after a capture, "Added Recommendation — Karim Osei, Central Bank" */
      status = g_strdup_printf (_("Added %s — %s"),
                                pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (feedback)),
                                who);
      show_status (self, status, FALSE);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_entry), "");
  /* The next capture quotes what is selected then, if anything. */
  g_clear_pointer (&self->quote, g_free);
  update_quote_hint (self);
  update_new_stakeholder (self);
  pl_capture_bar_focus_text (self);
  g_signal_emit (self, signals[CAPTURED], 0, feedback);
}

static void
capture_kind_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  int kind = g_variant_get_int32 (parameter);

  if (kind >= 0 && kind < 5)
    pl_capture_bar_set_kind (PL_CAPTURE_BAR (widget), kind);
}

static void
capture_next_kind_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (widget);

  pl_capture_bar_set_kind (self, (self->kind + 1) % 5);
}

static void
capture_previous_kind_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (widget);

  pl_capture_bar_set_kind (self, (self->kind + 4) % 5);
}

static void
capture_focus_stakeholder_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->stakeholder_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->stakeholder_entry), 0, -1);
}

static void
capture_focus_text_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  pl_capture_bar_focus_text (PL_CAPTURE_BAR (widget));
}

/* Enter adds; Shift+Enter (and Ctrl+Enter) insert a line break as usual. */
static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PlCaptureBar          *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "capture.add", NULL);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Escape)
    {
      capture_focus_stakeholder_action (GTK_WIDGET (self), NULL, NULL);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Alt+1…6 pick the new stakeholder's sector in one keystroke (from the
 * window's keys: AdwTabView would take Alt+digits first). */
static void
capture_sector_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (widget);
  int sector = g_variant_get_int32 (parameter);

  if (!gtk_revealer_get_reveal_child (self->new_stakeholder_revealer) ||
      sector < 0 || sector >= PL_SECTOR_UNSET)
    return;
  gtk_drop_down_set_selected (self->sector_dropdown, (guint) sector);
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 PlCaptureBar  *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (buffer) == 0);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    show_status (self, NULL, FALSE);
}

/* ---- GObject ---- */

static void
pl_capture_bar_constructed (GObject *object)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (object);

  G_OBJECT_CLASS (pl_capture_bar_parent_class)->constructed (object);

  g_assert (PL_IS_DOCUMENT (self->document));
  pl_after_first_frame (GTK_WIDGET (self), first_frame_cb);
  update_target_label (self);
}

static void
pl_capture_bar_dispose (GObject *object)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (object);
  GtkWidget *child;

  if (self->target != NULL && self->target_notify_id != 0)
    g_clear_signal_handler (&self->target_notify_id, self->target);
  if (self->quote_buffer != NULL)
    {
      g_clear_signal_handler (&self->quote_mark_id, self->quote_buffer);
      g_clear_signal_handler (&self->quote_selection_id, self->quote_buffer);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CAPTURE_BAR);
  /* Children outside the template's bound fields are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->target);
  g_clear_object (&self->quote_buffer);
  g_clear_pointer (&self->quote, g_free);
  g_clear_object (&self->workshop);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_capture_bar_parent_class)->dispose (object);
}

static void
pl_capture_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (object);

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
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_capture_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlCaptureBar *self = PL_CAPTURE_BAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      /* "To: 4.2 …" is numbered from positions: a move renumbers it. */
      if (self->document != NULL)
        g_signal_connect_object (self->document, "renumbered", G_CALLBACK (update_target_label),
                                 self, G_CONNECT_SWAPPED);
      break;
    case PROP_TARGET:
      pl_capture_bar_set_target (self, g_value_get_object (value));
      break;
    case PROP_QUOTE_BUFFER:
      pl_capture_bar_set_quote_buffer (self, g_value_get_object (value));
      break;
    case PROP_WORKSHOP:
      pl_capture_bar_set_workshop (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      pl_capture_bar_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_capture_bar_class_init (PlCaptureBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_capture_bar_constructed;
  object_class->dispose = pl_capture_bar_dispose;
  object_class->get_property = pl_capture_bar_get_property;
  object_class->set_property = pl_capture_bar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUOTE_BUFFER] =
    g_param_spec_object ("quote-buffer", NULL, NULL, GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, PL_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PL_TYPE_FEEDBACK_KIND, PL_FEEDBACK_COMMENT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CAPTURED] =
    g_signal_new ("captured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PL_TYPE_FEEDBACK);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-capture-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, target_label);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, quote_hint);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, stakeholder_entry);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, new_stakeholder_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, new_stakeholder_label);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, kind_box);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlCaptureBar, add_button);
  gtk_widget_class_bind_template_callback (widget_class, stakeholder_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stakeholder_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_activate_cb);

  gtk_widget_class_install_action (widget_class, "capture.add", NULL, capture_add_action);
  gtk_widget_class_install_action (widget_class, "capture.kind", "i", capture_kind_action);
  gtk_widget_class_install_action (widget_class, "capture.next-kind", NULL, capture_next_kind_action);
  gtk_widget_class_install_action (widget_class, "capture.previous-kind", NULL, capture_previous_kind_action);
  gtk_widget_class_install_action (widget_class, "capture.focus-stakeholder", NULL, capture_focus_stakeholder_action);
  gtk_widget_class_install_action (widget_class, "capture.focus-text", NULL, capture_focus_text_action);
  gtk_widget_class_install_action (widget_class, "capture.sector", "i", capture_sector_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "capturebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static gboolean
kind_query_tooltip_cb (GtkWidget  *button,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       GtkLabel   *label)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  g_autofree char *text = NULL;

  /* Translators: a kind button's tooltip: the kind, then its shortcut. */
  text = g_strdup_printf (_("%s (Ctrl+%u)"), gtk_label_get_text (label), kind + 1);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pl_capture_bar_init (PlCaptureBar *self)
{
  static const guint digit_keys[5] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  GtkLayoutManager *layout;
  GtkEventController *controller;
  GtkEntryCompletion *completion;
  g_autoptr(GListModel) sectors = NULL;
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  /* Kind toggles, Ctrl+1…5 (Alt+digits switch the window's tabs) */
  for (guint i = 0; i < 5; i++)
    {
      const char *label = pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *child = gtk_label_new (label);

      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), child);
      /* The full name on hover when a narrow pane ellipsises it; given on
       * demand (a tooltip set up front costs X round trips at start-up). */
      gtk_widget_set_has_tooltip (button, TRUE);
      g_signal_connect (button, "query-tooltip", G_CALLBACK (kind_query_tooltip_cb), child);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, pl_feedback_kind_css_class (i));
      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (i));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_flow_box_append (self->kind_box, button);
      /* The toggle takes the focus, not the flow box cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->kind_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  gtk_toggle_button_set_active (self->kind_buttons[PL_FEEDBACK_COMMENT], TRUE);

  /* "Government (Alt+1)" … and "Not set" last, as the enum has them. */
  sectors = pl_enum_label_model_with_keys (PL_TYPE_SECTOR, PL_SECTOR_UNSET);
  gtk_drop_down_set_model (self->sector_dropdown, sectors);
  gtk_drop_down_set_selected (self->sector_dropdown, PL_SECTOR_UNSET);

  /* Completion of the stakeholder from the registry, by name or organisation. */
  completion = pl_stakeholder_completion_new ();
  g_signal_connect (completion, "match-selected", G_CALLBACK (completion_match_selected_cb), self);
  gtk_entry_set_completion (self->stakeholder_entry, completion);
  g_object_unref (completion);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed",
                    G_CALLBACK (text_changed_cb), self);

  /* Capture phase, so the text view's own Ctrl+↑/↓ do not win. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 5; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (digit_keys[i], GDK_CONTROL_MASK),
                        gtk_named_action_new ("capture.kind")));
  for (guint i = 0; i < 5; i++)
    {
      GtkShortcut *shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i));
      g_object_unref (shortcut);
    }
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_CONTROL_MASK),
                      gtk_named_action_new ("capture.next-kind")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_CONTROL_MASK),
                      gtk_named_action_new ("capture.previous-kind")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_ALT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK)),
                      gtk_named_action_new ("capture.focus-stakeholder")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_ALT_MASK),
                      gtk_named_action_new ("capture.focus-text")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  show_status (self, NULL, FALSE);
}

GtkWidget *
pl_capture_bar_new (PlDocument *document)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  return g_object_new (PL_TYPE_CAPTURE_BAR, "document", document, NULL);
}

PlDocument *
pl_capture_bar_get_document (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return self->document;
}

PlRecord *
pl_capture_bar_get_target (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return self->target;
}

void
pl_capture_bar_set_target (PlCaptureBar *self,
                           PlRecord     *target)
{
  g_return_if_fail (PL_IS_CAPTURE_BAR (self));
  g_return_if_fail (target == NULL || PL_IS_RECORD (target));

  if (self->target == target)
    return;
  if (self->target != NULL)
    g_clear_signal_handler (&self->target_notify_id, self->target);
  g_set_object (&self->target, target);
  /* A renamed or renumbered target relabels the bar. */
  if (target != NULL)
    self->target_notify_id = g_signal_connect_object (target, "notify", G_CALLBACK (update_target_label),
                                                      self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    update_target_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

GtkTextBuffer *
pl_capture_bar_get_quote_buffer (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return self->quote_buffer;
}

void
pl_capture_bar_set_quote_buffer (PlCaptureBar  *self,
                                 GtkTextBuffer *buffer)
{
  g_return_if_fail (PL_IS_CAPTURE_BAR (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  if (self->quote_buffer == buffer)
    return;
  if (self->quote_buffer != NULL)
    {
      g_clear_signal_handler (&self->quote_mark_id, self->quote_buffer);
      g_clear_signal_handler (&self->quote_selection_id, self->quote_buffer);
    }
  g_set_object (&self->quote_buffer, buffer);
  g_clear_pointer (&self->quote, g_free);  /* a passage of another text */
  if (buffer != NULL)
    {
      self->quote_mark_id = g_signal_connect_object (buffer, "mark-set", G_CALLBACK (quote_mark_set_cb),
                                                     self, G_CONNECT_SWAPPED);
      self->quote_selection_id = g_signal_connect_object (buffer, "notify::has-selection",
                                                          G_CALLBACK (update_quote_hint),
                                                          self, G_CONNECT_SWAPPED);
    }
  update_quote_hint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_BUFFER]);
}

PlWorkshop *
pl_capture_bar_get_workshop (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return self->workshop;
}

void
pl_capture_bar_set_workshop (PlCaptureBar *self,
                             PlWorkshop   *workshop)
{
  g_return_if_fail (PL_IS_CAPTURE_BAR (self));
  g_return_if_fail (workshop == NULL || PL_IS_WORKSHOP (workshop));

  if (g_set_object (&self->workshop, workshop))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

PlFeedbackKind
pl_capture_bar_get_kind (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), PL_FEEDBACK_COMMENT);
  return self->kind;
}

void
pl_capture_bar_set_kind (PlCaptureBar   *self,
                         PlFeedbackKind  kind)
{
  g_return_if_fail (PL_IS_CAPTURE_BAR (self));
  g_return_if_fail ((guint) kind < 5);

  /* The toggled handler updates self->kind and notifies. */
  gtk_toggle_button_set_active (self->kind_buttons[kind], TRUE);
}

GtkEditable *
pl_capture_bar_get_stakeholder_entry (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return GTK_EDITABLE (self->stakeholder_entry);
}

GtkEditable *
pl_capture_bar_get_organisation_entry (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return GTK_EDITABLE (self->organisation_entry);
}

GtkTextBuffer *
pl_capture_bar_get_text_buffer (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

void
pl_capture_bar_focus_text (PlCaptureBar *self)
{
  g_return_if_fail (PL_IS_CAPTURE_BAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Whether the typing goes into "What was said". */
gboolean
pl_capture_bar_text_has_focus (PlCaptureBar *self)
{
  g_return_val_if_fail (PL_IS_CAPTURE_BAR (self), FALSE);
  return gtk_widget_has_focus (GTK_WIDGET (self->text_view));
}
