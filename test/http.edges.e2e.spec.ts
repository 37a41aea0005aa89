import request from 'supertest';
import { bearer } from './support/auth';
import { rawRequest } from './support/raw-http';
import { headPosition } from './support/store';
import { RunningApi, startApi } from './support/test-app';

const BODY_TIMEOUT_MS = 400;
const SAG = { titel: 'Kant', journalnummer: '00.01.00', sagstype: 'orientering', sagsgang: ['Byrådet'], ansvarligEnhed: 'IT' };

describe('HTTP at its edges', () => {
  let api: RunningApi;
  let token: string;
  beforeAll(async () => {
    api = await startApi({ SAGSGANG_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS) });
    token = bearer(api, 'sagsbehandler').Authorization;
  });
  afterAll(() => api.stop());

  const post = (headers: string, body: Buffer | string = '') =>
    `POST /sager HTTP/1.1\r\nHost: api\r\nAuthorization: ${token}\r\nContent-Type: application/json\r\n${headers}\r\n` + body;

  it.each(['/docs/../..', '/docs/%2e%2e/%2e%2e/package.json', '/docs/%00', '/docs/..%2f..%2fpackage.json'])(
    'answers %s with a 404 problem, without a token',
    async (path) => {
      const answer = await rawRequest(api.url, [`GET ${path} HTTP/1.1\r\nHost: api\r\nConnection: close\r\n\r\n`]);
      expect(answer).toMatchObject({ status: 404, headers: { 'content-type': expect.stringContaining('application/problem+json') } });
    },
  );

  it('still serves the OpenAPI UI and its files', async () => {
    await request(api.url).get('/docs/').expect(200);
    await request(api.url).get('/docs/swagger-ui.css').expect(200);
  });

  it('answers a body that never arrives with a 408 problem once the body timeout has passed, and closes the connection', async () => {
    const before = await headPosition(api);
    const answer = await rawRequest(api.url, [post('Content-Length: 200\r\n', '{"titel": "kommer aldrig')]);
    expect(answer).toMatchObject({ status: 408, headers: { connection: 'close' } });
    expect(JSON.parse(answer.body)).toMatchObject({ status: 408, title: 'Forespørgslen tog for lang tid' });
    expect(answer.ms).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 50);
    expect(answer.ms).toBeLessThan(BODY_TIMEOUT_MS + 3000);
    expect(await headPosition(api)).toBe(before);
  });

  it.each([
    ['refused for its media type (415)', 'POST /sager', 'text/plain'],
    ['for a route that does not exist (404)', 'POST /findes-ikke', 'application/json'],
  ])('leaves a body never read, of a request %s, to rest once its answer is sent', async (_name, line, type) => {
    const answer = await rawRequest(
      api.url,
      [`${line} HTTP/1.1\r\nHost: api\r\nAuthorization: ${token}\r\nContent-Type: ${type}\r\nContent-Length: 50\r\n\r\n{"halv`],
      { timeoutMs: BODY_TIMEOUT_MS * 3 },
    );
    expect(answer.status).toBeGreaterThanOrEqual(400);
    await request(api.url).get('/health/live').expect(200);
  });

  it('takes a body that arrives slowly but in time', async () => {
    const body = JSON.stringify(SAG);
    const half = Math.floor(body.length / 2);
    const answer = await rawRequest(
      api.url,
      [post(`Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n`), body.slice(0, half), body.slice(half)],
      {
        pauseMs: BODY_TIMEOUT_MS / 4,
      },
    );
    expect(answer.status).toBe(201);
  });

  describe('a bilag file, its body streamed', () => {
    let sagId: string;
    beforeAll(async () => {
      sagId = (await request(api.url).post('/sager').set('Authorization', token).send(SAG).expect(201)).body.id as string;
    });
    const upload = (headers: string) =>
      `POST /sager/${sagId}/bilag/fil?titel=Plan&filnavn=plan.pdf HTTP/1.1\r\nHost: api\r\nAuthorization: ${token}\r\n` +
      `Content-Type: application/pdf\r\n${headers}\r\n`;

    it('may take longer than the body timeout as long as it never falls silent for it', async () => {
      const pieces = ['%PDF-1.4 ', 'første del ', 'anden del ', 'tredje del ', 'sidste del'];
      const length = Buffer.byteLength(pieces.join(''));
      const answer = await rawRequest(api.url, [upload(`Content-Length: ${length}\r\nConnection: close\r\n`), ...pieces], {
        pauseMs: BODY_TIMEOUT_MS / 2,
      });
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThan(BODY_TIMEOUT_MS);
    });

    it('is answered 408 once it falls silent for the body timeout, and closes the connection', async () => {
      const before = await headPosition(api);
      const answer = await rawRequest(api.url, [upload('Content-Length: 200\r\n'), '%PDF-1.4 halvdelen']);
      expect(answer).toMatchObject({ status: 408, headers: { connection: 'close' } });
      expect(await headPosition(api)).toBe(before);
    });
  });

  const invalidUtf8 = Buffer.concat([
    Buffer.from('{"titel":"Bad '),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('","journalnummer":"00.01.00"}'),
  ]);

  it('refuses a body that is not UTF-8 sent with a Content-Length, saying so, and appends nothing', async () => {
    const before = await headPosition(api);
    const answer = await rawRequest(api.url, [post(`Content-Length: ${invalidUtf8.length}\r\nConnection: close\r\n`), invalidUtf8]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ detail: expect.stringContaining('UTF-8') });
    expect(await headPosition(api)).toBe(before);
  });

  it('refuses a body that is not UTF-8 sent chunked the same way', async () => {
    const before = await headPosition(api);
    const chunk = Buffer.concat([Buffer.from(`${invalidUtf8.length.toString(16)}\r\n`), invalidUtf8, Buffer.from('\r\n0\r\n\r\n')]);
    const answer = await rawRequest(api.url, [post('Transfer-Encoding: chunked\r\nConnection: close\r\n'), chunk]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ detail: expect.stringContaining('UTF-8') });
    expect(await headPosition(api)).toBe(before);
  });

  it('answers a minPosition beyond the head of the log with a prompt 400', async () => {
    const started = Date.now();
    const response = await request(api.url)
      .get(`/sager?minPosition=${(await headPosition(api)) + 1_000_000}`)
      .set(bearer(api, 'revisor'))
      .expect(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'minPosition', reason: expect.stringContaining('nyeste') }] });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('marks every response to a request with a token no-store, and leaves public answers alone', async () => {
    const withToken = await request(api.url).get('/sager').set(bearer(api, 'revisor')).expect(200);
    const refused = await request(api.url).get('/sager').set('Authorization', 'Bearer forkert').expect(401);
    const publicList = await request(api.url).get('/health').expect(200);
    expect(withToken.headers['cache-control']).toBe('no-store');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(publicList.headers['cache-control']).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400],
    ['headers over the limit', `GET /sager HTTP/1.1\r\nHost: api\r\nX-Fyld: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a path that is not valid percent-encoding', 'GET /sager/%zz HTTP/1.1\r\nHost: api\r\nConnection: close\r\n\r\n', 400],
    ['a path parameter over its length', `GET /sager/${'a'.repeat(200)} HTTP/1.1\r\nHost: api\r\nConnection: close\r\n\r\n`, 414],
  ])('answers %s with a problem', async (_name, text, status) => {
    const answer = await rawRequest(api.url, [text]);
    expect(answer).toMatchObject({ status, headers: { 'content-type': expect.stringContaining('application/problem+json') } });
    expect(JSON.parse(answer.body)).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  });
});
