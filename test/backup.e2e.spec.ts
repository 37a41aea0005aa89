import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET_FILE } from '@sagsgang/auth';
import { compareDigests } from '../bench/api/check';
import { Acknowledged, Burst } from './support/burst';
import { CHILD_JWT_SECRET, ChildApi } from './support/child-api';
import { CliRun, sagsgang } from './support/cli';
import { logOf, waitUntilCaughtUp } from './support/faults';

describe('sagsgang backup while the API is under load, then restore into a new folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'sagsgang-backup-'));
  const source = join(root, 'data');
  const backupDir = join(root, 'backup');
  const restored = join(root, 'restored');
  let backup: CliRun;
  let restore: CliRun;
  let before: Acknowledged[];
  let during: number;

  beforeAll(async () => {
    // given the API on a data folder with its own generated secret, under a steady load of mixed commands
    mkdirSync(source);
    writeFileSync(join(source, JWT_SECRET_FILE), CHILD_JWT_SECRET, { mode: 0o600 });
    const api = await ChildApi.start(source, { SAGSGANG_JWT_SECRET: '' });
    const burst = new Burst(api);
    try {
      await burst.until(30);
      before = [...burst.acknowledged];
      // when a backup is taken while the load goes on
      backup = await sagsgang(source, 'backup', '--out', backupDir);
      during = burst.acknowledged.length - before.length;
      await burst.until(burst.acknowledged.length + 10);
    } finally {
      await burst.stop();
      await api.stop('SIGTERM');
    }
    // and restored into a new folder
    restore = await sagsgang(restored, 'restore', '--from', backupDir);
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is taken while commands go on being acknowledged, with a manifest of its files, head and identity', () => {
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/^backed up \d+ files .* log up to position \d+ of store [0-9a-f-]{36}\n$/);
    expect(during).toBeGreaterThan(0);
    expect(readdirSync(backupDir).sort()).toEqual([
      'bilag',
      'events.sqlite',
      JWT_SECRET_FILE,
      'manifest.json',
      'readmodels.sqlite',
      'soegning.sqlite',
    ]);
  });

  it('restores into a new folder whose log verifies', async () => {
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(/\nverify: OK \(\d+ streams, \d+ events\)\n$/);
    expect((await sagsgang(restored, 'verify')).code).toBe(0);
  });

  it('holds every command acknowledged before the backup began', async () => {
    const log = await logOf(restored);
    const heads = new Map<string, number>();
    for (const event of log) heads.set(event.streamName, event.revision);
    expect(before.filter(({ stream, revision }) => (heads.get(stream) ?? -1) < revision)).toEqual([]);
  });

  it('gives read models that, caught up by the API on the restored folder, equal a replay of the restored log', async () => {
    const api = await ChildApi.start(restored, { SAGSGANG_JWT_SECRET: '' });
    try {
      await waitUntilCaughtUp(api);
      // the restored secret still signs the old tokens
      expect((await fetch(`${api.url}/sager`, { headers: api.token('revisor') })).status).toBe(200);
    } finally {
      await api.stop('SIGTERM');
    }
    const digests = await compareDigests(restored);
    expect(digests.live).toBe(digests.replayed);
  }, 60_000);

  it('refuses to restore into a folder that is not empty, and to back up into one', async () => {
    const occupied = join(root, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'noget'), 'x');
    const [restoring, backingUp] = await Promise.all([
      sagsgang(occupied, 'restore', '--from', backupDir),
      sagsgang(restored, 'backup', '--out', occupied),
    ]);
    expect(restoring).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not empty: restore goes into a new or empty data folder'),
    });
    expect(backingUp).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty: a backup goes into a new or empty folder') });
    expect(readdirSync(occupied)).toEqual(['noget']);
  });

  it('refuses a backup whose files differ from its manifest, restoring nothing', async () => {
    appendFileSync(join(backupDir, 'events.sqlite'), 'x');
    const target = join(root, 'second');
    const run = await sagsgang(target, 'restore', '--from', backupDir);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('events.sqlite differs from the manifest') });
    expect(readdirSync(root)).not.toContain('second');
  });
});
