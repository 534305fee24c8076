/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-import-draft-dialog.h"

/* Heading levels offered for pillars and objectives: Word has nine, drafts
 * use the first few. */
#define MAX_LEVEL 6
/* Rows made before the first frame, then per idle: a 300-page draft has
 * thousands of headings and items, and making all their rows at once
 * would keep the preview from showing for seconds. Twenty fill the dialog;
 * a row (with its dropdown) costs milliseconds to make and lay out, so
 * each idle makes few and input is answered between them. */
#define FIRST_ROWS 20
#define MORE_ROWS 40

struct _PlImportDraftDialog
{
  AdwWindow            parent_instance;

  PlImportDraft       *draft;
  char                *file_name;
  gboolean             updating;    /* setting the level rows from the draft */
  guint                pending_id;  /* a role chosen, applied once the dropdown is done */
  guint                pending_key;
  guint                pending_index;
  GtkSliceListModel   *slice;       /* the nodes that have rows so far */
  guint                grow_id;
  PlImportRole         pending_role;

  GCancellable        *cancellable; /* the reading of the file, cancelled on close */

  AdwWindowTitle      *window_title;
  AdwStatusPage       *reading_page;
  GtkSpinner          *reading_spinner;
  GtkWidget           *create_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *summary_group;
  AdwComboRow         *pillar_level_row;
  AdwComboRow         *objective_level_row;
  GtkListBox          *outline_list;
  AdwPreferencesGroup *report_group;
  GtkLabel            *report_label;
};

G_DEFINE_FINAL_TYPE (PlImportDraftDialog, pl_import_draft_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @text on one line, at most @max characters (a preview, not the text). */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *line = g_strdup (text ? text : "");
  char *end;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, max - 1);
  *end = '\0';
  return g_strconcat (line, "…", NULL);
}

/* What a row says under its title: an action's plan fields, else the
 * start of its text. */
static char *
describe_node (PlImportNode *node)
{
  GString *s = g_string_new (NULL);
  const char *lead = pl_import_node_get_lead_agency (node);
  const char *when = pl_import_node_get_timeframe_text (node);
  const char *indicator = pl_import_node_get_indicator (node);

  if (pl_import_node_get_role (node) == PL_IMPORT_ROLE_ACTION)
    {
      if (lead && *lead)
        g_string_append_printf (s, _("Lead: %s"), lead);
      if (when && *when)
        g_string_append_printf (s, "%s%s", s->len ? " · " : "", when);
      if (indicator && *indicator)
        g_string_append_printf (s, "%s%s %s", s->len ? " · " : "", _("Indicator:"), indicator);
    }
  if (s->len == 0)
    {
      /* The text as read, not its Markdown: no "##" of a folded heading. */
      g_auto(GStrv) lines = g_strsplit (pl_import_node_get_body (node), "\n", -1);
      g_autofree char *plain = NULL;
      g_autofree char *body = NULL;

      for (guint i = 0; lines[i]; i++)
        {
          char *p = lines[i] + strspn (lines[i], "#");

          if (p != lines[i])
            memmove (lines[i], p + strspn (p, " "), strlen (p + strspn (p, " ")) + 1);
        }
      plain = g_strjoinv (" ", lines);
      body = shorten (plain, 90);
      g_string_append (s, body);
    }
  return g_string_free (s, FALSE);
}

static gboolean
grow_cb (gpointer user_data)
{
  PlImportDraftDialog *self = user_data;
  guint n = g_list_model_get_n_items (pl_import_draft_get_all_nodes (self->draft));
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (size >= n)
    {
      self->grow_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size + MORE_ROWS);
  return G_SOURCE_CONTINUE;
}

/* Before re-detection replaces every node: only the rows down to @keep are
 * made again at once (the one being changed stays in view), the rest on
 * idle as at the start. */
static void
rows_from_scratch (PlImportDraftDialog *self,
                   guint                keep)
{
  gtk_slice_list_model_set_size (self->slice, MAX (keep, FIRST_ROWS));
  if (self->grow_id == 0)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_cb, self, NULL);
}

static gboolean
apply_role_cb (gpointer user_data)
{
  PlImportDraftDialog *self = user_data;

  self->pending_id = 0;
  rows_from_scratch (self, self->pending_index + FIRST_ROWS);
  pl_import_draft_set_role (self->draft, self->pending_key, self->pending_role);
  return G_SOURCE_REMOVE;
}

/* Re-detection replaces every row, the dropdown being used among them:
 * the change is applied once its signal is over. */
static void
role_selected_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  PlImportDraftDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_LIST_BOX_ROW);

  self->pending_key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "pl-key"));
  self->pending_index = row ? (guint) MAX (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), 0) : 0;
  self->pending_role = (PlImportRole) gtk_drop_down_get_selected (dropdown);
  if (self->pending_id == 0)
    self->pending_id = g_idle_add (apply_role_cb, self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PlImportDraftDialog *self = user_data;
  PlImportNode *node = PL_IMPORT_NODE (item);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autofree char *title = shorten (pl_import_node_get_title (node), 120);
  g_autofree char *subtitle = describe_node (node);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *dropdown;

  for (PlImportRole r = PL_IMPORT_ROLE_SECTION; r <= PL_IMPORT_ROLE_TEXT; r++)
    gtk_string_list_append (roles, pl_import_role_to_label (r));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), pl_import_node_get_role (node));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("What this heading becomes"));
  g_object_set_data (G_OBJECT (dropdown), "pl-key", GUINT_TO_POINTER (pl_import_node_get_key (node)));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title ? title : _("(untitled)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The depth shows as indentation, as in the strategy's own outline. */
  gtk_widget_set_size_request (indent, 24 * pl_import_node_get_depth (node), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  return row;
}

static void
update_summary (PlImportDraftDialog *self)
{
  guint sections = pl_import_draft_count (self->draft, PL_IMPORT_ROLE_SECTION);
  guint pillars = pl_import_draft_count (self->draft, PL_IMPORT_ROLE_PILLAR);
  guint objectives = pl_import_draft_count (self->draft, PL_IMPORT_ROLE_OBJECTIVE);
  guint actions = pl_import_draft_count (self->draft, PL_IMPORT_ROLE_ACTION);
  const char * const *report = pl_import_draft_get_report (self->draft);
  g_autofree char *counts = NULL;
  g_autofree char *description = NULL;
  g_autofree char *s = g_strdup_printf (ngettext ("%u section", "%u sections", sections), sections);
  g_autofree char *p = g_strdup_printf (ngettext ("%u pillar", "%u pillars", pillars), pillars);
  g_autofree char *o = g_strdup_printf (ngettext ("%u objective", "%u objectives", objectives), objectives);
  g_autofree char *a = g_strdup_printf (ngettext ("%u action", "%u actions", actions), actions);
  int pillar_level = 0, objective_level = 0;

  /* TRANSLATORS: the counts of a detected outline, e.g. "3 sections, 4 pillars, 12 objectives and 40 actions" */
  counts = g_strdup_printf (_("%s, %s, %s and %s"), s, p, o, a);
  description = g_strdup_printf ("“%s”\n%s", pl_import_draft_get_title (self->draft), counts);
  adw_preferences_group_set_description (self->summary_group, description);
  gtk_widget_set_sensitive (self->create_button, pillars + sections > 0);

  pl_import_draft_get_levels (self->draft, &pillar_level, &objective_level);
  self->updating = TRUE;
  if (pillar_level >= 1 && pillar_level <= MAX_LEVEL)
    adw_combo_row_set_selected (self->pillar_level_row, pillar_level - 1);
  if (objective_level >= 1 && objective_level <= MAX_LEVEL)
    adw_combo_row_set_selected (self->objective_level_row, objective_level - 1);
  self->updating = FALSE;

  if (report != NULL && report[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) report);

      gtk_label_set_text (self->report_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->report_group), FALSE);
}

static void
draft_changed_cb (PlImportDraft       *draft,
                  PlImportDraftDialog *self)
{
  update_summary (self);
}

static void
level_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   PlImportDraftDialog *self)
{
  guint pillar = adw_combo_row_get_selected (self->pillar_level_row);
  guint objective = adw_combo_row_get_selected (self->objective_level_row);

  if (self->updating || pillar == GTK_INVALID_LIST_POSITION || objective == GTK_INVALID_LIST_POSITION)
    return;
  /* Objectives sit below pillars: moving one level moves the other along. */
  if (objective <= pillar)
    objective = MIN (pillar + 1, MAX_LEVEL - 1);
  if (objective <= pillar)
    pillar = objective - 1;
  rows_from_scratch (self, FIRST_ROWS);
  pl_import_draft_set_levels (self->draft, (int) pillar + 1, (int) objective + 1);
}

gboolean
pl_import_draft_dialog_create_at (PlImportDraftDialog  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autoptr(PlDocument) document = NULL;

  g_return_val_if_fail (PL_IS_IMPORT_DRAFT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(document = pl_import_draft_write (self->draft, path, error)))
    return FALSE;
  /* The window opens the file itself; this handle must let go of it. */
  pl_document_close (document);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, path);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  PlImportDraftDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = file ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      if (chosen != NULL)
        {
          path = g_str_has_suffix (chosen, ".pillars") ? g_strdup (chosen)
                                                       : g_strconcat (chosen, ".pillars", NULL);
          if (!pl_import_draft_dialog_create_at (self, path, &error))
            {
              AdwToast *toast = adw_toast_new (error->message);

              adw_toast_set_timeout (toast, 0);
              adw_toast_overlay_add_toast (self->toast_overlay, toast);
            }
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlImportDraftDialog *self = PL_IMPORT_DRAFT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup (pl_import_draft_get_title (self->draft));
  g_autofree char *file_name = NULL;

  gtk_file_filter_set_name (filter, _("Strategies"));
  gtk_file_filter_add_suffix (filter, "pillars");
  g_strdelimit (name, "/\\:", '-');
  file_name = g_strconcat (*name ? name : _("Imported strategy"), ".pillars", NULL);
  chooser = gtk_file_chooser_native_new (_("Create Strategy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlImportDraftDialog *self = PL_IMPORT_DRAFT_DIALOG (widget);

  rows_from_scratch (self, FIRST_ROWS);
  pl_import_draft_reset (self->draft);
}

static void
pl_import_draft_dialog_dispose (GObject *object)
{
  PlImportDraftDialog *self = PL_IMPORT_DRAFT_DIALOG (object);

  /* A read still going on finds the dialog gone and drops its draft. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->outline_list)
    gtk_list_box_bind_model (self->outline_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->slice);
  if (self->draft)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->file_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_IMPORT_DRAFT_DIALOG);
  G_OBJECT_CLASS (pl_import_draft_dialog_parent_class)->dispose (object);
}

static void
pl_import_draft_dialog_class_init (PlImportDraftDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_import_draft_dialog_dispose;

  /* The path of the new .pillars file, for the window to open. */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-import-draft-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, reading_page);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, pillar_level_row);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, objective_level_row);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, outline_list);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, PlImportDraftDialog, report_label);
  gtk_widget_class_install_action (widget_class, "import.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "import.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_import_draft_dialog_init (PlImportDraftDialog *self)
{
  g_autoptr(GtkStringList) pillar_levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) objective_levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int level = 1; level <= MAX_LEVEL; level++)
    {
      g_autofree char *label = g_strdup_printf (_("Headings of level %d"), level);

      gtk_string_list_append (pillar_levels, label);
      gtk_string_list_append (objective_levels, label);
    }
  adw_combo_row_set_model (self->pillar_level_row, G_LIST_MODEL (pillar_levels));
  adw_combo_row_set_model (self->objective_level_row, G_LIST_MODEL (objective_levels));
  g_signal_connect_object (self->pillar_level_row, "notify::selected", G_CALLBACK (level_selected_cb), self, 0);
  g_signal_connect_object (self->objective_level_row, "notify::selected", G_CALLBACK (level_selected_cb), self, 0);
}

static void
show_draft (PlImportDraftDialog *self,
            PlImportDraft       *draft)
{
  self->draft = g_object_ref (draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.create", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.reset", TRUE);
  gtk_spinner_stop (self->reading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_page), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_overlay), TRUE);
  self->slice = gtk_slice_list_model_new (g_object_ref (pl_import_draft_get_all_nodes (draft)), 0, FIRST_ROWS);
  gtk_list_box_bind_model (self->outline_list, G_LIST_MODEL (self->slice), create_row_cb, self, NULL);
  rows_from_scratch (self, FIRST_ROWS);
  g_signal_connect (draft, "changed", G_CALLBACK (draft_changed_cb), self);
  update_summary (self);
}

static PlImportDraftDialog *
dialog_new (GtkWindow  *parent,
            const char *file_name)
{
  PlImportDraftDialog *self = g_object_new (PL_TYPE_IMPORT_DRAFT_DIALOG, "transient-for", parent, NULL);

  self->file_name = g_strdup (file_name);
  adw_window_title_set_subtitle (self->window_title, file_name);
  return self;
}

GtkWidget *
pl_import_draft_dialog_new (GtkWindow     *parent,
                            PlImportDraft *draft,
                            const char    *file_name)
{
  PlImportDraftDialog *self;

  g_return_val_if_fail (PL_IS_IMPORT_DRAFT (draft), NULL);

  self = dialog_new (parent, file_name);
  show_draft (self, draft);
  return GTK_WIDGET (self);
}

/* In a worker thread: the reader and detection touch no widget. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PlImportDraft *draft = pl_import_draft_new_from_file (task_data, &error);

  if (draft != NULL)
    g_task_return_pointer (task, draft, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(PlImportDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  PlImportDraftDialog *self;

  draft = g_task_propagate_pointer (G_TASK (result), &error);
  /* Closed while reading: @user_data is gone (the task holds no reference
   * to the dialog, so that it is never finalised in the worker thread). */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = PL_IMPORT_DRAFT_DIALOG (user_data);
  if (draft != NULL)
    {
      show_draft (self, draft);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Could Not Import “%s”"), self->file_name);

    gtk_spinner_stop (self->reading_spinner);
    gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), FALSE);
    adw_status_page_set_icon_name (self->reading_page, "dialog-error-symbolic");
    adw_status_page_set_title (self->reading_page, title);
    adw_status_page_set_description (self->reading_page, error->message);
  }
}

GtkWidget *
pl_import_draft_dialog_new_for_file (GtkWindow  *parent,
                                     const char *path,
                                     const char *file_name)
{
  PlImportDraftDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = dialog_new (parent, file_name);
  /* A 300-page draft takes a noticeable moment to read: the dialog shows
   * at once, saying what it is reading, and nothing can be created until
   * the outline is there. */
  title = g_strdup_printf (_("Reading “%s”…"), file_name);
  adw_status_page_set_title (self->reading_page, title);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_overlay), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_page), TRUE);
  gtk_spinner_start (self->reading_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.create", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.reset", FALSE);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, read_done_cb, self);
  g_task_set_source_tag (task, pl_import_draft_dialog_new_for_file);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_thread);
  return GTK_WIDGET (self);
}

gboolean
pl_import_draft_dialog_is_reading (PlImportDraftDialog *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_DRAFT_DIALOG (self), FALSE);
  return self->draft == NULL;
}

PlImportDraft *
pl_import_draft_dialog_get_draft (PlImportDraftDialog *self)
{
  g_return_val_if_fail (PL_IS_IMPORT_DRAFT_DIALOG (self), NULL);
  return self->draft;
}
