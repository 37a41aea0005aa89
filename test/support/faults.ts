import { createEventStore, RecordedEvent } from '@sagsgang/event-store';
import type { Klient } from './moeder';

/** The whole log of a data folder's SQLite store, read while no API writes it. */
export async function logOf(dataDir: string): Promise<RecordedEvent[]> {
  const store = createEventStore({ dataDir, readonly: true });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

export interface Health {
  status: string;
  store: { headPosition: number; identity?: string };
  disk: { full: boolean; freeBytes: number };
  readModels: { reconnects: number; lastRebuild?: { reason: string }; setAsideAtStart?: { problem: string; movedTo: string } };
  projections: Array<{ name: string; state: string; checkpoint: number; lag: number }>;
  processManagers: Array<{ name: string; state: string; checkpoint: number; lag: number; lastRewind?: { reason: string } }>;
}

export async function healthOf(api: Klient): Promise<Health> {
  return (await (await fetch(`${api.url}/health`)).json()) as Health;
}

/** /health once every read model and the process manager have handled the whole log and nothing new came of it. */
export async function waitUntilCaughtUp(api: Klient, timeoutMs = 30_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await healthOf(api);
    const all = [...health.projections, ...health.processManagers];
    if (all.every((part) => part.state === 'running' && part.lag === 0)) return health;
    if (Date.now() > deadline) throw new Error(`not caught up in ${timeoutMs} ms: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
