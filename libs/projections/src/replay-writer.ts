import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LogAnchor, workerScript } from '@sagsgang/event-store';
import { ReadModelsInUse } from './errors';
import { AnyProjection } from './projection';
import type { ReadModelStoreOptions } from './read-model-store';
import type { RowChunk } from './row-chunks';

/** What the writer thread needs of a projection: its table, not its code. */
export interface TableLayout {
  name: string;
  version: number;
  columns: string[];
  orderedBy?: string;
}

export type ToReplayWriter =
  | { kind: 'begin' }
  | { kind: 'rows'; chunk: RowChunk }
  | { kind: 'commit'; anchor: LogAnchor }
  | { kind: 'rollback' }
  | { kind: 'digest' }
  | { kind: 'close' };

/** The answer to the opening and to each commit, rollback and digest, in order. */
export type FromReplayWriter = { kind: 'done'; digest?: string } | { kind: 'failed'; name: string; message: string; file?: string };

interface Pending {
  resolve: (digest: string | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * A replay's writes, on a worker thread (replay-writer-thread.ts) with its own
 * connection to the read model file: the thread holds the file (exclusively,
 * if asked), drops the old tables while the log is still being folded, and
 * inserts the encoded rows while the next ones are encoded. The thread needs
 * only the projections' tables; the documents reach it as JSON.
 */
export class ReplayWriter {
  private readonly pending: Pending[] = [];
  private failure?: Error;

  private constructor(
    readonly projections: readonly AnyProjection[],
    private readonly worker: Worker,
  ) {
    worker.on('message', (answer: FromReplayWriter) => this.answered(answer));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the replay's writer thread stopped (exit code ${code})`)));
  }

  /**
   * Opens `file` in the writer thread as a ReadModelStore with these options
   * (installing the tables); rejects with ReadModelsInUse as the store would.
   */
  static async open(file: string, projections: readonly AnyProjection[], options: ReadModelStoreOptions = {}): Promise<ReplayWriter> {
    const layouts: TableLayout[] = projections.map(({ name, version, columns, orderedBy }) => ({
      name,
      version,
      columns: Object.keys(columns ?? {}),
      orderedBy,
    }));
    const worker = new Worker(workerScript(join(__dirname, 'replay-writer-thread')), {
      eval: true,
      workerData: { file, layouts, options },
    });
    const writer = new ReplayWriter(projections, worker);
    try {
      await writer.answer();
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return writer;
  }

  /** Starts replacing every read model (ReadModelStore.beginReplacement). */
  begin(): void {
    this.send({ kind: 'begin' });
  }

  /** Inserts a chunk of rows into its projection's table; the chunk's bytes move to the thread. */
  insert(chunk: RowChunk): void {
    this.send({ kind: 'rows', chunk }, [chunk.bytes]);
  }

  /** Indexes the tables, moves every checkpoint to the anchor and commits; rejects if any write failed. */
  async commit(anchor: LogAnchor): Promise<void> {
    this.send({ kind: 'commit', anchor });
    await this.answer();
  }

  /** Leaves the read models as they were (as does a thread that stopped: its transaction never committed). */
  async rollback(): Promise<void> {
    if (this.failure) return;
    this.send({ kind: 'rollback' });
    await this.answer();
  }

  /** ReadModelStore.digest, over the file as the writer holds it. */
  async digest(): Promise<string> {
    this.send({ kind: 'digest' });
    return (await this.answer())!;
  }

  /** Closes the connection (releasing the file) and ends the thread. */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.send({ kind: 'close' });
    await exited;
  }

  private send(message: ToReplayWriter, transfer: ArrayBuffer[] = []): void {
    if (!this.failure) this.worker.postMessage(message, transfer);
  }

  private answer(): Promise<string | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  private answered(answer: FromReplayWriter): void {
    const pending = this.pending.shift();
    if (answer.kind === 'done') return pending?.resolve(answer.digest);
    const error =
      answer.name === 'ReadModelsInUse'
        ? new ReadModelsInUse(answer.file!)
        : Object.assign(new Error(answer.message), { name: answer.name });
    pending?.reject(error);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.splice(0)) pending.reject(error);
  }
}
