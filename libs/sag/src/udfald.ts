/**
 * What an udvalg may record for a punkt. Identifiers are ASCII; the Danish text
 * for agendas and referater comes from UDFALD_TEKST.
 */
export const ALLE_UDFALD = [
  'godkendt',
  'godkendt_med_aendringer',
  'ikke_godkendt',
  'taget_til_efterretning',
  'droeftet',
  'anbefalet',
  'udsat',
  'tilbagesendt',
] as const;
export type Udfald = (typeof ALLE_UDFALD)[number];

export const UDFALD_TEKST: Readonly<Record<Udfald, string>> = {
  godkendt: 'Godkendt',
  godkendt_med_aendringer: 'Godkendt med ændringer',
  ikke_godkendt: 'Ikke godkendt',
  taget_til_efterretning: 'Taget til efterretning',
  droeftet: 'Drøftet',
  anbefalet: 'Anbefalet',
  udsat: 'Udsat',
  tilbagesendt: 'Tilbagesendt',
};

/**
 * Where a sag goes after an udfald:
 * - naeste_udvalg: on to the next udvalg in the sagsgang, awaiting its agenda;
 * - samme_udvalg: awaits another agenda of the same udvalg;
 * - administration: back for a new indstilling;
 * - afgjort: decided by the udvalg with kompetence.
 */
export const ROUTINGS = ['naeste_udvalg', 'samme_udvalg', 'administration', 'afgjort'] as const;
export type Routing = (typeof ROUTINGS)[number];

export function isUdfald(value: unknown): value is Udfald {
  return typeof value === 'string' && (ALLE_UDFALD as readonly string[]).includes(value);
}

export function isRouting(value: unknown): value is Routing {
  return typeof value === 'string' && (ROUTINGS as readonly string[]).includes(value);
}
