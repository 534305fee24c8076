/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prepares the merge benchmark: copies of the big document as facilitators
 * bring them back, each with 500 new captures and 50 edited actions. */
#include "config.h"

#include "pl-document.h"

static void
make_copy (const char *big,
           const char *path,
           guint       n)
{
  g_autoptr(GFile) from = g_file_new_for_path (big);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  GListModel *actions;

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error) ||
      !(doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error)) ||
      !pl_document_begin (doc, &error))
    g_error ("%s: %s", path, error->message);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *text = g_strdup_printf ("Break-out %u, capture %u: the plan needs a budget line.", n, i);
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, text, NULL,
                                                           NULL, NULL, NULL, &error);
      if (fb == NULL)
        g_error ("capture: %s", error->message);
    }
  actions = pl_document_get_all_actions (doc);
  for (guint i = 0; i < 50; i++)
    {
      /* Different actions on each laptop, with some overlap. */
      g_autoptr(PlRecord) action = g_list_model_get_item (actions, (n * 37 + i * 11) % g_list_model_get_n_items (actions));
      g_autofree char *cost = g_strdup_printf ("USD %u00,000 (break-out %u)", i + 1, n);

      if (!pl_record_set (action, &error, "cost", cost, NULL))
        g_error ("edit: %s", error->message);
    }
  if (!pl_document_commit (doc, &error))
    g_error ("%s: %s", path, error->message);
  pl_document_close (doc);
}

int
main (int argc, char **argv)
{
  guint n;

  if (argc != 4)
    {
      g_printerr ("usage: bench-merge BIG FOLDER COPIES\n");
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("laptop-%02u.pillars", i);
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      make_copy (argv[1], path, i);
      g_print ("%s\n", path);
    }
  return 0;
}
