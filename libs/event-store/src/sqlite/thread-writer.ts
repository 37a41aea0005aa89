import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script';
import { AppendResult } from '../event-store.port';
import { AppendRequest } from './append-writer';
import { Outcome } from './group-commit';
import { fromWireError, fromWireOutcome, FromWriter, toWireGroup, ToWriter } from './writer-wire';

interface Waiting {
  resolve: (outcomes: Outcome<AppendResult[]>[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits groups of appends on a worker thread with its own connection
 * (writer-thread.ts), so that the thread serving requests goes on working
 * while a group's transaction is written and fsynced. Durability and
 * visibility are unchanged: with synchronous=FULL SQLite syncs the WAL before
 * it publishes the commit to other connections, so the store's reading
 * connection sees a group only once it is on disk, and its appends are
 * acknowledged only after that.
 */
export class ThreadWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failure?: Error;
  /** Resolves once the thread has opened its connection; rejects if it fails to start. */
  readonly ready: Promise<void>;
  private started!: { resolve: () => void; reject: (error: Error) => void };

  constructor(file: string, durability: 'full' | 'relaxed') {
    this.ready = new Promise((resolve, reject) => (this.started = { resolve, reject }));
    this.ready.catch(() => undefined);
    this.worker = new Worker(workerScript(join(__dirname, 'writer-thread')), { eval: true, workerData: { file, durability } });
    // Referenced only while a group is in flight: an idle store does not keep the process alive.
    this.worker.unref();
    this.worker.on('message', (answer: FromWriter) => this.answered(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the event store's writer thread stopped (exit code ${code})`)));
  }

  commit(requests: AppendRequest[]): Promise<Outcome<AppendResult[]>[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.send({ kind: 'commit', id, group: toWireGroup(requests) });
    });
  }

  /** Closes the writer's connection and ends the thread; call once nothing is in flight. */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = once(this.worker, 'exit');
    this.worker.ref();
    this.send({ kind: 'close' });
    await exited;
  }

  private send(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private answered(answer: FromWriter): void {
    if ('ready' in answer) return this.started.resolve();
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('outcomes' in answer) waiting.resolve(answer.outcomes.map(fromWireOutcome));
    else waiting.reject(fromWireError(answer.failed));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.started.reject(error);
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
