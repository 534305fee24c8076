/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document.h"
#include "pl-utils.h"

/* View logic of the window, without a display. */

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
      g_autofree char *name = pl_display_name_for_path (cases[i].path);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_enum_model (void)
{
  g_autoptr(GListModel) model = pl_enum_label_model (PL_TYPE_LIFECYCLE);
  g_autoptr(GtkStringObject) last = NULL;

  /* The combo rows select by enum value: the order must match. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, pl_enum_count (PL_TYPE_LIFECYCLE));
  last = g_list_model_get_item (model, PL_LIFECYCLE_ADOPTED);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "Adopted");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/utils/display-name", test_display_name);
  g_test_add_func ("/utils/enum-model", test_enum_model);
  return g_test_run ();
}
