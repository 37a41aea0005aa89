import { fold } from '@sagsgang/kernel';
import { POLITISK_V1, SagCommand, sagDecider, SagEvent, Sagstype, SagState } from '@sagsgang/sag';
import { sagSnapshot, SagSnapshot } from '../snapshot';

/**
 * The sager of seed 001 (Direktionen, 16-12-2019) as the app would snapshot
 * them: each is created and given its indstilling through the real sag
 * decider. Sagsnumre and titler are the seed's; sagIds, journalnumre,
 * sagstyper and sagsgange are made up (the referat does not print them).
 */
export const SAG_NOW = '2019-12-01T10:00:00+01:00';

interface SagSpec {
  sagsnummer: string;
  titel: string;
  sagstype: Sagstype;
  sagsgang: readonly string[];
  /** Made up (00.01.00) unless given. */
  journalnummer?: string;
}

export const SEED_001_SAGER = {
  oevrigeSager: { sagsnummer: '19/227', titel: 'Øvrige sager 16-12-2019', sagstype: 'orientering', sagsgang: ['Direktionen'] },
  socialeInvesteringer: {
    sagsnummer: '19/18529',
    titel: 'Status sociale investeringer - dec 2019',
    sagstype: 'beslutning',
    sagsgang: ['Direktionen', 'Økonomiudvalget'],
  },
  charlottekvarteret: {
    sagsnummer: '19/4767',
    titel: 'Udviklingsgreb i Charlottekvarteret',
    sagstype: 'orientering',
    sagsgang: ['Direktionen'],
  },
  madproduktion: {
    sagsnummer: '19/23271',
    titel: 'Ophør af madproduktion i kulturhusene',
    sagstype: 'beslutning',
    sagsgang: ['Direktionen', 'Økonomiudvalget', 'Byrådet'],
  },
  vaekstregnskab: {
    sagsnummer: '14/26479',
    titel: 'Vækstregnskab 2019',
    sagstype: 'beslutning',
    sagsgang: ['Direktionen', 'Økonomiudvalget', 'Byrådet'],
  },
  handlingsplan: { sagsnummer: '18/8420', titel: 'Handlingsplan for vækstpolitik', sagstype: 'beslutning', sagsgang: ['Direktionen'] },
} as const satisfies Record<string, SagSpec>;

export const sagIdFor = (sagsnummer: string): string => `sag-id-${sagsnummer.replace('/', '-')}`;

export function sagCommand<T extends SagCommand['type']>(
  type: T,
  data: Omit<Extract<SagCommand, { type: T }>['data'], 'sagId'>,
  sagId: string,
) {
  const metadata = { actor: { userId: 'sagsbehandler-1', role: 'admin' as const }, now: SAG_NOW, workflow: POLITISK_V1 };
  return { type, data: { ...data, sagId }, metadata } as unknown as Extract<SagCommand, { type: T }>;
}

/** Runs sag commands through the real sag decider. */
export function playSag(commands: SagCommand[], from: SagEvent[] = []): SagEvent[] {
  const events = [...from];
  for (const command of commands) events.push(...sagDecider.decide(command, fold(sagDecider, events)));
  return events;
}

/** The events of a sag prepared by the administration: created, with a given indstilling. */
export function indstilletSag(spec: SagSpec): SagEvent[] {
  const sagId = sagIdFor(spec.sagsnummer);
  return playSag([
    sagCommand('OpretSag', { journalnummer: '00.01.00', ...spec, sagsgang: [...spec.sagsgang], ansvarligEnhed: 'BYC' }, sagId),
    sagCommand('GivIndstilling', { indstiller: 'Det indstilles,', atPunkter: ['at direktionen godkender indstillingen'] }, sagId),
  ]);
}

export function snapshotOf(events: SagEvent[]): SagSnapshot {
  const state: SagState = fold(sagDecider, events);
  if (state.status === 'ny') throw new Error('no sag in these events');
  return sagSnapshot(state, POLITISK_V1);
}

/** The snapshot of a sag that awaits Direktionen's agenda; `overrides` fake what the sag domain would not allow. */
export function snapshot(spec: SagSpec, overrides: Partial<SagSnapshot> = {}): SagSnapshot {
  return { ...snapshotOf(indstilletSag(spec)), ...overrides };
}
