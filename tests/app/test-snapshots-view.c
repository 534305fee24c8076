/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Snapshots view: opened from the window (menu action and Ctrl+Alt+S
 * typed), take, rename, delete and undo, restore after confirming, closed
 * with Escape typed. */
#include "config.h"

#include <string.h>

#include "pl-document-snapshots.h"
#include "pl-snapshots-view.h"
#include "pl-test-versions.h"

static PlApplication *app;

static PlSnapshot *
newest_snapshot (PlDocument *doc)
{
  GListModel *model = pl_document_get_snapshots (doc);
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, n - 1) : NULL;
}

static GtkWidget *
find_entry_row (GtkWidget *root)
{
  if (ADW_IS_ENTRY_ROW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_snapshots (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "snapshots.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  GListModel *snapshots = pl_document_get_snapshots (doc);
  guint n0 = g_list_model_get_n_items (snapshots);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autofree char *body = g_strdup (pl_pillar_get_body (pillar));
  g_autoptr(PlSnapshot) taken = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *row, *entry;
  AdwMessageDialog *dialog;
  gboolean typed;

  /* Ctrl+Alt+S, typed. */
  typed = pl_test_xdotool_key (GTK_WINDOW (window), "ctrl+alt+s");
  if (!typed)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.snapshots", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_SNAPSHOTS_VIEW) != NULL);
  view = GTK_WIDGET (pl_test_find_toplevel (PL_TYPE_SNAPSHOTS_VIEW));
  pl_test_wait_shown (view);

  /* Take: an empty label is refused with a message, a label is taken. */
  row = find_entry_row (view);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n0);
  gtk_editable_set_text (GTK_EDITABLE (row), "  Before the Nairobi workshop ");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n0 + 1);
  taken = newest_snapshot (doc);
  g_assert_cmpstr (pl_snapshot_get_name (taken), ==, "Before the Nairobi workshop");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_nonnull (pl_snapshots_view_get_row (PL_SNAPSHOTS_VIEW (view), taken));
  /* Newest first. */
  g_assert_true (gtk_widget_get_first_child (gtk_widget_get_parent (pl_snapshots_view_get_row (PL_SNAPSHOTS_VIEW (view), taken)))
                 == pl_snapshots_view_get_row (PL_SNAPSHOTS_VIEW (view), taken));
  pl_test_screenshot (view, "snapshots-view");

  /* Rename through its dialog. */
  g_assert_true (gtk_widget_activate_action (view, "snapshots.rename", "x", pl_record_get_id (PL_RECORD (taken))));
  wait_for (pl_test_find_message_dialog ("Rename Snapshot") != NULL);
  dialog = pl_test_find_message_dialog ("Rename Snapshot");
  entry = pl_test_find_entry (GTK_WIDGET (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Draft sent to Nairobi");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (pl_snapshot_get_name (taken), ==, "Draft sent to Nairobi");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pl_snapshots_view_get_row (PL_SNAPSHOTS_VIEW (view), taken))),
                   ==, "Draft sent to Nairobi");

  /* Delete, then undo. */
  g_assert_true (gtk_widget_activate_action (view, "snapshots.delete", "x", pl_record_get_id (PL_RECORD (taken))));
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n0);
  g_assert_null (pl_snapshots_view_get_row (PL_SNAPSHOTS_VIEW (view), taken));
  g_assert_true (gtk_widget_activate_action (view, "snapshots.undo-delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n0 + 1);

  /* Restore: asks first, says a snapshot of the draft is taken, and does it. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body", "Rewritten after the workshop.", NULL));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (view, "snapshots.restore", "x", pl_record_get_id (PL_RECORD (taken))));
  wait_for (pl_test_find_message_dialog ("Restore “Draft sent to Nairobi”?") != NULL);
  dialog = pl_test_find_message_dialog ("Restore “Draft sent to Nairobi”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "snapshot of the current draft is taken first"));
  pl_test_screenshot (GTK_WIDGET (dialog), "snapshots-restore");
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n0 + 2);
  {
    g_autoptr(PlPillar) now = g_list_model_get_item (pl_document_get_pillars (doc), 0);
    g_autoptr(PlSnapshot) before = newest_snapshot (doc);

    g_assert_cmpstr (pl_pillar_get_body (now), ==, body);
    g_assert_true (g_str_has_prefix (pl_snapshot_get_name (before), "Before restoring"));
  }
  /* Undo (the toast's button): the rewritten text is back. */
  g_assert_true (gtk_widget_activate_action (view, "snapshots.undo-restore", NULL));
  {
    g_autoptr(PlPillar) now = g_list_model_get_item (pl_document_get_pillars (doc), 0);

    g_assert_cmpstr (pl_pillar_get_body (now), ==, "Rewritten after the workshop.");
  }

  /* Escape, typed, closes it. */
  gtk_widget_grab_focus (row);
  if (pl_test_xdotool_key (GTK_WINDOW (view), "Escape"))
    wait_for (!pl_test_is_toplevel (view));
  else
    gtk_window_destroy (GTK_WINDOW (view));
  g_test_message ("typed with xdotool: %s", typed ? "yes" : "no");
  pl_test_close_window (window);
}

/* A read-only file: nothing can be taken, renamed, deleted or restored. */
static void
test_read_only (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "ro.pillars", PL_DEMO_SMALL);
  g_autoptr(PlDocument) doc = pl_test_reopen_read_only (path);
  g_autoptr(PlAutosave) autosave = pl_autosave_new (doc);
  GtkWidget *view = pl_snapshots_view_new (autosave, FALSE);

  gtk_window_present (GTK_WINDOW (view));
  pl_test_wait_shown (view);
  g_assert_false (gtk_widget_get_sensitive (find_entry_row (view)));
  gtk_window_destroy (GTK_WINDOW (view));
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/snapshots-view/take-rename-delete-restore", test_snapshots);
  g_test_add_func ("/snapshots-view/read-only", test_read_only);

  return pl_test_run_app ();
}
