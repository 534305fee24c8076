/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-compare-view.h"
#include "pl-utils.h"

struct _PlCompareView
{
  AdwWindow        parent_instance;

  PlDocument      *document;
  PlSnapshot      *old;
  PlSnapshot      *new;
  PlDiff          *diff;
  GPtrArray       *snapshots;   /* PlSnapshot, newest first: the dropdowns' items after "Current draft" */
  GPtrArray       *changes;     /* GtkTextMark pairs (start, end) of each change, in order */
  gboolean         choosing;    /* setting the dropdowns from code */
  GCancellable    *cancellable; /* the comparison running */
  PlDocument      *reader;      /* the diff's own connection: its feedback records live there */
  gboolean         drawn;       /* the first frame is drawn: the thread may start */

  GtkDropDown     *from_dropdown;
  GtkDropDown     *to_dropdown;
  GtkLabel        *summary_label;
  GtkTextView     *text_view;
  GtkToggleButton *changed_only_button;
};

G_DEFINE_FINAL_TYPE (PlCompareView, pl_compare_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Equal text longer than this, between two changes of a narrative, is
 * shortened to CONTEXT bytes on each side. */
#define LONG_EQUAL 480
#define CONTEXT    160

/* ---- tags ---- */

/* Colour alone does not tell insertions from deletions (colour blindness,
 * printouts of screenshots): insertions are also underlined, deletions
 * struck through. The colours change with the style for contrast. */
static void
update_tag_colors (PlCompareView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA ins_fg, ins_bg, del_fg, del_bg, dim;

  gdk_rgba_parse (&ins_fg, dark ? "#8ff0a4" : "#0b5a2a");
  gdk_rgba_parse (&ins_bg, dark ? "rgba(46,194,126,0.22)" : "rgba(46,194,126,0.20)");
  gdk_rgba_parse (&del_fg, dark ? "#ffa8a0" : "#a51d2d");
  gdk_rgba_parse (&del_bg, dark ? "rgba(224,27,36,0.24)" : "rgba(224,27,36,0.12)");
  gdk_rgba_parse (&dim, dark ? "rgba(255,255,255,0.62)" : "rgba(0,0,0,0.62)");
  g_object_set (gtk_text_tag_table_lookup (table, "inserted"),
                "foreground-rgba", &ins_fg, "background-rgba", &ins_bg, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "deleted"),
                "foreground-rgba", &del_fg, "background-rgba", &del_bg, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "dim"), "foreground-rgba", &dim, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "feedback"), "foreground-rgba", &dim, NULL);
}

static void
create_tags (PlCompareView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_create_tag (buffer, "group", "weight", PANGO_WEIGHT_BOLD, "scale", 1.25,
                              "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "entry", "weight", PANGO_WEIGHT_BOLD, "pixels-above-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "depth1", "left-margin", 18 + 24, NULL);
  gtk_text_buffer_create_tag (buffer, "depth2", "left-margin", 18 + 48, NULL);
  gtk_text_buffer_create_tag (buffer, "field", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "dim", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "feedback", "style", PANGO_STYLE_ITALIC, "pixels-above-lines", 4, NULL);
  update_tag_colors (self);
}

/* ---- rendering ---- */

typedef struct {
  PlCompareView *self;
  GtkTextBuffer *buffer;
  GtkTextIter    end;
  const char    *depth_tag;
} Writer;

static void
write_text (Writer     *w,
            const char *text,
            gssize      len,
            const char *tag)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return;
  gtk_text_buffer_insert_with_tags_by_name (w->buffer, &w->end, text, (int) len,
                                            tag ? tag : w->depth_tag, tag ? w->depth_tag : NULL, NULL);
}

/* A change: remembered for F8 and Shift+F8. */
static void
write_change (Writer     *w,
              const char *text,
              gssize      len,
              const char *tag)
{
  int start = gtk_text_iter_get_offset (&w->end);
  GtkTextIter from;

  write_text (w, text, len, tag);
  gtk_text_buffer_get_iter_at_offset (w->buffer, &from, start);
  g_ptr_array_add (w->self->changes, gtk_text_buffer_create_mark (w->buffer, NULL, &from, TRUE));
  g_ptr_array_add (w->self->changes, gtk_text_buffer_create_mark (w->buffer, NULL, &w->end, TRUE));
}

/* Cuts @len bytes of @text at a character boundary, backwards or forwards. */
static gsize
utf8_cut (const char *text,
          gsize       len,
          gboolean    forwards)
{
  while (len > 0 && (text[len] & 0xc0) == 0x80)
    len += forwards ? 1 : -1;
  return len;
}

static void
write_equal (Writer     *w,
             const char *text,
             gsize       len,
             gboolean    first,
             gboolean    last)
{
  gsize head, tail;

  if (len <= LONG_EQUAL)
    {
      write_text (w, text, len, NULL);
      return;
    }
  head = first ? 0 : utf8_cut (text, CONTEXT, TRUE);
  tail = last ? len : utf8_cut (text, len - CONTEXT, FALSE);
  /* At a word's edge. */
  while (head > 0 && head < len && !g_ascii_isspace (text[head]))
    head--;
  while (tail < len && !g_ascii_isspace (text[tail - 1]))
    tail++;
  write_text (w, text, head, NULL);
  write_text (w, head > 0 ? " … " : "… ", -1, "dim");
  if (!last)
    write_text (w, text + tail, len - tail, NULL);
}

static void
write_words (Writer            *w,
             const PlDiffField *field)
{
  GArray *ops = field->words;

  for (guint i = 0; i < ops->len; i++)
    {
      const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);

      switch (op->kind)
        {
        case PL_WORD_DIFF_EQUAL:
          write_equal (w, field->new_text + op->new_start, op->new_end - op->new_start,
                       i == 0, i + 1 == ops->len);
          break;
        case PL_WORD_DIFF_DELETE:
          write_change (w, field->old_text + op->old_start, op->old_end - op->old_start, "deleted");
          /* "old new", not "oldnew", when the deletion took no space after it. */
          if (op->old_end > op->old_start && !g_ascii_isspace (field->old_text[op->old_end - 1]) &&
              i + 1 < ops->len && g_array_index (ops, PlWordDiffOp, i + 1).kind == PL_WORD_DIFF_INSERT)
            write_text (w, " ", 1, NULL);
          break;
        case PL_WORD_DIFF_INSERT:
          write_change (w, field->new_text + op->new_start, op->new_end - op->new_start, "inserted");
          break;
        default:
          break;
        }
    }
  write_text (w, "\n", 1, NULL);
}

static const char *
kind_name (GType type)
{
  if (type == PL_TYPE_STRATEGY)
    return _("Strategy");
  if (type == PL_TYPE_SECTION)
    return _("Section");
  if (type == PL_TYPE_PILLAR)
    return _("Pillar");
  if (type == PL_TYPE_OBJECTIVE)
    return _("Objective");
  return _("Action");
}

static char *
describe_change (const PlDiffEntry *e)
{
  GString *s = g_string_new (NULL);

  if (e->change & PL_DIFF_ADDED)
    g_string_append (s, _("added"));
  else if (e->change & PL_DIFF_REMOVED)
    g_string_append (s, _("removed"));
  else if (e->change & PL_DIFF_CHANGED)
    g_string_append (s, _("changed"));
  if (e->change & PL_DIFF_MOVED)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      if (e->old_number && e->new_number)
        /* Translators: "moved from 1.2 to 2.1" */
        g_string_append_printf (s, _("moved from %s to %s"), e->old_number, e->new_number);
      else
        g_string_append (s, _("moved"));
    }
  return g_string_free (s, FALSE);
}

static void
write_entry (Writer            *w,
             const PlDiffEntry *e,
             gboolean           with_heading)
{
  const char *number = e->new_number ? e->new_number : e->old_number;
  g_autofree char *change = describe_change (e);
  g_autofree char *head = NULL;
  const char *tag = (e->change & PL_DIFF_ADDED) ? "inserted" : (e->change & PL_DIFF_REMOVED) ? "deleted" : NULL;

  w->depth_tag = e->depth == 1 ? "depth1" : e->depth >= 2 ? "depth2" : NULL;
  /* Translators: a change's heading: "Objective 2.3 “Protect the grid” — added" */
  head = g_strdup_printf (_("%s %s%s“%s”"), kind_name (e->type), number ? number : "", number ? " " : "", e->title);
  if (!with_heading)
    {
      /* The group's heading names it: say only what changed. */
      if (*change)
        {
          write_change (w, change, -1, "dim");
          write_text (w, "\n", 1, NULL);
        }
    }
  else if (write_text (w, "\n", 1, NULL), tag != NULL)
    {
      int start = gtk_text_iter_get_offset (&w->end);
      GtkTextIter from;

      write_change (w, head, -1, tag);
      gtk_text_buffer_get_iter_at_offset (w->buffer, &from, start);
      gtk_text_buffer_apply_tag_by_name (w->buffer, "entry", &from, &w->end);
    }
  else
    write_change (w, head, -1, "entry");
  if (with_heading && *change)
    {
      write_text (w, " — ", -1, "dim");
      write_text (w, change, -1, "dim");
    }
  if (with_heading)
    write_text (w, "\n", 1, NULL);

  for (guint i = 0; i < e->fields->len; i++)
    {
      const PlDiffField *f = g_ptr_array_index (e->fields, i);
      g_autofree char *label = g_strdup_printf (_("%s: "), f->label);

      write_text (w, label, -1, "field");
      if (f->narrative && f->words != NULL)
        {
          g_autofree char *inserted = g_strdup_printf (ngettext ("%u word inserted", "%u words inserted",
                                                                  f->words_inserted), f->words_inserted);
          g_autofree char *deleted = g_strdup_printf (ngettext ("%u word deleted", "%u words deleted",
                                                                 f->words_deleted), f->words_deleted);
          /* Translators: "12 words inserted, 3 words deleted" */
          g_autofree char *counts = g_strdup_printf (_("%s, %s"), inserted, deleted);

          write_text (w, counts, -1, "dim");
          write_text (w, "\n", 1, NULL);
          write_words (w, f);
        }
      else if (f->words != NULL && *f->old_text && *f->new_text)
        write_words (w, f);
      else
        {
          if (*f->old_text)
            write_change (w, f->old_text, -1, "deleted");
          else
            write_text (w, _("(empty)"), -1, "dim");
          write_text (w, " → ", -1, NULL);
          if (*f->new_text)
            write_change (w, f->new_text, -1, "inserted");
          else
            write_text (w, _("(empty)"), -1, "dim");
          write_text (w, "\n", 1, NULL);
        }
    }
  for (guint i = 0; i < e->feedback->len; i++)
    {
      PlFeedback *fb = g_ptr_array_index (e->feedback, i);
      g_autofree char *line = NULL;
      /* The number as text: a format macro inside a message would hide it
       * from xgettext, and the catalogues could never match it. */
      g_autofree char *item_number = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (fb)));

      /* Translators: under a change: "Answers recommendation #14 (accepted): “Name a lead agency…”" */
      line = g_strdup_printf (_("↳ Answers %s #%s (%s): “%s”\n"),
                              pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)),
                              item_number,
                              pl_enum_to_label (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (fb)),
                              pl_feedback_get_body (fb));
      write_text (w, line, -1, "feedback");
    }
  w->depth_tag = NULL;
}

static void
render (PlCompareView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean changed_only = gtk_toggle_button_get_active (self->changed_only_button);
  Writer w = { self, buffer, { 0, }, NULL };
  GPtrArray *groups;
  GtkTextIter start;

  for (guint i = 0; i < self->changes->len; i++)
    gtk_text_buffer_delete_mark (buffer, g_ptr_array_index (self->changes, i));
  g_ptr_array_set_size (self->changes, 0);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->diff == NULL)
    return;
  gtk_text_buffer_get_end_iter (buffer, &w.end);

  groups = pl_diff_get_groups (self->diff);
  for (guint i = 0; i < groups->len; i++)
    {
      const PlDiffGroup *g = g_ptr_array_index (groups, i);
      g_autofree char *title = NULL;

      if (changed_only && !g->changed)
        continue;
      if (g->front_matter)
        title = g_strdup (g->title);
      else if (g->head != NULL && g->head->new_number != NULL)
        title = g_strdup_printf (_("Pillar %s “%s”"), g->head->new_number, g->title);
      else
        title = g_strdup_printf (_("Pillar “%s”"), g->title);
      if (gtk_text_buffer_get_char_count (buffer) > 0)
        write_text (&w, "\n", 1, NULL);
      write_text (&w, title, -1, "group");
      write_text (&w, "\n", 1, NULL);
      if (!g->changed)
        {
          write_text (&w, _("No changes"), -1, "dim");
          write_text (&w, "\n", 1, NULL);
          continue;
        }
      if (g->head != NULL && g->head->change != PL_DIFF_NONE)
        write_entry (&w, g->head, FALSE);
      for (guint j = 0; j < g->entries->len; j++)
        write_entry (&w, g_ptr_array_index (g->entries, j), TRUE);
    }
  if (pl_diff_is_empty (self->diff))
    write_text (&w, _("The two versions are the same."), -1, "dim");
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
show_error (PlCompareView *self,
            const char    *message)
{
  g_autofree char *text = g_strdup_printf (_("Could not compare: %s"), message);

  gtk_label_set_text (self->summary_label, text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
}

/* The comparison of a big strategy takes longer than a frame: it runs in
 * a thread, on a read-only connection of its own to the file (the
 * document's objects belong to the main thread). The drafters' typing is
 * in the file: the window flushes it before opening the view. */
typedef struct {
  char       *path;
  char       *old_uuid;   /* NULL: the current draft */
  char       *new_uuid;
  PlDocument *reader;
  PlDiff     *diff;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->old_uuid);
  g_free (job->new_uuid);
  g_clear_object (&job->diff);
  g_clear_object (&job->reader);
  g_free (job);
}

static PlDiff *
compare (PlDocument  *document,
         PlSnapshot  *old,
         PlSnapshot  *new,
         GError     **error)
{
  g_autoptr(PlDraft) a = NULL;
  g_autoptr(PlDraft) b = NULL;
  g_autoptr(PlDiff) diff = NULL;

  if (old != NULL)
    return pl_diff_compare (document, old, new, error);
  /* From the current draft to a snapshot: the draft is the old side. */
  if (!(a = pl_document_load_draft (document, NULL, error)) ||
      !(b = pl_document_load_draft (document, new, error)))
    return NULL;
  diff = pl_diff_new (a, b);
  if (!pl_diff_attach_feedback (diff, document, error))
    return NULL;
  return g_steal_pointer (&diff);
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSnapshot) old = NULL;
  g_autoptr(PlSnapshot) new = NULL;

  if (!(job->reader = pl_document_open (job->path, PL_DOCUMENT_OPEN_READ_ONLY, &error)) ||
      (job->old_uuid && !(old = pl_document_find_snapshot (job->reader, job->old_uuid, &error))) ||
      (job->new_uuid && !(new = pl_document_find_snapshot (job->reader, job->new_uuid, &error))) ||
      !(job->diff = compare (job->reader, old, new, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_diff (PlCompareView *self)
{
  g_autofree char *summary = pl_diff_summary_text (self->diff);

  gtk_label_set_text (self->summary_label, summary);
  render (self);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  PlCompareView *self = PL_COMPARE_VIEW (source);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->cancellable);
          show_error (self, error->message);
        }
      return;
    }
  g_clear_object (&self->cancellable);
  g_set_object (&self->reader, job->reader);
  self->diff = g_steal_pointer (&job->diff);
  show_diff (self);
}

static void start_job (PlCompareView *self);

static void
recompute (PlCompareView *self)
{
  g_autoptr(GError) error = NULL;
  const char *path = pl_document_get_path (self->document);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->diff);
  if (self->old == NULL && self->new == NULL)
    {
      gtk_label_set_text (self->summary_label, _("Take a snapshot first: there is nothing to compare the draft with."));
      render (self);
      return;
    }
  if (path == NULL)
    {
      if (!(self->diff = compare (self->document, self->old, self->new, &error)))
        show_error (self, error->message);
      else
        show_diff (self);
      return;
    }
  gtk_label_set_text (self->summary_label, _("Comparing…"));
  render (self);
  self->cancellable = g_cancellable_new ();
  /* The window first: on a busy machine the thread would delay its frame. */
  if (self->drawn)
    start_job (self);
}

static void
start_job (PlCompareView *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  job = g_new0 (Job, 1);
  job->path = g_strdup (pl_document_get_path (self->document));
  job->old_uuid = self->old ? g_strdup (pl_record_get_uuid (PL_RECORD (self->old))) : NULL;
  job->new_uuid = self->new ? g_strdup (pl_record_get_uuid (PL_RECORD (self->new))) : NULL;
  task = g_task_new (self, self->cancellable, compare_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, compare_thread);
}

static void
first_frame_cb (GtkWidget *widget)
{
  PlCompareView *self = PL_COMPARE_VIEW (widget);

  self->drawn = TRUE;
  if (self->cancellable != NULL)
    start_job (self);
}

gboolean
pl_compare_view_get_busy (PlCompareView *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/* ---- versions ---- */

static guint
position_of (PlCompareView *self,
             PlSnapshot    *snapshot)
{
  guint index;

  if (snapshot != NULL && g_ptr_array_find (self->snapshots, snapshot, &index))
    return index + 1;
  return 0;
}

static PlSnapshot *
snapshot_at (PlCompareView *self,
             guint          position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->snapshots->len)
    return NULL;
  return g_ptr_array_index (self->snapshots, position - 1);
}

static void
fill_dropdowns (PlCompareView *self)
{
  GListModel *model = pl_document_get_snapshots (self->document);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->snapshots, 0);
  gtk_string_list_append (strings, _("Current draft"));
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      PlSnapshot *snapshot = g_list_model_get_item (model, i - 1);

      g_ptr_array_add (self->snapshots, snapshot);
      gtk_string_list_append (strings, pl_snapshot_get_name (snapshot));
    }
  self->choosing = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (strings));
  self->choosing = FALSE;
}

void
pl_compare_view_set_versions (PlCompareView *self,
                              PlSnapshot    *old,
                              PlSnapshot    *new)
{
  g_return_if_fail (PL_IS_COMPARE_VIEW (self));

  if (old == NULL && new == NULL && self->snapshots->len > 0)
    old = g_ptr_array_index (self->snapshots, 0);
  g_set_object (&self->old, old);
  g_set_object (&self->new, new);
  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, position_of (self, old));
  gtk_drop_down_set_selected (self->to_dropdown, position_of (self, new));
  self->choosing = FALSE;
  recompute (self);
}

static void
versions_changed_cb (PlCompareView *self)
{
  if (self->choosing || self->document == NULL)
    return;
  g_set_object (&self->old, snapshot_at (self, gtk_drop_down_get_selected (self->from_dropdown)));
  g_set_object (&self->new, snapshot_at (self, gtk_drop_down_get_selected (self->to_dropdown)));
  recompute (self);
}

void
pl_compare_view_set_changed_only (PlCompareView *self,
                                  gboolean       changed_only)
{
  g_return_if_fail (PL_IS_COMPARE_VIEW (self));
  gtk_toggle_button_set_active (self->changed_only_button, changed_only);
}

static void
changed_only_toggled_cb (PlCompareView *self)
{
  render (self);
}

/* ---- navigation ---- */

gboolean
pl_compare_view_go_to_change (PlCompareView *self,
                              gboolean       forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor, start, end;
  int at;

  g_return_val_if_fail (PL_IS_COMPARE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = gtk_text_iter_get_offset (&cursor);
  for (guint k = 0; k < self->changes->len / 2; k++)
    {
      guint i = forward ? k : self->changes->len / 2 - 1 - k;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, g_ptr_array_index (self->changes, 2 * i));
      gtk_text_buffer_get_iter_at_mark (buffer, &end, g_ptr_array_index (self->changes, 2 * i + 1));
      if (forward ? gtk_text_iter_get_offset (&start) > at : gtk_text_iter_get_offset (&start) < at)
        {
          gtk_text_buffer_select_range (buffer, &start, &end);
          gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
          return TRUE;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
  return FALSE;
}

static void
compare_next_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  pl_compare_view_go_to_change (PL_COMPARE_VIEW (widget), TRUE);
}

static void
compare_previous_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  pl_compare_view_go_to_change (PL_COMPARE_VIEW (widget), FALSE);
}

PlDiff *
pl_compare_view_get_diff (PlCompareView *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_VIEW (self), NULL);
  return self->diff;
}

GtkTextBuffer *
pl_compare_view_get_buffer (PlCompareView *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_VIEW (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

/* ---- GObject ---- */

GtkWidget *
pl_compare_view_new (PlDocument *document,
                     PlSnapshot *old,
                     PlSnapshot *new)
{
  PlCompareView *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  self = g_object_new (PL_TYPE_COMPARE_VIEW, "document", document, NULL);
  pl_compare_view_set_versions (self, old, new);
  return GTK_WIDGET (self);
}

static void
pl_compare_view_constructed (GObject *object)
{
  PlCompareView *self = PL_COMPARE_VIEW (object);

  G_OBJECT_CLASS (pl_compare_view_parent_class)->constructed (object);
  create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);
  fill_dropdowns (self);
  pl_after_first_frame (GTK_WIDGET (self), first_frame_cb);
}

static void
pl_compare_view_dispose (GObject *object)
{
  PlCompareView *self = PL_COMPARE_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_COMPARE_VIEW);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->diff);
  g_clear_object (&self->reader);
  g_clear_object (&self->old);
  g_clear_object (&self->new);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pl_compare_view_parent_class)->dispose (object);
}

static void
pl_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlCompareView *self = PL_COMPARE_VIEW (object);

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
pl_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlCompareView *self = PL_COMPARE_VIEW (object);

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
pl_compare_view_class_init (PlCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_compare_view_constructed;
  object_class->dispose = pl_compare_view_dispose;
  object_class->get_property = pl_compare_view_get_property;
  object_class->set_property = pl_compare_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlCompareView, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCompareView, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlCompareView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlCompareView, changed_only_button);
  gtk_widget_class_bind_template_callback (widget_class, versions_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_only_toggled_cb);

  gtk_widget_class_install_action (widget_class, "compare.next", NULL, compare_next_action);
  gtk_widget_class_install_action (widget_class, "compare.previous", NULL, compare_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_compare_view_init (PlCompareView *self)
{
  self->changes = g_ptr_array_new ();
  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}
