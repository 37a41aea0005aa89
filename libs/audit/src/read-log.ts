import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EventStore, RecordedEvent } from '@sagsgang/event-store';

export const DEFAULT_PAGE_SIZE = 1000;

/** Events the store could not read back (corrupt JSON on disk, say): somewhere after `after`, before `before`. */
export interface UnreadableRange {
  after: number;
  /** The position of the next readable event; null when nothing readable follows. */
  before: number | null;
  problem: string;
}

export interface ReadLogOptions {
  /** Exclusive: the last position already processed; the walk starts after it. */
  after?: number;
  pageSize?: number;
  /**
   * Called for events that cannot be read; the walk then continues behind
   * them. Without it, the store's error is thrown (an export must not skip).
   */
  onUnreadable?: (range: UnreadableRange) => void;
}

/** How far apart, at most, two readable events are looked for around a corrupt one. */
const MAX_PROBES = 1000;

/**
 * The global log in position order, page by page through the port, so it
 * works the same on every adapter. Each page re-reads from the last position
 * seen (inclusive, as the port reads) and drops that one event: a position is
 * only ever one the store returned, which EventStoreDB requires. A page that
 * does not move forward ends the walk instead of looping. Between pages the
 * event loop gets a turn, so a long walk inside the API does not starve it.
 */
export async function* readLog(store: EventStore, options: ReadLogOptions = {}): AsyncGenerator<RecordedEvent> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let cursor = options.after ?? 0;
  let includeCursor = false;
  for (;;) {
    const limit = includeCursor ? pageSize : pageSize + 1;
    const page = await readPage(store, cursor, limit, options.onUnreadable);
    let moved = false;
    for (const [index, event] of page.events.entries()) {
      if (index === 0 && !includeCursor && event.position === cursor) continue;
      yield event;
      if (event.position > cursor) {
        cursor = event.position;
        moved = true;
      }
    }
    includeCursor = false;
    if (page.resumeAt !== undefined) {
      // Events were skipped as unreadable: continue at the next readable one, which is not yet seen.
      cursor = page.resumeAt;
      includeCursor = true;
      moved = true;
    }
    if (page.end || !moved) return;
    await yieldToEventLoop();
  }
}

interface Page {
  events: RecordedEvent[];
  /** Nothing (readable) follows this page. */
  end: boolean;
  /** After skipping unreadable events: the next readable position, to be read inclusively. */
  resumeAt?: number;
}

async function readPage(store: EventStore, from: number, limit: number, onUnreadable: ReadLogOptions['onUnreadable']): Promise<Page> {
  try {
    const events = await store.readAll({ fromPosition: from, maxCount: limit });
    return { events, end: events.length < limit };
  } catch (error) {
    if (!onUnreadable) throw error;
    return skipUnreadable(store, from, limit, error, onUnreadable);
  }
}

/**
 * The page failed: find the longest readable prefix (binary search on the
 * count), then the next readable event by probing the positions after it.
 * Probing integer positions suits the embedded stores, whose positions are
 * dense; where nothing readable is found within MAX_PROBES the error stands.
 */
async function skipUnreadable(
  store: EventStore,
  from: number,
  limit: number,
  error: unknown,
  onUnreadable: NonNullable<ReadLogOptions['onUnreadable']>,
): Promise<Page> {
  const readable = await longestReadablePrefix(store, from, limit);
  const lastGood = readable.length > 0 ? readable[readable.length - 1].position : from - 1;
  const problem = error instanceof Error ? error.message : String(error);
  for (let probe = lastGood + 2; probe <= lastGood + 1 + MAX_PROBES; probe++) {
    const next = await tryRead(store, probe, 1);
    if (next === undefined) continue;
    if (next.length === 0) {
      onUnreadable({ after: lastGood, before: null, problem });
      return { events: readable, end: true };
    }
    onUnreadable({ after: lastGood, before: next[0].position, problem });
    return { events: readable, end: false, resumeAt: next[0].position };
  }
  throw error;
}

async function longestReadablePrefix(store: EventStore, from: number, limit: number): Promise<RecordedEvent[]> {
  let good: RecordedEvent[] = [];
  let low = 0;
  let high = limit - 1;
  while (low < high) {
    const count = (low + high + 1) >>> 1;
    const events = await tryRead(store, from, count);
    if (events) {
      good = events;
      low = count;
    } else {
      high = count - 1;
    }
  }
  return good;
}

async function tryRead(store: EventStore, from: number, count: number): Promise<RecordedEvent[] | undefined> {
  if (count === 0) return [];
  try {
    return await store.readAll({ fromPosition: from, maxCount: count });
  } catch {
    return undefined;
  }
}
