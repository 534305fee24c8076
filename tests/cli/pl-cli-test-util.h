/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running pillars-cli as a user scripting a workshop does, in a temporary
 * folder, and checking what it says: the exit status (0 success, 1 the
 * document or data, 2 bad usage), standard output to the byte, and
 * standard error (one line naming the file for a problem with the file, a
 * first line saying what is wrong followed by the usage for bad usage). */

#include <string.h>

#include <gio/gio.h>

#include "pl-test-util.h"

static char *pl_cli_test_dir;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static inline char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return g_strndup (data ? data : "", size);
}

/* Runs pillars-cli with @argv in the test folder (so documents are named
 * as a user in that folder names them), @input (or nothing) on its
 * standard input. */
static inline Run
cli_argv (const char *input,
          GPtrArray  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input, input ? strlen (input) : 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run r = { -1, NULL, NULL };

  g_subprocess_launcher_set_cwd (launcher, pl_cli_test_dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, in, NULL, &out, &err, &error));
  g_assert_no_error (error);
  r.status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : 128;
  r.out = bytes_to_string (out);
  r.err = bytes_to_string (err);
  return r;
}

static inline Run
cli_va (const char *input,
        const char *first,
        va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli_path = g_getenv ("PILLARS_CLI");

  g_assert_nonnull (cli_path);
  g_ptr_array_add (argv, (gpointer) cli_path);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);
  return cli_argv (input, argv);
}

/* Runs pillars-cli with the arguments up to NULL. */
G_GNUC_NULL_TERMINATED static inline Run
cli (const char *first,
     ...)
{
  va_list args;
  Run r;

  va_start (args, first);
  r = cli_va (NULL, first, args);
  va_end (args);
  return r;
}

/* The same, with @input on its standard input. */
G_GNUC_NULL_TERMINATED static inline Run
cli_input (const char *input,
           const char *first,
           ...)
{
  va_list args;
  Run r;

  va_start (args, first);
  r = cli_va (input, first, args);
  va_end (args);
  return r;
}

/* The first line of @text, without its newline. */
static inline char *
first_line (const char *text)
{
  const char *nl = strchr (text, '\n');

  return nl ? g_strndup (text, nl - text) : g_strdup (text);
}

static inline guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p && *p; p++)
    n += *p == '\n';
  return n;
}

/* The contents of a file in the test folder, or NULL. */
static inline char *
read_in_dir (const char *name,
             gsize      *length)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, NULL))
    return NULL;
  return contents;
}

static inline gboolean
exists_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Success: exit 0, nothing on standard error and exactly @out (unless
 * NULL) on standard output. */
#define expect_ok(out_, ...) \
  G_STMT_START { \
    Run r_ = cli (__VA_ARGS__, NULL); \
    const char *expected_ = (out_); \
    g_assert_cmpint (r_.status, ==, 0); \
    g_assert_cmpstr (r_.err, ==, ""); \
    if (expected_ != NULL) \
      g_assert_cmpstr (r_.out, ==, expected_); \
    run_clear (&r_); \
  } G_STMT_END

/* A problem with the document or data: exit 1, nothing on standard output
 * and exactly one line on standard error, "pillars-cli: " @message. */
#define expect_error(message_, ...) \
  G_STMT_START { \
    Run r_ = cli (__VA_ARGS__, NULL); \
    g_autofree char *expected_ = g_strdup_printf ("pillars-cli: %s\n", (message_)); \
    g_assert_cmpint (r_.status, ==, 1); \
    g_assert_cmpstr (r_.out, ==, ""); \
    g_assert_cmpstr (r_.err, ==, expected_); \
    run_clear (&r_); \
  } G_STMT_END

/* Bad usage: exit 2, nothing on standard output, and standard error
 * starting with the line "pillars-cli: " @message. */
#define expect_usage(message_, ...) \
  G_STMT_START { \
    Run r_ = cli (__VA_ARGS__, NULL); \
    g_autofree char *line_ = first_line (r_.err); \
    g_autofree char *expected_ = g_strdup_printf ("pillars-cli: %s", (message_)); \
    g_assert_cmpint (r_.status, ==, 2); \
    g_assert_cmpstr (r_.out, ==, ""); \
    g_assert_cmpstr (line_, ==, expected_); \
    run_clear (&r_); \
  } G_STMT_END

static inline void
pl_cli_test_init (int    *argc,
                  char ***argv)
{
  /* Messages as written in the source, whatever the caller's language. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
  pl_cli_test_dir = pl_test_make_dir ();
}

static inline int
pl_cli_test_run (void)
{
  int ret = g_test_run ();

  pl_test_rmdir_recursive (pl_cli_test_dir);
  g_clear_pointer (&pl_cli_test_dir, g_free);
  return ret;
}
