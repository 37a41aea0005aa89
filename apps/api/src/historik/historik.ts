import { JsonObject, RecordedEvent } from '@sagsgang/event-store';
import { evolve as evolveMoede, initialState as ingenMoede, moedeEvent, MoedeState } from '@sagsgang/moede';
import { sagEvent } from '@sagsgang/sag';
import { moedeResume } from './moede-resume';
import { sagResume } from './sag-resume';

/** One event of a stream as an auditor reads it. */
export interface HistorikEntry {
  id: string;
  revision: number;
  position: number;
  type: string;
  /** When it was recorded (metadata.recordedAt). */
  recordedAt: string;
  /** When it took effect: the meeting's date for a beslutning and the routing it caused, else recordedAt. */
  effectiveAt: string;
  /** Who recorded it, from the token of the request that caused it (metadata.actor). */
  actor: { userId: string; role: string };
  /** What happened, in one Danish line. */
  resume: string;
  /** The event's data in the current shape of its type (an older version is upcast; export gives the stored bytes). */
  data: JsonObject;
  correlationId: string | null;
  /** What caused it: a request id, or the id of the event a process manager reacted to. */
  causationId: string | null;
}

export function entry(event: RecordedEvent, resume: string): HistorikEntry {
  const { actor, correlationId, causationId, recordedAt } = event.metadata as {
    actor?: { userId?: string; role?: string };
    correlationId?: string;
    causationId?: string;
    recordedAt?: string;
  };
  const moedeDato = event.data.moedeDato;
  return {
    id: event.id,
    revision: event.revision,
    position: event.position,
    type: event.type,
    recordedAt: recordedAt ?? '',
    effectiveAt: typeof moedeDato === 'string' ? moedeDato : (recordedAt ?? ''),
    actor: { userId: actor?.userId ?? 'ukendt', role: actor?.role ?? 'ukendt' },
    resume,
    data: event.data,
    correlationId: correlationId ?? null,
    causationId: causationId ?? null,
  };
}

export function sagHistorik(events: readonly RecordedEvent[]): HistorikEntry[] {
  return events.map((stored) => {
    const event = sagEvent(stored);
    return entry(event, sagResume(event));
  });
}

/** Folds the meeting along, so each summary can name a punkt's sag as it stood then. */
export function moedeHistorik(events: readonly RecordedEvent[]): HistorikEntry[] {
  let moede: MoedeState = ingenMoede;
  return events.map((stored) => {
    const event = moedeEvent(stored);
    const item = entry(event, moedeResume(event, moede));
    moede = evolveMoede(moede, event);
    return item;
  });
}

export type Order = 'asc' | 'desc';

export interface Paging {
  limit: number;
  offset: number;
  order: Order;
  /** Start at this revision (inclusive) in the chosen order. */
  fromRevision?: number;
}

export interface HistorikSide {
  id: string;
  stream: string;
  /** Events in the stream. */
  total: number;
  order: Order;
  limit: number;
  offset: number;
  fromRevision: number | null;
  items: HistorikEntry[];
  /** The fromRevision of the next page in the same order; null on the last page. */
  nextFromRevision: number | null;
}

/** Oldest or newest first, from a revision, then skipping `offset`, at most `limit` entries. */
export function side(id: string, stream: string, entries: readonly HistorikEntry[], paging: Paging): HistorikSide {
  const { limit, offset, order, fromRevision } = paging;
  const ordered = order === 'asc' ? [...entries] : [...entries].reverse();
  const from =
    fromRevision === undefined
      ? ordered
      : ordered.filter((item) => (order === 'asc' ? item.revision >= fromRevision : item.revision <= fromRevision));
  const items = from.slice(offset, offset + limit);
  const more = from.length > offset + limit;
  const last = items[items.length - 1];
  return {
    id,
    stream,
    total: entries.length,
    order,
    limit,
    offset,
    fromRevision: fromRevision ?? null,
    items,
    nextFromRevision: more && last ? last.revision + (order === 'asc' ? 1 : -1) : null,
  };
}
