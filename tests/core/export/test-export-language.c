/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export speaks the strategy's language, not the interface's: a French
 * strategy exported by an English-speaking secretariat has French headings,
 * table headers, labels and month; an English strategy exported from a
 * French session has English ones. The catalogues are the ones built from
 * po/ (PILLARS_LOCALEDIR, set by meson). */
#include "config.h"

#include <locale.h>

#include "export-test-util.h"
#include "pl-i18n.h"

static const char *const mois[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre",
};

static void
set_language (PlDocument *doc,
              const char *language)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_document_begin (doc, &error));
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error,
                                "language", language, NULL));
  g_assert_true (pl_document_commit (doc, &error));
  g_assert_no_error (error);
}

/* Today's date as the title page of a French export writes it. */
static char *
french_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (now),
                          mois[g_date_time_get_month (now) - 1], g_date_time_get_year (now));
}

static char *
export_today (PlExportFormat format,
              const char    *name)
{
  PlExportOptions options;
  char *path;

  pl_export_options_init (&options);
  options.format = format;
  options.annex = TRUE;
  options.anonymise = PL_ANONYMISE_ORGANISATION;
  path = export (example, &options, name);
  pl_export_options_clear (&options);
  return path;
}

static void
test_french_strategy_english_session (void)
{
  g_autofree char *html_path = NULL, *docx_path = NULL;
  g_autofree char *html = NULL, *document = NULL, *today = french_today ();

  /* The session is English. */
  g_assert_cmpstr (_("Implementation plan"), ==, "Implementation plan");

  set_language (example, "fr-SN");
  html_path = export_today (PL_EXPORT_HTML, "fr.html");
  docx_path = export_today (PL_EXPORT_DOCX, "fr.docx");
  html = read_text (html_path);
  document = zip_member (docx_path, "word/document.xml");

  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? html : document;

      g_test_message ("%s", i == 0 ? "HTML" : "DOCX");
      g_assert_nonnull (strstr (text, "Plan de mise en œuvre"));
      g_assert_null (strstr (text, "Implementation plan"));
      /* Table headers of the plan and the annex. */
      g_assert_nonnull (strstr (text, "Chef de file"));
      g_assert_nonnull (strstr (text, "Échéance"));
      g_assert_nonnull (strstr (text, "Suite donnée"));
      g_assert_null (strstr (text, "Disposition<"));
      g_assert_nonnull (strstr (text, "Annexe : recommandations et suites données"));
      /* Labels that come from the model's enums, and the month. */
      g_assert_true (strstr (text, "Court terme") || strstr (text, "Moyen terme") || strstr (text, "Long terme"));
      g_assert_null (strstr (text, "Short term"));
      g_assert_nonnull (strstr (text, today));
    }
  g_assert_nonnull (strstr (html, "lang=\"fr-SN\""));

  /* The thread is back in the interface's language. */
  g_assert_cmpstr (_("Implementation plan"), ==, "Implementation plan");
  g_assert_null (pl_i18n_get_language ());
  set_language (example, "");
}

/* Runs in a child whose session is French (LANGUAGE=fr). */
static void
test_english_strategy_french_session (void)
{
  g_autofree char *html_path = NULL, *html = NULL;

  if (!g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "fr", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("LANGUAGE");
      g_test_trap_assert_passed ();
      return;
    }

  /* The session is French; a strategy without a language follows it. */
  g_assert_cmpstr (_("Implementation plan"), ==, "Plan de mise en œuvre");
  html_path = export_today (PL_EXPORT_HTML, "session.html");
  html = read_text (html_path);
  g_assert_nonnull (strstr (html, "Plan de mise en œuvre"));
  g_clear_pointer (&html, g_free);
  g_clear_pointer (&html_path, g_free);

  set_language (example, "en-GB");
  html_path = export_today (PL_EXPORT_HTML, "en.html");
  html = read_text (html_path);
  g_assert_nonnull (strstr (html, "Implementation plan"));
  g_assert_nonnull (strstr (html, "Lead"));
  g_assert_null (strstr (html, "Plan de mise en œuvre"));
  g_assert_null (strstr (html, "Chef de file"));
  g_assert_cmpstr (_("Implementation plan"), ==, "Plan de mise en œuvre");
}

static gpointer
other_thread (gpointer data)
{
  return g_strdup (_("Implementation plan"));
}

static void
test_catalogue (void)
{
  g_autoptr(GDateTime) may = g_date_time_new_utc (2027, 5, 3, 12, 0, 0);
  g_autofree char *date = NULL;
  g_autofree char *seen = NULL;
  GThread *thread;

  pl_i18n_push_language ("fr");
  g_assert_cmpstr (pl_i18n_get_language (), ==, "fr");
  g_assert_cmpstr (_("Implementation plan"), ==, "Plan de mise en œuvre");
  /* French counts 0 and 1 as singular. */
  g_assert_cmpstr (ngettext ("%u pillar", "%u pillars", 0), ==, "%u pilier");
  g_assert_cmpstr (ngettext ("%u pillar", "%u pillars", 1), ==, "%u pilier");
  g_assert_cmpstr (ngettext ("%u pillar", "%u pillars", 2), ==, "%u piliers");
  g_assert_cmpstr (C_("plan column", "Start"), ==, "Début");
  date = pl_i18n_format_date (may, "%-d %B %Y");
  g_assert_cmpstr (date, ==, "3 mai 2027");
  g_clear_pointer (&date, g_free);
  /* A message nobody translated is the English one. */
  g_assert_cmpstr (_("No such message in the catalogue"), ==, "No such message in the catalogue");

  /* Another thread keeps the interface's language. */
  thread = g_thread_new ("other", other_thread, NULL);
  seen = g_thread_join (thread);
  g_assert_cmpstr (seen, ==, "Implementation plan");

  /* Pushes nest. */
  pl_i18n_push_language ("es-419");
  g_assert_cmpstr (_("Lead agency"), ==, "Organismo responsable");
  /* Spanish counts 0 as plural. */
  g_assert_cmpstr (ngettext ("%u pillar", "%u pillars", 0), ==, "%u pilares");
  pl_i18n_push_language ("pt-BR");
  g_assert_cmpstr (_("Disposition"), ==, "Encaminhamento");
  pl_i18n_push_language ("ar");
  /* No Arabic catalogue: English, not the language under it. */
  g_assert_cmpstr (_("Disposition"), ==, "Disposition");
  date = pl_i18n_format_date (may, "%B");
  g_assert_cmpstr (date, ==, "May");
  g_clear_pointer (&date, g_free);
  pl_i18n_pop_language ();
  g_assert_cmpstr (_("Disposition"), ==, "Encaminhamento");
  pl_i18n_pop_language ();
  pl_i18n_pop_language ();
  g_assert_cmpstr (_("Validation workshops"), ==, "Validation workshops");
  g_assert_cmpstr (_("Lead agency"), ==, "Organisme chef de file");
  pl_i18n_pop_language ();
  g_assert_null (pl_i18n_get_language ());
  g_assert_cmpstr (_("Lead agency"), ==, "Lead agency");
}

int
main (int    argc,
      char **argv)
{
  const char *dir = g_getenv ("PILLARS_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (dir == NULL)
    {
      g_printerr ("PILLARS_LOCALEDIR must name the folder of the built catalogues (meson sets it)\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/language/catalogue", test_catalogue);
  g_test_add_func ("/export/language/french-strategy-english-session", test_french_strategy_english_session);
  g_test_add_func ("/export/language/english-strategy-french-session", test_english_strategy_french_session);

  return export_test_run ();
}
