/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pl-startup-probe.h"

struct _PlStartupProbe
{
  GObject         parent_instance;

  GtkApplication *application;       /* unowned: it owns the probe */
  gint64          start_time;        /* monotonic µs at process start */
  gboolean        exit_after_first_frame;
  gboolean        reported;
};

G_DEFINE_FINAL_TYPE (PlStartupProbe, pl_startup_probe, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_EXIT_AFTER_FIRST_FRAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* When the process started, on the monotonic clock: the kernel's start
 * time (ticks since boot) against CLOCK_BOOTTIME, so the time spent loading
 * libraries before main() counts too. */
static gint64
process_start_time (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  unsigned long long start_ticks;
  long ticks_per_second = sysconf (_SC_CLK_TCK);
  gint64 now_boot, start_boot;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL || ticks_per_second <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return g_get_monotonic_time ();
  /* After ") ": field 3 (state) … field 22 (starttime). */
  p += 2;
  for (int field = 3; field < 22 && p != NULL; field++)
    {
      p = strchr (p, ' ');
      if (p != NULL)
        p++;
    }
  if (p == NULL || sscanf (p, "%llu", &start_ticks) != 1)
    return g_get_monotonic_time ();
  now_boot = (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
  start_boot = (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) ticks_per_second);
  return g_get_monotonic_time () - MAX (0, now_boot - start_boot);
}

static gboolean
quit_after_first_frame_cb (gpointer data)
{
  GApplication *application = data;

  /* Like Ctrl+Q: windows close their documents first. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock  *clock,
                PlStartupProbe *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->start_time;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  if (self->reported)
    return;
  self->reported = TRUE;
  g_printerr ("first-frame-ms: %" G_GINT64_FORMAT "\n", elapsed / 1000);
  if (self->exit_after_first_frame && self->application != NULL)
    g_idle_add_full (G_PRIORITY_LOW, quit_after_first_frame_cb,
                     g_object_ref (self->application), g_object_unref);
}

static void
window_realize_cb (GtkWidget      *window,
                   PlStartupProbe *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_realize_cb, self);
  if (clock != NULL && !self->reported)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 PlStartupProbe *self)
{
  if (self->reported)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), self);
  else
    g_signal_connect_object (window, "realize", G_CALLBACK (window_realize_cb), self, 0);
}

static void
pl_startup_probe_constructed (GObject *object)
{
  PlStartupProbe *self = PL_STARTUP_PROBE (object);

  G_OBJECT_CLASS (pl_startup_probe_parent_class)->constructed (object);

  g_return_if_fail (GTK_IS_APPLICATION (self->application));
  g_object_add_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
  g_signal_connect_object (self->application, "window-added", G_CALLBACK (window_added_cb), self, 0);
}

static void
pl_startup_probe_dispose (GObject *object)
{
  PlStartupProbe *self = PL_STARTUP_PROBE (object);

  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  G_OBJECT_CLASS (pl_startup_probe_parent_class)->dispose (object);
}

static void
pl_startup_probe_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlStartupProbe *self = PL_STARTUP_PROBE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_EXIT_AFTER_FIRST_FRAME:
      g_value_set_boolean (value, self->exit_after_first_frame);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_startup_probe_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlStartupProbe *self = PL_STARTUP_PROBE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_get_object (value);
      break;
    case PROP_EXIT_AFTER_FIRST_FRAME:
      self->exit_after_first_frame = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_startup_probe_class_init (PlStartupProbeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pl_startup_probe_constructed;
  object_class->dispose = pl_startup_probe_dispose;
  object_class->get_property = pl_startup_probe_get_property;
  object_class->set_property = pl_startup_probe_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, GTK_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXIT_AFTER_FIRST_FRAME] =
    g_param_spec_boolean ("exit-after-first-frame", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_startup_probe_init (PlStartupProbe *self)
{
  self->start_time = process_start_time ();
}

PlStartupProbe *
pl_startup_probe_new (GtkApplication *application,
                      gboolean        exit_after_first_frame)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PL_TYPE_STARTUP_PROBE,
                       "application", application,
                       "exit-after-first-frame", exit_after_first_frame,
                       NULL);
}
