/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-rel-script.h"

/* The edit script: the window's edits, chosen from a seed and the
 * document, through the same core calls the window makes. */

struct _PlRelScript
{
  PlDocument *doc;
  GRand      *rand;
  GPtrArray  *deleted;    /* PlRecord*: what Undo restores, last first */
  GHashTable *previous;   /* "id:property" -> text before the last typing there */
};

typedef struct {
  PlRecord   *record;
  const char *property;
} Target;

static const struct {
  PlRelEdit   kind;
  guint       weight;
  const char *name;
} edits[] = {
  { PL_REL_EDIT_TYPE,          38, "type" },
  { PL_REL_EDIT_ADD_ACTION,    10, "add-action" },
  { PL_REL_EDIT_ADD_OBJECTIVE,  3, "add-objective" },
  { PL_REL_EDIT_CAPTURE,       12, "capture" },
  { PL_REL_EDIT_DISPOSITION,   10, "disposition" },
  { PL_REL_EDIT_MOVE,           9, "move" },
  { PL_REL_EDIT_DELETE,         9, "delete" },
  { PL_REL_EDIT_UNDO,           6, "undo" },
  { PL_REL_EDIT_FLUSH,          3, "flush" },
};

const char *
pl_rel_edit_name (PlRelEdit kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    if (edits[i].kind == kind)
      return edits[i].name;
  return "?";
}

PlRelScript *
pl_rel_script_new (PlDocument *doc,
                   guint32     seed)
{
  PlRelScript *script = g_new0 (PlRelScript, 1);

  script->doc = g_object_ref (doc);
  script->rand = g_rand_new_with_seed (seed);
  script->deleted = g_ptr_array_new_with_free_func (g_object_unref);
  script->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return script;
}

void
pl_rel_script_free (PlRelScript *script)
{
  if (script == NULL)
    return;
  g_ptr_array_unref (script->deleted);
  g_hash_table_unref (script->previous);
  g_rand_free (script->rand);
  g_object_unref (script->doc);
  g_free (script);
}

static guint
pick (PlRelScript *script,
      guint        n)
{
  return n > 1 ? (guint) g_rand_int_range (script->rand, 0, (gint32) n) : 0;
}

static gpointer
pick_item (PlRelScript *script,
           GPtrArray   *array)
{
  return array->len ? array->pdata[pick (script, array->len)] : NULL;
}

static void
append_items (GPtrArray  *array,
              GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));
}

/* Every live record of the plan, by kind. */
static void
collect (PlDocument *doc,
         GPtrArray  *objectives,
         GPtrArray  *actions)
{
  GListModel *pillars = pl_document_get_pillars (doc);

  for (guint p = 0; p < g_list_model_get_n_items (pillars); p++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, p);
      GListModel *list = pl_document_get_objectives (doc, pillar);

      for (guint o = 0; o < g_list_model_get_n_items (list); o++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (list, o);

          if (objectives)
            g_ptr_array_add (objectives, g_object_ref (objective));
          if (actions)
            append_items (actions, pl_document_get_actions (doc, objective));
        }
    }
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

/* The way PlAutosave's write_binding() writes typed text: compare with what
 * the record holds and write the whole text with pl_record_set(). */
static gboolean
autosave_write (PlRecord    *record,
                const char  *property,
                const char  *text,
                GError     **error)
{
  g_autofree char *stored = NULL;

  g_object_get (record, property, &stored, NULL);
  if (g_strcmp0 (text, stored ? stored : "") != 0 &&
      !pl_record_set (record, error, property, text, NULL))
    return FALSE;
  return TRUE;
}

static gboolean
edit_type (PlRelScript  *script,
           guint         number,
           GError      **error)
{
  PlDocument *doc = script->doc;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *stored = NULL;
  g_autofree char *key = NULL;
  GString *text;
  Target target;
  guint choice;

  g_ptr_array_add (records, g_object_ref (pl_document_get_strategy (doc)));
  g_array_append_val (targets, ((Target) { records->pdata[0], "vision" }));
  append_items (records, pl_document_get_sections (doc));
  append_items (records, pl_document_get_pillars (doc));
  collect (doc, objectives, actions);
  for (guint i = 1; i < records->len; i++)
    {
      g_array_append_val (targets, ((Target) { records->pdata[i], "body" }));
      if (PL_IS_PILLAR (records->pdata[i]))
        g_array_append_val (targets, ((Target) { records->pdata[i], "summary" }));
    }
  for (guint i = 0; i < objectives->len; i++)
    g_array_append_val (targets, ((Target) { objectives->pdata[i], "description" }));
  for (guint i = 0; i < actions->len; i++)
    g_array_append_val (targets, ((Target) { actions->pdata[i], "title" }));

  target = g_array_index (targets, Target, pick (script, targets->len));
  g_object_get (target.record, target.property, &stored, NULL);
  text = g_string_new (stored);
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", G_OBJECT_TYPE_NAME (target.record),
                         pl_record_get_id (target.record), target.property);

  choice = pick (script, 10);
  if (choice == 9 && g_hash_table_contains (script->previous, key))
    {
      /* The text buffer's undo: back to before the last typing here. */
      g_string_assign (text, g_hash_table_lookup (script->previous, key));
    }
  else if (choice >= 7 && text->len > 0)
    {
      glong chars = g_utf8_strlen (text->str, -1);
      glong keep = MAX (0, chars - 1 - (glong) pick (script, 8));

      g_string_truncate (text, g_utf8_offset_to_pointer (text->str, keep) - text->str);
    }
  else
    {
      guint words = 1 + pick (script, 3);

      /* Select all and cut, now and then, so texts stay of a size. */
      if (text->len > 2400)
        g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 800) - text->str);
      for (guint i = 0; i < words; i++)
        g_string_append_printf (text, "%sw%u", text->len ? " " : "", number);
    }
  /* A title may not be empty. */
  if (text->len == 0 && g_str_equal (target.property, "title"))
    g_string_append_printf (text, "Action e%u", number);

  g_hash_table_replace (script->previous, g_steal_pointer (&key), g_strdup (stored ? stored : ""));
  if (!autosave_write (target.record, target.property, text->str, error))
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  g_string_free (text, TRUE);
  return TRUE;
}

static gboolean
edit_add_action (PlRelScript  *script,
                 guint         number,
                 GError      **error)
{
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlAction) action = NULL;
  g_autofree char *title = g_strdup_printf ("New action e%u", number);

  collect (script->doc, objectives, NULL);
  if (objectives->len == 0)
    return pl_rel_script_apply (script, PL_REL_EDIT_ADD_OBJECTIVE, number, error);
  action = pl_document_add (script->doc, PL_TYPE_ACTION, pick_item (script, objectives), -1, error,
                            "title", title, NULL);
  return action != NULL;
}

static gboolean
edit_add_objective (PlRelScript  *script,
                    guint         number,
                    GError      **error)
{
  GListModel *pillars = pl_document_get_pillars (script->doc);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autofree char *title = g_strdup_printf ("New objective e%u", number);

  if (n_items (pillars) == 0)
    {
      g_autoptr(PlPillar) added = pl_document_add (script->doc, PL_TYPE_PILLAR, NULL, -1, error,
                                                   "title", title, NULL);
      return added != NULL;
    }
  pillar = g_list_model_get_item (pillars, pick (script, n_items (pillars)));
  objective = pl_document_add (script->doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, error,
                               "title", title, NULL);
  return objective != NULL;
}

static gboolean
edit_capture (PlRelScript  *script,
              guint         number,
              GError      **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlFeedback) feedback = NULL;
  g_autofree char *text = g_strdup_printf ("Comment e%u on the draft", number);
  g_autofree char *quote = NULL;
  PlRecord *target;
  PlFeedbackKind kind = pick (script, 5);

  append_items (targets, pl_document_get_sections (script->doc));
  append_items (targets, pl_document_get_pillars (script->doc));
  collect (script->doc, targets, targets);
  target = pick (script, 8) == 0 ? NULL : pick_item (script, targets);
  if (target != NULL && (PL_IS_PILLAR (target) || PL_IS_SECTION (target)) && pick (script, 3) == 0)
    {
      g_autofree char *body = NULL;

      g_object_get (target, "body", &body, NULL);
      if (body != NULL && g_utf8_strlen (body, -1) > 12)
        quote = g_utf8_substring (body, 0, 12);
    }

  /* As the capture bar: its own transaction around the capture. */
  if (!pl_document_begin (script->doc, error))
    return FALSE;
  feedback = pl_document_add_feedback (script->doc, kind, text, target, quote, NULL, NULL, error);
  if (feedback == NULL)
    {
      pl_document_rollback (script->doc);
      return FALSE;
    }
  return pl_document_commit (script->doc, error);
}

static gboolean
edit_disposition (PlRelScript  *script,
                  guint         number,
                  GError      **error)
{
  GListModel *list = G_LIST_MODEL (pl_document_get_feedback (script->doc));
  g_autoptr(PlFeedback) feedback = NULL;
  g_autofree char *response = g_strdup_printf ("Response e%u", number);

  if (n_items (list) == 0)
    return edit_capture (script, number, error);
  feedback = g_list_model_get_item (list, pick (script, n_items (list)));
  return pl_record_set (PL_RECORD (feedback), error,
                        "disposition", (int) pick (script, 6),
                        "response", response, NULL);
}

static gboolean
edit_move (PlRelScript  *script,
           GError      **error)
{
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlRecord) record = NULL;
  GListModel *siblings = NULL;
  guint choice = pick (script, 10);

  collect (script->doc, objectives, NULL);
  if (choice < 6 && objectives->len > 0)
    siblings = pl_document_get_actions (script->doc, pick_item (script, objectives));
  else if (choice < 8)
    {
      GListModel *pillars = pl_document_get_pillars (script->doc);
      g_autoptr(PlPillar) pillar = NULL;

      if (n_items (pillars) > 0)
        {
          pillar = g_list_model_get_item (pillars, pick (script, n_items (pillars)));
          siblings = pl_document_get_objectives (script->doc, pillar);
        }
    }
  else if (choice < 9)
    siblings = pl_document_get_pillars (script->doc);
  else
    siblings = pl_document_get_sections (script->doc);

  if (siblings == NULL || n_items (siblings) < 2)
    return TRUE;
  record = g_list_model_get_item (siblings, pick (script, n_items (siblings)));
  return pl_document_move (script->doc, record, pick (script, n_items (siblings)), error);
}

static gboolean
edit_delete (PlRelScript  *script,
             guint         number,
             GError      **error)
{
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *feedback = G_LIST_MODEL (pl_document_get_feedback (script->doc));
  GListModel *pillars = pl_document_get_pillars (script->doc);
  g_autoptr(PlRecord) record = NULL;
  guint choice = pick (script, 20);

  collect (script->doc, objectives, actions);
  if (choice < 12 && actions->len > 0)
    record = g_object_ref (pick_item (script, actions));
  else if (choice < 17 && n_items (feedback) > 0)
    record = g_list_model_get_item (feedback, pick (script, n_items (feedback)));
  else if (choice < 19 && objectives->len > 2)
    record = g_object_ref (pick_item (script, objectives));
  else if (n_items (pillars) > 3)
    record = g_list_model_get_item (pillars, pick (script, n_items (pillars)));
  if (record == NULL)
    return edit_add_action (script, number, error);
  if (!pl_document_delete (script->doc, record, error))
    return FALSE;
  g_ptr_array_add (script->deleted, g_steal_pointer (&record));
  return TRUE;
}

static gboolean
edit_undo (PlRelScript  *script,
           guint         number,
           GError      **error)
{
  g_autoptr(PlRecord) record = NULL;

  if (script->deleted->len == 0)
    return edit_type (script, number, error);
  record = g_ptr_array_steal_index (script->deleted, script->deleted->len - 1);
  return pl_document_undelete (script->doc, record, error);
}

gboolean
pl_rel_script_apply (PlRelScript  *script,
                     PlRelEdit     kind,
                     guint         number,
                     GError      **error)
{
  switch (kind)
    {
    case PL_REL_EDIT_TYPE:
      return edit_type (script, number, error);
    case PL_REL_EDIT_ADD_ACTION:
      /* Keep the document of a size over hundreds of rounds. */
      if (pl_document_count (script->doc, "actions") > 150)
        return edit_delete (script, number, error);
      return edit_add_action (script, number, error);
    case PL_REL_EDIT_ADD_OBJECTIVE:
      if (pl_document_count (script->doc, "objectives") > 60)
        return edit_delete (script, number, error);
      return edit_add_objective (script, number, error);
    case PL_REL_EDIT_CAPTURE:
      if (pl_document_count (script->doc, "feedback") > 500)
        return edit_delete (script, number, error);
      return edit_capture (script, number, error);
    case PL_REL_EDIT_DISPOSITION:
      return edit_disposition (script, number, error);
    case PL_REL_EDIT_MOVE:
      return edit_move (script, error);
    case PL_REL_EDIT_DELETE:
      return edit_delete (script, number, error);
    case PL_REL_EDIT_UNDO:
      return edit_undo (script, number, error);
    case PL_REL_EDIT_FLUSH:
      return pl_document_flush (script->doc, error);
    case PL_REL_N_EDITS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
pl_rel_script_step (PlRelScript  *script,
                    guint         number,
                    const char  **what,
                    GError      **error)
{
  guint total = 0, choice;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    total += edits[i].weight;
  choice = pick (script, total);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      if (choice < edits[i].weight)
        {
          if (what)
            *what = edits[i].name;
          return pl_rel_script_apply (script, edits[i].kind, number, error);
        }
      choice -= edits[i].weight;
    }
  g_assert_not_reached ();
  return FALSE;
}
