import { AppendResult } from '../event-store.port';
import { ExpectedRevisionConflict, InvalidAppend, PartialRetryConflict } from '../errors';
import { AppendRequest } from './append-writer';
import { Outcome } from './group-commit';

/** What the store sends its writer thread. */
export type ToWriter = { kind: 'commit'; id: number; requests: AppendRequest[] } | { kind: 'close' };

/**
 * What the writer thread says: that its connection is open, once; then for
 * each group one outcome per request, or the failure of the whole transaction.
 */
export type FromWriter = { ready: true } | { id: number; outcomes: WireOutcome[] } | { id: number; failed: WireError };

export type WireOutcome = { ok: AppendResult } | { error: WireError };

/** An error as it crosses threads: structured clone keeps neither the class nor its fields. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  streamName?: string;
  expected?: ExpectedRevisionConflict['expected'];
  actual?: ExpectedRevisionConflict['actual'];
  knownIds?: string[];
}

export function toWireError(error: unknown): WireError {
  if (error instanceof ExpectedRevisionConflict) {
    return { name: error.name, message: error.message, streamName: error.streamName, expected: error.expected, actual: error.actual };
  }
  if (error instanceof PartialRetryConflict) return { name: error.name, message: error.message, streamName: error.streamName, knownIds: error.knownIds };
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** The error again, of the class the inline store would have thrown. */
export function fromWireError(wire: WireError): Error {
  switch (wire.name) {
    case 'ExpectedRevisionConflict':
      return new ExpectedRevisionConflict(wire.streamName!, wire.expected!, wire.actual!);
    case 'PartialRetryConflict':
      return new PartialRetryConflict(wire.streamName!, wire.knownIds!);
    case 'InvalidAppend':
      return new InvalidAppend(wire.message);
    default:
      return Object.assign(new Error(wire.message), { name: wire.name, ...(wire.code ? { code: wire.code } : {}) });
  }
}

export function toWireOutcome(outcome: Outcome<AppendResult>): WireOutcome {
  return 'ok' in outcome ? outcome : { error: toWireError(outcome.error) };
}

export function fromWireOutcome(outcome: WireOutcome): Outcome<AppendResult> {
  return 'ok' in outcome ? outcome : { error: fromWireError(outcome.error) };
}
