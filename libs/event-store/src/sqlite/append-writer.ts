import type { Database } from 'better-sqlite3';
import { AppendResult, ExpectedRevision } from '../event-store.port';
import { checkExpectedRevision, planAppend, StreamHead } from '../append-plan';
import { GENESIS_HASH } from '../hash-chain';
import { chainRows, ChainedRow, PreparedEvent } from './event-rows';
import { Outcome } from './group-commit';
import { EventStatements, ROWS_PER_INSERT } from './statements';
import { StreamHeads } from './stream-heads';

/** One stream's part of a request. */
export interface StreamBatch {
  streamName: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
}

/** One append: to one stream, or to several at once (all or nothing). */
export interface AppendRequest {
  batches: StreamBatch[];
}

/** A request that will append: its rows, where they go, and the head they make. */
interface Planned {
  streamName: string;
  firstRevision: number;
  rows: ChainedRow[];
}

/** The inside of one write transaction: the group's requests, each applied or refused alone. */
export class AppendWriter {
  constructor(
    private readonly db: Database,
    private readonly sql: EventStatements,
    private readonly heads: StreamHeads,
  ) {}

  applyGroup(requests: AppendRequest[]): Outcome<AppendResult[]>[] {
    this.heads.validate();
    return requests.map((request) => this.attempt(request));
  }

  /** One request of the shared transaction: refused alone, unless the transaction itself is gone. */
  private attempt({ batches }: AppendRequest): Outcome<AppendResult[]> {
    try {
      return { ok: batches.length === 1 ? [this.applyOne(batches[0])] : this.applyAll(batches) };
    } catch (error) {
      // SQLite rolls the whole transaction back on I/O errors, disk full and the like: fail the group.
      if (!this.db.inTransaction) throw error;
      return { error };
    }
  }

  /** Several streams in a savepoint of their own: one refused, the others are rolled back with it. */
  private applyAll(batches: StreamBatch[]): AppendResult[] {
    try {
      return this.db.transaction(() => batches.map((batch) => this.applyOne(batch)))();
    } catch (error) {
      // The heads of the streams appended before the refusal were cached; the savepoint undid them.
      this.heads.forget();
      throw error;
    }
  }

  /**
   * The common case costs the head (usually cached) and one INSERT: a
   * repeated event id is caught by the unique (stream_name, id) index. Only
   * then are the batch's ids looked up, to tell an idempotent retry from a
   * conflict.
   */
  private applyOne({ streamName, events, expected }: StreamBatch): AppendResult {
    const head = this.heads.get(streamName);
    let refused: unknown;
    if (expectationHolds(streamName, expected, head)) {
      const planned = this.plan(streamName, events, head);
      try {
        return this.appended(planned, this.insertAtomically(planned));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        refused = error;
      }
    }
    const known = new Map<string, number>();
    for (const event of events) {
      const row = this.sql.revisionOfId.get(streamName, event.id) as { revision: number } | undefined;
      if (row) known.set(event.id, row.revision);
    }
    const plan = planAppend(streamName, events, expected, head, known);
    if (plan.kind === 'append') throw refused;
    const { position } = this.sql.positionOf.get(streamName, plan.lastRevision) as { position: number };
    return { nextExpectedRevision: plan.lastRevision, position };
  }

  private plan(streamName: string, events: PreparedEvent[], head: StreamHead | undefined): Planned {
    return { streamName, firstRevision: head ? head.revision + 1 : 0, rows: chainRows(events, head?.hash ?? GENESIS_HASH) };
  }

  /** One INSERT is atomic; a batch larger than one INSERT takes a savepoint. */
  private insertAtomically(planned: Planned): number {
    const { streamName, firstRevision, rows } = planned;
    if (rows.length <= ROWS_PER_INSERT) return this.sql.insert(streamName, firstRevision, rows);
    return this.db.transaction(() => {
      let last = 0;
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        last = this.sql.insert(streamName, firstRevision + i, rows.slice(i, i + ROWS_PER_INSERT));
      }
      return last;
    })();
  }

  private appended({ streamName, firstRevision, rows }: Planned, position: number): AppendResult {
    const revision = firstRevision + rows.length - 1;
    this.heads.appended(streamName, { revision, hash: rows[rows.length - 1].hash });
    return { nextExpectedRevision: revision, position };
  }
}

function expectationHolds(streamName: string, expected: ExpectedRevision, head: StreamHead | undefined): boolean {
  try {
    checkExpectedRevision(streamName, expected, head);
    return true;
  } catch {
    return false;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
