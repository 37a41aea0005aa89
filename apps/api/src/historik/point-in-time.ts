import { BadRequestException, NotFoundException } from '@nestjs/common';
import { RecordedEvent } from '@sagsgang/event-store';

/**
 * A moment in a stream's life: after its revision n, or after the last event
 * recorded at or before a time. Either way the stream as it stood then is a
 * prefix of the stream as it stands now, and folding that prefix gives the
 * state at that moment.
 */
export type Moment = { kind: 'revision'; revision: number } | { kind: 'asOf'; asOf: string; at: number };

/** The moment a query names, or undefined for "now". Both at once is a 400. */
export function momentFrom(query: { asOf?: string; revision?: number }): Moment | undefined {
  if (query.asOf !== undefined && query.revision !== undefined) {
    const reason = 'asOf og revision angiver hver et tidspunkt; giv kun den ene';
    throw new BadRequestException({
      title: 'Ugyldig forespørgsel',
      detail: reason,
      errors: [
        { field: 'asOf', reason },
        { field: 'revision', reason },
      ],
    });
  }
  if (query.revision !== undefined) return { kind: 'revision', revision: query.revision };
  if (query.asOf !== undefined) return { kind: 'asOf', asOf: query.asOf, at: Date.parse(query.asOf) };
  return undefined;
}

/** When the event was recorded (metadata.recordedAt) in epoch milliseconds; NaN if it carries none. */
export function recordedAt(event: RecordedEvent): number {
  return typeof event.metadata.recordedAt === 'string' ? Date.parse(event.metadata.recordedAt) : Number.NaN;
}

/**
 * The prefix of `events` up to and including the moment. By time it ends at
 * the LAST event recorded at or before it: recordedAt is the command's clock,
 * and a command that lost a race may land after one that started later, so
 * the times in a stream are not strictly ordered, while the state always is a
 * prefix.
 */
export function prefixAt(events: readonly RecordedEvent[], moment: Moment): RecordedEvent[] {
  if (moment.kind === 'revision') return events.filter((event) => event.revision <= moment.revision);
  let end = 0;
  events.forEach((event, index) => {
    if (recordedAt(event) <= moment.at) end = index + 1;
  });
  return events.slice(0, end);
}

/**
 * The stream of a sag or møde as it stood at the moment; a 404 that says why
 * when there is nothing: no such stream, a time before its first event, or a
 * revision beyond its last.
 */
export function streamAt(what: string, id: string, events: readonly RecordedEvent[], moment: Moment): RecordedEvent[] {
  if (events.length === 0) throw notFound(`${what} ${id} findes ikke`);
  if (moment.kind === 'revision' && moment.revision > events[events.length - 1].revision) {
    throw notFound(`${what} ${id} har ingen revision ${moment.revision}; den seneste er ${events[events.length - 1].revision}`);
  }
  const prefix = prefixAt(events, moment);
  if (prefix.length === 0 && moment.kind === 'asOf') {
    throw notFound(`${what} ${id} fandtes ikke ${moment.asOf}; den blev oprettet ${String(events[0].metadata.recordedAt)}`);
  }
  return prefix;
}

/**
 * How another stream (a punkt's sag) is cut to the same moment: by the same
 * time, or, for a revision, at the global position of that revision's event
 * (positions of one store compare across streams). Without a moment, whole.
 */
export function otherStreamsAt(
  moment: Moment | undefined,
  history: readonly RecordedEvent[],
): (events: RecordedEvent[]) => RecordedEvent[] {
  if (!moment) return (events) => events;
  if (moment.kind === 'asOf') return (events) => prefixAt(events, moment);
  const until = history[history.length - 1]?.position ?? 0;
  return (events) => events.filter((event) => event.position <= until);
}

function notFound(detail: string): NotFoundException {
  return new NotFoundException({ title: 'Findes ikke', detail });
}
