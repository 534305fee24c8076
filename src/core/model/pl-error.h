/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_DOCUMENT_ERROR (pl_document_error_quark ())

typedef enum {
  PL_DOCUMENT_ERROR_NOT_FOUND,      /* missing file */
  PL_DOCUMENT_ERROR_IS_DIRECTORY,   /* a directory was given */
  PL_DOCUMENT_ERROR_EMPTY,          /* zero-byte file */
  PL_DOCUMENT_ERROR_NOT_DATABASE,   /* random bytes, not SQLite at all */
  PL_DOCUMENT_ERROR_CORRUPT,        /* truncated or damaged Pillars file */
  PL_DOCUMENT_ERROR_FOREIGN,        /* another application's SQLite database */
  PL_DOCUMENT_ERROR_TOO_NEW,        /* written by a newer Pillars */
  PL_DOCUMENT_ERROR_READ_ONLY,      /* write refused: file or document is read-only */
  PL_DOCUMENT_ERROR_LOCKED,         /* another process or window is writing it */
  PL_DOCUMENT_ERROR_INVALID_TEXT,   /* invalid UTF-8 or NUL passed to the API */
  PL_DOCUMENT_ERROR_INVALID_VALUE,  /* a value out of range, unknown property, wrong parent */
  PL_DOCUMENT_ERROR_EXISTS,         /* create refused: file already exists */
  PL_DOCUMENT_ERROR_IO,             /* disk full, permission, other I/O failure */
  PL_DOCUMENT_ERROR_NO_RECORD,      /* the record was deleted or never existed */
  PL_DOCUMENT_ERROR_FAILED,         /* anything else */
} PlDocumentError;

GQuark pl_document_error_quark (void);

G_END_DECLS
