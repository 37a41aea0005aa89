import { StoredDocument } from './read-model-table';

/**
 * Committed documents by id (null: no row), kept parsed between batches in
 * two generations: when the recent one holds `size` documents it becomes the
 * older one and the previous older one is dropped. A hit in the older
 * generation moves up. Cheaper than a strict LRU on the hot path (no delete
 * and re-insert per access), and it keeps at most about 2 × size documents.
 */
export class DocumentCache {
  private recent = new Map<string, StoredDocument | null>();
  private older = new Map<string, StoredDocument | null>();

  constructor(private readonly size: number) {}

  /** undefined: not cached. */
  get(id: string): StoredDocument | null | undefined {
    const hit = this.recent.get(id);
    if (hit !== undefined) return hit;
    const old = this.older.get(id);
    if (old !== undefined) this.recent.set(id, old);
    return old;
  }

  set(id: string, stored: StoredDocument | null): void {
    this.recent.set(id, stored);
  }

  /** Called between batches, never while a batch refers to cached entries. */
  age(): void {
    if (this.recent.size < this.size) return;
    this.older = this.recent;
    this.recent = new Map();
  }

  clear(): void {
    this.recent.clear();
    this.older.clear();
  }
}
