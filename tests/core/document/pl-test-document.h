/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The fixture the PlDocument test programs share (test-document.c,
 * test-document-models.c, test-document-edit.c): a fresh empty document in
 * a temporary folder, and small helpers to fill and check it. */

#include "pl-document.h"
#include "pl-test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  PlDocument *doc;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "doc.pillars", PL_TEMPLATE_EMPTY);
  f->path = g_strdup (pl_document_get_path (f->doc));
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static inline void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  pl_document_close (f->doc);
  g_clear_object (&f->doc);
  f->doc = pl_document_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->doc);
}

static inline gpointer
add_pillar (PlDocument *doc,
            const char *title,
            int         position)
{
  g_autoptr(GError) error = NULL;
  gpointer p = pl_document_add (doc, PL_TYPE_PILLAR, NULL, position, &error, "title", title, NULL);

  g_assert_no_error (error);
  return p;
}

static inline gpointer
add_child (PlDocument *doc,
           GType       type,
           gpointer    parent,
           const char *title,
           int         position)
{
  g_autoptr(GError) error = NULL;
  gpointer p = pl_document_add (doc, type, parent, position, &error, "title", title, NULL);

  g_assert_no_error (error);
  return p;
}

static inline void
assert_titles (GListModel *model,
               const char *expected)
{
  g_autofree char *titles = pl_test_model_titles (model);

  g_assert_cmpstr (titles, ==, expected);
}

/* Positions kept by the records equal their places in the model. */
static inline void
assert_positions (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (model, i);

      g_assert_cmpint (pl_record_get_position (r), ==, i);
    }
}

static inline PlRecord *
item (GListModel *model,
      guint       i)
{
  return g_list_model_get_item (model, i);
}
