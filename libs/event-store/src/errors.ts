import { ExpectedRevision } from './event-store.port';

/** The stream's current revision is not the one the append expected. */
export class ExpectedRevisionConflict extends Error {
  override readonly name = 'ExpectedRevisionConflict';

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision; 'no_stream' when it does not exist. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/**
 * Some, but not all, of a batch's event ids are already in the stream (or in
 * another order): the batch is neither new nor an exact retry.
 */
export class PartialRetryConflict extends Error {
  override readonly name = 'PartialRetryConflict';

  constructor(
    readonly streamName: string,
    readonly knownIds: string[],
  ) {
    super(`Stream ${streamName}: batch partly repeats events already appended (${knownIds.join(', ')})`);
  }
}

/** The append itself is malformed (empty type, duplicate ids in one batch, …). */
export class InvalidAppend extends Error {
  override readonly name = 'InvalidAppend';
}

/** The store's file cannot be read as a database, or fails its integrity check: it is never repaired automatically. */
export class EventStoreDamaged extends Error {
  override readonly name = 'EventStoreDamaged';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      `The event store ${file} is damaged (${problem}). The event log is the source of truth and is never repaired ` +
        'automatically: stop the API, keep the file as it is for investigation, and restore the newest backup into an ' +
        'empty data folder with `sagsgang restore --from <backup folder>` (docs/operations.md, "A damaged event store").',
    );
  }
}

/** SQLite's and the file system's ways of saying the disk (or the file system's quota) is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** SQLite's ways of saying a file is not a database or its pages do not hold together. */
export function isCorruptDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT_'));
}

/** A subscription's iteration ended although nobody closed it (a server went away and the client gave up). */
export class SubscriptionEnded extends Error {
  override readonly name = 'SubscriptionEnded';

  constructor() {
    super('the subscription to the log ended without being closed');
  }
}

const TRANSIENT_SQLITE = new Set(['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_NOMEM', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL']);
/** The EventStoreDB client's error types for a server that is away, changing leader or slow. */
const TRANSIENT_ESDB = new Set(['unavailable', 'not-leader', 'deadline-exceeded', 'timeout', 'cancelled']);

/**
 * Whether trying again later may succeed: a full disk, a busy or briefly
 * unavailable file, an EventStoreDB node that is away or no longer the
 * leader, a subscription that ended. Anything else (a damaged file, an event
 * that cannot be read, a bug) is a real fault: trying again gives the same.
 */
export function isTransientStoreError(error: unknown): boolean {
  if (error instanceof SubscriptionEnded || isDiskFull(error)) return true;
  const { code, type } = (error ?? {}) as { code?: unknown; type?: unknown };
  if (
    typeof code === 'string' &&
    (TRANSIENT_SQLITE.has(code) || code.startsWith('SQLITE_IOERR') || code === 'ERR_STREAM_PREMATURE_CLOSE')
  ) {
    return true;
  }
  return typeof type === 'string' && TRANSIENT_ESDB.has(type);
}
