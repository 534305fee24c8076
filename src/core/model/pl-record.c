/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "pl-error.h"
#include "pl-record-loading.h"
#include "pl-record-private.h"

typedef struct
{
  gint64        id;
  char         *uuid;
  char         *created_at;
  char         *updated_at;
  gint64        position;
  gboolean      deleted;
  guint64       unloaded;   /* bit i: values[i] is still in the file */
  gboolean      complete;   /* every slot of values is initialised */
  GValue       *values;
  char         *block;      /* the text of the row as loaded, see pl_record_adopt_block() */
  gsize         block_size;
  PlRecordHost *host;       /* unowned; the document detaches its records when it goes */
} PlRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PlRecord, pl_record, G_TYPE_OBJECT)

static gboolean
in_block (PlRecordPrivate *priv,
          const char      *s)
{
  return priv->block != NULL && (guintptr) s >= (guintptr) priv->block &&
         (guintptr) s < (guintptr) priv->block + priv->block_size;
}

/* Sets an identity string: kept as it is when it lies in the block. */
static void
replace_string (PlRecordPrivate  *priv,
                char            **slot,
                const char       *s)
{
  if (!in_block (priv, *slot))
    g_free (*slot);
  *slot = in_block (priv, s) ? (char *) s : g_strdup (s);
}

static GValue *
ensure_values (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  if (priv->values == NULL)
    priv->values = g_new0 (GValue, MAX (klass->n_pspecs, 1));
  /* Rows loaded from the file fill their slots directly; what is left
   * (a lazy column, a new record) starts at the property's default. */
  if (!priv->complete)
    {
      for (guint i = 0; i < klass->n_pspecs; i++)
        if (G_VALUE_TYPE (&priv->values[i]) == G_TYPE_INVALID)
          {
            g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
            g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
          }
      priv->complete = TRUE;
    }
  return priv->values;
}

/* The value of pspecs[@index], fetched from the file the first time a
 * lazy column is read. */
static GValue *
value_at (PlRecord *self,
          guint     index)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  GValue *values = ensure_values (self);

  if (G_UNLIKELY (priv->unloaded & ((guint64) 1 << index)))
    {
      PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
      g_autoptr(GError) error = NULL;

      priv->unloaded &= ~((guint64) 1 << index);
      if (priv->host == NULL)
        {
          /* Nobody to ask, nor to tell: the value stays at its default. */
          g_debug ("Could not read “%s” of a %s: it belongs to no document",
                   g_param_spec_get_name (klass->pspecs[index]), klass->table);
        }
      else if (!pl_record_host_fetch_field (priv->host, self, klass->pspecs[index], &values[index], &error))
        {
          /* A getter has no GError to return: the host tells the user. */
          g_prefix_error (&error, _("Could not show “%s” (%s): "),
                          g_param_spec_get_name (klass->pspecs[index]), klass->table);
          pl_record_host_report_read_failure (priv->host, error);
        }
    }
  return &values[index];
}

void
pl_record_class_set_lazy (PlRecordClass *klass,
                          const char    *first_property,
                          ...)
{
  va_list args;

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    for (guint i = 0; i < klass->n_pspecs; i++)
      if (g_str_equal (g_param_spec_get_name (klass->pspecs[i]), name))
        klass->lazy_mask |= (guint64) 1 << i;
  va_end (args);
}

static int
pspec_index (PlRecordClass *klass,
             const char    *name)
{
  for (guint i = 0; i < klass->n_pspecs; i++)
    if (g_str_equal (g_param_spec_get_name (klass->pspecs[i]), name))
      return (int) i;
  return -1;
}

void
pl_record_class_set_required (PlRecordClass *klass,
                              const char    *first_property,
                              ...)
{
  va_list args;

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      int i = pspec_index (klass, name);

      g_assert (i >= 0 && klass->pspecs[i]->value_type == G_TYPE_STRING);
      klass->required_mask |= (guint64) 1 << i;
    }
  va_end (args);
}

void
pl_record_class_set_either (PlRecordClass *klass,
                            const char    *first_property,
                            const char    *second_property)
{
  klass->either_first = pspec_index (klass, first_property);
  klass->either_second = pspec_index (klass, second_property);
  g_assert (klass->either_first >= 0 && klass->either_second >= 0);
}

void
pl_record_class_set_period (PlRecordClass *klass,
                            const char    *start_property,
                            const char    *end_property,
                            gboolean       years)
{
  klass->period_start = pspec_index (klass, start_property);
  klass->period_end = pspec_index (klass, end_property);
  klass->period_years = years;
  g_assert (klass->period_start >= 0 && klass->period_end >= 0);
}

void
pl_record_set_unloaded (PlRecord *self,
                        guint     index)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  priv->unloaded |= (guint64) 1 << index;
}

static void
pl_record_finalize (GObject *object)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_pspecs; i++)
        if (G_VALUE_TYPE (&priv->values[i]) != G_TYPE_INVALID)
          g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  if (priv->host != NULL)
    pl_record_host_forget (priv->host, self);
  replace_string (priv, &priv->uuid, NULL);
  replace_string (priv, &priv->created_at, NULL);
  replace_string (priv, &priv->updated_at, NULL);
  g_free (priv->block);

  G_OBJECT_CLASS (pl_record_parent_class)->finalize (object);
}

static void
pl_record_get_stored_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  if (prop_id == 0 || prop_id > klass->n_pspecs)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (value_at (self, prop_id - 1), value);
}

static void
pl_record_set_stored_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
  g_autoptr(GError) error = NULL;

  if (prop_id == 0 || prop_id > klass->n_pspecs)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  /* Not yet stored (being built): keep the value only. */
  if (priv->host == NULL || priv->id == 0)
    {
      pl_record_load_value (self, pspec, value, FALSE);
      return;
    }

  if (g_param_values_cmp (pspec, value, value_at (self, prop_id - 1)) == 0)
    return;

  if (!pl_record_host_update (priv->host, self, 1, &pspec, value, &error))
    pl_record_host_report_write_failure (priv->host, error);
}

void
pl_record_class_install (PlRecordClass *klass,
                         const char    *table,
                         const char    *parent_prop,
                         gboolean       ordered,
                         guint          n_props,
                         GParamSpec   **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pl_record_get_stored_property;
  object_class->set_property = pl_record_set_stored_property;
  g_object_class_install_properties (object_class, n_props, pspecs);

  klass->table = table;
  klass->parent_prop = parent_prop;
  klass->period_start = -1;
  klass->period_end = -1;
  klass->either_first = -1;
  klass->either_second = -1;
  klass->ordered = ordered;
  klass->pspecs = pspecs + 1;
  klass->n_pspecs = n_props - 1;
  for (guint i = 0; parent_prop != NULL && i < klass->n_pspecs; i++)
    if (g_str_equal (klass->pspecs[i]->name, parent_prop))
      klass->parent_index = i;
  g_assert (parent_prop == NULL || g_str_equal (klass->pspecs[klass->parent_index]->name, parent_prop));
}

static void
pl_record_class_init (PlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_record_finalize;
}

static void
pl_record_init (PlRecord *self)
{
}

gint64
pl_record_get_id (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  return priv->id;
}

const char *
pl_record_get_uuid (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->uuid;
}

const char *
pl_record_get_created_at (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->created_at;
}

const char *
pl_record_get_updated_at (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->updated_at;
}

gint64
pl_record_get_position (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  return priv->position;
}

gboolean
pl_record_is_deleted (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), FALSE);
  return priv->deleted;
}

PlRecordHost *
pl_record_get_host (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->host;
}

static GParamSpec *
find_stored_pspec (PlRecord    *self,
                   const char  *property,
                   guint       *index,
                   GError     **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);

  for (guint i = 0; pspec != NULL && i < klass->n_pspecs; i++)
    if (klass->pspecs[i] == pspec)
      {
        if (index)
          *index = i;
        return pspec;
      }

  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
               _("“%s” has no field “%s”"), G_OBJECT_TYPE_NAME (self), property);
  return NULL;
}

gboolean
pl_record_set_value (PlRecord      *self,
                     const char    *property,
                     const GValue  *value,
                     GError       **error)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  g_auto(GValue) converted = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (PL_IS_RECORD (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (!(pspec = find_stored_pspec (self, property, NULL, error)))
    return FALSE;

  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Field “%s” cannot hold a value of type %s"),
                   property, G_VALUE_TYPE_NAME (value));
      return FALSE;
    }

  if (priv->host == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The document of this record is closed"));
      return FALSE;
    }
  return pl_record_host_update (priv->host, self, 1, &pspec, &converted, error);
}

gboolean
pl_record_set (PlRecord    *self,
               GError     **error,
               const char  *first_property,
               ...)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  g_autoptr(GPtrArray) pspecs = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  const char *name;
  gboolean ok = FALSE;
  va_list args;

  g_return_val_if_fail (PL_IS_RECORD (self), FALSE);

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec;
      GValue value = G_VALUE_INIT;
      g_autofree char *collect_error = NULL;

      if (!(pspec = find_stored_pspec (self, name, NULL, error)))
        goto out;

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &collect_error);
      if (collect_error != NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                       "%s", collect_error);
          g_value_unset (&value);
          goto out;
        }
      g_ptr_array_add (pspecs, pspec);
      g_array_append_val (values, value);
    }

  if (priv->host == NULL)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                   _("The document of this record is closed"));
      goto out;
    }

  ok = pl_record_host_update (priv->host, self, pspecs->len,
                              (GParamSpec **) pspecs->pdata,
                              (GValue *) (gpointer) values->data, error);
out:
  va_end (args);
  return ok;
}

const char *
pl_record_get_string (PlRecord   *self,
                      const char *property)
{
  guint index;

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);

  if (!find_stored_pspec (self, property, &index, NULL) ||
      !G_VALUE_HOLDS_STRING (value_at (self, index)))
    return NULL;
  return g_value_get_string (value_at (self, index));
}

static gint64
value_as_int (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  /* Compared by type, not G_VALUE_HOLDS (): read for every row an export
   * writes. */
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (value);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (value);
  if (type == G_TYPE_INT)
    return g_value_get_int (value);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (value);
  return 0;
}

gint64
pl_record_get_int (PlRecord   *self,
                   const char *property)
{
  guint index;

  g_return_val_if_fail (PL_IS_RECORD (self), 0);

  if (!find_stored_pspec (self, property, &index, NULL))
    return 0;
  return value_as_int (value_at (self, index));
}

const char *
pl_record_get_string_by_id (PlRecord *self,
                            guint     prop_id)
{
  const char *s = g_value_get_string (value_at (self, prop_id - 1));

  return s ? s : "";
}

gint64
pl_record_get_int_by_id (PlRecord *self,
                         guint     prop_id)
{
  return value_as_int (&ensure_values (self)[prop_id - 1]);
}

GValue *
pl_record_get_loaded_values (PlRecord *self)
{
  return ensure_values (self);
}

GValue *
pl_record_peek_values (PlRecord *self)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  /* Whoever peeks at every value gets every value. */
  for (guint i = 0; i < klass->n_pspecs; i++)
    value_at (self, i);
  return ensure_values (self);
}

void
pl_record_load_value (PlRecord     *self,
                      GParamSpec   *pspec,
                      const GValue *value,
                      gboolean      notify)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  for (guint i = 0; i < klass->n_pspecs; i++)
    if (klass->pspecs[i] == pspec)
      {
        PlRecordPrivate *priv = pl_record_get_instance_private (self);

        priv->unloaded &= ~((guint64) 1 << i);
        if (notify && g_param_values_cmp (pspec, value, &values[i]) == 0)
          return;
        g_value_copy (value, &values[i]);
        if (notify)
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
        return;
      }
}

void
pl_record_take_value_at (PlRecord *self,
                         guint     index,
                         GValue   *value)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  /* No defaults first: the row fills the slots it has. */
  if (priv->values == NULL)
    priv->values = g_new0 (GValue, MAX (klass->n_pspecs, 1));
  if (G_VALUE_TYPE (&priv->values[index]) != G_TYPE_INVALID)
    g_value_unset (&priv->values[index]);
  priv->values[index] = *value;
  memset (value, 0, sizeof *value);
  priv->unloaded &= ~((guint64) 1 << index);
}

void
pl_record_set_identity (PlRecord   *self,
                        gint64      id,
                        const char *uuid,
                        const char *created_at,
                        const char *updated_at)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  priv->id = id;
  replace_string (priv, &priv->uuid, uuid);
  replace_string (priv, &priv->created_at, created_at);
  replace_string (priv, &priv->updated_at, updated_at);
}

void
pl_record_adopt_block (PlRecord *self,
                       char     *block,
                       gsize     size)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_if_fail (priv->block == NULL);
  priv->block = block;
  priv->block_size = size;
}

void
pl_record_set_updated_at (PlRecord   *self,
                          const char *updated_at)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  replace_string (priv, &priv->updated_at, updated_at);
}

void
pl_record_set_position (PlRecord *self,
                        gint64    position)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  priv->position = position;
}

void
pl_record_set_deleted (PlRecord *self,
                       gboolean  deleted)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  priv->deleted = !!deleted;
}

void
pl_record_attach (PlRecord     *self,
                  PlRecordHost *host)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  /* No weak pointer: with 20,000 records on one document, removing weak
   * pointers one by one is quadratic. The host detaches every record it
   * still knows when it goes away. */
  priv->host = host;
}

gint64
pl_record_get_parent_id (PlRecord *self)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  if (klass->parent_prop == NULL)
    return 0;
  return value_as_int (&ensure_values (self)[klass->parent_index]);
}

/* The class that declared @pspec, if it is a record class. */
static PlRecordClass *
owner_class (GParamSpec *pspec,
             int        *index)
{
  PlRecordClass *klass;

  if (!g_type_is_a (pspec->owner_type, PL_TYPE_RECORD) || pspec->owner_type == PL_TYPE_RECORD)
    return NULL;
  klass = g_type_class_peek (pspec->owner_type);
  if (klass == NULL)
    return NULL;
  *index = -1;
  for (guint i = 0; i < klass->n_pspecs; i++)
    if (klass->pspecs[i] == pspec)
      *index = (int) i;
  return *index >= 0 ? klass : NULL;
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static void
set_empty_error (GParamSpec  *pspec,
                 GError     **error)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "body"))
    g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                 _("The text cannot be empty; type what was said"));
  else
    g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                 _("The title cannot be empty; type a title"));
}

/* "YYYY-MM-DD" (a real day), or "YYYY" with @years. */
static gboolean
is_date (const char *s,
         gboolean    years)
{
  guint y, m, d;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (s, NULL, 10);
  if (s[4] == '\0')
    return years && y >= 1;
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-' ||
      !g_ascii_isdigit (s[5]) || !g_ascii_isdigit (s[6]) || !g_ascii_isdigit (s[8]) || !g_ascii_isdigit (s[9]))
    return FALSE;
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  return g_date_valid_dmy (d, m, y);
}

gboolean
pl_record_validate_value (GParamSpec    *pspec,
                          const GValue  *value,
                          GError       **error)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *s = g_value_get_string (value);
      const char *end = NULL;
      PlRecordClass *klass;
      int index;

      if (s != NULL && !g_utf8_validate (s, -1, &end))
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                       _("The text for “%s” is not valid UTF-8 (at byte %ld); convert it to UTF-8 and try again"),
                       g_param_spec_get_name (pspec), (long) (end - s));
          return FALSE;
        }
      if ((klass = owner_class (pspec, &index)) != NULL)
        {
          if ((klass->required_mask & ((guint64) 1 << index)) && is_blank (s))
            {
              set_empty_error (pspec, error);
              return FALSE;
            }
          if ((index == klass->period_start || index == klass->period_end) && s != NULL && *s != '\0' &&
              !is_date (s, klass->period_years))
            {
              g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                           klass->period_years ? _("“%s” is not a date; write it as YYYY-MM-DD, or a year as YYYY")
                                               : _("“%s” is not a date; write it as YYYY-MM-DD"),
                           s);
              return FALSE;
            }
        }
    }
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *eclass = g_type_class_peek (G_VALUE_TYPE (value));

      if (eclass && g_enum_get_value (eclass, g_value_get_enum (value)) == NULL)
        {
          g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                       _("%d is not a valid value for “%s”"),
                       g_value_get_enum (value), g_param_spec_get_name (pspec));
          return FALSE;
        }
    }
  else if (G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) < 0)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” cannot be negative"), g_param_spec_get_name (pspec));
      return FALSE;
    }
  return TRUE;
}

/* The value @self will have for pspecs[@index] after the change. */
static const GValue *
value_after (PlRecord      *self,
             guint          index,
             guint          n,
             GParamSpec   **pspecs,
             const GValue  *values)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  for (guint i = 0; i < n; i++)
    if (pspecs[i] == klass->pspecs[index])
      return &values[i];
  return value_at (self, index);
}

/* A date of a period as the first or last day it stands for. */
static char *
period_day (const char *date,
            gboolean    last)
{
  if (strlen (date) == 4)
    return g_strconcat (date, last ? "-12-31" : "-01-01", NULL);
  return g_strdup (date);
}

gboolean
pl_record_validate_record (PlRecord      *self,
                           guint          n,
                           GParamSpec   **pspecs,
                           const GValue  *values,
                           GError       **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
  gboolean touches_period = n == 0;
  gboolean touches_either = n == 0;

  if (n == 0)
    for (guint i = 0; i < klass->n_pspecs; i++)
      if ((klass->required_mask & ((guint64) 1 << i)) && is_blank (g_value_get_string (value_at (self, i))))
        {
          set_empty_error (klass->pspecs[i], error);
          return FALSE;
        }
  for (guint i = 0; i < n && klass->either_first >= 0; i++)
    touches_either |= pspecs[i] == klass->pspecs[klass->either_first] ||
                      pspecs[i] == klass->pspecs[klass->either_second];
  /* Only a change of these fields is refused: an old file's nameless
   * stakeholder can still have its other fields changed. */
  if (touches_either && klass->either_first >= 0 &&
      is_blank (g_value_get_string (value_after (self, klass->either_first, n, pspecs, values))) &&
      is_blank (g_value_get_string (value_after (self, klass->either_second, n, pspecs, values))))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                   _("A stakeholder needs a name or an organisation; type at least one"));
      return FALSE;
    }
  for (guint i = 0; i < n && klass->period_start >= 0; i++)
    touches_period |= pspecs[i] == klass->pspecs[klass->period_start] ||
                      pspecs[i] == klass->pspecs[klass->period_end];
  if (touches_period && klass->period_start >= 0)
    {
      const char *start = g_value_get_string (value_after (self, klass->period_start, n, pspecs, values));
      const char *end = g_value_get_string (value_after (self, klass->period_end, n, pspecs, values));

      if (start != NULL && *start != '\0' && end != NULL && *end != '\0' &&
          is_date (start, klass->period_years) && is_date (end, klass->period_years))
        {
          g_autofree char *first = period_day (start, FALSE);
          g_autofree char *last = period_day (end, TRUE);

          if (strcmp (first, last) > 0)
            {
              g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE,
                           _("The start (%s) is after the end (%s); change one of them"), start, end);
              return FALSE;
            }
        }
    }
  return TRUE;
}
