import { fold, IllegalTransition, NotFound, ValidationFailed } from '@sagsgang/kernel';
import { MoedeEvent, moedeDecider, MoedeState } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { AGENDA, beslut, CHARLOTTE, command, historyIn, NOW, play } from '../src/testing/fixtures';
import { sagIdFor, snapshot } from '../src/testing/sager';

const spec = deciderSpecification(moedeDecider);
const stateOf = (events: MoedeEvent[]): MoedeState => fold(moedeDecider, events);
const sagId = (nr: number) => sagIdFor(AGENDA[nr - 1].sagsnummer);
/** The agenda as "nr: sagsnummer", with the marks a reader of the referat sees. */
const agendaOf = (events: MoedeEvent[]) => {
  const state = stateOf(events);
  if (state.status === 'ny') return [];
  return state.punkter.map((p) => `${p.nr}: ${p.sag.sagsnummer}${p.supplerende ? ' supplerende' : ''}${p.trukket ? ' trukket' : ''}`);
};

describe('numbering before the dagsorden is sent', () => {
  it('numbers the punkter 1..n in the order they were added', () => {
    expect(agendaOf(historyIn('planlagt'))).toEqual(['1: 19/18529', '2: 19/4767', '3: 18/8420']);
  });

  it('moving a punkt forward renumbers the others', () => {
    expect(agendaOf(play([command('FlytPunkt', { nr: 3, tilNr: 1 })], historyIn('planlagt')))).toEqual([
      '1: 18/8420',
      '2: 19/18529',
      '3: 19/4767',
    ]);
  });

  it('moving a punkt back renumbers the others', () => {
    expect(agendaOf(play([command('FlytPunkt', { nr: 1, tilNr: 3 })], historyIn('planlagt')))).toEqual([
      '1: 19/4767',
      '2: 18/8420',
      '3: 19/18529',
    ]);
  });

  it('removing a punkt closes the gap', () => {
    expect(agendaOf(play([command('FjernPunkt', { nr: 1 })], historyIn('planlagt')))).toEqual(['1: 19/4767', '2: 18/8420']);
  });

  it('a punkt keeps its inhabilitet and fravær when it moves', () => {
    const events = play(
      [command('ErklaerInhabilitet', { nr: 3 }), command('RegistrerFravaer', { punkter: [3] }), command('FlytPunkt', { nr: 3, tilNr: 1 })],
      historyIn('planlagt'),
    );
    const state = stateOf(events);
    expect(state.status === 'planlagt' && state.punkter[0]).toMatchObject({
      nr: 1,
      sag: { sagId: sagId(3) },
      inhabilitet: [{ medlem: CHARLOTTE }],
      fravaer: [{ medlem: 'Per Aalbæk Nielsen' }],
    });
  });

  it('refuses a move to a position past the end', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('FlytPunkt', { nr: 1, tilNr: 4 }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual([{ field: 'tilNr', reason: 'dagsordenen har 3 punkter' }]));
  });

  it('refuses a move to where the punkt already is', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('FlytPunkt', { nr: 2, tilNr: 2 }))
      .thenThrows(ValidationFailed);
  });

  it('does not find a punkt that is not on the agenda', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('FlytPunkt', { nr: 7, tilNr: 1 }))
      .thenThrows(NotFound, (error) => expect(error.what).toBe('punkt'));
  });
});

describe('numbering once the dagsorden is sent', () => {
  const udsendt = historyIn('dagsorden_udsendt');

  it('gives a supplementary punkt the next number and marks it supplerende', () => {
    expect(agendaOf(play([command('TilfoejPunkt')], udsendt))).toEqual([
      '1: 19/18529',
      '2: 19/4767',
      '3: 18/8420',
      '4: 14/26479 supplerende',
    ]);
  });

  it('keeps the number of a withdrawn punkt and marks it trukket', () => {
    expect(agendaOf(play([command('FjernPunkt', { nr: 2 })], udsendt))).toEqual(['1: 19/18529', '2: 19/4767 trukket', '3: 18/8420']);
  });

  it('records why and when a punkt was withdrawn', () => {
    const state = stateOf(play([command('FjernPunkt', { nr: 2, begrundelse: 'Sagen afventer ny udviklingsplan' })], udsendt));
    expect(state).toMatchObject({ punkter: [{}, { trukket: { begrundelse: 'Sagen afventer ny udviklingsplan', tidspunkt: NOW } }, {}] });
  });

  it('never gives a withdrawn number to a supplementary punkt', () => {
    const events = play([command('FjernPunkt', { nr: 3 }), command('TilfoejPunkt')], udsendt);
    expect(agendaOf(events)).toEqual(['1: 19/18529', '2: 19/4767', '3: 18/8420 trukket', '4: 14/26479 supplerende']);
  });

  it('lets a withdrawn sag come back as a supplementary punkt', () => {
    const events = play([command('FjernPunkt', { nr: 3 }), command('TilfoejPunkt', { sag: snapshot(AGENDA[2]) })], udsendt);
    expect(agendaOf(events)).toEqual(['1: 19/18529', '2: 19/4767', '3: 18/8420 trukket', '4: 18/8420 supplerende']);
  });

  it.each(['dagsorden_udsendt', 'i_gang'] as const)('refuses to reorder in %s', (status) => {
    spec
      .given(historyIn(status))
      .when(command('FlytPunkt', { nr: 3, tilNr: 1 }))
      .thenThrows(IllegalTransition, (error) => expect(error.allowedCommands).not.toContain('FlytPunkt'));
  });

  it('refuses to withdraw a punkt twice', () => {
    spec
      .given(play([command('FjernPunkt', { nr: 2 })], udsendt))
      .when(command('FjernPunkt', { nr: 2 }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual([{ field: 'nr', reason: 'punkt 2 er trukket' }]));
  });

  it('refuses to withdraw a punkt that is decided: its beslutning has gone to the sag', () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('FjernPunkt', { nr: 1 }))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems[0].reason).toBe('punkt 1 har en beslutning og kan ikke længere trækkes');
      });
  });

  it('refuses a beslutning on a withdrawn punkt', () => {
    const trukket = play([command('FjernPunkt', { nr: 3 })], historyIn('i_gang'));
    spec.given(trukket).when(beslut(3)).thenThrows(ValidationFailed);
  });

  it('does not need a beslutning on a withdrawn punkt to close the meeting', () => {
    const events = play([command('FjernPunkt', { nr: 3 }), beslut(2)], historyIn('i_gang'));
    spec
      .given(events)
      .when(command('HaevMoede'))
      .thenMatches([expect.objectContaining({ type: 'MoedeHaevet' })]);
  });
});

describe('åbne and lukkede punkter', () => {
  it('adds a lukket punkt with the neutral title the public sees', () => {
    const events = play([command('TilfoejPunkt', { lukket: true, neutralTitel: 'Personalesag' })], historyIn('planlagt'));
    expect(stateOf(events)).toMatchObject({ punkter: [{}, {}, {}, { lukket: true, neutralTitel: 'Personalesag' }] });
  });

  it('refuses a neutral title on an åbent punkt', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('MarkerPunkt', { nr: 1, lukket: false, neutralTitel: 'Personalesag' }))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([{ field: 'neutralTitel', reason: 'kun et lukket punkt har en neutral titel' }]);
      });
  });

  it('marks a lukket punkt åbent again, dropping its neutral title', () => {
    const events = play(
      [command('MarkerPunkt', { nr: 3 }), command('MarkerPunkt', { nr: 3, lukket: false, neutralTitel: null })],
      historyIn('planlagt'),
    );
    expect(stateOf(events)).toMatchObject({ punkter: [{}, {}, { lukket: false, neutralTitel: null }] });
  });

  it('refuses to mark a punkt once the meeting is open', () => {
    spec.given(historyIn('i_gang')).when(command('MarkerPunkt')).thenThrows(IllegalTransition);
  });
});

describe('sending the dagsorden', () => {
  it('refuses an empty dagsorden', () => {
    spec
      .given(play([command('IndkaldMoede')]))
      .when(command('UdsendDagsorden'))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems).toEqual([{ field: 'punkter', reason: 'dagsordenen har ingen punkter' }]),
      );
  });

  it('records when it was sent', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('UdsendDagsorden', {}, { now: '2019-12-10T12:00:00+01:00' }))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'dagsorden_udsendt', udsendt: '2019-12-10T12:00:00+01:00' });
      });
  });
});
