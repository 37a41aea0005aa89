import type { Database } from 'better-sqlite3';

/**
 * One table: the global log. `position` is the rowid with AUTOINCREMENT, so it
 * only ever grows and is never reused. A stream's head is its highest revision,
 * found through the (stream_name, revision) index.
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
  `);
}
