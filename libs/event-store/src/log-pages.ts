import { EventStore, LoggedEvent, LogPagesOptions } from './event-store.port';
import { streamShareOf, validateStreamShare } from './stream-share';

/**
 * readLogPages for a store with nothing faster than its readAll: one page
 * per read, the share picked out here. Each read starts at the last position
 * the store returned (inclusive, as readAll reads) and drops that event, so
 * no position is ever made up: on EventStoreDB positions are byte offsets,
 * and one where no event starts is refused.
 */
export async function* readAllPages(
  store: EventStore,
  { afterPosition, toPosition, pageSize, streams }: LogPagesOptions,
): AsyncGenerator<LoggedEvent[]> {
  if (streams) validateStreamShare(streams);
  const inShare = (event: LoggedEvent) => !streams || streamShareOf(event.streamName, streams.of) === streams.share;
  let after = afterPosition;
  while (after < toPosition) {
    // From a position the read includes it again, and drops it below.
    const read = (await store.readAll(after > 0 ? { fromPosition: after, maxCount: pageSize + 1 } : { maxCount: pageSize })).filter(
      (event) => event.position > after && event.position <= toPosition,
    );
    if (read.length === 0) return;
    const page = read.filter(inShare);
    if (page.length > 0) yield page;
    after = read[read.length - 1].position;
  }
}
