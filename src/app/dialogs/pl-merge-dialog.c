/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-merge-dialog.h"
#include "pl-utils.h"

struct _PlMergeDialog
{
  AdwPreferencesWindow  parent_instance;

  PlDocument           *document;  /* NULL for a preview */
  PlMergeReport        *report;

  AdwPreferencesGroup  *summary_group;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *conflicts_group;
  AdwPreferencesGroup  *fold_group;
  GtkWidget            *merge_button;
};

G_DEFINE_FINAL_TYPE (PlMergeDialog, pl_merge_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { APPLY, N_SIGNALS };
static guint signals[N_SIGNALS];

static GType
kind_type (PlMergeKind kind)
{
  switch (kind)
    {
    case PL_MERGE_KIND_STRATEGY: return PL_TYPE_STRATEGY;
    case PL_MERGE_KIND_SECTION: return PL_TYPE_SECTION;
    case PL_MERGE_KIND_PILLAR: return PL_TYPE_PILLAR;
    case PL_MERGE_KIND_OBJECTIVE: return PL_TYPE_OBJECTIVE;
    case PL_MERGE_KIND_ACTION: return PL_TYPE_ACTION;
    case PL_MERGE_KIND_WORKSHOP: return PL_TYPE_WORKSHOP;
    case PL_MERGE_KIND_STAKEHOLDER: return PL_TYPE_STAKEHOLDER;
    case PL_MERGE_KIND_FEEDBACK: return PL_TYPE_FEEDBACK;
    case PL_MERGE_N_KINDS: default: break;
    }
  return G_TYPE_INVALID;
}

/* The property a column holds ("lead_agency" -> "lead-agency"), if the
 * value can be set from its text. */
static GParamSpec *
field_pspec (PlMergeKind  kind,
             const char  *field)
{
  g_autofree char *name = g_strdelimit (g_strdup (field), "_", '-');
  g_autoptr(GTypeClass) klass = g_type_class_ref (kind_type (kind));
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
    return NULL;
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING || G_IS_PARAM_SPEC_ENUM (pspec) ||
      G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_BOOLEAN)
    return pspec;
  return NULL;
}

static gboolean
take_other (PlMergeDialog          *self,
            const PlMergeConflict  *c,
            GError                **error)
{
  g_autoptr(PlRecord) record = pl_document_lookup_uuid (self->document, kind_type (c->kind), c->uuid, error);
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  if (record == NULL)
    return FALSE;
  if (g_str_equal (c->field, "deleted"))
    return pl_document_delete (self->document, record, error);
  pspec = field_pspec (c->kind, c->field);
  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, c->other);

      if (ev == NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                       _("“%s” is not a value this version of Pillars knows"), c->other);
          return FALSE;
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, g_strcmp0 (c->other, "0") != 0 && *c->other != '\0');
  else
    g_value_set_string (&value, c->other);
  return pl_record_set_value (record, pspec->name, &value, error);
}

static void
take_other_clicked_cb (GtkButton     *button,
                       PlMergeDialog *self)
{
  const PlMergeConflict *c = g_object_get_data (G_OBJECT (button), "conflict");
  g_autoptr(GError) error = NULL;

  if (!take_other (self, c, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_button_set_label (button, _("Taken"));
}

static void
fold_clicked_cb (GtkButton     *button,
                 PlMergeDialog *self)
{
  char **group = g_object_get_data (G_OBJECT (button), "group");
  g_autoptr(PlRecord) kept = NULL;
  g_autoptr(GError) error = NULL;

  if (!(kept = pl_document_lookup_uuid (self->document, PL_TYPE_STAKEHOLDER, group[0], &error)))
    goto failed;
  for (guint i = 1; group[i]; i++)
    {
      g_autoptr(PlRecord) dup = pl_document_lookup_uuid (self->document, PL_TYPE_STAKEHOLDER, group[i], NULL);

      if (dup != NULL && !pl_record_is_deleted (dup) &&
          !pl_document_fold_stakeholder (self->document, PL_STAKEHOLDER (dup), PL_STAKEHOLDER (kept), &error))
        goto failed;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_button_set_label (button, _("Folded"));
  return;

failed:
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static char *
shown_value (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));
  return g_markup_escape_text (value, -1);
}

/* "2 added · 1 conflict": only what happened, so changes stand out. */
static char *
counts_text (const PlMergeCounts *c)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (c->added)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", c->added), c->added));
  if (c->updated)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated", c->updated), c->updated));
  if (c->deleted)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u deleted", "%u deleted", c->deleted), c->deleted));
  if (c->conflicts)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", c->conflicts), c->conflicts));
  if (c->folded)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u folded", "%u folded", c->folded), c->folded));
  if (c->orphaned)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u orphaned", "%u orphaned", c->orphaned), c->orphaned));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", c->unchanged), c->unchanged));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
fill (PlMergeDialog *self)
{
  const PlMergeReport *report = self->report;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < report->sources->len; i++)
    {
      if (i)
        g_string_append (names, ", ");
      g_string_append (names, g_ptr_array_index (report->sources, i));
    }
  if (self->document == NULL)
    title = g_strdup (_("Preview: nothing is changed until you merge"));
  else
    title = g_strdup (pl_merge_report_has_changes (report) ? _("Merged")
                      : _("Nothing new: the document already holds everything in these files"));
  adw_preferences_group_set_title (self->summary_group, title);
  {
    g_autofree char *escaped = g_markup_escape_text (names->str, -1);

    adw_preferences_group_set_description (self->summary_group, escaped);
  }
  gtk_widget_set_visible (self->merge_button, self->document == NULL);

  for (guint k = 0; k < PL_MERGE_N_KINDS; k++)
    {
      const PlMergeCounts *c = &report->counts[k];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      subtitle = counts_text (c);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_merge_kind_name (k));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (c->added || c->updated || c->deleted || c->conflicts || c->folded)
        gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (self->counts_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), report->conflicts->len > 0);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      PlMergeConflict *c = g_ptr_array_index (report->conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = g_markup_escape_text (c->label, -1);
      g_autofree char *row_title = g_strdup_printf ("%s — %s", label, pl_merge_field_label (c->kind, c->field));
      g_autofree char *kept = shown_value (c->winner);
      g_autofree char *other = shown_value (c->other);
      g_autofree char *source = g_markup_escape_text (c->source, -1);
      g_autofree char *subtitle = g_strdup_printf (_("Kept: %s\nOther: %s\nFrom %s"), kept, other, source);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
      if (self->document != NULL && (g_str_equal (c->field, "deleted")
                                     ? g_str_equal (c->other, _("deleted"))
                                     : field_pspec (c->kind, c->field) != NULL))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Use _Other"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Put the other value in the document instead"));
          g_object_set_data (G_OBJECT (button), "conflict", c);
          g_signal_connect (button, "clicked", G_CALLBACK (take_other_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->conflicts_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fold_group), report->fold_groups->len > 0);
  for (guint i = 0; i < report->fold_groups->len; i++)
    {
      char **group = g_ptr_array_index (report->fold_groups, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(PlRecord) kept = self->document
        ? pl_document_lookup_uuid (self->document, PL_TYPE_STAKEHOLDER, group[0], NULL) : NULL;
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (ngettext ("%u more with the same name", "%u more with the same name",
                                            g_strv_length (group) - 1), g_strv_length (group) - 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (report->fold_labels, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (kept != NULL && !report->folded)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Fold"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "group", group);
          g_signal_connect (button, "clicked", G_CALLBACK (fold_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->fold_group, row);
    }
}

static void
merge_apply_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlMergeDialog *self = PL_MERGE_DIALOG (widget);

  g_signal_emit (self, signals[APPLY], 0);
}

static void
pl_merge_dialog_dispose (GObject *object)
{
  PlMergeDialog *self = PL_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_MERGE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->report, pl_merge_report_free);
  G_OBJECT_CLASS (pl_merge_dialog_parent_class)->dispose (object);
}

static void
pl_merge_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlMergeDialog *self = PL_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_merge_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlMergeDialog *self = PL_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_merge_dialog_class_init (PlMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_merge_dialog_dispose;
  object_class->get_property = pl_merge_dialog_get_property;
  object_class->set_property = pl_merge_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The preview's Merge button: the window runs the merge. */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, fold_group);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, merge_button);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, merge_apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_merge_dialog_init (PlMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_merge_dialog_new (PlDocument    *document,
                     PlMergeReport *report)
{
  PlMergeDialog *self = g_object_new (PL_TYPE_MERGE_DIALOG, "document", document, NULL);

  self->report = report;
  fill (self);
  return GTK_WIDGET (self);
}
