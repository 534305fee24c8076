/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests of the store's parts share: a new store in a temporary
 * folder, and rows put in through the store alone (no document). */

#include <stdarg.h>

#include "pl-document.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct {
  char    *dir;
  char    *path;
  PlStore *store;
} StoreFixture;

static inline void
store_fixture_set_up (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->path = pl_test_path (f->dir, "store.pillars");
  f->store = pl_store_open (f->path, TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
store_fixture_tear_down (StoreFixture  *f,
                         gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_free);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A new record of @type with the given properties, inserted at @position
 * in its own transaction. */
static inline gpointer
store_insert (PlStore    *store,
              int         position,
              GType       type,
              const char *first_property,
              ...)
{
  g_autoptr(GError) error = NULL;
  PlRecord *record;
  va_list args;

  va_start (args, first_property);
  record = (PlRecord *) g_object_new_valist (type, first_property, args);
  va_end (args);
  g_assert_true (pl_store_begin (store, &error));
  g_assert_true (pl_store_insert (store, record, position, &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_id (record), >, 0);
  return record;
}

/* The titles (or names) of @records, joined with "|". */
static inline char *
store_titles (GPtrArray  *records,
              const char *property)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (g_ptr_array_index (records, i), property, &value, NULL);
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, value);
    }
  return g_string_free (s, FALSE);
}
