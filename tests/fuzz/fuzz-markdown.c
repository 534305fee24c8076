/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: arbitrary bytes as a pillar's narrative (Markdown),
 * exported to Markdown, HTML, DOCX and ODT through the real writers
 * (pl_export_to_stream() into memory). One small document is built once;
 * each input only replaces the pillar's body. Besides crashes and
 * sanitizer reports, an HTML export that lets raw active content through
 * is a finding. */

#include <string.h>

#include "pl-document.h"
#include "pl-export.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PlDocument *document;
static PlPillar *pillar;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "markdown.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;

  document = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  if (document == NULL)
    g_error ("cannot create %s: %s", path, error->message);
  pillar = pl_document_add (document, PL_TYPE_PILLAR, NULL, -1, &error,
                            "title", "Fuzzed pillar", "summary", "Its body is the input",
                            NULL);
  if (pillar == NULL)
    g_error ("cannot add a pillar: %s", error->message);
  /* An objective and an action so the outline and the plan table run too. */
  objective = pl_document_add (document, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                               "title", "Objective", NULL);
  if (objective == NULL)
    g_error ("cannot add an objective: %s", error->message);
  action = pl_document_add (document, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                            "title", "Action", NULL);
  if (action == NULL)
    g_error ("cannot add an action: %s", error->message);
  return 0;
}

/* Case-insensitive search in a buffer that is not NUL-terminated. */
static gboolean
contains_ci (const char *haystack,
             gsize       len,
             const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
export_one (PlExportFormat format)
{
  PlExportOptions options;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  pl_export_options_init (&options);
  options.format = format;
  options.date = g_strdup ("1 January 2026");  /* no clock in the output */
  if (pl_export_to_stream (document, &options, out, NULL, &error)
      && g_output_stream_close (out, NULL, NULL)
      && format == PL_EXPORT_HTML)
    {
      GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);
      const char *html = g_memory_output_stream_get_data (mem);
      gsize len = g_memory_output_stream_get_data_size (mem);

      /* Raw HTML in a narrative must never reach the export as markup. */
      if (contains_ci (html, len, "<script") || contains_ci (html, len, "<iframe")
          || contains_ci (html, len, "<img") || contains_ci (html, len, "href=\"javascript:"))
        {
          fwrite (html, 1, len, stderr);
          g_error ("active content in the HTML export");
        }
    }
  pl_export_options_clear (&options);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;

  /* As stored by another program, invalid UTF-8 included; when the core
   * refuses that, the valid part still goes through the writers. */
  if (!pl_record_set (PL_RECORD (pillar), &error, "body", body, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (body, -1);

      g_clear_error (&error);
      if (!pl_record_set (PL_RECORD (pillar), &error, "body", valid, NULL))
        return 0;
    }

  export_one (PL_EXPORT_MARKDOWN);
  export_one (PL_EXPORT_HTML);
  export_one (PL_EXPORT_DOCX);
  export_one (PL_EXPORT_ODT);
  return 0;
}
