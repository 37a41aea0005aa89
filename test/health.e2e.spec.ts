import request from 'supertest';
import { RunningApi, startApi } from './support/test-app';

describe('API basics over HTTP', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('reports the store reachable on /health', async () => {
    const response = await request(api.url).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', store: { reachable: true, headPosition: 0 } });
  });

  it('reports each read model and its lag on /health', async () => {
    const response = await request(api.url).get('/health').expect(200);
    expect(response.body.projections).toEqual([
      expect.objectContaining({ name: 'sager', state: 'running', lag: 0 }),
      expect.objectContaining({ name: 'moeder', state: 'running', lag: 0 }),
    ]);
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(api.url).get('/docs/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/health');
  });

  it('serves the OpenAPI UI at /docs', async () => {
    const response = await request(api.url).get('/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });

  it('answers an unknown route with problem+json 404', async () => {
    const response = await request(api.url).get('/findes-ikke').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, instance: '/findes-ikke' });
  });
});
