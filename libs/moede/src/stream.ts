import { streamAdapter, Upcaster } from '@sagsgang/kernel';
import { MoedeEvent } from './events';
import { evolve } from './evolve';
import { initialState, MoedeState } from './state';

/**
 * The one way from a meeting stream's stored events to the domain: each
 * event upcast to the current shape of its type, then folded by the domain's
 * own evolve. Commands, read models, replay, historik, point-in-time reads
 * and the process manager all go through here. How to add a version:
 * docs/event-versioning.md.
 */
export const MOEDE_UPCASTERS: readonly Upcaster[] = [
  {
    // Version 1 named the beslutning's udfald `outcome`.
    type: 'BeslutningRegistreret',
    version: 1,
    reads: (data) => 'outcome' in data,
    upcast: ({ outcome, ...data }) => ({ ...data, udfald: outcome }),
  },
  {
    // Version 1 of the sag snapshot named the udfald it allows `outcomes`.
    type: 'PunktTilfoejet',
    version: 1,
    reads: (data) => typeof data.sag === 'object' && data.sag !== null && 'outcomes' in data.sag,
    upcast: ({ sag, ...data }) => {
      const { outcomes, ...snapshot } = sag as { outcomes: unknown };
      return { ...data, sag: { ...snapshot, udfald: outcomes } };
    },
  },
];

const adapter = streamAdapter<MoedeEvent, MoedeState>(MOEDE_UPCASTERS, evolve, initialState);

/** A stored event of a meeting stream as the domain reads it. */
export const moedeEvent = adapter.event;

/** The meeting as its stream leaves it. */
export const foldMoede = adapter.fold;
