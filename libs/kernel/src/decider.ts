/** An event as the domain sees it: `type` is the stored event type, never a class name. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** Pure decision logic for one aggregate: no I/O, no clock, no random ids. */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

export function fold<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>, events: Event[]): State {
  return events.reduce(decider.evolve, decider.initialState);
}

/** Runs commands through decide and evolve in turn, from earlier events; returns every event. For test fixtures. */
export function play<Command, Event, State>(decider: Decider<Command, Event, State>, commands: Command[], from: Event[] = []): Event[] {
  let state = fold(decider, from);
  const events = [...from];
  for (const command of commands) {
    const produced = decider.decide(command, state);
    state = produced.reduce(decider.evolve, state);
    events.push(...produced);
  }
  return events;
}
