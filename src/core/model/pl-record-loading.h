/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-record-host.h"

G_BEGIN_DECLS

/*
 * Loading records: for the store (which builds records from rows) and the
 * document (which keeps them, one object per row, and writes them) only.
 * Widgets, exporters and the CLI read and write records through pl-record.h
 * and the document. Nothing here writes to the file.
 */

/* Marks a lazy value as not loaded (the store left it out). */
void         pl_record_set_unloaded      (PlRecord      *self,
                                          guint          index);

/* The values behind each stored property (index = prop_id - 1), every
 * lazy one read from the file first. */
GValue      *pl_record_peek_values       (PlRecord      *self);
/* The same without reading anything: lazy values not yet read are unset
 * defaults. */
GValue      *pl_record_get_loaded_values (PlRecord      *self);

/* Sets without writing, and optionally notifies. */
void         pl_record_load_value        (PlRecord      *self,
                                          GParamSpec    *pspec,
                                          const GValue  *value,
                                          gboolean       notify);
/* Moves @value (of the property's type) into slot @index without copying
 * or notifying; @value is left unset. For the store's row loading. */
void         pl_record_take_value_at     (PlRecord      *self,
                                          guint          index,
                                          GValue        *value);
/* For the store's row loading: @block, one allocation holding the row's
 * text, is freed with the record. Identity strings given to
 * pl_record_set_identity() and static string values (g_value_set_static_string)
 * may point into it; anything set later is copied as usual. */
void         pl_record_adopt_block       (PlRecord      *self,
                                          char          *block,
                                          gsize          size);
void         pl_record_set_identity      (PlRecord      *self,
                                          gint64         id,
                                          const char    *uuid,
                                          const char    *created_at,
                                          const char    *updated_at);
void         pl_record_set_updated_at    (PlRecord      *self,
                                          const char    *updated_at);
void         pl_record_set_position      (PlRecord      *self,
                                          gint64         position);
void         pl_record_set_deleted       (PlRecord      *self,
                                          gboolean       deleted);
/* Hands the record to @host (unowned; NULL detaches it). From then on its
 * lazy columns are read, and its property setters write, through @host. */
void         pl_record_attach            (PlRecord      *self,
                                          PlRecordHost  *host);
/* The host the record is attached to (transfer none), or NULL. */
PlRecordHost *pl_record_get_host         (PlRecord      *self);
gint64       pl_record_get_parent_id     (PlRecord      *self);

/* Validates one value for @pspec (UTF-8, no NUL, enum range, not empty
 * when required, a date when it is one). */
gboolean     pl_record_validate_value    (GParamSpec    *pspec,
                                          const GValue  *value,
                                          GError       **error);
/* Validates what depends on several fields of @self once @pspecs are set
 * to @values (@n of them; 0 for a new record, with every value set): every
 * required field filled in, a period's start not after its end. */
gboolean     pl_record_validate_record   (PlRecord      *self,
                                          guint          n,
                                          GParamSpec   **pspecs,
                                          const GValue  *values,
                                          GError       **error);

G_END_DECLS
