/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlFeedbackList when its query changes (the feedback pane's filters and
 * search): a view is told only of the span that differs, and what it is
 * told adds up to the new list; the items are the same whether every item
 * was read into memory first (pl_feedback_list_preload) or not; searching
 * ignores case and accents and combines with the filters; the counts are
 * right after each change, a capture and a delete. */
#include "config.h"

#include "pl-document.h"
#include "pl-test-util.h"

typedef struct {
  char          *dir;
  PlDocument    *doc;
  PlFeedback    *items[12];
} Fixture;

static const char *const texts[] = {
  "Fund a national CSIRT staffing plan.",
  "Cybersécurité des écoles : former les enseignants.",
  "Who pays for the training?",
  "Publish the incident reporting plan every year.",
  "CYBER HYGIENE for small businesses.",
  "The banks support the awareness campaign.",
  "Add a deadline to the plan.",
  "Schools need cyber clubs.",
  "Why not a regional hub?",
  "Planning should involve the regulator.",
  "Support from the university sector.",
  "Objection: the timeline is too short.",
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = pl_test_make_dir ();
  f->doc = pl_test_new_document (f->dir, "list.pillars", PL_TEMPLATE_EMPTY);
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    {
      g_autoptr(GError) error = NULL;

      /* Kinds in turn: comment, question, recommendation, … */
      f->items[i] = pl_document_add_feedback (f->doc, (PlFeedbackKind) (i % 3), texts[i], NULL, NULL,
                                              NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (f->items[i]);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_clear_object (&f->items[i]);
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
}

/* What a view knows of the list: ids, kept up to date from items-changed
 * alone, and the spans it was told of. */
typedef struct {
  GArray *ids;
  guint   signals;
  guint   last_position, last_removed, last_added;
} Mirror;

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(PlFeedback) fb = g_list_model_get_item (model, position);

  g_assert_nonnull (fb);
  return pl_record_get_id (PL_RECORD (fb));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *m)
{
  g_assert_cmpuint (position + removed, <=, m->ids->len);
  g_array_remove_range (m->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = id_at (model, position + i);

      g_array_insert_val (m->ids, position + i, id);
    }
  m->signals++;
  m->last_position = position;
  m->last_removed = removed;
  m->last_added = added;
}

static void
mirror_fill (Mirror     *m,
             GListModel *model)
{
  m->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gint64 id = id_at (model, i);

      g_array_append_val (m->ids, id);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), m);
}

/* The list agrees with the view's picture of it, and with a list made
 * afresh for the same query (read a page at a time, nothing preloaded). */
static void
assert_agrees (Fixture        *f,
               PlFeedbackList *list,
               Mirror         *m)
{
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(PlFeedbackList) fresh = pl_feedback_list_new (f->doc, pl_feedback_list_get_query (list));
  guint n = g_list_model_get_n_items (model);
  guint open = 0;

  g_assert_cmpuint (m->ids->len, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (model, i);

      g_assert_cmpint (g_array_index (m->ids, gint64, i), ==, pl_record_get_id (PL_RECORD (fb)));
      g_assert_cmpint (id_at (G_LIST_MODEL (fresh), i), ==, pl_record_get_id (PL_RECORD (fb)));
      open += pl_feedback_get_disposition (fb) == PL_DISPOSITION_OPEN;
    }
  g_assert_null (g_list_model_get_item (model, n));
  g_assert_cmpuint (pl_feedback_list_get_open_count (list), ==, open);
  g_assert_cmpuint (pl_feedback_list_get_open_count (fresh), ==, open);
}

static void
set_query (PlFeedbackList *list,
           int             kind,
           const char     *text)
{
  g_autoptr(GError) error = NULL;
  PlFeedbackQuery q;

  pl_feedback_query_init (&q);
  q.kind = kind;
  q.text = g_strdup (text);
  g_assert_true (pl_feedback_list_set_query (list, &q, &error));
  g_assert_no_error (error);
  pl_feedback_query_clear (&q);
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  gboolean preload = GPOINTER_TO_INT (data);
  g_autoptr(PlFeedbackList) list = pl_feedback_list_new (f->doc, NULL);
  g_autoptr(GError) error = NULL;
  Mirror m = { 0 };
  struct {
    int         kind;
    const char *text;
    guint       n;
  } steps[] = {
    { PL_FEEDBACK_QUESTION, NULL, 4 },
    { PL_FEEDBACK_RECOMMENDATION, NULL, 4 },
    { -1, "plan", 4 },            /* the last word begins words: "plan", "Planning" */
    { -1, "pla", 4 },
    { -1, "PLAN", 4 },            /* case */
    { -1, "ecoles", 1 },          /* accents: "écoles" */
    { -1, "cyber", 3 },           /* "Cybersécurité", "CYBER", "cyber" */
    { PL_FEEDBACK_RECOMMENDATION, "support", 1 },  /* filter and search together */
    { -1, "cyber schools", 1 },   /* every word, whole but the last */
    { -1, "zebra", 0 },
    { -1, NULL, 12 },
  };

  if (preload)
    pl_feedback_list_preload (list);
  mirror_fill (&m, G_LIST_MODEL (list));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      set_query (list, steps[i].kind, steps[i].text);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, steps[i].n);
      assert_agrees (f, list, &m);
    }

  /* The same query again: nothing to tell. */
  m.signals = 0;
  set_query (list, -1, NULL);
  g_assert_cmpuint (m.signals, ==, 0);

  /* Only the span that differs: the newest item is a recommendation and
   * stays first; the oldest is a comment and stays last. */
  set_query (list, PL_FEEDBACK_RECOMMENDATION, NULL);
  g_assert_cmpuint (m.signals, ==, 1);
  g_assert_cmpuint (m.last_position, ==, 1);
  assert_agrees (f, list, &m);
  set_query (list, -1, NULL);
  assert_agrees (f, list, &m);
  set_query (list, PL_FEEDBACK_COMMENT, NULL);
  g_assert_cmpuint (m.last_position, ==, 0);
  g_assert_cmpuint (m.last_removed, ==, 11);
  g_assert_cmpuint (m.last_added, ==, 3);
  assert_agrees (f, list, &m);

  /* A capture, an answer and a delete under a query, then back to all. */
  {
    g_autoptr(PlFeedback) fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "Cyber drills each year.",
                                                         NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (id_at (G_LIST_MODEL (list), 0), ==, pl_record_get_id (PL_RECORD (fb)));
    assert_agrees (f, list, &m);
  }
  g_assert_true (pl_record_set (PL_RECORD (f->items[0]), &error, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL));
  g_assert_no_error (error);
  assert_agrees (f, list, &m);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (f->items[3]), &error));
  g_assert_no_error (error);
  assert_agrees (f, list, &m);
  set_query (list, -1, "cyber");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  assert_agrees (f, list, &m);
  set_query (list, -1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
  assert_agrees (f, list, &m);

  g_signal_handlers_disconnect_by_func (list, items_changed_cb, &m);
  g_array_unref (m.ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/feedback-list/changes", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_changes, fixture_tear_down);
  g_test_add ("/feedback-list/changes-preloaded", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_changes, fixture_tear_down);
  return g_test_run ();
}
