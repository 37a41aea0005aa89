import { EventStore, JsonObject, RecordedEvent } from '@sagsgang/event-store';
import { BlobOptions, BlobRecord, blobRecords } from './blob-lines';
import { DEFAULT_PAGE_SIZE, readLog } from './read-log';

/** One line of an export: an event with its place in the log and its hash. */
export interface ExportRecord {
  position: number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: JsonObject;
  /** As stored, chain fields included, so the file can be checked on its own. */
  metadata: JsonObject;
  hash: string;
}

export interface ExportOptions {
  /** Exclusive: the position of the last line already received; the export continues after it. */
  fromPosition?: number;
  /** Only this stream (e.g. `sag-<id>`). */
  stream?: string;
  /** Only streams whose names start with this. */
  streamPrefix?: string;
  /** Only events recorded at or after this time (metadata.recordedAt). */
  from?: Date | string;
  /** Only events recorded before this time (exclusive, so consecutive periods do not overlap). */
  to?: Date | string;
  pageSize?: number;
}

/**
 * The log as export records, in position order, one event per record. System
 * streams ('$…') are left out. An export of one stream reads just that stream;
 * every other export walks the global log page by page, never all of it at once.
 */
export async function* exportLog(store: EventStore, options: ExportOptions = {}): AsyncGenerator<ExportRecord> {
  const after = options.fromPosition ?? 0;
  if (!Number.isSafeInteger(after) || after < 0)
    throw new RangeError(`fromPosition must be a position (an integer ≥ 0), not ${options.fromPosition}`);
  const period = recordedWithin(options.from, options.to);
  if (after > 0 && options.stream === undefined) await requireEventAt(store, after);
  const events =
    options.stream !== undefined
      ? readOneStream(store, options.stream, after, options.pageSize)
      : readLog(store, { after, pageSize: options.pageSize });
  for await (const event of events) {
    if (event.streamName.startsWith('$')) continue;
    if (options.streamPrefix !== undefined && !event.streamName.startsWith(options.streamPrefix)) continue;
    if (!period(event)) continue;
    yield toExportRecord(event);
  }
}

/** A position typed by someone names no event of this log (a position on EventStoreDB is a byte offset, not a count). */
export class UnknownPosition extends RangeError {
  override readonly name = 'UnknownPosition';
}

/**
 * A typed position is passed to the store only once it is known to be one
 * the store returned: EventStoreDB refuses a position where no event starts,
 * and on SQLite a number that names no event is as likely a typing error.
 */
export async function requireEventAt(store: EventStore, position: number): Promise<void> {
  let found: RecordedEvent | undefined;
  try {
    [found] = await store.readAll({ fromPosition: position, maxCount: 1 });
  } catch (error) {
    throw new UnknownPosition(
      `the store refused to read from position ${position}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (found?.position !== position) {
    throw new UnknownPosition(`no event in this log is at position ${position}: give the position of the last line already received`);
  }
}

/**
 * The export with the files its events name: each file's lines just before
 * the first event that names it, each file once. A file that must be there
 * and is not stops the export: a move would lose it.
 */
export async function* exportWithBlobs(
  store: EventStore,
  blobs: BlobOptions,
  options: ExportOptions = {},
): AsyncGenerator<ExportRecord | BlobRecord> {
  const exported = new Set<string>();
  for await (const record of exportLog(store, options)) {
    for (const { sha256, optional } of blobs.references(record)) {
      if (exported.has(sha256)) continue;
      const opened = await blobs.store.open(sha256);
      if (!opened) {
        if (optional) continue;
        throw new Error(`${record.stream} revision ${record.revision} names the file ${sha256}, which is not in the bilag folder`);
      }
      exported.add(sha256);
      yield* blobRecords(sha256, opened);
    }
    yield record;
  }
}

/** The export as JSON Lines: one record per line, each ending in '\n'. */
export async function* exportJsonLines(store: EventStore, options: ExportOptions = {}): AsyncGenerator<string> {
  for await (const record of exportLog(store, options)) yield `${JSON.stringify(record)}\n`;
}

export function toExportRecord(event: RecordedEvent): ExportRecord {
  return {
    position: event.position,
    stream: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    hash: event.metadata.hash,
  };
}

async function* readOneStream(
  store: EventStore,
  stream: string,
  after: number,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<RecordedEvent> {
  let fromRevision = 0;
  for (;;) {
    const page = await store.readStream(stream, { fromRevision, maxCount: pageSize });
    for (const event of page) if (event.position > after) yield event;
    if (page.length < pageSize) return;
    fromRevision = page[page.length - 1].revision + 1;
  }
}

function recordedWithin(from: Date | string | undefined, to: Date | string | undefined): (event: RecordedEvent) => boolean {
  if (from === undefined && to === undefined) return () => true;
  const start = from === undefined ? -Infinity : instant(from, 'from');
  const end = to === undefined ? Infinity : instant(to, 'to');
  return (event) => {
    const recordedAt = event.metadata.recordedAt;
    const at = typeof recordedAt === 'string' ? Date.parse(recordedAt) : NaN;
    return at >= start && at < end;
  };
}

function instant(value: Date | string, name: string): number {
  const at = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(at)) throw new RangeError(`${name} is not a valid time: ${String(value)}`);
  return at;
}
