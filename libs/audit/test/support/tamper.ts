import BetterSqlite3 from 'better-sqlite3';
import { rowOf } from './audit-log';

/** Changes the first byte of `near` in an event's stored data to `replacement`. */
export function changeOneByte(db: BetterSqlite3.Database, stream: string, revision: number, near: string, replacement: string): void {
  const { data } = rowOf(db, stream, revision);
  const bytes = Buffer.from(data, 'utf8');
  const at = bytes.indexOf(near);
  bytes[at] = replacement.charCodeAt(0);
  db.prepare('UPDATE events SET data = ? WHERE stream_name = ? AND revision = ?').run(bytes.toString('utf8'), stream, revision);
}

/** Exchanges id, type, data and metadata between two rows: the events trade places, positions and revisions stay. */
export function swapContents(db: BetterSqlite3.Database, stream: string, first: number, second: number): void {
  const read = db.prepare('SELECT id, type, data, metadata FROM events WHERE stream_name = ? AND revision = ?');
  const write = db.prepare('UPDATE events SET id = ?, type = ?, data = ?, metadata = ? WHERE stream_name = ? AND revision = ?');
  const a = read.get(stream, first) as { id: string; type: string; data: string; metadata: string };
  const b = read.get(stream, second) as typeof a;
  db.transaction(() => {
    write.run('swap', a.type, a.data, a.metadata, stream, second);
    write.run(b.id, b.type, b.data, b.metadata, stream, first);
    write.run(a.id, a.type, a.data, a.metadata, stream, second);
  })();
}

/** Exchanges the revision numbers of two rows: the events keep their positions but change places in the stream. */
export function swapRevisions(db: BetterSqlite3.Database, stream: string, first: number, second: number): void {
  const move = db.prepare('UPDATE events SET revision = ? WHERE stream_name = ? AND revision = ?');
  db.transaction(() => {
    move.run(-1, stream, first);
    move.run(first, stream, second);
    move.run(second, stream, -1);
  })();
}
