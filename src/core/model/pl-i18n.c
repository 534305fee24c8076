/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "pl-i18n.h"

/* A compiled catalogue (the .mo file msgfmt writes): a header, then two
 * tables of (length, offset) pairs, the originals sorted by strcmp() and
 * their translations in the same order. Looking a message up is a binary
 * search; the file is mapped, never copied. */
typedef struct
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  gboolean     swap;
  guint32      n;
  guint32      originals;
  guint32      translations;
  gboolean     plural_is_greater_than_one;   /* French: 0 and 1 are singular */
  gboolean     one_form;                     /* nplurals=1 */
} Catalog;

typedef struct _Frame Frame;
struct _Frame
{
  char    *language;  /* primary subtag, "fr" */
  Catalog *catalog;   /* NULL: the English messages */
  Frame   *next;
};

static void
frames_free (gpointer data)
{
  Frame *frame = data;

  while (frame != NULL)
    {
      Frame *next = frame->next;

      g_free (frame->language);
      g_free (frame);
      frame = next;
    }
}

static GPrivate current = G_PRIVATE_INIT (frames_free);
static GMutex catalogs_lock;
static GHashTable *catalogs;  /* file name → Catalog, NULL value: none there */

static guint32
read_u32 (const Catalog *c,
          guint32        offset)
{
  guint32 v;

  memcpy (&v, c->data + offset, 4);
  return c->swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at @table's entry @i, or NULL if the file is damaged. */
static const char *
entry (const Catalog *c,
       guint32        table,
       guint32        i,
       guint32       *length)
{
  guint64 at = (guint64) table + 8 * (guint64) i;
  guint32 len, off;

  if (at + 8 > c->size)
    return NULL;
  len = read_u32 (c, at);
  off = read_u32 (c, at + 4);
  if ((guint64) off + len >= c->size || c->data[off + len] != '\0')
    return NULL;
  if (length != NULL)
    *length = len;
  return c->data + off;
}

static const char *
lookup (const Catalog *c,
        const char    *key,
        guint32       *length)
{
  guint32 lo = 0, hi = c->n;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = entry (c, c->originals, mid, NULL);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        return entry (c, c->translations, mid, length);
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static Catalog *
catalog_load (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  Catalog *c;
  guint32 magic;
  const char *header;

  if (file == NULL || g_mapped_file_get_length (file) < 28)
    return NULL;
  c = g_new0 (Catalog, 1);
  c->data = g_mapped_file_get_contents (file);
  c->size = g_mapped_file_get_length (file);
  memcpy (&magic, c->data, 4);
  if (magic == 0x950412de)
    c->swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == 0x950412de)
    c->swap = TRUE;
  else
    {
      g_free (c);
      return NULL;
    }
  c->n = read_u32 (c, 8);
  c->originals = read_u32 (c, 12);
  c->translations = read_u32 (c, 16);
  c->file = g_steal_pointer (&file);

  /* The plural rule of the header: the languages we ship (French; Spanish
   * and Portuguese) use one of these two; a catalogue with another rule
   * gets "n != 1", right for most languages. */
  header = lookup (c, "", NULL);
  if (header != NULL)
    {
      const char *rule = strstr (header, "plural=");

      c->one_form = strstr (header, "nplurals=1") != NULL;
      c->plural_is_greater_than_one = rule != NULL &&
        (g_str_has_prefix (rule, "plural=(n > 1)") || g_str_has_prefix (rule, "plural=n > 1") ||
         g_str_has_prefix (rule, "plural=(n>1)") || g_str_has_prefix (rule, "plural=n>1"));
    }
  return c;
}

/* The catalogue of @language ("fr-SN": fr_SN, then fr) in the folder the
 * messages of the interface come from (bindtextdomain), or NULL. */
static Catalog *
catalog_for (const char *language)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_auto(GStrv) parts = g_strsplit_set (language, "-_", 3);
  g_autofree char *regional = NULL;
  const char *candidates[3] = { NULL, NULL, NULL };
  Catalog *found = NULL;

  if (dir == NULL || parts[0] == NULL || *parts[0] == '\0')
    return NULL;
  if (parts[1] != NULL && strlen (parts[1]) == 2)
    regional = g_strdup_printf ("%s_%s", parts[0], parts[1]);
  candidates[0] = regional != NULL ? regional : parts[0];
  candidates[1] = regional != NULL ? parts[0] : NULL;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; found == NULL && candidates[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, candidates[i], "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      gpointer value;

      /* Loaded once for the life of the process, like gettext's own. */
      if (!g_hash_table_lookup_extended (catalogs, path, NULL, &value))
        {
          value = catalog_load (path);
          g_hash_table_insert (catalogs, g_steal_pointer (&path), value);
        }
      found = value;
    }
  g_mutex_unlock (&catalogs_lock);
  return found;
}

void
pl_i18n_push_language (const char *language)
{
  Frame *frame = g_new0 (Frame, 1);
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (language != NULL);
  parts = g_strsplit_set (language, "-_.@", 2);
  frame->language = g_ascii_strdown (parts[0] ? parts[0] : "en", -1);
  /* English is the language of the messages themselves. */
  frame->catalog = g_str_equal (frame->language, "en") ? NULL : catalog_for (language);
  frame->next = g_private_get (&current);
  /* Not g_private_replace: that would free the frames under this one. */
  g_private_set (&current, frame);
}

void
pl_i18n_pop_language (void)
{
  Frame *frame = g_private_get (&current);

  g_return_if_fail (frame != NULL);
  g_private_set (&current, frame->next);
  frame->next = NULL;
  frames_free (frame);
}

const char *
pl_i18n_get_language (void)
{
  Frame *frame = g_private_get (&current);

  return frame != NULL ? frame->language : NULL;
}

const char *
pl_i18n_gettext (const char *msgid)
{
  Frame *frame = g_private_get (&current);
  const char *found;

  if (frame == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (frame->catalog == NULL || *msgid == '\0')
    return msgid;
  found = lookup (frame->catalog, msgid, NULL);
  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
pl_i18n_pgettext (const char *context,
                  const char *msgid)
{
  Frame *frame = g_private_get (&current);
  g_autofree char *key = NULL;
  const char *found;

  if (frame == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (frame->catalog == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (frame->catalog, key, NULL);
  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
pl_i18n_ngettext (const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  Frame *frame = g_private_get (&current);
  const Catalog *c;
  const char *found;
  guint32 length;
  gboolean plural;

  if (frame == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  c = frame->catalog;
  if (c == NULL || (found = lookup (c, msgid, &length)) == NULL || *found == '\0')
    return n == 1 ? msgid : msgid_plural;
  plural = c->one_form ? FALSE : c->plural_is_greater_than_one ? n > 1 : n != 1;
  if (plural)
    {
      /* The forms follow each other, separated by NUL. */
      gsize first = strlen (found);

      if (first < length)
        return found + first + 1;
    }
  return found;
}

static const char *const months[] = {
  NC_("full month name", "January"), NC_("full month name", "February"),
  NC_("full month name", "March"), NC_("full month name", "April"),
  NC_("full month name", "May"), NC_("full month name", "June"),
  NC_("full month name", "July"), NC_("full month name", "August"),
  NC_("full month name", "September"), NC_("full month name", "October"),
  NC_("full month name", "November"), NC_("full month name", "December"),
};

char *
pl_i18n_format_date (GDateTime  *datetime,
                     const char *format)
{
  g_autoptr(GString) adjusted = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);
  if (pl_i18n_get_language () == NULL)
    return g_date_time_format (datetime, format);

  adjusted = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        {
          const char *month = C_("full month name", months[g_date_time_get_month (datetime) - 1]);

          for (const char *m = month; *m != '\0'; m++)
            {
              if (*m == '%')
                g_string_append_c (adjusted, '%');
              g_string_append_c (adjusted, *m);
            }
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (adjusted, p, 2);
          p++;
        }
      else
        g_string_append_c (adjusted, *p);
    }
  return g_date_time_format (datetime, adjusted->str);
}

void
pl_i18n_bind_textdomain (void)
{
  const char *dir = g_getenv ("PILLARS_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
