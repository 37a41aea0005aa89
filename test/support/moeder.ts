import request from 'supertest';
import { Role } from '@sagsgang/kernel';
import { escapeHtml } from '@sagsgang/referat';
import { SeedMoede, SeedPunkt, seedPunktTilApi } from '../fixtures/seed-moeder';
import { bearer } from './auth';
import type { RunningApi } from './test-app';

/** Where to send requests and as whom: a RunningApi, or a child process's URL with tokens made for it. */
export interface Klient {
  url: string;
  token(role: Role, userId?: string): { Authorization: string };
}

export interface SagSpec {
  titel: string;
  journalnummer?: string;
  sagstype: string;
  sagsgang: string[];
  anledning?: string;
  sagsfremstilling?: string | null;
  bilag?: string[];
  indstilling?: { indstiller: string; atPunkter: string[] };
}

/** A sag taken by the caseworker from creation to a given indstilling; returns its id and the last position. */
export async function forberedSag(api: Klient, spec: SagSpec): Promise<{ id: string; sagsnummer: string; position: number }> {
  const sagsbehandler = api.token('sagsbehandler');
  const post = (path: string, body: object, status = 200) => request(api.url).post(path).set(sagsbehandler).send(body).expect(status);
  const created = await post(
    '/sager',
    {
      titel: spec.titel,
      journalnummer: spec.journalnummer ?? '00.01.00',
      sagstype: spec.sagstype,
      sagsgang: spec.sagsgang,
      ansvarligEnhed: 'BYC',
    },
    201,
  );
  const id = created.body.id as string;
  await post(`/sager/${id}/anledning`, { tekst: spec.anledning ?? `Anledningen til ${spec.titel}` });
  if (spec.sagsfremstilling) await post(`/sager/${id}/sagsfremstilling`, { tekst: spec.sagsfremstilling });
  for (const [index, titel] of (spec.bilag ?? []).entries()) {
    const indhold = Buffer.from(`%PDF-1.4 ${titel}`).toString('base64');
    await post(`/sager/${id}/bilag`, { titel, filnavn: `bilag-${index + 1}.pdf`, medietype: 'application/pdf', indhold });
  }
  const indstilling = spec.indstilling ?? { indstiller: 'Direktøren indstiller,', atPunkter: ['at sagen godkendes'] };
  const given = await post(`/sager/${id}/indstilling`, indstilling);
  return { id, sagsnummer: created.body.sagsnummer as string, position: given.body.position as number };
}

/** The sag of one seed punkt, exactly as the seed prints its texts. */
export function seedSag(punkt: SeedPunkt): SagSpec {
  const api = seedPunktTilApi(punkt);
  return { ...api.opret, anledning: api.anledning, sagsfremstilling: api.sagsfremstilling, bilag: api.bilag, indstilling: api.indstilling };
}

export interface MoedeSpec {
  udvalg: string;
  start: string;
  sted?: string;
  medlemmer: { navn: string; parti?: string }[];
  deltagere?: string[];
  sekretaer?: string;
}

/** The sekretær's side of a meeting over HTTP: every call expects success and returns the body. */
export class Sekretaer {
  constructor(
    private readonly api: Klient,
    private readonly userId = 'sekretaer-1',
  ) {}

  get headers() {
    return this.api.token('sekretaer', this.userId);
  }

  async indkald(spec: MoedeSpec): Promise<string> {
    const body = { sted: 'Mødelokale B105', deltagere: [], sekretaer: 'Kathrine Seier Skaastrup', ...spec };
    return (await this.post('/moeder', body, 201)).id as string;
  }

  /** Adds the sag as the next punkt and returns its number. */
  async tilfoej(moedeId: string, sagId: string, punkt: { lukket?: boolean; neutralTitel?: string } = {}): Promise<number> {
    return (await this.post(`/moeder/${moedeId}/punkter`, { sagId, ...punkt }, 201)).nr as number;
  }

  /** Sends and opens the meeting. */
  async aabn(moedeId: string): Promise<void> {
    await this.post(`/moeder/${moedeId}/udsend`);
    await this.post(`/moeder/${moedeId}/aabn`);
  }

  /** Returns the position of the beslutning, to wait for the sag's routing with. */
  async beslut(moedeId: string, nr: number, udfald: string, beslutningstekst = `Beslutningen er ${udfald}.`): Promise<number> {
    return (await this.post(`/moeder/${moedeId}/punkter/${nr}/beslutning`, { udfald, beslutningstekst })).position as number;
  }

  /** Closes the meeting, lets each member present approve, and publishes the referat. */
  async afslut(moedeId: string, tilstede: string[]): Promise<void> {
    await this.post(`/moeder/${moedeId}/haev`);
    for (const medlem of tilstede) await this.post(`/moeder/${moedeId}/referat/godkend`, { medlem });
    await this.post(`/moeder/${moedeId}/referat/offentliggoer`);
  }

  async post(path: string, body: object = {}, status = 200): Promise<Record<string, unknown>> {
    const response = await request(this.api.url).post(path).set(this.headers).send(body);
    if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
}

/** The sag after the process manager has followed the meetings up to `position`. */
export async function sagEfter(api: Klient, sagId: string, position: number) {
  const response = await request(api.url).get(`/sager/${sagId}?minPosition=${position}`).set(api.token('revisor')).expect(200);
  return response.body;
}

export const SEED_000_TILSTEDE = 'Steen Christiansen';

/** A seed meeting as the API's IndkaldMoede; seed 000 prints neither a present member nor a sekretær, so both are made up. */
export function seedMoedeSpec(moede: SeedMoede): MoedeSpec {
  const fravaerende = moede.fravaerende.map(({ navn, parti }) => ({ navn, ...(parti ? { parti } : {}) }));
  const medlemmer = moede.medlemmer.length > 0 ? moede.medlemmer : [{ navn: SEED_000_TILSTEDE }, ...fravaerende];
  return {
    udvalg: moede.udvalg,
    start: moede.start,
    sted: moede.sted,
    medlemmer,
    deltagere: moede.deltagere,
    sekretaer: moede.sekretaer ?? 'Sekretariatet',
  };
}

/** The first expected piece that is missing from `text` after the previous one, or null when all are there in order. */
export function manglerIRaekkefoelge(text: string, pieces: readonly string[]): string | null {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at < 0) return `${text.includes(piece) ? 'out of order' : 'missing'}: ${piece.slice(0, 100)}`;
    from = at + piece.length;
  }
  return null;
}

/** What each format makes of a plain piece of text, so the same pieces can be looked for in all three. */
export const somFormat: Record<
  'text' | 'markdown' | 'html',
  { accept: string; piece: (text: string) => string; document: (body: string) => string }
> = {
  text: { accept: 'text/plain', piece: (text) => text, document: (body) => body },
  // Markdown escapes structure characters in user text; compare without the escapes.
  markdown: { accept: 'text/markdown', piece: (text) => text, document: (body) => body.replace(/\\([\\`*_<[\]#>+=|~.)-])/g, '$1') },
  html: { accept: 'text/html', piece: escapeHtml, document: (body) => body },
};

/** A Klient for an API started in this process. */
export function klient(api: { url: string; dataDir: string }): Klient {
  return { url: api.url, token: (role, userId) => bearer(api as RunningApi, role, userId) };
}
