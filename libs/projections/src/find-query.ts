import { InvalidReadModelQuery } from './errors';
import { ColumnValue } from './projection';

export interface FindQuery {
  /** Equality per column; null matches a missing value. */
  where?: Record<string, ColumnValue>;
  /** Case-insensitive substring per column (Unicode-aware, so æøå fold too). */
  contains?: Record<string, string>;
  /** A declared column or 'id'; ties are broken by id so that paging is stable. */
  orderBy?: string;
  descending?: boolean;
  /** Only rows whose orderBy column is at least this (inclusive). */
  from?: string | number;
  /** Only rows whose orderBy column is below this (exclusive). */
  before?: string | number;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface FindResult<D> {
  items: D[];
  /** Matches before limit and offset. */
  total: number;
}

/** The name of the SQL function that folds case for `contains`, registered by the store. */
export const FOLD_FUNCTION = 'sg_fold';
const DEFAULT_LIMIT = 100;

export interface FindSql {
  count: string;
  /** The column's values among the matches, each once, in order. */
  distinct: (column: string) => string;
  page: string;
  params: ColumnValue[];
  limit: number;
  offset: number;
}

/**
 * Builds the two statements of a find. Column names are checked against the
 * projection's declared columns before they reach the SQL; values are bound.
 */
export function findSql(table: string, queryable: ReadonlySet<string>, query: FindQuery): FindSql {
  const column = (name: string): string => {
    if (queryable.has(name)) return name;
    throw new InvalidReadModelQuery(`${table} has no column "${name}"; known: ${[...queryable].join(', ')}`);
  };
  const clauses: string[] = [];
  const params: ColumnValue[] = [];
  for (const [name, value] of Object.entries(query.where ?? {})) {
    if (value === null) clauses.push(`${column(name)} IS NULL`);
    else if (typeof value === 'string' || typeof value === 'number') {
      clauses.push(`${column(name)} = ?`);
      params.push(value);
    } else throw new InvalidReadModelQuery(`where.${name} must be a string, a number or null`);
  }
  for (const [name, text] of Object.entries(query.contains ?? {})) {
    if (typeof text !== 'string') throw new InvalidReadModelQuery(`contains.${name} must be a string`);
    clauses.push(`instr(${FOLD_FUNCTION}(${column(name)}), ?) > 0`);
    params.push(foldCase(text));
  }
  for (const [bound, operator] of [
    ['from', '>='],
    ['before', '<'],
  ] as const) {
    const value = query[bound];
    if (value === undefined) continue;
    if (!query.orderBy || query.orderBy === 'id') throw new InvalidReadModelQuery(`${bound} needs orderBy on a declared column`);
    clauses.push(`${column(query.orderBy)} ${operator} ?`);
    params.push(value);
  }
  const where = clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = query.orderBy && query.orderBy !== 'id' ? `${column(query.orderBy)} ${direction}, ` : '';
  return {
    count: `SELECT COUNT(*) FROM ${table}${where}`,
    distinct: (name) => `SELECT DISTINCT ${column(name)} FROM ${table}${where} ORDER BY 1`,
    page: `SELECT id, document FROM ${table}${where} ORDER BY ${order}id ${direction} LIMIT ? OFFSET ?`,
    params,
    limit: count('limit', query.limit ?? DEFAULT_LIMIT),
    offset: count('offset', query.offset ?? 0),
  };
}

/** Unicode case folding for `contains`: NFC first, so a decomposed å matches a composed one. */
export function foldCase(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value).normalize('NFC').toLowerCase();
}

function count(name: string, value: number): number {
  if (Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidReadModelQuery(`${name} must be a non-negative integer`);
}
