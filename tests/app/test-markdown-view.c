/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Markdown editor's highlighting. */
#include "config.h"

#include "pl-markdown-view.h"
#include "pl-test-app.h"

/* Narratives are highlighted with the app's own Markdown definition (from
 * its resources, without the HTML that the exports suppress anyway). */
static void
test_markdown (void)
{
  GtkWidget *view = g_object_ref_sink (pl_markdown_view_new ());
  GtkSourceBuffer *source = pl_markdown_view_get_source_buffer (PL_MARKDOWN_VIEW (view));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (source);
  GtkSourceLanguage *language = gtk_source_buffer_get_language (source);
  const char *text = "# Why it matters\n\nSome **strong** words and <b>tags</b>.\n";
  g_auto(GStrv) styles = NULL;
  GtkTextIter start, end, iter;
  GSList *tags;

  g_assert_nonnull (language);
  if (language == NULL)
    {
      g_object_unref (view);
      return;
    }
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");
  styles = gtk_source_language_get_style_ids (language);
  g_assert_true (g_strv_contains ((const char * const *) styles, "markdown:header"));
  g_assert_true (g_strv_contains ((const char * const *) styles, "markdown:strong-emphasis"));
  for (guint i = 0; styles[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (styles[i], "html:"));

  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_source_buffer_ensure_highlight (source, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "strong")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_nonnull (tags);
  g_slist_free (tags);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "Some")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_null (tags);
  g_slist_free (tags);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "<b>")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_null (tags);
  g_slist_free (tags);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  pl_test_init_app (&argc, &argv);

  g_test_add_func ("/markdown-view/markdown", test_markdown);

  return pl_test_run_app ();
}
