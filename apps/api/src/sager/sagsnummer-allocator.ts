import { Inject, Injectable } from '@nestjs/common';
import {
  AppendResult,
  EVENT_STORE,
  EventData,
  EventStore,
  ExpectedRevisionConflict,
  PartialRetryConflict,
  StreamAppend,
} from '@sagsgang/event-store';
import { formatSagsnummer } from '@sagsgang/sag';
import { CommandContext } from '../commands/command-context';
import { metadataFor } from '../commands/command-runner';
import { eventId } from '../commands/event-ids';

/** Bounds the retries of a batch that keeps losing the race to another writer of the counter stream. */
const MAX_ATTEMPTS = 100;

/** A sag waiting for its number: its stream, and its first events once the number is known. */
export interface Creation {
  sagId: string;
  streamName: string;
  context: CommandContext;
  /** The sag's first events with this sagsnummer (pure: called again when a batch is granted again). */
  events(sagsnummer: string): EventData[];
}

/** The number a creation was granted, and where its sag's stream stands after the append. */
export interface Created {
  sagsnummer: string;
  revision: number;
  position: number;
}

interface Waiting {
  creation: Creation;
  /** Its SagsnummerTildelt's id, fixed for all its attempts. */
  eventId: string;
  resolve: (created: Created) => void;
  reject: (error: unknown) => void;
}

/** One counter stream: who waits for a number, and where the batches handed to the store leave its head. */
interface Counter {
  stream: string;
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
 * Allocates `YY/løbenummer` from a counter stream per year, `sagsnummer-YY`
 * (løbenummer n is the event at revision n-1), and creates the sag with it
 * in the same append: a sagsnummer is never granted without its sag.
 *
 * Creations waiting for a number are served in batches: all that arrive
 * within one turn of the event loop get consecutive numbers from ONE append
 * to several streams — their SagsnummerTildelt events to the counter at the
 * exact expected revision, and each sag's first events to its new stream —
 * which on SQLite is one transaction and one fsync. A batch does not wait
 * for the one before it to be acknowledged: it expects the revision that
 * batch will leave, and the store, which takes a process's appends in order,
 * refuses it if that did not happen. Correctness does not come from this
 * queue but from the store: a batch that loses a race (another process
 * appended first) is refused whole and granted again on the head read anew,
 * so numbers stay unique and gap-free across processes. A retried request
 * (same idempotency key) gets its first number and sag back: its event ids
 * are derived from the key, and the store answers a repeated batch with its
 * original revisions.
 *
 * Where appends to several streams are not atomic (EventStoreDB), a crash
 * between the counter and the sags leaves numbers without their sag:
 * SagsnummerAnnullering finds and annuls them.
 */
@Injectable()
export class SagsnummerAllocator {
  private readonly counters = new Map<string, Counter>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  allocate(creation: Creation): Promise<Created> {
    const year = danishYear(creation.context.now);
    const stream = sagsnummerStream(year);
    let counter = this.counters.get(stream);
    if (!counter) this.counters.set(stream, (counter = { stream, year, waiting: [], scheduled: false }));
    return new Promise((resolve, reject) => {
      counter.waiting.push({ creation, eventId: eventId(creation.context, stream, 0), resolve, reject });
      this.schedule(counter);
    });
  }

  /** The rest of this turn's creations join the batch. */
  private schedule(counter: Counter): void {
    if (counter.scheduled) return;
    counter.scheduled = true;
    setImmediate(() => {
      counter.scheduled = false;
      const batch = takeBatch(counter);
      if (counter.waiting.length > 0) this.schedule(counter);
      void this.grant(counter, batch);
    });
  }

  private async grant(counter: Counter, batch: Waiting[]): Promise<void> {
    try {
      const created = await this.appendBatch(counter, batch);
      batch.forEach((waiting, i) => waiting.resolve(created[i]));
    } catch (error) {
      if (!(error instanceof PartialRetryConflict || error instanceof ExpectedRevisionConflict) || batch.length === 1) {
        batch.forEach((waiting) => waiting.reject(error));
        return;
      }
      // Some of the batch are retries of creations that already landed, or a sag refused its stream:
      // one at a time, each retry gets its own number back and each refusal stays its own.
      for (const waiting of batch) await this.grant(counter, [waiting]);
    }
  }

  /** Appends the batch's numbers and sags after the batches before it. */
  private async appendBatch(counter: Counter, batch: Waiting[]): Promise<Created[]> {
    for (let attempt = 1; ; attempt++) {
      const after = counter.head ?? this.readHead(counter.stream);
      const foreseen = after.then((revision) => revision + batch.length);
      // A failed read is this batch's to report; a batch chained on it sees the failure itself.
      foreseen.catch(() => undefined);
      counter.head = foreseen;
      try {
        const revision = await after;
        const [granted, ...sags] = await this.store.appendToStreams(this.appends(counter, batch, revision));
        // On an exact retry the store reports the original events' revisions, and the head did not move.
        if (granted.nextExpectedRevision !== revision + batch.length && counter.head === foreseen) counter.head = undefined;
        const first = granted.nextExpectedRevision - batch.length + 2;
        return sags.map((sag, i) => created(formatSagsnummer(counter.year, first + i), sag));
      } catch (error) {
        if (counter.head === foreseen) counter.head = undefined;
        const lostRace = error instanceof ExpectedRevisionConflict && error.streamName === counter.stream;
        if (!lostRace || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The counter's new events and each sag's first events, numbered from the counter's `revision`. */
  private appends(counter: Counter, batch: Waiting[], revision: number): StreamAppend[] {
    const numbers = batch.map((_, i) => revision + 2 + i);
    const granted: EventData[] = batch.map(({ creation, eventId: id }, i) => ({
      id,
      type: 'SagsnummerTildelt',
      data: { sagId: creation.sagId, sagsnummer: formatSagsnummer(counter.year, numbers[i]), loebenummer: numbers[i] },
      metadata: metadataFor(creation.context),
    }));
    return [
      { streamName: counter.stream, events: granted, expectedRevision: revision < 0 ? 'no_stream' : revision },
      ...batch.map(({ creation }, i) => ({
        streamName: creation.streamName,
        events: creation.events(formatSagsnummer(counter.year, numbers[i])),
        expectedRevision: 'no_stream' as const,
      })),
    ];
  }

  /** The counter stream's revision as stored (-1: no stream yet). */
  private async readHead(stream: string): Promise<number> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }
}

export function sagsnummerStream(year: number): string {
  return `sagsnummer-${String(year).padStart(2, '0')}`;
}

function created(sagsnummer: string, sag: AppendResult): Created {
  return { sagsnummer, revision: sag.nextExpectedRevision, position: sag.position };
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
export function danishYear(nowIso: string): number {
  // Copenhagen is a whole number of hours from UTC, so the year is the same all through a UTC hour.
  const time = Date.parse(nowIso);
  const hour = Math.floor(time / 3_600_000);
  if (hour !== lastHour.hour) lastHour = { hour, year: Number(DANISH_YEAR.format(time)) % 100 };
  return lastHour.year;
}

/** Built once: constructing an Intl formatter costs far more than using one, and using one is not cheap either. */
const DANISH_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
let lastHour = { hour: Number.NaN, year: 0 };
