/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

/* Limits against hostile archives. A 300-page strategy's document.xml is a
 * few megabytes; these leave room for ten times that and stop bombs. */
#define MAX_ENTRIES      10000
#define MAX_ENTRY_SIZE   (64 * 1024 * 1024)
#define MAX_TOTAL_SIZE   (128 * 1024 * 1024)
#define MAX_RATIO        200

static gboolean
wanted_name (const char         *name,
             const char * const *wanted)
{
  for (guint i = 0; wanted[i]; i++)
    if (g_str_equal (name, wanted[i]))
      return TRUE;
  return FALSE;
}

static void
truncated (GError **error)
{
  g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TRUNCATED,
               _("The file is damaged or incomplete (the archive inside it ends early). Copy it again from where it came from, or open it in Word or LibreOffice and save it again."));
}

GHashTable *
pl_import_zip_read (GBytes              *bytes,
                    const char * const  *wanted,
                    GError             **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  guint count = 0;
  guint64 total = 0;
  int r;

  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      truncated (error);
      archive_read_free (a);
      return NULL;
    }
  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      GByteArray *content;
      char buffer[65536];
      la_ssize_t n;

      if (++count >= MAX_ENTRIES)
        {
          g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TOO_MANY_ENTRIES,
                       _("The file holds 10,000 parts or more, far more than any document; it is not a draft Pillars can import."));
          goto fail;
        }
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_ENCRYPTED,
                       _("This document is protected by a password. Open it in Word or LibreOffice, remove the password, save it and import that copy."));
          goto fail;
        }
      if (name == NULL || !wanted_name (name, wanted))
        continue;
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > MAX_ENTRY_SIZE)
        goto too_large;
      /* Sized as the header says (bounded), so a 10 MB part is not copied
       * at every doubling; the header may lie, the checks below do not. */
      content = g_byte_array_sized_new (archive_entry_size_is_set (entry)
                                        ? (guint) MIN (archive_entry_size (entry), 16 * 1024 * 1024) : 0);
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        {
          total += n;
          /* Checked as it inflates: the sizes in the headers may lie. */
          if (content->len + n > MAX_ENTRY_SIZE || total > MAX_TOTAL_SIZE
              || (total > 1024 * 1024 && total / MAX (len, 1) > MAX_RATIO))
            {
              g_byte_array_unref (content);
              goto too_large;
            }
          g_byte_array_append (content, (const guint8 *) buffer, n);
        }
      if (n < 0)
        {
          g_byte_array_unref (content);
          truncated (error);
          goto fail;
        }
      g_hash_table_insert (entries, g_strdup (name), g_byte_array_free_to_bytes (content));
    }
  if (r != ARCHIVE_EOF)
    {
      truncated (error);
      goto fail;
    }
  archive_read_free (a);
  return g_steal_pointer (&entries);

too_large:
  g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TOO_LARGE,
               _("The file unpacks to far more than a document could hold (a “zip bomb” or a damaged file); it was not imported."));
fail:
  archive_read_free (a);
  return NULL;
}
