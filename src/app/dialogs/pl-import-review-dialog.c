/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-import-review-dialog.h"
#include "pl-document-history.h"

/* Items listed under each reviewer: enough to check the placing, few
 * enough that a copy with a thousand comments opens at once. */
#define ITEMS_SHOWN 40

struct _PlImportReviewDialog
{
  AdwWindow            parent_instance;

  PlDocument          *document;
  PlReviewImport      *import;
  GPtrArray           *workshops;   /* PlWorkshop, in the combo's order after "None" */

  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *summary_group;
  AdwEntryRow         *organisation_row;
  AdwComboRow         *workshop_row;
  AdwPreferencesGroup *reviewers_group;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (PlImportReviewDialog, pl_import_review_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @text on one line and at most @max characters. */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *line = g_strdup (text ? text : "");
  char *end;

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, max - 1);
  *end = '\0';
  return g_strconcat (line, "…", NULL);
}

static char *
counts (guint comments,
        guint amendments)
{
  g_autofree char *c = g_strdup_printf (ngettext ("%u comment", "%u comments", comments), comments);
  g_autofree char *a = g_strdup_printf (ngettext ("%u amendment", "%u amendments", amendments), amendments);

  if (comments && amendments)
    /* Translators: "3 comments, 2 amendments" */
    return g_strdup_printf (_("%s, %s"), c, a);
  return g_strdup (comments ? c : a);
}

/* What the item says or proposes, as its row's title. */
static char *
item_title (const PlReviewItem *item)
{
  g_autofree char *quote = shorten (item->quote, 60);
  g_autofree char *proposal = shorten (item->proposal, 60);

  if (item->kind != PL_FEEDBACK_AMENDMENT)
    return shorten (item->text, 200);
  switch (item->operation)
    {
    case PL_AMENDMENT_INSERT_AFTER:
      return g_strdup_printf (_("Insert “%s” after “%s”"), proposal, quote);
    case PL_AMENDMENT_DELETE:
      return g_strdup_printf (_("Delete “%s”"), quote);
    case PL_AMENDMENT_REPLACE:
    default:
      return g_strdup_printf (_("Replace “%s” with “%s”"), quote, proposal);
    }
}

/* Where it goes, and how sure that is. */
static char *
item_subtitle (const PlReviewItem *item)
{
  g_autofree char *where = item->target ? pl_document_describe_record (item->target)
                                        : g_strdup (_("the strategy as a whole"));
  g_autofree char *quote = shorten (item->quote, 80);
  const char *how = NULL;

  if (item->placement == PL_REVIEW_PLACED_BY_TEXT)
    how = _("placed by its text");
  else if (item->placement == PL_REVIEW_PLACED_BY_HEADING)
    how = _("placed by the heading above it");
  if (item->kind != PL_FEEDBACK_AMENDMENT && *quote)
    {
      if (how)
        /* Translators: "On objective “…”, “quoted passage” (placed by its text)" */
        return g_strdup_printf (_("On %s, “%s” (%s)"), where, quote, how);
      return g_strdup_printf (_("On %s, “%s”"), where, quote);
    }
  {
    g_autofree char *on = how ? g_strdup_printf (_("On %s (%s)"), where, how) : g_strdup_printf (_("On %s"), where);

    /* Found by comparing the copy with the strategy, not marked by the
     * reviewer: say so, the drafter reads it with more care. */
    if (item->origin == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
      /* Translators: "Untracked edit · On objective “…”" */
      return g_strdup_printf (_("%s · %s"), pl_enum_to_label (PL_TYPE_FEEDBACK_ORIGIN, item->origin), on);
    return g_steal_pointer (&on);
  }
}

static void
show_reviewers (PlImportReviewDialog *self)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  guint n = pl_review_import_get_n_items (self->import);

  for (guint i = 0; i < n; i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (self->import, i);
      gboolean seen = FALSE;

      if (item->already_there)
        continue;
      for (guint a = 0; a < authors->len && !seen; a++)
        seen = g_str_equal (authors->pdata[a], item->author);
      if (!seen)
        g_ptr_array_add (authors, (gpointer) item->author);
    }
  for (guint a = 0; a < authors->len; a++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      guint comments = 0, amendments = 0, shown = 0;
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), authors->pdata[a]);
      for (guint i = 0; i < n; i++)
        {
          const PlReviewItem *item = pl_review_import_get_item (self->import, i);
          g_autofree char *title = NULL;
          g_autofree char *where = NULL;
          GtkWidget *row;

          if (item->already_there || !g_str_equal (item->author, authors->pdata[a]))
            continue;
          if (item->kind == PL_FEEDBACK_AMENDMENT)
            amendments++;
          else
            comments++;
          if (shown++ >= ITEMS_SHOWN)
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          title = item_title (item);
          where = item_subtitle (item);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name (item->kind == PL_FEEDBACK_AMENDMENT
                                                                   ? "document-edit-symbolic"
                                                                   : "user-available-symbolic"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      if (shown > ITEMS_SHOWN)
        {
          GtkWidget *more = adw_action_row_new ();
          g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", shown - ITEMS_SHOWN),
                                                   shown - ITEMS_SHOWN);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          gtk_widget_add_css_class (more, "dim-label");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), more);
        }
      subtitle = counts (comments, amendments);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), authors->len == 1);
      adw_preferences_group_add (self->reviewers_group, expander);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reviewers_group), authors->len > 0);
}

static void
show_notes (PlImportReviewDialog *self)
{
  const char * const *notes = pl_review_import_get_notes (self->import);

  for (guint i = 0; notes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notes[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      adw_preferences_group_add (self->notes_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes[0] != NULL);
}

static void
show_summary (PlImportReviewDialog *self)
{
  guint comments = pl_review_import_count_new (self->import, PL_FEEDBACK_COMMENT);
  guint amendments = pl_review_import_count_new (self->import, PL_FEEDBACK_AMENDMENT);
  guint reviewers = pl_review_import_count_new_reviewers (self->import);
  g_autoptr(GString) s = g_string_new (NULL);

  if (comments + amendments == 0)
    g_string_append (s, _("Everything in these copies is already in the strategy."));
  else
    {
      g_autofree char *what = counts (comments, amendments);

      /* Translators: "3 comments, 2 amendments will be added." */
      g_string_append_printf (s, _("%s will be added, in one step you can undo."), what);
    }
  if (comments + amendments > 0 && reviewers > 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, ngettext ("%u reviewer is new to the stakeholder registry.",
                                           "%u reviewers are new to the stakeholder registry.", reviewers),
                              reviewers);
    }
  adw_preferences_group_set_description (self->summary_group, s->str);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), comments + amendments > 0 && reviewers > 0);
  gtk_widget_set_sensitive (self->import_button,
                            comments + amendments > 0 && !pl_document_is_read_only (self->document));
}

static void
show_workshops (PlImportReviewDialog *self)
{
  GListModel *all = pl_document_get_workshops (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("workshop", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (all, i);
      const char *title = pl_workshop_get_title (w);

      gtk_string_list_append (names, title && *title ? title : _("Untitled workshop"));
      g_ptr_array_add (self->workshops, g_object_ref (w));
    }
  adw_combo_row_set_model (self->workshop_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->workshop_row), self->workshops->len > 0);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlImportReviewDialog *self = PL_IMPORT_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  guint selected = adw_combo_row_get_selected (self->workshop_row);
  guint added = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->workshops->len)
    pl_review_import_set_workshop (self->import, g_ptr_array_index (self->workshops, selected - 1));
  pl_review_import_set_organisation (self->import, *organisation ? organisation : NULL);
  if (!pl_review_import_apply (self->import, &added, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  summary = g_strdup_printf (ngettext ("Added %u item from the review; Undo takes it back",
                                       "Added %u items from the review; Undo takes them back", added), added);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pl_import_review_dialog_dispose (GObject *object)
{
  PlImportReviewDialog *self = PL_IMPORT_REVIEW_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->import);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_IMPORT_REVIEW_DIALOG);
  G_OBJECT_CLASS (pl_import_review_dialog_parent_class)->dispose (object);
}

static void
pl_import_review_dialog_class_init (PlImportReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_import_review_dialog_dispose;

  /* A translated summary of what was added, for the window's toast. */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-import-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, reviewers_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportReviewDialog, notes_group);
  gtk_widget_class_install_action (widget_class, "review.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_import_review_dialog_init (PlImportReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->workshops = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
pl_import_review_dialog_new (GtkWindow      *parent,
                             PlDocument     *document,
                             PlReviewImport *import,
                             const char     *subtitle)
{
  PlImportReviewDialog *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (import), NULL);

  self = g_object_new (PL_TYPE_IMPORT_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->import = g_object_ref (import);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  show_workshops (self);
  show_summary (self);
  show_reviewers (self);
  show_notes (self);
  return GTK_WIDGET (self);
}
