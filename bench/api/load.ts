import { AutocannonResult, BenchRequest, runAutocannon } from './autocannon';
import { Headers, INDSTILLING, nySag, Seeded, Tokens } from './seed';

export const CONNECTIONS = 50;

/** One step of a connection's cycle, by what it does; the mix's weights are their shares of the cycle. */
export interface Step {
  kind: 'create sag' | 'give indstilling' | 'read sag' | 'list sager' | 'read referat';
  label: string;
}

export interface Run {
  name: string;
  connections: number;
  seconds: number;
  result: AutocannonResult;
  /** Responses that were not 2xx, by step and status, to say which route failed. */
  failures: Record<string, number>;
  /** CPU seconds the API process used during the run. */
  serverCpuSeconds?: number;
}

type Context = { caseworker?: Headers; sagId?: string; position?: number; n?: number };

/**
 * The mix, as every connection cycles through it: a caseworker creates a sag,
 * reads it back (read-your-writes, minPosition), gives its indstilling, and
 * in between reads and lists other sager and a published referat as the
 * public does. 2 commands and 8 queries per cycle of 10.
 */
export function mixSteps(): Array<Step & { request: (seeded: Seeded) => Partial<BenchRequest> }> {
  return [
    { kind: 'create sag', label: 'POST /sager', request: () => createSag() },
    { kind: 'read sag', label: 'GET /sager/:id?minPosition (the new sag)', request: (s) => readOwnSag(s) },
    { kind: 'give indstilling', label: 'POST /sager/:id/indstilling (the new sag)', request: (s) => giveIndstilling(s) },
    { kind: 'list sager', label: 'GET /sager?limit=20', request: () => ({ method: 'GET', path: '/sager?limit=20' }) },
    { kind: 'read referat', label: 'GET /moeder/:id/referat (public, HTML)', request: (s) => readReferat(s, 'text/html') },
    { kind: 'read sag', label: 'GET /sager/:id (a seeded sag)', request: (s) => readSeededSag(s) },
    {
      kind: 'list sager',
      label: 'GET /sager?status=indstillet&udvalg=…&limit=20',
      request: () => ({ method: 'GET', path: `/sager?status=indstillet&udvalg=${encodeURIComponent('Økonomiudvalget')}&limit=20` }),
    },
    { kind: 'read sag', label: 'GET /sager/:id (a seeded sag)', request: (s) => readSeededSag(s) },
    { kind: 'read referat', label: 'GET /moeder/:id/referat (public, text)', request: (s) => readReferat(s, 'text/plain') },
    { kind: 'read sag', label: 'GET /sager/:id?minPosition (after its indstilling)', request: (s) => readOwnSag(s) },
  ];
}

export async function runMix(url: string, auth: Tokens, seeded: Seeded, seconds: number, name = 'mix'): Promise<Run> {
  const failures: Record<string, number> = {};
  const steps = mixSteps();
  const requests = steps.map((step): BenchRequest => {
    const base = step.request(seeded);
    return {
      method: base.method ?? 'GET',
      setupRequest: (request, context) =>
        withCaseworker(
          auth,
          context as Context,
          { ...request, ...base, ...(base.setupRequest ? base.setupRequest(request, context) : {}) },
          step.kind === 'read referat',
        ),
      onResponse: (status, body, context) => {
        if (status < 200 || status >= 300) failures[`${step.label} → ${status}`] = (failures[`${step.label} → ${status}`] ?? 0) + 1;
        base.onResponse?.(status, body, context);
      },
    };
  });
  const result = await runAutocannon({ url, connections: CONNECTIONS, duration: seconds, requests, timeout: 10 });
  return { name, connections: CONNECTIONS, seconds, result, failures };
}

export async function runCreateOnly(url: string, auth: Tokens, seconds: number): Promise<Run> {
  const failures: Record<string, number> = {};
  const base = createSag();
  const requests: BenchRequest[] = [
    {
      method: 'POST',
      setupRequest: (request, context) =>
        withCaseworker(auth, context as Context, { ...request, ...base, ...base.setupRequest!(request, context) }, false),
      onResponse: (status) => {
        if (status !== 201) failures[`POST /sager → ${status}`] = (failures[`POST /sager → ${status}`] ?? 0) + 1;
      },
    },
  ];
  const result = await runAutocannon({ url, connections: CONNECTIONS, duration: seconds, requests, timeout: 10 });
  return { name: 'create sag', connections: CONNECTIONS, seconds, result, failures };
}

let connectionCount = 0;
let sagCount = 0;

/** Each connection is one caseworker (round robin over the tokens); public reads go without a token. */
function withCaseworker(auth: Tokens, context: Context, request: BenchRequest, anonymous: boolean): BenchRequest {
  context.caseworker ??= auth.sagsbehandlere[connectionCount++ % auth.sagsbehandlere.length];
  const headers: Record<string, string> = { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) };
  if (!anonymous) Object.assign(headers, context.caseworker);
  return { ...request, headers };
}

function createSag(): Partial<BenchRequest> {
  return {
    method: 'POST',
    setupRequest: (request) => ({ ...request, path: '/sager', body: JSON.stringify(nySag(`Belastningssag ${++sagCount}`)) }),
    onResponse: (status, body, context) => {
      if (status !== 201) return;
      const created = JSON.parse(body) as { id: string; position: number };
      Object.assign(context, { sagId: created.id, position: created.position });
    },
  };
}

/** The connection's newest sag; a seeded one if its creation failed. */
function ownSag(seeded: Seeded, context: Context): { id: string; position?: number } {
  return context.sagId ? { id: context.sagId, position: context.position } : { id: pick(seeded.sagIds, context) };
}

function readOwnSag(seeded: Seeded): Partial<BenchRequest> {
  return {
    method: 'GET',
    setupRequest: (request, context) => {
      const { id, position } = ownSag(seeded, context as Context);
      return { ...request, path: `/sager/${id}${position ? `?minPosition=${position}` : ''}` };
    },
  };
}

function giveIndstilling(seeded: Seeded): Partial<BenchRequest> {
  return {
    method: 'POST',
    setupRequest: (request, context) => ({
      ...request,
      path: `/sager/${ownSag(seeded, context as Context).id}/indstilling`,
      body: JSON.stringify(INDSTILLING),
    }),
    onResponse: (status, body, context) => {
      if (status === 200) (context as Context).position = (JSON.parse(body) as { position: number }).position;
    },
  };
}

function readSeededSag(seeded: Seeded): Partial<BenchRequest> {
  return { method: 'GET', setupRequest: (request, context) => ({ ...request, path: `/sager/${pick(seeded.sagIds, context as Context)}` }) };
}

function readReferat(seeded: Seeded, accept: string): Partial<BenchRequest> {
  return { method: 'GET', setupRequest: (request) => ({ ...request, path: `/moeder/${seeded.moedeId}/referat`, headers: { accept } }) };
}

function pick(ids: string[], context: Context): string {
  context.n = ((context.n ?? Math.floor(Math.random() * ids.length)) + 7) % ids.length;
  return ids[context.n];
}
