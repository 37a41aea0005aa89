import { Udfald } from './udfald';
import { Sagstype } from './sagstype';

export const SAG_STATUSES = ['ny', 'under_udarbejdelse', 'indstillet', 'paa_dagsorden', 'afgjort', 'henlagt', 'afsluttet'] as const;
export type SagStatus = (typeof SAG_STATUSES)[number];

export interface WorkflowRef {
  name: string;
  version: number;
}

export interface SagsfremstillingVersion {
  version: number;
  tekst: string;
  tidspunkt: string;
}

export interface Bilag {
  bilagId: string;
  titel: string;
  filnavn: string;
  medietype: string;
  /** Bytes. */
  stoerrelse: number;
  sha256: string;
  tidspunkt: string;
}

export interface Indstilling {
  /** 1 for the first indstilling; every revision or new indstilling counts up. */
  version: number;
  art: 'givet' | 'revideret';
  /** Who recommends, e.g. "Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,". */
  indstiller: string;
  /** The at-clauses in order, without their numbers. */
  atPunkter: string[];
  tidspunkt: string;
}

/** One udvalg's treatment of the sag at one meeting. */
export interface Behandling {
  udvalg: string;
  moedeId: string;
  /** The meeting's date: when the beslutning took effect. */
  moedeDato: string;
  udfald: Udfald;
  beslutningstekst: string;
}

export interface Dagsordenplacering {
  moedeId: string;
  udvalg: string;
  punktnummer: number;
}

/** What every sag that exists has, whatever its status. */
export interface SagData {
  id: string;
  sagsnummer: string;
  titel: string;
  journalnummer: string;
  sagstype: Sagstype;
  /** Udvalg in order; the last holds kompetence. */
  sagsgang: string[];
  /** Index into sagsgang of the udvalg the sag is with or heading for. */
  trin: number;
  ansvarligEnhed: string;
  workflow: WorkflowRef;
  oprettet: string;
  anledning: string | null;
  sagsfremstillinger: SagsfremstillingVersion[];
  bilag: Bilag[];
  /** Every indstilling given or revised, oldest first; the last is the current one. */
  indstillinger: Indstilling[];
  behandlinger: Behandling[];
}

export type SagState =
  | { status: 'ny' }
  | (SagData & { status: 'under_udarbejdelse' })
  | (SagData & { status: 'indstillet'; indstilling: Indstilling; afventerUdvalg: string })
  | (SagData & { status: 'paa_dagsorden'; indstilling: Indstilling; dagsorden: Dagsordenplacering })
  | (SagData & { status: 'afgjort'; indstilling: Indstilling; afgoerelse: Behandling })
  | (SagData & { status: 'henlagt'; begrundelse: string; henlagt: string })
  | (SagData & { status: 'afsluttet'; afsluttet: string });

export type ExistingSag = Exclude<SagState, { status: 'ny' }>;
export type SagIn<S extends SagStatus> = Extract<SagState, { status: S }>;

export const initialState: SagState = { status: 'ny' };

/** The common fields alone, so a status change never drags along another status's fields. */
export function sagData(sag: ExistingSag): SagData {
  const { id, sagsnummer, titel, journalnummer, sagstype, sagsgang, trin, ansvarligEnhed, workflow, oprettet } = sag;
  const { anledning, sagsfremstillinger, bilag, indstillinger, behandlinger } = sag;
  return {
    id,
    sagsnummer,
    titel,
    journalnummer,
    sagstype,
    sagsgang,
    trin,
    ansvarligEnhed,
    workflow,
    oprettet,
    anledning,
    sagsfremstillinger,
    bilag,
    indstillinger,
    behandlinger,
  };
}

export function aktueltUdvalg(sag: SagData): string {
  return sag.sagsgang[sag.trin];
}

export function gaeldendeIndstilling(sag: SagData): Indstilling | null {
  return sag.indstillinger.at(-1) ?? null;
}

/**
 * Narrows the state for code that the workflow guard (in decide) or the stream
 * itself (in evolve) has already confined to these statuses; failing here is a
 * bug or a corrupt stream, never a user error.
 */
export function inStatus<S extends SagStatus>(state: SagState, statuses: readonly S[], context: string): SagIn<S> {
  if ((statuses as readonly SagStatus[]).includes(state.status)) return state as SagIn<S>;
  throw new Error(`${context} cannot apply to a sag in status ${state.status}`);
}

export const EXISTING: readonly ExistingSag['status'][] = SAG_STATUSES.filter((status): status is ExistingSag['status'] => status !== 'ny');
