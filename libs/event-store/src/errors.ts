import { ExpectedRevision } from './event-store.port';

/** The stream's current revision is not the one the append expected. */
export class ExpectedRevisionConflict extends Error {
  override readonly name = 'ExpectedRevisionConflict';

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision; 'no_stream' when it does not exist. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/**
 * Some, but not all, of a batch's event ids are already in the stream (or in
 * another order): the batch is neither new nor an exact retry.
 */
export class PartialRetryConflict extends Error {
  override readonly name = 'PartialRetryConflict';

  constructor(
    readonly streamName: string,
    readonly knownIds: string[],
  ) {
    super(`Stream ${streamName}: batch partly repeats events already appended (${knownIds.join(', ')})`);
  }
}

/** The append itself is malformed (empty type, duplicate ids in one batch, …). */
export class InvalidAppend extends Error {
  override readonly name = 'InvalidAppend';
}
