/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "pl-fault-vfs.h"
#include "pl-rel-harness.h"
#include "pl-rel-script.h"
#include "pl-rel-state.h"

/* Faults: each of the window's edits, then a checkpoint (as before an
 * export), is made with the Nth read, write, sync or truncation failing,
 * for N = 1, 2, ... until the edit and checkpoint go through without
 * meeting a fault; with transient errors (SQLITE_IOERR, SQLITE_FULL) and
 * with ones that persist (the disk stays full, the device stays broken;
 * build-aux/reliability.sh adds the rarer combinations). Each time:
 *  - the API returns FALSE with a GError, or TRUE without; never a
 *    critical or a warning (both are fatal here);
 *  - after a failed edit the document in memory still shows the old state,
 *    and, for typing, writing the same text again once the fault is gone
 *    succeeds (what PlAutosave does with text it could not save);
 *  - the document closes, reopens, passes the integrity check, and holds
 *    the old state or the new one, never a mix: the new one whenever the
 *    edit was acknowledged, even if the checkpoint after it failed.
 *
 * The store opens documents on the default SQLite VFS; the test makes its
 * fault VFS the default, so the store needs no hook for it. */

typedef struct {
  PlFaultOp op;
  int       rc;
  gboolean  persistent;
  gboolean  long_run;    /* only with PL_RELIABILITY_ALL_FAULTS=1 (build-aux/reliability.sh) */
} Fault;

static const Fault faults[] = {
  { PL_FAULT_READ,     SQLITE_IOERR, FALSE, FALSE },
  { PL_FAULT_READ,     SQLITE_IOERR, TRUE,  TRUE },
  { PL_FAULT_WRITE,    SQLITE_IOERR, FALSE, FALSE },
  { PL_FAULT_WRITE,    SQLITE_FULL,  FALSE, FALSE },
  { PL_FAULT_WRITE,    SQLITE_FULL,  TRUE,  FALSE },
  { PL_FAULT_SYNC,     SQLITE_IOERR, FALSE, FALSE },
  { PL_FAULT_SYNC,     SQLITE_IOERR, TRUE,  TRUE },
  { PL_FAULT_TRUNCATE, SQLITE_IOERR, FALSE, TRUE },
  { PL_FAULT_TRUNCATE, SQLITE_FULL,  TRUE,  FALSE },
};

static const PlRelEdit kinds[] = {
  PL_REL_EDIT_TYPE, PL_REL_EDIT_ADD_ACTION, PL_REL_EDIT_ADD_OBJECTIVE, PL_REL_EDIT_CAPTURE,
  PL_REL_EDIT_DISPOSITION, PL_REL_EDIT_MOVE, PL_REL_EDIT_DELETE, PL_REL_EDIT_UNDO,
};

typedef struct {
  char  *dir;
  char  *base;
  guint  runs;
  guint  failed_edits;
  guint  failed_flushes;
  guint  landed;       /* edits reported failed that the file holds anyway */
  guint  read_failed;  /* "read-failed" emissions */
} Fixture;

static void
read_failed_cb (PlDocument   *doc,
                const GError *error,
                Fixture      *fixture)
{
  fixture->read_failed++;
}

/* Opens a fresh copy of the base document with everything loaded, so that
 * a fault meets the edit, not a lazy load of a list the script looks at,
 * and makes the edits that prepare @kind (a deletion before an undo). */
static PlDocument *
open_copy (Fixture      *fixture,
           const char   *path,
           PlRelEdit     kind,
           PlRelScript **script,
           char        **hash)
{
  g_autoptr(GError) error = NULL;
  PlDocument *doc;

  pl_rel_remove_document (path);
  pl_rel_copy_file (fixture->base, path, &error);
  g_assert_no_error (error);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (doc, "read-failed", G_CALLBACK (read_failed_cb), fixture);
  *script = pl_rel_script_new (doc, 1000 + kind);
  if (kind == PL_REL_EDIT_UNDO)
    {
      pl_rel_script_apply (*script, PL_REL_EDIT_DELETE, 0, &error);
      g_assert_no_error (error);
    }
  *hash = pl_rel_hash (doc);
  return doc;
}

static void
run_edit (Fixture     *fixture,
          PlRelEdit    kind,
          const Fault *f,
          const char  *new_hash)
{
  g_autofree char *path = g_build_filename (fixture->dir, "strategy.pillars", NULL);
  guint nth;

  for (nth = 1; ; nth++)
    {
      g_autoptr(PlRelScript) script = NULL;
      g_autoptr(PlDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *old_hash = NULL;
      g_autofree char *memory = NULL;
      g_autofree char *found = NULL;
      g_autofree char *problem = NULL;
      g_autofree char *what = NULL;
      gboolean ok, flushed = TRUE, retried = FALSE;
      guint fired;

      doc = open_copy (fixture, path, kind, &script, &old_hash);
      what = g_strdup_printf ("%s with %s %s #%u%s", pl_rel_edit_name (kind),
                              f->rc == SQLITE_FULL ? "disk-full" : "I/O error",
                              pl_fault_op_name (f->op), nth, f->persistent ? " and after" : "");

      pl_fault_vfs_arm (f->op, nth, f->rc, f->persistent);
      ok = pl_rel_script_apply (script, kind, 1, &error);
      g_assert_true (ok == (error == NULL));
      if (ok)
        {
          flushed = pl_document_flush (doc, &error);
          g_assert_true (flushed == (error == NULL));
        }
      fired = pl_fault_vfs_fired ();
      pl_fault_vfs_disarm ();
      fixture->runs++;

      if (error != NULL)
        g_assert_true (error->domain == PL_DOCUMENT_ERROR);
      memory = pl_rel_hash (doc);
      if (!ok)
        {
          fixture->failed_edits++;
          if (g_strcmp0 (memory, old_hash) != 0)
            {
              g_test_message ("%s: the edit failed (%s) but the document shows it", what, error->message);
              g_test_fail ();
            }
          if (kind == PL_REL_EDIT_TYPE)
            {
              g_autoptr(PlRelScript) again = pl_rel_script_new (doc, 1000 + kind);
              g_autoptr(GError) retry_error = NULL;

              /* The same choice and the same text as the failed attempt. */
              retried = pl_rel_script_apply (again, kind, 1, &retry_error);
              if (!retried)
                {
                  g_test_message ("%s: typing could not be saved once the fault was gone: %s",
                                  what, retry_error->message);
                  g_test_fail ();
                }
            }
        }
      else
        {
          fixture->failed_flushes += !flushed;
          g_assert_cmpstr (memory, ==, new_hash);
        }

      pl_document_close (doc);
      g_clear_object (&doc);
      found = pl_rel_check_document (path, NULL, &problem);
      if (found == NULL)
        {
          g_test_message ("%s: %s", what, problem);
          g_test_fail ();
          return;
        }
      if ((ok || retried) && !g_str_equal (found, new_hash))
        {
          g_test_message ("%s: the edit was %s, but the file does not hold it%s", what,
                          retried ? "saved on the second try" : "acknowledged",
                          flushed ? "" : " (the checkpoint after it failed)");
          g_test_fail ();
        }
      else if (!g_str_equal (found, new_hash) && !g_str_equal (found, old_hash))
        {
          g_test_message ("%s: the file holds neither the old nor the new state", what);
          g_test_fail ();
        }
      else if (!ok && !retried && g_str_equal (found, new_hash))
        fixture->landed++;

      if (fired == 0)
        break;
    }
  g_test_message ("%s, %s %s%s: %u calls until the edit met no fault", pl_rel_edit_name (kind),
                  f->rc == SQLITE_FULL ? "disk full at" : "I/O error at", pl_fault_op_name (f->op),
                  f->persistent ? " (persisting)" : "", nth);
}

/* The faults come from the VFS, not the disk: in memory when the machine
 * has a tmpfs, the thousand runs take seconds, not a minute of fsyncs. */
static char *
make_dir (void)
{
  char *dir = NULL;

  if (g_access ("/dev/shm", W_OK) == 0)
    {
      dir = g_build_filename ("/dev/shm", "pillars-faults-XXXXXX", NULL);
      if (g_mkdtemp (dir) != NULL)
        return dir;
      g_free (dir);
    }
  return g_dir_make_tmp ("pillars-faults-XXXXXX", NULL);
}

static void
test_faults (gconstpointer data)
{
  PlRelEdit kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir ();
  g_autofree char *ref = g_build_filename (dir, "reference.pillars", NULL);
  g_autofree char *path = g_build_filename (dir, "strategy.pillars", NULL);
  g_autoptr(PlDocument) demo = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlRelScript) script = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *new_hash = NULL;
  Fixture fixture = { .dir = dir };
  gboolean all = pl_rel_env_uint ("PL_RELIABILITY_ALL_FAULTS", 0) != 0;

  fixture.base = g_build_filename (dir, "base.pillars", NULL);
  /* A small document (each run copies, checks and reads all of it): the
   * template and a few of the script's edits, so that there are actions,
   * objectives and feedback to work on. */
  demo = pl_document_create (fixture.base, PL_TEMPLATE_STANDARD, &error);
  g_assert_no_error (error);
  script = pl_rel_script_new (demo, 42);
  for (guint i = 1; i <= 40; i++)
    {
      pl_rel_script_apply (script, i % 3 ? PL_REL_EDIT_ADD_ACTION : PL_REL_EDIT_CAPTURE, i, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&script, pl_rel_script_free);
  pl_document_close (demo);

  /* The edit without faults: the state it leads to. */
  doc = open_copy (&fixture, ref, kind, &script, &old_hash);
  pl_rel_script_apply (script, kind, 1, &error);
  g_assert_no_error (error);
  new_hash = pl_rel_hash (doc);
  g_assert_cmpstr (new_hash, !=, old_hash);
  pl_document_close (doc);

  for (guint i = 0; i < G_N_ELEMENTS (faults) && !g_test_failed (); i++)
    if (!faults[i].long_run || all)
      run_edit (&fixture, kind, &faults[i], new_hash);

  g_test_message ("%s: %u runs, %u edits failed with a message, %u checkpoints after an edit failed; "
                  "%u failed edits were in the file after all; %u lazy reads failed",
                  pl_rel_edit_name (kind), fixture.runs, fixture.failed_edits, fixture.failed_flushes,
                  fixture.landed, fixture.read_failed);
  pl_rel_remove_document (ref);
  pl_rel_remove_document (fixture.base);
  pl_rel_remove_document (path);
  g_rmdir (dir);
  g_free (fixture.base);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  pl_fault_vfs_install ();
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("/reliability/faults/%s", pl_rel_edit_name (kinds[i]));

      g_test_add_data_func (name, GINT_TO_POINTER (kinds[i]), test_faults);
    }
  return g_test_run ();
}
