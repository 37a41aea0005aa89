import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { issueToken } from '@sagsgang/auth';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';

const JWT_SECRET = 'hemmeligheden-maa-aldrig-staa-i-loggen-0123456789';
const SAG = { titel: 'Logget sag', journalnummer: '00.01.00', sagstype: 'beslutning', sagsgang: ['Direktionen'], ansvarligEnhed: 'BYC' };

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  method?: string;
  url?: string;
  status?: number;
  durationMs?: number;
}

describe('The request log and the correlation id', () => {
  let app: NestFastifyApplication;
  let url: string;
  let dataDir: string;
  let output = '';
  const token = issueToken(JWT_SECRET, { userId: 'anna', role: 'sagsbehandler' });
  const anna = { Authorization: `Bearer ${token}` };

  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as LogLine);

  /** The request's line is written when its response has been sent, which may be just after the client has it. */
  async function requestLine(correlationId: string): Promise<LogLine> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = lines().filter((line) => line.correlationId === correlationId && line.status !== undefined);
      if (found.length > 0) {
        expect(found).toHaveLength(1);
        return found[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no log line for ${correlationId} in:\n${output}`);
  }

  async function correlationIdsInStream(streamName: string): Promise<string[]> {
    const events = await app.get<EventStore>(EVENT_STORE).readStream(streamName);
    return events.map((event) => event.metadata.correlationId as string);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sagsgang-log-'));
    const destination = new PassThrough();
    destination.on('data', (chunk) => (output += chunk));
    const config = loadConfig({
      SAGSGANG_DATA: dataDir,
      SAGSGANG_JWT_SECRET: JWT_SECRET,
      SAGSGANG_LOG_LEVEL: 'info',
      SAGSGANG_RATE_LIMIT: '0',
    });
    app = await createApp(config, { logDestination: destination });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('echoes a given X-Correlation-Id on the response', async () => {
    const response = await request(url).get('/health').set('X-Correlation-Id', 'sag-flow.42').expect(200);
    expect(response.headers['x-correlation-id']).toBe('sag-flow.42');
  });

  it('gives a request without one a new id of its own, echoed on the response', async () => {
    const [first, second] = await Promise.all([request(url).get('/health/live'), request(url).get('/health/live')]);
    expect(first.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-correlation-id']).not.toBe(first.headers['x-correlation-id']);
  });

  it('writes one JSON line per request with method, url, status, duration and the correlation id', async () => {
    await request(url).get('/sager?limit=5').set(anna).set('X-Correlation-Id', 'liste-1').expect(200);
    expect(await requestLine('liste-1')).toMatchObject({
      level: 30,
      method: 'GET',
      url: '/sager?limit=5',
      status: 200,
      durationMs: expect.any(Number),
      msg: 'GET /sager?limit=5 200',
    });
  });

  it('carries a given correlation id into the log line and the metadata of every event the request appended', async () => {
    const created = await request(url).post('/sager').set(anna).set('X-Correlation-Id', 'opret-7').send(SAG).expect(201);

    expect(created.headers['x-correlation-id']).toBe('opret-7');
    expect(await requestLine('opret-7')).toMatchObject({ method: 'POST', url: '/sager', status: 201 });
    expect(await correlationIdsInStream(`sag-${created.body.id}`)).toEqual(['opret-7']);
    const aar = (created.body.sagsnummer as string).split('/')[0];
    expect(await correlationIdsInStream(`sagsnummer-${aar}`)).toContain('opret-7');
  });

  it('uses the id it generated for a request without one in the header, the log line and the events alike', async () => {
    const created = await request(url).post('/sager').set(anna).send(SAG).expect(201);
    const generated = created.headers['x-correlation-id'];

    const anledning = await request(url).post(`/sager/${created.body.id}/anledning`).set(anna).send({ tekst: 'Fordi.' }).expect(200);

    expect(await requestLine(generated)).toMatchObject({ method: 'POST', url: '/sager', status: 201 });
    const other = anledning.headers['x-correlation-id'];
    expect(other).not.toBe(generated);
    expect(await correlationIdsInStream(`sag-${created.body.id}`)).toEqual([generated, other]);
  });

  it('logs a malformed X-Correlation-Id under a new id and refuses the command with 400', async () => {
    const response = await request(url).post('/sager').set(anna).set('X-Correlation-Id', 'ikke gyldig!').send(SAG).expect(400);
    const replaced = response.headers['x-correlation-id'];
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(await requestLine(replaced)).toMatchObject({ status: 400 });
  });

  it('never logs the Authorization header, a token or the JWT secret', async () => {
    await request(url).get('/sager').set(anna).set('Cookie', 'session=cookie-value-0123').set('X-Correlation-Id', 'med-token').expect(200);
    await request(url)
      .get('/sager')
      .set('Authorization', 'Bearer forkert.token.værdi')
      .set('X-Correlation-Id', 'forkert-token')
      .expect(401);
    await requestLine('med-token');
    await requestLine('forkert-token');

    expect(output).not.toContain(token);
    expect(output).not.toContain(token.split('.')[2]);
    expect(output).not.toContain('forkert.token');
    expect(output).not.toContain(JWT_SECRET);
    expect(output).not.toContain('cookie-value-0123');
    expect(output.toLowerCase()).not.toContain('bearer');
  });
});
