/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pl-markdown-view-private.h"
#include "pl-utils.h"

struct _PlMarkdownView
{
  GtkSourceView parent_instance;
};

G_DEFINE_FINAL_TYPE (PlMarkdownView, pl_markdown_view, GTK_SOURCE_TYPE_VIEW)

/* GtkSourceView's own Markdown definition embeds HTML, and with it CSS and
 * JavaScript: loading it took ~100 ms before the first window could be
 * drawn. Narratives are Markdown whose raw HTML every export suppresses, so
 * the app highlights them with a copy of that definition without HTML
 * (ui/language-specs), from its resources alone: no scan of the system's
 * 170 language files either. */
static GtkSourceLanguage *
get_markdown_language (void)
{
  static GtkSourceLanguageManager *manager;

  if (manager == NULL)
    {
      const char *path[] = { "resource:///io/github/pillars/Pillars/language-specs", NULL };

      pl_ensure_resources ();
      manager = gtk_source_language_manager_new ();
      gtk_source_language_manager_set_search_path (manager, path);
    }
  return gtk_source_language_manager_get_language (manager, "markdown");
}

static void
update_scheme (PlMarkdownView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 PlMarkdownView  *self)
{
  update_scheme (self);
}

static void
pl_markdown_view_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, object);
  G_OBJECT_CLASS (pl_markdown_view_parent_class)->dispose (object);
}

static void
pl_markdown_view_constructed (GObject *object)
{
  PlMarkdownView *self = PL_MARKDOWN_VIEW (object);
  GtkSourceBuffer *buffer;

  G_OBJECT_CLASS (pl_markdown_view_parent_class)->constructed (object);

  /* GtkSourceView made its own GtkSourceBuffer: configure that one. */
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  gtk_source_buffer_set_language (buffer, get_markdown_language ());
  gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), TRUE);
  update_scheme (self);
}

static void
pl_markdown_view_class_init (PlMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pl_markdown_view_constructed;
  object_class->dispose = pl_markdown_view_dispose;
}

static void
pl_markdown_view_init (PlMarkdownView *self)
{

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 10);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 2);
  gtk_source_view_set_auto_indent (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_smart_home_end (GTK_SOURCE_VIEW (self), GTK_SOURCE_SMART_HOME_END_BEFORE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-markdown");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
pl_markdown_view_new (void)
{
  return g_object_new (PL_TYPE_MARKDOWN_VIEW, NULL);
}

GtkSourceBuffer *
pl_markdown_view_get_source_buffer (PlMarkdownView *self)
{
  g_return_val_if_fail (PL_IS_MARKDOWN_VIEW (self), NULL);
  return GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
}

gboolean
pl_markdown_view_select_text (PlMarkdownView *self,
                              const char     *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, match_start, match_end;

  g_return_val_if_fail (PL_IS_MARKDOWN_VIEW (self), FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_TEXT_ONLY,
                                     &match_start, &match_end, NULL) &&
      !gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_TEXT_ONLY | GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                     &match_start, &match_end, NULL))
    return FALSE;
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &match_start, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}
