import { AppendResult, EventData, EventStore, ExpectedRevision, ExpectedRevisionConflict, StreamAppend } from '@sagsgang/event-store';
import { Metrics, streamCategory } from './metrics';

/** Told how each write went: the data folder counts as full after a write that failed for lack of space. */
export interface WriteWatcher {
  wrote(): void;
  writeFailed(what: string, error: unknown): void;
}

/**
 * Counts appends and expected-revision conflicts at the one place every
 * writer passes — the command runner, the sagsnummer allocator and the
 * process manager's follow-ups alike — without touching any of them, and
 * tells `writes` how each went. Everything else is passed through unchanged.
 */
export function instrumentEventStore(store: EventStore, metrics: Metrics, writes?: WriteWatcher): EventStore {
  const counted = async <R>(appends: StreamAppend[], append: () => Promise<R>): Promise<R> => {
    try {
      const result = await append();
      for (const { streamName, events } of appends) metrics.eventsAppended.inc({ category: streamCategory(streamName) }, events.length);
      writes?.wrote();
      return result;
    } catch (error) {
      if (error instanceof ExpectedRevisionConflict) metrics.revisionConflicts.inc({ category: streamCategory(error.streamName) });
      writes?.writeFailed('the event store', error);
      throw error;
    }
  };
  return {
    capabilities: store.capabilities,
    append(streamName: string, events: EventData[], expectedRevision?: ExpectedRevision): Promise<AppendResult> {
      return counted([{ streamName, events }], () => store.append(streamName, events, expectedRevision));
    },
    appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
      return counted(appends, () => store.appendToStreams(appends));
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    readLogPages: (options) => store.readLogPages(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    identity: () => store.identity(),
    close: () => store.close(),
  };
}
