import type { Database } from 'better-sqlite3';
import { isCorruptDatabase } from '../errors';

/**
 * SQLite's quick_check of a whole file (every page and b-tree, not whether
 * the indexes agree with their tables): what it found wrong, nothing when the
 * file is sound. A file that is not a database at all says so too.
 */
export function quickCheck(db: Database): string[] {
  try {
    const found = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
    return found.length === 1 && found[0].quick_check === 'ok' ? [] : found.map((row) => row.quick_check);
  } catch (error) {
    if (!isCorruptDatabase(error)) throw error;
    return [(error as Error).message];
  }
}
