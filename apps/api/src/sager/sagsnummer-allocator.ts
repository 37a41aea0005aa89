import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, ExpectedRevisionConflict } from '@sagsgang/event-store';
import { formatSagsnummer } from '@sagsgang/sag';
import { CommandContext } from '../commands/command-context';
import { metadataFor } from '../commands/command-runner';
import { eventId } from '../commands/event-ids';

/** Bounds the retries of a lost race; 50 concurrent creations settle in at most 50 rounds. */
const MAX_ATTEMPTS = 1000;

/**
 * Allocates `YY/løbenummer` from a counter stream per year, `sagsnummer-YY`:
 * løbenummer n is the event at revision n-1, appended with the exact expected
 * revision. Concurrent creations race on the store, not on a lock in memory,
 * so numbers are unique and gap-free even across processes. A retried request
 * (same idempotency key) gets its first number back.
 */
@Injectable()
export class SagsnummerAllocator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async allocate(sagId: string, context: CommandContext): Promise<string> {
    const year = danishYear(context.now);
    const stream = `sagsnummer-${String(year).padStart(2, '0')}`;
    for (let attempt = 1; ; attempt++) {
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const revision = last ? last.revision : -1;
      const loebenummer = revision + 2;
      try {
        const result = await this.store.append(
          stream,
          [
            {
              id: eventId(context, stream, 0),
              type: 'SagsnummerTildelt',
              data: { sagId, sagsnummer: formatSagsnummer(year, loebenummer), loebenummer },
              metadata: metadataFor(context),
            },
          ],
          last ? revision : 'no_stream',
        );
        // On an idempotent retry the store reports the original event's revision.
        return formatSagsnummer(year, result.nextExpectedRevision + 1);
      } catch (error) {
        if (!(error instanceof ExpectedRevisionConflict) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }
}

/** Sagsnumre follow the Danish calendar year, whatever the server's time zone. */
function danishYear(nowIso: string): number {
  const year = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date(nowIso));
  return Number(year) % 100;
}
