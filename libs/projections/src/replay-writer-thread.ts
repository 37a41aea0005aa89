/** The replay's writer thread (see ReplayWriter): one ReadModelStore, driven by the replay's messages in order. */
import { closeSync, fdatasync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AnyProjection } from './projection';
import { ReadModelStore, ReadModelStoreOptions } from './read-model-store';
import type { FromReplayWriter, TableLayout, ToReplayWriter } from './replay-writer';
import type { RowChunk } from './row-chunks';

const { file, layouts, options } = workerData as { file: string; layouts: TableLayout[]; options: ReadModelStoreOptions };
const port = parentPort!;

/** The store creates, indexes and digests tables; the rows arrive encoded, so nothing here evolves or extracts. */
function tableOf({ name, version, columns, orderedBy }: TableLayout): AnyProjection {
  const encodedElsewhere = () => {
    throw new Error(`the replay's writer thread only stores rows encoded by the replay`);
  };
  return {
    name,
    version,
    orderedBy,
    columns: Object.fromEntries(columns.map((column) => [column, encodedElsewhere])),
    documentIds: encodedElsewhere,
    evolve: encodedElsewhere,
  };
}

function failed(error: unknown): FromReplayWriter {
  const { name, message, file } =
    error instanceof Error ? (error as Error & { file?: string }) : { name: 'Error', message: String(error), file: undefined };
  return { kind: 'failed', name, message, file };
}

let store: ReadModelStore;
try {
  store = new ReadModelStore(file, layouts.map(tableOf), options);
  port.postMessage({ kind: 'done' } satisfies FromReplayWriter);
} catch (error) {
  port.postMessage(failed(error));
  port.close();
}

/** A write that failed: the replacement was rolled back, later rows are ignored and the commit answers with it. */
let failure: FromReplayWriter | undefined;

/**
 * Every WRITEBACK_BYTES of documents inserted, an fdatasync of the file
 * starts on libuv's thread pool, so the pages SQLite has spilled to the file
 * so far go to disk while the next rows are encoded, and the commit's own
 * sync has less left to wait for (0.3 s instead of 0.55–0.75 s for the
 * 1,000,000-event log). Only when the writes reach the disk changes: the
 * commit still syncs the journal and the file itself.
 */
const WRITEBACK_BYTES = 32 << 20;
const writeback: { fd?: number; pending: number } = { pending: 0 };

function insert(chunk: RowChunk): void {
  store.insertChunk(chunk);
  writeback.pending += chunk.ends[chunk.ends.length - 1];
  if (writeback.pending < WRITEBACK_BYTES) return;
  writeback.pending = 0;
  writeback.fd ??= openSync(file, 'r');
  fdatasync(writeback.fd, () => undefined);
}

function handle(message: ToReplayWriter): FromReplayWriter | undefined {
  switch (message.kind) {
    case 'begin':
      failure = undefined;
      store.beginReplacement();
      return undefined;
    case 'rows':
      if (!failure) insert(message.chunk);
      return undefined;
    case 'commit':
      if (failure) return failure;
      store.commitReplacement(message.anchor);
      return { kind: 'done' };
    case 'rollback':
      store.rollbackReplacement();
      return { kind: 'done' };
    case 'digest':
      return { kind: 'done', digest: store.digest() };
    case 'close':
      store.close();
      if (writeback.fd !== undefined) closeSync(writeback.fd);
      port.close();
      return undefined;
  }
}

port.on('message', (message: ToReplayWriter) => {
  let answer: FromReplayWriter | undefined;
  try {
    answer = handle(message);
  } catch (error) {
    answer = failed(error);
    if (message.kind === 'begin' || message.kind === 'rows' || message.kind === 'commit') store.rollbackReplacement();
    if (message.kind === 'begin' || message.kind === 'rows') [failure, answer] = [answer, undefined];
  }
  if (answer) port.postMessage(answer);
});
