/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <fribidi.h>

#include "pl-export-private.h"

/* The base direction of a paragraph from its text (Unicode bidi rules P2
 * and P3: the first strong character decides), with FriBidi's character
 * table: an Arabic or Hebrew paragraph is laid out right to left in every
 * format, whatever the language of the document. */

PlExportDirection
pl_export_text_direction (const char *text,
                          gssize      len)
{
  const char *end;

  if (text == NULL)
    return PL_EXPORT_DIRECTION_NEUTRAL;
  end = len < 0 ? NULL : text + len;
  for (const char *p = text; (end == NULL || p < end) && *p; p = g_utf8_next_char (p))
    {
      FriBidiCharType type;

      /* ASCII letters are the common case: no table lookup. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalpha (*p))
            return PL_EXPORT_DIRECTION_LTR;
          continue;
        }
      type = fribidi_get_bidi_type (g_utf8_get_char (p));
      if (type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL)
        return PL_EXPORT_DIRECTION_RTL;
      if (type == FRIBIDI_TYPE_LTR)
        return PL_EXPORT_DIRECTION_LTR;
    }
  return PL_EXPORT_DIRECTION_NEUTRAL;
}

PlExportDirection
pl_export_node_direction (cmark_node *node)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;
  PlExportDirection dir = PL_EXPORT_DIRECTION_NEUTRAL;

  while (dir == PL_EXPORT_DIRECTION_NEUTRAL && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type (cur) == CMARK_NODE_TEXT
                                      || cmark_node_get_type (cur) == CMARK_NODE_CODE))
        dir = pl_export_text_direction (cmark_node_get_literal (cur), -1);
    }
  cmark_iter_free (iter);
  return dir;
}

gboolean
pl_export_language_is_rtl (const char *language)
{
  static const char *const rtl[] = { "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi", NULL };
  g_autofree char *primary = NULL;

  pl_export_language_split (language, &primary, NULL);
  return g_strv_contains (rtl, primary);
}

void
pl_export_language_split (const char  *language,
                          char       **primary,
                          char       **region)
{
  g_auto(GStrv) parts = g_strsplit (language ? language : "", "-", -1);

  if (primary != NULL)
    *primary = g_ascii_strdown (parts[0] ? parts[0] : "", -1);
  if (region != NULL)
    {
      *region = g_strdup ("");
      for (guint i = 1; parts[0] != NULL && parts[i] != NULL; i++)
        if (strlen (parts[i]) == 2 || (strlen (parts[i]) == 3 && g_ascii_isdigit (parts[i][0])))
          {
            g_free (*region);
            *region = g_ascii_strup (parts[i], -1);
            break;
          }
    }
}
