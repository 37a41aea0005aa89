import { ColumnValue } from './projection';

/**
 * Rows of one projection's table, encoded for the replay's writer thread:
 * the documents' JSON as UTF-8, back to back in one buffer that is handed
 * over to the thread (transferred, not copied), with each row's id and
 * column values beside it.
 */
export interface RowChunk {
  projection: string;
  ids: string[];
  /** Where each document's bytes end in `bytes`; the first starts at 0. */
  ends: number[];
  bytes: ArrayBuffer;
  /** Each row's column values, row after row. */
  values: ColumnValue[];
}

/** Bytes of JSON per chunk: few hand-overs, each cheap. */
const CHUNK_BYTES = 1 << 22;
/** UTF-8 takes at most 3 bytes per UTF-16 unit. */
const MAX_BYTES_PER_UNIT = 3;

/** Gathers encoded rows into chunks and hands each one on as it fills. */
export class RowChunker {
  private bytes = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private length = 0;
  private ids: string[] = [];
  private ends: number[] = [];
  private values: ColumnValue[] = [];

  constructor(
    private readonly projection: string,
    private readonly emit: (chunk: RowChunk) => void,
  ) {}

  add(id: string, json: string, values: readonly ColumnValue[]): void {
    const room = json.length * MAX_BYTES_PER_UNIT;
    if (this.length + room > this.bytes.length) {
      this.flush();
      if (room > this.bytes.length) this.bytes = Buffer.allocUnsafeSlow(room);
    }
    this.length += this.bytes.write(json, this.length);
    this.ids.push(id);
    this.ends.push(this.length);
    this.values.push(...values);
  }

  /** Hands on the rows gathered so far, if any. */
  flush(): void {
    if (this.ids.length === 0) return;
    this.emit({
      projection: this.projection,
      ids: this.ids,
      ends: this.ends,
      bytes: this.bytes.buffer as ArrayBuffer,
      values: this.values,
    });
    this.bytes = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    [this.length, this.ids, this.ends, this.values] = [0, [], [], []];
  }
}
