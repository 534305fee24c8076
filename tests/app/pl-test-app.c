/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pl-test-app.h"
#include "pl-utils.h"

/* ---- waiting for conditions ---- */

static gboolean
expired_cb (gpointer data)
{
  PlTestWait *wait = data;

  wait->expired = TRUE;
  wait->source = 0;
  return G_SOURCE_REMOVE;
}

void
pl_test_wait_begin (PlTestWait *wait,
                    guint       timeout_ms)
{
  wait->expired = FALSE;
  /* Wakes the blocking iteration below when nothing else does. */
  wait->source = g_timeout_add (timeout_ms, expired_cb, wait);
}

gboolean
pl_test_wait_iterate (PlTestWait *wait)
{
  if (wait->expired)
    return FALSE;
  g_main_context_iteration (NULL, TRUE);
  return !wait->expired;
}

gboolean
pl_test_wait_end (PlTestWait *wait,
                  gboolean    ok,
                  const char *what,
                  const char *file,
                  int         line,
                  const char *func)
{
  if (wait->source != 0)
    g_source_remove (wait->source);
  wait->source = 0;
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("timed out after %d ms waiting for: %s",
                                                  PL_TEST_TIMEOUT_MS, what);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
  return ok;
}

gboolean
pl_test_wait_until (PlTestCondition  condition,
                    gpointer         data,
                    guint            timeout_ms,
                    const char      *what)
{
  PlTestWait wait;

  pl_test_wait_begin (&wait, timeout_ms);
  while (!condition (data) && pl_test_wait_iterate (&wait))
    ;
  return pl_test_wait_end (&wait, condition (data), what ? what : "a condition", __FILE__, __LINE__, G_STRFUNC);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

void
pl_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint count = 0;
  gulong id;

  wait_for (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  wait_for (count > 0);
  g_signal_handler_disconnect (clock, id);
}

/* Sizes @window as a @width × @height screen would hold it (the default
 * size includes the client-side frame, so the content is a little
 * smaller) and waits for the frame drawn at that size. */
void
pl_test_resize_window (PlWindow *window,
                       int       width,
                       int       height)
{
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_for (gtk_widget_get_width (GTK_WIDGET (window)) <= width &&
            gtk_widget_get_width (GTK_WIDGET (window)) > width - 40 &&
            gtk_widget_get_height (GTK_WIDGET (window)) <= height &&
            gtk_widget_get_height (GTK_WIDGET (window)) > height - 40);
  pl_test_wait_for_frame (GTK_WIDGET (window));
}

static gboolean
drained_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pl_test_drain (void)
{
  gboolean drained = FALSE;

  /* Runs after every source of a higher priority that is ready, among them
   * the app's own low-priority idles (what it defers after a frame). */
  g_idle_add_full (G_PRIORITY_LOW + 10, drained_cb, &drained, NULL);
  wait_for (drained);
}

/* ---- set-up ---- */

void
pl_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
  gtk_init ();
  adw_init ();
  /* A revealer or a toast is where it ends up at once: what a test sees
   * and what a screenshot shows do not depend on timing. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
pl_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  pl_ensure_resources ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pillars/Pillars/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

char *
pl_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pillars-app-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
pl_test_make_demo (const char *dir,
                   const char *name,
                   PlDemoSize  size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PlDocument) doc = pl_demo_create (path, size, &error);

  g_assert_no_error (error);
  pl_document_close (doc);
  return path;
}

void
pl_test_remove_document (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

PlDocument *
pl_test_reopen_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return doc;
}

/* ---- finding widgets ---- */

GtkWindow *
pl_test_find_toplevel (GType type)
{
  GList *all = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = all; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (all);
  return found;
}

void
pl_test_destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = pl_test_find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
  pl_test_drain ();
}

GtkWidget *
pl_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *title,
                     const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child) &&
          (title == NULL || (ADW_IS_PREFERENCES_ROW (child) &&
                             g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)) &&
          (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;
      if ((found = pl_test_find_widget (child, type, title, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_any (GtkWidget *root,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_any (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_label (GtkWidget  *root,
                    const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_button_with_label (GtkWidget  *root,
                                const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_get_mapped (child))
        return child;
      if ((found = pl_test_find_button_with_label (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* ---- text ---- */

void
pl_test_type_at_end (GtkTextBuffer *buffer,
                     const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* As typing does: a user action, so it can be undone. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

char *
pl_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- screenshots and their pixels ---- */

/* What @widget shows now; NULL while it has nothing laid out to show
 * (a resize queued after the last frame). */
static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return NULL;
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

GdkTexture *
pl_test_capture (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "screenshots", file, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  pl_test_wait_for_frame (widget);
  wait_for ((texture = render (widget)) != NULL);
  if (texture == NULL)
    return NULL;
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&texture);
}

void
pl_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr(GdkTexture) texture = pl_test_capture (widget, name);
}

/* Pixels as cairo's ARGB32 in memory (premultiplied, native endian). */
static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *data;

  *stride = (gsize) width * 4;
  data = g_malloc ((gsize) height * *stride);
  gdk_texture_download (texture, data, *stride);
  return data;
}

static void
pixel_rgb (const guchar *p,
           double       *r,
           double       *g,
           double       *b)
{
  guint32 argb = *(const guint32 *) p;

  /* Premultiplied: a transparent corner counts as black. */
  *r = ((argb >> 16) & 0xff) / 255.0;
  *g = ((argb >> 8) & 0xff) / 255.0;
  *b = (argb & 0xff) / 255.0;
}

void
pl_test_pixel (GdkTexture *texture,
               int         x,
               int         y,
               double     *r,
               double     *g,
               double     *b)
{
  gsize stride;
  g_autofree guchar *data = download (texture, &stride);

  *r = *g = *b = 0;
  g_return_if_fail (x >= 0 && x < gdk_texture_get_width (texture));
  g_return_if_fail (y >= 0 && y < gdk_texture_get_height (texture));
  pixel_rgb (data + (gsize) y * stride + (gsize) x * 4, r, g, b);
}

double
pl_test_mean_luminance (GdkTexture *texture)
{
  gsize stride;
  g_autofree guchar *data = download (texture, &stride);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double sum = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double r, g, b;

        pixel_rgb (data + (gsize) y * stride + (gsize) x * 4, &r, &g, &b);
        sum += 0.2126 * r + 0.7152 * g + 0.0722 * b;
      }
  return width * height > 0 ? sum / (width * height) : 0;
}

double
pl_test_changed_share (GdkTexture *a,
                       GdkTexture *b)
{
  gsize stride_a, stride_b;
  g_autofree guchar *pa = NULL;
  g_autofree guchar *pb = NULL;
  int width = MIN (gdk_texture_get_width (a), gdk_texture_get_width (b));
  int height = MIN (gdk_texture_get_height (a), gdk_texture_get_height (b));
  guint64 changed = 0;

  if (width <= 0 || height <= 0)
    return 0;
  pa = download (a, &stride_a);
  pb = download (b, &stride_b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double r1, g1, b1, r2, g2, b2;

        pixel_rgb (pa + (gsize) y * stride_a + (gsize) x * 4, &r1, &g1, &b1);
        pixel_rgb (pb + (gsize) y * stride_b + (gsize) x * 4, &r2, &g2, &b2);
        if (fabs (r1 - r2) + fabs (g1 - g2) + fabs (b1 - b2) > 0.15)
          changed++;
      }
  return (double) changed / ((double) width * height);
}

void
pl_test_assert_dark_of (GdkTexture *light,
                        GdkTexture *dark)
{
  double light_lum, dark_lum, changed;

  g_assert_nonnull (light);
  g_assert_nonnull (dark);
  if (light == NULL || dark == NULL)
    return;
  light_lum = pl_test_mean_luminance (light);
  dark_lum = pl_test_mean_luminance (dark);
  changed = pl_test_changed_share (light, dark);
  g_test_message ("mean luminance light %.2f, dark %.2f; %.0f%% of pixels changed",
                  light_lum, dark_lum, changed * 100);
  /* The same view: the same size. */
  g_assert_cmpint (gdk_texture_get_width (light), ==, gdk_texture_get_width (dark));
  g_assert_cmpint (gdk_texture_get_height (light), ==, gdk_texture_get_height (dark));
  /* Light backgrounds with dark text, then the other way round: most of
   * the surface changes and the whole turns dark. */
  g_assert_cmpfloat (light_lum, >, 0.6);
  g_assert_cmpfloat (dark_lum, <, 0.35);
  g_assert_cmpfloat (changed, >, 0.5);
}

/* ---- the application and its windows ---- */

static PlApplication *app;

PlApplication *
pl_test_init_app (int    *argc,
                  char ***argv)
{
  g_autofree char *data_home = NULL;

  /* The example goes to the user data folder: a fresh one. */
  data_home = g_dir_make_tmp ("pillars-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  pl_test_init (argc, argv);

  app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Keep it alive without a window, as a running application would be. */
  g_application_hold (G_APPLICATION (app));
  return app;
}

int
pl_test_run_app (void)
{
  int status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}

GList *
pl_test_windows (void)
{
  GList *result = NULL;
  GList *all = gtk_window_list_toplevels ();

  for (GList *l = all; l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      result = g_list_prepend (result, l->data);
  g_list_free (all);
  return result;
}

gboolean
pl_test_is_toplevel (gpointer window)
{
  GList *all = gtk_window_list_toplevels ();
  gboolean found = g_list_find (all, window) != NULL && gtk_widget_get_visible (window);

  g_list_free (all);
  return found;
}

void
pl_test_wait_shown (gpointer window)
{
  pl_test_wait_for_frame (GTK_WIDGET (window));
  /* And what the window does once its first frame is drawn. */
  pl_test_drain ();
}

PlWindow *
pl_test_open_window (const char *path)
{
  PlWindow *window = pl_application_open_path (app, path);

  g_assert_nonnull (window);
  if (window != NULL)
    pl_test_wait_shown (window);
  return window;
}

void
pl_test_close_window (PlWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  wait_for (!pl_test_is_toplevel (window));
  pl_test_drain ();
}

AdwTabPage *
pl_test_nth_page (PlWindow *window,
                  int       n)
{
  return adw_tab_view_get_nth_page (pl_window_get_tab_view (window), n);
}

void
pl_test_select_page (PlWindow *window,
                     int       n)
{
  AdwTabPage *page = pl_test_nth_page (window, n);

  adw_tab_view_set_selected_page (pl_window_get_tab_view (window), page);
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (page)));
}

const char *
pl_test_window_subtitle (PlWindow *window)
{
  AdwHeaderBar *bar = ADW_HEADER_BAR (pl_test_find_any (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  GtkWidget *title;

  g_assert_nonnull (bar);
  if (bar == NULL)
    return NULL;
  /* The header bar's title widget is an AdwWindowTitle. */
  title = adw_header_bar_get_title_widget (bar);
  g_assert_true (ADW_IS_WINDOW_TITLE (title));
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static gboolean
saved (gpointer window)
{
  const char *subtitle = pl_test_window_subtitle (window);

  return subtitle != NULL && strstr (subtitle, "Saving") == NULL;
}

void
pl_test_wait_saved (PlWindow *window)
{
  pl_test_wait_until (saved, window, PL_TEST_TIMEOUT_MS, "the autosave to write what was typed");
}

void
pl_test_click_undo (PlWindow *window)
{
  GtkWidget *button;

  wait_for (pl_test_find_button_with_label (GTK_WIDGET (window), "_Undo") != NULL);
  button = pl_test_find_button_with_label (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  pl_test_drain ();
}
