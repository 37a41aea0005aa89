/** The replay's worker thread (see replayInWorker): rebuilds, then posts the report or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import { withEventStore } from '../store';
import { replayReadModels } from './replay';

const { dataDir } = workerData as { dataDir: string };
withEventStore({ readonly: true }, (store) => replayReadModels(store, dataDir)).then(
  (report) => parentPort!.postMessage({ report }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
