import { streamAdapter, Upcaster } from '@sagsgang/kernel';
import { SagEvent } from './events';
import { evolve } from './evolve';
import { initialState, SagState } from './state';

/**
 * The one way from a sag stream's stored events to the domain: each event
 * upcast to the current shape of its type, then folded by the domain's own
 * evolve. Commands, read models, replay, historik and point-in-time reads
 * all go through here. How to add a version: docs/event-versioning.md.
 */

/** Version 1 of a treatment event named its udfald `outcome`. */
const outcomeBecameUdfald = (type: string): Upcaster => ({
  type,
  version: 1,
  reads: (data) => 'outcome' in data,
  upcast: ({ outcome, ...data }) => ({ ...data, udfald: outcome }),
});

export const SAG_UPCASTERS: readonly Upcaster[] = ['SagOversendt', 'SagUdsat', 'SagTilbagesendt', 'SagAfgjort'].map(outcomeBecameUdfald);

const adapter = streamAdapter<SagEvent, SagState>(SAG_UPCASTERS, evolve, initialState);

/** A stored event of a sag stream as the domain reads it. */
export const sagEvent = adapter.event;

/** The sag as its stream leaves it. */
export const foldSag = adapter.fold;
