import request from 'supertest';
import { RunningApi, startApi } from './support/test-app';

interface Operation {
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

describe('The OpenAPI document', () => {
  let api: RunningApi;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    api = await startApi();
    paths = (await request(api.url).get('/docs/openapi.json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await api.stop();
  });

  const commands = [
    '/sager',
    '/sager/{id}/anledning',
    '/sager/{id}/sagsfremstilling',
    '/sager/{id}/bilag',
    '/sager/{id}/indstilling',
    '/sager/{id}/henlaeg',
    '/sager/{id}/genoptag',
  ];

  it.each(commands)('documents the body of POST %s', (path) => {
    expect(paths[path]?.post?.requestBody).toBeDefined();
  });

  it.each([...commands, '/sager/{id}/afslut'])('documents every error of POST %s', (path) => {
    expect(Object.keys(paths[path].post.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '412', '413']));
  });

  it.each(['/sager', '/sager/{id}'])('documents the query GET %s with its errors', (path) => {
    expect(Object.keys(paths[path].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
  });
});
