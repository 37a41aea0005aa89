import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { InvalidAppend } from '../errors';
import { planAppend, validateBatch } from '../append-plan';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { AppendSignal, LogSubscription } from '../log-subscription';
import { GroupCommit, Outcome } from './group-commit';
import { createSchema, EventRow } from './schema';

export interface SqliteEventStoreOptions {
  /**
   * 'full' (default): an append is acknowledged only after its commit is
   * fsynced (synchronous=FULL). 'relaxed' (synchronous=NORMAL) survives a
   * process crash but may lose the last commits on power loss; for tests only.
   */
  durability?: 'full' | 'relaxed';
  /** Open an existing file for reading only, e.g. from the command line while the API writes. */
  readonly?: boolean;
}

interface AppendRequest {
  streamName: string;
  events: EventData[];
  expected: ExpectedRevision;
}

const LAST = Number.MAX_SAFE_INTEGER;

/** The embedded default: one SQLite file in WAL mode, appends grouped into shared transactions. */
export class SqliteEventStore implements EventStore {
  readonly appended = new AppendSignal();
  private readonly db: Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly group: GroupCommit<AppendRequest, AppendResult>;
  private readonly readonly: boolean;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.readonly = options.readonly ?? false;
    if (!this.readonly) mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file, { readonly: this.readonly, fileMustExist: this.readonly });
    this.db.pragma('busy_timeout = 10000');
    if (!this.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.durability === 'relaxed' ? 'NORMAL' : 'FULL'}`);
      createSchema(this.db);
    }
    this.sql = prepareStatements(this.db);
    const applyOne = this.db.transaction((request: AppendRequest) => this.applyOne(request));
    const commitAll = this.db.transaction((requests: AppendRequest[]) =>
      requests.map((request): Outcome<AppendResult> => {
        try {
          return { ok: applyOne(request) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.group = new GroupCommit((requests) => commitAll.immediate(requests), () => this.appended.notify());
  }

  async append(streamName: string, events: EventData[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    if (this.readonly) throw new InvalidAppend('this event store was opened read-only');
    validateBatch(streamName, events);
    return this.group.submit({ streamName, events, expected });
  }

  /** Runs inside the shared transaction, as a savepoint of its own. */
  private applyOne({ streamName, events, expected }: AppendRequest): AppendResult {
    const headRow = this.sql.head.get(streamName) as { revision: number; hash: string } | undefined;
    const known = new Map<string, number>();
    for (const event of events) {
      const row = this.sql.revisionOfId.get(streamName, event.id) as { revision: number } | undefined;
      if (row) known.set(event.id, row.revision);
    }
    const plan = planAppend(streamName, events, expected, headRow, known);
    if (plan.kind === 'retry') {
      const { position } = this.sql.positionOf.get(streamName, plan.lastRevision) as { position: number };
      return { nextExpectedRevision: plan.lastRevision, position };
    }
    let position = 0;
    chainEvents(events, headRow?.hash ?? GENESIS_HASH).forEach((event, i) => {
      const info = this.sql.insert.run(
        streamName,
        plan.firstRevision + i,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = Number(info.lastInsertRowid);
    });
    return { nextExpectedRevision: plan.firstRevision + events.length - 1, position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = resolveFrom(options.fromRevision, backwards);
    const statement = backwards ? this.sql.streamBackwards : this.sql.streamForwards;
    return toEvents(statement.all(streamName, from, options.maxCount ?? -1) as EventRow[]);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = resolveFrom(options.fromPosition, backwards);
    const statement = backwards ? this.sql.allBackwards : this.sql.allForwards;
    return toEvents(statement.all(from, options.maxCount ?? -1) as EventRow[]);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return new LogSubscription(this, options);
  }

  currentHead(): number {
    return (this.sql.headPosition.get() as { position: number }).position;
  }

  async headPosition(): Promise<number> {
    return this.currentHead();
  }

  async close(): Promise<void> {
    await this.group.drained();
    this.appended.notify();
    if (this.db.open) this.db.close();
  }
}

function resolveFrom(from: number | 'start' | 'end' | undefined, backwards: boolean): number {
  if (from === undefined) return backwards ? LAST : 0;
  if (from === 'start') return 0;
  if (from === 'end') return LAST;
  return from;
}

function prepareStatements(db: Database) {
  const columns = 'position, stream_name, revision, id, type, data, metadata';
  const prepare = (source: string): Statement => db.prepare(source);
  return {
    head: prepare(
      `SELECT revision, metadata ->> '$.hash' AS hash FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1`,
    ),
    revisionOfId: prepare('SELECT revision FROM events WHERE stream_name = ? AND id = ?'),
    positionOf: prepare('SELECT position FROM events WHERE stream_name = ? AND revision = ?'),
    insert: prepare('INSERT INTO events (stream_name, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
    streamForwards: prepare(
      `SELECT ${columns} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: prepare(
      `SELECT ${columns} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    allForwards: prepare(`SELECT ${columns} FROM events WHERE position >= ? ORDER BY position LIMIT ?`),
    allBackwards: prepare(`SELECT ${columns} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`),
    headPosition: prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
  };
}

function toEvents(rows: EventRow[]): RecordedEvent[] {
  return rows.map((row) => ({
    id: row.id,
    streamName: row.stream_name,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  }));
}
