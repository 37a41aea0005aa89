import request from 'supertest';
import { PAGE_CSP, STRICT_CSP } from '../../apps/api/src/http/security';
import { klient } from '../support/moeder';
import { offentligeMoeder, OffentligeMoeder } from '../support/offentligt-moede';
import { RunningApi, startApi } from '../support/test-app';
import { harByggetWebApp } from './sider';

describe('The web app served by the API', () => {
  let api: RunningApi;
  let moeder: OffentligeMoeder;

  beforeAll(async () => {
    harByggetWebApp();
    api = await startApi();
    moeder = await offentligeMoeder(klient(api));
  });
  afterAll(async () => {
    await api.stop();
  });

  const get = (sti: string) => request(api.url).get(sti);

  it.each(['/sager', '/moeder', '/metrics', '/audit/verify'])('leaves %s to the API: 401 problem+json without a token', async (sti) => {
    const svar = await get(sti).expect(401);
    expect(svar.headers['content-type']).toContain('application/problem+json');
  });

  it('leaves /health and /docs to the API', async () => {
    const [health, docs] = await Promise.all([get('/health').expect(200), get('/docs/openapi.json').expect(200)]);
    expect([health.body.status, docs.body.openapi]).toEqual(['ok', expect.stringMatching(/^3\./)]);
  });

  it('serves the front page as Danish HTML under the pages’ own strict CSP', async () => {
    const svar = await get('/').expect(200);
    expect([svar.headers['content-type'], svar.headers['content-security-policy']]).toEqual(['text/html; charset=utf-8', PAGE_CSP]);
    expect(svar.text).toMatch(/^<!DOCTYPE html><html lang="da">/);
  });

  it('allows no inline script or style on a page', async () => {
    const svar = await get(`/moede/${moeder.afholdt}/referat`).expect(200);
    expect(svar.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);
    expect(PAGE_CSP).not.toContain('unsafe-inline');
  });

  it('keeps the API’s no-script CSP on the public API', async () => {
    const svar = await get('/offentlig/forside').expect(200);
    expect(svar.headers['content-security-policy']).toBe(STRICT_CSP);
  });

  it('serves the built stylesheet the pages link to, to be cached for a year', async () => {
    const side = await get('/').expect(200);
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(side.text)?.[1];
    const css = await get(href ?? '/assets/none.css').expect(200);
    expect([css.headers['content-type'], css.headers['cache-control']]).toEqual([
      'text/css; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
  });

  it.each([
    ['a meeting that is not public', () => `/moede/${moeder.planlagt}`],
    ['a referat not yet published', () => `/moede/${moeder.kommende}/referat`],
    ['an id that is no UUID', () => '/moede/ikke-et-id'],
    ['an udvalg without public meetings', () => '/udvalg/Ukendt'],
  ])('answers %s with the same Danish 404 page', async (_hvad, sti) => {
    const svar = await get(sti()).expect(404);
    expect([svar.headers['content-type'], svar.text.includes('<h1>Siden findes ikke</h1>')]).toEqual(['text/html; charset=utf-8', true]);
  });

  it('answers an empty search with 400 and the problem next to the field', async () => {
    const svar = await get('/soeg?q=%20').expect(400);
    expect(svar.text).toContain(
      '<span class="form-error-message" id="q-fejl"><span class="sr-only">Fejl: </span>Skriv mindst ét ord at søge efter.</span>',
    );
    expect(svar.text).toContain('aria-describedby="q-fejl"');
  });
});
