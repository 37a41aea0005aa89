import request from 'supertest';
import { RunningApi, startApi } from './support/test-app';

interface Operation {
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

describe('The OpenAPI document of the meeting routes', () => {
  let api: RunningApi;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    api = await startApi();
    paths = (await request(api.url).get('/docs/openapi.json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await api.stop();
  });

  const withBody = [
    '/moeder',
    '/moeder/{id}/punkter',
    '/moeder/{id}/punkter/{nr}/flyt',
    '/moeder/{id}/punkter/{nr}/marker',
    '/moeder/{id}/punkter/{nr}/inhabilitet',
    '/moeder/{id}/punkter/{nr}/beslutning',
    '/moeder/{id}/punkter/{nr}/protokoltilfoersel',
    '/moeder/{id}/fravaer',
    '/moeder/{id}/afgang',
    '/moeder/{id}/aflys',
    '/moeder/{id}/referat/godkend',
  ];
  const withoutBody = ['/moeder/{id}/udsend', '/moeder/{id}/aabn', '/moeder/{id}/haev', '/moeder/{id}/referat/offentliggoer'];

  it.each(withBody)('documents the body of POST %s', (path) => {
    expect(paths[path]?.post?.requestBody).toBeDefined();
  });

  const onAMeeting = [...withBody, ...withoutBody].filter((path) => path !== '/moeder');

  it.each(onAMeeting.map((path) => ['post', path]).concat([['delete', '/moeder/{id}/punkter/{nr}']]))(
    'documents every error of %s %s',
    (method, path) => {
      expect(Object.keys(paths[path][method].responses)).toEqual(
        expect.arrayContaining(['400', '401', '403', '404', '409', '412', '413', '415']),
      );
    },
  );

  it('documents calling a meeting without a 404: it creates one', () => {
    expect(Object.keys(paths['/moeder'].post.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '412', '413', '415']));
    expect(Object.keys(paths['/moeder'].post.responses)).not.toContain('404');
  });

  it.each(onAMeeting.map((path) => ['post', path]).concat([['delete', '/moeder/{id}/punkter/{nr}']]))(
    'says that a 404 of %s %s is about the meeting, not a sag',
    (method, path) => {
      expect(String(paths[path][method].responses['404'].description)).toMatch(/^Mødet findes ikke/);
    },
  );

  it('documents the list GET /moeder with its errors', () => {
    expect(Object.keys(paths['/moeder'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '503']));
  });

  it('documents the query GET /moeder/{id} with its errors', () => {
    expect(Object.keys(paths['/moeder/{id}'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '503']));
  });

  it.each(['/moeder/{id}/dagsorden', '/moeder/{id}/referat'])('documents GET %s in four formats and its 406', (path) => {
    const { responses } = paths[path].get;
    expect(Object.keys(responses['200'].content ?? {})).toEqual(['text/plain', 'text/markdown', 'text/html', 'application/pdf']);
    expect(Object.keys(responses)).toContain('406');
  });
});
