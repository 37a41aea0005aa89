import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'sagsgang-backup/1';

/** One file of a backup, by its path inside the backup (and inside the data folder it came from). */
export interface BackedUpFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * What a backup holds and of which log: written last, so a folder with a
 * manifest is a finished backup, and restore checks every file against it.
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** The data folder it was taken from. */
  source: string;
  store: {
    kind: 'sqlite' | 'eventstoredb';
    identity: string;
    /** The position of the newest event in the backed-up log (in the store, for EventStoreDB). */
    head: number;
  };
  files: BackedUpFile[];
}

export async function describeFile(root: string, path: string): Promise<BackedUpFile> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(join(root, path))) hash.update(chunk as Buffer);
  return { path, bytes: statSync(join(root, path)).size, sha256: hash.digest('hex') };
}

export function writeManifest(folder: string, manifest: Manifest): void {
  const file = join(folder, MANIFEST_FILE);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  syncPath(file);
  syncPath(folder);
}

export function readManifest(folder: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${folder} holds no readable ${MANIFEST_FILE} (is it a finished sagsgang backup?): ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${folder}/${MANIFEST_FILE} is not a ${MANIFEST_FORMAT} manifest`);
  return manifest;
}

/** The first file of the backup that is missing or differs from the manifest, or undefined when all match. */
export async function firstMismatch(folder: string, manifest: Manifest): Promise<string | undefined> {
  for (const expected of manifest.files) {
    let actual: BackedUpFile;
    try {
      actual = await describeFile(folder, expected.path);
    } catch {
      return `${expected.path} is missing`;
    }
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      return `${expected.path} differs from the manifest (sha256 ${actual.sha256}, ${actual.bytes} bytes; expected ${expected.sha256}, ${expected.bytes} bytes)`;
    }
  }
  return undefined;
}

/** fsync a file or a folder, so that what was written survives a power loss. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
