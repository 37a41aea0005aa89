import { EventStore, LoggedEvent, LogPagesOptions } from './event-store.port';

/** readLogPages for a store with nothing faster than its readAll: one page per read. */
export async function* readAllPages(store: EventStore, { fromPosition, toPosition, pageSize }: LogPagesOptions): AsyncGenerator<LoggedEvent[]> {
  for (let from = fromPosition; from <= toPosition; ) {
    const page = (await store.readAll({ fromPosition: from, maxCount: pageSize })).filter((event) => event.position <= toPosition);
    if (page.length === 0) return;
    yield page;
    from = page[page.length - 1].position + 1;
  }
}
