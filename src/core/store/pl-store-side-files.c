/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-store-private.h"

/*
 * The -wal, -shm and -journal files SQLite keeps next to a document. SQLite
 * opens whatever it finds under those names and replays what they hold into
 * the document, so in a folder other people can write to (a sticky /tmp, a
 * shared folder) anyone could plant one: a WAL with content of their own,
 * a -shm that makes the file unwritable, a symlink to somewhere else. Only
 * side files that the document's owner (or we) made are let through.
 */

static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

/* A side file may not grant write access the document itself does not
 * grant: SQLite gives its side files the document's own mode, so a 0664
 * document has a 0664 -wal, but a world-writable -wal beside a 0600
 * document was not made by SQLite for its owner. */
static gboolean
side_file_trusted (const struct stat *doc,
                   const struct stat *side)
{
  if (!S_ISREG (side->st_mode))
    return FALSE;
  if (side->st_uid != doc->st_uid && side->st_uid != geteuid ())
    return FALSE;
  return ((side->st_mode & 022) & ~(doc->st_mode & 022)) == 0;
}

gboolean
_pl_store_inspect_side_files (PlStore           *store,
                              const struct stat *doc,
                              gboolean           may_remove,
                              PlSideFiles       *out)
{
  memset (out, 0, sizeof *out);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (store->path, suffixes[i], NULL);
      gboolean is_shm = i == 1;
      gboolean hot;
      struct stat st;

      if (g_lstat (side, &st) != 0)
        {
          if (errno == ENOENT)
            continue;
          /* Cannot be looked at: cannot be trusted either. */
          memset (&st, 0, sizeof st);
          st.st_mode = S_IFLNK;
        }
      hot = S_ISREG (st.st_mode) && st.st_size > 0 && !is_shm;

      if (side_file_trusted (doc, &st))
        {
          if (i == 0)
            {
              out->wal = TRUE;
              out->wal_hot = hot;
            }
          else if (is_shm)
            out->shm = TRUE;
          else
            out->journal_hot = hot;
          continue;
        }

      /* A foreign side file that holds nothing (a -shm is only an index of
       * the -wal, an empty -wal or -journal holds no change) can go. One
       * that holds changes is never replayed and never deleted: it may be
       * evidence, or someone's work; the user decides. */
      if (may_remove && !hot && g_unlink (side) == 0)
        {
          g_debug ("%s: removed %s, which was not made by the document's owner",
                   store->display_name, side);
          continue;
        }
      if (out->foreign == NULL)
        out->foreign = g_filename_display_name (side);
    }
  return out->foreign == NULL;
}

void
_pl_side_files_clear (PlSideFiles *side)
{
  g_clear_pointer (&side->foreign, g_free);
}

void
_pl_store_remove_new_side_files (PlStore *store)
{
  g_autofree char *wal = g_strconcat (store->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (store->path, "-shm", NULL);
  struct stat st;

  if (store->had_side_files)
    return;
  /* Only an empty -wal: one with changes is never thrown away. */
  if (g_lstat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () && st.st_size == 0)
    g_unlink (wal);
  if (g_lstat (wal, &st) != 0 && g_lstat (shm, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
    g_unlink (shm);
}

/* "file:/path?<query>", with the characters a URI reserves escaped. */
char *
_pl_store_file_uri (const char *path,
                    const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GString *uri = g_string_new ("file:");

  for (const char *p = absolute; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7f)
        g_string_append_printf (uri, "%%%02X", c);
      else
        g_string_append_c (uri, c);
    }
  g_string_append_c (uri, '?');
  g_string_append (uri, query);
  return g_string_free (uri, FALSE);
}
