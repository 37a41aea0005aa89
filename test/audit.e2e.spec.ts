import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { RecordedEvent } from '@sagsgang/event-store';
import { bearer } from './support/auth';
import { storeOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const execFileAsync = promisify(execFile);

/** supertest buffers application/x-ndjson as text with this parser. */
const asText = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
};

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map(
      (line) =>
        JSON.parse(line) as {
          position: number;
          stream: string;
          revision: number;
          id: string;
          hash: string;
          metadata: { recordedAt: string };
        },
    );

describe('The audit routes', () => {
  let api: RunningApi;
  let log: RecordedEvent[];
  let sagId: string;

  beforeAll(async () => {
    api = await startApi();
    const sagsbehandler = bearer(api, 'sagsbehandler');
    for (const titel of ['Seniorboliger i Lind', 'Budget 2026, 1. behandling']) {
      const created = await request(api.url)
        .post('/sager')
        .set(sagsbehandler)
        .send({
          titel,
          journalnummer: '00.01.10',
          sagstype: 'beslutning',
          sagsgang: ['Økonomiudvalget', 'Byrådet'],
          ansvarligEnhed: 'Økonomi',
        })
        .expect(201);
      sagId = created.body.id;
      await request(api.url)
        .post(`/sager/${sagId}/anledning`)
        .set(sagsbehandler)
        .send({ tekst: `Anledning til ${titel}: æøå §` })
        .expect(200);
    }
    log = await storeOf(api).readAll();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('GET /audit/verify answers a revisor with a clean report of every stream and event', async () => {
    const response = await request(api.url).get('/audit/verify').set(bearer(api, 'revisor')).expect(200);
    expect(response.body).toEqual({
      streams: new Set(log.map((e) => e.streamName)).size,
      events: log.length,
      lastPosition: log[log.length - 1].position,
      failures: [],
      unreadable: [],
    });
  });

  it('GET /audit/verify answers an admin too', async () => {
    await request(api.url).get('/audit/verify').set(bearer(api, 'admin')).expect(200);
  });

  it.each(['sagsbehandler', 'sekretaer'] as const)('GET /audit/verify refuses a %s with 403 problem+json', async (role) => {
    const response = await request(api.url).get('/audit/verify').set(bearer(api, role)).expect(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 403, detail: expect.stringContaining(`Rollen ${role} må ikke GET /audit/verify`) });
  });

  it.each(['/audit/verify', '/audit/export'])('GET %s without a token is 401', async (path) => {
    await request(api.url).get(path).expect(401);
  });

  it('GET /audit/export refuses a sagsbehandler with 403', async () => {
    await request(api.url).get('/audit/export').set(bearer(api, 'sagsbehandler')).expect(403);
  });

  it('GET /audit/export streams JSON Lines whose positions, ids and hashes are the store’s', async () => {
    const response = await request(api.url).get('/audit/export').set(bearer(api, 'revisor')).buffer(true).parse(asText).expect(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = parseLines(response.body);
    expect(lines.map(({ position, stream, revision, id, hash }) => ({ position, stream, revision, id, hash }))).toEqual(
      log.map((e) => ({ position: e.position, stream: e.streamName, revision: e.revision, id: e.id, hash: e.metadata.hash })),
    );
  });

  it('GET /audit/export?from= resumes after the last line received, and ?stream= exports one sag', async () => {
    const middle = log[Math.floor(log.length / 2)].position;
    const [resumed, oneSag] = await Promise.all([
      request(api.url).get(`/audit/export?from=${middle}`).set(bearer(api, 'revisor')).buffer(true).parse(asText).expect(200),
      request(api.url).get(`/audit/export?stream=sag-${sagId}`).set(bearer(api, 'admin')).buffer(true).parse(asText).expect(200),
    ]);
    expect(parseLines(resumed.body).map((line) => line.position)).toEqual(log.filter((e) => e.position > middle).map((e) => e.position));
    expect(parseLines(oneSag.body).map((line) => line.revision)).toEqual([0, 1]);
  });

  it('GET /audit/export?from= a position that names no event is a 400 before anything is sent', async () => {
    const beyond = log[log.length - 1].position + 1000;
    const response = await request(api.url).get(`/audit/export?from=${beyond}`).set(bearer(api, 'revisor')).expect(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'from', reason: expect.stringContaining(`position ${beyond}`) }] });
  });

  it("GET /audit/sagsnumre?aar= lists the year's sagsnumre in order, each with its sag and in use", async () => {
    const year = log.find((event) => event.type === 'SagsnummerTildelt')!.streamName.slice('sagsnummer-'.length);
    const response = await request(api.url).get(`/audit/sagsnumre?aar=${year}`).set(bearer(api, 'revisor')).expect(200);
    const created = log.filter((event) => event.type === 'SagOprettet');
    expect(response.body).toEqual({
      aar: Number(year),
      sagsnumre: created.map((event, i) => ({
        sagsnummer: `${year}/${i + 1}`,
        loebenummer: i + 1,
        sagId: event.streamName.slice('sag-'.length),
        tildelt: event.metadata.recordedAt,
        status: 'i brug',
      })),
    });
    await request(api.url).get(`/audit/sagsnumre?aar=${year}`).set(bearer(api, 'sagsbehandler')).expect(403);
  });

  it('GET /audit/export?since=&until= exports a period of recordedAt', async () => {
    const at = (e: RecordedEvent) => Date.parse(e.metadata.recordedAt as string);
    // from the second command's time (inclusive) to the last command's (exclusive)
    const since = log.find((e) => at(e) > at(log[0]))!.metadata.recordedAt as string;
    const until = log[log.length - 1].metadata.recordedAt as string;
    const response = await request(api.url)
      .get(`/audit/export?since=${since}&until=${until}`)
      .set(bearer(api, 'revisor'))
      .buffer(true)
      .parse(asText)
      .expect(200);
    const within = log.filter((e) => at(e) >= Date.parse(since) && at(e) < Date.parse(until));
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(log.length - 1);
    expect(parseLines(response.body).map((line) => line.position)).toEqual(within.map((e) => e.position));
  });

  it.each(['from=-1', 'from=abc', 'since=i%20g%C3%A5r', 'hvad=nu'])('GET /audit/export?%s is a 400', async (query) => {
    const response = await request(api.url).get(`/audit/export?${query}`).set(bearer(api, 'revisor')).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sagsgang verify reads the store read-only while the API has it open', async () => {
    const cli = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'verify'];
    const { stdout } = await execFileAsync(process.execPath, cli, {
      env: { ...process.env, SAGSGANG_DATA: api.dataDir, EVENTSTORE_CONNECTION_STRING: '' },
    });
    expect(stdout).toMatch(new RegExp(`^checked \\d+ streams, ${log.length} events .*\\nOK: no failures\\n$`));
  });

  it('documents both routes with their errors in OpenAPI', async () => {
    const { paths } = (await request(api.url).get('/docs/openapi.json').expect(200)).body;
    for (const path of ['/audit/verify', '/audit/export']) {
      expect(Object.keys(paths[path].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    }
    expect(Object.keys(paths['/audit/export'].get.responses['200'].content)).toEqual(['application/x-ndjson']);
  });
});
