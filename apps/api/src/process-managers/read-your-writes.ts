import { BadRequestException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { SagOpfoelgningManager } from './sag-opfoelgning.manager';

/** How long a query may wait for the read models to reach a position it names. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Read your writes, including what the engine does in response to them: a
 * command answers with the global position of its events, and a query that
 * names it (`minPosition`) first waits until the process manager has handled
 * the log up to there and then until every read model has applied the log up
 * to what the manager appended. So after recording a beslutning at position
 * P, GET /sager/:id?minPosition=P shows the sag routed. Without a running
 * process manager (SAGSGANG_PROCESS_MANAGERS=off) only the read models are
 * awaited. A position beyond the head of the log was never answered by a
 * command: it is refused at once instead of waited for.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly manager: SagOpfoelgningManager,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async waitFor(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    await this.refuseBeyondHead(position);
    const deadline = Date.now() + READ_YOUR_WRITES_TIMEOUT_MS;
    let readModelsAt = position;
    if (this.manager.running) {
      try {
        readModelsAt = Math.max(position, await this.manager.waitFor(position, READ_YOUR_WRITES_TIMEOUT_MS));
      } catch {
        throw new ServiceUnavailableException({
          title: 'Opfølgningen er bagud',
          detail: `Sagerne har ikke fulgt møderne op til position ${position} inden for ${READ_YOUR_WRITES_TIMEOUT_MS} ms; prøv igen om lidt`,
        });
      }
    }
    try {
      await this.runner.waitForPosition(readModelsAt, Math.max(0, deadline - Date.now()));
    } catch {
      throw new ServiceUnavailableException({
        title: 'Læsemodellen er bagud',
        detail: `Læsemodellerne har ikke nået position ${position} inden for ${READ_YOUR_WRITES_TIMEOUT_MS} ms; prøv igen om lidt`,
      });
    }
  }

  /** Asks the store only when the read models are not there yet, so a read of one's own write that is in place costs nothing more. */
  private async refuseBeyondHead(position: number): Promise<void> {
    const reached = Math.min(...this.runner.status().map((projection) => projection.checkpoint));
    if (position <= reached) return;
    const head = await this.store.headPosition();
    if (position <= head) return;
    const reason = `er ud over den nyeste hændelse i loggen (position ${head}); brug den position en kommando svarede med`;
    throw new BadRequestException({
      title: 'Ugyldig forespørgsel',
      detail: `minPosition: ${reason}`,
      errors: [{ field: 'minPosition', reason }],
    });
  }
}
