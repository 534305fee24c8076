/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-export-private.h"

/* The XML plumbing of the DOCX and ODT writers: a part being written
 * (PlExportPart), constant markup collected before libxml2 gets it
 * (PlExportMarkup), and shorthands for libxml2's writer. */

void
pl_export_part_init (PlExportPart    *part,
                     PlExportContext *ctx)
{
  part->ctx = ctx;
  part->w = NULL;
  part->markup = g_new0 (PlExportMarkup, 1);
  part->scratch = g_string_new (NULL);
}

void
pl_export_part_clear (PlExportPart *part)
{
  g_clear_pointer (&part->markup, g_free);
  if (part->scratch != NULL)
    g_string_free (g_steal_pointer (&part->scratch), TRUE);
}

void
pl_export_part_end_element_cb (PlOutline *ol)
{
  PlExportPart *part = ol->writer;

  xmlTextWriterEndElement (pl_export_part_sync (part));
}

void
pl_export_xml_text_element (xmlTextWriterPtr  writer,
                            const char       *element,
                            const char       *text,
                            GString          *scratch)
{
  xmlTextWriterStartElement (writer, BAD_CAST element);
  xmlTextWriterWriteString (writer, BAD_CAST pl_export_clean_text (text, -1, scratch));
  xmlTextWriterEndElement (writer);
}

gboolean
pl_export_xml_needs_escape (const char *text)
{
  /* What xmlTextWriterWriteString() escapes in element content. */
  return strpbrk (text, "&<>\"\r") != NULL;
}

void
pl_export_xml_text (xmlTextWriterPtr  writer,
                    const char       *text)
{
  if (pl_export_xml_needs_escape (text))
    xmlTextWriterWriteString (writer, BAD_CAST text);
  else
    xmlTextWriterWriteRaw (writer, BAD_CAST text);
}

xmlTextWriterPtr
pl_export_markup_sync (PlExportMarkup   *markup,
                       xmlTextWriterPtr  writer)
{
  if (markup->len > 0)
    xmlTextWriterWriteRawLen (writer, BAD_CAST markup->data, markup->len);
  markup->len = 0;
  return writer;
}

void
pl_export_markup_raw (PlExportMarkup   *markup,
                      xmlTextWriterPtr  writer,
                      const char       *text)
{
  gsize len = strlen (text);

  if (markup->len + len > sizeof markup->data)
    {
      pl_export_markup_sync (markup, writer);
      if (len > sizeof markup->data)
        {
          xmlTextWriterWriteRawLen (writer, BAD_CAST text, len);
          return;
        }
    }
  memcpy (markup->data + markup->len, text, len);
  markup->len += len;
}

void
pl_export_markup_number (PlExportMarkup   *markup,
                         xmlTextWriterPtr  writer,
                         guint64           n)
{
  char digits[PL_EXPORT_DIGITS];

  pl_export_markup_raw (markup, writer, pl_export_digits (digits, n));
}

void
pl_export_markup_text (PlExportMarkup   *markup,
                       xmlTextWriterPtr  writer,
                       const char       *text)
{
  if (pl_export_xml_needs_escape (text))
    xmlTextWriterWriteString (pl_export_markup_sync (markup, writer), BAD_CAST text);
  else
    pl_export_markup_raw (markup, writer, text);
}

static void
start_valist (xmlTextWriterPtr  writer,
              const char       *element,
              va_list           args)
{
  const char *name;

  xmlTextWriterStartElement (writer, BAD_CAST element);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value);
    }
}

void
pl_export_xml_start (xmlTextWriterPtr  writer,
                     const char       *element,
                     ...)
{
  va_list args;

  va_start (args, element);
  start_valist (writer, element, args);
  va_end (args);
}

void
pl_export_xml_element (xmlTextWriterPtr  writer,
                       const char       *element,
                       ...)
{
  va_list args;

  va_start (args, element);
  start_valist (writer, element, args);
  va_end (args);
  xmlTextWriterEndElement (writer);
}
