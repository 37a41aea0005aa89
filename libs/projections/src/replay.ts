import type { EventStore, RecordedEvent } from '@sagsgang/event-store';
import { AnyProjection, applyEvent, eventMatcher } from './projection';
import { ReadModelStore } from './read-model-store';

/**
 * Rebuilds every read model of `readModels` from the log up to its head at
 * the time of the call (`sagsgang replay`, which holds the file exclusively).
 * Unlike ProjectionRunner.rebuild, which commits batch after batch as the API
 * does, every document is folded in memory and written once at the end
 * (ReadModelStore.replace), so nothing is written if a projection fails and
 * the read models stay as they were. Folding follows the same contract
 * (applyEvent), so the result, and its digest, are the same. `events` counts
 * the events read.
 */
export async function replayReadModels(eventStore: EventStore, readModels: ReadModelStore): Promise<{ position: number; events: number }> {
  const position = await eventStore.headPosition();
  const folds = readModels.projections.map((projection) => new DocumentFold(projection));
  let events = 0;
  if (position > 0) {
    for await (const event of eventStore.subscribeToAll({ checkpoint: 'start' })) {
      for (const fold of folds) fold.apply(event);
      events++;
      if (event.position >= position) break;
    }
  }
  readModels.replace(position, new Map(folds.map((fold) => [fold.projection.name, fold.documents])));
  return { position, events };
}

/** One projection's documents, folded in memory. */
class DocumentFold {
  /** id → document; a deleted document is removed. */
  readonly documents = new Map<string, unknown>();
  private readonly matches: ((event: RecordedEvent) => boolean) | undefined;

  constructor(readonly projection: AnyProjection) {
    this.matches = eventMatcher(projection.filter);
  }

  apply(event: RecordedEvent): void {
    if (!this.matches || this.matches(event)) applyEvent(this.projection, event, this.current, this.change);
  }

  private readonly current = (id: string): unknown => this.documents.get(id) ?? null;

  private readonly change = (id: string, next: unknown): void => {
    if (next === null) this.documents.delete(id);
    else this.documents.set(id, next);
  };
}
