/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-import-private.h"
#include "pl-pillar.h"
#include "pl-objective.h"
#include "pl-action.h"
#include "pl-section.h"
#include "pl-strategy.h"

G_DEFINE_QUARK (pl-import-error-quark, pl_import_error)

/* Larger drafts than this are not strategies; reading stops before memory
 * is at risk. (The zip reader has its own limits on what is inside.) */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

struct _PlImportDraft
{
  GObject        parent_instance;
  PlImportFormat format;
  char          *name;
  GPtrArray     *blocks;     /* PlImportBlock */
  PlImportSteer  steer;
  char          *title;
  int            pillar_level;
  int            objective_level;
  GListStore    *nodes;
  GListStore    *all_nodes;
  GPtrArray     *report;     /* char *, NULL-terminated */
};

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **slot,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

G_DEFINE_FINAL_TYPE (PlImportDraft, pl_import_draft, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
pl_import_draft_finalize (GObject *object)
{
  PlImportDraft *self = PL_IMPORT_DRAFT (object);

  g_free (self->name);
  g_ptr_array_unref (self->blocks);
  g_hash_table_unref (self->steer.roles);
  g_free (self->title);
  g_object_unref (self->nodes);
  g_object_unref (self->all_nodes);
  g_ptr_array_unref (self->report);
  G_OBJECT_CLASS (pl_import_draft_parent_class)->finalize (object);
}

static void
pl_import_draft_class_init (PlImportDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_import_draft_finalize;
  /* Emitted after re-detection replaced the nodes. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pl_import_draft_init (PlImportDraft *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_import_block_free);
  self->steer.roles = g_hash_table_new (NULL, NULL);
  self->nodes = g_list_store_new (PL_TYPE_IMPORT_NODE);
  self->all_nodes = g_list_store_new (PL_TYPE_IMPORT_NODE);
  self->report = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

static void
flatten (GPtrArray    *all,
         PlImportNode *node)
{
  GListModel *children = pl_import_node_get_children (node);

  g_ptr_array_add (all, node);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PlImportNode) child = g_list_model_get_item (children, i);
      flatten (all, child);
    }
}

static void
redetect (PlImportDraft *self)
{
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_set_size (self->report, 0);
  g_clear_pointer (&self->title, g_free);
  top = pl_import_detect (self->blocks, &self->steer, &self->title,
                          &self->pillar_level, &self->objective_level, self->report);
  if (self->title == NULL || *self->title == '\0')
    {
      g_autofree char *base = g_path_get_basename (self->name ? self->name : _("Imported strategy"));
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      set_str (&self->title, base);
    }
  for (guint i = 0; i < top->len; i++)
    flatten (all, g_ptr_array_index (top, i));
  g_list_store_splice (self->nodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->nodes)),
                       top->pdata, top->len);
  g_list_store_splice (self->all_nodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all_nodes)),
                       all->pdata, all->len);
}

static gboolean
has_extension (const char *name,
               const char *ext)
{
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);
  return g_str_has_suffix (lower, ext);
}

/* Finds what the bytes really are, whatever the name says. */
gboolean
pl_import_sniff (GBytes         *bytes,
       const char     *name,
       PlImportFormat *format,
       GError        **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gboolean office_name = has_extension (name, ".docx") || has_extension (name, ".odt");
  gsize skip = 0;

  if (len == 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_EMPTY,
                   _("The file is empty. Choose the draft itself, saved as .docx, .odt or .md."));
      return FALSE;
    }
  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      /* Word keeps a password-protected .docx in the same OLE container as
       * a .doc; the stream names tell them apart. */
      static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o";

      if (memmem (data, len, encrypted, sizeof encrypted - 1) != NULL)
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_ENCRYPTED,
                     _("This document is protected by a password. Open it in Word or LibreOffice, remove the password (File › Info › Protect Document), save it and import that copy."));
      else
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_LEGACY_FORMAT,
                     _("This is a Word 97–2003 document; save it as .docx in Word or LibreOffice and import that."));
      return FALSE;
    }
  if (len >= 4 && memcmp (data, "PK", 2) == 0)
    {
      *format = has_extension (name, ".odt") ? PL_IMPORT_FORMAT_ODT : PL_IMPORT_FORMAT_DOCX;
      return TRUE;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  if (len - skip >= 5 && g_ascii_strncasecmp ((const char *) data + skip, "{\\rtf", 5) == 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_DISGUISED,
                   _("This file is really an RTF document, whatever its name says. Open it in Word or LibreOffice, save it as .docx and import that."));
      return FALSE;
    }
  if (office_name)
    {
      g_autofree char *head = g_ascii_strdown ((const char *) data + skip, MIN (len - skip, 512));

      if (strstr (head, "<html") || strstr (head, "<!doctype html") || strstr (head, "<?xml") || strstr (head, "<body"))
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_DISGUISED,
                     _("This file is really a web page (HTML), whatever its name says. Open it in Word or LibreOffice, save it as .docx and import that."));
      else
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_DISGUISED,
                     _("This file is named like a Word or OpenDocument file but is not one (it is not a zip archive). Save the draft again as .docx or .odt and import that."));
      return FALSE;
    }
  if (has_extension (name, ".doc"))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_LEGACY_FORMAT,
                   _("This is a Word 97–2003 document; save it as .docx in Word or LibreOffice and import that."));
      return FALSE;
    }
  if (name == NULL || has_extension (name, ".md") || has_extension (name, ".markdown")
      || has_extension (name, ".txt") || has_extension (name, ".mdown"))
    {
      if (memchr (data, '\0', len) != NULL || !g_utf8_validate ((const char *) data + skip, len - skip, NULL))
        {
          g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
                       _("This Markdown file is not UTF-8 text. Save it again with UTF-8 encoding and import that."));
          return FALSE;
        }
      *format = PL_IMPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
               _("Pillars can import a draft saved as Word (.docx), OpenDocument (.odt) or Markdown (.md). Save the draft in one of these and import that."));
  return FALSE;
}

PlImportDraft *
pl_import_draft_new_from_bytes (GBytes      *bytes,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(PlImportDraft) self = g_object_new (PL_TYPE_IMPORT_DRAFT, NULL);
  gboolean ok = FALSE;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!pl_import_sniff (bytes, name, &self->format, error))
    return NULL;
  self->name = g_strdup (name);
  data = g_bytes_get_data (bytes, &len);
  switch (self->format)
    {
    case PL_IMPORT_FORMAT_MARKDOWN:
      if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
      ok = pl_import_read_markdown (data, len, self->blocks, error);
      break;
    case PL_IMPORT_FORMAT_DOCX:
    case PL_IMPORT_FORMAT_ODT:
      {
        /* The name only hints; the zip says which it is. */
        ok = pl_import_read_docx (bytes, self->blocks, error);
        if (!ok && error && *error && g_error_matches (*error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED))
          {
            g_clear_error (error);
            self->format = PL_IMPORT_FORMAT_ODT;
            ok = pl_import_read_odt (bytes, self->blocks, error);
          }
        else if (ok)
          self->format = PL_IMPORT_FORMAT_DOCX;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return NULL;

  {
    gboolean text = FALSE;

    for (guint i = 0; i < self->blocks->len && !text; i++)
      text = ((PlImportBlock *) g_ptr_array_index (self->blocks, i))->kind != PL_BLOCK_OMITTED;
    if (!text)
      {
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_EMPTY,
                     _("The draft holds no text to import. Check that this is the right file."));
        return NULL;
      }
  }
  redetect (self);
  return g_steal_pointer (&self);
}

PlImportDraft *
pl_import_draft_new_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name and the folder."), path);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” is a folder. Choose the draft file inside it."), path);
      return NULL;
    }
  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than 64 MB, too large for a draft. Remove the images from a copy and import that."), path);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_NOT_FOUND,
                   _("“%s” could not be read: %s"), path, local->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return pl_import_draft_new_from_bytes (bytes, path, error);
}

PlImportFormat pl_import_draft_get_format (PlImportDraft *self) { return self->format; }
const char *pl_import_draft_get_title (PlImportDraft *self) { return self->title; }
GListModel *pl_import_draft_get_nodes (PlImportDraft *self) { return G_LIST_MODEL (self->nodes); }
GListModel *pl_import_draft_get_all_nodes (PlImportDraft *self) { return G_LIST_MODEL (self->all_nodes); }
const char * const *
pl_import_draft_get_report (PlImportDraft *self)
{
  static const char *const none[] = { NULL };

  /* An empty GPtrArray may have no storage at all. */
  return self->report->len ? (const char * const *) self->report->pdata : none;
}

guint
pl_import_draft_count (PlImportDraft *self,
                       PlImportRole   role)
{
  guint n = 0, all = g_list_model_get_n_items (G_LIST_MODEL (self->all_nodes));

  for (guint i = 0; i < all; i++)
    {
      g_autoptr(PlImportNode) node = g_list_model_get_item (G_LIST_MODEL (self->all_nodes), i);
      n += pl_import_node_get_role (node) == role;
    }
  return n;
}

void
pl_import_draft_set_levels (PlImportDraft *self,
                            int            pillar_level,
                            int            objective_level)
{
  self->steer.pillar_level = CLAMP (pillar_level, 0, 9);
  self->steer.objective_level = CLAMP (objective_level, 0, 9);
  redetect (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pl_import_draft_get_levels (PlImportDraft *self,
                            int           *pillar_level,
                            int           *objective_level)
{
  if (pillar_level)
    *pillar_level = self->pillar_level;
  if (objective_level)
    *objective_level = self->objective_level;
}

void
pl_import_draft_set_role (PlImportDraft *self,
                          guint          key,
                          PlImportRole   role)
{
  g_hash_table_insert (self->steer.roles, GUINT_TO_POINTER (key), GUINT_TO_POINTER (role + 1));
  redetect (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pl_import_draft_reset (PlImportDraft *self)
{
  g_hash_table_remove_all (self->steer.roles);
  self->steer.pillar_level = self->steer.objective_level = 0;
  redetect (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
pl_import_draft_apply_map (PlImportDraft  *self,
                           const char     *entry,
                           GError        **error)
{
  const char *eq = entry ? strrchr (entry, '=') : NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *folded = NULL;
  PlImportRole role;
  gboolean found = FALSE;

  if (eq == NULL || eq == entry || eq[1] == '\0')
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP,
                   _("“%s” is not a mapping. Write pillar=LEVEL, objective=LEVEL or HEADING=ROLE (section, pillar, objective, action or text)."),
                   entry ? entry : "");
      return FALSE;
    }
  left = g_strstrip (g_strndup (entry, eq - entry));
  right = g_strstrip (g_strdup (eq + 1));
  folded = pl_import_fold (left);
  if (g_str_equal (folded, "pillar") || g_str_equal (folded, "objective"))
    {
      char *end = NULL;
      gint64 level = g_ascii_strtoll (right, &end, 10);

      if (end == right || *end != '\0' || level < 1 || level > 9)
        {
          g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP,
                       _("“%s”: a heading level is a number from 1 to 9."), entry);
          return FALSE;
        }
      if (g_str_equal (folded, "pillar"))
        pl_import_draft_set_levels (self, level, self->steer.objective_level);
      else
        pl_import_draft_set_levels (self, self->steer.pillar_level, level);
      return TRUE;
    }
  if (!pl_import_role_from_string (right, &role))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP,
                   _("“%s” is not a role. Use section, pillar, objective, action or text."), right);
      return FALSE;
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      PlImportBlock *b = g_ptr_array_index (self->blocks, i);
      g_autofree char *plain = NULL;
      g_autofree char *have = NULL;
      g_autofree char *have_full = NULL;

      if (b->kind != PL_BLOCK_HEADING && b->kind != PL_BLOCK_ITEM)
        continue;
      plain = pl_import_strip_number (b->kind == PL_BLOCK_ITEM ? b->text : b->text);
      have = pl_import_fold (plain);
      have_full = pl_import_fold (b->text);
      if (g_str_equal (have, folded) || g_str_equal (have_full, folded))
        {
          g_hash_table_insert (self->steer.roles, GUINT_TO_POINTER (i), GUINT_TO_POINTER (role + 1));
          found = TRUE;
        }
    }
  if (!found)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_BAD_MAP,
                   _("No heading of the draft reads “%s”. Run with --dry-run to see the headings."), left);
      return FALSE;
    }
  redetect (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
outline_node (GString      *out,
              PlImportNode *node)
{
  GListModel *children = pl_import_node_get_children (node);
  const char *t;

  g_string_append_printf (out, "%*s%s: %s", pl_import_node_get_depth (node) * 2, "",
                          pl_import_role_to_label (pl_import_node_get_role (node)),
                          pl_import_node_get_title (node));
  if (pl_import_node_get_role (node) == PL_IMPORT_ROLE_ACTION)
    {
      if ((t = pl_import_node_get_lead_agency (node)))
        g_string_append_printf (out, " [%s: %s]", _("Lead"), t);
      if ((t = pl_import_node_get_timeframe_text (node)))
        g_string_append_printf (out, " [%s: %s]", _("Timeframe"), t);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PlImportNode) child = g_list_model_get_item (children, i);
      outline_node (out, child);
    }
}

char *
pl_import_draft_to_outline_text (PlImportDraft *self)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->nodes));

  g_string_append_printf (out, "%s: %s\n", _("Title"), self->title);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlImportNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), i);
      outline_node (out, node);
    }
  if (self->report->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Left out:"));
      for (guint i = 0; i < self->report->len; i++)
        g_string_append_printf (out, "  %s\n", (char *) g_ptr_array_index (self->report, i));
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_actions (PlDocument   *doc,
               PlImportNode *onode,
               PlObjective  *objective,
               GError      **error)
{
  GListModel *actions = pl_import_node_get_children (onode);

  for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
    {
      g_autoptr(PlImportNode) anode = g_list_model_get_item (actions, k);
      g_autoptr(PlAction) action = NULL;

      action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error,
                                "title", pl_import_node_get_title (anode),
                                "lead-agency", pl_import_node_get_lead_agency (anode) ? pl_import_node_get_lead_agency (anode) : "",
                                "partners", pl_import_node_get_partners (anode) ? pl_import_node_get_partners (anode) : "",
                                "timeframe", pl_import_node_get_timeframe (anode),
                                "priority", pl_import_node_get_priority (anode),
                                "indicator", pl_import_node_get_indicator (anode) ? pl_import_node_get_indicator (anode) : "",
                                "cost", pl_import_node_get_cost (anode) ? pl_import_node_get_cost (anode) : "",
                                "status", pl_import_node_get_status (anode),
                                NULL);
      if (action == NULL)
        return FALSE;
      /* Either end may be open ("from 2027", "by 2030"). Dates the model
       * refuses (end before start) are left unset rather than fail the
       * whole import; the preview showed the cell as written. */
      if ((pl_import_node_get_start_date (anode) || pl_import_node_get_end_date (anode))
          && !pl_record_set (PL_RECORD (action), NULL,
                             "start-date", pl_import_node_get_start_date (anode) ? pl_import_node_get_start_date (anode) : "",
                             "end-date", pl_import_node_get_end_date (anode) ? pl_import_node_get_end_date (anode) : "", NULL))
        {
        }
    }
  return TRUE;
}

/* An action has no text of its own: what followed its title goes to the
 * objective's description, under the action's name, rather than be lost. */
static char *
objective_text (PlImportNode *onode)
{
  GString *out = g_string_new (pl_import_node_get_body (onode));
  GListModel *actions = pl_import_node_get_children (onode);

  for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
    {
      g_autoptr(PlImportNode) anode = g_list_model_get_item (actions, k);
      const char *body = pl_import_node_get_body (anode);

      if (*body)
        {
          g_autofree char *t = pl_import_escape_inline (pl_import_node_get_title (anode));
          g_string_append_printf (out, "%s**%s**\n\n%s", out->len ? "\n\n" : "", t, body);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_vision (PlImportNode *node)
{
  g_autofree char *folded = pl_import_fold (pl_import_node_get_title (node));

  return g_str_equal (folded, "vision") || g_str_equal (folded, "visao");
}

static gboolean
populate (PlImportDraft *self,
          PlDocument    *doc,
          GError       **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->nodes));

  if (!pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), error, "title", self->title, NULL))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlImportNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), i);

      if (pl_import_node_get_role (node) == PL_IMPORT_ROLE_SECTION && is_vision (node)
          && !*pl_strategy_get_vision (pl_document_get_strategy (doc)))
        {
          /* The strategy has a field for its vision; the first "Vision"
           * heading fills it. */
          if (!pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), error,
                              "vision", pl_import_node_get_body (node), NULL))
            return FALSE;
        }
      else if (pl_import_node_get_role (node) == PL_IMPORT_ROLE_SECTION)
        {
          g_autoptr(PlSection) section = pl_document_add (doc, PL_TYPE_SECTION, NULL, -1, error,
                                                          "kind", pl_import_node_get_section_kind (node),
                                                          "title", pl_import_node_get_title (node),
                                                          "body", pl_import_node_get_body (node), NULL);
          if (section == NULL)
            return FALSE;
        }
      else
        {
          GListModel *objectives = pl_import_node_get_children (node);
          g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, error,
                                                        "title", pl_import_node_get_title (node),
                                                        "body", pl_import_node_get_body (node), NULL);
          if (pillar == NULL)
            return FALSE;
          for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
            {
              g_autoptr(PlImportNode) onode = g_list_model_get_item (objectives, j);
              g_autofree char *description = objective_text (onode);
              g_autoptr(PlObjective) objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, error,
                                                                  "title", pl_import_node_get_title (onode),
                                                                  "description", description, NULL);
              if (objective == NULL || !write_actions (doc, onode, objective, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static void
remove_with_sidecars (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

PlDocument *
pl_import_draft_write (PlImportDraft  *self,
                       const char     *path,
                       GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) local = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_EXISTS,
                   _("“%s” already exists. Choose a new name for the imported strategy."), path);
      return NULL;
    }
  /* Built beside the target under a hidden name, then linked into place:
   * a failure half-way leaves nothing at @path, and link() never replaces a
   * file that appeared meanwhile. */
  temp = g_strdup_printf ("%s/.%s.import-%08x", dir, base, g_random_int ());
  doc = pl_document_create (temp, PL_TEMPLATE_EMPTY, error);
  if (doc == NULL)
    return NULL;
  if (!pl_document_begin (doc, error))
    goto fail;
  if (!populate (self, doc, error))
    {
      pl_document_rollback (doc);
      goto fail;
    }
  if (!pl_document_commit (doc, error) || !pl_document_flush (doc, error))
    goto fail;
  pl_document_close (doc);
  g_clear_object (&doc);
  if (link (temp, path) != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_EXISTS,
                     _("“%s” already exists. Choose a new name for the imported strategy."), path);
      else
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_FAILED,
                     _("The imported strategy could not be saved as “%s”: %s"), path, g_strerror (saved));
      remove_with_sidecars (temp);
      return NULL;
    }
  remove_with_sidecars (temp);
  return pl_document_open (path, 0, error);

fail:
  if (doc)
    pl_document_close (doc);
  remove_with_sidecars (temp);
  return NULL;
}
