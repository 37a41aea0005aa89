import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { CHILD_JWT_SECRET, ChildApi } from './support/child-api';

const run = promisify(execFile);

describe('npm run demo against a running API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsgang-demo-'));
  let api: ChildApi;

  beforeAll(async () => {
    api = await ChildApi.start(dir);
  }, 60_000);
  afterAll(async () => {
    await api.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a sag from creation to a published referat and prints where the public reads it', async () => {
    // when
    const env = { ...process.env, SAGSGANG_URL: api.url, SAGSGANG_JWT_SECRET: CHILD_JWT_SECRET, SAGSGANG_DATA: dir };
    const { stdout } = await run('npm', ['run', '-s', 'demo'], { cwd: join(__dirname, '..'), env });
    // then the last line is the public referat's address, and the public (no token) reads the decision there
    const address = stdout.trim().split('\n').at(-1)!;
    expect(address).toMatch(new RegExp(`^${api.url}/moeder/[0-9a-f-]{36}/referat$`));
    const referat = await request(address).get('').set('Accept', 'text/plain').expect(200);
    expect(referat.text).toContain('Nye seniorboliger i Albertslund');
    expect(referat.text).toContain('Godkendt.');
  }, 60_000);
});
