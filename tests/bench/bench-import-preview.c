/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import-preview KIND FILE [DOCUMENT]: the time from a file being
 * chosen to the preview's first frame on screen, through the window's own
 * action (KIND "draft": win.import-from FILE; "comments":
 * win.import-comments-from FILE on DOCUMENT). Prints
 * "preview-first-frame-ms: N", then "preview-complete-ms: N" at the first
 * frame showing the outline (the draft dialog reads the file in a thread
 * behind a "Reading…" first frame; the comments preview is complete at
 * its first frame). */
#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "pl-import-comments-dialog.h"
#include "pl-import-draft-dialog.h"
#include "pl-window.h"

static gint64 chosen_at;
static GType preview_type;
static gboolean first_frame;
static gboolean done;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *dialog)
{
  double ms = (g_get_monotonic_time () - chosen_at) / 1000.0;

  if (done)
    return;
  if (!first_frame)
    {
      first_frame = TRUE;
      printf ("preview-first-frame-ms: %.1f\n", ms);
    }
  if (!PL_IS_IMPORT_DRAFT_DIALOG (dialog) || !pl_import_draft_dialog_is_reading (PL_IMPORT_DRAFT_DIALOG (dialog)))
    {
      done = TRUE;
      printf ("preview-complete-ms: %.1f\n", ms);
    }
  fflush (stdout);
}

/* The outline arrives between frames: ask for one to see it. */
static gboolean
tick_cb (GtkWidget     *dialog,
         GdkFrameClock *clock,
         gpointer       data)
{
  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
preview_mapped_cb (GtkWidget *dialog)
{
  g_signal_connect (gtk_widget_get_frame_clock (dialog), "after-paint", G_CALLBACK (after_paint_cb), dialog);
  gtk_widget_add_tick_callback (dialog, tick_cb, NULL, NULL);
}

/* The preview is a new toplevel: catch it as it appears. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, preview_type))
        g_signal_connect (w, "map", G_CALLBACK (preview_mapped_cb), NULL);
    }
}

static void
window_painted_cb (GdkFrameClock *clock,
                   PlWindow      *window)
{
  gboolean draft = preview_type == PL_TYPE_IMPORT_DRAFT_DIALOG;
  const char *path = g_object_get_data (G_OBJECT (window), "bench-file");

  g_signal_handlers_disconnect_by_func (clock, window_painted_cb, window);
  chosen_at = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), draft ? "win.import-from" : "win.import-comments-from", "s", path);
}

static void
window_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (window_painted_cb), window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  PlWindow *window;
  gint64 deadline;

  if (argc < 3 || (g_str_equal (argv[1], "comments") && argc < 4))
    {
      fprintf (stderr, "usage: bench-import-preview draft FILE | comments FILE DOCUMENT\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  preview_type = g_str_equal (argv[1], "draft") ? PL_TYPE_IMPORT_DRAFT_DIALOG : PL_TYPE_IMPORT_COMMENTS_DIALOG;
  if (argc > 3 && !(doc = pl_document_open (argv[3], PL_DOCUMENT_OPEN_DEFAULT, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  window = pl_window_new (NULL, doc);
  g_object_set_data_full (G_OBJECT (window), "bench-file", g_strdup (argv[2]), g_free);
  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return done ? 0 : 1;
}
