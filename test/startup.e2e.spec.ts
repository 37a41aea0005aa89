import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { POLITISK_V1 } from '@sagsgang/sag';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';
import { RunningApi, startApi } from './support/test-app';

const run = promisify(execFile);

/** A pino destination that keeps the app's log lines; `errors()` gives the messages logged as errors. */
function logLines() {
  const lines: string[] = [];
  return {
    write: (line: string) => void lines.push(line),
    errors: () =>
      lines
        .map((line) => JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } })
        .filter((line) => line.level >= 50)
        .map((line) => `${line.msg ?? ''} ${line.err?.message ?? ''}`),
  };
}
const CLI = [process.execPath, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts'];

describe('Start-up configuration', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-startup-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses an invalid environment with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'tre tusind' })).toThrow(/PORT/);
    expect(() => loadConfig({ EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
    expect(() => loadConfig({ SAGSGANG_JWT_SECRET: 'kort' })).toThrow(/SAGSGANG_JWT_SECRET/);
  });

  it('refuses a workflow file with a bad entry, naming the entry', async () => {
    const file = join(folder, 'workflows.json');
    const kommunal = {
      ...POLITISK_V1,
      name: 'kommunal',
      commands: { ...POLITISK_V1.commands, OpretSag: { from: ['ny'], roles: ['chef'] } },
    };
    const bad = [kommunal];
    writeFileSync(file, JSON.stringify(bad));
    const config = loadConfig({ SAGSGANG_DATA: join(folder, 'data'), SAGSGANG_WORKFLOWS: file });
    const log = logLines();
    await expect(createApp(config, { quiet: true, logDestination: log })).rejects.toThrow(
      /workflows\[0\]\.commands\.OpretSag\.roles\[0\]: unknown role "chef"/,
    );
    // and the failed start is one error line of the app's JSON log, not a stack on the console
    expect(log.errors()).toEqual([expect.stringContaining('unknown role "chef"')]);
  });

  it('refuses a workflow file that is not JSON', async () => {
    const file = join(folder, 'broken.json');
    writeFileSync(file, '{ ikke json');
    const config = loadConfig({ SAGSGANG_DATA: join(folder, 'data2'), SAGSGANG_WORKFLOWS: file });
    const log = logLines();
    await expect(createApp(config, { quiet: true, logDestination: log })).rejects.toThrow(/SAGSGANG_WORKFLOWS: cannot read/);
    expect(log.errors()).toEqual([expect.stringContaining('SAGSGANG_WORKFLOWS: cannot read')]);
  });
});

describe('sagsgang token', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('prints a token the running API accepts, with the secret generated into the data folder', async () => {
    const { stdout } = await run(CLI[0], [...CLI.slice(1), 'token', '--sub', 'anna', '--role', 'sagsbehandler'], {
      env: { ...process.env, SAGSGANG_DATA: api.dataDir, SAGSGANG_JWT_SECRET: '' },
    });
    const created = await request(api.url)
      .post('/sager')
      .set('Authorization', `Bearer ${stdout.trim()}`)
      .send({
        titel: 'Fra kommandolinjen',
        journalnummer: '00.01.00',
        sagstype: 'orientering',
        sagsgang: ['Byrådet'],
        ansvarligEnhed: 'IT',
      });
    expect(created.status).toBe(201);
  });

  it('refuses an unknown role', async () => {
    await expect(
      run(CLI[0], [...CLI.slice(1), 'token', '--sub', 'anna', '--role', 'chef'], { env: { ...process.env, SAGSGANG_DATA: api.dataDir } }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--role must be one of'),
    });
  });
});
