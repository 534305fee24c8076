/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* Exit codes of pillars-cli. */
#define PL_CLI_OK     0
#define PL_CLI_ERROR  1  /* the user's file or data: a one-line message says what to do */
#define PL_CLI_USAGE  2  /* bad command line */

typedef int (*PlCliCommand) (int argc, char **argv);

typedef struct {
  const char   *name;
  const char   *summary;
  PlCliCommand  run;
} PlCliEntry;

/* How pl_cli_escape() writes text from a document (or the command line) for
 * a terminal, where control characters (ESC, CSI U+009B, DEL …) could
 * rewrite the screen and bidi controls could reorder it: each becomes a
 * visible escape (\x1b, \u009b, \u202e), as do bytes that are not UTF-8.
 * A FIELD of the tab-separated output also has its tabs, newlines and
 * backslashes escaped (\t, \n, \\) and carriage returns dropped; a
 * MESSAGE keeps backslashes as they are. */
typedef enum {
  PL_CLI_ESCAPE_FIELD,
  PL_CLI_ESCAPE_MESSAGE,
} PlCliEscaping;

char        *pl_cli_escape        (const char    *text,
                                   PlCliEscaping  how);
/* "pillars-cli: @message" on standard error, escaped. */
void         pl_cli_message       (const char    *message);
/* Reports on stderr and returns the exit code for @error. */
int          pl_cli_fail          (const GError *error);
int          pl_cli_usage         (GOptionContext *context,
                                   const char     *message);
/* Parses options; on --help prints and exits 0, on error returns FALSE
 * after printing the usage. */
gboolean     pl_cli_parse         (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv,
                                   int            *exit_code);
/* Opens FILE for writing (or reading with @read_only). */
PlDocument  *pl_cli_open          (const char   *path,
                                   gboolean      read_only,
                                   GError      **error);
/* Reads --body-file: "-" is standard input. */
char        *pl_cli_read_text     (const char   *path,
                                   GError      **error);
/* Enum option parsing with a clear message listing the choices. */
gboolean     pl_cli_parse_enum    (GType         type,
                                   const char   *option,
                                   const char   *value,
                                   int          *out,
                                   GError      **error);

/* Finding records the way a person names them on a command line. */
PlPillar      *pl_cli_find_pillar      (PlDocument *doc, const char *ref, GError **error);
PlObjective   *pl_cli_find_objective   (PlDocument *doc, const char *ref, GError **error);
PlAction      *pl_cli_find_action      (PlDocument *doc, const char *ref, GError **error);
PlWorkshop    *pl_cli_find_workshop    (PlDocument *doc, const char *ref, GError **error);
PlStakeholder *pl_cli_find_stakeholder (PlDocument *doc, const char *ref, GError **error);
PlFeedback    *pl_cli_find_feedback    (PlDocument *doc, const char *ref, GError **error);

/* A string option and the field it sets; NULL values are left alone. */
typedef struct {
  const char  *property;
  char       **value;
} PlCliString;

/* Sets every given string field of @record (inside the caller's transaction). */
gboolean     pl_cli_set_strings   (PlRecord          *record,
                                   const PlCliString *strings,
                                   guint              n,
                                   GError           **error);
/* "pillars-cli COMMAND" without a known subcommand. */
int          pl_cli_sub_usage     (const char        *command,
                                   const char        *subcommands);

typedef PlRecord *(*PlCliFinder) (PlDocument *doc, const char *ref, GError **error);

/* "COMMAND remove FILE ITEM": finds the item with @find and deletes it. */
int          pl_cli_remove        (int            argc,
                                   char         **argv,
                                   const char    *what,
                                   PlCliFinder    find);

/* Prints one tab-separated line, each field escaped as a FIELD. */
void         pl_cli_print_row     (const char * const *fields);

int pl_cli_new         (int argc, char **argv);
int pl_cli_demo        (int argc, char **argv);
int pl_cli_info        (int argc, char **argv);
int pl_cli_check       (int argc, char **argv);
int pl_cli_export      (int argc, char **argv);
int pl_cli_import      (int argc, char **argv);
int pl_cli_search      (int argc, char **argv);
int pl_cli_language    (int argc, char **argv);
int pl_cli_pillar      (int argc, char **argv);
int pl_cli_objective   (int argc, char **argv);
int pl_cli_action      (int argc, char **argv);
int pl_cli_feedback    (int argc, char **argv);
int pl_cli_workshop    (int argc, char **argv);
int pl_cli_stakeholder (int argc, char **argv);
int pl_cli_snapshot    (int argc, char **argv);
int pl_cli_merge (int argc, char **argv);
int pl_cli_import_feedback (int argc, char **argv);
int pl_cli_import_review (int argc, char **argv);
/* feedback show / feedback accept (pl-cli-amend.c) */
int pl_cli_feedback_show   (int argc, char **argv);
int pl_cli_feedback_accept (int argc, char **argv);
/* Checks --proposal/--operation/--quote of "feedback add": a proposal
 * makes the item an amendment (*kind) unless another --kind was given. */
gboolean pl_cli_check_amendment_options (int         *kind,
                                         gboolean     kind_given,
                                         const char  *quote,
                                         const char  *proposal,
                                         int          operation,
                                         GError     **error);

G_END_DECLS
