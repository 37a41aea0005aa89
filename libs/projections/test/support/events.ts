import { randomUUID } from 'node:crypto';
import type { AppendResult, EventData, EventStore, JsonObject } from '../../../event-store/src/event-store.port';

export function event(type: string, data: JsonObject = {}): EventData {
  return { id: randomUUID(), type, data, metadata: { actor: { userId: 'u1', role: 'sagsbehandler' } } };
}

export function opretSag(store: EventStore, id: string, fields: { titel: string; udvalg?: string }) {
  const data = { sagsnummer: `25/${id}`, titel: fields.titel, udvalg: fields.udvalg ?? 'Byrådet' };
  return store.append(`sag-${id}`, [event('SagOprettet', data)]);
}

/** Appends `count` events spread over `streams` streams named `log-<n>`; returns the last result. */
export async function appendMany(store: EventStore, count: number, streams = 10): Promise<AppendResult> {
  let last: AppendResult = { nextExpectedRevision: -1, position: 0 };
  for (let i = 0; i < count; i++) last = await store.append(`log-${i % streams}`, [event('Noteret', { i })]);
  return last;
}
