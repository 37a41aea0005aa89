import { EventStore, headAnchor } from '@sagsgang/event-store';
import { foldLog } from './fold-log';
import type { FoldThreads } from './fold-threads';
import type { ReplayWriter } from './replay-writer';

/**
 * Rebuilds every read model of `writer` from the log up to its head at the
 * time of the call (`sagsgang replay`). Unlike ProjectionRunner.rebuild,
 * which commits batch after batch as the API does, every document is folded
 * in memory (foldLog), then encoded and written once, in id order, with the
 * checkpoints in one transaction (ReadModelStore.beginReplacement), so
 * nothing is written if a projection fails and the read models stay as they
 * were. Folding follows the same contract (applyEvent), so the result, and
 * its digest, are the same. With fold threads, each folds a share of the
 * streams; without, this thread folds the whole log. The writer thread drops
 * the old tables while the log is folded, and inserts rows while the next
 * ones are encoded. `events` counts the events read. The checkpoints are
 * anchored at the newest event (see LogAnchor).
 */
export async function replayReadModels(
  eventStore: EventStore,
  writer: ReplayWriter,
  threads?: FoldThreads,
): Promise<{ position: number; events: number }> {
  const anchor = await headAnchor(eventStore);
  const position = anchor.position;
  writer.begin();
  try {
    const insert = writer.insert.bind(writer);
    const events = threads
      ? await threads.fold(position, insert)
      : await foldLog(eventStore, writer.projections, { toPosition: position }, insert);
    await writer.commit(anchor);
    return { position, events };
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}
