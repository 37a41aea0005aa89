import { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './event-store.port';

/**
 * Read windows over an in-memory array ordered by revision (a stream) or by
 * position (the log), in the port's semantics: `from` is inclusive.
 */
export function sliceStream(events: RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  return window(events, options.direction, options.fromRevision, options.maxCount, (e) => e.revision);
}

export function sliceAll(log: RecordedEvent[], options: ReadAllOptions): RecordedEvent[] {
  return window(log, options.direction, options.fromPosition, options.maxCount, (e) => e.position);
}

function window(
  events: RecordedEvent[],
  direction: 'forwards' | 'backwards' = 'forwards',
  from: number | 'start' | 'end' | undefined,
  maxCount = Number.MAX_SAFE_INTEGER,
  key: (event: RecordedEvent) => number,
): RecordedEvent[] {
  if (direction === 'forwards') {
    const start = from === undefined || from === 'start' ? 0 : from === 'end' ? events.length : lowerBound(events, from, key);
    return events.slice(start, start + maxCount);
  }
  const end = from === undefined || from === 'end' ? events.length : from === 'start' ? 1 : upperBound(events, from, key);
  return events.slice(Math.max(0, end - maxCount), end).reverse();
}

/** Index of the first event whose key is >= target. */
function lowerBound(events: RecordedEvent[], target: number, key: (event: RecordedEvent) => number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(events[mid]) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index after the last event whose key is <= target. */
function upperBound(events: RecordedEvent[], target: number, key: (event: RecordedEvent) => number): number {
  return lowerBound(events, target + 1, key);
}
