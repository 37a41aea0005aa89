import { Role, ROLES } from '@sagsgang/kernel';
import { Klient } from './moeder';
import { aabentMoede, GYLDIG_SAG, GYLDIGT_MOEDE, moedeI, sagI } from './tilstande';
import { Principal } from './tokens';

/**
 * Who may call which route: the table the access matrix tests
 * (test/access*.e2e.spec.ts) check every route of the OpenAPI document against.
 */
const SAGSBEHANDLING: readonly Role[] = ['sagsbehandler', 'admin'];
const MOEDELEDELSE: readonly Role[] = ['sekretaer', 'admin'];
const REVISION: readonly Role[] = ['revisor', 'admin'];
const ALLE: readonly Role[] = ROLES;

export interface Adgang {
  /** The roles that get `status`; any other role gets 403. */
  roles: readonly Role[];
  status: number;
  /** Without a token; 401 unless said. */
  anonym?: number;
  /** With a token that is refused (expired, forged, …); 401 unless said. */
  ugyldigtToken?: number;
}

/** The status a principal gets from a route. */
export function forventet(adgang: Adgang, principal: Principal): number {
  if (principal === 'anonym') return adgang.anonym ?? 401;
  if (!(ROLES as readonly string[]).includes(principal)) return adgang.ugyldigtToken ?? 401;
  return adgang.roles.includes(principal as Role) ? adgang.status : 403;
}

/** What the read routes are called on: a published meeting with an åbent and a lukket punkt. */
export interface LaeseFixtur {
  moedeId: string;
  lukketSag: { id: string; titel: string; bilagId: string };
  aabenSag: { id: string; titel: string };
}

export interface Laesning extends Adgang {
  url: (fixtur: LaeseFixtur) => string;
  /** LukketPunktLaest events an allowed role's read appends (it shows the lukket punkt's content). */
  lukketLaest: number;
}

export const OFFENTLIG = { roles: ALLE, status: 200, anonym: 200 } as const;

export const LAESNINGER: Record<string, Laesning> = {
  'GET /health': { ...OFFENTLIG, url: () => '/health', lukketLaest: 0 },
  'GET /health/live': { ...OFFENTLIG, url: () => '/health/live', lukketLaest: 0 },
  'GET /health/ready': { ...OFFENTLIG, url: () => '/health/ready', lukketLaest: 0 },
  'GET /metrics': { roles: ['admin'], status: 200, url: () => '/metrics', lukketLaest: 0 },
  'GET /sager': { roles: ALLE, status: 200, url: (f) => `/sager?q=${encodeURIComponent(f.lukketSag.titel)}`, lukketLaest: 1 },
  'GET /sager/{id}': { roles: ALLE, status: 200, url: (f) => `/sager/${f.lukketSag.id}`, lukketLaest: 1 },
  'GET /sager/{id}/bilag/{bilagId}': {
    roles: ALLE,
    status: 200,
    url: (f) => `/sager/${f.lukketSag.id}/bilag/${f.lukketSag.bilagId}`,
    lukketLaest: 1,
  },
  'GET /sager/{id}/historik': {
    roles: ['sagsbehandler', 'revisor', 'admin'],
    status: 200,
    url: (f) => `/sager/${f.lukketSag.id}/historik`,
    lukketLaest: 1,
  },
  'GET /moeder': { roles: ALLE, status: 200, url: () => '/moeder', lukketLaest: 0 },
  'GET /moeder/{id}': { roles: ALLE, status: 200, url: (f) => `/moeder/${f.moedeId}`, lukketLaest: 1 },
  // The public version of a sent dagsorden and a published referat; see the public rule in access.e2e.spec.ts.
  'GET /moeder/{id}/dagsorden': { ...OFFENTLIG, url: (f) => `/moeder/${f.moedeId}/dagsorden`, lukketLaest: 1 },
  'GET /moeder/{id}/referat': { ...OFFENTLIG, url: (f) => `/moeder/${f.moedeId}/referat`, lukketLaest: 1 },
  'GET /moeder/{id}/referat/godkendt': { roles: ALLE, status: 200, url: (f) => `/moeder/${f.moedeId}/referat/godkendt`, lukketLaest: 1 },
  'GET /moeder/{id}/historik': {
    roles: ['sekretaer', 'revisor', 'admin'],
    status: 200,
    url: (f) => `/moeder/${f.moedeId}/historik`,
    lukketLaest: 1,
  },
  'GET /offentlig/forside': { ...OFFENTLIG, url: () => '/offentlig/forside', lukketLaest: 0 },
  'GET /offentlig/moeder': { ...OFFENTLIG, url: () => '/offentlig/moeder', lukketLaest: 0 },
  'GET /offentlig/moeder/{id}': { ...OFFENTLIG, url: (f) => `/offentlig/moeder/${f.moedeId}`, lukketLaest: 0 },
  // The lukket punkt's bilag is not public for anyone, token or not.
  'GET /offentlig/moeder/{id}/punkter/{nr}/bilag/{bilagId}': {
    roles: ALLE,
    status: 404,
    anonym: 404,
    url: (f) => `/offentlig/moeder/${f.moedeId}/punkter/2/bilag/${f.lukketSag.bilagId}`,
    lukketLaest: 0,
  },
  'GET /offentlig/soeg': { ...OFFENTLIG, url: () => '/offentlig/soeg?q=medarbejder', lukketLaest: 0 },
  'GET /offentlig/kalender.ics': { ...OFFENTLIG, url: () => '/offentlig/kalender.ics', lukketLaest: 0 },
  'GET /offentlig/udvalg/{udvalg}/kalender.ics': {
    ...OFFENTLIG,
    url: () => `/offentlig/udvalg/${encodeURIComponent('Økonomiudvalget')}/kalender.ics`,
    lukketLaest: 0,
  },
  'GET /offentlig/referater.rss': { ...OFFENTLIG, url: () => '/offentlig/referater.rss', lukketLaest: 0 },
  'GET /offentlig/referater.atom': { ...OFFENTLIG, url: () => '/offentlig/referater.atom', lukketLaest: 0 },
  'GET /audit/verify': { roles: REVISION, status: 200, url: () => '/audit/verify', lukketLaest: 0 },
  'GET /audit/export': { roles: REVISION, status: 200, url: (f) => `/audit/export?stream=moede-${f.moedeId}`, lukketLaest: 0 },
  'GET /audit/sagsnumre': { roles: REVISION, status: 200, url: () => '/audit/sagsnumre?aar=26', lukketLaest: 0 },
  'GET /audit/adgangslog': { roles: REVISION, status: 200, url: (f) => `/audit/adgangslog?moedeId=${f.moedeId}`, lukketLaest: 0 },
};

/** Not in the OpenAPI document, which they serve: public for everyone, whatever token comes along. */
export const DOKUMENTATION: Record<string, Laesning> = {
  'GET /docs': { ...OFFENTLIG, ugyldigtToken: 200, url: () => '/docs', lukketLaest: 0 },
  'GET /docs/openapi.json': { ...OFFENTLIG, ugyldigtToken: 200, url: () => '/docs/openapi.json', lukketLaest: 0 },
};

export interface Skrivning extends Adgang {
  /** A fresh target in a state where the command succeeds, and a valid body (a Buffer: a PDF file as the body itself). */
  maal: (klient: Klient) => Promise<{ url: string; body: object }>;
}

const sag = (tilstand: Parameters<typeof sagI>[1], kommando: string, body: object = {}) => ({
  roles: SAGSBEHANDLING,
  status: 200,
  maal: async (klient: Klient) => ({ url: `/sager/${await sagI(klient, tilstand)}/${kommando}`, body }),
});
const moede = (tilstand: Parameters<typeof moedeI>[1], sti: string, body: object = {}, punkter = 1) => ({
  roles: MOEDELEDELSE,
  status: 200,
  maal: async (klient: Klient) => ({ url: `/moeder/${await moedeI(klient, tilstand, punkter)}/${sti}`, body }),
});
const PDF = Buffer.from('%PDF-1.4 bilag').toString('base64');

export const SKRIVNINGER: Record<string, Skrivning> = {
  'POST /sager': { roles: SAGSBEHANDLING, status: 201, maal: async () => ({ url: '/sager', body: GYLDIG_SAG }) },
  'POST /sager/{id}/anledning': sag('under_udarbejdelse', 'anledning', { tekst: 'Anledningen' }),
  'POST /sager/{id}/sagsfremstilling': sag('under_udarbejdelse', 'sagsfremstilling', { tekst: 'Fremstillingen' }),
  'POST /sager/{id}/bilag': sag('under_udarbejdelse', 'bilag', {
    titel: 'Plan',
    filnavn: 'plan.pdf',
    medietype: 'application/pdf',
    indhold: PDF,
  }),
  'POST /sager/{id}/bilag/fil': {
    roles: SAGSBEHANDLING,
    status: 200,
    maal: async (klient: Klient) => ({
      url: `/sager/${await sagI(klient, 'under_udarbejdelse')}/bilag/fil?titel=Plan&filnavn=plan.pdf`,
      body: Buffer.from('%PDF-1.4 bilag'),
    }),
  },
  'POST /sager/{id}/indstilling': sag('under_udarbejdelse', 'indstilling', {
    indstiller: 'Direktøren indstiller,',
    atPunkter: ['at sagen godkendes'],
  }),
  'POST /sager/{id}/henlaeg': sag('under_udarbejdelse', 'henlaeg', { begrundelse: 'Bortfaldet' }),
  'POST /sager/{id}/afslut': sag('afgjort', 'afslut'),
  'POST /sager/{id}/genoptag': sag('henlagt', 'genoptag', { begrundelse: 'Nye oplysninger' }),
  'POST /moeder': { roles: MOEDELEDELSE, status: 201, maal: async () => ({ url: '/moeder', body: GYLDIGT_MOEDE }) },
  'POST /moeder/{id}/udsend': moede('planlagt', 'udsend'),
  'POST /moeder/{id}/aabn': moede('dagsorden_udsendt', 'aabn'),
  'POST /moeder/{id}/aflys': moede('planlagt', 'aflys', { begrundelse: 'Ingen sager' }, 0),
  'POST /moeder/{id}/fravaer': moede('planlagt', 'fravaer', { medlem: 'Anne', art: 'afbud' }, 0),
  'POST /moeder/{id}/afgang': moede('dagsorden_udsendt', 'afgang', { medlem: 'Anne', efterPunkt: 1 }),
  'POST /moeder/{id}/haev': moede('i_gang', 'haev'),
  'POST /moeder/{id}/referat/godkend': moede('haevet', 'referat/godkend', { medlem: 'Anne' }),
  'POST /moeder/{id}/referat/offentliggoer': moede('referat_godkendt', 'referat/offentliggoer'),
  'POST /moeder/{id}/punkter': {
    roles: MOEDELEDELSE,
    status: 201,
    maal: async (klient) => ({
      url: `/moeder/${await moedeI(klient, 'planlagt', 0)}/punkter`,
      body: { sagId: await sagI(klient, 'indstillet') },
    }),
  },
  'POST /moeder/{id}/punkter/{nr}/flyt': moede('planlagt', 'punkter/2/flyt', { tilNr: 1 }, 2),
  'DELETE /moeder/{id}/punkter/{nr}': moede('planlagt', 'punkter/1', { begrundelse: 'Udsat' }),
  'POST /moeder/{id}/punkter/{nr}/marker': moede('planlagt', 'punkter/1/marker', { lukket: true, neutralTitel: 'Personalesag' }),
  'POST /moeder/{id}/punkter/{nr}/inhabilitet': moede('planlagt', 'punkter/1/inhabilitet', {
    medlem: 'Anne',
    begrundelse: 'Bestyrelsesmedlem',
  }),
  'POST /moeder/{id}/punkter/{nr}/beslutning': {
    roles: MOEDELEDELSE,
    status: 200,
    maal: async (klient) => ({
      url: `/moeder/${await aabentMoede(klient)}/punkter/1/beslutning`,
      body: { udfald: 'godkendt', beslutningstekst: 'Godkendt.' },
    }),
  },
  'POST /moeder/{id}/punkter/{nr}/protokoltilfoersel': moede('i_gang', 'punkter/1/protokoltilfoersel', {
    medlem: 'Carl',
    tekst: 'Carl er imod.',
  }),
};

/** `METHOD /path` of every operation in an OpenAPI document. */
export function operationer(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}
