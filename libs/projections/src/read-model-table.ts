import type { Hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { ProjectionFailed } from './errors';
import { FindQuery, FindResult, findSql } from './find-query';
import { AnyProjection, ColumnValue } from './projection';
import { Condition, RowCounts } from './row-counts';

/** A document as stored: parsed, with its column values, so a write can tell which columns changed. */
export interface StoredDocument {
  document: unknown;
  values: ColumnValue[];
}

/** One row's change, encoded outside the write transaction; `before` are the column values it replaces. */
export type RowWrite =
  | { kind: 'insert'; id: string; json: string; values: ColumnValue[] }
  | { kind: 'update'; id: string; json: string; values: ColumnValue[]; before: ColumnValue[]; changed: number[] }
  | { kind: 'delete'; id: string; before: ColumnValue[] };

export const TABLE_PREFIX = 'rm_';

/**
 * One projection's table: `id`, the document as JSON, and one indexed column
 * per declared extractor. Identifiers were validated against a strict pattern;
 * query input only ever picks from the declared columns.
 */
export class ReadModelTable {
  readonly projection: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly extractors: ReadonlyArray<(document: unknown) => ColumnValue>;
  private readonly queryable: ReadonlySet<string>;
  private readonly orderedBy?: string;
  private sql?: ReturnType<ReadModelTable['prepare']>;
  private readonly statements = new Map<string, Statement>();
  private readonly counts: RowCounts;

  constructor(
    private readonly db: Database,
    projection: AnyProjection,
  ) {
    this.projection = projection.name;
    this.table = TABLE_PREFIX + projection.name;
    this.columns = Object.keys(projection.columns ?? {});
    this.extractors = Object.values(projection.columns ?? {});
    this.queryable = new Set(['id', ...this.columns]);
    this.orderedBy = projection.orderedBy;
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.counts = new RowCounts(() => dataVersion.get() as number);
  }

  /** True when the table exists with exactly the declared columns. */
  matchesSchema(): boolean {
    const existing = this.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(this.table);
    return existing.join(',') === ['id', ...this.columns, 'document'].join(',');
  }

  /** Creates the table with its indexes, ready to use. */
  create(): void {
    this.createTable();
    this.open();
  }

  /**
   * For a rebuild: creates the table without its indexes and returns the
   * statement that inserts a row (id, the JSON as UTF-8 bytes, stored as
   * text, then the column values). Inserting every row in id order first and
   * indexing afterwards with open() is cheaper than keeping every index up to
   * date row by row.
   */
  createForInserts(): Statement {
    this.createTable();
    const names = ['id', 'document', ...this.columns];
    const values = ['?', 'CAST(? AS TEXT)', ...this.columns.map(() => '?')];
    return this.db.prepare(`INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${values.join(', ')})`);
  }

  /**
   * The document comes last: a row's columns then sit at its start, on the
   * table's own page, and reading them (for an index or a filter) does not
   * walk the overflow pages of a long document.
   */
  private createTable(): void {
    const extra = this.columns.map((column) => `, ${column}`).join('');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (id TEXT PRIMARY KEY${extra}, document TEXT NOT NULL)`);
  }

  /** Brings the indexes up to the declaration and prepares the statements; the table must exist. */
  open(): void {
    this.syncIndexes();
    this.statements.clear();
    this.counts.clear();
    this.sql = this.prepare();
  }

  /**
   * One index per column: (column) alone, or (column, orderedBy, id) when the
   * projection names an order. The name spells the indexed columns, so an
   * index of an older declaration is recognised, dropped and replaced
   * without rebuilding the documents.
   */
  private syncIndexes(): void {
    const wanted = new Map<string, string[]>();
    for (const column of this.columns) {
      const indexed = !this.orderedBy ? [column] : column === this.orderedBy ? [column, 'id'] : [column, this.orderedBy, 'id'];
      wanted.set(`${this.table}__${indexed.join('__')}`, indexed);
    }
    const existing = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .pluck()
      .all(this.table) as string[];
    for (const name of existing) {
      if (!wanted.has(name)) this.db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }
    for (const [name, indexed] of wanted) {
      if (!existing.includes(name)) this.db.exec(`CREATE INDEX ${name} ON ${this.table} (${indexed.join(', ')})`);
    }
  }

  private prepare() {
    const names = ['id', 'document', ...this.columns];
    const placeholders = names.map(() => '?').join(', ');
    return {
      load: this.db.prepare(`SELECT ${names.slice(1).join(', ')} FROM ${this.table} WHERE id = ?`).raw(),
      document: this.db.prepare(`SELECT document FROM ${this.table} WHERE id = ?`).pluck(),
      updateDocument: this.db.prepare(`UPDATE ${this.table} SET document = ? WHERE id = ?`),
      insert: this.db.prepare(`INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${placeholders})`),
      delete: this.db.prepare(`DELETE FROM ${this.table} WHERE id = ?`),
      digest: this.db.prepare(`SELECT ${names.join(', ')} FROM ${this.table} ORDER BY id`).raw(),
    };
  }

  private get prepared(): NonNullable<ReadModelTable['sql']> {
    if (!this.sql) throw new Error(`Read model table ${this.table} is not open`);
    return this.sql;
  }

  get(id: string): unknown {
    const json = this.prepared.document.get(id) as string | undefined;
    return json === undefined ? null : JSON.parse(json);
  }

  /** For the runner: the document and its column values, or null. */
  load(id: string): StoredDocument | null {
    const row = this.prepared.load.get(id) as [string, ...ColumnValue[]] | undefined;
    return row ? { document: JSON.parse(row[0]), values: row.slice(1) } : null;
  }

  /** The document as stored: its JSON and its column values. */
  encode(id: string, document: unknown): { json: string; values: ColumnValue[] } {
    return encodeDocument(this.projection, this.extractors, id, document);
  }

  /** For the runner, in its transaction. An update sets only the columns that changed, sparing their indexes. */
  write(row: RowWrite): void {
    if (row.kind === 'delete') this.prepared.delete.run(row.id);
    else if (row.kind === 'insert') this.prepared.insert.run(row.id, row.json, ...row.values);
    else this.update(row.changed).run(row.json, ...row.changed.map((i) => row.values[i]), row.id);
  }

  /** After the runner's transaction committed its rows: the kept counts follow them. */
  committed(rows: readonly RowWrite[]): void {
    for (const row of rows) this.counts.changed(row.kind === 'insert' ? null : row.before, row.kind === 'delete' ? null : row.values);
  }

  find(query: FindQuery): FindResult<unknown> {
    const { items, total } = this.findJson(query);
    return { items: items.map(({ json }) => JSON.parse(json) as unknown), total };
  }

  /** A find whose documents stay as stored, id and JSON text, for a response that sends them as they are. */
  findJson(query: FindQuery): FindResult<{ id: string; json: string }> {
    const sql = findSql(this.table, this.queryable, query);
    const page = this.statement(sql.page, 'raw').all(...sql.params, sql.limit, sql.offset) as Array<[string, string]>;
    const count = () => this.statement(sql.count, 'pluck').get(...sql.params) as number;
    const conditions = this.conditions(query);
    return { items: page.map(([id, json]) => ({ id, json })), total: conditions ? this.counts.get(conditions, count) : count() };
  }

  /** Each value of a declared column among the rows matching where and contains, once, in order (null included). */
  distinct(column: string, query: Pick<FindQuery, 'where' | 'contains'> = {}): ColumnValue[] {
    const sql = findSql(this.table, this.queryable, query);
    return this.statement(sql.distinct(column), 'pluck').all(...sql.params) as ColumnValue[];
  }

  /** A where clause on declared columns alone, as RowCounts keeps it (in column order); undefined for one on id, with contains or a range. */
  private conditions({ where = {}, contains = {}, from, before }: FindQuery): Condition[] | undefined {
    if (Object.keys(contains).length > 0 || from !== undefined || before !== undefined) return undefined;
    const conditions = Object.entries(where).map(([name, value]): Condition => [this.columns.indexOf(name), value]);
    if (conditions.some(([column]) => column < 0)) return undefined;
    return conditions.sort(([a], [b]) => a - b);
  }

  /**
   * Feeds every row, in id order, into the hash: the id and column values as
   * a JSON array (so no separator is ambiguous), then the document's JSON.
   */
  digestInto(hash: Hash): void {
    const rows = this.prepared.digest.iterate() as Iterable<[string, string, ...ColumnValue[]]>;
    for (const [id, document, ...values] of rows) {
      hash.update(`${JSON.stringify([id, ...values])}\t${document}\n`);
    }
  }

  private update(changed: number[]): Statement {
    if (changed.length === 0) return this.prepared.updateDocument;
    const sets = ['document = ?', ...changed.map((i) => `${this.columns[i]} = ?`)];
    return this.statement(`UPDATE ${this.table} SET ${sets.join(', ')} WHERE id = ?`, 'run');
  }

  /** `pluck`: a row's first value; `raw`: a row as an array of its values. */
  private statement(source: string, mode: 'run' | 'pluck' | 'raw'): Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      if (mode === 'pluck') statement.pluck();
      if (mode === 'raw') statement.raw();
      this.statements.set(source, statement);
    }
    return statement;
  }
}

/** A document as stored: its JSON and its column values; a failing extractor fails the projection. */
export function encodeDocument(
  projection: string,
  extractors: ReadonlyArray<(document: unknown) => ColumnValue>,
  id: string,
  document: unknown,
): { json: string; values: ColumnValue[] } {
  try {
    const values = extractors.map((extract) => extract(document) ?? null);
    return { json: JSON.stringify(document), values };
  } catch (error) {
    throw new ProjectionFailed(projection, undefined, error, `encoding document ${id}`);
  }
}
