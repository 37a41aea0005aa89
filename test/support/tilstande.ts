import request from 'supertest';
import { forberedSag, Klient, sagEfter, Sekretaer } from './moeder';

/**
 * Sager and møder brought over HTTP into a given state, so a command that
 * state allows can be sent to them. Every builder makes a new one: a
 * command that succeeds moves its target on.
 */
export const UDVALG = 'Direktionen';
export const MEDLEMMER = ['Anne', 'Bent', 'Carl'];

export type SagTilstand = 'under_udarbejdelse' | 'indstillet' | 'henlagt' | 'afgjort';
export type MoedeTilstand = 'planlagt' | 'dagsorden_udsendt' | 'i_gang' | 'haevet' | 'referat_godkendt' | 'offentliggjort';

export const GYLDIG_SAG = {
  titel: 'Tilstandssag',
  journalnummer: '00.01.00',
  sagstype: 'beslutning',
  sagsgang: [UDVALG],
  ansvarligEnhed: 'BYC',
};
export const GYLDIGT_MOEDE = {
  udvalg: UDVALG,
  start: '2030-01-07T09:00:00+01:00',
  sted: 'B105',
  medlemmer: MEDLEMMER.map((navn) => ({ navn })),
  sekretaer: 'K',
};

let loebenummer = 0;

export async function sagI(klient: Klient, tilstand: SagTilstand, titel = `Tilstandssag ${++loebenummer}`): Promise<string> {
  const sagsbehandler = klient.token('sagsbehandler');
  if (tilstand === 'indstillet') return (await forberedSag(klient, { titel, sagstype: 'beslutning', sagsgang: [UDVALG] })).id;
  if (tilstand === 'afgjort') {
    const sagId = await sagI(klient, 'indstillet', titel);
    const sekretaer = new Sekretaer(klient);
    const moedeId = await sekretaer.indkald(GYLDIGT_MOEDE);
    await sekretaer.tilfoej(moedeId, sagId);
    await sekretaer.aabn(moedeId);
    const position = await sekretaer.beslut(moedeId, 1, 'godkendt');
    const sag = await sagEfter(klient, sagId, position);
    if (sag.status !== 'afgjort') throw new Error(`sag ${sagId} is ${sag.status} after its beslutning`);
    return sagId;
  }
  const sagId = (
    await request(klient.url)
      .post('/sager')
      .set(sagsbehandler)
      .send({ ...GYLDIG_SAG, titel })
      .expect(201)
  ).body.id as string;
  if (tilstand === 'henlagt')
    await request(klient.url).post(`/sager/${sagId}/henlaeg`).set(sagsbehandler).send({ begrundelse: 'Bortfaldet' }).expect(200);
  return sagId;
}

/**
 * A meeting of UDVALG with MEDLEMMER, `punkter` indstillede sager on its
 * agenda, taken to `tilstand`. From i_gang on every punkt is decided
 * (godkendt, Anne and Bent for, Carl against), so Carl may add a
 * protokoltilførsel.
 */
export async function moedeI(klient: Klient, tilstand: MoedeTilstand, punkter = 1): Promise<string> {
  const sekretaer = new Sekretaer(klient);
  const moedeId = await sekretaer.indkald(GYLDIGT_MOEDE);
  for (let i = 0; i < punkter; i++) await sekretaer.tilfoej(moedeId, await sagI(klient, 'indstillet'));
  const trin: MoedeTilstand[] = ['planlagt', 'dagsorden_udsendt', 'i_gang', 'haevet', 'referat_godkendt', 'offentliggjort'];
  const maal = trin.indexOf(tilstand);
  if (maal >= 1) await sekretaer.post(`/moeder/${moedeId}/udsend`);
  if (maal >= 2) {
    await sekretaer.post(`/moeder/${moedeId}/aabn`);
    for (let nr = 1; nr <= punkter; nr++) {
      await sekretaer.post(`/moeder/${moedeId}/punkter/${nr}/beslutning`, {
        udfald: 'godkendt',
        beslutningstekst: 'Godkendt.',
        afstemning: { for: ['Anne', 'Bent'], imod: ['Carl'], undlod: [] },
      });
    }
  }
  if (maal >= 3) await sekretaer.post(`/moeder/${moedeId}/haev`);
  if (maal >= 4) for (const medlem of MEDLEMMER) await sekretaer.post(`/moeder/${moedeId}/referat/godkend`, { medlem });
  if (maal >= 5) await sekretaer.post(`/moeder/${moedeId}/referat/offentliggoer`);
  return moedeId;
}

/** A meeting open for beslutninger, its punkter not yet decided. */
export async function aabentMoede(klient: Klient, punkter = 1): Promise<string> {
  const moedeId = await moedeI(klient, 'dagsorden_udsendt', punkter);
  await new Sekretaer(klient).post(`/moeder/${moedeId}/aabn`);
  return moedeId;
}
