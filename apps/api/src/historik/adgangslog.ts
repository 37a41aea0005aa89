import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { DomainEvent } from '@sagsgang/kernel';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { metadataFor } from '../commands/command-runner';
import { correlationIdOf } from '../observability/correlation-id';

/**
 * Every read of a lukket punkt's content is itself recorded, in a stream of
 * the meeting's own beside the meeting (`adgangslog-<moedeId>`): the meeting's
 * revision and ETag do not move when someone reads it, and an auditor asking
 * "who has seen this closed punkt" reads one stream.
 */
export const ADGANGSLOG_PREFIX = 'adgangslog-';

export function adgangslogStreamName(moedeId: string): string {
  return `${ADGANGSLOG_PREFIX}${moedeId}`;
}

/** A lukket punkt whose content a response shows. */
export interface LukketPunktRef {
  moedeId: string;
  nr: number;
  sagId: string;
}

/** `route` is the route read (e.g. "GET /moeder/:id/referat"); `url` the request as sent, moment included. */
export type LukketPunktLaest = DomainEvent<'LukketPunktLaest', LukketPunktRef & { route: string; url: string }>;

export const LUKKET_PUNKT_LAEST = 'LukketPunktLaest';

/** "Lukket punkt 2 læst via GET /moeder/:id/referat". */
export function adgangResume(event: RecordedEvent): string {
  return `Lukket punkt ${String(event.data.nr)} læst via ${String(event.data.route)}`;
}

@Injectable()
export class Adgangslog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Appends one LukketPunktLaest per punkt, as the reader, before the content
   * is sent: if the record cannot be written the read fails. A request
   * without a token is the public's, which never sees a lukket punkt's content.
   */
  async registrer(request: AuthenticatedRequest, punkter: readonly LukketPunktRef[]): Promise<void> {
    const actor = request.actor;
    if (!actor || punkter.length === 0) return;
    // The request's own correlation id, as its log line and response carry it; a read does not
    // refuse a malformed X-Correlation-Id (a command does), it gets a new one.
    const correlationId = correlationIdOf(request.raw);
    const metadata = metadataFor({ actor, correlationId, causationId: randomUUID(), now: new Date().toISOString() });
    const route = `${request.method} ${request.routeOptions?.url ?? request.url}`;
    for (const [moedeId, refs] of perMoede(punkter)) {
      const events = refs.map(({ nr, sagId }) => ({
        id: randomUUID(),
        type: LUKKET_PUNKT_LAEST,
        data: { moedeId, nr, sagId, route, url: request.url },
        metadata,
      }));
      await this.store.append(adgangslogStreamName(moedeId), events, 'any');
    }
  }
}

/** Each punkt once, grouped by meeting. */
function perMoede(punkter: readonly LukketPunktRef[]): Map<string, LukketPunktRef[]> {
  const grouped = new Map<string, LukketPunktRef[]>();
  for (const punkt of punkter) {
    const refs = grouped.get(punkt.moedeId) ?? [];
    if (!refs.some((ref) => ref.nr === punkt.nr && ref.sagId === punkt.sagId)) refs.push(punkt);
    grouped.set(punkt.moedeId, refs);
  }
  return grouped;
}
