import {
  AppendExpectedRevision,
  ErrorType,
  EventData as EsdbEventData,
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  jsonEvent,
  NO_STREAM,
  Position,
  RecordedEvent as EsdbRecordedEvent,
  STREAM_EXISTS,
  streamNameFilter,
  ANY,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ChainedMetadata, EventData, ExpectedRevision, JsonObject, RecordedEvent, SubscriptionFilter } from '../event-store.port';
import { ExpectedRevisionConflict } from '../errors';

/**
 * Pure translations between the port and @eventstore/db-client 6.x, kept apart
 * from the adapter so they can be unit-tested without a server.
 *
 * Positions. A gRPC append is an implicit transaction: every event is its own
 * prepare record flagged IsCommitted, and $all reports each one as
 * {commit: its log position, prepare: its log position} — so within one
 * multi-event append the events still get distinct, increasing positions
 * (AllReader.ReadAllEventsForward; the append result carries the last event's
 * position, StorageChaser's CommitAck). Only legacy explicit (TCP) transactions
 * share one commit position between events. The port's single number is
 * therefore the commit position, and it round-trips as {commit: n, prepare: n}:
 * a forward $all read from it includes that event, a subscription starts after it.
 */

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected revision ${expected}`);
      return BigInt(expected);
  }
}

/** The exact revision to append at, given the head we just read. */
export function exactRevisionAfter(head: { revision: number } | undefined): AppendExpectedRevision {
  return head ? BigInt(head.revision) : NO_STREAM;
}

export function toPortPosition(position: Position | undefined): number {
  if (!position) throw new Error('EventStoreDB did not report a $all position for this event (needs EventStoreDB >= 22.6)');
  if (position.commit !== position.prepare) {
    throw new Error(
      `event at commit ${position.commit} / prepare ${position.prepare} was written in an explicit transaction, which this store does not support`,
    );
  }
  // 2^64-1 is what servers before 22.6 send for stream reads: "no position".
  const value = Number(position.commit);
  if (!Number.isSafeInteger(value)) throw new Error(`EventStoreDB position ${position.commit} is not usable as a global position`);
  return value;
}

export function toEsdbPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`invalid global position ${position}`);
  return { commit: BigInt(position), prepare: BigInt(position) };
}

export function toRevision(revision: bigint): number {
  const value = Number(revision);
  if (!Number.isSafeInteger(value)) throw new RangeError(`stream revision ${revision} is out of range`);
  return value;
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError || hasErrorType(error, ErrorType.WRONG_EXPECTED_VERSION);
}

export function isStreamNotFound(error: unknown): boolean {
  return hasErrorType(error, ErrorType.STREAM_NOT_FOUND);
}

function hasErrorType(error: unknown, type: ErrorType): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}

/** `expected` is the caller's expectation, not the exact revision the adapter sent. */
export function toExpectedRevisionConflict(
  error: WrongExpectedVersionError,
  streamName: string,
  expected: ExpectedRevision,
): ExpectedRevisionConflict {
  const actual = error.actualVersion === 'no_stream' ? 'no_stream' : toRevision(error.actualVersion);
  return new ExpectedRevisionConflict(streamName, expected, actual);
}

export function toEsdbEvent(event: EventData & { metadata: ChainedMetadata }): EsdbEventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/** Streams and event types starting with '$' belong to EventStoreDB itself. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamName: event.streamId,
    revision: toRevision(event.revision),
    position: toPortPosition(event.position),
    type: event.type,
    data: asJsonObject(event.data, event.id),
    metadata: (event.metadata === undefined ? {} : asJsonObject(event.metadata, event.id)) as ChainedMetadata,
  };
}

function asJsonObject(value: unknown, id: string): JsonObject {
  const parsed = value instanceof Uint8Array ? parseUtf8Json(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`event ${id} does not hold a JSON object`);
  }
  return parsed as JsonObject;
}

function parseUtf8Json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Regex matching exactly the given event types (.NET regex syntax on the server). */
export function exactTypesRegex(types: string[]): string {
  return `^(?:${types.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

/**
 * The server-side filter only narrows the traffic; ESDB takes one filter, so
 * when both criteria are given the adapter still applies the full filter itself.
 */
export function toEsdbFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: exactTypesRegex(filter.eventTypes) });
  return excludeSystemEvents();
}
