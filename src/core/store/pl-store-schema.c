/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-store-schema.h"

/*
 * The schema, one migration per version. A migration takes the file from
 * version N-1 to N and runs inside one transaction. Never edit a released
 * migration: add a new one.
 *
 * Every table has id, uuid, position, deleted (0 = live, otherwise the
 * token of the delete that removed it, so undo restores exactly that
 * batch), created_at and updated_at. Enums are stored as their nicks.
 * Narrative text is indexed in text_index (FTS5) with rowid = id * 8 +
 * kind: 1 section, 2 pillar, 3 objective, 4 action. Feedback has its own
 * index, feedback_index (rowid = feedback id), so that searching 20,000
 * comments never ranks them against the narrative, and the feedback pane
 * filters by words without decoding rowids.
 */

#define COMMON \
  "id INTEGER PRIMARY KEY, " \
  "uuid TEXT NOT NULL UNIQUE, " \
  "position INTEGER NOT NULL DEFAULT 0, " \
  "deleted INTEGER NOT NULL DEFAULT 0, " \
  "created_at TEXT NOT NULL, " \
  "updated_at TEXT NOT NULL, "

#define INDEX_TRIGGERS(table, code, title_expr, body_expr) \
  "CREATE TRIGGER " table "_ai AFTER INSERT ON " table " WHEN new.deleted = 0 BEGIN " \
  "  INSERT INTO text_index (rowid, title, body) VALUES (new.id * 8 + " code ", " title_expr ", " body_expr "); " \
  "END; " \
  "CREATE TRIGGER " table "_ad AFTER DELETE ON " table " BEGIN " \
  "  DELETE FROM text_index WHERE rowid = old.id * 8 + " code "; " \
  "END; " \
  "CREATE TRIGGER " table "_au AFTER UPDATE ON " table " BEGIN " \
  "  DELETE FROM text_index WHERE rowid = old.id * 8 + " code "; " \
  "  INSERT INTO text_index (rowid, title, body) SELECT new.id * 8 + " code ", " title_expr ", " body_expr " WHERE new.deleted = 0; " \
  "END; "

static const char migration_1[] =
  "CREATE TABLE strategy (" COMMON
  "  title TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', "
  "  version_label TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'drafting', "
  "  classification TEXT NOT NULL DEFAULT '', lead_agency TEXT NOT NULL DEFAULT '', "
  "  vision TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE TABLE sections (" COMMON
  "  kind TEXT NOT NULL DEFAULT 'other', title TEXT NOT NULL DEFAULT '', "
  "  body TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE TABLE pillars (" COMMON
  "  title TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '', "
  "  body TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE TABLE objectives (" COMMON
  "  pillar_id INTEGER NOT NULL REFERENCES pillars (id) ON DELETE CASCADE, "
  "  title TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE INDEX objectives_by_pillar ON objectives (pillar_id, position); "
  "CREATE TABLE actions (" COMMON
  "  objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE, "
  "  title TEXT NOT NULL DEFAULT '', lead_agency TEXT NOT NULL DEFAULT '', "
  "  partners TEXT NOT NULL DEFAULT '', timeframe TEXT NOT NULL DEFAULT 'unset', "
  "  start_date TEXT NOT NULL DEFAULT '', end_date TEXT NOT NULL DEFAULT '', "
  "  priority TEXT NOT NULL DEFAULT 'none', indicator TEXT NOT NULL DEFAULT '', "
  "  cost TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'planned') STRICT; "
  "CREATE INDEX actions_by_objective ON actions (objective_id, position); "
  "CREATE TABLE workshops (" COMMON
  "  title TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '', "
  "  location TEXT NOT NULL DEFAULT '', partner TEXT NOT NULL DEFAULT '', "
  "  start_date TEXT NOT NULL DEFAULT '', end_date TEXT NOT NULL DEFAULT '', "
  "  notes TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE TABLE stakeholders (" COMMON
  "  name TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '', "
  "  sector TEXT NOT NULL DEFAULT 'government', contact TEXT NOT NULL DEFAULT '', "
  "  may_be_named INTEGER NOT NULL DEFAULT 0) STRICT; "
  "CREATE INDEX stakeholders_by_name ON stakeholders (name COLLATE NOCASE); "
  "CREATE TABLE feedback (" COMMON
  "  kind TEXT NOT NULL DEFAULT 'comment', body TEXT NOT NULL DEFAULT '', "
  "  target_kind TEXT NOT NULL DEFAULT 'strategy', target_id INTEGER NOT NULL DEFAULT 0, "
  "  pillar_id INTEGER REFERENCES pillars (id) ON DELETE SET NULL, "
  "  quote TEXT NOT NULL DEFAULT '', "
  "  workshop_id INTEGER REFERENCES workshops (id) ON DELETE SET NULL, "
  "  stakeholder_id INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL, "
  "  captured_at TEXT NOT NULL, priority TEXT NOT NULL DEFAULT 'none', "
  "  disposition TEXT NOT NULL DEFAULT 'open', response TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE INDEX feedback_by_target ON feedback (target_kind, target_id); "
  "CREATE INDEX feedback_by_stakeholder ON feedback (stakeholder_id); "
  "CREATE VIRTUAL TABLE text_index USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2'); "
  INDEX_TRIGGERS ("sections", "1", "new.title", "new.body")
  INDEX_TRIGGERS ("pillars", "2", "new.title", "new.summary || char(10) || new.body")
  INDEX_TRIGGERS ("objectives", "3", "new.title", "new.description")
  INDEX_TRIGGERS ("actions", "4", "new.title",
                  "new.lead_agency || char(10) || new.partners || char(10) || new.indicator")
  "CREATE VIRTUAL TABLE feedback_index USING fts5 (quote, body, tokenize = 'unicode61 remove_diacritics 2'); "
  "CREATE TRIGGER feedback_ai AFTER INSERT ON feedback WHEN new.deleted = 0 BEGIN "
  "  INSERT INTO feedback_index (rowid, quote, body) VALUES (new.id, new.quote, new.body || char(10) || new.response); "
  "END; "
  "CREATE TRIGGER feedback_ad AFTER DELETE ON feedback BEGIN "
  "  DELETE FROM feedback_index WHERE rowid = old.id; "
  "END; "
  "CREATE TRIGGER feedback_au AFTER UPDATE OF quote, body, response, deleted ON feedback BEGIN "
  "  DELETE FROM feedback_index WHERE rowid = old.id; "
  "  INSERT INTO feedback_index (rowid, quote, body) SELECT new.id, new.quote, new.body || char(10) || new.response "
  "    WHERE new.deleted = 0; "
  "END; ";

/* Version 2: orphaned quotations, snapshots, feedback in capture order. */
static const char migration_2[] =
  "ALTER TABLE feedback ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0; "
  /* Covers the feedback pane's default list: newest first, with the open
   * count, without touching the table. */
  "CREATE INDEX feedback_by_time ON feedback (deleted, captured_at DESC, id DESC, disposition); "
  "CREATE INDEX feedback_by_pillar ON feedback (pillar_id); "
  "CREATE TABLE snapshots (" COMMON
  "  name TEXT NOT NULL DEFAULT '', content TEXT NOT NULL DEFAULT '') STRICT; "
  /* Live and open feedback counts, kept by triggers, so a document with
   * 20,000 items opens without counting them. */
  "CREATE TABLE feedback_stats (id INTEGER PRIMARY KEY CHECK (id = 1), "
  "  live INTEGER NOT NULL, open INTEGER NOT NULL) STRICT; "
  "INSERT INTO feedback_stats (id, live, open) SELECT 1, count(*), "
  "  coalesce (sum (disposition = 'open'), 0) FROM feedback WHERE deleted = 0; "
  "CREATE TRIGGER feedback_stats_ai AFTER INSERT ON feedback BEGIN "
  "  UPDATE feedback_stats SET live = live + (new.deleted = 0), "
  "    open = open + (new.deleted = 0 AND new.disposition = 'open'); "
  "END; "
  "CREATE TRIGGER feedback_stats_ad AFTER DELETE ON feedback BEGIN "
  "  UPDATE feedback_stats SET live = live - (old.deleted = 0), "
  "    open = open - (old.deleted = 0 AND old.disposition = 'open'); "
  "END; "
  "CREATE TRIGGER feedback_stats_au AFTER UPDATE OF deleted, disposition ON feedback BEGIN "
  "  UPDATE feedback_stats SET "
  "    live = live - (old.deleted = 0) + (new.deleted = 0), "
  "    open = open - (old.deleted = 0 AND old.disposition = 'open') "
  "                + (new.deleted = 0 AND new.disposition = 'open'); "
  "END; ";

/* Version 3: snapshots as content-addressed copies. A snapshot row keeps
 * its label, the lifecycle status when it was taken, whether Pillars took
 * it itself, and the hash of its copy's root; the copy is objects stored
 * once under the hash of their bytes (rows, paragraphs of long texts,
 * objectives with their actions, pillars with their objectives), shared by
 * every snapshot that holds them (see pl-store-snapshots.c). Snapshots of
 * format 2 (Markdown in content) stay readable as rows; they hold no copy. */
static const char migration_3[] =
  "ALTER TABLE snapshots ADD COLUMN status TEXT NOT NULL DEFAULT 'drafting'; "
  "ALTER TABLE snapshots ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0; "
  "ALTER TABLE snapshots ADD COLUMN root TEXT NOT NULL DEFAULT ''; "
  "ALTER TABLE snapshots ADD COLUMN format INTEGER NOT NULL DEFAULT 0; "
  "CREATE TABLE snapshot_objects (id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, "
  "  data BLOB NOT NULL) STRICT; ";

/* Version 4: merging copies of a document made on other laptops. Which
 * file this is (a copy gets its own instance at its first write at a new
 * path, with the change it forked at), what the master has seen of each
 * source, and the earlier fields of rows a merge overwrote (the base of a
 * later three-way merge). */
static const char migration_4[] =
  "CREATE TABLE file_instance (id INTEGER PRIMARY KEY CHECK (id = 1), "
  "  uuid TEXT NOT NULL, path TEXT NOT NULL, origin TEXT NOT NULL DEFAULT '', "
  "  forked_at TEXT NOT NULL DEFAULT '') STRICT; "
  "CREATE TABLE merge_sources (uuid TEXT PRIMARY KEY, seen TEXT NOT NULL, "
  "  merged_at TEXT NOT NULL) STRICT; "
  "CREATE TABLE merge_history (row_uuid TEXT NOT NULL, updated_at TEXT NOT NULL, "
  "  fields TEXT NOT NULL, PRIMARY KEY (row_uuid, updated_at)) STRICT; "
  /* A merge reads only the UUIDs of rows unchanged since its base: from
   * these covering indexes rather than from the rows' text. */
  "CREATE INDEX feedback_by_change ON feedback (updated_at, uuid, deleted); "
  "CREATE INDEX actions_by_change ON actions (updated_at, uuid, deleted); "
  "CREATE INDEX objectives_by_change ON objectives (updated_at, uuid, deleted); "
  "CREATE INDEX stakeholders_by_change ON stakeholders (updated_at, uuid, deleted); ";

/* Version 5: the strategy's language (a BCP 47 tag, "ar", "fr-SN"), which
 * the exports declare; '' = the language of the user interface. */
static const char migration_5[] =
  "ALTER TABLE strategy ADD COLUMN language TEXT NOT NULL DEFAULT ''; ";

/* Version 6: the ministries' review round trip. Amendments carry a
 * proposed text and what it does to the quoted passage; every item says
 * where it came from (captured, or a comment, tracked change or untracked
 * edit in a returned review copy) and, once a text change answered it,
 * which record and field that change was made in. */
static const char migration_6[] =
  "ALTER TABLE feedback ADD COLUMN proposal TEXT NOT NULL DEFAULT ''; "
  "ALTER TABLE feedback ADD COLUMN operation TEXT NOT NULL DEFAULT 'replace'; "
  "ALTER TABLE feedback ADD COLUMN origin TEXT NOT NULL DEFAULT 'captured'; "
  "ALTER TABLE feedback ADD COLUMN answered_by TEXT NOT NULL DEFAULT ''; "
  "ALTER TABLE feedback ADD COLUMN answered_field TEXT NOT NULL DEFAULT ''; ";

static const char *const migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PL_STORE_SCHEMA_VERSION + 1);

const char *
pl_store_schema_migration (int to_version)
{
  if (to_version < 1 || to_version > PL_STORE_SCHEMA_VERSION)
    return NULL;
  return migrations[to_version];
}
