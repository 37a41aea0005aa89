import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { Database } from 'better-sqlite3';
import type { LogAnchor } from '@sagsgang/event-store';

/** Bump it when the rows or the tokenizer change meaning: the index is then built again from the log. */
const VERSION = 2;

/** One punkt of a public document. */
export interface IndeksRaekke {
  moedeId: string;
  art: 'dagsorden' | 'referat';
  nr: number;
  udvalg: string;
  start: string;
  titel: string;
  tekst: string;
}

/** A hit: the punkt's row, best first. */
export type Fund = IndeksRaekke;

/** The index's file in the data folder. */
export const SOEGNING_FILE_NAME = 'soegning.sqlite';

/**
 * The public documents' text in SQLite FTS5 (`SAGSGANG_DATA/soegning.sqlite`),
 * one row per punkt of each sent dagsorden and published referat, with the
 * checkpoint of the log it reflects (anchored: the store and the event at its
 * position, see LogAnchor) and which sager sit on which
 * meetings (so a change to a sag reaches the meetings that show it). Rows
 * live in a plain table; the FTS5 table indexes them as its external content,
 * kept in step by triggers, so a meeting's rows are replaced by its id.
 */
export class SoegeIndeks {
  private readonly db: Database;
  private readonly sql;
  private rettelser = 0;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new BetterSqlite3(join(dataDir, SOEGNING_FILE_NAME));
    this.db.pragma('journal_mode = WAL');
    // The log is the source: a commit lost on power loss is indexed again from the checkpoint.
    this.db.pragma('synchronous = NORMAL');
    this.opret();
    this.sql = {
      checkpoint: this.db.prepare('SELECT position, store_id AS storeId, event_id AS eventId FROM soeg_checkpoint WHERE id = 1'),
      gem: this.db.prepare('UPDATE soeg_checkpoint SET position = ?, store_id = ?, event_id = ? WHERE id = 1'),
      knyt: this.db.prepare('INSERT OR IGNORE INTO soeg_sag (sag_id, moede_id) VALUES (?, ?)'),
      moeder: this.db.prepare('SELECT moede_id FROM soeg_sag WHERE sag_id = ?').pluck(),
      slet: this.db.prepare('DELETE FROM soeg_raekke WHERE moede_id = ?'),
      indsaet: this.db.prepare(
        'INSERT INTO soeg_raekke (moede_id, art, nr, udvalg, start, titel, tekst) VALUES (@moedeId, @art, @nr, @udvalg, @start, @titel, @tekst)',
      ),
      rang: this.db.prepare('SELECT rowid FROM soeg_fts WHERE soeg_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?').pluck(),
      raekke: this.db.prepare('SELECT moede_id AS moedeId, art, nr, udvalg, start, titel, tekst FROM soeg_raekke WHERE id = ?'),
    };
  }

  /** Grows whenever rows change, so what was read from the index can be kept until then. */
  get version(): number {
    return this.rettelser;
  }

  get position(): number {
    return this.anchor.position;
  }

  get anchor(): LogAnchor {
    const { position, storeId, eventId } = this.sql.checkpoint.get() as {
      position: number;
      storeId: string | null;
      eventId: string | null;
    };
    return { position, ...(storeId ? { storeId } : {}), ...(eventId ? { eventId } : {}) };
  }

  /** The meetings a sag has been put on. */
  moederMedSag(sagId: string): string[] {
    return this.sql.moeder.all(sagId) as string[];
  }

  knyt(sagId: string, moedeId: string): void {
    this.sql.knyt.run(sagId, moedeId);
  }

  /** Replaces each meeting's rows and moves the checkpoint to the anchor, in one transaction. */
  gem(moeder: ReadonlyMap<string, readonly IndeksRaekke[]>, { position, storeId, eventId }: LogAnchor): void {
    this.db.transaction(() => {
      for (const [moedeId, raekker] of moeder) {
        this.sql.slet.run(moedeId);
        for (const raekke of raekker) this.sql.indsaet.run(raekke);
      }
      this.sql.gem.run(position, storeId ?? null, eventId ?? null);
    })();
    if (moeder.size > 0) this.rettelser++;
  }

  /** Empties the index, to build it again from the start of the log (its checkpoint was not in the log). */
  nulstil(): void {
    this.db.exec(
      'DELETE FROM soeg_raekke; DELETE FROM soeg_sag; UPDATE soeg_checkpoint SET position = 0, store_id = NULL, event_id = NULL',
    );
    this.rettelser++;
  }

  /** Best match first (bm25; words in the title count four times those in the text). */
  soeg(udtryk: string, limit: number, offset: number): Fund[] {
    const rowids = this.sql.rang.all(udtryk, limit, offset) as number[];
    return rowids.map((rowid) => this.sql.raekke.get(rowid) as Fund);
  }

  close(): void {
    this.db.close();
  }

  private opret(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS soeg_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, version INTEGER NOT NULL, store_id TEXT, event_id TEXT)',
    );
    const columns = new Set((this.db.pragma('table_info(soeg_checkpoint)') as Array<{ name: string }>).map((column) => column.name));
    for (const column of ['store_id', 'event_id'])
      if (!columns.has(column)) this.db.exec(`ALTER TABLE soeg_checkpoint ADD COLUMN ${column} TEXT`);
    const version = this.db.prepare('SELECT version FROM soeg_checkpoint WHERE id = 1').pluck().get() as number | undefined;
    if (version === VERSION) return;
    this.db.exec(`
      DROP TABLE IF EXISTS soeg_fts; DROP TABLE IF EXISTS soeg_raekke; DROP TABLE IF EXISTS soeg_sag;
      CREATE TABLE soeg_sag (sag_id TEXT NOT NULL, moede_id TEXT NOT NULL, PRIMARY KEY (sag_id, moede_id)) WITHOUT ROWID;
      CREATE TABLE soeg_raekke (id INTEGER PRIMARY KEY, moede_id TEXT NOT NULL, art TEXT NOT NULL, nr INTEGER NOT NULL,
        udvalg TEXT NOT NULL, start TEXT NOT NULL, titel TEXT NOT NULL, tekst TEXT NOT NULL);
      CREATE INDEX soeg_raekke_moede ON soeg_raekke (moede_id);
      CREATE VIRTUAL TABLE soeg_fts USING fts5(titel, tekst, content = 'soeg_raekke', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0');
      CREATE TRIGGER soeg_raekke_ind AFTER INSERT ON soeg_raekke BEGIN
        INSERT INTO soeg_fts (rowid, titel, tekst) VALUES (new.id, new.titel, new.tekst);
      END;
      CREATE TRIGGER soeg_raekke_ud AFTER DELETE ON soeg_raekke BEGIN
        INSERT INTO soeg_fts (soeg_fts, rowid, titel, tekst) VALUES ('delete', old.id, old.titel, old.tekst);
      END;
      INSERT INTO soeg_fts (soeg_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
      DELETE FROM soeg_checkpoint;
    `);
    this.db.prepare('INSERT INTO soeg_checkpoint (id, position, version) VALUES (1, 0, ?)').run(VERSION);
  }
}
