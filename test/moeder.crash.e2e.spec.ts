import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import request from 'supertest';
import { createEventStore, RecordedEvent } from '@sagsgang/event-store';
import { readModelsFile } from '@sagsgang/projections';
import { SAG_OPFOELGNING } from '../apps/api/src/process-managers/sag-opfoelgning.manager';
import { ChildApi } from './support/child-api';
import { forberedSag, sagEfter, Sekretaer } from './support/moeder';

/** The whole log, read from the SQLite file while no API runs. */
async function log(dataDir: string): Promise<RecordedEvent[]> {
  const store = createEventStore({ dataDir, readonly: true });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

const typesIn = (events: RecordedEvent[], stream: string) =>
  events.filter((event) => event.streamName === stream).map((event) => event.type);

function checkpoint(dataDir: string, position?: number): number {
  const db = new BetterSqlite3(readModelsFile(dataDir));
  try {
    if (position !== undefined) db.prepare('UPDATE pm_checkpoints SET position = ? WHERE manager = ?').run(position, SAG_OPFOELGNING);
    return db.prepare('SELECT position FROM pm_checkpoints WHERE manager = ?').pluck().get(SAG_OPFOELGNING) as number;
  } finally {
    db.close();
  }
}

describe('Killing the API between a beslutning and the sag’s routing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sagsgang-crash-'));
  let sagId: string;
  let beslutning: number;

  beforeAll(async () => {
    // The first process records the beslutning with the process manager off, then dies at once.
    const api = await ChildApi.start(dataDir, { SAGSGANG_PROCESS_MANAGERS: 'off' });
    try {
      const sekretaer = new Sekretaer(api);
      sagId = (
        await forberedSag(api, { titel: 'Vækstregnskab 2019', sagstype: 'beslutning', sagsgang: ['Direktionen', 'Økonomiudvalget'] })
      ).id;
      const moedeId = await sekretaer.indkald({
        udvalg: 'Direktionen',
        start: '2019-12-16T09:00:00+01:00',
        medlemmer: [{ navn: 'Lars Holte' }],
      });
      await sekretaer.tilfoej(moedeId, sagId);
      await sekretaer.aabn(moedeId);
      beslutning = await sekretaer.beslut(moedeId, 1, 'anbefalet', 'Vækstregnskabet blev godkendt med de faldne bemærkninger.');
    } finally {
      await api.stop('SIGKILL');
    }
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('left the beslutning acknowledged and the sag not yet routed', async () => {
    const events = await log(dataDir);
    expect(events.some((event) => event.type === 'BeslutningRegistreret' && event.position === beslutning)).toBe(true);
    expect(typesIn(events, `sag-${sagId}`)).toEqual(['SagOprettet', 'AnledningBeskrevet', 'IndstillingGivet']);
  });

  describe('after a restart with the process manager on', () => {
    let sag: { status: string; afventerUdvalg?: string; behandlinger: unknown[] };

    beforeAll(async () => {
      const api = await ChildApi.start(dataDir);
      try {
        sag = await sagEfter(api, sagId, beslutning);
      } finally {
        await api.stop('SIGKILL');
      }
    }, 60_000);

    it('has routed the sag on to Økonomiudvalget', () => {
      expect(sag).toMatchObject({
        status: 'indstillet',
        afventerUdvalg: 'Økonomiudvalget',
        behandlinger: [expect.objectContaining({ udfald: 'anbefalet' })],
      });
    });

    it('appended each follow-up exactly once, after the beslutning', async () => {
      const events = await log(dataDir);
      const sagEvents = events.filter((event) => event.streamName === `sag-${sagId}`);
      expect(sagEvents.map((event) => event.type)).toEqual([
        'SagOprettet',
        'AnledningBeskrevet',
        'IndstillingGivet',
        'SagSatPaaDagsorden',
        'SagOversendt',
      ]);
      expect(sagEvents.at(-1)!.position).toBeGreaterThan(beslutning);
    });

    it('stored its checkpoint at or after the beslutning', () => {
      expect(checkpoint(dataDir)).toBeGreaterThanOrEqual(beslutning);
    });
  });

  describe('after a crash after the sag append but before the checkpoint was saved', () => {
    let health: { processManagers: { failures: number; checkpoint: number }[] };
    let head: number;

    beforeAll(async () => {
      // As if the process had died right after appending: the stored checkpoint is from before the beslutning.
      checkpoint(dataDir, 0);
      head = (await log(dataDir)).at(-1)!.position;
      const api = await ChildApi.start(dataDir);
      try {
        await sagEfter(api, sagId, head);
        health = (await request(api.url).get('/health').expect(200)).body;
      } finally {
        await api.stop('SIGTERM');
      }
    }, 60_000);

    it('handled the whole log again', () => {
      expect(health.processManagers[0].checkpoint).toBeGreaterThanOrEqual(head);
    });

    it('still has exactly one routing per decision, and nothing refused', async () => {
      expect(typesIn(await log(dataDir), `sag-${sagId}`)).toEqual([
        'SagOprettet',
        'AnledningBeskrevet',
        'IndstillingGivet',
        'SagSatPaaDagsorden',
        'SagOversendt',
      ]);
      expect(health.processManagers[0].failures).toBe(0);
    });
  });
});
