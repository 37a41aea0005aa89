import type { Hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { InvalidReadModelQuery } from './errors';
import { AnyProjection, ColumnValue } from './projection';

export interface FindQuery {
  /** Equality per column; null matches a missing value. */
  where?: Record<string, ColumnValue>;
  /** Case-insensitive substring per column (Unicode-aware, so æøå fold too). */
  contains?: Record<string, string>;
  /** A declared column or 'id'; ties are broken by id so that paging is stable. */
  orderBy?: string;
  descending?: boolean;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface FindResult<D> {
  items: D[];
  /** Matches before limit and offset. */
  total: number;
}

/** A document encoded for writing: its JSON and its extracted column values, in declared order. */
export interface EncodedDocument {
  id: string;
  json: string;
  values: ColumnValue[];
}

/** The name of the SQL function that folds case for `contains`, registered by the store. */
export const FOLD_FUNCTION = 'sg_fold';
export const TABLE_PREFIX = 'rm_';
const DEFAULT_LIMIT = 100;

/**
 * One projection's table: `id`, the document as JSON, and one indexed column
 * per declared extractor. Identifiers were validated against a strict pattern,
 * and query input only ever picks from the declared columns.
 */
export class ReadModelTable {
  readonly table: string;
  readonly columns: readonly string[];
  private readonly extractors: ReadonlyArray<(document: unknown) => ColumnValue>;
  private readonly queryable: ReadonlySet<string>;
  private sql?: ReturnType<ReadModelTable['prepare']>;
  private readonly queries = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    projection: AnyProjection,
  ) {
    this.table = TABLE_PREFIX + projection.name;
    this.columns = Object.keys(projection.columns ?? {});
    this.extractors = Object.values(projection.columns ?? {});
    this.queryable = new Set(['id', ...this.columns]);
  }

  /** True when the table exists with exactly the declared columns. */
  matchesSchema(): boolean {
    const existing = this.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(this.table);
    return existing.join(',') === ['id', 'document', ...this.columns].join(',');
  }

  create(): void {
    const extra = this.columns.map((column) => `, ${column}`).join('');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (id TEXT PRIMARY KEY, document TEXT NOT NULL${extra})`);
    for (const column of this.columns) {
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${this.table}__${column} ON ${this.table} (${column})`);
    }
    this.open();
  }

  /** Prepares the statements; the table must exist. */
  open(): void {
    this.queries.clear();
    this.sql = this.prepare();
  }

  private prepare() {
    const names = ['id', 'document', ...this.columns];
    const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
    return {
      load: this.db.prepare(`SELECT document FROM ${this.table} WHERE id = ?`).pluck(),
      upsert: this.db.prepare(
        `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})` +
          ` ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      ),
      delete: this.db.prepare(`DELETE FROM ${this.table} WHERE id = ?`),
      digest: this.db.prepare(`SELECT id, document FROM ${this.table} ORDER BY id`).raw(),
    };
  }

  private get statements(): NonNullable<ReadModelTable['sql']> {
    if (!this.sql) throw new Error(`Read model table ${this.table} is not open`);
    return this.sql;
  }

  load(id: string): unknown {
    const json = this.statements.load.get(id) as string | undefined;
    return json === undefined ? null : JSON.parse(json);
  }

  encode(id: string, document: unknown): EncodedDocument {
    return { id, json: JSON.stringify(document), values: this.extractors.map((extract) => extract(document) ?? null) };
  }

  write(upserts: readonly EncodedDocument[], deletes: readonly string[]): void {
    const { upsert, delete: remove } = this.statements;
    for (const { id, json, values } of upserts) upsert.run(id, json, ...values);
    for (const id of deletes) remove.run(id);
  }

  find(query: FindQuery): FindResult<unknown> {
    const clauses: string[] = [];
    const params: ColumnValue[] = [];
    for (const [column, value] of Object.entries(query.where ?? {})) {
      this.check(column);
      if (value === null) clauses.push(`${column} IS NULL`);
      else if (typeof value === 'string' || typeof value === 'number') {
        clauses.push(`${column} = ?`);
        params.push(value);
      } else throw new InvalidReadModelQuery(`where.${column} must be a string, a number or null`);
    }
    for (const [column, text] of Object.entries(query.contains ?? {})) {
      this.check(column);
      if (typeof text !== 'string') throw new InvalidReadModelQuery(`contains.${column} must be a string`);
      clauses.push(`instr(${FOLD_FUNCTION}(${column}), ?) > 0`);
      params.push(foldCase(text));
    }
    const where = clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
    const direction = query.descending ? 'DESC' : 'ASC';
    const order = query.orderBy && query.orderBy !== 'id' ? `${this.check(query.orderBy)} ${direction}, ` : '';
    const limit = count('limit', query.limit ?? DEFAULT_LIMIT);
    const offset = count('offset', query.offset ?? 0);
    const total = this.query(`SELECT COUNT(*) FROM ${this.table}${where}`).get(...params) as number;
    const page = this.query(
      `SELECT document FROM ${this.table}${where} ORDER BY ${order}id ${direction} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as string[];
    return { items: page.map((json) => JSON.parse(json) as unknown), total };
  }

  /** Feeds every row, in id order, into the hash; ids are JSON-quoted so no separator is ambiguous. */
  digestInto(hash: Hash): void {
    for (const [id, document] of this.statements.digest.iterate() as Iterable<[string, string]>) {
      hash.update(`${JSON.stringify(id)}\t${document}\n`);
    }
  }

  private check(column: string): string {
    if (!this.queryable.has(column)) {
      throw new InvalidReadModelQuery(`${this.table} has no column "${column}"; known: ${[...this.queryable].join(', ')}`);
    }
    return column;
  }

  private query(source: string): Statement {
    let statement = this.queries.get(source);
    if (!statement) {
      statement = this.db.prepare(source).pluck();
      this.queries.set(source, statement);
    }
    return statement;
  }
}

/** Unicode case folding for `contains`: NFC first, so a decomposed å matches a composed one. */
export function foldCase(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value).normalize('NFC').toLowerCase();
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidReadModelQuery(`${name} must be a non-negative integer`);
  return value;
}
