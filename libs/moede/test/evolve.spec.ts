import { fold } from '@sagsgang/kernel';
import {
  evolve,
  initialState,
  isMoedeEventType,
  MOEDE_EVENT_TYPES,
  MOEDE_STREAM_PREFIX,
  MoedeEvent,
  moedeDecider,
  moedeStreamName,
} from '../src';
import { command, historyIn, MOEDE_ID, NOW, play } from '../src/testing/fixtures';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * A history that passes through every event type: the agenda is reordered to
 * 18/8420, 19/18529, 19/4767; 19/18529 is removed before sending, 19/4767
 * (lukket) withdrawn after, and 14/26479 added as supplerende.
 */
const everything = (): MoedeEvent[] =>
  play(
    [
      command('FlytPunkt', { nr: 3, tilNr: 1 }),
      command('MarkerPunkt', { nr: 3 }),
      command('RegistrerFravaer', { punkter: [2] }),
      command('FjernPunkt', { nr: 2 }),
      command('UdsendDagsorden'),
      command('TilfoejPunkt'),
      command('FjernPunkt', { nr: 2 }),
      command('RegistrerAfgang', { medlem: 'Jørgen Lerhard', efterPunkt: 1 }),
      command('ErklaerInhabilitet', { nr: 3, medlem: 'Lars Holte' }),
      command('AabnMoede'),
      command('RegistrerBeslutning', {
        nr: 1,
        udfald: 'godkendt',
        beslutningstekst: 'Godkendt.',
        afstemning: { for: ['Lars Holte', 'Jørgen Lerhard'], imod: ['Per Aalbæk Nielsen'], undlod: [] },
      }),
      command('TilfoejProtokoltilfoersel', { nr: 1 }),
      command('RegistrerBeslutning', { nr: 3, udfald: 'anbefalet', beslutningstekst: 'Anbefales.', afstemning: null }),
      command('HaevMoede'),
      ...['Lars Holte', 'Jørgen Lerhard', 'Per Aalbæk Nielsen', 'Charlotte Markussen'].map((medlem) =>
        command('GodkendReferat', { medlem }),
      ),
      command('OffentliggoerReferat'),
    ],
    historyIn('planlagt'),
  );

describe('evolve', () => {
  it('is exercised here by every event type but MoedeAflyst, which has its own history', () => {
    const types = new Set([...everything(), ...historyIn('aflyst')].map((event) => event.type));
    expect([...types].sort()).toEqual([...MOEDE_EVENT_TYPES].sort());
  });

  it('never changes the state or event it is given', () => {
    for (const events of [everything(), historyIn('aflyst')]) {
      const frozen = events.map(deepFreeze);
      expect(() => frozen.reduce((state, event) => deepFreeze(evolve(state, event)), deepFreeze(initialState))).not.toThrow();
    }
  });

  it('ends with the punkter as the referat lists them', () => {
    const state = fold(moedeDecider, everything());
    const rows = state.status === 'offentliggjort' ? state.punkter : [];
    expect(
      rows.map(({ nr, sag, lukket, trukket, supplerende, beslutning }) => [
        nr,
        sag.sagsnummer,
        lukket,
        !!trukket,
        supplerende,
        beslutning?.udfald ?? null,
      ]),
    ).toEqual([
      [1, '18/8420', false, false, false, 'godkendt'],
      [2, '19/4767', true, true, false, null],
      [3, '14/26479', false, false, true, 'anbefalet'],
    ]);
  });

  it('fails loudly on an event the meeting could not have had: a corrupt stream', () => {
    const opened = { type: 'MoedeAabnet', data: { moedeId: MOEDE_ID, tidspunkt: NOW } } as const;
    expect(() => fold(moedeDecider, [...historyIn('planlagt'), opened])).toThrow('MoedeAabnet cannot apply to a møde in status planlagt');
  });

  it('fails loudly on an event naming a punkt that is not on the agenda', () => {
    const beslutning = historyIn('i_gang').at(-1)!;
    const elsewhere = { ...beslutning, data: { ...beslutning.data, nr: 9 } } as MoedeEvent;
    expect(() => fold(moedeDecider, [...historyIn('i_gang').slice(0, -1), elsewhere])).toThrow('names punkt 9');
  });
});

describe('stream and event names', () => {
  it('names the stream moede-<id>', () => {
    expect([MOEDE_STREAM_PREFIX, moedeStreamName('42')]).toEqual(['moede-', 'moede-42']);
  });

  it('tells meeting events from others', () => {
    expect([isMoedeEventType('BeslutningRegistreret'), isMoedeEventType('SagOprettet')]).toEqual([true, false]);
  });
});
