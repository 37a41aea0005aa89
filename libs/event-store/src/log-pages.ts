import { EventStore, LoggedEvent, LogPagesOptions } from './event-store.port';
import { streamShareOf, validateStreamShare } from './stream-share';

/** readLogPages for a store with nothing faster than its readAll: one page per read, the share picked out here. */
export async function* readAllPages(
  store: EventStore,
  { fromPosition, toPosition, pageSize, streams }: LogPagesOptions,
): AsyncGenerator<LoggedEvent[]> {
  if (streams) validateStreamShare(streams);
  const inShare = (event: LoggedEvent) => !streams || streamShareOf(event.streamName, streams.of) === streams.share;
  for (let from = fromPosition; from <= toPosition;) {
    const read = (await store.readAll({ fromPosition: from, maxCount: pageSize })).filter((event) => event.position <= toPosition);
    if (read.length === 0) return;
    const page = read.filter(inShare);
    if (page.length > 0) yield page;
    from = read[read.length - 1].position + 1;
  }
}
