/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-autosave.h"
#include "pl-test-app.h"

/* PlAutosave (src/app/common/pl-autosave.c) and the document's rules: a
 * title cleared while the drafter types a new one is refused by the
 * document, and said once, not at every pause and flush. */

static void
count_cb (PlAutosave   *autosave,
          const GError *error,
          guint        *count)
{
  g_assert_error ((GError *) error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  (*count)++;
}

static void
test_empty_title (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "autosave.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlAutosave) autosave = NULL;
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  guint reports = 0;

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Awareness", NULL);
  g_assert_no_error (error);
  autosave = pl_autosave_new (doc);
  g_signal_connect (autosave, "write-failed", G_CALLBACK (count_cb), &reports);
  pl_autosave_bind (autosave, buffer, PL_RECORD (pillar), "title", buffer);

  /* Cleared and left a moment: refused, said once; the file keeps the
   * old title and the text stays pending. */
  gtk_text_buffer_set_text (buffer, "", -1);
  wait_for (reports == 1);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Awareness");
  g_assert_true (pl_autosave_get_pending (autosave));
  /* Flushes (Ctrl+S, switching tabs) do not say it again. */
  pl_autosave_flush_source (autosave, buffer);
  g_assert_false (pl_autosave_flush (autosave, NULL));
  g_assert_cmpuint (reports, ==, 1);

  /* The new title is written. */
  gtk_text_buffer_set_text (buffer, "Public awareness", -1);
  wait_for (!pl_autosave_get_pending (autosave));
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Public awareness");
  g_assert_cmpuint (reports, ==, 1);

  /* Cleared again: said again, once. */
  gtk_text_buffer_set_text (buffer, "  ", -1);
  wait_for (reports == 2);
  pl_autosave_flush_source (autosave, buffer);
  g_assert_cmpuint (reports, ==, 2);

  pl_autosave_release (autosave, buffer);
  g_assert_cmpuint (reports, ==, 2);
  pl_document_close (doc);
  pl_test_remove_document (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  pl_test_init (&argc, &argv);

  g_test_add_func ("/autosave/empty-title", test_empty_title);
  return g_test_run ();
}
