import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLog } from '@sagsgang/audit';
import { EventStore, MemoryEventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, foldMoede } from '@sagsgang/moede';
import { ProjectionRunner, ReadModelStore } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { referatSha256, referatTilGodkendelse } from '@sagsgang/referat';
import { ExistingSag, foldSag } from '@sagsgang/sag';
import { moedeDokument, sagenLaesesTil } from '../apps/api/src/moeder/moede-dokument';
import { generateLog, GenerateOptions } from '../bench/replay/generator';

const SMALL = { events: 2000, sagerPerDag: 3 };

describe('The log generator (bench/replay/generator)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsgang-generator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function generated(options: Omit<GenerateOptions, 'store'>): Promise<EventStore> {
    const store = new MemoryEventStore();
    await generateLog({ ...options, store });
    return store;
  }

  /** The read models rebuilt from the store's log, by digest. */
  async function digestOf(store: EventStore, name: string): Promise<string> {
    const readModels = new ReadModelStore(join(dir, `${name}.sqlite`), PROJECTIONS);
    try {
      const runner = new ProjectionRunner({ eventStore: store, readModels });
      await runner.rebuild();
      return runner.digest();
    } finally {
      readModels.close();
    }
  }

  const fingerprint = (events: RecordedEvent[]) => events.map((e) => [e.position, e.streamName, e.revision, e.id, e.type, e.metadata.hash]);

  it('writes the same log, event for event, and so the same read models, for the same seed', async () => {
    // when
    const [first, second] = [await generated({ ...SMALL, seed: 'samme' }), await generated({ ...SMALL, seed: 'samme' })];
    // then
    expect(fingerprint(await second.readAll())).toEqual(fingerprint(await first.readAll()));
    expect(await digestOf(second, 'second')).toBe(await digestOf(first, 'first'));
  });

  it('writes another log for another seed', async () => {
    const [one, other] = [await generated({ ...SMALL, seed: 'en' }), await generated({ ...SMALL, seed: 'en anden' })];
    expect(await digestOf(other, 'other')).not.toBe(await digestOf(one, 'one'));
  });

  it('stops as soon as the log holds the events asked for, finishing the last command', async () => {
    const events = await (await generated({ ...SMALL, seed: 'stop' })).readAll();
    expect(events.length).toBeGreaterThanOrEqual(2000);
    expect(events.length).toBeLessThan(2010);
  });

  describe('writes what the API would have written', () => {
    let store: EventStore;
    let events: RecordedEvent[];
    beforeAll(async () => {
      store = new MemoryEventStore();
      await generateLog({ ...SMALL, seed: 'som api', store });
      events = await store.readAll();
    });

    it('every lifecycle: sager decided and closed, meetings held, referater approved and published', () => {
      const types = new Set(events.map((event) => event.type));
      const lifecycle = [
        'SagsnummerTildelt',
        'SagOprettet',
        'AnledningBeskrevet',
        'SagsfremstillingSkrevet',
        'BilagVedhaeftet',
        'IndstillingGivet',
        'MoedeIndkaldt',
        'PunktTilfoejet',
        'SagSatPaaDagsorden',
        'DagsordenUdsendt',
        'MoedeAabnet',
        'BeslutningRegistreret',
        'SagOversendt',
        'SagAfgjort',
        'MoedeHaevet',
        'ReferatUnderskrevet',
        'ReferatGodkendt',
        'ReferatOffentliggjort',
        'SagAfsluttet',
      ];
      expect(lifecycle.filter((type) => !types.has(type))).toEqual([]);
    });

    it('a hash chain that verifies clean', async () => {
      const report = await verifyLog(store);
      expect(report).toMatchObject({ events: events.length, failures: [], unreadable: [] });
    });

    it('routes each beslutning with a sag event caused by it, in its correlation, as the process manager does', () => {
      const byCausation = new Map(events.map((event) => [event.metadata.causationId, event]));
      const beslutninger = events.filter((event) => event.type === 'BeslutningRegistreret');
      expect(beslutninger.length).toBeGreaterThan(50);
      for (const beslutning of beslutninger) {
        const routing = byCausation.get(beslutning.id);
        expect(routing?.streamName).toBe(`sag-${beslutning.data.sagId}`);
        expect(routing?.metadata).toMatchObject({
          correlationId: beslutning.metadata.correlationId,
          idempotencyKey: `sag-opfoelgning/${beslutning.id}/0`,
        });
        expect(['SagOversendt', 'SagUdsat', 'SagTilbagesendt', 'SagAfgjort']).toContain(routing?.type);
      }
    });

    it("approves each referat with the digest the API renders from the meeting's and the sager's streams", async () => {
      const godkendte = events.filter((event) => event.type === 'ReferatGodkendt');
      expect(godkendte.length).toBeGreaterThan(10);
      for (const godkendt of godkendte) {
        const history = await store.readStream(godkendt.streamName);
        const moede = foldMoede(history.filter((event) => event.position < godkendt.position)) as ExistingMoede;
        const laesTil = sagenLaesesTil(history);
        const sager = new Map<number, ExistingSag>();
        for (const punkt of moede.punkter) {
          const til = laesTil(punkt.nr)!;
          sager.set(
            punkt.nr,
            foldSag((await store.readStream(`sag-${punkt.sag.sagId}`)).filter((event) => event.position <= til)) as ExistingSag,
          );
        }
        expect(referatSha256(referatTilGodkendelse(moedeDokument(moede, sager)))).toBe(godkendt.data.referatSha256);
      }
    });
  });
});
