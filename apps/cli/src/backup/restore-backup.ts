import { randomUUID } from 'node:crypto';
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { JWT_SECRET_FILE } from '@sagsgang/auth';
import { firstMismatch, Manifest, readManifest, syncPath } from './manifest';

/**
 * Restores a backup into `dataDir`, which must not exist or be empty: every
 * file is first checked against the manifest (a damaged or incomplete backup
 * restores nothing), then copied into a folder beside the target and renamed
 * into place in one step, so a restore cut short leaves no half-filled data
 * folder behind.
 */
export async function restoreBackup(from: string, dataDir: string): Promise<Manifest> {
  const manifest = readManifest(from);
  const mismatch = await firstMismatch(from, manifest);
  if (mismatch) throw new Error(`the backup in ${from} is damaged: ${mismatch}; nothing was restored`);
  const target = resolve(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${target} is not empty: restore goes into a new or empty data folder (move the old one aside first)`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.restoring-${randomUUID()}`);
  try {
    for (const { path } of manifest.files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      copyFileSync(join(from, path), join(staging, path), constants.COPYFILE_EXCL);
      if (path === JWT_SECRET_FILE) chmodSync(join(staging, path), 0o600);
      syncPath(join(staging, path));
    }
    for (const folder of new Set(manifest.files.map(({ path }) => dirname(join(staging, path))))) syncPath(folder);
    renameSync(staging, target);
    syncPath(dirname(target));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return manifest;
}
