/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

G_DEFINE_ENUM_TYPE (PlImportRole, pl_import_role,
  G_DEFINE_ENUM_VALUE (PL_IMPORT_ROLE_SECTION, "section"),
  G_DEFINE_ENUM_VALUE (PL_IMPORT_ROLE_PILLAR, "pillar"),
  G_DEFINE_ENUM_VALUE (PL_IMPORT_ROLE_OBJECTIVE, "objective"),
  G_DEFINE_ENUM_VALUE (PL_IMPORT_ROLE_ACTION, "action"),
  G_DEFINE_ENUM_VALUE (PL_IMPORT_ROLE_TEXT, "text"))

const char *
pl_import_role_to_label (PlImportRole role)
{
  switch (role)
    {
    case PL_IMPORT_ROLE_SECTION: return _("Section");
    case PL_IMPORT_ROLE_PILLAR: return _("Pillar");
    case PL_IMPORT_ROLE_OBJECTIVE: return _("Objective");
    case PL_IMPORT_ROLE_ACTION: return _("Action");
    case PL_IMPORT_ROLE_TEXT: return _("Part of the text above");
    default: return "";
    }
}

gboolean
pl_import_role_from_string (const char   *text,
                            PlImportRole *role)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PL_TYPE_IMPORT_ROLE);
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  GEnumValue *value;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  lower = g_ascii_strdown (trimmed, -1);
  value = g_enum_get_value_by_nick (klass, lower);
  if (value == NULL)
    return FALSE;
  *role = value->value;
  return TRUE;
}

struct _PlImportNode
{
  GObject        parent_instance;
  guint          key;
  PlImportRole   role;
  PlImportRole   detected_role;
  int            level;
  int            depth;
  char          *title;
  GString       *body;
  PlSectionKind  section_kind;
  GListStore    *children;
  char          *lead_agency;
  char          *partners;
  char          *timeframe_text;
  char          *start_date;
  char          *end_date;
  PlTimeframe    timeframe;
  PlPriority     priority;
  char          *indicator;
  char          *cost;
  PlActionStatus status;
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

G_DEFINE_FINAL_TYPE (PlImportNode, pl_import_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ROLE,
  PROP_DEPTH,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pl_import_node_finalize (GObject *object)
{
  PlImportNode *self = PL_IMPORT_NODE (object);

  g_free (self->title);
  g_string_free (self->body, TRUE);
  g_clear_object (&self->children);
  g_free (self->lead_agency);
  g_free (self->partners);
  g_free (self->timeframe_text);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->indicator);
  g_free (self->cost);
  G_OBJECT_CLASS (pl_import_node_parent_class)->finalize (object);
}

static void
pl_import_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlImportNode *self = PL_IMPORT_NODE (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_DEPTH: g_value_set_int (value, self->depth); break;
    case PROP_BODY: g_value_set_string (value, self->body->str); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_import_node_class_init (PlImportNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_import_node_finalize;
  object_class->get_property = pl_import_node_get_property;

  /* Read-only: a node is rebuilt, never edited, when detection re-runs. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, PL_TYPE_IMPORT_ROLE,
                                             PL_IMPORT_ROLE_TEXT,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] = g_param_spec_int ("depth", NULL, NULL, 0, 3, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_import_node_init (PlImportNode *self)
{
  self->body = g_string_new (NULL);
  self->children = g_list_store_new (PL_TYPE_IMPORT_NODE);
  self->section_kind = PL_SECTION_OTHER;
}

PlImportNode *
pl_import_node_new (guint        key,
                    PlImportRole role,
                    PlImportRole detected,
                    int          level,
                    int          depth,
                    const char  *title)
{
  PlImportNode *self = g_object_new (PL_TYPE_IMPORT_NODE, NULL);

  self->key = key;
  self->role = role;
  self->detected_role = detected;
  self->level = level;
  self->depth = depth;
  self->title = g_strdup (title ? title : "");
  return self;
}

void
pl_import_node_append_body (PlImportNode *self,
                            const char   *markdown)
{
  if (markdown == NULL || *markdown == '\0')
    return;
  if (self->body->len > 0)
    g_string_append (self->body, "\n\n");
  g_string_append (self->body, markdown);
}

/* Joins with a single newline: the next item of the same list. */
void
pl_import_node_append_line (PlImportNode *self,
                            const char   *markdown)
{
  if (self->body->len > 0)
    g_string_append_c (self->body, '\n');
  g_string_append (self->body, markdown);
}

void
pl_import_node_add_child (PlImportNode *self,
                          PlImportNode *child)
{
  g_list_store_append (self->children, child);
}

void
pl_import_node_set_section_kind (PlImportNode  *self,
                                 PlSectionKind  kind)
{
  self->section_kind = kind;
}

void
pl_import_node_set_depth (PlImportNode *self,
                          int           depth)
{
  self->depth = depth;
}

static gboolean
folded_has (const char *folded,
            const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Dates written in a plan by people rather than by our exports, without
 * brackets: "2027–2028", "2026 - 2027", "2027 to 2028", "by 2028",
 * "d'ici 2028", "from 2027", "2028". Only years 1900–2199 count, so that
 * "24 months" or "Phase 2" give no date. */
static void
set_bare_dates (PlImportNode *self,
                const char   *value)
{
  static const char *const until[] = { "by", "until", "till", "before", "jusqu", "d'ici", "d’ici", "avant",
                                        "hasta", "antes", "ate", NULL };
  static const char *const from[] = { "from", "after", "partir", "apres", "desde", "despues", "depois", NULL };
  static gsize once;
  static GRegex *range, *single;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    {
#define PL_DATE "((?:19|20|21)[0-9]{2}(?:-[0-9]{2}-[0-9]{2})?)(?![0-9])"
      range = g_regex_new ("(?<![0-9])" PL_DATE "\\s*(?:[–—-]|to|au|à|al|a|até)\\s*" PL_DATE,
                           G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      single = g_regex_new ("^(.*?)(?<![0-9])" PL_DATE, G_REGEX_OPTIMIZE, 0, NULL);
#undef PL_DATE
      g_once_init_leave (&once, 1);
    }
  if (g_regex_match (range, value, 0, &match))
    {
      g_autofree char *start = g_match_info_fetch (match, 1);
      g_autofree char *end = g_match_info_fetch (match, 2);

      set_str (&self->start_date, start);
      set_str (&self->end_date, end);
      return;
    }
  /* A failed match still gives its GMatchInfo. */
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (single, value, 0, &match))
    {
      g_autofree char *words = g_match_info_fetch (match, 1);
      g_autofree char *date = g_match_info_fetch (match, 2);
      g_autofree char *folded = pl_import_fold (words);
      g_auto(GStrv) tokens = g_strsplit_set (folded, " \t,;:()/.", -1);
      gboolean is_until = FALSE, is_from = FALSE;

      /* Whole words: "by" must not match inside "bypass". */
      for (guint i = 0; tokens[i]; i++)
        {
          is_until = is_until || g_strv_contains (until, tokens[i]) || g_str_has_prefix (tokens[i], "jusqu");
          is_from = is_from || g_strv_contains (from, tokens[i]) || g_str_has_prefix (tokens[i], "partir");
        }
      if (is_until)
        set_str (&self->end_date, date);
      else if (is_from)
        set_str (&self->start_date, date);
      else
        {
          set_str (&self->start_date, date);
          set_str (&self->end_date, date);
        }
    }
}

/* @field is one of the plan column names of detection: "lead", "partners",
 * "timeframe", "priority", "indicator", "cost", "status". Enumerated values
 * are recognised in the four languages as written in the cell. */
/* "(2026)", "(from 2027)", "(until 2027)" and their French, Spanish and
 * Portuguese forms: one date, which end(s) it is told by the words before it. */
static void
set_single_date (PlImportNode *self,
                 const char   *value)
{
  static const char *const until[] = { "until", "jusqu", "hasta", "ate", NULL };
  static const char *const from[] = { "from", "partir", "desde", NULL };
  static gsize once;
  static GRegex *one;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *words = NULL;
  g_autofree char *date = NULL;
  g_autofree char *folded = NULL;

  /* Compiled once: this runs for every timeframe cell of a plan. */
  if (g_once_init_enter (&once))
    {
      one = g_regex_new ("\\(([^()0-9]*?)\\s*([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)\\)", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (!g_regex_match (one, value, 0, &match))
    {
      set_bare_dates (self, value);
      return;
    }
  words = g_match_info_fetch (match, 1);
  date = g_match_info_fetch (match, 2);
  folded = pl_import_fold (words);
  if (folded_has (folded, until))
    set_str (&self->end_date, date);
  else if (folded_has (folded, from))
    set_str (&self->start_date, date);
  else if (*g_strstrip (folded) == '\0')
    {
      set_str (&self->start_date, date);
      set_str (&self->end_date, date);
    }
}

void
pl_import_node_set_field (PlImportNode *self,
                          const char   *field,
                          const char   *value)
{
  g_autofree char *folded = NULL;

  if (value == NULL || *value == '\0')
    return;
  if (g_str_equal (field, "lead"))
    set_str (&self->lead_agency, value);
  else if (g_str_equal (field, "partners"))
    set_str (&self->partners, value);
  else if (g_str_equal (field, "indicator"))
    set_str (&self->indicator, value);
  else if (g_str_equal (field, "cost"))
    set_str (&self->cost, value);
  if (!g_str_equal (field, "timeframe") && !g_str_equal (field, "priority") && !g_str_equal (field, "status"))
    return;
  /* Only the enumerated fields are recognised by their folded words. */
  folded = pl_import_fold (value);
  if (g_str_equal (field, "timeframe"))
    {
      static const char *const shrt[] = { "short", "court", "corto", "curto", NULL };
      static const char *const med[] = { "medium", "moyen", "mediano", "medio", NULL };
      static const char *const lng[] = { "long", "largo", "longo", NULL };
      static const char *const ongoing[] = { "ongoing", "continu", "permanent", "continuo", "en curso", "em curso", NULL };

      static gsize once;
      static GRegex *dates;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_once_init_enter (&once))
        {
          dates = g_regex_new ("\\(([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)?\\s*[–-]\\s*([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)?\\)",
                               G_REGEX_OPTIMIZE, 0, NULL);
          g_once_init_leave (&once, 1);
        }

      set_str (&self->timeframe_text, value);
      /* Our own exports write "Short term (2025-01-01–2026-06-30)", and
       * "(2026)" when both ends are the same, "(from 2027)" or
       * "(until 2027)" when one is open (in any of the four languages). */
      if (g_regex_match (dates, value, 0, &match))
        {
          g_autofree char *start = g_match_info_fetch (match, 1);
          g_autofree char *end = g_match_info_fetch (match, 2);

          if (start && *start)
            set_str (&self->start_date, start);
          if (end && *end)
            set_str (&self->end_date, end);
        }
      else
        set_single_date (self, value);
      if (folded_has (folded, shrt))
        self->timeframe = PL_TIMEFRAME_SHORT;
      else if (folded_has (folded, med))
        self->timeframe = PL_TIMEFRAME_MEDIUM;
      else if (folded_has (folded, lng))
        self->timeframe = PL_TIMEFRAME_LONG;
      else if (folded_has (folded, ongoing))
        self->timeframe = PL_TIMEFRAME_ONGOING;
    }
  else if (g_str_equal (field, "priority"))
    {
      static const char *const high[] = { "high", "haute", "elevee", "alta", "urgent", NULL };
      static const char *const med[] = { "medium", "moyenne", "media", NULL };
      static const char *const low[] = { "low", "basse", "faible", "baja", "baixa", NULL };

      if (folded_has (folded, high))
        self->priority = PL_PRIORITY_HIGH;
      else if (folded_has (folded, med))
        self->priority = PL_PRIORITY_MEDIUM;
      else if (folded_has (folded, low))
        self->priority = PL_PRIORITY_LOW;
    }
  else if (g_str_equal (field, "status"))
    {
      static const char *const done[] = { "complete", "done", "termine", "acheve", "completad", "concluid", NULL };
      static const char *const progress[] = { "progress", "en cours", "en curso", "em curso", "em andamento", NULL };
      static const char *const delayed[] = { "delay", "late", "retard", "retrasad", "atrasad", NULL };
      static const char *const cancelled[] = { "cancel", "annule", "abandon", NULL };

      if (folded_has (folded, done))
        self->status = PL_ACTION_STATUS_COMPLETED;
      else if (folded_has (folded, progress))
        self->status = PL_ACTION_STATUS_IN_PROGRESS;
      else if (folded_has (folded, delayed))
        self->status = PL_ACTION_STATUS_DELAYED;
      else if (folded_has (folded, cancelled))
        self->status = PL_ACTION_STATUS_CANCELLED;
    }
}

guint pl_import_node_get_key (PlImportNode *self) { return self->key; }
PlImportRole pl_import_node_get_role (PlImportNode *self) { return self->role; }
PlImportRole pl_import_node_get_detected_role (PlImportNode *self) { return self->detected_role; }
int pl_import_node_get_level (PlImportNode *self) { return self->level; }
int pl_import_node_get_depth (PlImportNode *self) { return self->depth; }
const char *pl_import_node_get_title (PlImportNode *self) { return self->title; }
const char *pl_import_node_get_body (PlImportNode *self) { return self->body->str; }
PlSectionKind pl_import_node_get_section_kind (PlImportNode *self) { return self->section_kind; }
GListModel *pl_import_node_get_children (PlImportNode *self) { return G_LIST_MODEL (self->children); }
const char *pl_import_node_get_lead_agency (PlImportNode *self) { return self->lead_agency; }
const char *pl_import_node_get_partners (PlImportNode *self) { return self->partners; }
PlTimeframe pl_import_node_get_timeframe (PlImportNode *self) { return self->timeframe; }
const char *pl_import_node_get_timeframe_text (PlImportNode *self) { return self->timeframe_text; }
const char *pl_import_node_get_start_date (PlImportNode *self) { return self->start_date; }
const char *pl_import_node_get_end_date (PlImportNode *self) { return self->end_date; }
PlPriority pl_import_node_get_priority (PlImportNode *self) { return self->priority; }
const char *pl_import_node_get_indicator (PlImportNode *self) { return self->indicator; }
const char *pl_import_node_get_cost (PlImportNode *self) { return self->cost; }
PlActionStatus pl_import_node_get_status (PlImportNode *self) { return self->status; }
