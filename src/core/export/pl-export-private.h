/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>
#include <libxml/xmlwriter.h>

#include "pl-export.h"

G_BEGIN_DECLS

/* What every exporter shares: where it writes, and the decisions that
 * must be the same in every format (anonymisation, numbering, the annex). */
typedef struct _PlParseAhead PlParseAhead;

typedef struct {
  PlDocument            *document;
  const PlExportOptions *options;
  GOutputStream         *out;
  GCancellable          *cancellable;
  GError                *error;         /* first write error; later writes are skipped */
  GHashTable            *participants;  /* stakeholder id -> "Participant N" number */
  GHashTable            *numbers;       /* objective id -> "2.3", computed once */
  char                  *date;          /* the title page date, e.g. "22 November 2026" */
  char                  *classification;
  PlParseAhead          *parse_ahead;   /* the outline's narratives, being parsed */
  GString               *buffer;        /* small writes, on their way to @out */
  PlExportReport         report;        /* what the writers left out, so far */
  char                  *language;      /* BCP 47, pl_strategy_dup_document_language () */
} PlExportContext;

typedef struct {
  guint          number;        /* 1-based, in annex order */
  PlFeedback    *feedback;
  PlStakeholder *stakeholder;   /* may be NULL */
  PlPillar      *pillar;        /* group; NULL = the strategy as a whole */
  char          *target;        /* "1.2 Title of the objective" */
  char          *who;           /* stakeholder as it may be shown */
  char          *organisation;  /* as it may be shown ("" when hidden) */
  const char    *sector;        /* translated label, "" if unknown */
  PlRecord      *target_record; /* what it is about; NULL = the strategy */
} PlAnnexRow;

void        pl_annex_row_free            (PlAnnexRow      *row);

void        pl_export_write              (PlExportContext *ctx,
                                          const char      *data,
                                          gssize           len);
void        pl_export_printf             (PlExportContext *ctx,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (2, 3);
gboolean    pl_export_failed             (PlExportContext *ctx);
/* Counts one thing of @kind the export leaves out (see PlExportReport). */
static inline void
pl_export_note_left_out (PlExportContext *ctx,
                         PlExportLeftOut  kind)
{
  ctx->report.left_out[kind]++;
}

/* Anonymisation: who may be shown, and how. Never a name for a stakeholder
 * who did not agree to be named. */
char       *pl_export_stakeholder_label  (PlExportContext *ctx,
                                          PlStakeholder   *stakeholder);
char       *pl_export_organisation_label (PlExportContext *ctx,
                                          PlStakeholder   *stakeholder);

/* A review copy's cover note (pl-export-review.c): its title, then its
 * paragraphs, translated; NULL-terminated (transfer full). */
char      **pl_export_review_note        (PlExportContext *ctx);

/* "2" for the second pillar, "2.3" for its third objective, "2.3.1" ... */
char       *pl_export_number             (PlExportContext *ctx,
                                          PlRecord        *record);
/* Number and title of what a feedback item is about. */
char       *pl_export_target_label       (PlExportContext *ctx,
                                          PlFeedback      *feedback);
/* The annex rows after the options' filters, grouped by pillar in
 * document order (the strategy as a whole first). */
GPtrArray  *pl_export_annex_rows         (PlExportContext *ctx);

/* Parses narrative Markdown with cmark-gfm (raw HTML kept as nodes so each
 * writer decides; smart punctuation off). */
cmark_node *pl_export_parse_markdown     (const char      *text);

/* ---- GitHub Flavored Markdown (pl-export-gfm.c) ---- */
typedef enum {
  PL_EXPORT_GFM_NONE,           /* a CommonMark node */
  PL_EXPORT_GFM_TABLE,
  PL_EXPORT_GFM_HEADER_ROW,     /* a table's first row */
  PL_EXPORT_GFM_ROW,
  PL_EXPORT_GFM_CELL,
  PL_EXPORT_GFM_STRIKETHROUGH,
} PlExportGfm;

/* @text parsed with cmark-gfm's table, strikethrough, autolink and task
 * list extensions and footnotes, and @options (CMARK_OPT_*). */
cmark_node *pl_export_parse_gfm          (const char      *text,
                                          int              options);
PlExportGfm pl_export_gfm_type           (cmark_node      *node);
guint       pl_export_gfm_table_columns  (cmark_node      *table);
/* The 0-based column of a table cell. */
guint       pl_export_gfm_cell_column    (cmark_node      *cell);
/* 'l', 'c', 'r', or 0 when the table's delimiter row does not say. */
char        pl_export_gfm_cell_align     (cmark_node      *cell);
/* For the outline's writers: task list items start with ☐ or ☑, and the
 * footnotes become the narrative's endnotes, a numbered list after a
 * rule; each reference stays a CMARK_NODE_FOOTNOTE_REFERENCE whose literal
 * is its note's number. */
void        pl_export_gfm_prepare        (cmark_node      *doc);
/* Whether a narrative of the export may strike through or refer to a
 * footnote ("~", "[^"): the ODT writer only then adds the text styles
 * they need, so other exports stay as they were. */
gboolean    pl_export_gfm_may_style      (PlExportContext *ctx);
/* The smallest heading level in @doc, or 6 + 1 when it has none; writers
 * shift headings so that this level lands at the level they need. */
int         pl_export_min_heading_level  (cmark_node      *doc);
/* Plain text of a node and its children. */
char       *pl_export_node_text          (cmark_node      *node);

/* ---- The recommendations matrix (pl-export-matrix.c), CSV and XLSX ---- */
#define PL_EXPORT_MATRIX_COLUMNS 14
#define PL_EXPORT_MATRIX_CAPTURED 8   /* the column of the date and time captured */

typedef void (*PlMatrixRowFunc) (PlExportContext    *ctx,
                                 guint               number,
                                 const char *const  *fields,
                                 gpointer            data);

void        pl_export_matrix_header      (const char      *header[PL_EXPORT_MATRIX_COLUMNS]);
/* Calls @func for every row of the annex, in its order. */
void        pl_export_matrix_foreach     (PlExportContext *ctx,
                                          PlMatrixRowFunc  func,
                                          gpointer         data);

/* ---- Paragraph direction (pl-export-bidi.c, FriBidi) ---- */
typedef enum {
  PL_EXPORT_DIRECTION_NEUTRAL,  /* no strong character: the document's */
  PL_EXPORT_DIRECTION_LTR,
  PL_EXPORT_DIRECTION_RTL,
} PlExportDirection;

/* From the first strong character of @text (@len bytes, -1: to its end). */
PlExportDirection pl_export_text_direction (const char *text,
                                            gssize      len);
/* From the first strong character of the text in @node. */
PlExportDirection pl_export_node_direction (cmark_node *node);

/* Whether @language (BCP 47) is written right to left (Arabic, Hebrew,
 * Persian, Urdu ...). */
gboolean    pl_export_language_is_rtl    (const char      *language);
/* Its primary language subtag ("fr") and its region ("SN", "" if none). */
void        pl_export_language_split     (const char      *language,
                                          char           **primary,
                                          char           **region);

/* One writer per format. */
gboolean    pl_export_markdown           (PlExportContext *ctx);
gboolean    pl_export_html               (PlExportContext *ctx);
gboolean    pl_export_docx               (PlExportContext *ctx);
gboolean    pl_export_odt                (PlExportContext *ctx);
gboolean    pl_export_csv                (PlExportContext *ctx);
/* options->compare set: the redline (pl-export-redline.c). */
gboolean    pl_export_redline            (PlExportContext *ctx);
gboolean    pl_export_xlsx               (PlExportContext *ctx);
/* A spreadsheet's serial date and time ("46328.41666667") of an ISO 8601
 * time, in local time; NULL if @iso8601 is not one. */
char       *pl_export_xlsx_serial_date   (const char      *iso8601);

/* ---- The document outline shared by the HTML, DOCX and ODT writers ----
 *
 * pl_export_outline_run() walks the document in the order and with the
 * numbering of the Markdown writer and calls the writer's callbacks (a
 * first, silent pass collects the headings for the table of contents).
 * Narrative Markdown arrives as filtered cmark events: headings become
 * heading() calls (levels shifted), raw HTML and unsafe links never reach
 * a writer, images arrive as their text, and containers nested deeper than
 * PL_OUTLINE_MAX_DEPTH are flattened into the deepest allowed one. */

#define PL_OUTLINE_MAX_DEPTH 8

typedef struct _PlOutline PlOutline;

typedef enum {
  PL_OUTLINE_PARA_SUMMARY,  /* a pillar's one-line summary */
  PL_OUTLINE_PARA_NOTE,     /* "No actions yet." and the like */
  PL_OUTLINE_PARA_LONG_LABEL, /* after a table: "Long entry 1: Indicator, row 1.1.1" */
  PL_OUTLINE_PARA_LONG_TEXT,  /* ... and that entry's full text, in pieces */
} PlOutlineParagraph;

typedef enum {
  PL_OUTLINE_TABLE_PLAN,
  PL_OUTLINE_TABLE_ANNEX,
} PlOutlineTable;

typedef struct {
  int         level;        /* 1 = pillar, section, plan, annex; 2 = objective ... up to 5 */
  char       *text;         /* plain text, numbers included ("1.2 Title") */
  char       *anchor;       /* "pl_h12": unique, XML name and URL fragment safe */
  gboolean    new_page;     /* start on a new page */
} PlOutlineHeading;

typedef struct {
  const char *marking;      /* classification, "" if none */
  const char *title;
  const char *country;
  /* NULL-terminated label/value pairs: Version, Status, Date, Lead agency. */
  const char *const *labels;
  const char *const *values;
} PlOutlineTitle;

typedef struct {
  void (*title_page)  (PlOutline *ol, const PlOutlineTitle *title);
  /* Only headings of level <= 3; the writer ends the page after it. */
  void (*contents)    (PlOutline *ol, GPtrArray *headings);
  void (*heading)     (PlOutline *ol, const PlOutlineHeading *heading);
  void (*paragraph)   (PlOutline *ol, PlOutlineParagraph kind, const char *text);
  /* An action under its objective: bold title, then label/value pairs. */
  void (*action)      (PlOutline *ol, const char *title,
                       const char *const *labels, const char *const *values);
  /* Narrative: BLOCK_QUOTE, LIST, ITEM, PARAGRAPH, EMPH, STRONG, LINK
   * (http, https, mailto only) with ENTER and EXIT; CODE_BLOCK,
   * THEMATIC_BREAK, TEXT, CODE, SOFTBREAK, LINEBREAK with ENTER only.
   * @depth counts the block quotes and lists around the node. */
  void (*node)        (PlOutline *ol, cmark_node *node, cmark_event_type ev, int depth);
  /* The wide part (implementation plan, annex) starts; @first: nothing
   * was written before it. */
  void (*wide)        (PlOutline *ol, gboolean first);
  /* @widths: relative column widths, summing to 100. */
  void (*table_begin) (PlOutline *ol, PlOutlineTable kind, guint n_columns,
                       const char *const *header, const guint *widths);
  void (*table_row)   (PlOutline *ol, const char *const *cells);
  void (*table_end)   (PlOutline *ol);
} PlOutlineOps;

struct _PlOutline {
  PlExportContext    *ctx;
  const PlOutlineOps *ops;
  gpointer            writer;
  /* The column of the open table whose cells are Markdown (the annex's
   * response), or -1: the writer renders them with
   * pl_export_outline_cell_markdown(). */
  int                 markdown_column;
  /* The record (pillar, objective, action) whose heading or action the
   * writer is given, in a review copy; NULL otherwise. */
  PlRecord           *anchor_record;
  /* private to the walker */
  GPtrArray          *headings;      /* PlOutlineHeading of levels 1-3, from the first pass */
  guint               n_headings;
  gboolean            at_page_start;
  gboolean            written;
  gboolean            collecting;
  GPtrArray          *long_entries;  /* label, text, label, text ... of the open table */
  GQueue             *parsed;        /* text, cmark tree, ... parsed before they are walked */
  guint               n_ahead;       /* of them, from parse_ahead() and not yet walked */
  guint               n_long;
};

/* The plan has eleven columns, the annex nine, or eight without the
 * organisation (when no row may show one); relative widths in per cent. */
#define PL_EXPORT_PLAN_COLUMNS  11
#define PL_EXPORT_ANNEX_COLUMNS 9
#define PL_EXPORT_TABLE_COLUMNS PL_EXPORT_PLAN_COLUMNS  /* the most a table has */
extern const guint pl_export_plan_widths[PL_EXPORT_PLAN_COLUMNS];
extern const guint pl_export_annex_widths[PL_EXPORT_ANNEX_COLUMNS];
extern const guint pl_export_anon_annex_widths[PL_EXPORT_ANNEX_COLUMNS - 1];
/* Whether every row of @rows shows no organisation (the annex then drops
 * the column). */
gboolean    pl_export_annex_hides_organisation (GPtrArray *rows);

/* The implementation plan, shared by every writer. */
typedef struct {
  const char *cells[PL_EXPORT_TABLE_COLUMNS + 1];  /* NULL-terminated */
  char       *number;                              /* owned by the row */
  char       *timeframe;
} PlPlanRow;

typedef void (*PlPlanRowFunc)  (PlExportContext   *ctx,
                                const PlPlanRow   *row,
                                gpointer           data);

/* The plan's column headings, NULL-terminated. */
void        pl_export_plan_header        (const char         *header[PL_EXPORT_TABLE_COLUMNS + 1]);
/* Whether the plan has a row. */
gboolean    pl_export_plan_is_empty      (PlExportContext    *ctx);
/* Calls @func with every row of the plan, in document order (pillar,
 * objective, action), from the lists the walk of the pillars reads too;
 * stops when the export fails. */
void        pl_export_foreach_plan_row   (PlExportContext    *ctx,
                                          PlPlanRowFunc       func,
                                          gpointer            data);
/* "Short term (2026–2027)". */
char       *pl_export_timeframe_label    (PlAction           *action);
/* The number of an action under the objective numbered @objective_number
 * (what pl_export_number() says, without looking the objective up). */
char       *pl_export_action_number      (const char         *objective_number,
                                          PlAction           *action);

/* @markdown's inline formatting through ops->node(), into the paragraph of
 * a table cell the writer opened (pl-export-outline-cell.c). */
void        pl_export_outline_cell_markdown (PlOutline       *ol,
                                          const char         *markdown);

gboolean    pl_export_outline_run        (PlExportContext    *ctx,
                                          const PlOutlineOps *ops,
                                          gpointer            writer);

/* Starts parsing, in a second thread, the narratives the outline walk of
 * @ctx will ask for (objectives must be loaded already); the walk takes
 * the trees from ctx->parse_ahead. Reads the document on the calling
 * thread only. */
PlParseAhead *pl_export_parse_ahead_start (PlExportContext   *ctx);
/* Stops and frees what was not taken. */
void          pl_export_parse_ahead_free  (PlParseAhead      *ahead);

/* A narrative parsed (pl-export-outline-parse.c), with its headings found
 * by the thread that parsed it, while the tree is in its cache: the
 * collecting pass then reads the headings without touching the tree. */
typedef struct {
  int   level;   /* in the Markdown */
  char *text;    /* pl_export_node_text () */
} PlParsedHeading;

typedef struct {
  cmark_node *doc;
  int         min_level;  /* pl_export_min_heading_level () */
  GArray     *headings;   /* PlParsedHeading, every heading in document order */
} PlParsed;

void          pl_export_parsed_free       (PlParsed          *parsed);
/* Parses what is left of ctx->parse_ahead from the back, and queues all
 * of it, in order, in @ol->parsed for pl_export_take_parsed(). */
void          pl_export_parse_ahead_queue (PlOutline         *ol);
/* The tree parsed for @markdown, taken from @ol->parsed, or a new one;
 * *@text: the queued copy of @markdown (or a new one in the collecting
 * pass), for the collecting pass to queue again. */
PlParsed     *pl_export_take_parsed       (PlOutline         *ol,
                                           const char        *markdown,
                                           char             **text);
/* Frees what @ol->parsed holds. */
void          pl_export_parsed_queue_clear (PlOutline        *ol);

/* Text made safe for XML 1.0 and for a reader: invalid UTF-8 replaced,
 * control characters other than tab, newline and carriage return dropped
 * (C0, DEL and C1), bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) shown as a visible mark ‹U+202E›. Returns @text itself
 * when it is clean (the common case), else @scratch's buffer. */
const char *pl_export_clean_text         (const char         *text,
                                          gssize              len,
                                          GString            *scratch);
/* @n in decimal, written at the end of @buffer (no printf: hot paths). */
#define PL_EXPORT_DIGITS 24
const char *pl_export_digits             (char                buffer[PL_EXPORT_DIGITS],
                                          guint64             n);
/* TRUE for the link schemes an export keeps: http, https, mailto. */
gboolean    pl_export_link_is_safe       (const char         *url);

/* ---- The shared look of the office formats (pl-export-styles.c) ---- */
typedef enum {
  PL_EXPORT_FONT_SERIF,
  PL_EXPORT_FONT_SANS,
  PL_EXPORT_FONT_MONO,
} PlExportFont;

typedef enum {
  PL_EXPORT_BORDER_NONE,
  PL_EXPORT_BORDER_BOTTOM,
  PL_EXPORT_BORDER_LEFT,
} PlExportBorder;

typedef struct {
  const char     *id;           /* DOCX style id, "Heading1" */
  const char     *word;         /* Word's (built-in) name, "heading 1" */
  const char     *display;      /* LibreOffice's name, "Heading 1" */
  const char     *parent;       /* id */
  const char     *next;         /* id */
  gboolean        character;    /* a character style */
  int             outline;      /* heading level, 0 = not a heading */
  int             size;         /* half-points, 0 = inherited */
  const char     *color;        /* RRGGBB */
  PlExportFont    font;
  guint           bold : 1;
  guint           italic : 1;
  guint           underline : 1;
  guint           keep : 1;     /* with the next paragraph, lines together */
  guint           center : 1;
  guint           justify : 1;
  guint           caps : 1;
  int             before;       /* twips */
  int             after;        /* twips */
  int             line;         /* line height, 240ths of a line; 0 = inherited */
  int             indent;       /* left, twips */
  int             tab;          /* a left tab stop, twips */
  guint           toc_tab : 1;  /* a right tab stop with dots at the text's right edge */
  PlExportBorder  border;
  const char     *shade;        /* background RRGGBB */
} PlExportStyle;

extern const PlExportStyle pl_export_styles[];
extern const guint         pl_export_n_styles;
const PlExportStyle *pl_export_style_find (const char   *id);
const char          *pl_export_font_name  (PlExportFont  font);

/* ---- Zip packages (DOCX, ODT): libarchive streaming to ctx->out
 * (pl-export-zip.c) ---- */
typedef struct _PlExportZip PlExportZip;

PlExportZip *pl_export_zip_new           (PlExportContext    *ctx);
/* Adds one entry; @stored: no compression (ODT's mimetype). */
void         pl_export_zip_add           (PlExportZip        *zip,
                                          const char         *name,
                                          const char         *data,
                                          gsize               len,
                                          gboolean            stored);
/* Closes the archive; FALSE (and ctx->error set) on any failure. */
gboolean     pl_export_zip_finish        (PlExportZip        *zip);

/* An XML part written by libxml2 straight into the archive (its size is
 * not known before, so the entry ends with a data descriptor); only one
 * at a time, and no other entry until pl_export_zip_end_xml(). */
xmlTextWriterPtr pl_export_zip_begin_xml (PlExportZip        *zip,
                                          const char         *name);
void         pl_export_zip_end_xml       (PlExportZip        *zip,
                                          xmlTextWriterPtr    writer);
/* An XML part written with libxml2 into @buffer (declaration written). */
xmlTextWriterPtr pl_export_xml_new       (GString            *buffer);
/* Ends the document, frees @writer, adds @buffer to @zip as @name and
 * frees it. */
void         pl_export_xml_add           (PlExportZip        *zip,
                                          const char         *name,
                                          xmlTextWriterPtr    writer,
                                          GString            *buffer);
/* Element content from the document, escaped by libxml2 exactly as
 * xmlTextWriterWriteString() does, but written as it is (much faster)
 * when it has nothing to escape. */
void         pl_export_xml_text          (xmlTextWriterPtr    writer,
                                          const char         *text);
/* ---- XML plumbing of the office formats (pl-export-xml.c) ---- */

/* FALSE when libxml2 would write @text as it is in element content. */
gboolean     pl_export_xml_needs_escape  (const char         *text);
/* Constant markup of a writer (balanced, nothing from the document in
 * it) collected and given to the xmlTextWriter in large pieces: a writer
 * call costs far more than a copy. Every other use of the writer goes
 * through pl_export_markup_sync(), so that the order is kept. */
#define PL_EXPORT_MARKUP_SIZE (64 * 1024)

typedef struct {
  gsize len;
  char  data[PL_EXPORT_MARKUP_SIZE];
} PlExportMarkup;

/* Writes what @markup holds to @writer and returns @writer. */
xmlTextWriterPtr pl_export_markup_sync   (PlExportMarkup     *markup,
                                          xmlTextWriterPtr    writer);
void         pl_export_markup_raw        (PlExportMarkup     *markup,
                                          xmlTextWriterPtr    writer,
                                          const char         *text);
void         pl_export_markup_number     (PlExportMarkup     *markup,
                                          xmlTextWriterPtr    writer,
                                          guint64             n);
/* Element content from the document, escaped by libxml2 when it needs it. */
void         pl_export_markup_text       (PlExportMarkup     *markup,
                                          xmlTextWriterPtr    writer,
                                          const char         *text);
/* <element name="value" ...> with NULL-terminated name/value pairs;
 * pl_export_xml_element() also closes it. */
void         pl_export_xml_start         (xmlTextWriterPtr    writer,
                                          const char         *element,
                                          ...) G_GNUC_NULL_TERMINATED;
void         pl_export_xml_element       (xmlTextWriterPtr    writer,
                                          const char         *element,
                                          ...) G_GNUC_NULL_TERMINATED;

/* <element>@text</element>, @text made safe with pl_export_clean_text()
 * (document properties: title, subject ...). */
void         pl_export_xml_text_element  (xmlTextWriterPtr    writer,
                                          const char         *element,
                                          const char         *text,
                                          GString            *scratch);

/* What the DOCX and ODT writers share while they write a part: the
 * export, the libxml2 writer of the part, the constant markup on its way
 * to it, and scratch room for pl_export_clean_text(). A writer's own
 * struct starts with it, so that the outline's callbacks reach it
 * through ol->writer. */
typedef struct {
  PlExportContext  *ctx;
  xmlTextWriterPtr  w;
  PlExportMarkup   *markup;      /* written by pl_export_part_raw(), not yet given to w */
  GString          *scratch;
} PlExportPart;

void         pl_export_part_init         (PlExportPart       *part,
                                          PlExportContext    *ctx);
void         pl_export_part_clear        (PlExportPart       *part);

/* The writer, once the markup buffered by pl_export_part_raw() is
 * written: every other use of the writer goes through here, so that the
 * order is kept. Inline: these are called for every node. */
static inline xmlTextWriterPtr
pl_export_part_sync (PlExportPart *part)
{
  return pl_export_markup_sync (part->markup, part->w);
}

/* Constant markup, balanced and free of anything from the document. */
static inline void
pl_export_part_raw (PlExportPart *part,
                    const char   *markup)
{
  pl_export_markup_raw (part->markup, part->w, markup);
}

static inline void
pl_export_part_number (PlExportPart *part,
                       guint64       n)
{
  pl_export_markup_number (part->markup, part->w, n);
}

/* Element content from the document, escaped by libxml2 when it needs it. */
static inline void
pl_export_part_text (PlExportPart *part,
                     const char   *text)
{
  pl_export_markup_text (part->markup, part->w, text);
}

/* PlOutlineOps.table_end of a writer whose struct starts with a
 * PlExportPart: ends the element the table began. */
void         pl_export_part_end_element_cb (PlOutline        *ol);

G_END_DECLS
