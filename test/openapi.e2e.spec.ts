import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { RunningApi, startApi } from './support/test-app';

const run = promisify(execFile);

interface Response {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  requestBody?: unknown;
  responses: Record<string, Response>;
}
type Paths = Record<string, Record<string, Operation>>;

/** Every schema object in the document (or below `value`), with where it is. */
function schemasIn(value: unknown, at: string, found: { at: string; schema: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((item, index) => schemasIn(item, `${at}[${index}]`, found));
  else if (typeof value === 'object' && value !== null) {
    const schema = value as Record<string, unknown>;
    if ('type' in schema || 'nullable' in schema || '$ref' in schema || 'allOf' in schema) found.push({ at, schema });
    for (const [key, child] of Object.entries(schema)) schemasIn(child, `${at}.${key}`, found);
  }
  return found;
}

const TYPED_BY = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'];

/** An object schema that says nothing of its contents (`properties: {}` too: what Swagger makes of an untyped property). */
function isOpenObject(schema: Record<string, unknown>): boolean {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return schema.type === 'object' && Object.keys(properties).length === 0 && !TYPED_BY.some((key) => key !== 'properties' && key in schema);
}

/** A typed use of the generated client, as the web app will write it; it compiles only if the contract is complete. */
const USAGE = `
import type { components, operations, paths } from './sagsgang';

type Sag = paths['/sager/{id}']['get']['responses'][200]['content']['application/json'];
type SagListe = operations['hentSager']['responses'][200]['content']['application/json'];
type Moede = operations['hentMoede']['responses'][200]['content']['application/json'];
type Historik = operations['hentSagHistorik']['responses'][200]['content']['application/json'];
type OpretSag = operations['opretSag']['requestBody']['content']['application/json'];
type Problem = components['schemas']['Problem'];
type Udfald = components['schemas']['Udfald'];

export const opret: OpretSag = { titel: 'Budget 2021', journalnummer: '00.01.00', sagstype: 'beslutning', sagsgang: ['Direktionen'], ansvarligEnhed: 'BYC' };
export const senesteUdfald = (sag: Sag): Udfald | undefined => sag.behandlinger[sag.behandlinger.length - 1]?.udfald;
export const titler = (side: SagListe): string[] => side.items.map((sag) => sag.titel);
export const beslutninger = (moede: Moede): (string | undefined)[] => moede.punkter.map((punkt) => punkt.beslutning?.beslutningstekst);
export const partier = (moede: Moede): (string | null)[] => moede.medlemmer.map((medlem) => medlem.parti);
export const linjer = (historik: Historik): string[] => historik.items.map((entry) => entry.actor.userId + ': ' + entry.resume);
export const forklaring = (problem: Problem): string => problem.title + ': ' + problem.detail + (problem.errors ?? []).map((e) => e.field).join();
// @ts-expect-error an udfald the API does not know
export const ukendt: Udfald = 'vedtaget';
`;

describe('The OpenAPI document', () => {
  let api: RunningApi;
  let document: { paths: Paths; components: Record<string, unknown> };
  let operations: { name: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    api = await startApi();
    document = (await request(api.url).get('/docs/openapi.json').expect(200)).body;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  });
  afterAll(async () => {
    await api.stop();
  });

  it('names every operation for a client: a summary and a unique camelCase operationId', () => {
    const unnamed = operations.filter(({ operation }) => !operation.summary || !/^[a-z][a-zA-Z]+$/.test(operation.operationId ?? ''));
    expect(unnamed.map(({ name, operation }) => `${name} (${operation.operationId})`)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every successful answer a schema', () => {
    const without = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .filter(([, response]) => !response.content || Object.values(response.content).some((media) => !media.schema))
        .map(([status]) => `${name} ${status}`),
    );
    expect(without).toEqual([]);
  });

  it('answers every error with the problem schema', () => {
    const without = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(([, response]) => response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
        .map(([status]) => `${name} ${status}`),
    );
    expect(without).toEqual([]);
  });

  it('types every property: no object without properties, no nullable without a type', () => {
    const untyped = schemasIn(document, '').filter(
      ({ schema }) => isOpenObject(schema) || (schema.nullable === true && !('type' in schema) && !TYPED_BY.some((key) => key in schema)),
    );
    expect(untyped.map(({ at }) => at)).toEqual([]);
  });

  it('says on each route what a 404 means: a meeting route never says the sag is missing alone', () => {
    const notFound = operations.filter(({ operation }) => operation.responses['404']);
    const wrong = notFound.filter(({ path, operation }) => {
      const description = operation.responses['404'].description ?? '';
      const moedeRute = path.startsWith('/moeder') || path.startsWith('/offentlig/moeder');
      return moedeRute ? !description.startsWith('Mødet findes ikke') : !description.startsWith('Sagen findes ikke');
    });
    expect(notFound.length).toBeGreaterThan(20);
    expect(wrong.map(({ name }) => name)).toEqual([]);
  });

  it.each(['anledning', 'sagsfremstilling', 'bilag', 'bilag/fil', 'indstilling', 'henlaeg', 'afslut', 'genoptag'])(
    'documents every error of POST /sager/{id}/%s',
    (command) => {
      const statuses = Object.keys(document.paths[`/sager/{id}/${command}`].post.responses);
      expect(statuses).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '412', '413', '415']));
    },
  );

  it('documents the body of every command that takes one', () => {
    const commands = [
      '/sager',
      '/sager/{id}/anledning',
      '/sager/{id}/sagsfremstilling',
      '/sager/{id}/bilag',
      '/sager/{id}/bilag/fil',
      '/sager/{id}/indstilling',
    ];
    expect(commands.filter((path) => !document.paths[path]?.post?.requestBody)).toEqual([]);
  });

  it('generates a client with openapi-typescript that a typed use of it compiles against', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sagsgang-client-'));
    try {
      writeFileSync(join(folder, 'openapi.json'), JSON.stringify(document));
      writeFileSync(join(folder, 'usage.ts'), USAGE);
      const compilerOptions = { noEmit: true, strict: true, target: 'es2022', module: 'commonjs', types: [] };
      writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['usage.ts'] }));
      // openapi-typescript is an ES module, which jest cannot load: its CLI runs as a child process.
      const cli = join(__dirname, '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      await run(process.execPath, [cli, join(folder, 'openapi.json'), '-o', join(folder, 'sagsgang.ts')]);
      const tsc = require.resolve('typescript/bin/tsc');
      const compiled = await run(process.execPath, [tsc, '-p', folder]).then(
        () => 'compiled',
        (error: { stdout: string }) => error.stdout,
      );
      expect(compiled).toBe('compiled');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
