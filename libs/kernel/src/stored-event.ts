import { DomainEvent } from './decider';

/** An event as the store keeps it, reduced to what a domain reads: its stored type and its data. */
export interface StoredEvent {
  readonly type: string;
  readonly data: StoredData;
}

export type StoredData = { readonly [field: string]: unknown };

/**
 * One step in an event type's history. A stored event is never rewritten:
 * when the data of an event type changes shape, the older shape stays
 * readable through an upcaster, which recognises the data of `version` and
 * returns it in the shape of version + 1. Versions count from 1, the shape
 * an event type was first stored in.
 */
export interface Upcaster {
  type: string;
  /** The version this step reads; it returns the next one. */
  version: number;
  /** True when the data has this version's shape. */
  reads(data: StoredData): boolean;
  upcast(data: StoredData): StoredData;
}

/**
 * The upcasters of an aggregate as one function from a stored event to its
 * current shape. One lookup by type; an event no step reads is returned as
 * the very same object, so reading current events costs next to nothing.
 */
export function upcasting(upcasters: readonly Upcaster[]): <E extends StoredEvent>(event: E) => E {
  const steps = new Map<string, Upcaster[]>();
  for (const upcaster of [...upcasters].sort((a, b) => a.version - b.version)) {
    steps.set(upcaster.type, [...(steps.get(upcaster.type) ?? []), upcaster]);
  }
  return <E extends StoredEvent>(event: E): E => {
    const history = steps.get(event.type);
    if (history === undefined) return event;
    let data = event.data;
    for (const step of history) if (step.reads(data)) data = step.upcast(data);
    return data === event.data ? event : { ...event, data };
  };
}

/**
 * An aggregate's one way from its stored events to the domain: `event`
 * upcasts a stored event to the current shape of its type (keeping whatever
 * else the store put on it), `fold` evolves a stream into the state.
 */
export function streamAdapter<Event extends DomainEvent, State>(
  upcasters: readonly Upcaster[],
  evolve: (state: State, event: Event) => State,
  initialState: State,
) {
  const upcast = upcasting(upcasters);
  const event = <E extends StoredEvent>(stored: E): E & Event => upcast(stored) as E & Event;
  const fold = (stream: readonly StoredEvent[]): State => {
    let state = initialState;
    for (const stored of stream) state = evolve(state, event(stored));
    return state;
  };
  return { event, fold };
}
