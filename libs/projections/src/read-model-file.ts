import { existsSync, renameSync } from 'node:fs';
import BetterSqlite3, { Database } from 'better-sqlite3';
import { isCorruptDatabase, quickCheck } from '@sagsgang/event-store';
import { lockExclusively } from './read-model-store';

/** A damaged read model file, and where it was put so that a new one can be built from the log. */
export interface SetAside {
  at: string;
  problem: string;
  movedTo: string;
}

/**
 * Checks the read model file (SQLite's quick_check: every page and b-tree)
 * before anything opens it. A file that fails, or is no database at all, is
 * moved aside with its -wal and -shm (`<file>.damaged-<time>`), kept for
 * whoever wants to look at it, and the caller starts on a new file that is
 * rebuilt from the log: read models hold nothing the log does not. With
 * `ifUnused`, a file another process has open is left alone (ReadModelsInUse).
 */
export function setAsideIfDamaged(file: string, options: { ifUnused?: boolean } = {}): SetAside | undefined {
  if (!existsSync(file)) return undefined;
  const problems = problemsOf(file, options.ifUnused ?? false);
  if (problems.length === 0) return undefined;
  return moveAside(file, problems.join('; '));
}

/** Moves the file (and its -wal and -shm) aside to `<file>.<label>-<time>`, for a rebuild into a fresh one. */
export function moveAside(file: string, problem: string, label = 'damaged'): SetAside {
  const at = new Date().toISOString();
  const movedTo = `${file}.${label}-${at.replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  return { at, problem, movedTo };
}

function problemsOf(file: string, ifUnused: boolean): string[] {
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    // Held until the check is done, so that nobody opens the file meanwhile either.
    if (ifUnused) lockExclusively(db, file);
    else db.pragma('busy_timeout = 10000');
    return quickCheck(db);
  } catch (error) {
    if (!isCorruptDatabase(error)) throw error;
    return [(error as Error).message];
  } finally {
    db?.close();
  }
}
