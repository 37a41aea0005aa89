import { AppendResult, ExpectedRevision } from '../event-store.port';
import { ExpectedRevisionConflict, InvalidAppend, PartialRetryConflict } from '../errors';
import { AppendRequest, StreamBatch } from './append-writer';
import { PreparedEvent } from './event-rows';
import { Outcome } from './group-commit';

/** What the store sends its writer thread. */
export type ToWriter = { kind: 'commit'; id: number; group: WireGroup } | { kind: 'close' };

/**
 * A group as it crosses to the writer thread: every event's four fields in
 * one string, which structured clone copies in one piece, where thousands
 * of small objects would cost the sending thread more than preparing them.
 */
export interface WireGroup {
  /** Per request: how many of the streams below are its batches. */
  batches: number[];
  streams: string[];
  expected: ExpectedRevision[];
  counts: number[];
  fields: string;
}

/** Never raw in an event's fields: canonical JSON escapes it, ids are UUIDs, types have no control characters (validateBatch). */
const SEPARATOR = '\u0000';

export function toWireGroup(requests: AppendRequest[]): WireGroup {
  const group: WireGroup = { batches: [], streams: [], expected: [], counts: [], fields: '' };
  const fields: string[] = [];
  for (const { batches } of requests) {
    group.batches.push(batches.length);
    for (const { streamName, expected, events } of batches) {
      group.streams.push(streamName);
      group.expected.push(expected);
      group.counts.push(events.length);
      for (const event of events) fields.push(event.id, event.type, event.data, event.metadata);
    }
  }
  group.fields = fields.join(SEPARATOR);
  return group;
}

export function fromWireGroup(group: WireGroup): AppendRequest[] {
  const fields = group.fields.split(SEPARATOR);
  let next = 0;
  let stream = 0;
  return group.batches.map((count) => {
    const batches: StreamBatch[] = [];
    for (const end = stream + count; stream < end; stream++) {
      const events = new Array<PreparedEvent>(group.counts[stream]);
      for (let k = 0; k < events.length; k++, next += 4) {
        events[k] = { id: fields[next], type: fields[next + 1], data: fields[next + 2], metadata: fields[next + 3] };
      }
      batches.push({ streamName: group.streams[stream], expected: group.expected[stream], events });
    }
    return { batches };
  });
}

/**
 * What the writer thread says: that its connection is open, once; then for
 * each group one outcome per request, or the failure of the whole transaction.
 */
export type FromWriter = { ready: true } | { id: number; outcomes: WireOutcome[] } | { id: number; failed: WireError };

export type WireOutcome = { ok: AppendResult[] } | { error: WireError };

/** An error as it crosses threads: structured clone keeps neither the class nor its fields. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  streamName?: string;
  expected?: ExpectedRevisionConflict['expected'];
  actual?: ExpectedRevisionConflict['actual'];
  knownIds?: string[];
}

export function toWireError(error: unknown): WireError {
  if (error instanceof ExpectedRevisionConflict) {
    return { name: error.name, message: error.message, streamName: error.streamName, expected: error.expected, actual: error.actual };
  }
  if (error instanceof PartialRetryConflict)
    return { name: error.name, message: error.message, streamName: error.streamName, knownIds: error.knownIds };
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** The error again, of the class the inline store would have thrown. */
export function fromWireError(wire: WireError): Error {
  switch (wire.name) {
    case 'ExpectedRevisionConflict':
      return new ExpectedRevisionConflict(wire.streamName!, wire.expected!, wire.actual!);
    case 'PartialRetryConflict':
      return new PartialRetryConflict(wire.streamName!, wire.knownIds!);
    case 'InvalidAppend':
      return new InvalidAppend(wire.message);
    default:
      return Object.assign(new Error(wire.message), { name: wire.name, ...(wire.code ? { code: wire.code } : {}) });
  }
}

export function toWireOutcome(outcome: Outcome<AppendResult[]>): WireOutcome {
  return 'ok' in outcome ? outcome : { error: toWireError(outcome.error) };
}

export function fromWireOutcome(outcome: WireOutcome): Outcome<AppendResult[]> {
  return 'ok' in outcome ? outcome : { error: fromWireError(outcome.error) };
}
