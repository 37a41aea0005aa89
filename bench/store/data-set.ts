import { randomUUID } from 'node:crypto';
import { Watchdog } from './meter';

/** The data set every store is measured on: 100k events over 1k streams, one of them 1,000 events long. */
export const DATA_SET = { events: 100_000, streams: 1_000, longStream: 1_000, batchSize: 100, pageSize: 1_000 };

export interface BenchEvent {
  id: string;
  type: string;
  data: { [key: string]: unknown };
  metadata: { [key: string]: unknown };
}

/** What the benchmark needs from a store; each subject maps it onto its own API. */
export interface Subject {
  readonly name: string;
  /**
   * `expectedRevision` is the stream's current revision counted from 0, or -1
   * when it does not exist yet; `writer` tells concurrent writers apart.
   */
  append(stream: string, events: BenchEvent[], expectedRevision: number, writer: number): Promise<void>;
  /** The stream's current revision (-1 when missing), to resynchronise a writer after a failed append. */
  revisionOf(stream: string): Promise<number>;
  /** Reads the whole stream; returns the number of events read. */
  readStream(stream: string): Promise<number>;
  /** Reads the whole global log page by page; absent when the store offers no such read. */
  readAllPaged?(pageSize: number): Promise<number>;
  /** Resolves once the store has started whatever it starts in the background, so that no run pays for it. */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

export const streamName = (i: number): string => `bench-${String(i).padStart(4, '0')}`;
/** Stream 0 is the 1,000-event stream; the others share the rest of the data set. */
export const LONG_STREAM = streamName(0);

const BASE_TIME = Date.parse('2025-01-06T09:00:00Z');
const AT_CLAUSE = '1. at orienteringen tages til efterretning, og at sagen sendes videre til Økonomiudvalget.';

/** A payload shaped like the engine's own events: ~200 bytes of data, ~200 of metadata. */
export function makeEvent(seq: number): BenchEvent {
  const id = randomUUID();
  return {
    id,
    type: 'IndstillingGiven',
    data: {
      sagsnummer: `19/${10_000 + (seq % 90_000)}`,
      indstiller: 'Direktøren for By, Kultur, Miljø & Beskæftigelse',
      at: [AT_CLAUSE],
      seq,
    },
    metadata: {
      actor: { userId: 'u-4711', role: 'sagsbehandler' },
      correlationId: id,
      causationId: id,
      recordedAt: new Date(BASE_TIME + seq).toISOString(),
    },
  };
}

/** The revision of every stream as the writers know it; `undefined` after a failed append. */
export class StreamBook {
  private readonly revisions = new Map<string, number | undefined>();
  written = 0;
  private seq = 0;

  /** Events of the data set, numbered on from the last made. */
  makeEvents(count: number): BenchEvent[] {
    return Array.from({ length: count }, () => makeEvent(this.seq++));
  }

  /** The stream's revision; asks the store only after a failed append left it unknown. */
  revision(subject: Subject, stream: string, watchdog: Watchdog): number | Promise<number> {
    if (!this.revisions.has(stream)) return -1;
    const known = this.revisions.get(stream);
    if (known !== undefined) return known;
    return watchdog.bound(subject.revisionOf(stream)).then((actual) => {
      this.revisions.set(stream, actual);
      return actual;
    });
  }

  appended(stream: string, revision: number, count: number): void {
    this.revisions.set(stream, revision + count);
    this.written += count;
  }

  failed(stream: string): void {
    this.revisions.set(stream, undefined);
  }
}
