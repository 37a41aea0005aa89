import type { RecordedEvent } from '@sagsgang/event-store';
import { ProjectionFailed } from './errors';
import { AnyProjection } from './projection';
import { EncodedDocument, ReadModelTable } from './read-model-table';

/** One projection's share of a batch, ready to write: its changed documents and its new checkpoint. */
export interface ProjectionWrite {
  projection: string;
  position: number;
  upserts: EncodedDocument[];
  deletes: string[];
}

/**
 * Folds the batch's events after `checkpoint` into the documents they touch.
 * Each touched document is loaded (and parsed) once per batch, then evolved
 * in memory; only documents evolve replaced are encoded. Nothing is written
 * here, so a throw leaves no trace: the caller decides what to commit.
 */
export function evolveBatch(
  projection: AnyProjection,
  matches: ((event: RecordedEvent) => boolean) | undefined,
  table: ReadModelTable,
  checkpoint: number,
  events: readonly RecordedEvent[],
): ProjectionWrite {
  const documents = new Map<string, unknown>();
  const changed = new Set<string>();
  for (const event of events) {
    if (event.position <= checkpoint || (matches && !matches(event))) continue;
    try {
      for (const id of projection.documentIds(event)) {
        let current = documents.get(id);
        if (current === undefined) {
          current = table.load(id);
          documents.set(id, current);
        }
        const next: unknown = projection.evolve(current, event);
        if (next === current) continue;
        if (next === undefined) throw new TypeError(`evolve returned undefined for document ${id}; return null to delete`);
        documents.set(id, next);
        changed.add(id);
      }
    } catch (error) {
      throw new ProjectionFailed(projection.name, event.position, error, `at position ${event.position} (${event.type})`);
    }
  }
  return { projection: projection.name, position: events[events.length - 1].position, ...encode(projection, table, documents, changed) };
}

function encode(projection: AnyProjection, table: ReadModelTable, documents: Map<string, unknown>, changed: Set<string>) {
  const upserts: EncodedDocument[] = [];
  const deletes: string[] = [];
  for (const id of changed) {
    const document = documents.get(id);
    if (document === null) {
      deletes.push(id);
      continue;
    }
    try {
      upserts.push(table.encode(id, document));
    } catch (error) {
      throw new ProjectionFailed(projection.name, undefined, error, `encoding document ${id}`);
    }
  }
  return { upserts, deletes };
}
