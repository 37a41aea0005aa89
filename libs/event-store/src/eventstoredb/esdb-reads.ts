import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
  START,
  StreamingRead,
} from '@eventstore/db-client';
import { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { isStreamNotFound, isSystemEvent, toEsdbPosition, toRecordedEvent } from './mapping';

/**
 * Reads in the port's window semantics (`from` inclusive in both directions).
 * Every read asks the leader (requiresLeader): after a leader change a
 * follower may still be behind, and a head or stream read before an append,
 * or to show a client its own write, must be current.
 */

export async function readStreamWindow(
  client: EventStoreDBClient,
  streamName: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  const from = streamStart(options.fromRevision, backwards);
  if (from === undefined || maxCount <= 0) return [];
  const read = client.readStream(streamName, {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: from,
    maxCount,
    requiresLeader: true,
  });
  return (await drain(read)).flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
}

/** Revision to read from; undefined when the window is empty whatever the stream holds. */
function streamStart(from: ReadStreamOptions['fromRevision'], backwards: boolean): ReadRevision | undefined {
  if (backwards) {
    if (from === undefined || from === 'end') return END;
    if (from === 'start') return 0n;
    return from < 0 ? undefined : BigInt(from);
  }
  if (from === undefined || from === 'start') return START;
  if (from === 'end') return undefined;
  return BigInt(Math.max(0, from));
}

/** Drains a stream read; a stream that does not exist reads as empty, as in the other adapters. */
export async function drain(read: StreamingRead<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  try {
    for await (const resolved of read) events.push(resolved);
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return events;
}

const MIN_PAGE = 16;
const MAX_PAGE = 512;

export async function readAllWindow(client: EventStoreDBClient, options: ReadAllOptions): Promise<RecordedEvent[]> {
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (maxCount <= 0) return [];
  const from = options.fromPosition;
  if (options.direction !== 'backwards') {
    if (from === 'end') return [];
    return readUserEvents(client, 'forwards', typeof from === 'number' && from > 0 ? from : 'start', maxCount);
  }
  if (from === undefined || from === 'end') return readUserEvents(client, 'backwards', 'end', maxCount);
  if (from === 'start') return readUserEvents(client, 'forwards', 'start', 1);
  if (from <= 0) return [];
  // ESDB reads $all backwards from a position exclusively; the port includes the event at it.
  const [atFrom] = await readUserEvents(client, 'forwards', from, 1);
  const head = atFrom?.position === from ? [atFrom] : [];
  const rest = await readUserEvents(client, 'backwards', from, maxCount - head.length);
  return [...head, ...rest];
}

/** The newest non-system event's position, 0 when there is none. */
export async function headPosition(client: EventStoreDBClient): Promise<number> {
  const [newest] = await readUserEvents(client, 'backwards', 'end', 1);
  return newest?.position ?? 0;
}

/**
 * Pages through $all skipping system events until `maxCount` user events are
 * found. Each page restarts at the last position seen; whether the server
 * includes that position again (forwards) or not (backwards), the strict
 * comparison drops it, so no event is returned twice.
 */
async function readUserEvents(
  client: EventStoreDBClient,
  direction: 'forwards' | 'backwards',
  from: number | 'start' | 'end',
  maxCount: number,
): Promise<RecordedEvent[]> {
  const forwards = direction === 'forwards';
  const found: RecordedEvent[] = [];
  let cursor: ReadPosition = from === 'start' ? START : from === 'end' ? END : toEsdbPosition(from);
  let last: bigint | undefined;
  while (found.length < maxCount && maxCount > 0) {
    const pageSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, maxCount - found.length + 1));
    const page = await drainAll(
      client.readAll({ direction: forwards ? FORWARDS : BACKWARDS, fromPosition: cursor, maxCount: pageSize, requiresLeader: true }),
    );
    for (const { event } of page) {
      if (!event) continue;
      const position = event.position.commit;
      if (last !== undefined && (forwards ? position <= last : position >= last)) continue;
      last = position;
      if (isSystemEvent(event)) continue;
      found.push(toRecordedEvent(event));
      if (found.length === maxCount) break;
    }
    if (page.length < pageSize || last === undefined) break;
    cursor = { commit: last, prepare: last };
  }
  return found;
}

async function drainAll(read: StreamingRead<AllStreamResolvedEvent>): Promise<AllStreamResolvedEvent[]> {
  const events: AllStreamResolvedEvent[] = [];
  for await (const resolved of read) events.push(resolved);
  return events;
}
