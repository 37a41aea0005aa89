import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script';
import { LoggedEvent, LogPagesOptions } from '../event-store.port';

export interface LogPageRequest extends LogPagesOptions {
  file: string;
}

/**
 * The global log from one position to another, page by page, without
 * metadata, read by a thread of its own (log-reader-thread.ts) that fetches
 * and encodes the next pages while this thread works on the last: the rows
 * cost this thread nothing but one JSON.parse per page.
 */
export async function* readLogAhead(request: LogPageRequest): AsyncGenerator<LoggedEvent[]> {
  const worker = new Worker(workerScript(join(__dirname, 'log-reader-thread')), { eval: true, workerData: request });
  const arrived: Array<{ text: string; done: boolean }> = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (page: { text: string; done: boolean }) => {
    arrived.push(page);
    wake?.();
  });
  const stop = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  worker.on('error', stop);
  // After the last page the thread ends by itself; ending before it is a failure (the pages it sent are still read).
  worker.on('exit', (code) => stop(new Error(`the log reading thread stopped early (exit code ${code})`)));
  try {
    for (;;) {
      while (arrived.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const { text, done } = arrived.shift()!;
      if (!done) worker.postMessage('next');
      const events = JSON.parse(text) as LoggedEvent[];
      if (events.length > 0) yield events;
      if (done) return;
    }
  } finally {
    await worker.terminate();
  }
}
