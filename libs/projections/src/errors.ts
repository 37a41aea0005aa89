/** A projection's evolve (or column extraction) threw: the projection stops, its checkpoint stays before the batch. */
export class ProjectionFailed extends Error {
  override readonly name = 'ProjectionFailed';

  constructor(
    readonly projection: string,
    /** The event being applied, when the failure is tied to one. */
    readonly position: number | undefined,
    override readonly cause: unknown,
    detail: string,
  ) {
    super(`Projection ${projection} failed ${detail}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** waitForPosition gave up before every projection reached the position. */
export class PositionNotReached extends Error {
  override readonly name = 'PositionNotReached';

  constructor(
    readonly position: number,
    readonly timeoutMs: number,
    readonly lowestCheckpoint: number,
  ) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms (at ${lowestCheckpoint})`);
  }
}

/** A query named a projection or column that is not declared in code. */
export class InvalidReadModelQuery extends Error {
  override readonly name = 'InvalidReadModelQuery';
}
