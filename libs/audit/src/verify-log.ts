import { EventStore } from '@sagsgang/event-store';
import { readLog, UnreadableRange } from './read-log';
import { StreamAudit, VerifyFailure } from './stream-audit';

export type { VerifyFailure } from './stream-audit';
export type { UnreadableRange } from './read-log';

export interface VerifyReport {
  /** Streams checked (system streams, whose names start with '$', are not ours and are skipped). */
  streams: number;
  /** Events checked. */
  events: number;
  /** The position of the last event read: the log was verified up to here. 0 for an empty log. */
  lastPosition: number;
  /** Each problem, at the stream and revision where it starts, in the order the walk met them. */
  failures: VerifyFailure[];
  /** Data the store could not read back at all; the events in it show up as missing revisions too. */
  unreadable: UnreadableRange[];
}

export interface VerifyOptions {
  pageSize?: number;
}

/**
 * Walks the whole global log once, through the port, and checks per stream:
 * revisions contiguous from 0, global positions strictly increasing, and the
 * hash chain (each event's hash recomputed from its content, each prevHash
 * linking to the previous event, the genesis hash at revision 0).
 */
export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const failures: VerifyFailure[] = [];
  const unreadable: UnreadableRange[] = [];
  const streams = new Map<string, StreamAudit>();
  const report = (failure: VerifyFailure) => failures.push(failure);
  const unreadableBetween = (after: number, before: number): string | undefined => {
    const range = unreadable.find((r) => r.after < before && (r.before === null || r.before > after));
    return range && `after position ${range.after}${range.before === null ? '' : `, before position ${range.before}`}: ${range.problem}`;
  };
  let events = 0;
  let lastPosition = 0;
  for await (const event of readLog(store, { pageSize: options.pageSize, onUnreadable: (range) => unreadable.push(range) })) {
    if (event.streamName.startsWith('$')) continue;
    let audit = streams.get(event.streamName);
    if (!audit) {
      audit = new StreamAudit(event.streamName, report);
      streams.set(event.streamName, audit);
    }
    if (events > 0 && !(event.position > lastPosition)) {
      report({
        stream: event.streamName,
        revision: event.revision,
        position: event.position,
        problem: `global position ${event.position} does not follow position ${lastPosition}: positions must strictly increase`,
      });
    }
    audit.check(event, unreadableBetween);
    lastPosition = Math.max(lastPosition, event.position);
    events++;
  }
  return { streams: streams.size, events, lastPosition, failures, unreadable };
}
