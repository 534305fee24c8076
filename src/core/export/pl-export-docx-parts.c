/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-export-docx-private.h"

/* The package parts around word/document.xml: content types,
 * relationships, document properties, settings. */

void
pl_export_docx_write_content_types (PlExportZip *zip)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
    { "/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml" },
    { "/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" },
    { "/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" },
    { "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/word/header2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" },
    { "/word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
  };
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types", NULL);
  element (w, "Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml", NULL);
  element (w, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    element (w, "Override", "PartName", overrides[i].part, "ContentType", overrides[i].type, NULL);
  end (w);
  pl_export_xml_add (zip, "[Content_Types].xml", w, buf);
}

void
pl_export_docx_write_package_rels (PlExportZip *zip)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "Relationships", "xmlns", REL_NS, NULL);
  element (w, "Relationship", "Id", "rId1", "Type", REL_TYPE "officeDocument", "Target", "word/document.xml", NULL);
  element (w, "Relationship", "Id", "rId2",
           "Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
           "Target", "docProps/core.xml", NULL);
  end (w);
  pl_export_xml_add (zip, "_rels/.rels", w, buf);
}

void
pl_export_docx_write_core_properties (PlDocx      *dx,
                                      PlExportZip *zip)
{
  PlStrategy *s = pl_document_get_strategy (dx->part.ctx->document);
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  start (w, "cp:coreProperties",
         "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
         "xmlns:dc", "http://purl.org/dc/elements/1.1/",
         "xmlns:dcterms", "http://purl.org/dc/terms/",
         "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
  pl_export_xml_text_element (w, "dc:title", pl_strategy_get_title (s), dx->part.scratch);
  pl_export_xml_text_element (w, "dc:creator", pl_strategy_get_lead_agency (s), dx->part.scratch);
  pl_export_xml_text_element (w, "dc:subject", pl_strategy_get_country (s), dx->part.scratch);
  pl_export_xml_text_element (w, "dc:language", dx->part.ctx->language, dx->part.scratch);
  start (w, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
  xmlTextWriterWriteString (w, BAD_CAST stamp);
  end (w);
  end (w);
  pl_export_xml_add (zip, "docProps/core.xml", w, buf);
}

void
pl_export_docx_write_document_rels (PlDocx      *dx,
                                    PlExportZip *zip)
{
  static const struct { const char *id, *type, *target; } parts[] = {
    { "rIdStyles", "styles", "styles.xml" },
    { "rIdSettings", "settings", "settings.xml" },
    { "rIdNumbering", "numbering", "numbering.xml" },
    { "rIdHeader", "header", "header1.xml" },
    { "rIdFooter", "footer", "footer1.xml" },
    { "rIdHeaderTitle", "header", "header2.xml" },
    { "rIdFooterTitle", "footer", "footer2.xml" },
  };
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "Relationships", "xmlns", REL_NS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *type = g_strconcat (REL_TYPE, parts[i].type, NULL);

      element (w, "Relationship", "Id", parts[i].id, "Type", type, "Target", parts[i].target, NULL);
    }
  for (guint i = 0; i < dx->links->len; i++)
    {
      char id[24];

      g_snprintf (id, sizeof id, "rIdL%u", i + 1);
      element (w, "Relationship", "Id", id, "Type", REL_TYPE "hyperlink",
               "Target", pl_export_clean_text (g_ptr_array_index (dx->links, i), -1, dx->part.scratch),
               "TargetMode", "External", NULL);
    }
  end (w);
  pl_export_xml_add (zip, "word/_rels/document.xml.rels", w, buf);
}

void
pl_export_docx_write_settings (PlExportZip *zip,
                               gboolean     for_review)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "w:settings", "xmlns:w", W_NS, NULL);
  /* In the schema's order, which Word insists on. */
  if (for_review)
    {
      /* A review copy: every edit is a tracked change, and the document
       * is protected so that only tracked changes (and comments, which
       * Word allows under this protection) can be made. No password: the
       * protection guides reviewers, it is no security. */
      element (w, "w:trackRevisions", NULL);
      element (w, "w:documentProtection", "w:edit", "trackedChanges", "w:enforcement", "1", NULL);
    }
  element (w, "w:defaultTabStop", "w:val", "720", NULL);
  element (w, "w:characterSpacingControl", "w:val", "doNotCompress", NULL);
  /* Word fills the table of contents and page references on opening. */
  element (w, "w:updateFields", "w:val", "true", NULL);
  start (w, "w:compat", NULL);
  element (w, "w:compatSetting", "w:name", "compatibilityMode",
           "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15", NULL);
  end (w);
  end (w);
  pl_export_xml_add (zip, "word/settings.xml", w, buf);
}
