/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-test-feedback.h"

void
feedback_test_init (int    *argc,
                    char ***argv)
{
  pl_test_init (argc, argv);
  pl_test_load_style ();
}

void
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
  pl_test_wait_shown (f->window);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_test_drain ();
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
PlDocument *
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
void
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
  pl_test_drain ();
}

GdkTexture *
feedback_capture (Fixture    *f,
                  const char *name)
{
  g_autofree char *full = g_strconcat ("feedback-pane-", name, NULL);

  return pl_test_capture (GTK_WIDGET (f->window), full);
}

void
feedback_screenshot (Fixture    *f,
                     const char *name)
{
  g_autoptr(GdkTexture) texture = feedback_capture (f, name);
}
