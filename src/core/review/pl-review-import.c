/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-review-import.h"
#include "pl-review-private.h"
#include "pl-document-bulk.h"
#include "pl-document-history.h"
#include "pl-import-draft.h"

/*
 * Returned review copies become feedback. Each comment or tracked change
 * is placed by the hidden anchor it lies under; when a re-save by another
 * program lost the anchors, by its quoted passage, then by the heading
 * above it, and the preview says so. Nothing is written before apply().
 */

#define MAX_FILE_SIZE (64 * 1024 * 1024)

typedef struct {
  PlReviewItem   view;
  PlReviewEntry *entry;      /* owned */
  char          *file;
  char          *captured_at;
  char          *key;
} Item;

static void
item_free (Item *item)
{
  pl_review_entry_free (item->entry);
  g_free (item->file);
  g_free (item->captured_at);
  g_free (item->key);
  g_clear_object (&item->view.target);
  g_clear_object (&item->view.pillar);
  g_free (item);
}

struct _PlReviewImport
{
  GObject      parent_instance;

  PlDocument  *document;
  PlWorkshop  *workshop;
  char        *organisation;
  gboolean     force;
  GPtrArray   *items;      /* Item */
  GPtrArray   *notes;      /* char*, NULL-terminated on demand */
  GHashTable  *anchors;    /* hex -> PlRecord */
  GHashTable  *existing;   /* key -> GUINT count of items already in the document */
  GHashTable  *reviewers;  /* folded name -> GINT (1 in registry, 0 new) */
};

G_DEFINE_FINAL_TYPE (PlReviewImport, pl_review_import, G_TYPE_OBJECT)

static void
pl_review_import_finalize (GObject *object)
{
  PlReviewImport *self = PL_REVIEW_IMPORT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->workshop);
  g_free (self->organisation);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->notes);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_hash_table_unref (self->reviewers);
  G_OBJECT_CLASS (pl_review_import_parent_class)->finalize (object);
}

static void
pl_review_import_class_init (PlReviewImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_review_import_finalize;
}

static void
pl_review_import_init (PlReviewImport *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->reviewers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PlReviewImport *
pl_review_import_new (PlDocument *document)
{
  PlReviewImport *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  self = g_object_new (PL_TYPE_REVIEW_IMPORT, NULL);
  self->document = g_object_ref (document);
  return self;
}

void
pl_review_import_set_organisation (PlReviewImport *self,
                                   const char     *organisation)
{
  g_return_if_fail (PL_IS_REVIEW_IMPORT (self));
  g_free (self->organisation);
  self->organisation = g_strdup (organisation);
}

void
pl_review_import_set_workshop (PlReviewImport *self,
                               PlWorkshop     *workshop)
{
  g_return_if_fail (PL_IS_REVIEW_IMPORT (self));
  g_set_object (&self->workshop, workshop);
}

void
pl_review_import_set_force_other_strategy (PlReviewImport *self,
                                           gboolean        force)
{
  g_return_if_fail (PL_IS_REVIEW_IMPORT (self));
  self->force = force;
}

/* ---- what the document already holds ---- */

static char *
hex_of (const char *uuid)
{
  GString *out = g_string_new (NULL);

  for (const char *p = uuid ? uuid : ""; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static char *
fold (const char *text)
{
  g_autofree char *squeezed = pl_review_squeeze (text);
  g_autofree char *normal = g_utf8_normalize (squeezed, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

static void
index_anchors (PlReviewImport *self)
{
  GListModel *pillars = pl_document_get_pillars (self->document);

  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (self->document, pillar);

      g_hash_table_insert (self->anchors, hex_of (pl_record_get_uuid (PL_RECORD (pillar))), g_object_ref (pillar));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (self->document, objective);

          g_hash_table_insert (self->anchors, hex_of (pl_record_get_uuid (PL_RECORD (objective))), g_object_ref (objective));
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            {
              g_autoptr(PlRecord) action = g_list_model_get_item (actions, k);

              g_hash_table_insert (self->anchors, hex_of (pl_record_get_uuid (action)), g_object_ref (action));
            }
        }
    }
}

static char *
make_key (PlFeedbackOrigin  origin,
          const char       *author,
          const char       *text,
          const char       *quote,
          const char       *proposal)
{
  g_autofree char *who = fold (author);
  g_autofree char *q = pl_review_squeeze (quote);
  g_autofree char *p = pl_review_squeeze (proposal);

  /* An amendment's text is ours (translated), not the reviewer's. */
  if (origin != PL_FEEDBACK_ORIGIN_REVIEW_COMMENT)
    text = "";
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s\x1f%s", origin, who, text ? text : "", q, p);
}

/* One query for what earlier imports added, not a walk through the
 * feedback list (20,000 items loaded page by page, for each file). */
static gboolean
index_existing (PlReviewImport  *self,
                GError         **error)
{
  g_autoptr(GPtrArray) rows = pl_document_review_feedback (self->document, error);

  if (rows == NULL)
    return FALSE;
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      PlStoreReviewRow *row = rows->pdata[i];
      int origin;
      char *key;

      if (!pl_enum_from_nick (PL_TYPE_FEEDBACK_ORIGIN, row->origin, &origin))
        continue;
      key = make_key (origin, row->stakeholder, row->body, row->quote, row->proposal);
      g_hash_table_insert (self->existing, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->existing, key)) + 1));
    }
  return TRUE;
}

/* ---- placing ---- */

static void
place_by_heading (PlReviewImport *self,
                  Item           *item)
{
  g_autofree char *heading = fold (item->entry->heading);
  GHashTableIter iter;
  gpointer value;
  PlRecord *best = NULL;
  gsize best_len = 0;

  if (*heading == '\0')
    return;
  /* The heading ends with the title; numbering ("2.1", "Pillar 2:") before it. */
  g_hash_table_iter_init (&iter, self->anchors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *title = NULL;
      g_autofree char *folded = NULL;
      gsize len;

      g_object_get (value, "title", &title, NULL);
      folded = fold (title);
      len = strlen (folded);
      if (len > best_len && g_str_has_suffix (heading, folded))
        {
          best = value;
          best_len = len;
        }
    }
  if (best != NULL)
    {
      item->view.target = g_object_ref (best);
      item->view.placement = PL_REVIEW_PLACED_BY_HEADING;
    }
}

static void
place (PlReviewImport *self,
       Item           *item)
{
  PlReviewEntry *e = item->entry;
  PlRecord *record = e->anchor ? g_hash_table_lookup (self->anchors, e->anchor) : NULL;

  item->view.placement = PL_REVIEW_PLACED_ON_STRATEGY;
  if (e->target != NULL)
    {
      /* An untracked edit: found in the unit it was compared with. */
      item->view.target = g_object_ref (e->target);
      item->view.placement = e->by_heading ? PL_REVIEW_PLACED_BY_HEADING : PL_REVIEW_PLACED_BY_ANCHOR;
    }
  else if (record != NULL)
    {
      item->view.target = g_object_ref (record);
      item->view.placement = PL_REVIEW_PLACED_BY_ANCHOR;
    }
  else if (e->strategy_anchor && e->anchor == NULL)
    item->view.placement = PL_REVIEW_PLACED_BY_ANCHOR;
  else if (e->quote && *e->quote)
    {
      g_autoptr(PlFeedback) probe = g_object_new (PL_TYPE_FEEDBACK, "quote", e->quote, NULL);
      g_autoptr(PlRecord) found = NULL;
      const char *property;
      gsize start, end;

      if (pl_review_find_passage (self->document, probe, &found, &property, &start, &end, NULL))
        {
          if (!PL_IS_STRATEGY (found))
            item->view.target = g_steal_pointer (&found);
          item->view.placement = PL_REVIEW_PLACED_BY_TEXT;
        }
    }
  if (item->view.placement == PL_REVIEW_PLACED_ON_STRATEGY)
    place_by_heading (self, item);
  if (item->view.target != NULL)
    item->view.pillar = pl_document_get_pillar_of (self->document, item->view.target);
}

static char *
normal_date (const char *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  dt = g_date_time_new_from_iso8601 (date, utc);
  if (dt == NULL)
    return g_strdup ("");
  in_utc = g_date_time_to_utc (dt);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
note (PlReviewImport *self,
      const char     *file,
      const char     *line)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", file, line);

  if (self->notes->len > 0 && self->notes->pdata[self->notes->len - 1] == NULL)
    g_ptr_array_set_size (self->notes, self->notes->len - 1);
  /* The same cut name on every comment of one reviewer is said once. */
  for (guint i = 0; i < self->notes->len; i++)
    if (g_str_equal (self->notes->pdata[i], text))
      return;
  g_ptr_array_add (self->notes, g_steal_pointer (&text));
}

gboolean
pl_review_import_add_bytes (PlReviewImport  *self,
                            GBytes          *bytes,
                            const char      *name,
                            GError         **error)
{
  g_autofree char *base = g_path_get_basename (name ? name : "review.docx");
  g_autofree char *ours = NULL;
  PlReviewFile file = { 0 };
  PlImportFormat format;
  gboolean ok;
  guint by_text = 0, on_strategy = 0, already = 0;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!pl_import_sniff (bytes, name, &format, error))
    return FALSE;
  if (format == PL_IMPORT_FORMAT_MARKDOWN)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is not a Word or OpenDocument file. Choose the review copy the reviewer sent back (.docx or .odt)."), base);
      return FALSE;
    }
  file.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_review_entry_free);
  file.skips = g_ptr_array_new_with_free_func (g_free);
  ok = pl_review_read_docx (bytes, &file, error);
  if (!ok && error && *error && g_error_matches (*error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED))
    {
      g_clear_error (error);
      ok = pl_review_read_odt (bytes, &file, error);
    }
  if (!ok)
    {
      pl_review_file_clear (&file);
      return FALSE;
    }

  ours = hex_of (pl_record_get_uuid (PL_RECORD (pl_document_get_strategy (self->document))));
  if (file.strategy_anchor && !g_str_equal (file.strategy_anchor, ours) && !self->force)
    {
      pl_review_file_clear (&file);
      g_set_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_OTHER_STRATEGY,
                   _("“%s” is a review copy of another strategy, not of this one. Choose the copy made from this file, "
                     "or import it anyway (its comments are then placed by their text only)."), base);
      return FALSE;
    }
  if (self->anchors == NULL)
    index_anchors (self);
  if (self->existing == NULL && !index_existing (self, error))
    {
      pl_review_file_clear (&file);
      return FALSE;
    }

  /* A copy of another strategy (imported anyway) is not its text. */
  if (file.strategy_anchor == NULL || g_str_equal (file.strategy_anchor, ours))
    {
      /* Untracked edits are the last author's: the file's properties say
       * who saved it, else the organisation it came from, else the file. */
      g_autofree char *who = pl_review_author_name (file.modified_by ? file.modified_by
                                                    : self->organisation && *self->organisation ? self->organisation
                                                    : base, file.skips);

      pl_review_find_untracked (self->document, &file, self->anchors, who);
    }
  for (guint i = 0; i < file.skips->len; i++)
    note (self, base, file.skips->pdata[i]);
  if (file.n_anchors == 0 && file.strategy_anchor == NULL && file.entries->len > 0)
    note (self, base, _("The copy has no hidden anchors (it was not exported for review, or another program "
                        "removed them); every item was placed by its text."));

  for (guint i = 0; i < file.entries->len; i++)
    {
      Item *item = g_new0 (Item, 1);
      PlReviewEntry *e = file.entries->pdata[i];
      guint count;

      file.entries->pdata[i] = NULL;
      item->entry = e;
      item->file = g_strdup (base);
      item->captured_at = normal_date (e->date);
      if (file.strategy_anchor && !g_str_equal (file.strategy_anchor, ours))
        {
          /* Forced: the anchors name another strategy's records. */
          g_clear_pointer (&e->anchor, g_free);
          e->strategy_anchor = FALSE;
        }
      place (self, item);
      item->key = make_key (e->origin, e->author, e->text, e->quote, e->proposal);
      /* The n-th same item matches the n-th already in the document. */
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->existing, item->key));
      if (count > 0)
        {
          item->view.already_there = TRUE;
          g_hash_table_insert (self->existing, g_strdup (item->key), GUINT_TO_POINTER (count - 1));
          already++;
        }
      else
        {
          g_autofree char *who = fold (e->author);

          if (!g_hash_table_contains (self->reviewers, who))
            {
              g_autoptr(PlStakeholder) known = pl_document_find_stakeholder (self->document, e->author);
              g_hash_table_insert (self->reviewers, g_steal_pointer (&who), GINT_TO_POINTER (known != NULL));
            }
        }
      if (!item->view.already_there)
        {
          /* Front-matter sections carry no anchors: found by their headings. */
          if ((item->view.placement == PL_REVIEW_PLACED_BY_TEXT || item->view.placement == PL_REVIEW_PLACED_BY_HEADING)
              && !(e->target != NULL && PL_IS_SECTION (e->target)))
            by_text++;
          else if (item->view.placement == PL_REVIEW_PLACED_ON_STRATEGY && e->anchor == NULL && !e->strategy_anchor)
            on_strategy++;
        }
      item->view.file = item->file;
      item->view.author = e->author;
      item->view.captured_at = item->captured_at;
      item->view.kind = e->kind;
      item->view.origin = e->origin;
      item->view.operation = e->operation;
      item->view.text = e->text;
      item->view.quote = e->quote;
      item->view.proposal = e->proposal;
      item->view.n_replies = e->n_replies;
      g_ptr_array_add (self->items, item);
    }
  if (by_text > 0 && file.n_anchors > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("%u item lost its hidden anchor and was placed by its text or heading.",
                                                         "%u items lost their hidden anchors and were placed by their text or heading.",
                                                         by_text), by_text);
      note (self, base, line);
    }
  if (on_strategy > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("%u item is outside every pillar, objective and action and could not be placed by its text; it is about the strategy as a whole.",
                                                         "%u items are outside every pillar, objective and action and could not be placed by their text; they are about the strategy as a whole.",
                                                         on_strategy), on_strategy);
      note (self, base, line);
    }
  if (already > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("%u item was imported before; it is not added again.",
                                                         "%u items were imported before; they are not added again.",
                                                         already), already);
      note (self, base, line);
    }
  pl_review_file_clear (&file);
  return TRUE;
}

gboolean
pl_review_import_add_file (PlReviewImport  *self,
                           const char      *path,
                           GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), FALSE);

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name and the folder."), path);
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” is a folder. Choose the returned review copy inside it."), path);
      return FALSE;
    }
  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than 64 MB, too large for a review copy. Check that this is the right file."), path);
      return FALSE;
    }
  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” could not be read: %s"), path, local->message);
      return FALSE;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return pl_review_import_add_bytes (self, bytes, path, error);
}

guint
pl_review_import_get_n_items (PlReviewImport *self)
{
  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), 0);
  return self->items->len;
}

const PlReviewItem *
pl_review_import_get_item (PlReviewImport *self,
                           guint           index)
{
  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &((Item *) self->items->pdata[index])->view;
}

guint
pl_review_import_count_new (PlReviewImport *self,
                            PlFeedbackKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (!item->view.already_there && item->view.kind == kind)
        n++;
    }
  return n;
}

guint
pl_review_import_count_new_reviewers (PlReviewImport *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), 0);
  g_hash_table_iter_init (&iter, self->reviewers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) == 0)
      n++;
  return n;
}

const char * const *
pl_review_import_get_notes (PlReviewImport *self)
{
  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), NULL);
  /* NULL-terminated; note() takes the terminator off before appending. */
  if (self->notes->len == 0 || self->notes->pdata[self->notes->len - 1] != NULL)
    g_ptr_array_add (self->notes, NULL);
  return (const char * const *) self->notes->pdata;
}

/* ---- the preview ---- */

typedef struct {
  const char *label;     /* the pillar's title, or NULL: the rest */
  guint       comments, amendments;
} Group;

static char *
counts (guint comments,
        guint amendments)
{
  g_autofree char *c = g_strdup_printf (ngettext ("%u comment", "%u comments", comments), comments);
  g_autofree char *a = g_strdup_printf (ngettext ("%u amendment", "%u amendments", amendments), amendments);

  if (comments && amendments)
    /* Translators: "3 comments, 2 amendments" */
    return g_strdup_printf (_("%s, %s"), c, a);
  return g_strdup (comments ? c : a);
}

char *
pl_review_import_format_preview (PlReviewImport *self)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  const char * const *notes;
  guint total = 0;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), NULL);

  /* Reviewers in the order they first appear. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      gboolean seen = FALSE;

      if (item->view.already_there)
        continue;
      total++;
      for (guint a = 0; a < authors->len && !seen; a++)
        seen = g_str_equal (authors->pdata[a], item->view.author);
      if (!seen)
        g_ptr_array_add (authors, (gpointer) item->view.author);
    }
  {
    g_autofree char *all = counts (pl_review_import_count_new (self, PL_FEEDBACK_COMMENT),
                                   pl_review_import_count_new (self, PL_FEEDBACK_AMENDMENT));
    guint reviewers = pl_review_import_count_new_reviewers (self);

    if (total == 0)
      g_string_append_printf (out, "%s\n", _("Nothing new to import."));
    else
      g_string_append_printf (out, ngettext ("To add: %s from %u reviewer", "To add: %s from %u reviewers", authors->len),
                              all, authors->len);
    if (total > 0 && reviewers > 0)
      g_string_append_printf (out, ngettext (" (%u new to the stakeholder registry).\n",
                                             " (%u new to the stakeholder registry).\n", reviewers), reviewers);
    else if (total > 0)
      g_string_append (out, ".\n");
  }
  for (guint a = 0; a < authors->len; a++)
    {
      g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
      guint comments = 0, amendments = 0, untracked = 0;
      g_autofree char *line = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = self->items->pdata[i];
          const char *label;
          Group *group = NULL;

          if (item->view.already_there || !g_str_equal (item->view.author, authors->pdata[a]))
            continue;
          label = item->view.pillar ? pl_pillar_get_title (item->view.pillar) : NULL;
          for (guint g = 0; g < groups->len && group == NULL; g++)
            if (g_strcmp0 (g_array_index (groups, Group, g).label, label) == 0)
              group = &g_array_index (groups, Group, g);
          if (group == NULL)
            {
              Group fresh = { label, 0, 0 };

              g_array_append_val (groups, fresh);
              group = &g_array_index (groups, Group, groups->len - 1);
            }
          if (item->view.origin == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
            untracked++;
          if (item->view.kind == PL_FEEDBACK_AMENDMENT)
            group->amendments++, amendments++;
          else
            group->comments++, comments++;
        }
      line = counts (comments, amendments);
      if (untracked > 0)
        {
          /* The amendments found by comparing the copy with the strategy. */
          g_autofree char *with = g_strdup_printf (ngettext ("%s (%u untracked edit)", "%s (%u untracked edits)", untracked),
                                                   line, untracked);

          g_free (line);
          line = g_steal_pointer (&with);
        }
      g_string_append_printf (out, "%s: %s\n", (const char *) authors->pdata[a], line);
      for (guint g = 0; g < groups->len; g++)
        {
          Group *group = &g_array_index (groups, Group, g);
          g_autofree char *what = counts (group->comments, group->amendments);

          if (group->label)
            /* Translators: "  Pillar “Resilient infrastructure”: 2 comments" */
            g_string_append_printf (out, _("  Pillar “%s”: %s\n"), group->label, what);
          else
            g_string_append_printf (out, _("  The strategy as a whole and its sections: %s\n"), what);
        }
    }
  notes = pl_review_import_get_notes (self);
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (out, "%s\n", notes[i]);
  return g_string_free (out, FALSE);
}

/* ---- writing ---- */

static gboolean
add_item (PlReviewImport  *self,
          Item            *item,
          GHashTable      *stakeholders,
          GError         **error)
{
  PlReviewEntry *e = item->entry;
  g_autofree char *who = fold (e->author);
  PlStakeholder *stakeholder = g_hash_table_lookup (stakeholders, who);
  g_autoptr(PlFeedback) fb = NULL;
  g_autofree char *body = NULL;
  const char *text = e->text;

  if (stakeholder == NULL)
    {
      stakeholder = pl_document_find_stakeholder (self->document, e->author);
      /* Nobody agreed to be named in exports by commenting on a copy. */
      if (stakeholder == NULL)
        stakeholder = pl_document_add (self->document, PL_TYPE_STAKEHOLDER, NULL, -1, error,
                                       "name", e->author,
                                       "organisation", self->organisation ? self->organisation : "",
                                       "may-be-named", FALSE,
                                       NULL);
      if (stakeholder == NULL)
        return FALSE;
      g_hash_table_insert (stakeholders, g_steal_pointer (&who), stakeholder);
    }
  if (e->kind == PL_FEEDBACK_AMENDMENT)
    {
      if (e->origin == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
        body = g_strdup_printf (_("Edited without tracking in the returned copy “%s”."), item->file);
      else
        body = g_strdup_printf (_("Tracked change in the returned copy “%s”."), item->file);
      text = body;
    }
  /* One write: a copy brings thousands of items. */
  fb = pl_document_add_review_feedback (self->document, e->kind, text, item->view.target,
                                        e->quote, self->workshop, stakeholder, e->origin,
                                        e->proposal, e->operation, item->captured_at, error);
  return fb != NULL;
}

gboolean
pl_review_import_apply (PlReviewImport  *self,
                        guint           *added,
                        GError         **error)
{
  g_autoptr(GHashTable) stakeholders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint n = 0;
  gboolean ok, began;

  g_return_val_if_fail (PL_IS_REVIEW_IMPORT (self), FALSE);

  if (added)
    *added = 0;
  if (pl_review_import_count_new (self, PL_FEEDBACK_COMMENT) + pl_review_import_count_new (self, PL_FEEDBACK_AMENDMENT) == 0)
    return TRUE;

  pl_document_history_begin_step (self->document, _("importing review comments"));
  pl_document_hold_feedback_lists (self->document);
  began = ok = pl_document_begin (self->document, error);
  for (guint i = 0; ok && i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (item->view.already_there)
        continue;
      ok = add_item (self, item, stakeholders, error);
      n++;
    }
  if (ok)
    ok = pl_document_commit (self->document, error);
  else if (began)
    pl_document_rollback (self->document);
  pl_document_release_feedback_lists (self->document);
  pl_document_history_end_step (self->document);
  if (!ok)
    return FALSE;
  /* Applying twice adds nothing. */
  for (guint i = 0; i < self->items->len; i++)
    ((Item *) self->items->pdata[i])->view.already_there = TRUE;
  if (added)
    *added = n;
  return TRUE;
}
