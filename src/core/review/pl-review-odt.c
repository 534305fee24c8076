/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-review-private.h"
#include "pl-import-draft.h"

/* OpenDocument review copies (office:annotation, text:tracked-changes):
 * not read yet; say so plainly rather than import half of one. */
gboolean
pl_review_read_odt (GBytes        *bytes,
                    PlReviewFile  *file,
                    GError       **error)
{
  g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
               _("Returned review copies are read from Word files (.docx) only. Open this copy in LibreOffice, save it as Word (.docx) keeping comments and tracked changes, and import that."));
  return FALSE;
}
