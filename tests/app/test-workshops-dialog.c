/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workshops dialog: add, edit, delete, undo. */
#include "config.h"

#include "pl-test-feedback.h"
#include "pl-workshops-dialog.h"

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

static void
test_workshops (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *workshops = pl_workshops_dialog_new (f->doc);
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (workshops));
  pl_test_wait_shown (workshops);
  g_assert_true (gtk_widget_activate_action (workshops, "workshops.add", NULL));
  g_assert_cmpint (pl_document_count (f->doc, "workshops"), ==, 2);
  row = pl_workshops_dialog_get_row (PL_WORKSHOPS_DIALOG (workshops), f->workshop);
  g_assert_nonnull (row);
  pl_test_screenshot (workshops, "workshops-dialog");
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
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/workshops-dialog/workshops", test_workshops);

  return g_test_run ();
}
