/**
 * Quick local measurement of a full replay (not a test):
 *   node -r ts-node/register/transpile-only libs/projections/bench/measure-replay.ts [events] [spread] [folder]
 * Writes a log of realistic sag and møde events once (kept in the folder for
 * later runs), then times reading the log alone and a rebuild of every read model.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventData, JsonObject } from '../../event-store/src/event-store.port';
import { SqliteEventStore } from '../../event-store/src/sqlite/sqlite-event-store';
import { ProjectionRunner } from '../src/projection-runner';
import { ReadModelStore } from '../src/read-model-store';
import { moeder, overview, sager } from './replay-projections';

const total = Number(process.argv[2] ?? 1_000_000);
/** How many streams are written round-robin at a time: a stream's 10 events are spread over 10 × this many. */
const spread = Number(process.argv[3] ?? 10_000);
const folder = process.argv[4] ?? join('/tmp', `sagsgang-replay-${total}-${spread}`);
const UDVALG = ['Byrådet', 'Økonomiudvalget', 'Børn og Unge', 'Teknik og Miljø', 'Sundhed og Omsorg'];
const UDFALD = ['godkendt', 'taget til efterretning', 'anbefalet', 'udsat'];
const ANLEDNING = 'Forvaltningen har udarbejdet forslag til ændring af lokalplan for området ved Åen. '.repeat(3);

const SAG_TYPES: Record<number, string> = {
  0: 'SagOprettet',
  1: 'AnledningSkrevet',
  8: 'IndstillingGivet',
  9: 'BeslutningTruffet',
};

function sagEvent(sag: number, step: number): EventData {
  const metadata = {
    actor: { userId: `u${sag % 40}`, role: 'sagsbehandler' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    recordedAt: new Date(1_700_000_000_000 + sag * 1000 + step).toISOString(),
  };
  const data: JsonObject =
    step === 0
      ? { sagsnummer: `25/${sag}`, titel: `Sag ${sag}: ny lokalplan`, kle: '01.02.05-P16', udvalg: UDVALG[sag % 5] }
      : step === 1
        ? { anledning: ANLEDNING }
        : step === 8
          ? { indstiller: 'Direktøren for By, Kultur, Miljø & Beskæftigelse', at: ['at forslaget godkendes'] }
          : step === 9
            ? { udfald: UDFALD[sag % 4], moedeId: `m${sag % 500}`, punkt: step }
            : { bilag: `bilag-${step}.pdf`, beskrivelse: 'Notat fra fagområdet' };
  const type = SAG_TYPES[step] ?? 'BilagTilfoejet';
  return { id: randomUUID(), type, data, metadata };
}

function moedeEvent(moede: number, step: number): EventData {
  const type = step === 0 ? 'MoedeIndkaldt' : step === 9 ? 'MoedeLukket' : 'PunktTilfoejet';
  const data = { udvalg: UDVALG[moede % 5], start: '2026-03-01T16:00:00Z', sagId: String(moede * 10 + step) };
  return { id: randomUUID(), type, data, metadata: { actor: { userId: 'sek', role: 'sekretaer' } } };
}

/** 10 events per stream, `spread` streams written round-robin at a time, so streams interleave in the log. */
async function writeLog(store: SqliteEventStore): Promise<void> {
  const started = Date.now();
  for (let first = 0; first * 10 < total; first += spread) {
    for (let step = 0; step < 10; step++) {
      for (let chunk = first; chunk < Math.min(first + spread, total / 10); chunk += 1000) {
        await Promise.all(
          Array.from({ length: Math.min(1000, first + spread - chunk, total / 10 - chunk) }, (_, i) => {
            const n = chunk + i;
            if (n % 10 === 9) return store.append(`moede-${n}`, [moedeEvent(n, step)]);
            return store.append(`sag-${n}`, [sagEvent(n, step)]);
          }),
        );
      }
    }
  }
  console.log(`wrote ${await store.headPosition()} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function readOnly(store: SqliteEventStore): Promise<void> {
  const started = process.hrtime.bigint();
  const subscription = store.subscribeToAll({ checkpoint: 0 });
  let count = 0;
  for await (const event of subscription) if (++count === total || event.position >= total) break;
  await subscription.close();
  report('subscription alone (read + parse)', count, started);
}

function report(what: string, events: number, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = Math.round(events / seconds).toLocaleString('en');
  console.log(`${what}: ${events} events in ${seconds.toFixed(2)} s = ${rate} events/s`);
}

async function main(): Promise<void> {
  const eventsFile = join(folder, 'events.sqlite');
  const fresh = !existsSync(eventsFile);
  const store = new SqliteEventStore(eventsFile, { durability: 'relaxed' });
  if (fresh) await writeLog(store);
  await readOnly(store);
  const readModels = new ReadModelStore(join(folder, 'readmodels.sqlite'), [sager, moeder, overview]);
  const batchSize = process.env.BATCH ? Number(process.env.BATCH) : undefined;
  const cacheSize = process.env.CACHE ? Number(process.env.CACHE) : undefined;
  const runner = new ProjectionRunner({ eventStore: store, readModels, batchSize, cacheSize });
  const started = process.hrtime.bigint();
  const { position } = await runner.rebuild();
  report('rebuild of sager, moeder, oversigt', position, started);
  console.log(`digest ${runner.digest()}`);
  readModels.close();
  await store.close();
}

void main();
