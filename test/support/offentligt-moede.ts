import request from 'supertest';
import { forberedSag, Klient, Sekretaer } from './moeder';

/** Every text of the lukket punkt: none may reach the public. */
export const HEMMELIG = {
  titel: 'Afskedigelse af medarbejder Q',
  anledning: 'Fortrolig anledning om medarbejder Q',
  sagsfremstilling: 'Fortrolig sagsfremstilling om Q',
  bilag: 'Fortroligt notat om Q',
  beslutning: 'Medarbejder Q afskediges.',
  neutralTitel: 'Personalesag',
};

export const AABENT = {
  titel: 'Budgetopfølgning 3. kvartal for skolerne',
  anledning: 'Budgetterne for skolerne er overskredet med 2,1 mio. kr.',
  sagsfremstilling: 'Skolernes forbrug af vikarer er steget.\n\n- Vikarer: 1,4 mio. kr.\n- Vedligehold: 0,7 mio. kr.',
  bilag: 'Budgetnotat om skolerne',
  beslutning: 'Udvalget tog budgetopfølgningen til efterretning og bad om en handleplan.',
};

export const KOMMENDE = {
  titel: 'Anlægsbevilling til cykelstier langs Ringvejen',
  anledning: 'Byrådet har afsat midler til sikre skoleveje.',
  sagsfremstilling: 'Cykelstierne anlægges i 2026 og 2027.',
  bilag: 'Kort over cykelstierne',
};

export const UDVALG = 'Børne- og Skoleudvalget';

export interface OffentligeMoeder {
  /** Held, referat approved by Anne and published: an open punkt with a bilag and a lukket one with its own. */
  afholdt: string;
  /** Dagsorden sent, a week ahead. */
  kommende: string;
  /** Called but not sent: not public. */
  planlagt: string;
  /** The last position of the set-up, for minPosition. */
  position: number;
}

/** Two days ago and a week ahead, on the hour, in UTC. */
const omDage = (dage: number) =>
  new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + dage * 86_400_000).toISOString().replace('.000Z', 'Z');

/** The meetings a citizen finds, built through the real API as the caseworker and the secretary would. */
export async function offentligeMoeder(api: Klient): Promise<OffentligeMoeder> {
  const sekretaer = new Sekretaer(api);
  const sag = (spec: typeof KOMMENDE, sagstype: string, udvalg = UDVALG) =>
    forberedSag(api, { ...spec, bilag: [spec.bilag], sagstype, sagsgang: [udvalg] }).then(({ id }) => id);
  const aabent = await sag(AABENT, 'orientering');
  const lukket = await sag(HEMMELIG, 'beslutning');
  const cykelstier = await sag(KOMMENDE, 'beslutning', 'Økonomiudvalget');
  const medlemmer = [
    { navn: 'Anne Hansen', parti: 'A' },
    { navn: 'Bo Jensen', parti: 'V' },
  ];

  const afholdt = await sekretaer.indkald({ udvalg: UDVALG, start: omDage(-2), sted: 'Rådhuset, mødelokale 2', medlemmer });
  await sekretaer.tilfoej(afholdt, aabent);
  await sekretaer.tilfoej(afholdt, lukket, { lukket: true, neutralTitel: HEMMELIG.neutralTitel });
  await sekretaer.aabn(afholdt);
  await sekretaer.post(`/moeder/${afholdt}/fravaer`, { medlem: 'Bo Jensen', art: 'afbud' });
  await sekretaer.beslut(afholdt, 1, 'taget_til_efterretning', AABENT.beslutning);
  await sekretaer.beslut(afholdt, 2, 'godkendt', HEMMELIG.beslutning);
  await sekretaer.afslut(afholdt, ['Anne Hansen']);

  const kommende = await sekretaer.indkald({ udvalg: 'Økonomiudvalget', start: omDage(7), sted: 'Rådhuset, byrådssalen', medlemmer });
  await sekretaer.tilfoej(kommende, cykelstier);
  await sekretaer.post(`/moeder/${kommende}/udsend`);
  const planlagt = await sekretaer.indkald({ udvalg: 'Teknik- og Miljøudvalget', start: omDage(14), medlemmer });

  const { body } = await request(api.url).get(`/moeder/${planlagt}`).set(api.token('revisor')).expect(200);
  return { afholdt, kommende, planlagt, position: body.position as number };
}
