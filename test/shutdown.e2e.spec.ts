import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLog } from '@sagsgang/audit';
import { RecordedEvent, SqliteEventStore } from '@sagsgang/event-store';
import { Actor } from '@sagsgang/kernel';
import { ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { eventId } from '../apps/api/src/commands/event-ids';
import { ChildApi, ChildExit } from './support/child-api';

const CASEWORKERS = 16;
/** Load runs this long before SIGTERM, so that commands are in flight when it comes. */
const LOAD_BEFORE_SIGTERM_MS = 1_500;
/** No request may take longer: after SIGTERM an answer, a 503 or a refused connection, never a hang. */
const REQUEST_TIMEOUT_MS = 15_000;

type Step = 'opret' | 'anledning' | 'indstilling';
const EVENT_OF: Record<Step, string> = { opret: 'SagOprettet', anledning: 'AnledningBeskrevet', indstilling: 'IndstillingGivet' };

interface Acknowledged {
  step: Step;
  userId: string;
  key: string;
  sagId: string;
  revision: number;
  position: number;
  sagsnummer?: string;
}

interface Outcome {
  acknowledged: Acknowledged[];
  /** Answers other than 2xx, by status, and failures without an answer, by kind. */
  refused: Record<string, number>;
  /** Requests sent after SIGTERM that got an answer (any status) or a connection error. */
  afterSigterm: number;
  /** Commands in flight when the SIGTERM came that were then acknowledged. */
  finishedInFlight: number;
  hung: number;
}

/**
 * SIGTERM while caseworkers create sager and give them anledning and
 * indstilling, each command with an Idempotency-Key: the API stops taking
 * requests, answers those in flight, stops its process manager and
 * projections, flushes the store and exits 0. Afterwards the store on disk
 * holds every acknowledged command at the acknowledged revision and
 * position, and nothing half done.
 */
describe('Graceful shutdown under load', () => {
  let dataDir: string;
  let api: ChildApi;
  let outcome: Outcome;
  let exit: ChildExit;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sagsgang-shutdown-'));
    api = await ChildApi.start(dataDir);
    const sigterm = { sent: false };
    const load = Promise.all(Array.from({ length: CASEWORKERS }, (_, n) => caseworker(api, n, sigterm)));
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGTERM_MS));
    sigterm.sent = true;
    api.signal('SIGTERM');
    const results = await load;
    exit = await api.exit;
    outcome = merge(results);
    if (process.env.SHUTDOWN_TEST_REPORT) console.log({ ...outcome, acknowledged: outcome.acknowledged.length, exit });
    store = new SqliteEventStore(join(dataDir, 'events.sqlite'), { readonly: true });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await api?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits with code 0 after SIGTERM', () => {
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('acknowledged commands before and after the SIGTERM, and refused the rest without a hang', () => {
    expect(outcome.acknowledged.length).toBeGreaterThan(CASEWORKERS);
    expect(outcome.finishedInFlight).toBeGreaterThan(0);
    expect(outcome.afterSigterm).toBeGreaterThanOrEqual(CASEWORKERS);
    expect(outcome.hung).toBe(0);
    // Nothing but 503 (shutting down) or no connection at all.
    expect(Object.keys(outcome.refused).filter((what) => what !== '503' && what !== 'connection')).toEqual([]);
  });

  it('has every acknowledged command in the log, at the acknowledged revision and position', async () => {
    const missing: string[] = [];
    for (const ack of outcome.acknowledged) {
      const stream = `sag-${ack.sagId}`;
      const [event] = await store.readStream(stream, { fromRevision: ack.revision, maxCount: 1 });
      const expectedId = eventId({ actor: { userId: ack.userId, role: 'sagsbehandler' }, idempotencyKey: ack.key }, stream, 0);
      const found =
        event &&
        event.revision === ack.revision &&
        event.position === ack.position &&
        event.id === expectedId &&
        event.type === EVENT_OF[ack.step];
      if (!found) missing.push(`${ack.step} ${ack.key}: ${JSON.stringify(event ?? null)}`);
      if (ack.step === 'opret' && event?.data.sagsnummer !== ack.sagsnummer)
        missing.push(`${ack.key}: sagsnummer ${String(event?.data.sagsnummer)} ≠ ${ack.sagsnummer}`);
    }
    expect(missing).toEqual([]);
  });

  it('has no half-applied command: each sagsnummer granted belongs to a created sag, gap-free, and every event is a whole command', async () => {
    const all = await store.readAll();
    const tildelt = all.filter((event) => event.streamName.startsWith('sagsnummer-'));
    const oprettet = new Map(all.filter((event) => event.type === 'SagOprettet').map((event) => [String(event.data.sagId), event]));
    // A number was only granted for a sag that was then created with it, and numbers run 1, 2, 3, … with no gap.
    expect(tildelt.map((event) => event.data.loebenummer)).toEqual(tildelt.map((_, i) => i + 1));
    expect(tildelt.filter((event) => oprettet.get(String(event.data.sagId))?.data.sagsnummer !== event.data.sagsnummer)).toEqual([]);
    expect(oprettet.size).toBe(tildelt.length);
    // Every sag event is the one event of a command whose id its idempotency key derives: no stray or partial batch.
    const stray = all.filter((event) => event.streamName.startsWith('sag-') && event.id !== derivedId(event));
    expect(stray).toEqual([]);
  });

  it('leaves a log that verifies, and read models that had applied all of it', async () => {
    const report = await verifyLog(store);
    expect([report.failures, report.unreadable]).toEqual([[], []]);
    const readModels = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS);
    try {
      const head = await store.headPosition();
      expect(PROJECTIONS.map((projection) => readModels.checkpoint(projection.name).position)).toEqual(PROJECTIONS.map(() => head));
    } finally {
      readModels.close();
    }
  });
});

/** One caseworker: create, anledning, indstilling, again and again, until the API stops answering. */
async function caseworker(api: ChildApi, n: number, sigterm: { sent: boolean }): Promise<Outcome> {
  const userId = `sagsbehandler-${n}`;
  const headers = { ...api.token('sagsbehandler', userId), 'content-type': 'application/json' };
  const outcome: Outcome = { acknowledged: [], refused: {}, afterSigterm: 0, finishedInFlight: 0, hung: 0 };
  for (let round = 0; ; round++) {
    let sagId = '';
    for (const step of ['opret', 'anledning', 'indstilling'] as const) {
      const key = `shutdown-${n}-${round}-${step}`;
      const afterSigterm = sigterm.sent;
      const answer = await send(api.url, step, sagId, { ...headers, 'idempotency-key': key });
      if (afterSigterm) outcome.afterSigterm++;
      if (answer === 'hung') {
        outcome.hung++;
        return outcome;
      }
      if (answer === 'connection' || answer.status < 200 || answer.status >= 300) {
        const what = answer === 'connection' ? 'connection' : String(answer.status);
        outcome.refused[what] = (outcome.refused[what] ?? 0) + 1;
        // A caseworker whose request the API refused before the SIGTERM would be a failure of its own (seen above).
        return outcome;
      }
      if (!afterSigterm && sigterm.sent) outcome.finishedInFlight++;
      const body = answer.body as { id: string; revision: number; position: number; sagsnummer?: string };
      sagId = body.id;
      outcome.acknowledged.push({
        step,
        userId,
        key,
        sagId,
        revision: body.revision,
        position: body.position,
        sagsnummer: body.sagsnummer,
      });
    }
  }
}

async function send(
  url: string,
  step: Step,
  sagId: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown } | 'connection' | 'hung'> {
  const [path, body] =
    step === 'opret'
      ? [
          '/sager',
          {
            titel: 'Sag under nedlukning',
            journalnummer: '00.01.00',
            sagstype: 'beslutning',
            sagsgang: ['Økonomiudvalget'],
            ansvarligEnhed: 'Økonomi',
          },
        ]
      : step === 'anledning'
        ? [`/sager/${sagId}/anledning`, { tekst: 'Anledningen' }]
        : [`/sager/${sagId}/indstilling`, { indstiller: 'Direktøren indstiller,', atPunkter: ['at sagen godkendes'] }];
  try {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, body: response.ok ? JSON.parse(text) : text };
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? 'hung' : 'connection';
  }
}

function merge(outcomes: Outcome[]): Outcome {
  const merged: Outcome = { acknowledged: [], refused: {}, afterSigterm: 0, finishedInFlight: 0, hung: 0 };
  for (const outcome of outcomes) {
    merged.acknowledged.push(...outcome.acknowledged);
    for (const [what, count] of Object.entries(outcome.refused)) merged.refused[what] = (merged.refused[what] ?? 0) + count;
    merged.afterSigterm += outcome.afterSigterm;
    merged.finishedInFlight += outcome.finishedInFlight;
    merged.hung += outcome.hung;
  }
  return merged;
}

/** The id the API derives for the first event of a command from its actor and idempotency key. */
function derivedId(event: RecordedEvent): string | undefined {
  const { actor, idempotencyKey } = event.metadata as { actor?: Actor; idempotencyKey?: string };
  if (!actor || !idempotencyKey) return undefined;
  return eventId({ actor, idempotencyKey }, event.streamName, 0);
}
