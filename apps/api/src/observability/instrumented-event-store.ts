import { AppendResult, EventData, EventStore, ExpectedRevision, ExpectedRevisionConflict } from '@sagsgang/event-store';
import { Metrics, streamCategory } from './metrics';

/**
 * Counts appends and expected-revision conflicts at the one place every
 * writer passes — the command runner, the sagsnummer allocator and the
 * process manager's follow-ups alike — without touching any of them.
 * Everything else is passed through unchanged.
 */
export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  return {
    async append(streamName: string, events: EventData[], expectedRevision?: ExpectedRevision): Promise<AppendResult> {
      const category = streamCategory(streamName);
      try {
        const result = await store.append(streamName, events, expectedRevision);
        metrics.eventsAppended.inc({ category }, events.length);
        return result;
      } catch (error) {
        if (error instanceof ExpectedRevisionConflict) metrics.revisionConflicts.inc({ category });
        throw error;
      }
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    readLogPages: (options) => store.readLogPages(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
