/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlRecord (src/core/model/pl-record.c) on its own: no document, no file.
 * A fake PlRecordHost stands where the document would, so these tests show
 * what a record asks of its host and when. */
#include "config.h"

#include <string.h>

#include "pl-error.h"
#include "pl-pillar.h"
#include "pl-record-host.h"
#include "pl-record-loading.h"

/* ---- a host that remembers what it was asked ---- */

#define TEST_TYPE_HOST (test_host_get_type ())
G_DECLARE_FINAL_TYPE (TestHost, test_host, TEST, HOST, GObject)

struct _TestHost
{
  GObject   parent_instance;

  guint     updates;       /* calls to update */
  guint     last_n;        /* values in the last update */
  gboolean  fail_updates;
  guint     fetches;
  gboolean  fail_fetches;
  PlRecord *forgotten;     /* the last record forgotten (not a reference) */
  char     *read_failure;  /* the last message reported */
  char     *write_failure;
};

static void test_host_iface_init (PlRecordHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestHost, test_host, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_RECORD_HOST, test_host_iface_init))

static gboolean
test_host_fetch_field (PlRecordHost  *host,
                       PlRecord      *record,
                       GParamSpec    *pspec,
                       GValue        *value,
                       GError       **error)
{
  TestHost *self = TEST_HOST (host);

  self->fetches++;
  if (self->fail_fetches)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT, "no such table");
      return FALSE;
    }
  g_value_set_string (value, "Fetched body");
  return TRUE;
}

static gboolean
test_host_update (PlRecordHost  *host,
                  PlRecord      *record,
                  guint          n,
                  GParamSpec   **pspecs,
                  const GValue  *values,
                  GError       **error)
{
  TestHost *self = TEST_HOST (host);

  self->updates++;
  self->last_n = n;
  if (self->fail_updates)
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY, "read-only");
      return FALSE;
    }
  /* What the document does once the file has the values. */
  for (guint i = 0; i < n; i++)
    pl_record_load_value (record, pspecs[i], &values[i], TRUE);
  return TRUE;
}

static void
test_host_forget (PlRecordHost *host,
                  PlRecord     *record)
{
  TEST_HOST (host)->forgotten = record;
}

static void
test_host_report_read_failure (PlRecordHost *host,
                               const GError *error)
{
  TestHost *self = TEST_HOST (host);

  g_free (self->read_failure);
  self->read_failure = g_strdup (error->message);
}

static void
test_host_report_write_failure (PlRecordHost *host,
                                const GError *error)
{
  TestHost *self = TEST_HOST (host);

  g_free (self->write_failure);
  self->write_failure = g_strdup (error->message);
}

static void
test_host_iface_init (PlRecordHostInterface *iface)
{
  iface->fetch_field = test_host_fetch_field;
  iface->update = test_host_update;
  iface->forget = test_host_forget;
  iface->report_read_failure = test_host_report_read_failure;
  iface->report_write_failure = test_host_report_write_failure;
}

static void
test_host_finalize (GObject *object)
{
  TestHost *self = TEST_HOST (object);

  g_free (self->read_failure);
  g_free (self->write_failure);
  G_OBJECT_CLASS (test_host_parent_class)->finalize (object);
}

static void
test_host_class_init (TestHostClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_host_finalize;
}

static void
test_host_init (TestHost *self)
{
}

/* A pillar as the store would hand it over: row 1, attached to @host. */
static PlPillar *
stored_pillar (TestHost *host)
{
  PlPillar *pillar = g_object_new (PL_TYPE_PILLAR, "title", "Capacity", NULL);

  pl_record_set_identity (PL_RECORD (pillar), 1, "uuid-1", "2026-01-01", "2026-01-01");
  pl_record_attach (PL_RECORD (pillar), PL_RECORD_HOST (host));
  return pillar;
}

static guint
index_of (PlRecord   *record,
          const char *name)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_pspecs; i++)
    if (g_str_equal (g_param_spec_get_name (klass->pspecs[i]), name))
      return i;
  g_assert_not_reached ();
}

/* ---- tests ---- */

/* A record nobody keeps holds its values but cannot be written. */
static void
test_detached (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = g_object_new (PL_TYPE_PILLAR, "title", "Capacity", NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Capacity");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (pillar), "title"), ==, "Capacity");
  g_assert_null (pl_record_get_host (PL_RECORD (pillar)));
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", "x", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD);
  g_clear_error (&error);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "x");
  g_assert_false (pl_record_set_value (PL_RECORD (pillar), "no-such-field", &value, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (pillar), "no-such-field"), ==, 0);

  /* A lazy value with nobody to read it from: the default, and no warning. */
  pl_record_set_unloaded (PL_RECORD (pillar), index_of (PL_RECORD (pillar), "body"));
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "");
}

/* Setters write through the host, once per change. */
static void
test_update_through_host (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestHost) host = g_object_new (TEST_TYPE_HOST, NULL);
  g_autoptr(PlPillar) pillar = stored_pillar (host);

  g_assert_true (pl_record_get_host (PL_RECORD (pillar)) == PL_RECORD_HOST (host));
  g_object_set (pillar, "title", "Skills", NULL);
  g_assert_cmpuint (host->updates, ==, 1);
  g_assert_cmpuint (host->last_n, ==, 1);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Skills");

  /* The same value again is not a change. */
  g_object_set (pillar, "title", "Skills", NULL);
  g_assert_cmpuint (host->updates, ==, 1);

  /* Several values: one update. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "title", "People", "summary", "Trained", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (host->updates, ==, 2);
  g_assert_cmpuint (host->last_n, ==, 2);
  g_assert_cmpstr (pl_pillar_get_summary (pillar), ==, "Trained");
  g_assert_null (host->write_failure);

  pl_record_attach (PL_RECORD (pillar), NULL);
}

/* A setter has no GError to return: the host is told of the failure. */
static void
test_write_failure_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestHost) host = g_object_new (TEST_TYPE_HOST, NULL);
  g_autoptr(PlPillar) pillar = stored_pillar (host);

  host->fail_updates = TRUE;
  g_object_set (pillar, "title", "Skills", NULL);
  g_assert_cmpstr (host->write_failure, ==, "read-only");
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Capacity");

  /* pl_record_set () returns the error to its caller instead. */
  g_clear_pointer (&host->write_failure, g_free);
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", "Skills", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_assert_null (host->write_failure);

  pl_record_attach (PL_RECORD (pillar), NULL);
}

/* A lazy column is fetched from the host the first time it is read. */
static void
test_lazy_field (void)
{
  g_autoptr(TestHost) host = g_object_new (TEST_TYPE_HOST, NULL);
  g_autoptr(PlPillar) pillar = stored_pillar (host);
  guint body = index_of (PL_RECORD (pillar), "body");

  pl_record_set_unloaded (PL_RECORD (pillar), body);
  g_assert_cmpuint (host->fetches, ==, 0);
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "Fetched body");
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "Fetched body");
  g_assert_cmpuint (host->fetches, ==, 1);

  pl_record_attach (PL_RECORD (pillar), NULL);
}

/* A lazy column that cannot be read: the default value, and the host
 * hears why (a getter has no GError to return). */
static void
test_lazy_field_failure (void)
{
  g_autoptr(TestHost) host = g_object_new (TEST_TYPE_HOST, NULL);
  g_autoptr(PlPillar) pillar = stored_pillar (host);

  host->fail_fetches = TRUE;
  pl_record_set_unloaded (PL_RECORD (pillar), index_of (PL_RECORD (pillar), "body"));
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "");
  g_assert_cmpuint (host->fetches, ==, 1);
  g_assert_nonnull (host->read_failure);
  if (host->read_failure != NULL)
    {
      g_assert_nonnull (strstr (host->read_failure, "Could not show “body” (pillars)"));
      g_assert_nonnull (strstr (host->read_failure, "no such table"));
    }
  /* Not asked again at every read. */
  g_assert_cmpstr (pl_pillar_get_body (pillar), ==, "");
  g_assert_cmpuint (host->fetches, ==, 1);

  pl_record_attach (PL_RECORD (pillar), NULL);
}

/* A record going away tells its host, which keeps no reference to it. */
static void
test_forget (void)
{
  g_autoptr(TestHost) host = g_object_new (TEST_TYPE_HOST, NULL);
  PlPillar *pillar = stored_pillar (host);
  PlRecord *was = PL_RECORD (pillar);

  g_object_unref (pillar);
  g_assert_true (host->forgotten == was);

  /* Detached first, it does not. */
  host->forgotten = NULL;
  pillar = stored_pillar (host);
  pl_record_attach (PL_RECORD (pillar), NULL);
  g_object_unref (pillar);
  g_assert_null (host->forgotten);
}

static void
test_validate_value (void)
{
  g_autoptr(PlPillar) pillar = g_object_new (PL_TYPE_PILLAR, NULL);
  GParamSpec *title = g_object_class_find_property (G_OBJECT_GET_CLASS (pillar), "title");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "bad \xc3\x28");
  g_assert_false (pl_record_validate_value (title, &text, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_value_set_string (&text, "Good");
  g_assert_true (pl_record_validate_value (title, &text, &error));
  g_assert_no_error (error);

  g_value_init (&number, G_TYPE_INT64);
  g_value_set_int64 (&number, -1);
  g_assert_false (pl_record_validate_value (title, &number, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/record/detached", test_detached);
  g_test_add_func ("/record/update-through-host", test_update_through_host);
  g_test_add_func ("/record/write-failure-reported", test_write_failure_reported);
  g_test_add_func ("/record/lazy-field", test_lazy_field);
  g_test_add_func ("/record/lazy-field-failure", test_lazy_field_failure);
  g_test_add_func ("/record/forget", test_forget);
  g_test_add_func ("/record/validate-value", test_validate_value);

  return g_test_run ();
}
