import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

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
  close(): Promise<void>;
}

export interface Measurement {
  events: number;
  seconds: number;
  errors: number;
  firstError?: string;
  note?: string;
  /** CPU time of the whole process (every thread) per event, in µs. */
  cpuMicrosPerEvent?: number;
  /** Bytes the process wrote to the disk per event (/proc/self/io write_bytes). */
  bytesPerEvent?: number;
}

/** Wall time, CPU time and bytes written to the disk, from construction on. */
class Meter {
  private readonly wall = performance.now();
  private readonly cpu = process.cpuUsage();
  private readonly written = bytesWritten();

  read(events: number): Pick<Measurement, 'seconds' | 'cpuMicrosPerEvent' | 'bytesPerEvent'> {
    const seconds = (performance.now() - this.wall) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const per = (value: number) => (events > 0 ? value / events : undefined);
    return { seconds, cpuMicrosPerEvent: per(cpu.user + cpu.system), bytesPerEvent: per(bytesWritten() - this.written) };
  }
}

function bytesWritten(): number {
  try {
    const line = readFileSync('/proc/self/io', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('write_bytes:'));
    return line ? Number(line.split(':')[1]) : 0;
  } catch {
    return 0;
  }
}

export const rate = (m: Measurement): number => (m.seconds > 0 ? m.events / m.seconds : 0);

/** No single call may hang the run (a wedged store counts an error instead). */
const CALL_TIMEOUT_MS = 15_000;

function bounded<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
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

  /** Events are made before a run starts, so that the clock measures the store only. */
  makeEvents(count: number): BenchEvent[] {
    return Array.from({ length: count }, () => makeEvent(this.seq++));
  }

  async revision(subject: Subject, stream: string): Promise<number> {
    if (!this.revisions.has(stream)) return -1;
    const known = this.revisions.get(stream);
    if (known !== undefined) return known;
    const actual = await subject.revisionOf(stream);
    this.revisions.set(stream, actual);
    return actual;
  }

  appended(stream: string, revision: number, count: number): void {
    this.revisions.set(stream, revision + count);
    this.written += count;
  }

  failed(stream: string): void {
    this.revisions.set(stream, undefined);
  }
}

class ErrorLog {
  count = 0;
  first?: string;

  add(error: unknown): void {
    this.count++;
    this.first ??= error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 160) : String(error);
  }
}

export interface AppendRun {
  writers: number;
  appendsPerWriter: number;
  eventsPerAppend: number;
  /** Slow stores stop here; the rate is over what they managed. */
  capMs: number;
}

/**
 * Appends with the exact expected revision from concurrent writers. Each
 * writer owns the streams 1..999 whose index falls to it, and awaits each
 * append before the next.
 */
export async function appendRun(subject: Subject, book: StreamBook, run: AppendRun): Promise<Measurement> {
  const errors = new ErrorLog();
  const prepared = Array.from({ length: run.writers }, () => book.makeEvents(run.appendsPerWriter * run.eventsPerAppend));
  const meter = new Meter();
  const deadline = performance.now() + run.capMs;
  let events = 0;
  let appends = 0;
  const writer = async (w: number): Promise<void> => {
    const own: string[] = [];
    for (let i = 1 + w; i < DATA_SET.streams; i += run.writers) own.push(streamName(i));
    for (let k = 0; k < run.appendsPerWriter && performance.now() < deadline; k++) {
      const stream = own[k % own.length];
      const batch = prepared[w].slice(k * run.eventsPerAppend, (k + 1) * run.eventsPerAppend);
      try {
        const revision = await bounded(book.revision(subject, stream));
        await bounded(subject.append(stream, batch, revision, w));
        book.appended(stream, revision, batch.length);
        events += batch.length;
        appends++;
      } catch (error) {
        errors.add(error);
        book.failed(stream);
      }
    }
  };
  await Promise.all(Array.from({ length: run.writers }, (_, w) => writer(w)));
  const capped = appends + errors.count < run.writers * run.appendsPerWriter;
  const note = capped ? `stopped after ${run.capMs / 1000} s` : undefined;
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first, note };
}

/**
 * 100-event batches from one writer until the data set is complete: first the
 * 1,000-event stream, then round robin over the other streams.
 */
export async function batchAppends(subject: Subject, book: StreamBook): Promise<Measurement> {
  const errors = new ErrorLog();
  const prepared = book.makeEvents(DATA_SET.events - book.written);
  const meter = new Meter();
  let events = 0;
  let turn = 0;
  let used = 0;
  while (book.written < DATA_SET.events) {
    const long = turn < DATA_SET.longStream / DATA_SET.batchSize;
    const stream = long ? LONG_STREAM : streamName(1 + (turn % (DATA_SET.streams - 1)));
    turn++;
    const size = Math.min(DATA_SET.batchSize, DATA_SET.events - book.written);
    // After a failed batch the prepared events run short; the few extra are made on the clock.
    const batch = used + size <= prepared.length ? prepared.slice(used, used + size) : book.makeEvents(size);
    used += size;
    try {
      const revision = await bounded(book.revision(subject, stream));
      await bounded(subject.append(stream, batch, revision, 0));
      book.appended(stream, revision, size);
      events += size;
    } catch (error) {
      errors.add(error);
      book.failed(stream);
      if (errors.count > 100) break;
    }
  }
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first };
}

/** Reads the 1,000-event stream again and again for about `budgetMs`. */
export async function readStreamRepeatedly(subject: Subject, budgetMs: number): Promise<Measurement> {
  const errors = new ErrorLog();
  const started = performance.now();
  const meter = new Meter();
  let events = 0;
  let reads = 0;
  while (reads < 5 || (performance.now() - started < budgetMs && reads < 500)) {
    reads++;
    try {
      const count = await bounded(subject.readStream(LONG_STREAM));
      if (count !== DATA_SET.longStream) throw new Error(`read ${count} events of ${LONG_STREAM}, expected ${DATA_SET.longStream}`);
      events += count;
    } catch (error) {
      errors.add(error);
      if (errors.count > 5) break;
    }
  }
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first, note: `${reads} reads` };
}

/** Reads the whole log in pages; the median of three passes. */
export async function readAllPasses(subject: Subject, expected: number): Promise<Measurement> {
  if (!subject.readAllPaged) return { events: 0, seconds: 0, errors: 0, note: 'no global-log read in its API' };
  const errors = new ErrorLog();
  const passes: Measurement[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const meter = new Meter();
    try {
      const count = await bounded(subject.readAllPaged(DATA_SET.pageSize));
      if (count !== expected) throw new Error(`read ${count} events from the global log, expected ${expected}`);
      passes.push({ events: count, ...meter.read(count), errors: 0 });
    } catch (error) {
      errors.add(error);
    }
  }
  passes.sort((a, b) => rate(a) - rate(b));
  const median = passes[Math.floor(passes.length / 2)] ?? { events: 0, seconds: 0, errors: 0 };
  return { ...median, errors: errors.count, firstError: errors.first, note: 'median of 3 passes' };
}
