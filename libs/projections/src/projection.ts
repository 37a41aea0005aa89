import type { LoggedEvent, SubscriptionFilter } from '@sagsgang/event-store';
import { ProjectionFailed } from './errors';

/** What an extracted column may hold; SQLite stores it as is and indexes it. */
export type ColumnValue = string | number | null;

/**
 * A read model as an evolve function over documents. Each
 * event touches some documents; evolve folds it into each of them.
 */
export interface DocumentProjection<D> {
  /** Names the projection's table and checkpoint: lower-case letters, digits and underscores. */
  readonly name: string;
  /** Bump it whenever evolve or the columns change meaning: the projection is then rebuilt from position 0. */
  readonly version: number;
  /** Only matching events reach documentIds and evolve; the checkpoint still moves past the others. */
  readonly filter?: SubscriptionFilter;
  /**
   * The ids of the documents this event touches, often none. Projections see
   * events without metadata (LoggedEvent): read models are built from what
   * happened, not from who recorded it, and a replay reads the log without it.
   */
  documentIds(event: LoggedEvent): readonly string[];
  /**
   * Pure and deterministic: the same document and event always give the same
   * result, which must be JSON. Return the document unchanged (the same
   * object) to skip a write, a new object to store it, null to delete it.
   */
  evolve(document: D | null, event: LoggedEvent): D | null;
  /** Extracted, indexed columns that `find` can filter, search and sort on. */
  readonly columns?: { readonly [column: string]: (document: D) => ColumnValue };
  /**
   * The column lists are usually sorted by (then by id). Every column's index
   * then carries it and the id after the column itself, so a page filtered on
   * one column is read from that index in order and stops at its limit,
   * instead of sorting every match.
   */
  readonly orderedBy?: string;
  /**
   * True when every document is built from the events of one stream alone
   * (an aggregate's view, as a sag's from its own stream). A replay may then
   * fold the log in parallel, each thread a share of the streams.
   */
  readonly documentsPerStream?: boolean;
}

/** A projection of any document type, for heterogeneous lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = DocumentProjection<any>;

/** Infers D from evolve so that a projection can be declared without spelling its type twice. */
export function defineProjection<D>(projection: DocumentProjection<D>): DocumentProjection<D> {
  return projection;
}

/** Names become SQL identifiers, so only this shape is accepted. */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,47}$/;
const RESERVED_COLUMNS = new Set(['id', 'document']);

export function validateProjections(projections: readonly AnyProjection[]): void {
  const seen = new Set<string>();
  for (const { name, version, columns, orderedBy } of projections) {
    if (!IDENTIFIER.test(name)) throw new Error(`Projection name "${name}" must match ${IDENTIFIER}`);
    if (seen.has(name)) throw new Error(`Projection "${name}" is declared twice`);
    seen.add(name);
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new Error(`Projection "${name}": version must be a non-negative integer`);
    }
    for (const column of Object.keys(columns ?? {})) {
      if (!IDENTIFIER.test(column) || RESERVED_COLUMNS.has(column)) {
        throw new Error(`Projection "${name}": column name "${column}" is reserved or not ${IDENTIFIER}`);
      }
    }
    if (orderedBy !== undefined && !Object.hasOwn(columns ?? {}, orderedBy)) {
      throw new Error(`Projection "${name}": orderedBy "${orderedBy}" is not one of its columns`);
    }
  }
}

/** The runner's own filter, with the port's semantics; undefined when everything matches. */
export function eventMatcher(filter: SubscriptionFilter | undefined): ((event: LoggedEvent) => boolean) | undefined {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes && new Set(filter.eventTypes);
  if (!prefixes && !types) return undefined;
  return (event) => (!prefixes || prefixes.some((prefix) => event.streamName.startsWith(prefix))) && (!types || types.has(event.type));
}

/**
 * Folds one (matching) event into every document it touches, as the contract
 * of DocumentProjection says: each document is read through `current` (null:
 * none), and each one evolve changed is handed to `changed` (null: deleted).
 * Throws ProjectionFailed if documentIds or evolve does.
 */
export function applyEvent(
  projection: AnyProjection,
  event: LoggedEvent,
  current: (id: string) => unknown,
  changed: (id: string, next: unknown) => void,
): void {
  try {
    for (const id of projection.documentIds(event)) {
      const before = current(id);
      const next: unknown = projection.evolve(before, event);
      if (next === before) continue;
      if (next === undefined) throw new TypeError(`evolve returned undefined for ${id}; return null to delete`);
      changed(id, next);
    }
  } catch (error) {
    throw new ProjectionFailed(projection.name, event.position, error, `at position ${event.position} (${event.type})`);
  }
}
