import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The global log, and the store's identity. `position` is the rowid with
 * AUTOINCREMENT, so it only ever grows and is never reused. A stream's head
 * is its highest revision, found through the (stream_name, revision) index.
 */
export function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_name TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      id          TEXT    NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_revision ON events (stream_name, revision);
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_id ON events (stream_name, id);
    CREATE TABLE IF NOT EXISTS store (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  `);
  // Read first: on a full disk an existing store must open without writing anything.
  if (readIdentity(db) === undefined) db.prepare(`INSERT INTO store (key, value) VALUES ('identity', ?)`).run(randomUUID());
}

/** The identity stored in the file; undefined for a file no writable store has opened since identities were introduced. */
export function readIdentity(db: Database): string | undefined {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store'`).get();
  if (!table) return undefined;
  return db.prepare(`SELECT value FROM store WHERE key = 'identity'`).pluck().get() as string | undefined;
}
