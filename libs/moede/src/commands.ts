import { Actor, everyMember } from '@sagsgang/kernel';
import { Udfald } from '@sagsgang/sag';
import { SagSnapshot } from './snapshot';
import { Afstemning, Fravaersart } from './state';

/**
 * What the app supplies with every command, because the domain is pure: the
 * actor from the verified token and the time. The meeting's rules are fixed
 * (MOEDE_WORKFLOW); what a sag allows travels in its snapshot on the agenda.
 */
export interface MoedeCommandMetadata {
  actor: Actor;
  /** ISO 8601 timestamp. */
  now: string;
}

interface Command<Type extends string, Data> {
  type: Type;
  data: Data & { moedeId: string };
  metadata: MoedeCommandMetadata;
}

type Intet = Record<never, never>;

export type IndkaldMoede = Command<
  'IndkaldMoede',
  {
    udvalg: string;
    /** ISO 8601 with offset, e.g. 2019-12-16T09:00:00+01:00. */
    start: string;
    sted: string;
    /** At least one; names are unique and are how later commands refer to a member. */
    medlemmer: { navn: string; parti: string | null }[];
    deltagere: string[];
    sekretaer: string;
  }
>;
export type AflysMoede = Command<'AflysMoede', { begrundelse: string }>;

/**
 * `sag` is the snapshot the app built with `sagSnapshot` from the sag's own
 * stream, or null when there is no such sag: the decider then answers 404,
 * but only after the caller's role and the meeting are checked.
 */
export type TilfoejPunkt = Command<
  'TilfoejPunkt',
  { sagId: string; sag: SagSnapshot | null; lukket: boolean; neutralTitel: string | null }
>;
/** Moves punkt `nr` to position `tilNr`; the others close up. Only before the dagsorden is sent. */
export type FlytPunkt = Command<'FlytPunkt', { nr: number; tilNr: number }>;
/** Before sending the punkt is removed and the rest renumbered; after, it is marked trukket and keeps its number. */
export type FjernPunkt = Command<'FjernPunkt', { nr: number; begrundelse: string | null }>;
export type MarkerPunkt = Command<'MarkerPunkt', { nr: number; lukket: boolean; neutralTitel: string | null }>;
export type UdsendDagsorden = Command<'UdsendDagsorden', Intet>;
export type AabnMoede = Command<'AabnMoede', Intet>;

/** `punkter: null` is fravær for the whole meeting; else for the punkter with these numbers. */
export type RegistrerFravaer = Command<'RegistrerFravaer', { medlem: string; art: Fravaersart; punkter: number[] | null }>;
export type RegistrerAfgang = Command<'RegistrerAfgang', { medlem: string; efterPunkt: number }>;
export type ErklaerInhabilitet = Command<'ErklaerInhabilitet', { nr: number; medlem: string; begrundelse: string }>;

export type RegistrerBeslutning = Command<
  'RegistrerBeslutning',
  { nr: number; udfald: Udfald; beslutningstekst: string; afstemning: Afstemning | null }
>;
export type TilfoejProtokoltilfoersel = Command<'TilfoejProtokoltilfoersel', { nr: number; medlem: string; tekst: string }>;
export type HaevMoede = Command<'HaevMoede', Intet>;

/**
 * One member's approval of the referat. `referatSha256` is the sha256 of the
 * rendered referat text (without signatures); every member must approve the same text.
 */
export type GodkendReferat = Command<'GodkendReferat', { medlem: string; referatSha256: string }>;
export type OffentliggoerReferat = Command<'OffentliggoerReferat', Intet>;

export type MoedeCommand =
  | IndkaldMoede
  | AflysMoede
  | TilfoejPunkt
  | FlytPunkt
  | FjernPunkt
  | MarkerPunkt
  | UdsendDagsorden
  | AabnMoede
  | RegistrerFravaer
  | RegistrerAfgang
  | ErklaerInhabilitet
  | RegistrerBeslutning
  | TilfoejProtokoltilfoersel
  | HaevMoede
  | GodkendReferat
  | OffentliggoerReferat;

export type MoedeCommandType = MoedeCommand['type'];

export const MOEDE_COMMAND_TYPES = everyMember<MoedeCommandType>()([
  'IndkaldMoede',
  'AflysMoede',
  'TilfoejPunkt',
  'FlytPunkt',
  'FjernPunkt',
  'MarkerPunkt',
  'UdsendDagsorden',
  'AabnMoede',
  'RegistrerFravaer',
  'RegistrerAfgang',
  'ErklaerInhabilitet',
  'RegistrerBeslutning',
  'TilfoejProtokoltilfoersel',
  'HaevMoede',
  'GodkendReferat',
  'OffentliggoerReferat',
]);
