import request from 'supertest';
import { ProcessManagerStore } from '../apps/api/src/process-managers/process-manager-store';
import { SAG_OPFOELGNING, SagOpfoelgningManager } from '../apps/api/src/process-managers/sag-opfoelgning.manager';
import { forberedSag, Klient, klient, sagEfter, Sekretaer } from './support/moeder';
import { eventsOf, headPosition, storeOf } from './support/store';
import { RunningApi, startApi } from './support/test-app';

describe('A follow-up the sag refuses does not stall the process manager', () => {
  let api: RunningApi;
  let klienten: Klient;
  let sekretaer: Sekretaer;
  let henlagt: string;
  let tilfoejet: number;

  beforeAll(async () => {
    api = await startApi();
    klienten = klient(api);
    sekretaer = new Sekretaer(klienten);
    const manager = api.app.get(SagOpfoelgningManager);
    henlagt = (await forberedSag(klienten, { titel: 'Henlægges imens', sagstype: 'orientering', sagsgang: ['Direktionen'] })).id;
    const moedeId = await sekretaer.indkald({ udvalg: 'Direktionen', start: '2020-05-04T09:00:00+02:00', medlemmer: [{ navn: 'Anne' }] });
    // The sag changes between the meeting event and its follow-up: the manager is held back meanwhile.
    await manager.stop();
    tilfoejet = (await sekretaer.post(`/moeder/${moedeId}/punkter`, { sagId: henlagt }, 201)).position as number;
    await request(api.url)
      .post(`/sager/${henlagt}/henlaeg`)
      .set(klienten.token('sagsbehandler'))
      .send({ begrundelse: 'Bortfaldet' })
      .expect(200);
    await manager.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('leaves the refusing sag as it is', async () => {
    const sag = await sagEfter(klienten, henlagt, tilfoejet);
    expect(sag.status).toBe('henlagt');
    expect((await eventsOf(api, `sag-${henlagt}`)).map((event) => event.type)).not.toContain('SagSatPaaDagsorden');
  });

  it('counts the refusal on /health with the position of the event it followed', async () => {
    await sagEfter(klienten, henlagt, tilfoejet);
    const health = await request(api.url).get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.processManagers).toEqual([
      expect.objectContaining({
        name: 'sag_opfoelgning',
        state: 'running',
        failures: 1,
        lastFailure: expect.objectContaining({
          position: tilfoejet,
          eventType: 'PunktTilfoejet',
          command: 'SaetPaaDagsorden',
          target: henlagt,
          error: expect.stringMatching(/^IllegalTransition/),
        }),
      }),
    ]);
  });

  it('goes on with later meeting events', async () => {
    const sag = await forberedSag(klienten, { titel: 'Kommer på dagsordenen', sagstype: 'orientering', sagsgang: ['Økonomiudvalget'] });
    const moedeId = await sekretaer.indkald({
      udvalg: 'Økonomiudvalget',
      start: '2020-05-05T17:00:00+02:00',
      medlemmer: [{ navn: 'Bent' }],
    });

    const { position } = await sekretaer.post(`/moeder/${moedeId}/punkter`, { sagId: sag.id }, 201);

    expect((await sagEfter(klienten, sag.id, position as number)).status).toBe('paa_dagsorden');
  });

  it('neither retries the refusal nor repeats a follow-up when it handles the whole log again', async () => {
    const manager = api.app.get(SagOpfoelgningManager);
    await manager.stop();
    api.app.get(ProcessManagerStore).saveCheckpoint(SAG_OPFOELGNING, { position: 0 });
    await manager.start();

    await request(api.url)
      .get(`/moeder?minPosition=${await headPosition(api)}`)
      .set(klienten.token('revisor'))
      .expect(200);

    expect(manager.failures().count).toBe(1);
    const events = await storeOf(api).readAll();
    expect(events.filter((event) => event.type === 'SagSatPaaDagsorden')).toHaveLength(1);
  });
});
