import { EventData, eventHash, EventStore, GENESIS_HASH, JsonObject, withoutChainFields } from '@sagsgang/event-store';
import { BlobImport } from './blob-import';
import { BlobOptions, BlobRecord, isBlobRecord } from './blob-lines';
import { ExportRecord } from './export-log';
import { readLog } from './read-log';

/** The import stopped at this line of the export (1-based). */
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
  /** Most events appended at once (consecutive events of one stream). Default 500. */
  batchSize?: number;
  /**
   * Appends issued before the previous ones are acknowledged. 1 (the default)
   * is right for every store. More is only correct for a store that commits
   * appends in the order they were issued, as the embedded SQLite and memory
   * stores do (EventStoreDB does not promise it); it makes an import of
   * interleaved streams several times faster.
   */
  inFlight?: number;
  /** Where the files the export carries go (bilag, approved referater); an export with file lines needs it. */
  blobs?: BlobOptions;
}

export interface ImportReport {
  streams: number;
  events: number;
  /** Files written, when `blobs` was given. */
  files?: number;
}

interface StreamHead {
  revision: number;
  hash: string;
}

interface LineRef {
  line: number;
  stream: string;
  revision: number;
  id: string;
  hash: string;
}

interface Batch {
  stream: string;
  firstRevision: number;
  events: EventData[];
  lines: LineRef[];
}

const DEFAULT_BATCH_SIZE = 500;
/** Appended events are read back and compared with their lines this many at a time. */
const CONFIRM_WINDOW = 1000;

/**
 * Appends an export to an empty store, in the export's order: each event with
 * its original id, type, data and metadata (the store recomputes the chain
 * fields), at its exact revision, consecutive events of one stream in one
 * append. Every line's hash is checked twice: against the line's content
 * before it is appended (a changed line stops the import there, with the
 * lines before it imported), and as the new store computed it, read back in
 * log order — so the new store's chain is the exported one. Positions may
 * differ (EventStoreDB's are byte offsets); the order is the same.
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<string | ExportRecord | BlobRecord> | Iterable<string | ExportRecord | BlobRecord>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const head = await store.headPosition();
  if (head !== 0) throw new Error(`the target store is not empty (its log ends at position ${head}): import only into an empty store`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const appender = new Appender(store, options.inFlight ?? 1);
  const files = options.blobs && new BlobImport(options.blobs);
  const fail = (line: number, detail: string) => new ImportFailed(line, detail);
  const heads = new Map<string, StreamHead>();
  let batch: Batch | undefined;
  let lastPosition = -Infinity;
  let lineNumber = 0;
  let events = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (typeof line === 'string' && line.trim() === '') continue;
      const parsed = parseJson(line, lineNumber);
      if (isBlobRecord(parsed)) {
        if (!files) throw new ImportFailed(lineNumber, 'a line of a file (bilag), but this import was given nowhere to put files');
        await files.piece(parsed, lineNumber, fail);
        continue;
      }
      const record = checkLine(parsed, lineNumber, lastPosition, heads);
      await files?.named(record, lineNumber, fail);
      lastPosition = record.position;
      heads.set(record.stream, { revision: record.revision, hash: record.hash });
      if (batch && (batch.stream !== record.stream || batch.events.length >= batchSize)) {
        await appender.append(batch);
        batch = undefined;
      }
      batch ??= { stream: record.stream, firstRevision: record.revision, events: [], lines: [] };
      batch.events.push({ id: record.id, type: record.type, data: record.data, metadata: withoutChainFields(record.metadata) });
      batch.lines.push({ line: lineNumber, stream: record.stream, revision: record.revision, id: record.id, hash: record.hash });
      events++;
    }
  } finally {
    // Also when a line is refused: everything before it goes in, so "stopped at line N" holds.
    if (batch) await appender.append(batch);
    await appender.finish();
    await files?.abandon();
  }
  return { streams: heads.size, events, ...(files ? { files: files.count } : {}) };
}

/** Parses a line and checks that it continues the export: position order, the stream's next revision, the hash chain. */
function checkLine(line: unknown, lineNumber: number, lastPosition: number, heads: Map<string, StreamHead>): ExportRecord {
  const record = parseRecord(line, lineNumber);
  if (!(record.position > lastPosition)) {
    const detail = `lines must be in the export's order, each once`;
    throw new ImportFailed(lineNumber, `position ${record.position} does not follow position ${lastPosition}: ${detail}`);
  }
  const head = heads.get(record.stream);
  const expected = head ? head.revision + 1 : 0;
  if (record.revision !== expected) {
    const detail = `revision ${expected} comes next: an import needs every stream from revision 0`;
    throw new ImportFailed(lineNumber, `stream ${record.stream} revision ${record.revision} where ${detail}`);
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

/**
 * Appends batches at their exact revisions, up to `inFlight` at a time, and
 * confirms the appended events by reading the new log back in order.
 */
class Appender {
  private readonly inFlight: Array<{ done: Promise<void>; batch: Batch }> = [];
  private unconfirmed: LineRef[] = [];
  private confirmedUpTo = 0;
  private failure?: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly limit: number,
  ) {}

  async append(batch: Batch): Promise<void> {
    if (this.failure) return;
    const { stream, firstRevision, events } = batch;
    const done = this.store.append(stream, events, firstRevision === 0 ? 'no_stream' : firstRevision - 1).then(
      () => undefined,
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        this.failure ??= new ImportFailed(
          batch.lines[0].line,
          `appending stream ${stream} from revision ${firstRevision} failed: ${detail}`,
        );
      },
    );
    this.inFlight.push({ done, batch });
    while (this.inFlight.length >= this.limit) await this.settleOldest();
    // Stop reading the export at the first refused append; finish() reports it.
    if (this.failure) throw this.failure;
    if (this.unconfirmed.length >= CONFIRM_WINDOW) await this.confirm();
  }

  /** Waits for every append, confirms the rest, and throws the first failure. */
  async finish(): Promise<void> {
    while (this.inFlight.length > 0) await this.settleOldest();
    if (!this.failure) await this.confirm();
    if (this.failure) throw this.failure;
  }

  private async settleOldest(): Promise<void> {
    const { done, batch } = this.inFlight.shift()!;
    await done;
    if (!this.failure) this.unconfirmed.push(...batch.lines);
  }

  /** The store's log holds exactly our events in our order, so the n-th event read back belongs to the n-th line. */
  private async confirm(): Promise<void> {
    const lines = this.unconfirmed;
    this.unconfirmed = [];
    if (lines.length === 0) return;
    let index = 0;
    for await (const event of readLog(this.store, { after: this.confirmedUpTo, pageSize: lines.length })) {
      const expected = lines[index];
      if (event.streamName !== expected.stream || event.revision !== expected.revision || event.id !== expected.id) {
        const found = `${event.streamName} revision ${event.revision}`;
        throw (this.failure = new ImportFailed(
          expected.line,
          `the store holds ${found} where this line's event belongs: was it written to during the import?`,
        ));
      }
      if (event.metadata.hash !== expected.hash) {
        const detail = `the store computed hash ${event.metadata.hash}, the export says ${expected.hash}`;
        throw (this.failure = new ImportFailed(expected.line, `stream ${expected.stream} revision ${expected.revision}: ${detail}`));
      }
      this.confirmedUpTo = event.position;
      if (++index === lines.length) break;
    }
    if (index < lines.length) throw (this.failure = new ImportFailed(lines[index].line, 'the appended event is not in the store'));
  }
}

function parseJson(line: string | ExportRecord | BlobRecord, lineNumber: number): unknown {
  if (typeof line !== 'string') return line;
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new ImportFailed(lineNumber, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseRecord(value: unknown, lineNumber: number): ExportRecord {
  const record = value as Partial<Record<keyof ExportRecord, unknown>>;
  const wrong = (field: string, what: string) => new ImportFailed(lineNumber, `${field} must be ${what}`);
  if (!isObject(record)) throw new ImportFailed(lineNumber, 'not an export record (a JSON object per line)');
  if (typeof record.position !== 'number' || !Number.isSafeInteger(record.position)) throw wrong('position', 'an integer');
  if (typeof record.stream !== 'string' || record.stream === '') throw wrong('stream', 'a stream name');
  if (record.stream.startsWith('$')) throw new ImportFailed(lineNumber, `stream ${record.stream} is a system stream and is not imported`);
  if (typeof record.revision !== 'number' || !Number.isSafeInteger(record.revision) || record.revision < 0)
    throw wrong('revision', 'an integer ≥ 0');
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
