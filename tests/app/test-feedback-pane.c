/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback pane, driven like a facilitator does: through the capture
 * bar's own fields and actions, then checked in the file. (The view logic
 * of pl-feedback-format.c is tested without a display, in the core suite.) */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pl-capture-bar.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-feedback-detail.h"
#include "pl-feedback-format.h"
#include "pl-feedback-pane.h"
#include "pl-feedback-row.h"
#include "pl-stakeholders-dialog-private.h"
#include "pl-workshops-dialog-private.h"

typedef struct {
  char           *dir;
  char           *path;
  PlDocument     *doc;
  PlPillar       *pillar;      /* the second pillar, "Awareness raising" */
  PlObjective    *objective;
  PlWorkshop     *workshop;
  PlStakeholder  *karim;
  GtkWindow      *window;
  PlFeedbackPane *pane;
  PlCaptureBar   *bar;
} Fixture;

/* ---- helpers ---- */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *file = g_strdup_printf ("screenshot-feedback-pane-%s.png", name);
  g_autofree char *path = g_build_filename (builddir ? builddir : ".", file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  spin (150);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *pillars;

  f->dir = g_dir_make_tmp ("pillars-pane-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workshop.pillars", NULL);
  f->doc = pl_document_create (f->path, PL_TEMPLATE_STANDARD, &error);
  g_assert_no_error (error);
  pillars = pl_document_get_pillars (f->doc);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), >=, 2);
  f->pillar = g_list_model_get_item (pillars, 1);
  g_assert_true (pl_record_set (PL_RECORD (f->pillar), &error, "body",
                                "Every school gets a trained cyber safety teacher by 2028.", NULL));
  f->objective = pl_document_add (f->doc, PL_TYPE_OBJECTIVE, PL_RECORD (f->pillar), -1, &error,
                                  "title", "Reach every school", NULL);
  f->workshop = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, &error,
                                 "title", "National validation workshop",
                                 "location", "Port Halden", "start-date", "2026-09-14", NULL);
  f->karim = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                              "name", "Karim Osei", "organisation", "Central Bank",
                              "sector", (int) PL_SECTOR_GOVERNMENT, NULL);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 440, 900);
  f->pane = pl_feedback_pane_new (f->doc);
  pl_feedback_pane_set_target (f->pane, PL_RECORD (f->pillar));
  gtk_window_set_child (f->window, GTK_WIDGET (f->pane));
  f->bar = PL_CAPTURE_BAR (pl_feedback_pane_get_capture_bar (f->pane));
  gtk_window_present (f->window);
  spin (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin (50);
  g_clear_object (&f->pillar);
  g_clear_object (&f->objective);
  g_clear_object (&f->workshop);
  g_clear_object (&f->karim);
  pl_document_close (f->doc);
  g_clear_object (&f->doc);
  g_unlink (f->path);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The file as another program sees it. */
static PlDocument *
open_copy (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlDocument *copy;

  pl_document_flush (f->doc, NULL);
  copy = pl_document_open (f->path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return copy;
}

/* Types into the capture bar's own fields and presses Enter (capture.add). */
static void
type_capture (Fixture    *f,
              const char *stakeholder,
              int         kind,
              const char *text)
{
  GtkWidget *bar = GTK_WIDGET (f->bar);

  if (stakeholder != NULL)
    {
      gtk_editable_set_text (pl_capture_bar_get_stakeholder_entry (f->bar), stakeholder);
      g_signal_emit_by_name (pl_capture_bar_get_stakeholder_entry (f->bar), "activate");
    }
  if (kind >= 0)
    g_assert_true (gtk_widget_activate_action (bar, "capture.kind", "i", kind));
  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (f->bar), text, -1);
  g_assert_true (gtk_widget_activate_action (bar, "capture.add", NULL));
  spin (20);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_passage_cb (PlFeedbackPane  *pane,
                 PlFeedback      *feedback,
                 PlFeedback     **out)
{
  *out = feedback;
}

/* The first label under @root whose text starts with @prefix. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @root. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The AdwEntryRow titled @title under @root. */
static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- the pane ---- */

static void
test_capture (Fixture       *f,
              gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  GtkTextBuffer *text = pl_capture_bar_get_text_buffer (f->bar);
  GtkEditable *who = pl_capture_bar_get_stakeholder_entry (f->bar);
  g_autoptr(GtkTextBuffer) editor = gtk_text_buffer_new (NULL);
  g_autoptr(PlFeedback) first = NULL;
  g_autoptr(PlFeedback) newest = NULL;
  g_autofree char *left = NULL;
  GtkTextIter start, end;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  type_capture (f, "karim osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  /* The text clears, the stakeholder stays, the focus stays in the text. */
  left = buffer_text (text);
  g_assert_cmpstr (left, ==, "");
  g_assert_cmpstr (gtk_editable_get_text (who), ==, "karim osei");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* A new name creates a stakeholder, with the organisation asked inline. */
  gtk_editable_set_text (who, "Nadia Haddad");
  gtk_editable_set_text (pl_capture_bar_get_organisation_entry (f->bar), "Kestrel Internet Exchange");
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who runs the national CSIRT at night?");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Ctrl+↓ cycles the kind; the selection in the editor in front is quoted. */
  pl_feedback_pane_set_quote_buffer (f->pane, editor);
  gtk_text_buffer_set_text (editor, "Every school gets a trained cyber safety teacher by 2028.", -1);
  gtk_text_buffer_get_iter_at_offset (editor, &start, 49);
  gtk_text_buffer_get_iter_at_offset (editor, &end, 56);
  gtk_text_buffer_select_range (editor, &start, &end);
  {
    GtkWidget *hint = find_label (GTK_WIDGET (f->bar), "Quoting");

    g_assert_nonnull (hint);
    g_assert_true (hint != NULL && gtk_widget_get_visible (hint));
    g_assert_cmpstr (hint ? gtk_label_get_text (GTK_LABEL (hint)) : NULL, ==, "Quoting “by 2028”");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.next-kind", NULL));
  g_assert_cmpint (pl_capture_bar_get_kind (f->bar), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.next-kind", NULL));
  g_assert_cmpint (pl_capture_bar_get_kind (f->bar), ==, PL_FEEDBACK_OBJECTION);
  type_capture (f, NULL, -1, "2028 is too early for the outer islands.");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    GtkWidget *focus = gtk_window_get_focus (f->window);

    g_assert_true (GTK_IS_TEXT_VIEW (focus));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (f->bar)));
  }

  /* Blank text is not captured. */
  gtk_text_buffer_set_text (text, "   ", -1);
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_text_buffer_set_text (text, "", -1);

  newest = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pl_feedback_get_body (newest), ==, "2028 is too early for the outer islands.");
  g_assert_cmpint (pl_feedback_get_kind (newest), ==, PL_FEEDBACK_OBJECTION);
  g_assert_cmpstr (pl_feedback_get_quote (newest), ==, "by 2028");
  g_assert_cmpint (pl_feedback_get_pillar_id (newest), ==, pl_record_get_id (PL_RECORD (f->pillar)));
  first = g_list_model_get_item (model, 2);
  g_assert_cmpint (pl_feedback_get_kind (first), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (first), ==, pl_record_get_id (PL_RECORD (f->karim)));

  save_screenshot (GTK_WIDGET (f->window), "capture");

  /* A renamed organisation shows at once in the rows on screen. */
  g_assert_null (find_label (GTK_WIDGET (f->pane), "Karim Osei, Central Bank of the Kestrel Islands"));
  g_assert_true (pl_record_set (PL_RECORD (f->karim), NULL, "organisation", "Central Bank of the Kestrel Islands", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (f->pane), "Karim Osei, Central Bank of the Kestrel Islands"));

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlStakeholder) nadia = pl_document_find_stakeholder (copy, "Nadia Haddad");
    PlFeedbackQuery q;

    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 3);
    g_assert_cmpint (pl_document_count (copy, "stakeholders"), ==, 2);
    g_assert_nonnull (nadia);
    g_assert_cmpstr (pl_stakeholder_get_organisation (nadia), ==, "Kestrel Internet Exchange");
    pl_feedback_query_init (&q);
    q.stakeholder_id = pl_record_get_id (PL_RECORD (nadia));
    {
      g_autoptr(PlFeedbackList) hers = pl_feedback_list_new (copy, &q);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hers)), ==, 2);
    }
  }
}

static void
test_answer (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  PlFeedbackDetail *detail = PL_FEEDBACK_DETAIL (pl_feedback_pane_get_detail (f->pane));
  g_autoptr(PlFeedback) item = NULL;
  gint64 id;

  type_capture (f, "Karim Osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who pays for the teachers?");
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), ==, 2);

  item = g_list_model_get_item (model, 1);
  id = pl_record_get_id (PL_RECORD (item));
  pl_feedback_pane_select (f->pane, item);
  g_assert_true (pl_feedback_pane_get_selected (f->pane) == item);
  /* Answering outside a workshop: the capture bar steps aside for the detail. */
  {
    GtkRevealer *capture = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (f->bar), GTK_TYPE_REVEALER));

    g_assert_false (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_set_active_workshop (f->pane, NULL);
    g_assert_false (gtk_revealer_get_reveal_child (capture));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "pane.focus-capture", NULL));
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.close", NULL));
    g_assert_null (pl_feedback_pane_get_selected (f->pane));
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_select (f->pane, item);
    g_assert_false (gtk_revealer_get_reveal_child (capture));
  }

  /* A question that is really a recommendation is reclassified. */
  g_assert_cmpint (pl_feedback_get_kind (item), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpuint (gtk_drop_down_get_selected (pl_feedback_detail_get_kind_dropdown (detail)), ==, PL_FEEDBACK_RECOMMENDATION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_kind_dropdown (detail), PL_FEEDBACK_QUESTION);
  g_assert_cmpint (pl_feedback_get_kind (item), ==, PL_FEEDBACK_QUESTION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_kind_dropdown (detail), PL_FEEDBACK_RECOMMENDATION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_disposition_dropdown (detail), PL_DISPOSITION_PARTLY_ACCEPTED);
  gtk_drop_down_set_selected (pl_feedback_detail_get_priority_dropdown (detail), PL_PRIORITY_HIGH);
  gtk_text_buffer_set_text (pl_feedback_detail_get_response_buffer (detail),
                            "Accepted in part: **action 1.1.4** adds a staffing plan.", -1);
  g_assert_cmpint (pl_feedback_get_disposition (item), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), ==, 1);
  /* The response is written shortly after typing stops, without any flush. */
  spin (800);
  g_assert_cmpstr (pl_feedback_get_response (item), ==, "Accepted in part: **action 1.1.4** adds a staffing plan.");

  /* Retarget to an objective through the detail's list of targets. */
  {
    GtkWidget *detail_widget = GTK_WIDGET (detail);
    GtkMenuButton *about = NULL;
    GtkWidget *label;

    for (GtkWidget *w = find_label (detail_widget, "2. Awareness raising"); w; w = gtk_widget_get_parent (w))
      if (GTK_IS_MENU_BUTTON (w))
        {
          about = GTK_MENU_BUTTON (w);
          break;
        }
    g_assert_nonnull (about);
    gtk_menu_button_popup (about);
    spin (100);
    label = find_label (gtk_menu_button_get_popover (about) ? GTK_WIDGET (gtk_menu_button_get_popover (about)) : detail_widget,
                        "2.1 Reach every school");
    g_assert_nonnull (label);
    /* The strategy, pillar 1, pillar 2, then its objective: the fourth row. */
    if (label != NULL)
      g_assert_true (gtk_widget_activate_action (label, "list.activate-item", "u", 3));
    spin (50);
    g_assert_cmpint (pl_feedback_get_target_kind (item), ==, PL_TARGET_OBJECTIVE);
    g_assert_cmpint (pl_feedback_get_target_id (item), ==, pl_record_get_id (PL_RECORD (f->objective)));
  }
  save_screenshot (GTK_WIDGET (f->window), "answer");

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, id, NULL);

    g_assert_nonnull (again);
    g_assert_cmpint (pl_feedback_get_disposition (PL_FEEDBACK (again)), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
    g_assert_cmpint (pl_feedback_get_priority (PL_FEEDBACK (again)), ==, PL_PRIORITY_HIGH);
    g_assert_cmpstr (pl_feedback_get_response (PL_FEEDBACK (again)), ==,
                     "Accepted in part: **action 1.1.4** adds a staffing plan.");
    g_assert_cmpint (pl_feedback_get_target_kind (PL_FEEDBACK (again)), ==, PL_TARGET_OBJECTIVE);
  }

  /* Delete with undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (pl_feedback_pane_get_selected (f->pane));
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.undo-delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (pl_feedback_pane_get_selected (f->pane) == item);
  g_assert_cmpstr (pl_feedback_get_response (item), ==, "Accepted in part: **action 1.1.4** adds a staffing plan.");
}

static void
test_answer_dark (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(PlFeedback) item = NULL;
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  const int kinds[] = { PL_FEEDBACK_COMMENT, PL_FEEDBACK_QUESTION, PL_FEEDBACK_RECOMMENDATION,
                        PL_FEEDBACK_OBJECTION, PL_FEEDBACK_SUPPORT };
  const char *texts[] = { "Good draft overall.", "Who pays for the teachers?",
                          "Add a CSIRT staffing plan with night shifts.",
                          "2028 is too early for the outer islands.", "Banks support the awareness campaign." };

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    type_capture (f, i % 2 ? "Karim Osei" : "", kinds[i], texts[i]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (model, i);
      pl_record_set (PL_RECORD (fb), NULL, "disposition", (int) (i % 6), NULL);
    }
  item = g_list_model_get_item (model, 1);
  pl_feedback_pane_select (f->pane, item);
  save_screenshot (GTK_WIDGET (f->window), "answer-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

static void
test_workshop_mode (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *live = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "live"));
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  g_autoptr(PlFeedback) stamped = NULL;
  g_autoptr(PlFeedback) unstamped = NULL;
  g_autoptr(PlWorkshop) second = NULL;

  g_assert_null (pl_feedback_pane_get_active_workshop (f->pane));
  /* Choosing in the pane's dropdown turns live mode on. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (live)), ==, 2);
  gtk_drop_down_set_selected (live, 1);
  g_assert_true (pl_feedback_pane_get_active_workshop (f->pane) == f->workshop);
  type_capture (f, "Karim Osei", PL_FEEDBACK_COMMENT, "Stamped with the workshop.");
  save_screenshot (GTK_WIDGET (f->window), "live");
  stamped = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_feedback_get_workshop_id (stamped), ==, pl_record_get_id (PL_RECORD (f->workshop)));

  /* A new workshop shows up in the dropdown; the property drives it too. */
  second = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, NULL, "title", "Regional consultation",
                            "start-date", "2026-10-06", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (live)), ==, 3);
  g_object_set (f->pane, "active-workshop", second, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (live), ==, 2);
  g_object_set (f->pane, "active-workshop", NULL, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (live), ==, 0);
  type_capture (f, NULL, -1, "Not stamped.");
  unstamped = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_feedback_get_workshop_id (unstamped), ==, 0);

  /* Deleting the live workshop ends live mode. */
  pl_feedback_pane_set_active_workshop (f->pane, second);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (second), NULL));
  g_assert_null (pl_feedback_pane_get_active_workshop (f->pane));

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    PlFeedbackQuery q;

    pl_feedback_query_init (&q);
    q.workshop_id = pl_record_get_id (PL_RECORD (f->workshop));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pl_document_get_feedback (copy))), ==, 2);
    {
      g_autoptr(PlFeedbackList) in_workshop = pl_feedback_list_new (copy, &q);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_workshop)), ==, 1);
    }
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  GtkDropDown *kind = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "kind"));
  GtkDropDown *disposition = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "disposition"));
  GtkDropDown *scope = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "scope"));
  GtkDropDown *sector = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "sector"));
  GtkDropDown *workshop = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "workshop"));
  GtkCheckButton *orphaned = GTK_CHECK_BUTTON (pl_feedback_pane_get_filter (f->pane, "orphaned"));
  GtkEditable *search = GTK_EDITABLE (pl_feedback_pane_get_filter (f->pane, "search"));
  g_autoptr(PlFeedback) answered = NULL;

  type_capture (f, "Karim Osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who pays for the teachers?");
  pl_feedback_pane_set_active_workshop (f->pane, NULL);
  pl_feedback_pane_set_target (f->pane, NULL);
  type_capture (f, "", PL_FEEDBACK_COMMENT, "Good draft overall.");
  pl_feedback_pane_set_target (f->pane, PL_RECORD (f->pillar));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_drop_down_set_selected (kind, 1 + PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (kind, 0);

  answered = g_list_model_get_item (model, 1);
  pl_record_set (PL_RECORD (answered), NULL, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL);
  gtk_drop_down_set_selected (disposition, 1 + PL_DISPOSITION_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (disposition, 0);

  /* This tab: the pillar of the target; the capture on the strategy is not in it. */
  gtk_drop_down_set_selected (scope, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  pl_feedback_pane_set_target (f->pane, PL_RECORD (f->objective));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (scope, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_drop_down_set_selected (sector, 1 + PL_SECTOR_GOVERNMENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (sector, 0);

  gtk_drop_down_set_selected (workshop, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (workshop, 0);

  gtk_check_button_set_active (orphaned, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_check_button_set_active (orphaned, FALSE);

  /* The search entry reports after a short delay. */
  gtk_editable_set_text (search, "teachers");
  for (int i = 0; i < 100 && g_list_model_get_n_items (model) != 1; i++)
    spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  save_screenshot (GTK_WIDGET (f->window), "filters");
  gtk_editable_set_text (search, "");
  for (int i = 0; i < 100 && g_list_model_get_n_items (model) != 3; i++)
    spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_orphan (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  g_autoptr(GtkTextBuffer) editor = gtk_text_buffer_new (NULL);
  g_autoptr(PlFeedback) item = NULL;
  PlFeedback *shown = NULL;
  GtkWidget *warning;
  GtkTextIter start, end;

  pl_feedback_pane_set_quote_buffer (f->pane, editor);
  gtk_text_buffer_set_text (editor, pl_pillar_get_body (f->pillar), -1);
  gtk_text_buffer_get_iter_at_offset (editor, &start, 18);
  gtk_text_buffer_get_iter_at_offset (editor, &end, 48);
  gtk_text_buffer_select_range (editor, &start, &end);
  type_capture (f, "Karim Osei", PL_FEEDBACK_QUESTION, "What does trained mean here?");
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pl_feedback_get_quote (item), ==, "a trained cyber safety teacher");
  pl_feedback_pane_select (f->pane, item);

  g_signal_connect (f->pane, "show-passage", G_CALLBACK (show_passage_cb), &shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.show-passage", NULL));
  g_assert_true (shown == item);

  /* The passage is edited away: a clear warning, and nothing to show. */
  warning = find_label (pl_feedback_pane_get_detail (f->pane), "Passage no longer in the text");
  g_assert_nonnull (warning);
  g_assert_false (gtk_widget_is_visible (warning));
  g_assert_true (pl_record_set (PL_RECORD (f->pillar), NULL, "body", "Every school is reached.", NULL));
  g_assert_true (pl_feedback_get_orphaned (item));
  g_assert_true (gtk_widget_is_visible (warning));
  shown = NULL;
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.show-passage", NULL);
  g_assert_null (shown);
  save_screenshot (GTK_WIDGET (f->window), "orphaned");
}

static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *workshops = pl_workshops_dialog_new (f->doc);
  GtkWidget *stakeholders = pl_stakeholders_dialog_new (f->doc);
  GtkWidget *row;
  g_autoptr(PlStakeholder) dup = NULL;
  g_autoptr(PlFeedback) fb = NULL;

  gtk_window_present (GTK_WINDOW (workshops));
  spin (100);
  g_assert_true (gtk_widget_activate_action (workshops, "workshops.add", NULL));
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 2);
  row = pl_workshops_dialog_get_row (PL_WORKSHOPS_DIALOG (workshops), f->workshop);
  g_assert_nonnull (row);
  save_screenshot (workshops, "workshops-dialog");
  /* Typing in a field writes it. */
  {
    GtkWidget *location = find_entry_row (row, "Location");

    g_assert_nonnull (location);
    if (location != NULL)
      gtk_editable_set_text (GTK_EDITABLE (location), "Port Halden, Government Conference Centre");
    g_assert_cmpstr (pl_workshop_get_location (f->workshop), ==, "Port Halden, Government Conference Centre");
  }
  g_assert_true (gtk_widget_activate_action (workshops, "workshops.delete", "x", pl_record_get_id (PL_RECORD (f->workshop))));
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 1);
  g_assert_true (gtk_widget_activate_action (workshops, "workshops.undo-delete", NULL));
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (workshops));

  dup = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, NULL, "name", "K. Osei", NULL);
  fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "From the duplicate.", NULL, NULL, NULL, dup, NULL);
  gtk_window_present (GTK_WINDOW (stakeholders));
  spin (100);
  row = pl_stakeholders_dialog_get_row (PL_STAKEHOLDERS_DIALOG (stakeholders), dup);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  save_screenshot (stakeholders, "stakeholders-dialog");
  g_assert_true (gtk_widget_activate_action (stakeholders, "stakeholders.add", NULL));
  g_assert_cmpint (pl_document_count (f->doc, "stakeholders"), ==, 3);

  /* Merge the duplicate into Karim Osei: choose him, Merge, confirm. */
  {
    GtkDropDown *same = GTK_DROP_DOWN (find_widget (row, GTK_TYPE_DROP_DOWN));
    GListModel *all = pl_document_get_stakeholders (f->doc);
    AdwMessageDialog *confirm = NULL;
    GListModel *toplevels;

    g_assert_nonnull (same);
    /* The choices: everyone but the duplicate itself. */
    g_assert_cmpuint (same ? g_list_model_get_n_items (gtk_drop_down_get_model (same)) : 0, ==,
                      g_list_model_get_n_items (all) - 1);
    for (guint i = 0; same != NULL && i < g_list_model_get_n_items (gtk_drop_down_get_model (same)); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (gtk_drop_down_get_model (same), i);
        if (g_str_has_prefix (gtk_string_object_get_string (choice), "Karim Osei"))
          gtk_drop_down_set_selected (same, i);
      }
    g_assert_true (gtk_widget_activate_action (stakeholders, "stakeholders.merge", "x", pl_record_get_id (PL_RECORD (dup))));
    toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          confirm = ADW_MESSAGE_DIALOG (w);
      }
    g_assert_nonnull (confirm);
    /* Nothing happens before the answer. */
    g_assert_false (pl_record_is_deleted (PL_RECORD (dup)));
    if (confirm != NULL)
      {
        adw_message_dialog_response (confirm, "merge");
        gtk_window_destroy (GTK_WINDOW (confirm));
      }
    g_assert_true (pl_record_is_deleted (PL_RECORD (dup)));
    g_assert_cmpint (pl_feedback_get_stakeholder_id (fb), ==, pl_record_get_id (PL_RECORD (f->karim)));
    g_assert_cmpint (pl_document_count (f->doc, "stakeholders"), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (stakeholders));
}

static guint
count_rows (GtkWidget *root)
{
  guint n = PL_IS_FEEDBACK_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

/* 20,000 items: the list builds rows only for what is on screen and a
 * capture still lands at the top at once. */
static void
test_big (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pillars-big-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.pillars", NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(PlFeedback) top = NULL;
  guint before;
  GtkWindow *window;
  PlFeedbackPane *pane;
  PlCaptureBar *bar;
  GListModel *model;
  double shown, captured;

  doc = pl_demo_create (path, PL_DEMO_BIG, &error);
  g_assert_no_error (error);
  if (doc == NULL)
    return;

  timer = g_timer_new ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 440, 560);
  pane = pl_feedback_pane_new (doc);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  spin (200);
  shown = g_timer_elapsed (timer, NULL);
  model = pl_feedback_pane_get_model (pane);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 20000);
  /* GtkListView keeps a window of about 200 rows around what is shown. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (pane)), <, 400);

  bar = PL_CAPTURE_BAR (pl_feedback_pane_get_capture_bar (pane));
  before = g_list_model_get_n_items (model);
  g_timer_start (timer);
  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (bar), "Captured in a big document.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "capture.add", NULL));
  captured = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  /* The example's captures are dated through 2026, so "newest first"
   * puts this one by its time; it is listed. */
  {
    g_autoptr(PlDocument) copy = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, before + 1);
  }
  top = g_list_model_get_item (model, 0);
  g_assert_nonnull (top);
  g_test_message ("20,000 items: pane shown in %.2f s (incl. 0.2 s wait), capture in %.3f s", shown, captured);
  /* Speed is measured by the benchmark (build-aux/bench.sh), not here. */
  spin (500);
  save_screenshot (GTK_WIDGET (window), "big");

  /* Answering in a big document: the list of targets opens quickly. */
  pl_feedback_pane_select (pane, top);
  {
    GtkWidget *detail = pl_feedback_pane_get_detail (pane);
    GtkMenuButton *about = NULL;
    double opened;

    for (GtkWidget *w = find_label (detail, "Abou"); w; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_MENU_BUTTON (w))
        about = GTK_MENU_BUTTON (w);
    g_assert_nonnull (about);
    g_timer_start (timer);
    if (about != NULL)
      gtk_menu_button_popup (about);
    opened = g_timer_elapsed (timer, NULL);
    spin (100);
    g_test_message ("list of targets opened in %.3f s", opened);
    if (about != NULL)
      gtk_menu_button_popdown (about);
  }

  gtk_window_destroy (window);
  spin (50);
  pl_document_close (doc);
  g_clear_object (&doc);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/feedback-pane/capture", test_capture);
  ADD ("/feedback-pane/answer", test_answer);
  ADD ("/feedback-pane/answer-dark", test_answer_dark);
  ADD ("/feedback-pane/workshop-mode", test_workshop_mode);
  ADD ("/feedback-pane/filters", test_filters);
  ADD ("/feedback-pane/orphan", test_orphan);
  ADD ("/feedback-pane/dialogs", test_dialogs);
#undef ADD
  g_test_add_func ("/feedback-pane/big", test_big);

  return g_test_run ();
}
