import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { danishYear, sagsnummerStream } from '../sager/sagsnummer-allocator';

/** A number granted this long ago without its sag is taken to have lost it (the two appends follow within milliseconds). */
export const GRACE_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;
const NAMESPACE = 'c5f1e0a4-7d2b-4e8f-9a61-3b0d2c4e5f17';

export interface JournalEntry {
  sagsnummer: string;
  loebenummer: number;
  sagId: string;
  tildelt: string;
  /** i brug: the number is its sag's; annulleret: it was granted, but its sag was never created. */
  status: 'i brug' | 'annulleret';
}

/** Where the numbers annulled in a year are recorded; not the counter stream, whose revisions are the løbenumre. */
export function annulledStream(year: number): string {
  return `${sagsnummerStream(year)}-annulleret`;
}

/**
 * The journal of a year's sagsnumre, and on a store where an append to
 * several streams is not atomic (EventStoreDB) the numbers that a crash
 * between the counter and the sag left without their sag: every minute, and
 * at start-up for the whole of this year and the last, a number granted more
 * than GRACE_MS ago whose sag stream does not begin with it is annulled
 * (SagsnummerAnnulleret, one per number, appended once), so the journal shows
 * it as annulleret rather than as a sag that does not exist. On SQLite the
 * number and its sag are one append, and nothing is ever annulled.
 */
@Injectable()
export class SagsnummerJournal implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SagsnummerJournal');
  /** Per counter stream, the revisions before this one are checked. */
  private readonly checkedUpTo = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    if (this.store.capabilities.atomicMultiStreamAppend) return;
    this.timer = setInterval(() => void this.sweepQuietly(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweepQuietly();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async entries(year: number): Promise<JournalEntry[]> {
    const [granted, annulled] = await Promise.all([
      this.store.readStream(sagsnummerStream(year)),
      this.store.readStream(annulledStream(year)),
    ]);
    const lost = new Set(annulled.map((event) => String(event.data.sagsnummer)));
    return granted.map(({ data, metadata }) => ({
      sagsnummer: String(data.sagsnummer),
      loebenummer: Number(data.loebenummer),
      sagId: String(data.sagId),
      tildelt: String(metadata.recordedAt),
      status: lost.has(String(data.sagsnummer)) ? 'annulleret' : 'i brug',
    }));
  }

  /** Annuls this year's and last year's numbers granted before `now - GRACE_MS` without their sag; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    const year = danishYear(new Date(now).toISOString());
    let annulled = 0;
    for (const y of [year, (year + 99) % 100]) annulled += await this.sweepYear(y, now);
    return annulled;
  }

  private async sweepYear(year: number, now: number): Promise<number> {
    const stream = sagsnummerStream(year);
    const from = this.checkedUpTo.get(stream) ?? 0;
    let annulled = 0;
    for (const granted of await this.store.readStream(stream, { fromRevision: from })) {
      if (Date.parse(String(granted.metadata.recordedAt)) > now - GRACE_MS) break;
      if (!(await this.hasItsSag(granted))) {
        await this.annul(year, granted);
        annulled++;
      }
      this.checkedUpTo.set(stream, granted.revision + 1);
    }
    return annulled;
  }

  private async hasItsSag(granted: RecordedEvent): Promise<boolean> {
    const [first] = await this.store.readStream(`sag-${String(granted.data.sagId)}`, { maxCount: 1 });
    return first?.type === 'SagOprettet' && first.data.sagsnummer === granted.data.sagsnummer;
  }

  private async annul(year: number, granted: RecordedEvent): Promise<void> {
    const { sagsnummer, loebenummer, sagId } = granted.data;
    this.logger.warn(
      `sagsnummer ${String(sagsnummer)} was granted at position ${granted.position} but its sag ${String(sagId)} never created: annulled`,
    );
    await this.store.append(annulledStream(year), [
      {
        // Derived from the grant: annulling the same number again appends nothing.
        id: uuidv5(granted.id, NAMESPACE),
        type: 'SagsnummerAnnulleret',
        data: { sagsnummer, loebenummer, sagId, aarsag: 'sagen blev aldrig oprettet (nedbrud mellem tildeling og oprettelse)' },
        metadata: {
          actor: { userId: 'sagsgang', role: 'admin' },
          correlationId: String(granted.metadata.correlationId ?? granted.id),
          causationId: granted.id,
          recordedAt: new Date().toISOString(),
        },
      },
    ]);
  }

  private async sweepQuietly(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.warn(`sagsnumre not checked for lost sager, trying again in a minute: ${String(error)}`);
    }
  }
}
