import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compareDigests, verify, VerifyOutcome } from './check';
import { BenchServer, CLI } from './server';

export interface BackupOutcome {
  /** `sagsgang backup` taken while the load ran: its exit code and how long it took. */
  backup: { code: number | null; ms: number; output: string };
  restore: { code: number | null; output: string };
  verify: VerifyOutcome;
  /** The restored read models, caught up by the API on the restored folder, against a replay of the restored log. */
  digestEqual: boolean;
}

/** Starts `sagsgang backup --out <out>` of `dataDir` after `delayMs`; resolves once it has finished. */
export function backupAfter(dataDir: string, out: string, delayMs: number): Promise<BackupOutcome['backup']> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const started = Date.now();
      const child = spawn(process.execPath, [CLI, 'backup', '--out', out], { env: { ...process.env, SAGSGANG_DATA: dataDir } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('exit', (code) => resolve({ code, ms: Date.now() - started, output }));
    }, delayMs);
  });
}

/**
 * Restores the backup into a new folder beside it, verifies the restored log,
 * lets the API catch the restored read models up and stops it, and compares
 * their digest with a fresh replay of the restored log.
 */
export async function checkRestore(backup: BackupOutcome['backup'], backupDir: string, jwtSecret: string): Promise<BackupOutcome> {
  const restored = join(backupDir, '..', 'restored');
  const run = spawnSync(process.execPath, [CLI, 'restore', '--from', backupDir], {
    env: { ...process.env, SAGSGANG_DATA: restored },
    encoding: 'utf8',
  });
  const restore = { code: run.status, output: run.stdout + run.stderr };
  const verified = verify(restored);
  const server = await BenchServer.start(restored, jwtSecret);
  try {
    await caughtUp(server.url);
  } finally {
    await server.stop();
  }
  const digests = await compareDigests(restored);
  return { backup, restore, verify: verified, digestEqual: digests.equal };
}

async function caughtUp(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as { projections: { lag: number }[]; processManagers: { lag: number }[] };
    if ([...health.projections, ...health.processManagers].every((part) => part.lag === 0)) return;
    if (Date.now() > deadline) throw new Error('the API on the restored folder did not catch up within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
