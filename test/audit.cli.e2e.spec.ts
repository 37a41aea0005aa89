import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedAt, SqliteFolder, writeAuditLog } from '../libs/audit/test/support/audit-log';
import { changeOneByte, swapContents } from '../libs/audit/test/support/tamper';
import { CliRun, sagsgang } from './support/cli';

const failLines = (run: CliRun) => run.stdout.split('\n').filter((line) => line.startsWith('FAIL'));

describe('sagsgang verify on a SQLite file changed behind the store (each test its own store, run concurrently)', () => {
  const folders: SqliteFolder[] = [];

  /** A fresh store with the audit log, changed by `tamper` (if given) after the store was closed. */
  async function storeWith(tamper?: Parameters<SqliteFolder['sql']>[0]): Promise<string> {
    const folder = new SqliteFolder();
    folders.push(folder);
    const store = folder.open();
    await writeAuditLog(store);
    await store.close();
    if (tamper) folder.sql(tamper);
    return folder.dir;
  }

  afterAll(() => Promise.all(folders.map((folder) => folder.remove())));

  it.concurrent('exits 0 on an untouched store, saying what it checked', async () => {
    const run = await sagsgang(await storeWith(), 'verify');
    expect(run).toMatchObject({ code: 0, stdout: 'checked 5 streams, 16 events (log up to position 16)\nOK: no failures\n' });
  });

  it.concurrent('exits 1 naming the stream and revision whose data had a byte changed', async () => {
    const run = await sagsgang(await storeWith((db) => changeOneByte(db, 'sag-a', 2, 'Begivenhed', 'b')), 'verify');
    expect(run.code).toBe(1);
    expect(failLines(run)).toEqual([expect.stringMatching(/^FAIL sag-a revision 2 \(position 8\): the stored hash does not match/)]);
  });

  it.concurrent('exits 1 naming the stream and revision of a deleted event', async () => {
    const run = await sagsgang(
      await storeWith((db) => db.prepare("DELETE FROM events WHERE stream_name = 'sag-b' AND revision = 1").run()),
      'verify',
    );
    expect(run.code).toBe(1);
    expect(failLines(run)).toEqual(['FAIL sag-b revision 1 (position 13): revision 1 is missing: revision 2 follows revision 0']);
  });

  it.concurrent('exits 1 naming the first of two swapped events', async () => {
    const run = await sagsgang(await storeWith((db) => swapContents(db, 'sag-a', 2, 3)), 'verify', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failures).toEqual([expect.objectContaining({ stream: 'sag-a', revision: 2 })]);
  });

  it.concurrent('exits 1 with a clear message when there is no store', async () => {
    const run = await sagsgang(join(tmpdir(), 'sagsgang-findes-ikke'), 'verify');
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('no event store at') });
  });
});

describe('sagsgang export and import', () => {
  const source = new SqliteFolder();
  const work = mkdtempSync(join(tmpdir(), 'sagsgang-audit-cli-'));

  // Concurrent tests may start before beforeAll has finished: each awaits the store instead.
  const written = (async () => {
    const store = source.open();
    await writeAuditLog(store);
    await store.close();
  })();
  afterAll(async () => {
    await source.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it.concurrent(
    'moves the log into an empty store that verifies clean with the same lines',
    async () => {
      // given the whole log exported to a file
      await written;
      const file = join(work, 'log.jsonl');
      const exported = await sagsgang(source.dir, 'export', '--out', file);
      expect(exported).toMatchObject({ code: 0, stderr: 'exported 16 events (positions 1–16; resume with --from 16)\n' });
      // when it is imported into an empty data folder
      const target = join(work, 'target');
      const imported = await sagsgang(target, 'import', '--in', file);
      expect(imported).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^imported 16 events in 5 streams .*hashes match the export/),
      });
      // then the new store verifies clean and exports the same lines
      const [verified, again] = await Promise.all([sagsgang(target, 'verify'), sagsgang(target, 'export')]);
      expect(verified.code).toBe(0);
      expect(again.stdout).toBe(readFileSync(file, 'utf8'));
      // Three rounds of CLI processes (each a ts-node start) beside the other tests' ones: on a busy machine 30 s is not enough.
    },
    90_000,
  );

  it.concurrent('refuses to import into a store that is not empty', async () => {
    await written;
    const file = join(work, 'again.jsonl');
    writeFileSync(file, (await sagsgang(source.dir, 'export')).stdout);
    const run = await sagsgang(source.dir, 'import', '--in', file);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('the target store is not empty') });
  });

  it.concurrent('resumes an export after a position, and exports one stream in a period, to stdout', async () => {
    await written;
    const [all, resumed, period] = await Promise.all([
      sagsgang(source.dir, 'export'),
      sagsgang(source.dir, 'export', '--from', '6'),
      sagsgang(source.dir, 'export', '--stream', 'sag-a', '--since', recordedAt(3), '--until', recordedAt(13)),
    ]);
    const lines = all.stdout.trimEnd().split('\n');
    expect(resumed.stdout).toBe(`${lines.slice(6).join('\n')}\n`);
    const records = period.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((record) => [record.stream, record.revision])).toEqual([
      ['sag-a', 1],
      ['sag-a', 2],
      ['sag-a', 3],
    ]);
  });

  it.concurrent(
    'refuses a malformed option, or a position that names no event, with the usage, exit code 2, creating no file',
    async () => {
      await written;
      const run = await sagsgang(source.dir, 'export', '--since', 'i går');
      expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('--since must be an ISO 8601 time') });
      const out = join(source.dir, 'never.jsonl');
      const beyond = await sagsgang(source.dir, 'export', '--from', '999', '--out', out);
      expect(beyond).toMatchObject({ code: 2, stderr: expect.stringContaining('no event in this log is at position 999') });
      expect(existsSync(out)).toBe(false);
    },
  );
});
