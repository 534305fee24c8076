/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-import-private.h"

PlImportBlock *
pl_import_block_new (PlBlockKind  kind,
                     int          level,
                     const char  *text)
{
  PlImportBlock *block = g_new0 (PlImportBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_strdup (text ? text : "");
  return block;
}

void
pl_import_block_free (PlImportBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_free (block->extra);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

/* Lower case, accents dropped, runs of white space made one space, trimmed:
 * "Résumé  Analytique" and "resume analytique" are the same heading. */
char *
pl_import_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  /* Most headings, labels and cells are plain ASCII: there the Unicode
   * passes below change nothing but case, and cost most of detection. */
  {
    const guchar *p = (const guchar *) text;

    while (*p && *p < 0x80)
      p++;
    if (*p == '\0')
      {
        out = g_string_sized_new (p - (const guchar *) text);
        for (p = (const guchar *) text; *p; p++)
          {
            /* g_unichar_isspace()'s ASCII set; not '\v'. */
            if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
              {
                space = out->len > 0;
                continue;
              }
            if (space)
              g_string_append_c (out, ' ');
            space = FALSE;
            g_string_append_c (out, g_ascii_tolower (*p));
          }
        return g_string_free (out, FALSE);
      }
  }
  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");
  lower = g_utf8_casefold (nfd, -1);
  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isspace (c) || c == 0xa0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      /* French writes "mise en œuvre" with the ligature (Word's
       * autocorrect puts it in), Danish-style "æ" turns up in names: NFD
       * does not split them, so spell them out as the tables do. */
      if (c == 0x0153)
        g_string_append (out, "oe");
      else if (c == 0x00e6)
        g_string_append (out, "ae");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pl_import_escape_inline (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
pl_import_strip_number (const char *text)
{
  static gsize once;
  static GRegex *numbering;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (g_once_init_enter (&once))
    {
      numbering = g_regex_new ("^(?:(?:pillar|objective|action|pilier|objectif|pilar|objetivo|acci[oó]n|a[cç][aã]o|axe|eje)\\s+)?"
                                            "(?:[0-9]+(?:\\.[0-9]+)*\\.?\\)?|(?-i:[IVXLC]+)[.)])\\s*[:.–—-]?\\s+",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return g_strstrip (g_regex_replace (numbering, stripped, -1, 0, "", 0, NULL));
}

typedef struct {
  const char *field;
  const char *names;   /* folded, '|' separated, longest first where prefixes clash */
} Column;

static const Column columns[] = {
  { "number", "no.|no|n°|nº|#|number|numero|num|ref|ref." },
  { "lead", "lead agency|lead|responsible|responsibility|owner|chef de file|responsable|entite responsable|institution responsable|institucion responsable|entidad responsable|responsavel|orgao responsavel|lider|pilote" },
  { "partners", "partners|partner|partenaires|partenaire|socios|asociados|parceiros|parceiro|aliados|participants|colaboradores" },
  { "timeframe", "timeframe|time frame|timeline|deadline|schedule|horizon|calendrier|echeance|echeancier|delai|calendario|plazo|cronograma|prazo" },
  { "priority", "priority|priorite|prioridad|prioridade" },
  { "indicator", "indicator|indicators|kpi|kpis|indicateur|indicateurs|indicador|indicadores" },
  { "cost", "cost|estimated cost|budget|cout|couts|costo|coste|custo|orcamento|presupuesto" },
  { "status", "status|statut|etat|estado|situacao|avancement" },
  { "objective", "objective|objectif|objetivo|strategic objective" },
  { "pillar", "pillar|pilier|pilar|axe|eje|axis" },
  { "action", "action|actions|activity|activities|activite|activites|mesure|mesures|measure|initiative|accion|acciones|acao|acoes|medida|medidas|iniciativa|actividad" },
};

/* The next name of a '|'-separated list, copied into @buf (names are short);
 * no allocation, as these lists are walked for every cell and label. */
static const char *
next_name (const char  *list,
           char        *buf,
           gsize        size)
{
  const char *bar = strchr (list, '|');
  gsize len = bar ? (gsize) (bar - list) : strlen (list);

  g_assert (len < size);
  memcpy (buf, list, len);
  buf[len] = '\0';
  return bar ? bar + 1 : list + len;
}

static gboolean
word_match (const char *folded,
            const char *name)
{
  gsize n = strlen (name), f = strlen (folded);

  if (f < n)
    return FALSE;
  if (strncmp (folded, name, n) == 0 && (folded[n] == '\0' || folded[n] == ' ' || folded[n] == '(' || folded[n] == '/'))
    return TRUE;
  /* "Key performance indicator", "Agence responsable" */
  return f > n && folded[f - n - 1] == ' ' && strcmp (folded + f - n, name) == 0;
}

const char *
pl_import_match_column (const char *header)
{
  g_autofree char *folded = pl_import_fold (header);

  while (*folded && strchr (":*", folded[strlen (folded) - 1]))
    folded[strlen (folded) - 1] = '\0';
  if (*folded == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    for (const char *list = columns[i].names; *list;)
      {
        char name[64];

        list = next_name (list, name, sizeof name);
        if (g_str_equal (folded, name) || (strlen (name) > 2 && word_match (folded, name)))
          return columns[i].field;
      }
  return NULL;
}

typedef struct {
  PlSectionKind kind;
  const char   *names;
} SectionName;

static const SectionName sections[] = {
  { PL_SECTION_EXECUTIVE_SUMMARY, "executive summary|summary|resume analytique|resume executif|synthese|resume|resumen ejecutivo|resumen|sumario executivo|resumo executivo|sumario|resumo" },
  { PL_SECTION_INTRODUCTION, "introduction|foreword|preface|background|context|avant-propos|contexte|introduccion|prologo|prefacio|antecedentes|contexto|introducao|apresentacao" },
  { PL_SECTION_GUIDING_PRINCIPLES, "guiding principles|principles|vision|mission|principes directeurs|principes|principios rectores|principios orientadores|principios|vision|mision|visao|missao" },
  { PL_SECTION_IMPLEMENTATION, "implementation and review|implementation plan|implementation|monitoring and evaluation|mise en oeuvre et revue|mise en oeuvre|plan de mise en oeuvre|suivi et evaluation|implementacion y revision|implementacion|plan de implementacion|seguimiento y evaluacion|implementacao e revisao|implementacao|plano de implementacao|monitoramento e avaliacao|acompanhamento e avaliacao" },
  { PL_SECTION_GLOSSARY, "glossary|acronyms|abbreviations|definitions|acronyms and abbreviations|glossaire|acronymes|sigles|abreviations|definitions|glosario|acronimos|siglas|abreviaturas|definiciones|glossario|definicoes" },
  { PL_SECTION_OTHER, "annex|annexes|appendix|appendices|references|acknowledgements|acknowledgments|table of contents|contents|annexe|remerciements|references|sommaire|table des matieres|anexo|anexos|agradecimientos|referencias|indice|agradecimentos|bibliography|bibliographie|bibliografia" },
};

gboolean
pl_import_match_section (const char    *title,
                         PlSectionKind *kind)
{
  g_autofree char *plain = pl_import_strip_number (title);
  g_autofree char *folded = pl_import_fold (plain);
  gsize len;

  /* "Vision 2030", "Introduction:"; but not "Vision for a secure cyberspace
   * in every school" — a pillar may start with the same word. */
  len = strlen (folded);
  while (len > 0 && strchr (":.", folded[len - 1]))
    folded[--len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    for (const char *list = sections[i].names; *list;)
      {
        char name[64];
        gsize n;

        list = next_name (list, name, sizeof name);
        n = strlen (name);
        if (g_str_equal (folded, name)
            || (strncmp (folded, name, n) == 0 && (folded[n] == ' ' || folded[n] == ':')
                && g_utf8_strlen (folded + n, -1) <= 12))
          {
            *kind = sections[i].kind;
            return TRUE;
          }
      }
  return FALSE;
}

static void
append_cell (GString    *out,
             const char *cell)
{
  for (const char *p = cell ? cell : ""; *p; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

char *
pl_import_pipe_table (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  guint width = 0;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, g_strv_length (g_ptr_array_index (rows, i)));
  if (width == 0)
    return g_string_free (out, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      guint n = g_strv_length (cells);

      g_string_append (out, "|");
      for (guint j = 0; j < width; j++)
        {
          g_string_append_c (out, ' ');
          append_cell (out, j < n ? cells[j] : "");
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
      if (i == 0)
        {
          g_string_append (out, "|");
          for (guint j = 0; j < width; j++)
            g_string_append (out, " --- |");
          g_string_append_c (out, '\n');
        }
    }
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
