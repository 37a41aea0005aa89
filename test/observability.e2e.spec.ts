import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, EventStore, ExpectedRevisionConflict } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { bearer } from './support/auth';
import { RunningApi, startApi } from './support/test-app';

const SAG = { titel: 'Målt sag', journalnummer: '00.01.00', sagstype: 'beslutning', sagsgang: ['Direktionen'], ansvarligEnhed: 'BYC' };

/** The value of one sample in Prometheus text format; labels given in the order they are exposed. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics', () => {
  let api: RunningApi;
  const scrape = async () => (await request(api.url).get('/metrics').set(bearer(api, 'admin')).expect(200)).text;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('needs a token', async () => {
    const response = await request(api.url).get('/metrics').expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('is for admin only', async () => {
    await request(api.url).get('/metrics').set(bearer(api, 'revisor')).expect(403);
  });

  it('answers in Prometheus text format with the named metrics and the default Node.js ones', async () => {
    const response = await request(api.url).get('/metrics').set(bearer(api, 'admin')).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const name of [
      'sagsgang_http_requests_total',
      'sagsgang_http_request_duration_seconds',
      'sagsgang_events_appended_total',
      'sagsgang_expected_revision_conflicts_total',
      'sagsgang_projection_lag',
      'sagsgang_process_manager_lag',
      'sagsgang_log_reconnects_total',
      'sagsgang_data_free_bytes',
      'sagsgang_data_full',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(response.text).toContain(`# TYPE ${name} `);
    }
  });

  it('reports the data folder’s free space and that it is not full, and no reconnects yet', async () => {
    const text = await scrape();
    expect(sample(text, 'sagsgang_data_free_bytes', '')).toBeGreaterThan(0);
    expect(sample(text, 'sagsgang_data_full', '')).toBe(0);
    expect(text).toContain('sagsgang_log_reconnects_total{subscriber="projections"} 0\n');
    expect(text).toContain('sagsgang_log_reconnects_total{subscriber="sag_opfoelgning"} 0\n');
  });

  it('counts a command: its request by route pattern, its latency and the events it appended', async () => {
    const before = await scrape();

    const created = await request(api.url).post('/sager').set(bearer(api, 'sagsbehandler')).send(SAG).expect(201);
    await request(api.url).get(`/sager/${created.body.id}`).set(bearer(api, 'sagsbehandler')).expect(200);
    const after = await scrape();

    const moved = (name: string, labels: string) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('sagsgang_http_requests_total', 'method="POST",route="/sager",status="201"')).toBe(1);
    expect(moved('sagsgang_http_requests_total', 'method="GET",route="/sager/:id",status="200"')).toBe(1);
    expect(moved('sagsgang_http_request_duration_seconds_count', 'method="POST",route="/sager"')).toBe(1);
    expect(moved('sagsgang_events_appended_total', 'category="sag"')).toBe(1);
    expect(moved('sagsgang_events_appended_total', 'category="sagsnummer"')).toBe(1);
  });

  it('labels an unknown URL as unmatched, not by its path', async () => {
    await request(api.url).get(`/findes-ikke/${randomUUID()}`).expect(404);
    const text = await scrape();
    expect(sample(text, 'sagsgang_http_requests_total', 'method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('/findes-ikke');
  });

  it('counts an append the store refuses for its expected revision', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const before = sample(await scrape(), 'sagsgang_expected_revision_conflicts_total', 'category="konflikt"');

    await expect(store.append('konflikt-1', [{ id: randomUUID(), type: 'Proeve', data: {} }], 3)).rejects.toBeInstanceOf(
      ExpectedRevisionConflict,
    );

    expect(sample(await scrape(), 'sagsgang_expected_revision_conflicts_total', 'category="konflikt"')).toBe(before + 1);
  });

  it('reports each read model and the process manager with its lag', async () => {
    const text = await scrape();
    expect(text).toMatch(/^sagsgang_projection_lag\{projection="sager",state="running"\} \d+$/m);
    expect(text).toMatch(/^sagsgang_projection_lag\{projection="moeder",state="running"\} \d+$/m);
    expect(text).toMatch(/^sagsgang_process_manager_lag\{manager="sag_opfoelgning",state="running"\} \d+$/m);
  });
});

describe('/health/live and /health/ready', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('is live while it answers at all', async () => {
    const response = await request(api.url).get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when the store answers and the read models and the process manager run', async () => {
    const response = await request(api.url).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', store: { reachable: true } });
  });

  describe('with the read models stopped', () => {
    beforeAll(async () => {
      await api.app.get(ProjectionRunner).stop();
    });
    afterAll(async () => {
      await api.app.get(ProjectionRunner).start();
    });

    it('is not ready: 503 problem+json naming what is not running', async () => {
      const response = await request(api.url).get('/health/ready').expect(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 503, type: 'https://sagsgang.dk/problems/service-unavailable', title: 'Ikke klar' });
      expect(response.body.detail).toContain('sager: stopped');
    });

    it('is still live', async () => {
      await request(api.url).get('/health/live').expect(200);
    });

    it('still answers GET /health as before, with status degraded', async () => {
      const response = await request(api.url).get('/health').expect(200);
      expect(response.body.status).toBe('degraded');
    });
  });

  it('is ready again once the read models run again', async () => {
    await request(api.url).get('/health/ready').expect(200);
  });
});
