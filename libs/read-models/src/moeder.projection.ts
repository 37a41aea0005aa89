import { evolve, ExistingMoede, initialState, MOEDE_EVENT_TYPES, MOEDE_STREAM_PREFIX, moedeDato, moedeEvent } from '@sagsgang/moede';
import { defineProjection } from '@sagsgang/projections';

/** The meeting as the API shows it: the domain state plus where it stands in the log. */
export type MoedeView = ExistingMoede & { revision: number; position: number };

/**
 * The list and detail read model of møder. The document is the domain's own
 * state, each event read through the meeting's stream adapter and folded by
 * the domain's own evolve, as for sager. `dato` is the date
 * written in the meeting's start (what "period" filters on); `start_utc`
 * sorts meetings given with different offsets correctly. `offentlig` is 1
 * once the dagsorden is sent (what the public may list), `offentliggjort`
 * when the referat was published.
 */
export const moederProjection = defineProjection<MoedeView>({
  name: 'moeder',
  version: 3,
  filter: { streamPrefixes: [MOEDE_STREAM_PREFIX], eventTypes: [...MOEDE_EVENT_TYPES] },
  documentIds: (event) => [event.streamName.slice(MOEDE_STREAM_PREFIX.length)],
  documentsPerStream: true,
  evolve: (document, event) => {
    const state = evolve(document ?? initialState, moedeEvent(event));
    if (state.status === 'ny') return null;
    return { ...state, revision: event.revision, position: event.position };
  },
  columns: {
    udvalg: (moede) => moede.udvalg,
    status: (moede) => moede.status,
    dato: (moede) => moedeDato(moede),
    start_utc: (moede) => new Date(moede.start).toISOString(),
    offentlig: (moede) => (erOffentlig(moede) ? 1 : 0),
    offentliggjort: (moede) => (moede.status === 'offentliggjort' ? moede.offentliggjort : null),
  },
  // GET /moeder lists in the order of the meetings' start.
  orderedBy: 'start_utc',
});

/** The public may see a meeting once its dagsorden is sent, and after that whatever happens to it. */
export function erOffentlig(moede: ExistingMoede): boolean {
  return 'udsendt' in moede && moede.udsendt !== null;
}
