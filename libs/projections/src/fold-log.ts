import type { EventStore, LoggedEvent, StreamShare } from '@sagsgang/event-store';
import { AnyProjection, applyEvent, ColumnValue, eventMatcher } from './projection';
import { encodeDocument } from './read-model-table';
import { RowChunk, RowChunker } from './row-chunks';

/** Events per read of the log. */
const PAGE_SIZE = 5000;

export interface FoldRequest {
  /** The head to replay up to (inclusive). */
  toPosition: number;
  /** Only this share of the streams: every projection must then have documentsPerStream. */
  streams?: StreamShare;
}

/**
 * Folds the log, or one share of its streams, into every projection's
 * documents in memory, following the contract of applyEvent, then encodes
 * them in id order into row chunks for the replay's writer. Returns the
 * number of events read.
 */
export async function foldLog(
  eventStore: EventStore,
  projections: readonly AnyProjection[],
  request: FoldRequest,
  emit: (chunk: RowChunk) => void,
): Promise<number> {
  const sharedBy = request.streams && projections.find((projection) => !projection.documentsPerStream);
  if (sharedBy)
    throw new Error(
      `projection "${sharedBy.name}" does not declare documentsPerStream, so its documents cannot be folded by share of the streams`,
    );
  const folds = projections.map((projection) => new DocumentFold(projection));
  let events = 0;
  for await (const page of eventStore.readLogPages({
    afterPosition: 0,
    toPosition: request.toPosition,
    pageSize: PAGE_SIZE,
    streams: request.streams,
  })) {
    for (const event of page) {
      for (const fold of folds) fold.apply(event);
    }
    events += page.length;
  }
  for (const fold of folds) fold.encode(emit);
  return events;
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

  /** Encodes every document, in id order, into chunks. */
  encode(emit: (chunk: RowChunk) => void): void {
    const chunker = new RowChunker(this.projection.name, emit);
    for (const id of [...this.documents.keys()].sort()) {
      const { json, values } = encodeDocument(this.projection.name, this.extractors, id, this.documents.get(id));
      chunker.add(id, json, values);
    }
    chunker.flush();
  }

  private readonly current = (id: string): unknown => this.documents.get(id) ?? null;

  private readonly change = (id: string, next: unknown): void => {
    if (next === null) this.documents.delete(id);
    else this.documents.set(id, next);
  };
}
