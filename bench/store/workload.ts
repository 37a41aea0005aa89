/** The operations measured, the same for every store: appends first (they build the data set), then reads. */
import { performance } from 'node:perf_hooks';
import { DATA_SET, LONG_STREAM, StreamBook, streamName, Subject } from './data-set';
import { ErrorLog, GRACE_MS, Measurement, Meter, rate, Watchdog } from './meter';

export interface AppendRun {
  writers: number;
  appendsPerWriter: number;
  eventsPerAppend: number;
  /** Slow stores stop here; the rate is over what they managed. */
  capMs: number;
}

/**
 * Appends with the exact expected revision from concurrent writers. Each
 * writer owns the streams 1..999 whose index falls to it, makes each
 * append's events just before it, as a client does (about 1 µs an event, on
 * the clock; made all beforehand they would sit in the heap and load every
 * garbage collection), and awaits each append before the next.
 */
export async function appendRun(subject: Subject, book: StreamBook, run: AppendRun): Promise<Measurement> {
  const errors = new ErrorLog();
  const meter = new Meter();
  const deadline = performance.now() + run.capMs;
  const watchdog = new Watchdog(run.capMs + GRACE_MS);
  let events = 0;
  let appends = 0;
  const writer = async (w: number): Promise<void> => {
    const own: string[] = [];
    for (let i = 1 + w; i < DATA_SET.streams; i += run.writers) own.push(streamName(i));
    for (let k = 0; k < run.appendsPerWriter && performance.now() < deadline; k++) {
      const stream = own[k % own.length];
      const batch = book.makeEvents(run.eventsPerAppend);
      try {
        const revision = await book.revision(subject, stream, watchdog);
        await watchdog.bound(subject.append(stream, batch, revision, w));
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
  watchdog.stop();
  const capped = appends + errors.count < run.writers * run.appendsPerWriter;
  const note = capped ? `stopped after ${run.capMs / 1000} s` : undefined;
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first, note };
}

/**
 * 100-event batches from one writer until the data set is complete: first the
 * 1,000-event stream, then round robin over the other streams; each batch's
 * events made just before it, as in appendRun.
 */
export async function batchAppends(subject: Subject, book: StreamBook): Promise<Measurement> {
  const errors = new ErrorLog();
  const meter = new Meter();
  const watchdog = new Watchdog(120_000);
  let events = 0;
  let turn = 0;
  while (book.written < DATA_SET.events) {
    const long = turn < DATA_SET.longStream / DATA_SET.batchSize;
    const stream = long ? LONG_STREAM : streamName(1 + (turn % (DATA_SET.streams - 1)));
    turn++;
    const size = Math.min(DATA_SET.batchSize, DATA_SET.events - book.written);
    const batch = book.makeEvents(size);
    try {
      const revision = await book.revision(subject, stream, watchdog);
      await watchdog.bound(subject.append(stream, batch, revision, 0));
      book.appended(stream, revision, size);
      events += size;
    } catch (error) {
      errors.add(error);
      book.failed(stream);
      if (errors.count > 100) break;
    }
  }
  watchdog.stop();
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first };
}

/** Reads the 1,000-event stream again and again for about `budgetMs`. */
export async function readStreamRepeatedly(subject: Subject, budgetMs: number): Promise<Measurement> {
  const errors = new ErrorLog();
  const started = performance.now();
  const meter = new Meter();
  const watchdog = new Watchdog(budgetMs + GRACE_MS);
  let events = 0;
  let reads = 0;
  while (reads < 5 || (performance.now() - started < budgetMs && reads < 500)) {
    reads++;
    try {
      const count = await watchdog.bound(subject.readStream(LONG_STREAM));
      if (count !== DATA_SET.longStream) throw new Error(`read ${count} events of ${LONG_STREAM}, expected ${DATA_SET.longStream}`);
      events += count;
    } catch (error) {
      errors.add(error);
      if (errors.count > 5) break;
    }
  }
  watchdog.stop();
  return { events, ...meter.read(events), errors: errors.count, firstError: errors.first, note: `${reads} reads` };
}

/** Reads the whole log in pages; the median of three passes. */
export async function readAllPasses(subject: Subject, expected: number): Promise<Measurement> {
  if (!subject.readAllPaged) return { events: 0, seconds: 0, errors: 0, note: 'no global-log read in its API' };
  const errors = new ErrorLog();
  const passes: Measurement[] = [];
  const watchdog = new Watchdog(120_000);
  for (let pass = 0; pass < 3; pass++) {
    const meter = new Meter();
    try {
      const count = await watchdog.bound(subject.readAllPaged(DATA_SET.pageSize));
      if (count !== expected) throw new Error(`read ${count} events from the global log, expected ${expected}`);
      passes.push({ events: count, ...meter.read(count), errors: 0 });
    } catch (error) {
      errors.add(error);
    }
  }
  watchdog.stop();
  passes.sort((a, b) => rate(a) - rate(b));
  const median = passes[Math.floor(passes.length / 2)] ?? { events: 0, seconds: 0, errors: 0 };
  return { ...median, errors: errors.count, firstError: errors.first, note: 'median of 3 passes' };
}
