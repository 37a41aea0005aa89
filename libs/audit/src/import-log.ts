import { EventData, eventHash, EventStore, GENESIS_HASH, JsonObject, withoutChainFields } from '@sagsgang/event-store';
import { ExportRecord } from './export-log';

/** The import stopped at this line of the export (1-based); what came before it is in the store. */
export class ImportFailed extends Error {
  override readonly name = 'ImportFailed';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

export interface ImportOptions {
  /** Most events appended at once (consecutive events of one stream). */
  batchSize?: number;
}

export interface ImportReport {
  streams: number;
  events: number;
}

interface StreamHead {
  revision: number;
  hash: string;
}

interface Pending {
  stream: string;
  firstRevision: number;
  events: EventData[];
  lines: Array<{ line: number; hash: string; id: string }>;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Appends an export to an empty store, in the export's order: each event with
 * its original id, type, data and metadata (the chain fields are recomputed
 * by the store), at its exact revision, consecutive events of one stream in
 * one append. Each line's hash is checked before it is appended (a changed
 * line stops the import there) and again as the store computed it, so the new
 * store's chain is the exported one. Positions may differ (EventStoreDB's are
 * byte offsets); the order is the same.
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<string | ExportRecord> | Iterable<string | ExportRecord>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const head = await store.headPosition();
  if (head !== 0) throw new Error(`the target store is not empty (its log ends at position ${head}): import only into an empty store`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const heads = new Map<string, StreamHead>();
  let pending: Pending | undefined;
  let lastPosition = -Infinity;
  let lineNumber = 0;
  let events = 0;
  for await (const line of lines) {
    lineNumber++;
    if (typeof line === 'string' && line.trim() === '') continue;
    let record: ExportRecord;
    try {
      record = checkLine(line, lineNumber, lastPosition, heads);
    } catch (error) {
      // Everything before the refused line goes in, so the error's "stopped at line N" holds.
      if (pending) await flush(store, pending);
      throw error;
    }
    lastPosition = record.position;
    heads.set(record.stream, { revision: record.revision, hash: record.hash });
    if (pending && (pending.stream !== record.stream || pending.events.length >= batchSize)) {
      await flush(store, pending);
      pending = undefined;
    }
    pending ??= { stream: record.stream, firstRevision: record.revision, events: [], lines: [] };
    pending.events.push({ id: record.id, type: record.type, data: record.data, metadata: withoutChainFields(record.metadata) });
    pending.lines.push({ line: lineNumber, hash: record.hash, id: record.id });
    events++;
  }
  if (pending) await flush(store, pending);
  return { streams: heads.size, events };
}

/** Parses a line and checks it continues the export: position order, the stream's next revision, the hash chain. */
function checkLine(line: string | ExportRecord, lineNumber: number, lastPosition: number, heads: Map<string, StreamHead>): ExportRecord {
  const record = parseRecord(line, lineNumber);
  if (!(record.position > lastPosition)) {
    throw new ImportFailed(lineNumber, `position ${record.position} does not follow position ${lastPosition}: lines must be in the export's order, each once`);
  }
  const head = heads.get(record.stream);
  const expected = head ? head.revision + 1 : 0;
  if (record.revision !== expected) {
    throw new ImportFailed(lineNumber, `stream ${record.stream} revision ${record.revision} where revision ${expected} comes next: an import needs every stream from revision 0`);
  }
  const computed = eventHash(record.type, record.data, withoutChainFields(record.metadata), head?.hash ?? GENESIS_HASH);
  if (computed !== record.hash || (record.metadata.hash !== undefined && record.metadata.hash !== record.hash)) {
    throw new ImportFailed(
      lineNumber,
      `stream ${record.stream} revision ${record.revision}: hash ${record.hash} does not match the event (computed ${computed}); this line or an earlier line of the stream was changed`,
    );
  }
  return record;
}

/** Appends one batch at its exact revision, then reads it back and compares each hash with its line's. */
async function flush(store: EventStore, batch: Pending): Promise<void> {
  const { stream, firstRevision, events, lines } = batch;
  try {
    await store.append(stream, events, firstRevision === 0 ? 'no_stream' : firstRevision - 1);
  } catch (error) {
    throw new ImportFailed(lines[0].line, `appending stream ${stream} from revision ${firstRevision} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const stored = await store.readStream(stream, { fromRevision: firstRevision, maxCount: events.length });
  lines.forEach(({ line, hash, id }, i) => {
    const event = stored[i];
    const revision = firstRevision + i;
    if (!event || event.revision !== revision || event.id !== id) {
      throw new ImportFailed(line, `stream ${stream} revision ${revision} was not stored as appended`);
    }
    if (event.metadata.hash !== hash) {
      throw new ImportFailed(line, `stream ${stream} revision ${revision}: the store computed hash ${event.metadata.hash}, the export says ${hash}`);
    }
  });
}

function parseRecord(line: string | ExportRecord, lineNumber: number): ExportRecord {
  let value: unknown = line;
  if (typeof line === 'string') {
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ImportFailed(lineNumber, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const record = value as Partial<Record<keyof ExportRecord, unknown>>;
  const wrong = (field: string, what: string) => new ImportFailed(lineNumber, `${field} must be ${what}`);
  if (!isObject(record)) throw new ImportFailed(lineNumber, 'not an export record (a JSON object per line)');
  if (typeof record.position !== 'number' || !Number.isSafeInteger(record.position)) throw wrong('position', 'an integer');
  if (typeof record.stream !== 'string' || record.stream === '') throw wrong('stream', 'a stream name');
  if (record.stream.startsWith('$')) throw new ImportFailed(lineNumber, `stream ${record.stream} is a system stream and is not imported`);
  if (typeof record.revision !== 'number' || !Number.isSafeInteger(record.revision) || record.revision < 0) throw wrong('revision', 'an integer ≥ 0');
  if (typeof record.id !== 'string' || record.id === '') throw wrong('id', 'an event id');
  if (typeof record.type !== 'string' || record.type === '') throw wrong('type', 'an event type');
  if (!isObject(record.data)) throw wrong('data', 'a JSON object');
  if (!isObject(record.metadata)) throw wrong('metadata', 'a JSON object');
  if (typeof record.hash !== 'string') throw wrong('hash', 'a sha256 hex string');
  return record as unknown as ExportRecord;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
