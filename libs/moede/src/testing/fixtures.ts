import { Role, play as playCommands } from '@sagsgang/kernel';
import { MoedeCommand, MoedeCommandMetadata, MoedeCommandType } from '../commands';
import { moedeDecider } from '../decider';
import { MoedeEvent } from '../events';
import { MoedeStatus } from '../state';
import { MOEDE_WORKFLOW } from '../workflow/regler';
import { SEED_001_SAGER, snapshot } from './sager';

/** Seed 001: Direktionen, Mandag d. 16. december 2019 kl. 09:00, Mødelokale B105. */
export const MOEDE_ID = 'moede-direktionen-2019-12-16';
export const NOW = '2019-12-16T09:30:00+01:00';
export const LARS = 'Lars Holte';
export const JOERGEN = 'Jørgen Lerhard';
export const PER = 'Per Aalbæk Nielsen';
export const CHARLOTTE = 'Charlotte Markussen';
export const MEDLEMMER = [LARS, JOERGEN, PER, CHARLOTTE];
export const SEKRETAER = 'Kathrine Seier Skaastrup';
export const SHA256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
export const OTHER_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const DIREKTIONEN = {
  udvalg: 'Direktionen',
  start: '2019-12-16T09:00:00+01:00',
  sted: 'Mødelokale B105',
  medlemmer: MEDLEMMER.map((navn) => ({ navn, parti: null })),
  deltagere: [],
  sekretaer: SEKRETAER,
};

/** The default agenda: 1 needs Økonomiudvalget after Direktionen; Direktionen decides 2 and 3. */
export const AGENDA = [SEED_001_SAGER.socialeInvesteringer, SEED_001_SAGER.charlottekvarteret, SEED_001_SAGER.handlingsplan];
export const BESLUTNINGER = [
  {
    udfald: 'anbefalet',
    beslutningstekst:
      'Det blev aftalt, at der skal være en temadrøftelse i Økonomiudvalget om sociale investeringer, herefter tages stilling til det videre arbejde med sociale investeringer i administrationen.',
  },
  {
    udfald: 'taget_til_efterretning',
    beslutningstekst:
      'Taget til efterretning. Det blev aftalt, at det skal være tydeligt, at der med udviklingsplanen sker et skifte i profilen for området ifht. Nyt Fokus.',
  },
  { udfald: 'godkendt_med_aendringer', beslutningstekst: 'Godkendt med de faldne kommentarer.' },
] as const;
/** Punkt 1's vote in the default history of an open meeting: Per Aalbæk Nielsen is outvoted. */
export const AFSTEMNING_1 = { for: [LARS, JOERGEN, CHARLOTTE], imod: [PER], undlod: [] };

export function metadata(overrides: Partial<MoedeCommandMetadata> & { role?: Role } = {}): MoedeCommandMetadata {
  const { role = 'sekretaer', ...rest } = overrides;
  return { actor: { userId: `${role}-1`, role }, now: NOW, ...rest };
}

type CommandOf<T extends MoedeCommandType> = Extract<MoedeCommand, { type: T }>;
export type DataOf<T extends MoedeCommandType> = Omit<CommandOf<T>['data'], 'moedeId'>;

/** Data that is valid in `setupFor(type)`, a history in the first status the workflow allows the command in. */
export const DEFAULT_DATA: { [T in MoedeCommandType]: DataOf<T> } = {
  IndkaldMoede: DIREKTIONEN,
  AflysMoede: { begrundelse: 'Direktionen holder ikke møde i uge 51' },
  TilfoejPunkt: {
    sagId: snapshot(SEED_001_SAGER.vaekstregnskab).sagId,
    sag: snapshot(SEED_001_SAGER.vaekstregnskab),
    lukket: false,
    neutralTitel: null,
  },
  FlytPunkt: { nr: 3, tilNr: 1 },
  FjernPunkt: { nr: 2, begrundelse: null },
  MarkerPunkt: { nr: 3, lukket: true, neutralTitel: 'Intern sag' },
  UdsendDagsorden: {},
  AabnMoede: {},
  RegistrerFravaer: { medlem: PER, art: 'afbud', punkter: null },
  RegistrerAfgang: { medlem: JOERGEN, efterPunkt: 2 },
  ErklaerInhabilitet: { nr: 1, medlem: CHARLOTTE, begrundelse: 'Repræsentant i det rådgivende udvalg for bestyrelsen i DSI' },
  RegistrerBeslutning: { nr: 2, ...BESLUTNINGER[1], afstemning: null },
  TilfoejProtokoltilfoersel: { nr: 1, medlem: PER, tekst: 'Per Aalbæk Nielsen ønsker sagen behandlet i chefforum først.' },
  HaevMoede: {},
  GodkendReferat: { medlem: LARS, referatSha256: SHA256 },
  OffentliggoerReferat: {},
};

/** A command with default data; `data` overrides single fields, `meta` the role or time. */
export function command<T extends MoedeCommandType>(
  type: T,
  data: Partial<DataOf<T>> = {},
  meta: Partial<MoedeCommandMetadata> & { role?: Role } = {},
): CommandOf<T> {
  const merged: Record<string, unknown> = { moedeId: MOEDE_ID, ...DEFAULT_DATA[type], ...data };
  // A punkt's sag is named by its snapshot unless the test names another.
  if (type === 'TilfoejPunkt' && !('sagId' in data) && merged.sag) merged.sagId = (merged.sag as { sagId: string }).sagId;
  return { type, data: merged, metadata: metadata(meta) } as unknown as CommandOf<T>;
}

/** Runs commands through the real decide and evolve; returns the events, the fixture for `given`. */
export function play(commands: MoedeCommand[], from: MoedeEvent[] = []): MoedeEvent[] {
  return playCommands(moedeDecider, commands, from);
}

export const beslut = (nr: number, data: Partial<DataOf<'RegistrerBeslutning'>> = {}) =>
  command('RegistrerBeslutning', { nr, ...BESLUTNINGER[nr - 1], ...data });
export const godkend = (medlem: string, referatSha256 = SHA256) => command('GodkendReferat', { medlem, referatSha256 });

const planlagt = (): MoedeCommand[] => [command('IndkaldMoede'), ...AGENDA.map((sag) => command('TilfoejPunkt', { sag: snapshot(sag) }))];
const udsendt = () => [...planlagt(), command('UdsendDagsorden')];
const iGang = () => [...udsendt(), command('AabnMoede'), beslut(1, { afstemning: AFSTEMNING_1 })];
const haevet = () => [...iGang(), beslut(2), beslut(3), command('HaevMoede')];
const godkendt = () => [...haevet(), ...MEDLEMMER.map((medlem) => godkend(medlem))];

/** A real history that leaves the meeting in `status`. */
export function historyIn(status: MoedeStatus): MoedeEvent[] {
  const commands: Record<MoedeStatus, () => MoedeCommand[]> = {
    ny: () => [],
    planlagt,
    dagsorden_udsendt: udsendt,
    i_gang: iGang,
    haevet,
    referat_godkendt: godkendt,
    offentliggjort: () => [...godkendt(), command('OffentliggoerReferat')],
    aflyst: () => [...planlagt(), command('AflysMoede')],
  };
  return play(commands[status]());
}

export function firstStatusAllowing(type: MoedeCommandType): MoedeStatus {
  return MOEDE_WORKFLOW[type].from[0];
}

/** The history the default data of `type` is valid in. */
export function setupFor(type: MoedeCommandType): MoedeEvent[] {
  const history = historyIn(firstStatusAllowing(type));
  return type === 'HaevMoede' ? play([beslut(2), beslut(3)], history) : history;
}
