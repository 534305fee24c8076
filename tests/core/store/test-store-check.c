/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-pillar.h"
#include "pl-stakeholder.h"
#include "store-test-util.h"

/* Tests src/core/store/pl-store-check.c: what the integrity check finds in
 * a file another program (the sqlite3 shell, a script) has written to. */

static void
shell_exec (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &msg), ==, SQLITE_OK);
  g_assert_null (msg);
  sqlite3_free (msg);
  sqlite3_close (db);
}

static char *
check_joined (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PlStore *store = pl_store_open (path, FALSE, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  problems = pl_store_check (store, &error);
  g_assert_no_error (error);
  pl_store_free (store);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static void
test_invalid_utf8 (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlStakeholder) person = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *found = NULL;
  g_autofree char *pillar_problem = NULL;
  g_autofree char *person_problem = NULL;

  /* A whole document (the check wants its strategy row). */
  g_clear_pointer (&f->store, pl_store_free);
  g_assert_no_errno (g_unlink (f->path));
  doc = pl_document_create (f->path, PL_TEMPLATE_EMPTY, &error);
  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Awareness", NULL);
  g_assert_no_error (error);
  person = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "A. Person", NULL);
  g_assert_no_error (error);
  pl_document_close (doc);

  clean = check_joined (f->path);
  g_assert_cmpstr (clean, ==, "");

  /* A lone continuation byte, a truncated sequence, an overlong NUL. */
  sql = g_strdup_printf ("UPDATE pillars SET title = CAST (X'41776172656E657373FF' AS TEXT) WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE stakeholders SET organisation = CAST (X'4F7267C3' AS TEXT) WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE stakeholders SET contact = CAST (X'C080' AS TEXT) WHERE id = %" G_GINT64_FORMAT ";",
                         pl_record_get_id (PL_RECORD (pillar)), pl_record_get_id (PL_RECORD (person)),
                         pl_record_get_id (PL_RECORD (person)));
  shell_exec (f->path, sql);

  found = check_joined (f->path);
  pillar_problem = g_strdup_printf ("Row %" G_GINT64_FORMAT " of “pillars”, column “title”, is not valid UTF-8 text",
                                    pl_record_get_id (PL_RECORD (pillar)));
  person_problem = g_strdup_printf ("Row %" G_GINT64_FORMAT " of “stakeholders”, column “organisation”, is not valid UTF-8 text",
                                    pl_record_get_id (PL_RECORD (person)));
  g_test_message ("%s", found);
  g_assert_nonnull (strstr (found, pillar_problem));
  g_assert_nonnull (strstr (found, person_problem));
  g_assert_nonnull (strstr (found, "column “contact”, is not valid UTF-8 text"));
  /* Nothing but these three. */
  {
    g_auto(GStrv) lines = g_strsplit (found, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store-check/invalid-utf8", StoreFixture, NULL, store_fixture_set_up, test_invalid_utf8,
              store_fixture_tear_down);

  return g_test_run ();
}
