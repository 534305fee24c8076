/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-document-private.h"

/* ---- search and check ---- */

GPtrArray *
pl_document_search (PlDocument  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!pl_document_check_open (self, error))
    return NULL;
  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                   _("The search text is not valid UTF-8"));
      return NULL;
    }
  return pl_store_search (self->store, query, limit, error);
}

gboolean
pl_document_check (PlDocument   *self,
                   char       ***problems,
                   GError      **error)
{
  GPtrArray *list;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!pl_document_check_open (self, error))
    return FALSE;
  if (!(list = pl_store_check (self->store, error)))
    return FALSE;
  *problems = (char **) g_ptr_array_free (list, FALSE);
  return TRUE;
}
