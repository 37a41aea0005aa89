import { Decider, fold } from '../decider';

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

export interface Then<Command, Event, State> {
  /** The command yields exactly these events, and they apply to the state. */
  then(expected: Event[]): void;
  /** The command yields events matching `expected` (jest asymmetric matchers allowed). */
  thenMatches(expected: unknown[]): void;
  /** The command is rejected with this error class; `check` may look closer. */
  thenThrows<E extends Error>(errorClass: ErrorClass<E>, check?: (error: E) => void): void;
  /** The state after applying the command's events. */
  thenState(check: (state: State) => void): void;
  readonly command: Command;
}

/**
 * given(events).when(command).then(events): a decider test in the spirit of
 * Emmett's DeciderSpecification. The given events are folded with the real
 * evolve, so a fixture that could not have happened fails loudly.
 */
export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      const state = fold(decider, events);
      return {
        state,
        when(command: Command): Then<Command, Event, State> {
          const run = (): Event[] => decider.decide(command, state);
          return {
            command,
            then(expected) {
              const actual = run();
              expect(actual).toEqual(expected);
              actual.reduce(decider.evolve, state);
            },
            thenMatches(expected) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorClass, check) {
              check?.(caught(run, errorClass));
            },
            thenState(check) {
              check(run().reduce(decider.evolve, state));
            },
          };
        },
      };
    },
  };
}

/** The error `run` throws, if it is an `errorClass`; anything else fails with what did happen. */
function caught<E extends Error>(run: () => unknown, errorClass: ErrorClass<E>): E {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof errorClass) return error;
    const { name, message } = error as Error;
    throw new Error(`expected ${errorClass.name}, but got ${name}: ${message}`, { cause: error });
  }
  throw new Error(`expected ${errorClass.name}, but the command yielded ${JSON.stringify(result)}`);
}
