/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "pl-export-private.h"

/* DOCX and ODT are zip packages of XML parts. The small parts are written
 * by libxml2 into memory; the big one (the document's body) streams from
 * libxml2 to a second thread that compresses it (libarchive, zlib) while
 * the first goes on writing: deflate is a third of an export's time. The
 * archive goes to the export's output stream as it is made. */

struct _PlExportZip {
  PlExportContext      *ctx;
  struct archive       *archive;
  struct archive_entry *open_entry;  /* the part being streamed */
  time_t                mtime;
  /* While a part streams, only the worker touches the archive and the
   * output stream, and reports to worker_error, not ctx->error. */
  gboolean              streaming;   /* set before the worker starts */
  GThread              *worker;
  /* GBytes; an empty one ends the part. Not bounded: at worst it holds
   * the part, about 9 MB for the benchmark's document. */
  GAsyncQueue          *chunks;
  GError               *worker_error;
  int                   worker_failed; /* atomic */
};

static la_ssize_t
zip_write_cb (struct archive *archive,
              void           *data,
              const void     *buffer,
              size_t          length)
{
  PlExportZip *zip = data;
  GError **error = zip->streaming ? &zip->worker_error : &zip->ctx->error;

  if (*error == NULL)
    g_output_stream_write_all (zip->ctx->out, buffer, length, NULL, zip->ctx->cancellable, error);
  if (*error != NULL)
    {
      archive_set_error (archive, EIO, "%s", (*error)->message);
      return -1;
    }
  return length;
}

static void
zip_check_error (PlExportZip  *zip,
                 int           status,
                 GError      **error)
{
  if (status >= ARCHIVE_WARN || *error != NULL)
    return;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the document package: %s"),
               archive_error_string (zip->archive) ? archive_error_string (zip->archive) : g_strerror (EIO));
}

static void
zip_check (PlExportZip *zip,
           int          status)
{
  zip_check_error (zip, status, &zip->ctx->error);
}

PlExportZip *
pl_export_zip_new (PlExportContext *ctx)
{
  PlExportZip *zip = g_new0 (PlExportZip, 1);

  zip->ctx = ctx;
  zip->mtime = time (NULL);
  zip->archive = archive_write_new ();
  zip_check (zip, archive_write_set_format_zip (zip->archive));
  /* libarchive writes ZIP64 extra fields by default, which pandoc cannot
   * read and LibreOffice refuses ("zip64=false" is silently ignored). */
  zip_check (zip, archive_write_set_options (zip->archive, "zip:!zip64"));
  /* XML compresses well at the fastest level: a third of the time of the
   * default for a few per cent more bytes. */
  zip_check (zip, archive_write_set_options (zip->archive, "zip:compression-level=1"));
  zip_check (zip, archive_write_set_bytes_per_block (zip->archive, 64 * 1024));
  /* No zero padding after the central directory. */
  zip_check (zip, archive_write_set_bytes_in_last_block (zip->archive, 1));
  zip_check (zip, archive_write_open (zip->archive, zip, NULL, zip_write_cb, NULL));
  return zip;
}

void
pl_export_zip_add (PlExportZip *zip,
                   const char  *name,
                   const char  *data,
                   gsize        length,
                   gboolean     stored)
{
  struct archive_entry *entry;

  if (pl_export_failed (zip->ctx))
    return;
  if (stored)
    zip_check (zip, archive_write_zip_set_compression_store (zip->archive));
  else
    zip_check (zip, archive_write_zip_set_compression_deflate (zip->archive));

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, zip->mtime, 0);
  zip_check (zip, archive_write_header (zip->archive, entry));
  if (!pl_export_failed (zip->ctx) && length > 0
      && archive_write_data (zip->archive, data, length) != (la_ssize_t) length)
    zip_check (zip, ARCHIVE_FATAL);
  zip_check (zip, archive_write_finish_entry (zip->archive));
  archive_entry_free (entry);
}

/* The worker: compresses what stream_write_cb() hands over. */
static gpointer
compress_thread (gpointer data)
{
  PlExportZip *zip = data;
  GBytes *chunk;

  while (g_bytes_get_size (chunk = g_async_queue_pop (zip->chunks)) > 0)
    {
      gsize length;
      const char *bytes = g_bytes_get_data (chunk, &length);

      if (zip->worker_error == NULL
          && archive_write_data (zip->archive, bytes, length) != (la_ssize_t) length)
        {
          zip_check_error (zip, ARCHIVE_FATAL, &zip->worker_error);
          g_atomic_int_set (&zip->worker_failed, TRUE);
        }
      g_bytes_unref (chunk);
    }
  g_bytes_unref (chunk);
  return NULL;
}

static int
stream_write_cb (void       *data,
                 const char *buffer,
                 int         length)
{
  PlExportZip *zip = data;

  if (pl_export_failed (zip->ctx) || g_atomic_int_get (&zip->worker_failed))
    return -1;
  if (length > 0)
    g_async_queue_push (zip->chunks, g_bytes_new (buffer, length));
  return length;
}

xmlTextWriterPtr
pl_export_zip_begin_xml (PlExportZip *zip,
                         const char  *name)
{
  xmlTextWriterPtr writer;

  g_assert (zip->open_entry == NULL);
  zip_check (zip, archive_write_zip_set_compression_deflate (zip->archive));
  zip->open_entry = archive_entry_new ();
  archive_entry_set_pathname (zip->open_entry, name);
  archive_entry_unset_size (zip->open_entry);
  archive_entry_set_filetype (zip->open_entry, AE_IFREG);
  archive_entry_set_perm (zip->open_entry, 0644);
  archive_entry_set_mtime (zip->open_entry, zip->mtime, 0);
  if (!pl_export_failed (zip->ctx))
    zip_check (zip, archive_write_header (zip->archive, zip->open_entry));
  zip->chunks = g_async_queue_new ();
  zip->streaming = TRUE;
  zip->worker = g_thread_new ("pl-export-zip", compress_thread, zip);
  writer = xmlNewTextWriter (xmlOutputBufferCreateIO (stream_write_cb, NULL, zip, NULL));
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", "yes");
  return writer;
}

void
pl_export_zip_end_xml (PlExportZip      *zip,
                       xmlTextWriterPtr  writer)
{
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  g_async_queue_push (zip->chunks, g_bytes_new (NULL, 0));
  g_thread_join (g_steal_pointer (&zip->worker));
  zip->streaming = FALSE;
  g_clear_pointer (&zip->chunks, g_async_queue_unref);
  if (zip->worker_error != NULL && !pl_export_failed (zip->ctx))
    g_propagate_error (&zip->ctx->error, g_steal_pointer (&zip->worker_error));
  g_clear_error (&zip->worker_error);
  zip->worker_failed = FALSE;
  if (!pl_export_failed (zip->ctx))
    zip_check (zip, archive_write_finish_entry (zip->archive));
  g_clear_pointer (&zip->open_entry, archive_entry_free);
}

gboolean
pl_export_zip_finish (PlExportZip *zip)
{
  gboolean ok;

  if (!pl_export_failed (zip->ctx))
    zip_check (zip, archive_write_close (zip->archive));
  archive_write_free (zip->archive);
  ok = !pl_export_failed (zip->ctx);
  g_free (zip);
  return ok;
}

static int
xml_write_cb (void       *data,
              const char *buffer,
              int         length)
{
  g_string_append_len (data, buffer, length);
  return length;
}

xmlTextWriterPtr
pl_export_xml_new (GString *buffer)
{
  xmlOutputBufferPtr out = xmlOutputBufferCreateIO (xml_write_cb, NULL, buffer, NULL);
  xmlTextWriterPtr writer = xmlNewTextWriter (out);

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", "yes");
  return writer;
}

void
pl_export_xml_add (PlExportZip      *zip,
                   const char       *name,
                   xmlTextWriterPtr  writer,
                   GString          *buffer)
{
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  pl_export_zip_add (zip, name, buffer->str, buffer->len, FALSE);
  g_string_free (buffer, TRUE);
}
