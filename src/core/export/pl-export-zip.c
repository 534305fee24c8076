/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include "pl-i18n.h"

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
  /* The first entry's local header is rewritten without its extra field,
   * and the offsets in the central directory moved back by as much. */
  GByteArray           *head;        /* the first entry's header, while it arrives */
  gboolean              head_done;
  guint                 shrink;      /* bytes of extra field dropped */
  guint64               written_in;  /* bytes libarchive has written so far */
  GByteArray           *tail;        /* what archive_write_close() writes */
};

static inline guint
le16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

static inline guint32
le32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static inline void
set_le16 (guint8 *p,
          guint   v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static inline void
set_le32 (guint8  *p,
          guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

/* libarchive gives every entry extra fields (timestamps, owner) it has no
 * option to leave out; ODF 1.3 Part 2 §3.3 forbids one on the "mimetype"
 * entry, and `file`, mail gateways and archives find the type only when
 * the entry's content starts at byte 38. So the first local header loses
 * its extra field as it passes, and the central directory (written by
 * archive_write_close(), see pl_export_zip_finish()) is patched to match. */
static void
zip_emit (PlExportZip  *zip,
          const void   *buffer,
          gsize         length,
          GError      **error)
{
  if (*error == NULL && length > 0)
    g_output_stream_write_all (zip->ctx->out, buffer, length, NULL, zip->ctx->cancellable, error);
}

static gsize
zip_take_head (PlExportZip  *zip,
               const guint8 *buffer,
               gsize         length,
               GError      **error)
{
  gsize want, taken;

  want = 30;
  if (zip->head->len >= 30)
    want = 30 + le16 (zip->head->data + 26) + le16 (zip->head->data + 28);
  taken = MIN (length, want - zip->head->len);
  g_byte_array_append (zip->head, buffer, taken);
  if (want == 30 && zip->head->len == 30 && le32 (zip->head->data) == 0x04034b50
      && le16 (zip->head->data + 26) + le16 (zip->head->data + 28) > 0)
    return taken + zip_take_head (zip, buffer + taken, length - taken, error);
  if (zip->head->len < want)
    return taken;

  zip->head_done = TRUE;
  if (zip->head->len >= 30 && le32 (zip->head->data) == 0x04034b50)
    {
      guint name_len = le16 (zip->head->data + 26);

      zip->shrink = le16 (zip->head->data + 28);
      set_le16 (zip->head->data + 28, 0);
      g_byte_array_set_size (zip->head, 30 + name_len);
    }
  zip_emit (zip, zip->head->data, zip->head->len, error);
  return taken;
}

/* The central directory and its end record, from @tail (which may start
 * with the end of the last entry's data): every local header offset moves
 * back by zip->shrink and the first entry's record loses its extra field. */
static void
zip_patch_tail (PlExportZip *zip)
{
  GByteArray *tail = zip->tail;
  guint8 *eocd;
  guint64 start_in;
  guint32 cd_offset, cd_size, pos, end, dropped = 0;

  if (zip->shrink == 0 || tail->len < 22)
    return;
  eocd = tail->data + tail->len - 22;
  if (le32 (eocd) != 0x06054b50)
    return;
  cd_size = le32 (eocd + 12);
  cd_offset = le32 (eocd + 16);
  start_in = zip->written_in - tail->len;
  if (cd_offset < start_in || cd_offset - start_in + cd_size + 22 != tail->len)
    return;

  pos = cd_offset - start_in;
  end = pos + cd_size;
  while (pos + 46 <= end && le32 (tail->data + pos) == 0x02014b50)
    {
      guint8 *rec = tail->data + pos;
      guint name_len = le16 (rec + 28), extra_len = le16 (rec + 30), comment_len = le16 (rec + 32);
      guint32 local = le32 (rec + 42);

      if (local == 0)
        {
          /* The first entry's record: its extra field goes too. */
          set_le16 (rec + 30, 0);
          g_byte_array_remove_range (tail, pos + 46 + name_len, extra_len);
          end -= extra_len;
          dropped += extra_len;
          pos += 46 + name_len + comment_len;
        }
      else
        {
          set_le32 (rec + 42, local - zip->shrink);
          pos += 46 + name_len + extra_len + comment_len;
        }
    }
  eocd = tail->data + tail->len - 22;
  set_le32 (eocd + 12, cd_size - dropped);
  set_le32 (eocd + 16, cd_offset - zip->shrink);
}

static la_ssize_t
zip_write_cb (struct archive *archive,
              void           *data,
              const void     *buffer,
              size_t          length)
{
  PlExportZip *zip = data;
  GError **error = zip->streaming ? &zip->worker_error : &zip->ctx->error;
  const guint8 *bytes = buffer;
  gsize rest = length;

  zip->written_in += length;
  if (!zip->head_done)
    {
      gsize taken = zip_take_head (zip, bytes, rest, error);

      bytes += taken;
      rest -= taken;
    }
  if (zip->tail != NULL)
    g_byte_array_append (zip->tail, bytes, rest);
  else
    zip_emit (zip, bytes, rest, error);
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
               PL_UI_MESSAGE (N_("Could not write the document package: %s")),
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
  zip->head = g_byte_array_new ();
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
    {
      zip->tail = g_byte_array_new ();
      zip_check (zip, archive_write_close (zip->archive));
      if (!pl_export_failed (zip->ctx))
        {
          if (!zip->head_done && zip->head->len > 0)
            zip_emit (zip, zip->head->data, zip->head->len, &zip->ctx->error);
          zip_patch_tail (zip);
          zip_emit (zip, zip->tail->data, zip->tail->len, &zip->ctx->error);
        }
      g_clear_pointer (&zip->tail, g_byte_array_unref);
    }
  archive_write_free (zip->archive);
  g_clear_pointer (&zip->head, g_byte_array_unref);
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
