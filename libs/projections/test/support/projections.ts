/**
 * Projections for the tests. Imported by relative path only, so that the
 * crash child can load them with ts-node without path aliases.
 */
import type { LoggedEvent } from '../../../event-store/src/event-store.port';
import { defineProjection } from '../../src/projection';

/** How often each stream (and the whole log) was applied; a repeated position counts as a duplicate. */
export interface Count {
  events: number;
  lastPosition: number;
  duplicates: number;
}

export const TOTAL = 'total';

export function countingProjection(options: { version?: number; onEvolve?: (event: LoggedEvent) => void } = {}) {
  return defineProjection<Count>({
    name: 'counts',
    version: options.version ?? 1,
    documentIds: (event) => [event.streamName, TOTAL],
    evolve(document, event) {
      options.onEvolve?.(event);
      const count = document ?? { events: 0, lastPosition: 0, duplicates: 0 };
      if (event.position <= count.lastPosition) return { ...count, duplicates: count.duplicates + 1 };
      return { ...count, events: count.events + 1, lastPosition: event.position };
    },
    columns: { events: (count) => count.events },
  });
}

export interface Sag {
  id: string;
  sagsnummer: string;
  titel: string;
  udvalg: string;
  status: string;
}

/** A small 'sager' read model: only sag- streams, with the columns a sag list is queried by. */
export function sagerProjection(options: { version?: number; failOn?: (event: LoggedEvent) => boolean } = {}) {
  return defineProjection<Sag>({
    name: 'sager',
    version: options.version ?? 1,
    filter: { streamPrefixes: ['sag-'] },
    documentIds: (event) => [event.streamName.slice('sag-'.length)],
    documentsPerStream: true,
    evolve(sag, event) {
      if (options.failOn?.(event)) throw new Error(`cannot apply ${event.type}`);
      const data = event.data as Record<string, string>;
      switch (event.type) {
        case 'SagOprettet': {
          const { sagsnummer, titel, udvalg } = data;
          return { id: event.streamName.slice('sag-'.length), sagsnummer, titel, udvalg, status: 'oprettet' };
        }
        case 'StatusSkiftet':
          return sag && { ...sag, status: data.status };
        case 'SagSlettet':
          return null;
        default:
          return sag;
      }
    },
    columns: {
      sagsnummer: (sag) => sag.sagsnummer,
      titel: (sag) => sag.titel,
      udvalg: (sag) => sag.udvalg,
      status: (sag) => sag.status,
    },
  });
}
