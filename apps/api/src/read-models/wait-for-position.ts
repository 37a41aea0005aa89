import { ServiceUnavailableException } from '@nestjs/common';
import { ProjectionRunner } from '@sagsgang/projections';

/** How long a query may wait for the read models to reach a position it names. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Read your own writes: a command answers with the global position of its
 * events; a query that names it waits until every read model has applied it.
 */
export async function waitForPosition(runner: ProjectionRunner, position: number | undefined): Promise<void> {
  if (position === undefined) return;
  try {
    await runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS);
  } catch {
    throw new ServiceUnavailableException({
      title: 'Læsemodellen er bagud',
      detail: `The read models have not reached position ${position} within ${READ_YOUR_WRITES_TIMEOUT_MS} ms; retry shortly`,
    });
  }
}
