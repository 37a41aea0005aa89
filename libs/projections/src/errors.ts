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

/** The read model file is open in another process (the API, or another replay) while exclusive use was asked for. */
export class ReadModelsInUse extends Error {
  override readonly name = 'ReadModelsInUse';

  constructor(readonly file: string) {
    super(`${file} is open in another process (is the API running on this data folder?); stop it and try again`);
  }
}
