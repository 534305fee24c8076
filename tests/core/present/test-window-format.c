/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The view logic of the window's header (pl-window-format.c), without a
 * display. */
#include "config.h"

#include "pl-window-format.h"

static void
test_subtitle (void)
{
  struct {
    PlLifecycle  status;
    gboolean     read_only, pending, failed;
    const char  *live;
    const char  *expected;
  } cases[] = {
    { PL_LIFECYCLE_DRAFTING, FALSE, FALSE, FALSE, NULL, "Drafting · Saved" },
    { PL_LIFECYCLE_VALIDATION, FALSE, TRUE, FALSE, NULL, "Validation · Saving…" },
    { PL_LIFECYCLE_VALIDATION, FALSE, TRUE, TRUE, NULL, "Validation · Not saved" },
    /* A failure is cleared by the next successful write. */
    { PL_LIFECYCLE_VALIDATION, FALSE, FALSE, TRUE, NULL, "Validation · Saved" },
    { PL_LIFECYCLE_ADOPTED, TRUE, FALSE, FALSE, NULL, "Adopted · Read-only" },
    /* The file was closed under the typing: say what is lost. */
    { PL_LIFECYCLE_ADOPTED, TRUE, TRUE, TRUE, NULL, "Adopted · Not saved" },
    /* Read-only says more than "Saving…" about text that cannot be written. */
    { PL_LIFECYCLE_DRAFTING, TRUE, TRUE, FALSE, NULL, "Drafting · Read-only" },
    { PL_LIFECYCLE_DRAFTING, TRUE, FALSE, TRUE, NULL, "Drafting · Read-only" },
    { PL_LIFECYCLE_CABINET_REVIEW, FALSE, FALSE, FALSE, "Live — National workshop, Port Halden",
      "Cabinet review · Saved · Live — National workshop, Port Halden" },
    { PL_LIFECYCLE_VALIDATION, FALSE, TRUE, TRUE, "Live — Online round",
      "Validation · Not saved · Live — Online round" },
    { PL_LIFECYCLE_INTERNAL_REVIEW, FALSE, FALSE, FALSE, "", "Internal review · Saved" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *subtitle = pl_window_format_subtitle (cases[i].status, cases[i].read_only,
                                                             cases[i].pending, cases[i].failed,
                                                             cases[i].live);

      g_assert_cmpstr (subtitle, ==, cases[i].expected);
    }
}

static void
test_display_name (void)
{
  struct {
    const char *path;
    const char *expected;
  } cases[] = {
    { "/home/a/Strategy 2026.pillars", "Strategy 2026" },
    { "/tmp/x.pillars.bak", "x.pillars.bak" },
    { "relative/.pillars", ".pillars" },
    { "/no/extension", "extension" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = pl_window_format_display_name (cases[i].path);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/window-format/subtitle", test_subtitle);
  g_test_add_func ("/window-format/display-name", test_display_name);
  return g_test_run ();
}
