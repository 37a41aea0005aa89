import { Worker } from 'node:worker_threads';
import { workerScript } from '@sagsgang/event-store';
import type { FoldRequest } from './fold-log';
import type { FromFoldThread } from './fold-thread';
import type { RowChunk } from './row-chunks';

export interface FoldThreadOptions {
  /** Threads, each folding one share of the streams. */
  count: number;
  /** V8's young generation per thread: a fold allocates about 1 KB of short-lived objects per event. */
  youngGenerationMb?: number;
  /** Handed to each thread's script as workerData, e.g. where its event store is. */
  workerData?: unknown;
}

/**
 * Threads that fold the log in parallel for replayReadModels, each a share of
 * the streams (every projection must then declare documentsPerStream; one
 * thread folds the whole log). Each runs
 * `script`, a module (path without extension) that calls serveFoldRequest
 * with the event store and the same projections. Starting them loads that
 * code and opens the store, before any replay is timed; each folds once.
 */
export class FoldThreads {
  private constructor(private readonly workers: Worker[]) {}

  static async start(script: string, { count, youngGenerationMb, workerData }: FoldThreadOptions): Promise<FoldThreads> {
    const resourceLimits = youngGenerationMb ? { maxYoungGenerationSizeMb: youngGenerationMb } : undefined;
    const workers = Array.from({ length: count }, () => new Worker(workerScript(script), { eval: true, resourceLimits, workerData }));
    const threads = new FoldThreads(workers);
    try {
      await Promise.all(workers.map((worker) => nextMessage(worker, () => undefined)));
    } catch (error) {
      await threads.close();
      throw error;
    }
    return threads;
  }

  /** Folds every share up to `toPosition`, handing each chunk of rows to `emit` as it comes; returns the events read. */
  async fold(toPosition: number, emit: (chunk: RowChunk) => void): Promise<number> {
    const of = this.workers.length;
    const folded = this.workers.map((worker, share) => {
      worker.postMessage({ toPosition, streams: of > 1 ? { share, of } : undefined } satisfies FoldRequest);
      return nextMessage(worker, emit);
    });
    try {
      const counts = await Promise.all(folded);
      return counts.reduce<number>((sum, events) => sum + events!, 0);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Resolves with the events at 'done' (undefined at 'ready'); rows on the way go to `emit`. */
function nextMessage(worker: Worker, emit: (chunk: RowChunk) => void): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      worker.off('message', listen);
      worker.off('error', fail);
      worker.off('exit', exited);
    };
    const fail = (error: Error) => {
      stopListening();
      reject(error);
    };
    const exited = (code: number) => fail(new Error(`a fold thread stopped (exit code ${code})`));
    const listen = (message: FromFoldThread) => {
      if (message.kind === 'rows') return emit(message.chunk);
      if (message.kind === 'failed') return fail(Object.assign(new Error(message.message), { name: message.name }));
      stopListening();
      resolve(message.kind === 'done' ? message.events : undefined);
    };
    worker.on('message', listen);
    worker.on('error', fail);
    worker.on('exit', exited);
  });
}
