/**
 * The thread side of FoldThreads, for a fold thread's script. It imports
 * nothing through a path alias at run time, so that a test's script can load
 * it with ts-node alone.
 */
import { parentPort } from 'node:worker_threads';
import type { EventStore } from '@sagsgang/event-store';
import { FoldRequest, foldLog } from './fold-log';
import { AnyProjection } from './projection';
import { RowChunk } from './row-chunks';

export type FromFoldThread =
  | { kind: 'ready' }
  | { kind: 'rows'; chunk: RowChunk }
  | { kind: 'done'; events: number }
  | { kind: 'failed'; name: string; message: string };

/**
 * The body of a fold thread's script: opens the store, says it is ready,
 * folds the share it is asked for, posting the rows as they are encoded,
 * and reports the events read or what failed.
 */
export async function serveFoldRequest(openStore: () => EventStore, projections: readonly AnyProjection[]): Promise<void> {
  const port = parentPort!;
  const post = (message: FromFoldThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let store: EventStore | undefined;
  try {
    store = openStore();
    const request = new Promise<FoldRequest>((resolve) => port.once('message', resolve));
    post({ kind: 'ready' });
    const events = await foldLog(store, projections, await request, (chunk) => post({ kind: 'rows', chunk }, [chunk.bytes]));
    post({ kind: 'done', events });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    post({ kind: 'failed', name, message });
  } finally {
    await store?.close();
    port.close();
  }
}
