import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventData, EventStore, ExpectedRevisionConflict, PartialRetryConflict } from '@sagsgang/event-store';
import { formatSagsnummer } from '@sagsgang/sag';
import { CommandContext } from '../commands/command-context';
import { metadataFor } from '../commands/command-runner';
import { eventId } from '../commands/event-ids';

/** Bounds the retries of a batch that keeps losing the race to another writer of the counter stream. */
const MAX_ATTEMPTS = 100;

interface Waiting {
  sagId: string;
  context: CommandContext;
  /** Its SagsnummerTildelt's id, fixed for all its attempts. */
  eventId: string;
  resolve: (sagsnummer: string) => void;
  reject: (error: unknown) => void;
}

/** One counter stream: who waits for a number, and where the batches handed to the store leave its head. */
interface Counter {
  year: number;
  waiting: Waiting[];
  scheduled: boolean;
  /**
   * The counter stream's revision once every batch handed to the store is
   * appended, foreseen without waiting for their acknowledgements; unknown
   * (read from the stream) at first and after a batch went otherwise.
   */
  head?: Promise<number>;
}

/**
 * Allocates `YY/løbenummer` from a counter stream per year, `sagsnummer-YY`:
 * løbenummer n is the event at revision n-1.
 *
 * Creations waiting for a number are served in batches: all that arrive
 * within one turn of the event loop get consecutive numbers from ONE append
 * of their SagsnummerTildelt events with the exact expected revision, so
 * they share one fsync. A batch does not wait for the one before it to be
 * acknowledged: it expects the revision that batch will leave, and the
 * store, which takes a process's appends in order, refuses it if that did
 * not happen. Correctness does not come from this queue but from the store:
 * a batch that loses a race (another process appended first) is refused
 * whole and retried on the head read anew, so numbers stay unique and
 * gap-free across processes. A retried request (same idempotency key) gets
 * its first number back: its event id is derived from the key, and the store
 * answers a repeated event with its original revision.
 */
@Injectable()
export class SagsnummerAllocator {
  private readonly counters = new Map<string, Counter>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  allocate(sagId: string, context: CommandContext): Promise<string> {
    const year = danishYear(context.now);
    const stream = `sagsnummer-${String(year).padStart(2, '0')}`;
    let counter = this.counters.get(stream);
    if (!counter) this.counters.set(stream, (counter = { year, waiting: [], scheduled: false }));
    return new Promise((resolve, reject) => {
      counter.waiting.push({ sagId, context, eventId: eventId(context, stream, 0), resolve, reject });
      this.schedule(stream, counter);
    });
  }

  /** The rest of this turn's creations join the batch. */
  private schedule(stream: string, counter: Counter): void {
    if (counter.scheduled) return;
    counter.scheduled = true;
    setImmediate(() => {
      counter.scheduled = false;
      const batch = takeBatch(counter);
      if (counter.waiting.length > 0) this.schedule(stream, counter);
      void this.grant(stream, counter, batch);
    });
  }

  private async grant(stream: string, counter: Counter, batch: Waiting[]): Promise<void> {
    try {
      const first = await this.appendBatch(stream, counter, batch);
      batch.forEach((waiting, i) => waiting.resolve(formatSagsnummer(counter.year, first + i)));
    } catch (error) {
      if (!(error instanceof PartialRetryConflict) || batch.length === 1) {
        batch.forEach((waiting) => waiting.reject(error));
        return;
      }
      // Some of the batch are retries of creations whose number was already
      // granted: one at a time, each retry gets its own number back.
      for (const waiting of batch) await this.grant(stream, counter, [waiting]);
    }
  }

  /** Appends the batch after the batches before it; returns the løbenummer of the first. */
  private async appendBatch(stream: string, counter: Counter, batch: Waiting[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const after = counter.head ?? this.readHead(stream);
      const foreseen = after.then((revision) => revision + batch.length);
      // A failed read is this batch's to report; a batch chained on it sees the failure itself.
      foreseen.catch(() => undefined);
      counter.head = foreseen;
      try {
        const revision = await after;
        const events: EventData[] = batch.map(({ sagId, context, eventId: id }, i) => {
          const loebenummer = revision + 2 + i;
          return {
            id,
            type: 'SagsnummerTildelt',
            data: { sagId, sagsnummer: formatSagsnummer(counter.year, loebenummer), loebenummer },
            metadata: metadataFor(context),
          };
        });
        const result = await this.store.append(stream, events, revision < 0 ? 'no_stream' : revision);
        // On an exact retry the store reports the original events' revisions, and the head did not move.
        if (result.nextExpectedRevision !== revision + batch.length && counter.head === foreseen) counter.head = undefined;
        return result.nextExpectedRevision - batch.length + 2;
      } catch (error) {
        if (counter.head === foreseen) counter.head = undefined;
        if (!(error instanceof ExpectedRevisionConflict) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The counter stream's revision as stored (-1: no stream yet). */
  private async readHead(stream: string): Promise<number> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }
}

/**
 * Everyone waiting, except a second request with the same idempotency key
 * (the same event id cannot be appended twice in one batch): it waits for the
 * next batch and then gets the first one's number back.
 */
function takeBatch(counter: Counter): Waiting[] {
  const ids = new Set<string>();
  const batch: Waiting[] = [];
  const later: Waiting[] = [];
  for (const waiting of counter.waiting) {
    (ids.has(waiting.eventId) ? later : batch).push(waiting);
    ids.add(waiting.eventId);
  }
  counter.waiting = later;
  return batch;
}

/** Sagsnumre follow the Danish calendar year, whatever the server's time zone. */
function danishYear(nowIso: string): number {
  // Copenhagen is a whole number of hours from UTC, so the year is the same all through a UTC hour.
  const time = Date.parse(nowIso);
  const hour = Math.floor(time / 3_600_000);
  if (hour !== lastHour.hour) lastHour = { hour, year: Number(DANISH_YEAR.format(time)) % 100 };
  return lastHour.year;
}

/** Built once: constructing an Intl formatter costs far more than using one, and using one is not cheap either. */
const DANISH_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
let lastHour = { hour: Number.NaN, year: 0 };
