import { Udfald } from '@sagsgang/sag';
import { SagSnapshot } from './snapshot';

export const MOEDE_STATUSES = [
  'ny',
  'planlagt',
  'dagsorden_udsendt',
  'i_gang',
  'haevet',
  'referat_godkendt',
  'offentliggjort',
  'aflyst',
] as const;
export type MoedeStatus = (typeof MOEDE_STATUSES)[number];

export interface Medlem {
  navn: string;
  /** The party letter printed after the name, e.g. "Ø" in "Helge Bo Jensen (Ø)"; null when none. */
  parti: string | null;
}

/** Afbud is notice given beforehand; fravær is absence without notice. */
export const FRAVAERSARTER = ['afbud', 'fravaer'] as const;
export type Fravaersart = (typeof FRAVAERSARTER)[number];

export interface Fravaer {
  medlem: string;
  art: Fravaersart;
  tidspunkt: string;
}

/** A member who left after punkt `efterPunkt` takes no part in any later punkt. */
export interface Afgang {
  medlem: string;
  efterPunkt: number;
  tidspunkt: string;
}

export interface Inhabilitet {
  medlem: string;
  begrundelse: string;
  tidspunkt: string;
}

/** Members by name. Those not listed did not vote. */
export interface Afstemning {
  for: string[];
  imod: string[];
  undlod: string[];
}

export interface Beslutning {
  udfald: Udfald;
  beslutningstekst: string;
  afstemning: Afstemning | null;
  tidspunkt: string;
}

export interface Protokoltilfoersel {
  medlem: string;
  tekst: string;
  tidspunkt: string;
}

export interface Trukket {
  begrundelse: string | null;
  tidspunkt: string;
}

export interface Punkt {
  /** 1..n in agenda order; stable once the dagsorden is sent. */
  nr: number;
  sag: SagSnapshot;
  /** Lukket: the content is hidden from the public; that a beslutning exists is still published. */
  lukket: boolean;
  /** The title the public sees for a lukket punkt; null prints a generic one. */
  neutralTitel: string | null;
  /** Added after the dagsorden was sent. */
  supplerende: boolean;
  /** Withdrawn after the dagsorden was sent; the punkt keeps its number. */
  trukket: Trukket | null;
  beslutning: Beslutning | null;
  inhabilitet: Inhabilitet[];
  /** Fravær for this punkt only; fravær for the whole meeting is in MoedeData.fravaer. */
  fravaer: Fravaer[];
  protokoltilfoersler: Protokoltilfoersel[];
}

export interface Underskrift {
  medlem: string;
  /** The digest of the referat text this member approved. */
  referatSha256: string;
  tidspunkt: string;
}

/** What every meeting that exists has, whatever its status. */
export interface MoedeData {
  id: string;
  udvalg: string;
  /** ISO 8601 with offset. */
  start: string;
  sted: string;
  medlemmer: Medlem[];
  /** Others present, e.g. officials and guests; they take no part in votes. */
  deltagere: string[];
  sekretaer: string;
  punkter: Punkt[];
  /** Fravær for the whole meeting. */
  fravaer: Fravaer[];
  afgange: Afgang[];
  indkaldt: string;
}

/** Each step's timestamp and facts, carried into every later status. */
interface Udsendt {
  udsendt: string;
}
interface Aabnet extends Udsendt {
  aabnet: string;
}
interface Haevet extends Aabnet {
  haevet: string;
  /** The members present, who must each approve the referat. */
  underskrivere: string[];
  underskrifter: Underskrift[];
}
interface Godkendt extends Haevet {
  godkendt: string;
  referatSha256: string;
}
interface Offentliggjort extends Godkendt {
  offentliggjort: string;
}

export type MoedeState =
  | { status: 'ny' }
  | (MoedeData & { status: 'planlagt' })
  | (MoedeData & Udsendt & { status: 'dagsorden_udsendt' })
  | (MoedeData & Aabnet & { status: 'i_gang' })
  | (MoedeData & Haevet & { status: 'haevet' })
  | (MoedeData & Godkendt & { status: 'referat_godkendt' })
  | (MoedeData & Offentliggjort & { status: 'offentliggjort' })
  | (MoedeData & { status: 'aflyst'; udsendt: string | null; aflyst: string; begrundelse: string });

export type ExistingMoede = Exclude<MoedeState, { status: 'ny' }>;
export type MoedeIn<S extends MoedeStatus> = Extract<MoedeState, { status: S }>;

export const initialState: MoedeState = { status: 'ny' };

/**
 * Narrows the state for code that the workflow guard (in decide) or the stream
 * itself (in evolve) has already confined to these statuses; failing here is a
 * bug or a corrupt stream, never a user error.
 */
export function inStatus<S extends MoedeStatus>(state: MoedeState, statuses: readonly S[], context: string): MoedeIn<S> {
  if ((statuses as readonly MoedeStatus[]).includes(state.status)) return state as MoedeIn<S>;
  throw new Error(`${context} cannot apply to a møde in status ${state.status}`);
}

/** "Helge Bo Jensen (Ø)": the name as printed in a referat. */
export function medlemMedParti(medlem: Medlem): string {
  return medlem.parti === null ? medlem.navn : `${medlem.navn} (${medlem.parti})`;
}

/**
 * The date the meeting took place, as written in its start (local time when
 * the app gives the local offset): when its decisions took effect.
 */
export function moedeDato(moede: Pick<MoedeData, 'start'>): string {
  return moede.start.slice(0, 10);
}
