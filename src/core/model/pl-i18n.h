/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Translations that follow a document's language rather than the user
 * interface's. An export of a French strategy has French headings even
 * when the secretariat exporting it runs Pillars in English: while the
 * export runs, its thread reads the messages from the French catalogue
 * (pl_i18n_push_language), and every other thread keeps the interface's.
 *
 * Sources whose strings end up in documents include this header instead of
 * <glib/gi18n-lib.h>: _(), C_() and ngettext() then go through the
 * thread's catalogue when one is pushed and through gettext otherwise.
 * xgettext still sees the usual keywords. */

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Makes @language (a BCP 47 tag, "fr-SN") the language of the messages of
 * the calling thread until the matching pl_i18n_pop_language(). A language
 * without a catalogue (English, or one not translated) gives the English
 * messages, never the interface's. Pushes nest. */
/* Binds the interface's messages: the installed catalogues, or those
 * of a build tree named by $PILLARS_LOCALEDIR (build-aux/run.sh, the
 * tests), so Pillars run from a checkout speaks the user's language. */
void         pl_i18n_bind_textdomain (void);

void         pl_i18n_push_language (const char *language);
void         pl_i18n_pop_language  (void);

/* The language the calling thread's messages are in now: the pushed one
 * ("fr"), or NULL for the interface's. */
const char  *pl_i18n_get_language  (void);

const char  *pl_i18n_gettext       (const char *msgid) G_GNUC_FORMAT (1);
const char  *pl_i18n_pgettext      (const char *context,
                                    const char *msgid) G_GNUC_FORMAT (2);
const char  *pl_i18n_ngettext      (const char *msgid,
                                    const char *msgid_plural,
                                    gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

/* g_date_time_format() with the full month names (%B) of the thread’s
 * language: the process's LC_TIME would give English months to a French
 * document exported in an English session. */
char        *pl_i18n_format_date   (GDateTime  *datetime,
                                    const char *format);

/* A message for the user rather than for the document (an error raised
 * while an export runs): always in the interface's language. Mark the
 * string with N_() so that xgettext sees it. */
#define PL_UI_MESSAGE(String) ((char *) g_dgettext (GETTEXT_PACKAGE, String))

G_END_DECLS

#undef _
#define _(String) ((char *) pl_i18n_gettext (String))
#undef C_
#define C_(Context, String) ((char *) pl_i18n_pgettext (Context, String))
#undef ngettext
#define ngettext(Msgid, Plural, N) ((char *) pl_i18n_ngettext (Msgid, Plural, N))
