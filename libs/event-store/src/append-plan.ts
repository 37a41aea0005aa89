import { EventData, ExpectedRevision } from './event-store.port';
import { ExpectedRevisionConflict, InvalidAppend, PartialRetryConflict } from './errors';

/** The state of a stream as far as an append needs it; undefined when the stream does not exist. */
export interface StreamHead {
  revision: number;
  hash: string;
}

export type AppendPlan =
  /** Every event of the batch is already in the stream, in order: report the original result. */
  { kind: 'retry'; lastRevision: number } | { kind: 'append'; firstRevision: number };

const TYPE = /^[^\u0000-\u001f\u007f]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateBatch(streamName: string, events: EventData[]): void {
  if (!streamName) throw new InvalidAppend('stream name must not be empty');
  if (events.length === 0) throw new InvalidAppend(`append to ${streamName} has no events`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppend(`event id ${event.id} is not a UUID`);
    if (typeof event.type !== 'string' || !TYPE.test(event.type))
      throw new InvalidAppend('event type must be a non-empty string without control characters');
    if (!isJsonObject(event.data)) throw new InvalidAppend(`event ${event.id}: data must be a JSON object`);
    if (event.metadata !== undefined && !isJsonObject(event.metadata))
      throw new InvalidAppend(`event ${event.id}: metadata must be a JSON object`);
    if (ids.has(event.id)) throw new InvalidAppend(`event id ${event.id} appears twice in one batch`);
    ids.add(event.id);
  }
}

/** An append to several streams: at least one, each stream once, each batch valid on its own. */
export function validateStreamAppends(appends: ReadonlyArray<{ streamName: string; events: EventData[] }>): void {
  if (appends.length === 0) throw new InvalidAppend('an append to several streams names none');
  const names = new Set<string>();
  for (const { streamName, events } of appends) {
    if (names.has(streamName)) throw new InvalidAppend(`stream ${streamName} appears twice in one append`);
    names.add(streamName);
    validateBatch(streamName, events);
  }
}

/** An object that serialises as itself: not null, not an array, no toJSON of its own. */
function isJsonObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * Decides what an append does, given the stream's head and the revisions at
 * which the batch's ids are already stored. Shared by the embedded adapters so
 * they cannot drift apart.
 */
export function planAppend(
  streamName: string,
  events: ReadonlyArray<{ id: string }>,
  expected: ExpectedRevision,
  head: StreamHead | undefined,
  knownRevisions: Map<string, number>,
): AppendPlan {
  if (knownRevisions.size > 0) return planRetry(streamName, events, knownRevisions);
  checkExpectedRevision(streamName, expected, head);
  return { kind: 'append', firstRevision: head ? head.revision + 1 : 0 };
}

function planRetry(streamName: string, events: ReadonlyArray<{ id: string }>, known: Map<string, number>): AppendPlan {
  const first = known.get(events[0].id);
  const exact = first !== undefined && events.every((event, i) => known.get(event.id) === first + i);
  if (!exact) throw new PartialRetryConflict(streamName, [...known.keys()]);
  return { kind: 'retry', lastRevision: first + events.length - 1 };
}

export function checkExpectedRevision(streamName: string, expected: ExpectedRevision, head: StreamHead | undefined): void {
  const actual = head ? head.revision : 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && !head) ||
    (expected === 'stream_exists' && !!head) ||
    (typeof expected === 'number' && head?.revision === expected);
  if (!ok) throw new ExpectedRevisionConflict(streamName, expected, actual);
}
