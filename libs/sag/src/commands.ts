import { Actor, everyMember } from '@sagsgang/kernel';
import { Udfald } from './udfald';
import { Sagstype } from './sagstype';
import { WorkflowDefinition } from './workflow/definition';

/**
 * What the app supplies with every command, because the domain is pure: the
 * actor from the verified token, the time, and the workflow definition the sag
 * was created under (for OpretSag: the one it will be created under; null when
 * the sag's stream is empty, which the decider answers with a 404).
 */
export interface CommandMetadata {
  actor: Actor;
  /** ISO 8601 timestamp. */
  now: string;
  workflow: WorkflowDefinition | null;
}

interface Command<Type extends string, Data> {
  type: Type;
  data: Data & { sagId: string };
  metadata: CommandMetadata;
}

export type OpretSag = Command<
  'OpretSag',
  {
    /** Allocated by the app, `YY/løbenummer`. */
    sagsnummer: string;
    titel: string;
    /** KLE: `HH.GG.EE-Fnn-løbenr-YY` or `HH.GG.EE`. */
    journalnummer: string;
    sagstype: Sagstype;
    /** Udvalg in order, at least one, no repeats; the last holds kompetence. */
    sagsgang: string[];
    ansvarligEnhed: string;
  }
>;
export type BeskrivAnledning = Command<'BeskrivAnledning', { tekst: string }>;
export type SkrivSagsfremstilling = Command<'SkrivSagsfremstilling', { tekst: string }>;
export type VedhaeftBilag = Command<
  'VedhaeftBilag',
  { bilagId: string; titel: string; filnavn: string; medietype: string; stoerrelse: number; sha256: string }
>;
export type GivIndstilling = Command<'GivIndstilling', { indstiller: string; atPunkter: string[] }>;
export type ReviderIndstilling = Command<'ReviderIndstilling', { indstiller: string; atPunkter: string[] }>;
export type HenlaegSag = Command<'HenlaegSag', { begrundelse: string }>;
export type AfslutSag = Command<'AfslutSag', Record<never, never>>;
export type GenoptagSag = Command<'GenoptagSag', { begrundelse: string }>;
export type SaetPaaDagsorden = Command<'SaetPaaDagsorden', { moedeId: string; udvalg: string; punktnummer: number }>;
export type TraekFraDagsorden = Command<'TraekFraDagsorden', { moedeId: string; begrundelse: string | null }>;
export type RegistrerBeslutning = Command<
  'RegistrerBeslutning',
  {
    udvalg: string;
    moedeId: string;
    /** The meeting's date (YYYY-MM-DD or a full ISO timestamp): when the decision took effect. */
    moedeDato: string;
    udfald: Udfald;
    beslutningstekst: string;
  }
>;

export type SagCommand =
  | OpretSag
  | BeskrivAnledning
  | SkrivSagsfremstilling
  | VedhaeftBilag
  | GivIndstilling
  | ReviderIndstilling
  | HenlaegSag
  | AfslutSag
  | GenoptagSag
  | SaetPaaDagsorden
  | TraekFraDagsorden
  | RegistrerBeslutning;

export type SagCommandType = SagCommand['type'];

export const SAG_COMMAND_TYPES = everyMember<SagCommandType>()([
  'OpretSag',
  'BeskrivAnledning',
  'SkrivSagsfremstilling',
  'VedhaeftBilag',
  'GivIndstilling',
  'ReviderIndstilling',
  'HenlaegSag',
  'AfslutSag',
  'GenoptagSag',
  'SaetPaaDagsorden',
  'TraekFraDagsorden',
  'RegistrerBeslutning',
]);
