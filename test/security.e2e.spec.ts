import request from 'supertest';
import { bearer } from './support/auth';
import { forberedSag, klient, Sekretaer } from './support/moeder';
import { RunningApi, startApi } from './support/test-app';

const ALLOWED_ORIGIN = 'https://sager.kommune.dk';

/** What helmet sets on every response, whatever its type. */
function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': expect.stringContaining('max-age='),
    'cross-origin-opener-policy': 'same-origin',
  });
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

/** A CSP directive's sources, or the default-src ones when it is absent. */
function sources(csp: string, directive: string): string[] {
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
  return directives.get(directive) ?? directives.get('default-src') ?? [];
}

describe('Security headers and CORS', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SAGSGANG_CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://andet.kommune.dk` });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('sets them on a JSON response, with a CSP that allows no scripts', async () => {
    const response = await request(api.url).get('/sager').set(bearer(api, 'sagsbehandler')).expect(200);
    expectSecurityHeaders(response.headers);
    expect(sources(response.headers['content-security-policy'], 'script-src')).toEqual(["'none'"]);
  });

  it('sets them on a problem+json error', async () => {
    const response = await request(api.url).get('/sager').expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expectSecurityHeaders(response.headers);
  });

  it('sets them on a rendered HTML dagsorden, whose CSP allows no scripts and loads nothing', async () => {
    const { id: sagId } = await forberedSag(klient(api), { titel: 'Sag til dagsorden', sagstype: 'beslutning', sagsgang: ['Direktionen'] });
    const sekretaer = new Sekretaer(klient(api));
    const moedeId = await sekretaer.indkald({ udvalg: 'Direktionen', start: '2030-01-07T09:00:00+01:00', medlemmer: [{ navn: 'Anne' }] });
    await sekretaer.tilfoej(moedeId, sagId);
    await sekretaer.post(`/moeder/${moedeId}/udsend`);

    const response = await request(api.url).get(`/moeder/${moedeId}/dagsorden`).set('Accept', 'text/html').expect(200);

    expect(response.headers['content-type']).toContain('text/html');
    expectSecurityHeaders(response.headers);
    const csp = response.headers['content-security-policy'];
    expect(sources(csp, 'default-src')).toEqual(["'none'"]);
    expect(sources(csp, 'script-src')).toEqual(["'none'"]);
    expect(sources(csp, 'img-src')).toEqual(["'none'"]);
  });

  it('serves the Swagger UI with every asset it names, all allowed by its CSP', async () => {
    const page = await request(api.url).get('/docs').expect(200);
    expectSecurityHeaders(page.headers);
    const csp = page.headers['content-security-policy'];
    expect(sources(csp, 'script-src')).toEqual(["'self'"]);
    // No inline script: script-src 'self' would block it.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    const assets = [...page.text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=["']([^"']+)["']/gi)].map(
      (match) => new URL(match[1], `${api.url}/docs`),
    );
    expect(assets.map((asset) => asset.pathname)).toEqual(
      expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css']),
    );
    for (const asset of assets) {
      expect(asset.origin).toBe(api.url);
      const response = await request(api.url).get(asset.pathname).expect(200);
      expect(response.headers['content-type']).toMatch(/javascript|css|image/);
    }
  });

  it('lets the Swagger UI read the OpenAPI document', async () => {
    const init = await request(api.url).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"openapi"');
    expect(sources(init.headers['content-security-policy'], 'connect-src')).toContain("'self'");
  });

  it('allows a configured origin to read responses and the correlation id', async () => {
    const response = await request(api.url).get('/sager').set('Origin', ALLOWED_ORIGIN).set(bearer(api, 'sagsbehandler')).expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(response.headers['access-control-expose-headers']).toContain('X-Correlation-Id');
  });

  it('answers the preflight of a command from a configured origin', async () => {
    const response = await request(api.url)
      .options('/sager')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/i);
  });

  it('gives another origin no Access-Control-Allow-Origin, so a browser refuses it', async () => {
    const response = await request(api.url).get('/sager').set('Origin', 'https://ondsindet.example').set(bearer(api, 'sagsbehandler'));
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives another origin no preflight approval (without Access-Control-Allow-Origin the browser sends nothing)', async () => {
    const response = await request(api.url)
      .options('/sager')
      .set('Origin', 'https://ondsindet.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS without SAGSGANG_CORS_ORIGINS', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('allows no origin at all', async () => {
    const response = await request(api.url).get('/health').set('Origin', ALLOWED_ORIGIN).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('The rate limit', () => {
  const LIMIT = 3;
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SAGSGANG_RATE_LIMIT: String(LIMIT) });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('answers a client over the limit with 429 problem+json and Retry-After', async () => {
    const anna = bearer(api, 'sagsbehandler', 'anna');
    for (let i = 0; i < LIMIT; i++) await request(api.url).get('/sager').set(anna).expect(200);

    const response = await request(api.url).get('/sager').set(anna).expect(429);

    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 429,
      type: 'https://sagsgang.dk/problems/too-many-requests',
      title: 'For mange forespørgsler',
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expectSecurityHeaders(response.headers);
  });

  it('counts each token subject on its own, not the shared address', async () => {
    await request(api.url)
      .get('/sager')
      .set(bearer(api, 'sagsbehandler', 'bent'))
      .expect(200);
  });

  it('does not let an invented subject in a forged token escape the limit of its address', async () => {
    const forged = { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.AAAA' };
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await request(api.url).get('/sager').set(forged)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i <= LIMIT * 2; i++) await request(api.url).get('/health/live').expect(200);
  });
});

describe('The rate limit behind a trusted reverse proxy', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SAGSGANG_RATE_LIMIT: '2', SAGSGANG_TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it("counts each forwarded client address on its own, not the proxy's", async () => {
    const fra = (address: string) => request(api.url).get('/sager').set('X-Forwarded-For', address);
    expect([(await fra('10.0.0.1')).status, (await fra('10.0.0.1')).status, (await fra('10.0.0.1')).status]).toEqual([401, 401, 429]);
    expect((await fra('10.0.0.2')).status).toBe(401);
  });
});
