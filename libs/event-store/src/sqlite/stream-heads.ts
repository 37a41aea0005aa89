import type { Database, Statement } from 'better-sqlite3';
import { StreamHead } from '../append-plan';

const MAX_STREAMS = 10_000;

/**
 * The head (last revision and hash) of recently appended streams, so that an
 * append does not read its stream's last row back from the table.
 *
 * Only this connection's own commits are cached. `PRAGMA data_version`
 * changes when any other connection (another process, another store on the
 * same file) commits; it is checked at the start of every write transaction,
 * while the write lock is held, and a change empties the cache. A write
 * transaction that fails empties it too, so a rolled-back append is never
 * taken for the head.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead | null>();
  private readonly dataVersion: Statement;
  private readonly lookup: Statement;
  private seenVersion = -1;

  constructor(db: Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.lookup = db.prepare(
      `SELECT revision, metadata ->> '$.hash' AS hash FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1`,
    );
  }

  /** Call first thing in every write transaction. */
  validate(): void {
    const version = this.dataVersion.get() as number;
    if (version !== this.seenVersion) {
      this.heads.clear();
      this.seenVersion = version;
    }
  }

  get(streamName: string): StreamHead | undefined {
    const cached = this.heads.get(streamName);
    if (cached !== undefined) return cached ?? undefined;
    const head = this.lookup.get(streamName) as StreamHead | undefined;
    this.remember(streamName, head ?? null);
    return head;
  }

  /** After a successful insert inside the current transaction. */
  appended(streamName: string, head: StreamHead): void {
    this.remember(streamName, head);
  }

  /** After a failed write transaction. */
  forget(): void {
    this.heads.clear();
  }

  private remember(streamName: string, head: StreamHead | null): void {
    this.heads.delete(streamName);
    if (this.heads.size >= MAX_STREAMS) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(streamName, head);
  }
}
