/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-feedback-format.h"
#include "pl-search-format.h"
#include "pl-search-dialog.h"

/* How many hits one query lists: enough to scan, few enough to build the
 * rows at once even on a strategy with 20,000 feedback items. */
#define MAX_HITS 200

struct _PlSearchDialog
{
  AdwWindow       parent_instance;

  PlDocument     *document;
  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *no_results;
  guint           idle_id;
};

G_DEFINE_FINAL_TYPE (PlSearchDialog, pl_search_dialog, ADW_TYPE_WINDOW)

enum { HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Data a row keeps (set on the row with g_object_set_data). */
typedef struct {
  GType   type;
  gint64  id;
  char   *group;   /* heading of its group */
  int     rank;    /* order of the group: strategy, pillars in order met, feedback */
  char   *match;   /* first matched words, to select in the text */
  char   *title;   /* numbered from positions ("2.1 Title"), or the index's title */
} Hit;

static void
hit_free (Hit *hit)
{
  g_free (hit->group);
  g_free (hit->match);
  g_free (hit->title);
  g_free (hit);
}

static const char *
kind_label (GType type)
{
  if (type == PL_TYPE_OBJECTIVE)
    return _("Objective");
  if (type == PL_TYPE_ACTION)
    return _("Action");
  if (type == PL_TYPE_FEEDBACK)
    return _("Feedback");
  return _("Narrative");
}

static Hit *
hit_place (PlSearchDialog    *self,
           const PlSearchHit *search_hit,
           GHashTable        *pillar_ranks)
{
  Hit *hit = g_new0 (Hit, 1);
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlPillar) pillar = NULL;

  hit->type = search_hit->type;
  hit->id = search_hit->id;
  if (hit->type == PL_TYPE_FEEDBACK)
    {
      hit->group = g_strdup (_("Feedback"));
      hit->rank = G_MAXINT;
      return hit;
    }
  if (hit->type == PL_TYPE_PILLAR || hit->type == PL_TYPE_OBJECTIVE || hit->type == PL_TYPE_ACTION)
    record = pl_document_lookup (self->document, hit->type, hit->id, NULL);
  /* Numbers come from positions, as everywhere else: "2.1", "2.1.3". */
  if (record != NULL)
    hit->title = pl_feedback_format_target (self->document, record);
  if (record != NULL && PL_IS_PILLAR (record))
    pillar = g_object_ref (PL_PILLAR (record));
  else if (record != NULL)
    pillar = pl_document_get_pillar_of (self->document, record);
  if (pillar == NULL)
    {
      hit->group = g_strdup (_("Strategy"));
      hit->rank = 0;
      return hit;
    }
  hit->group = g_strdup (pl_pillar_get_title (pillar));
  if (hit->group == NULL || *hit->group == '\0')
    {
      g_free (hit->group);
      hit->group = g_strdup (_("Untitled pillar"));
    }
  /* Pillars come in the order the search met them (best match first). */
  if (!g_hash_table_contains (pillar_ranks, hit->group))
    g_hash_table_insert (pillar_ranks, g_strdup (hit->group),
                         GINT_TO_POINTER (g_hash_table_size (pillar_ranks) + 1));
  hit->rank = GPOINTER_TO_INT (g_hash_table_lookup (pillar_ranks, hit->group));
  return hit;
}

static GtkWidget *
make_row (Hit               *hit,
          const PlSearchHit *search_hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind = gtk_label_new (kind_label (hit->type));
  const char *title_text = hit->title ? hit->title : search_hit->title ? search_hit->title : "";
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *plain = NULL;
  g_autofree char *markup = pl_search_format_snippet (search_hit, &plain, &hit->match);
  g_autofree char *label = NULL;

  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, "accent");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), title);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* TRANSLATORS: a search result read by a screen reader: kind (Objective,
   * Action…), where it is, its title, then the text around the match. */
  label = g_strdup_printf (_("%s in %s: %s. %s"), kind_label (hit->type), hit->group,
                           title_text, plain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "pl-hit", hit, (GDestroyNotify) hit_free);
  return row;
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       data)
{
  Hit *ha = g_object_get_data (G_OBJECT (a), "pl-hit");
  Hit *hb = g_object_get_data (G_OBJECT (b), "pl-hit");

  if (ha->rank != hb->rank)
    return ha->rank < hb->rank ? -1 : 1;
  /* Within a group, the search's order (kept as the row's first index). */
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "pl-order"))
       - GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "pl-order"));
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  Hit *hit = g_object_get_data (G_OBJECT (row), "pl-hit");
  Hit *prev = before ? g_object_get_data (G_OBJECT (before), "pl-hit") : NULL;
  GtkWidget *header;

  if (prev != NULL && prev->rank == hit->rank)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (hit->group);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, before ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static void
clear_rows (PlSearchDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
run_search (PlSearchDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) pillar_ranks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  clear_rows (self);
  if (*stripped == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  hits = pl_document_search (self->document, stripped, MAX_HITS, &error);
  if (hits == NULL || hits->len == 0)
    {
      adw_status_page_set_description (self->no_results, error != NULL
                                       ? _("These words cannot be searched for. Try plain words without quotes or symbols.")
                                       : _("No narrative, objective, action or feedback contains these words. Try fewer or other words."));
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  pillar_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      const PlSearchHit *search_hit = g_ptr_array_index (hits, i);
      Hit *hit = hit_place (self, search_hit, pillar_ranks);
      GtkWidget *row = make_row (hit, search_hit);

      /* Only the title matched: the first word typed is what to select. */
      if (hit->match == NULL)
        {
          g_auto(GStrv) words = g_strsplit_set (stripped, " \t\"*", 2);

          hit->match = g_strdup (words[0]);
        }
      g_object_set_data (G_OBJECT (row), "pl-order", GINT_TO_POINTER (i));
      gtk_list_box_append (self->list, row);
    }
  gtk_list_box_invalidate_sort (self->list);
  gtk_list_box_invalidate_headers (self->list);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

/* Live as one types, but once per burst of keys: the search runs when the
 * main loop is idle, after the pending key events. */
static gboolean
search_idle_cb (gpointer data)
{
  PlSearchDialog *self = data;

  self->idle_id = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (GtkEditable    *editable,
            PlSearchDialog *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, search_idle_cb, self, NULL);
}

static void
activate_row (PlSearchDialog *self,
              GtkListBoxRow  *row)
{
  Hit *hit;

  if (row == NULL)
    return;
  hit = g_object_get_data (G_OBJECT (row), "pl-hit");
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->type, hit->id, hit->match);
  g_object_unref (self);
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  PlSearchDialog *self)
{
  activate_row (self, row);
}

static void
entry_activate_cb (GtkSearchEntry *entry,
                   PlSearchDialog *self)
{
  /* Enter right after typing: the pending search first. */
  if (self->idle_id != 0)
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      run_search (self);
    }
  activate_row (self, gtk_list_box_get_selected_row (self->list));
}

static void
stop_search_cb (GtkSearchEntry *entry,
                PlSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
move_selection (PlSearchDialog *self,
                int             delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));

  if (next == NULL)
    return;
  gtk_list_box_select_row (self->list, next);
  /* Keep the typing in the entry, but the selected row in view. */
  gtk_widget_grab_focus (GTK_WIDGET (next));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PlSearchDialog        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_selection (self, 5);
      return TRUE;
    case GDK_KEY_Page_Up:
      move_selection (self, -5);
      return TRUE;
    default:
      return FALSE;
    }
}

static AdwStatusPage *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (adw_status_page_new ());

  adw_status_page_set_icon_name (page, icon);
  adw_status_page_set_title (page, title);
  adw_status_page_set_description (page, description);
  gtk_widget_add_css_class (GTK_WIDGET (page), "compact");
  return page;
}

/* Esc, Enter or the close button: the focus goes back to the window it
 * came from (without a window manager to do it for us). */
static gboolean
pl_search_dialog_close_request (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    gtk_window_present (parent);
  return GTK_WINDOW_CLASS (pl_search_dialog_parent_class)->close_request (window);
}

static void
pl_search_dialog_dispose (GObject *object)
{
  PlSearchDialog *self = PL_SEARCH_DIALOG (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pl_search_dialog_parent_class)->dispose (object);
}

static void
pl_search_dialog_class_init (PlSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_search_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = pl_search_dialog_close_request;
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_search_dialog_init (PlSearchDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Search Strategy"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("Search narrative, objectives, actions and feedback"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the whole strategy"), -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (toolbar), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_sort_func (self->list, compare_rows, NULL, NULL);
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search results"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->no_results = status_page ("edit-find-symbolic", _("No Results"), NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack,
                       GTK_WIDGET (status_page ("edit-find-symbolic", _("Search the Strategy"),
                                                _("Type words to find them in the narrative, the objectives, the actions and the feedback."))),
                       "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->no_results), "none");
  gtk_stack_add_named (self->stack, scrolled, "results");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  g_signal_connect (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

PlSearchDialog *
pl_search_dialog_new (GtkWindow  *parent,
                      PlDocument *document)
{
  PlSearchDialog *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  self = g_object_new (PL_TYPE_SEARCH_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  return self;
}

void
pl_search_dialog_set_query (PlSearchDialog *self,
                            const char     *query)
{
  g_return_if_fail (PL_IS_SEARCH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

guint
pl_search_dialog_get_n_results (PlSearchDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_SEARCH_DIALOG (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

GtkWidget *
pl_search_dialog_get_row (PlSearchDialog *self,
                          guint           index)
{
  g_return_val_if_fail (PL_IS_SEARCH_DIALOG (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index));
}

const char *
pl_search_dialog_get_row_group (PlSearchDialog *self,
                                guint           index)
{
  GtkListBoxRow *row;
  Hit *hit;

  g_return_val_if_fail (PL_IS_SEARCH_DIALOG (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list, index);
  hit = row ? g_object_get_data (G_OBJECT (row), "pl-hit") : NULL;
  return hit ? hit->group : NULL;
}
