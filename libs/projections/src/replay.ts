import type { EventStore, LoggedEvent } from '@sagsgang/event-store';
import { AnyProjection, applyEvent, ColumnValue, eventMatcher } from './projection';
import { encodeDocument } from './read-model-table';
import type { ReplayWriter } from './replay-writer';

/** Events per read of the log. */
const PAGE_SIZE = 5000;
/** Characters of JSON per message to the writer thread: few messages, each cheap to copy. */
const CHUNK_CHARS = 1 << 22;

/**
 * Rebuilds every read model of `writer` from the log up to its head at the
 * time of the call (`sagsgang replay`). Unlike ProjectionRunner.rebuild,
 * which commits batch after batch as the API does, every document is folded
 * in memory, then encoded and written once, in id order, with the
 * checkpoints in one transaction (ReadModelStore.beginReplacement), so
 * nothing is written if a projection fails and the read models stay as they
 * were. Folding follows the same contract (applyEvent), so the result, and
 * its digest, are the same. The writer thread drops the old tables while the
 * log is read, and inserts rows while the next ones are encoded. `events`
 * counts the events read.
 */
export async function replayReadModels(eventStore: EventStore, writer: ReplayWriter): Promise<{ position: number; events: number }> {
  const position = await eventStore.headPosition();
  const folds = writer.projections.map((projection) => new DocumentFold(projection));
  writer.begin();
  try {
    let events = 0;
    for await (const page of eventStore.readLogPages({ fromPosition: 1, toPosition: position, pageSize: PAGE_SIZE })) {
      for (const event of page) {
        for (const fold of folds) fold.apply(event);
      }
      events += page.length;
    }
    for (const fold of folds) fold.writeTo(writer);
    await writer.commit(position);
    return { position, events };
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}

/** One projection's documents, folded in memory. */
class DocumentFold {
  /** id → document; a deleted document is removed. */
  private readonly documents = new Map<string, unknown>();
  private readonly matches: ((event: LoggedEvent) => boolean) | undefined;
  private readonly extractors: ReadonlyArray<(document: unknown) => ColumnValue>;

  constructor(private readonly projection: AnyProjection) {
    this.matches = eventMatcher(projection.filter);
    this.extractors = Object.values(projection.columns ?? {});
  }

  apply(event: LoggedEvent): void {
    if (!this.matches || this.matches(event)) applyEvent(this.projection, event, this.current, this.change);
  }

  /** Encodes every document in id order and hands the rows to the writer in chunks. */
  writeTo(writer: ReplayWriter): void {
    let rows: ColumnValue[] = [];
    let chars = 0;
    for (const id of [...this.documents.keys()].sort()) {
      const { json, values } = encodeDocument(this.projection.name, this.extractors, id, this.documents.get(id));
      rows.push(id, json, ...values);
      chars += json.length;
      if (chars >= CHUNK_CHARS) {
        writer.insert(this.projection.name, rows);
        [rows, chars] = [[], 0];
      }
    }
    if (rows.length > 0) writer.insert(this.projection.name, rows);
  }

  private readonly current = (id: string): unknown => this.documents.get(id) ?? null;

  private readonly change = (id: string, next: unknown): void => {
    if (next === null) this.documents.delete(id);
    else this.documents.set(id, next);
  };
}
