import { RecordedEvent } from '@sagsgang/event-store';
import { fold } from '@sagsgang/kernel';
import { ExistingMoede, MoedeEvent, moedeDecider, MoedeState } from '@sagsgang/moede';
import { ExistingSag, sagDecider, SagEvent, SagState } from '@sagsgang/sag';

/** A sag or møde as the API shows it: the domain state and where it stands in the log. */
export type SagAt = ExistingSag & { revision: number; position: number };
export type MoedeAt = ExistingMoede & { revision: number; position: number };

/** The stored type and data are the domain event; metadata stays with the store. */
export function asSagEvent(event: RecordedEvent): SagEvent {
  return { type: event.type, data: event.data } as unknown as SagEvent;
}

export function asMoedeEvent(event: RecordedEvent): MoedeEvent {
  return { type: event.type, data: event.data } as unknown as MoedeEvent;
}

/** Folded by the domain's own evolve, exactly as the decider and the read models fold. */
export function foldSagStream(events: readonly RecordedEvent[]): SagState {
  return fold(sagDecider, events.map(asSagEvent));
}

export function foldMoedeStream(events: readonly RecordedEvent[]): MoedeState {
  return fold(moedeDecider, events.map(asMoedeEvent));
}

/** The state with the revision and position of the last event folded, as the read models keep it. */
export function withPlace<S extends object>(state: S, events: readonly RecordedEvent[]): S & { revision: number; position: number } {
  const last = events[events.length - 1];
  return { ...state, revision: last.revision, position: last.position };
}
