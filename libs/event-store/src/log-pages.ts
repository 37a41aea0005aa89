import { EventStore, LoggedEvent, LogPagesOptions } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * The global log between two positions, page by page, without metadata, as
 * fast as the store can give it: the SQLite store reads ahead on a thread of
 * its own; any other store through readAll. For rebuilding read models.
 */
export function readLogPages(store: EventStore, options: LogPagesOptions): AsyncIterable<LoggedEvent[]> {
  return store instanceof SqliteEventStore ? store.readLogPages(options) : readAllPages(store, options);
}

async function* readAllPages(store: EventStore, { fromPosition, toPosition, pageSize }: LogPagesOptions): AsyncGenerator<LoggedEvent[]> {
  for (let from = fromPosition; from <= toPosition; ) {
    const page = (await store.readAll({ fromPosition: from, maxCount: pageSize })).filter((event) => event.position <= toPosition);
    if (page.length === 0) return;
    yield page;
    from = page[page.length - 1].position + 1;
  }
}
