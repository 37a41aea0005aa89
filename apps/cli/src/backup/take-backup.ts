import { chmodSync, copyFileSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { JWT_SECRET_FILE } from '@sagsgang/auth';
import { EventStore, quickCheck, SQLITE_FILE_NAME, SqliteEventStore } from '@sagsgang/event-store';
import { READ_MODELS_FILE_NAME } from '@sagsgang/projections';
import { BackedUpFile, describeFile, Manifest, MANIFEST_FORMAT, syncPath, writeManifest } from './manifest';

export const BILAG_FOLDER = 'bilag';
/** The API's search index (apps/api/src/offentlig/soegning), derived from the log like the read models. */
const SOEGNING_FILE_NAME = 'soegning.sqlite';
const BLOB_NAME = /^[0-9a-f]{64}$/;
/** The most pages better-sqlite3 lets one backup step copy. */
const ALL_PAGES = 0x7fffffff;

/**
 * Takes a consistent backup of a data folder while the API may be writing
 * it, into `out` (which must not exist or be empty): the read models with
 * the process manager's tables and the search index first, then the event store, each with
 * SQLite's online backup API in one step (a snapshot of one moment; writers
 * go on meanwhile), so the read models never stand ahead of the backed-up
 * log. Then the bilag (content-addressed, written before the events that
 * name them, so every bilag the backed-up log names is there) and the JWT
 * secret. Each copied database passes quick_check; a manifest with every
 * file's sha256, the log's head and the store's identity is written last.
 *
 * With EventStoreDB the log lives on the server, which is backed up with
 * EventStoreDB's own tools; the manifest then records its identity and head.
 */
export async function takeBackup(dataDir: string, out: string, eventStoreDb?: EventStore): Promise<Manifest> {
  prepareEmptyFolder(out);
  const files: string[] = [];
  for (const derived of [READ_MODELS_FILE_NAME, SOEGNING_FILE_NAME]) {
    if (!existsSync(join(dataDir, derived))) continue;
    await copyDatabase(join(dataDir, derived), join(out, derived));
    files.push(derived);
  }
  let store: Manifest['store'];
  if (eventStoreDb) {
    store = { kind: 'eventstoredb', identity: await eventStoreDb.identity(), head: await eventStoreDb.headPosition() };
  } else {
    const source = join(dataDir, SQLITE_FILE_NAME);
    if (!existsSync(source)) throw new Error(`no event store at ${source} (set SAGSGANG_DATA)`);
    await copyDatabase(source, join(out, SQLITE_FILE_NAME));
    store = { kind: 'sqlite', ...(await describeLog(join(out, SQLITE_FILE_NAME))) };
    files.push(SQLITE_FILE_NAME);
  }
  files.push(...copyBilag(join(dataDir, BILAG_FOLDER), join(out, BILAG_FOLDER), out));
  if (existsSync(join(dataDir, JWT_SECRET_FILE))) {
    copyFileSync(join(dataDir, JWT_SECRET_FILE), join(out, JWT_SECRET_FILE), constants.COPYFILE_EXCL);
    chmodSync(join(out, JWT_SECRET_FILE), 0o600);
    syncPath(join(out, JWT_SECRET_FILE));
    files.push(JWT_SECRET_FILE);
  }
  const described: BackedUpFile[] = [];
  for (const path of files) described.push(await describeFile(out, path));
  const damaged = described.find(({ path, sha256 }) => path.startsWith(`${BILAG_FOLDER}/`) && basename(path) !== sha256);
  if (damaged) throw new Error(`bilag ${damaged.path} in ${dataDir} is damaged: its content no longer has the sha256 it is named by`);
  const manifest: Manifest = { format: MANIFEST_FORMAT, createdAt: new Date().toISOString(), source: dataDir, store, files: described };
  writeManifest(out, manifest);
  return manifest;
}

function prepareEmptyFolder(folder: string): void {
  if (existsSync(folder) && readdirSync(folder).length > 0)
    throw new Error(`${folder} is not empty: a backup goes into a new or empty folder`);
  mkdirSync(folder, { recursive: true });
}

/** SQLite's online backup of the whole file in one step, checked with quick_check and written to disk. */
async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // Every remaining page in the next step: one read of one snapshot, which a busy writer cannot make start over.
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    const problems = quickCheck(copy);
    if (problems.length > 0) throw new Error(`the copy of ${source} fails its integrity check: ${problems.join('; ')}`);
    // Self-contained: the backup's file is read without a -wal beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  syncPath(target);
}

async function describeLog(file: string): Promise<{ identity: string; head: number }> {
  const store = new SqliteEventStore(file);
  try {
    return { identity: await store.identity(), head: await store.headPosition() };
  } finally {
    await store.close();
  }
}

/** Every stored bilag (not the temp files of writes in progress), each checked against the sha256 it is named by. */
function copyBilag(source: string, target: string, out: string): string[] {
  if (!existsSync(source)) return [];
  const copied: string[] = [];
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !BLOB_NAME.test(entry.name)) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(target, relative(source, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    syncPath(to);
    copied.push(relative(out, to));
  }
  for (const folder of new Set(copied.map((path) => dirname(join(out, path))))) syncPath(folder);
  return copied;
}
