import { fold } from '@sagsgang/kernel';
import { aktueltUdvalg, evolve, gaeldendeIndstilling, initialState, isSagEventType, SagEvent, sagDecider, SagState } from '../src';
import { command, historyIn, NOW, play, prepared, SAG_ID, SAGSGANG, treatment } from '../src/testing/fixtures';

const stateOf = (events: SagEvent[]): SagState => fold(sagDecider, events);
const existing = (state: SagState) => {
  if (state.status === 'ny') throw new Error('expected an existing sag');
  return state;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evolve', () => {
  it('starts a sag under udarbejdelse at the first udvalg of its sagsgang', () => {
    expect(stateOf(historyIn('under_udarbejdelse'))).toMatchObject({
      status: 'under_udarbejdelse',
      id: SAG_ID,
      trin: 0,
      sagsgang: SAGSGANG,
      workflow: { name: 'politisk', version: 1 },
      oprettet: NOW,
      anledning: null,
      behandlinger: [],
    });
  });

  it('never changes the state or event it is given', () => {
    const events = historyIn('afsluttet').map(deepFreeze);
    expect(() => events.reduce((state, event) => deepFreeze(evolve(state, event)), deepFreeze(initialState))).not.toThrow();
  });

  it('keeps every version of the sagsfremstilling', () => {
    const state = existing(
      stateOf(
        play([command('OpretSag'), command('SkrivSagsfremstilling', { tekst: 'A' }), command('SkrivSagsfremstilling', { tekst: 'B' })]),
      ),
    );
    expect(state.sagsfremstillinger.map(({ version, tekst }) => [version, tekst])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
  });

  it('keeps the indstilling given and each revision, the last being the current one', () => {
    const state = stateOf(play([command('ReviderIndstilling', { atPunkter: ['at sagen udsættes'] })], historyIn('indstillet')));
    expect(existing(state).indstillinger.map(({ version, art }) => [version, art])).toEqual([
      [1, 'givet'],
      [2, 'revideret'],
    ]);
    expect(state).toMatchObject({ status: 'indstillet', indstilling: { version: 2, atPunkter: ['at sagen udsættes'] } });
  });

  it('drops the agenda placement when the sag is withdrawn', () => {
    const state = stateOf(play([command('TraekFraDagsorden')], historyIn('paa_dagsorden')));
    expect(state).not.toHaveProperty('dagsorden');
  });

  it('keeps the begrundelse of a henlæggelse', () => {
    expect(stateOf(historyIn('henlagt'))).toMatchObject({ status: 'henlagt', begrundelse: 'Projektet er opgivet', henlagt: NOW });
  });

  it('resumes a shelved sag at the udvalg it had reached', () => {
    const shelved = play([...prepared(), ...treatment('Direktionen', 'anbefalet'), command('HenlaegSag'), command('GenoptagSag')]);
    expect(stateOf(shelved)).toMatchObject({ status: 'under_udarbejdelse', trin: 1 });
  });

  it('refuses an event that cannot happen in the current status: the stream is corrupt', () => {
    const event: SagEvent = { type: 'SagAfsluttet', data: { sagId: SAG_ID, tidspunkt: NOW } };
    expect(() => evolve(initialState, event)).toThrow('SagAfsluttet cannot apply to a sag in status ny');
  });
});

describe('state helpers', () => {
  it('name the udvalg the sag is with', () => {
    expect(aktueltUdvalg(existing(stateOf(play([...treatment('Direktionen', 'anbefalet')], historyIn('indstillet')))))).toBe(
      'Økonomiudvalget',
    );
  });

  it('give no current indstilling before one is given', () => {
    expect(gaeldendeIndstilling(existing(stateOf(historyIn('under_udarbejdelse'))))).toBeNull();
  });

  it('tell sag event types from others', () => {
    expect([isSagEventType('SagAfgjort'), isSagEventType('MoedeIndkaldt')]).toEqual([true, false]);
  });
});
