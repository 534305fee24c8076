/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document.h"
#include "pl-utils.h"

/* The app's GTK helpers. */

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

  g_test_add_func ("/utils/enum-model", test_enum_model);
  return g_test_run ();
}
