import { defineProjection } from '@sagsgang/projections';
import { aktueltUdvalg, evolve, ExistingSag, initialState, SAG_EVENT_TYPES, SAG_STREAM_PREFIX, sagEvent } from '@sagsgang/sag';

/** The sag as the API shows it: the domain state plus where it stands in the log. */
export type SagView = ExistingSag & { revision: number; position: number };

/**
 * The list and detail read model of sager. The document is the domain's own
 * state, each event read through the sag's stream adapter and folded by the
 * domain's own evolve, so the read side cannot disagree with what the decider
 * sees.
 */
export const sagerProjection = defineProjection<SagView>({
  name: 'sager',
  version: 2,
  filter: { streamPrefixes: [SAG_STREAM_PREFIX], eventTypes: [...SAG_EVENT_TYPES] },
  documentIds: (event) => [event.streamName.slice(SAG_STREAM_PREFIX.length)],
  documentsPerStream: true,
  evolve: (document, event) => {
    const state = evolve(document ?? initialState, sagEvent(event));
    if (state.status === 'ny') return null;
    return { ...state, revision: event.revision, position: event.position };
  },
  columns: {
    status: (sag) => sag.status,
    udvalg: (sag) => aktueltUdvalg(sag),
    kle: (sag) => sag.journalnummer.slice(0, 8),
    journalnummer: (sag) => sag.journalnummer,
    titel: (sag) => sag.titel,
    sagsnummer: (sag) => sag.sagsnummer,
    oprettet: (sag) => sag.oprettet,
  },
  // GET /sager lists newest first, filtered on a column or not.
  orderedBy: 'oprettet',
});
