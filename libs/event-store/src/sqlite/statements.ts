import type { Database, Statement } from 'better-sqlite3';
import { ChainedMetadata, JsonObject, RecordedEvent } from '../event-store.port';
import { ChainedRow } from './event-rows';

/** Rows per INSERT statement: one statement is atomic, so a batch up to this size needs no savepoint. */
export const ROWS_PER_INSERT = 100;

const COLUMNS = 'position, stream_name, revision, id, type, data, metadata';
/** A row as read with `.raw()`, in the order of COLUMNS. */
type RawRow = [number, string, number, string, string, string, string];

/** Every statement the store runs, prepared once. */
export class EventStatements {
  readonly revisionOfId: Statement;
  readonly positionOf: Statement;
  readonly headPosition: Statement;
  private readonly streamForwards: Statement;
  private readonly streamBackwards: Statement;
  private readonly allForwards: Statement;
  private readonly allBackwards: Statement;
  private readonly inserts = new Map<number, Statement>();

  constructor(private readonly db: Database) {
    this.revisionOfId = db.prepare('SELECT revision FROM events WHERE stream_name = ? AND id = ?');
    this.positionOf = db.prepare('SELECT position FROM events WHERE stream_name = ? AND revision = ?');
    this.headPosition = db.prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events');
    const read = (source: string) => db.prepare(`SELECT ${COLUMNS} FROM events WHERE ${source} LIMIT ?`).raw();
    this.streamForwards = read('stream_name = ? AND revision >= ? ORDER BY revision');
    this.streamBackwards = read('stream_name = ? AND revision <= ? ORDER BY revision DESC');
    this.allForwards = read('position >= ? ORDER BY position');
    this.allBackwards = read('position <= ? ORDER BY position DESC');
  }

  readStream(streamName: string, from: number, backwards: boolean, maxCount: number): RecordedEvent[] {
    const statement = backwards ? this.streamBackwards : this.streamForwards;
    return toEvents(statement.all(streamName, from, maxCount) as RawRow[]);
  }

  readAll(from: number, backwards: boolean, maxCount: number): RecordedEvent[] {
    const statement = backwards ? this.allBackwards : this.allForwards;
    return toEvents(statement.all(from, maxCount) as RawRow[]);
  }

  /**
   * Inserts up to ROWS_PER_INSERT rows of one stream with a single statement
   * (atomic: all or nothing) and returns the position of the last one.
   */
  insert(streamName: string, firstRevision: number, rows: ChainedRow[]): number {
    const values = new Array<unknown>(rows.length * 6);
    for (let i = 0, v = 0; i < rows.length; i++) {
      const row = rows[i];
      values[v++] = streamName;
      values[v++] = firstRevision + i;
      values[v++] = row.id;
      values[v++] = row.type;
      values[v++] = row.data;
      values[v++] = row.metadata;
    }
    return Number(this.insertStatement(rows.length).run(values).lastInsertRowid);
  }

  private insertStatement(rowCount: number): Statement {
    let statement = this.inserts.get(rowCount);
    if (!statement) {
      const tuples = new Array<string>(rowCount).fill('(?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.db.prepare(`INSERT INTO events (stream_name, revision, id, type, data, metadata) VALUES ${tuples}`);
      this.inserts.set(rowCount, statement);
    }
    return statement;
  }
}

function toEvents(rows: RawRow[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    events[i] = {
      id: row[3],
      streamName: row[1],
      revision: row[2],
      position: row[0],
      type: row[4],
      data: JSON.parse(row[5]) as JsonObject,
      metadata: JSON.parse(row[6]) as ChainedMetadata,
    };
  }
  return events;
}
