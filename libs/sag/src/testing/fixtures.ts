import { Actor, Role, play as playCommands } from '@sagsgang/kernel';
import { CommandMetadata, SagCommand, SagCommandType } from '../commands';
import { sagDecider } from '../decider';
import { SagEvent } from '../events';
import { Udfald } from '../udfald';
import { SagStatus } from '../state';
import { POLITISK_V1 } from '../workflow/politisk';

export const SAG_ID = '4d1c9a52-6b1e-4f7a-9c3e-2f0d8a1b7e10';
export const NOW = '2019-12-01T10:00:00+01:00';
export const SAGSGANG = ['Direktionen', 'Økonomiudvalget', 'Byrådet'];
export const MOEDER: Record<string, { moedeId: string; moedeDato: string }> = {
  Direktionen: { moedeId: 'moede-direktionen-2019-12-16', moedeDato: '2019-12-16' },
  Økonomiudvalget: { moedeId: 'moede-oekonomiudvalget-2020-01-13', moedeDato: '2020-01-13' },
  Byrådet: { moedeId: 'moede-byraadet-2020-01-28', moedeDato: '2020-01-28' },
};
export const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function actor(role: Role): Actor {
  return { userId: `${role}-1`, role };
}

export function metadata(overrides: Partial<CommandMetadata> & { role?: Role } = {}): CommandMetadata {
  const { role = 'admin', ...rest } = overrides;
  return { actor: actor(role), now: NOW, workflow: POLITISK_V1, ...rest };
}

type CommandOf<T extends SagCommandType> = Extract<SagCommand, { type: T }>;
type DataOf<T extends SagCommandType> = CommandOf<T>['data'];

const direktionen = MOEDER['Direktionen'];

/** Data that is valid in the first state the default workflow allows each command in. */
export const DEFAULT_DATA: { [T in SagCommandType]: DataOf<T> } = {
  OpretSag: {
    sagId: SAG_ID,
    sagsnummer: '16/4711',
    titel: 'Borgerinddragelsesproces for nye seniorboliger',
    journalnummer: '02.00.00-A00-4-16',
    sagstype: 'beslutning',
    sagsgang: SAGSGANG,
    ansvarligEnhed: 'By & Miljø',
  },
  BeskrivAnledning: { sagId: SAG_ID, tekst: 'Etablering af nye almennyttige seniorboliger i Albertslund Kommune' },
  SkrivSagsfremstilling: {
    sagId: SAG_ID,
    tekst: 'For at skabe interesse for at flytte i seniorboliger tilrettelægges en borgerinddragelsesproces i to spor.',
  },
  VedhaeftBilag: {
    sagId: SAG_ID,
    bilagId: 'bilag-1',
    titel: 'Borgerinddragelsesproces seniorboliger',
    filnavn: 'borgerinddragelse.pdf',
    medietype: 'application/pdf',
    stoerrelse: 48213,
    sha256: SHA256,
  },
  GivIndstilling: {
    sagId: SAG_ID,
    indstiller: 'Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,',
    atPunkter: ['at processen godkendes'],
  },
  ReviderIndstilling: {
    sagId: SAG_ID,
    indstiller: 'Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,',
    atPunkter: ['at processen godkendes', 'at udgiften afholdes inden for rammen'],
  },
  HenlaegSag: { sagId: SAG_ID, begrundelse: 'Projektet er opgivet' },
  AfslutSag: { sagId: SAG_ID },
  GenoptagSag: { sagId: SAG_ID, begrundelse: 'Nye oplysninger i sagen' },
  SaetPaaDagsorden: { sagId: SAG_ID, moedeId: direktionen.moedeId, udvalg: 'Direktionen', punktnummer: 2 },
  TraekFraDagsorden: { sagId: SAG_ID, moedeId: direktionen.moedeId, begrundelse: null },
  RegistrerBeslutning: {
    sagId: SAG_ID,
    udvalg: 'Direktionen',
    ...direktionen,
    udfald: 'anbefalet',
    beslutningstekst: 'Anbefales over for Økonomiudvalget.',
  },
};

/** A command with default data; `data` overrides single fields, `meta` the actor, time or workflow. */
export function command<T extends SagCommandType>(
  type: T,
  data: Partial<DataOf<T>> = {},
  meta: Partial<CommandMetadata> & { role?: Role } = {},
): CommandOf<T> {
  return { type, data: { ...DEFAULT_DATA[type], ...data }, metadata: metadata(meta) } as CommandOf<T>;
}

/** Runs commands through the real decide and evolve; returns the events, the fixture for `given`. */
export function play(commands: SagCommand[], from: SagEvent[] = []): SagEvent[] {
  return playCommands(sagDecider, commands, from);
}

export const prepared = (opret: Partial<DataOf<'OpretSag'>> = {}): SagCommand[] => [
  command('OpretSag', opret),
  command('BeskrivAnledning'),
  command('SkrivSagsfremstilling'),
  command('GivIndstilling'),
];

/** The commands that put the sag on `udvalg`'s agenda and record `udfald` there. */
export function treatment(udvalg: string, udfald: Udfald, punktnummer = 1): SagCommand[] {
  const moede = MOEDER[udvalg];
  return [
    command('SaetPaaDagsorden', { udvalg, moedeId: moede.moedeId, punktnummer }),
    command('RegistrerBeslutning', { udvalg, ...moede, udfald, beslutningstekst: `${udvalg}: ${udfald}` }),
  ];
}

const passedAll = (): SagCommand[] => [
  ...prepared(),
  ...treatment('Direktionen', 'anbefalet'),
  ...treatment('Økonomiudvalget', 'anbefalet'),
  ...treatment('Byrådet', 'godkendt'),
];

/** A real history that leaves the sag in `status` (at Direktionen unless it had to go further). */
export function historyIn(status: SagStatus): SagEvent[] {
  const commands: Record<SagStatus, () => SagCommand[]> = {
    ny: () => [],
    under_udarbejdelse: () => [command('OpretSag')],
    indstillet: prepared,
    paa_dagsorden: () => [...prepared(), command('SaetPaaDagsorden')],
    afgjort: passedAll,
    henlagt: () => [command('OpretSag'), command('HenlaegSag')],
    afsluttet: () => [...passedAll(), command('AfslutSag')],
  };
  return play(commands[status]());
}

/** A prepared sag that has passed the udvalg before `udvalg` (anbefalet) and is on `udvalg`'s agenda. */
export function onAgendaOf(udvalg: string, opret: Partial<DataOf<'OpretSag'>> = {}): SagEvent[] {
  const sagsgang = opret.sagsgang ?? SAGSGANG;
  const passed = sagsgang.slice(0, sagsgang.indexOf(udvalg)).flatMap((earlier) => treatment(earlier, 'anbefalet'));
  return play([...prepared(opret), ...passed, command('SaetPaaDagsorden', { udvalg, moedeId: MOEDER[udvalg].moedeId })]);
}
