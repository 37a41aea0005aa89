import { issueToken } from '@sagsgang/auth';
import { Role } from '@sagsgang/kernel';

export type Headers = Record<string, string>;

export interface Tokens {
  /** One per caseworker; the load spreads over them. */
  sagsbehandlere: Headers[];
  sekretaer: Headers;
  admin: Headers;
}

export function tokens(secret: string, caseworkers: number): Tokens {
  const bearer = (role: Role, userId: string): Headers => ({ authorization: `Bearer ${issueToken(secret, { userId, role })}` });
  return {
    sagsbehandlere: Array.from({ length: caseworkers }, (_, i) => bearer('sagsbehandler', `sagsbehandler-${i + 1}`)),
    sekretaer: bearer('sekretaer', 'sekretaer-1'),
    admin: bearer('admin', 'admin-1'),
  };
}

export interface Seeded {
  /** Sager with an anledning and an indstilling, awaiting an agenda. */
  sagIds: string[];
  /** A meeting whose referat is published (one of its punkter lukket). */
  moedeId: string;
}

const UDVALG = 'Økonomiudvalget';
const MEDLEMMER = [
  { navn: 'Anne Andersen', parti: 'A' },
  { navn: 'Bo Berg', parti: 'V' },
  { navn: 'Cecilie Crone', parti: 'Ø' },
];

export function nySag(titel: string, sagsgang = [UDVALG, 'Byrådet'], sagstype = 'beslutning') {
  return { titel, journalnummer: '00.01.10-A21-3-15', sagstype, sagsgang, ansvarligEnhed: 'Økonomi og Personale' };
}

export const INDSTILLING = {
  indstiller: 'Direktøren for Økonomi og Personale indstiller,',
  atPunkter: ['at orienteringen tages til efterretning', 'at sagen sendes videre til Byrådet'],
};

class Client {
  constructor(private readonly url: string) {}

  async post(headers: Headers, path: string, body: object = {}): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`seed: POST ${path} → ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }
}

/** A caseworker's sag from creation to its indstilling. */
async function forberedSag(client: Client, caseworker: Headers, titel: string, sagsgang?: string[], sagstype?: string): Promise<string> {
  const { id } = await client.post(caseworker, '/sager', nySag(titel, sagsgang, sagstype));
  await client.post(caseworker, `/sager/${id}/anledning`, {
    tekst: `Anledningen til ${titel}: kvartalets budgetopfølgning viser et merforbrug.`,
  });
  await client.post(caseworker, `/sager/${id}/indstilling`, INDSTILLING);
  return String(id);
}

/** `count` sager (20 at a time) and one meeting taken all the way to a published referat. */
export async function seed(url: string, auth: Tokens, count: number): Promise<Seeded> {
  const client = new Client(url);
  const sagIds: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => i + j);
    sagIds.push(
      ...(await Promise.all(
        batch.map((n) => forberedSag(client, auth.sagsbehandlere[n % auth.sagsbehandlere.length], `Budgetopfølgning ${n + 1}`)),
      )),
    );
  }
  const punkter = [
    await forberedSag(client, auth.sagsbehandlere[0], 'Orientering om regnskab 2024', [UDVALG], 'orientering'),
    await forberedSag(client, auth.sagsbehandlere[0], 'Anlægsbevilling til ny skole', [UDVALG], 'beslutning'),
    await forberedSag(client, auth.sagsbehandlere[0], 'Personalesag', [UDVALG], 'beslutning'),
  ];
  const s = auth.sekretaer;
  const { id: moedeId } = await client.post(s, '/moeder', {
    udvalg: UDVALG,
    start: '2025-03-03T16:00:00+01:00',
    sted: 'Byrådssalen',
    medlemmer: MEDLEMMER,
    deltagere: ['Kommunaldirektøren'],
    sekretaer: 'Sekretariatet',
  });
  for (const sagId of punkter) await client.post(s, `/moeder/${moedeId}/punkter`, { sagId });
  await client.post(s, `/moeder/${moedeId}/punkter/3/marker`, { lukket: true, neutralTitel: 'Personalesag' });
  await client.post(s, `/moeder/${moedeId}/udsend`);
  await client.post(s, `/moeder/${moedeId}/aabn`);
  await client.post(s, `/moeder/${moedeId}/punkter/1/beslutning`, {
    udfald: 'taget_til_efterretning',
    beslutningstekst: 'Orienteringen blev taget til efterretning.',
  });
  await client.post(s, `/moeder/${moedeId}/punkter/2/beslutning`, {
    udfald: 'godkendt',
    beslutningstekst: 'Anlægsbevillingen blev godkendt.',
  });
  await client.post(s, `/moeder/${moedeId}/punkter/3/beslutning`, {
    udfald: 'godkendt',
    beslutningstekst: 'Indstillingen blev godkendt.',
  });
  await client.post(s, `/moeder/${moedeId}/haev`);
  for (const { navn } of MEDLEMMER) await client.post(s, `/moeder/${moedeId}/referat/godkend`, { medlem: navn });
  await client.post(s, `/moeder/${moedeId}/referat/offentliggoer`);
  return { sagIds, moedeId: String(moedeId) };
}
