import { fold, NotFound, ValidationFailed } from '@sagsgang/kernel';
import { deltagereIPunkt, hvorforIkkeDeltager, MoedeCommand, moedeDecider, MoedeEvent, MoedeState, tilstedevaerende } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { CHARLOTTE, command, historyIn, JOERGEN, LARS, PER, play } from '../src/testing/fixtures';

/** Fravær, afbud, afgang and inhabilitet: who takes part in what. */
const spec = deciderSpecification(moedeDecider);
const udsendt = historyIn('dagsorden_udsendt');
const stateOf = (events: MoedeEvent[]) => {
  const state: MoedeState = fold(moedeDecider, events);
  if (state.status === 'ny') throw new Error('expected a meeting');
  return state;
};
const refused = (history: MoedeEvent[], next: MoedeCommand, problems: unknown) =>
  spec
    .given(history)
    .when(next)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));
const fravaer = (data: Parameters<typeof command<'RegistrerFravaer'>>[1]) => command('RegistrerFravaer', data);

describe('fravær and afbud', () => {
  it('keeps fravær for the whole meeting on the meeting', () => {
    const state = stateOf(play([fravaer({ medlem: PER, art: 'afbud', punkter: null })], udsendt));
    expect(state.fravaer).toEqual([{ medlem: PER, art: 'afbud', tidspunkt: expect.any(String) }]);
    expect(tilstedevaerende(state)).toEqual([LARS, JOERGEN, CHARLOTTE]);
  });

  it('keeps fravær for named punkter on those punkter', () => {
    const state = stateOf(play([fravaer({ medlem: LARS, art: 'fravaer', punkter: [1, 3] })], udsendt));
    expect(state.punkter.map((punkt) => punkt.fravaer.map((f) => f.medlem))).toEqual([[LARS], [], [LARS]]);
    expect(deltagereIPunkt(state, state.punkter[0])).toEqual([JOERGEN, PER, CHARLOTTE]);
    expect(tilstedevaerende(state)).toContain(LARS);
  });

  it('refuses fravær twice for the whole meeting', () => {
    refused(play([fravaer({ punkter: null })], udsendt), fravaer({ art: 'fravaer', punkter: null }), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen er allerede registreret fraværende fra mødet (afbud)' },
    ]);
  });

  it('refuses fravær for a punkt from a member absent from the whole meeting', () => {
    refused(play([fravaer({ punkter: null })], udsendt), fravaer({ punkter: [2] }), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen er allerede registreret fraværende fra mødet (afbud)' },
    ]);
  });

  it('refuses fravær twice for the same punkt', () => {
    refused(play([fravaer({ punkter: [2] })], udsendt), fravaer({ punkter: [3, 2] }), [
      { field: 'punkter[1]', reason: 'Per Aalbæk Nielsen er allerede fraværende fra punkt 2' },
    ]);
  });

  it('refuses an empty or repeating list of punkter', () => {
    refused(udsendt, fravaer({ punkter: [] }), [{ field: 'punkter', reason: 'skal være null (hele mødet) eller nævne mindst ét punkt' }]);
    refused(udsendt, fravaer({ punkter: [2, 2] }), [{ field: 'punkter[1]', reason: '"2" står der mere end én gang' }]);
  });

  it('does not find a punkt that is not on the agenda', () => {
    spec
      .given(udsendt)
      .when(fravaer({ punkter: [9] }))
      .thenThrows(NotFound);
  });

  it('refuses fravær for a withdrawn punkt', () => {
    refused(play([command('FjernPunkt', { nr: 2 })], udsendt), fravaer({ punkter: [2] }), [
      { field: 'punkter[0]', reason: 'punkt 2 er trukket' },
    ]);
  });

  it('refuses someone who is not a member, and an unknown kind of fravær', () => {
    refused(udsendt, fravaer({ medlem: 'Steen Christiansen', art: 'syg' as never }), [
      {
        field: 'medlem',
        reason:
          'Steen Christiansen er ikke medlem af Direktionen ved dette møde; medlemmerne er Lars Holte, Jørgen Lerhard, Per Aalbæk Nielsen, Charlotte Markussen',
      },
      { field: 'art', reason: 'skal være en af afbud, fravaer' },
    ]);
  });
});

describe('afgang', () => {
  const gaaet = play([command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 1 })], udsendt);

  it('takes the member out of every later punkt, but not out of the meeting', () => {
    const state = stateOf(gaaet);
    expect(state.punkter.map((punkt) => hvorforIkkeDeltager(state, punkt, JOERGEN))).toEqual([
      null,
      'Jørgen Lerhard forlod mødet efter punkt 1',
      'Jørgen Lerhard forlod mødet efter punkt 1',
    ]);
    expect(tilstedevaerende(state)).toContain(JOERGEN);
  });

  it('refuses a second afgang', () => {
    refused(gaaet, command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 2 }), [
      { field: 'medlem', reason: 'Jørgen Lerhard forlod allerede mødet efter punkt 1' },
    ]);
  });

  it('refuses fravær for the whole meeting after an afgang', () => {
    refused(gaaet, fravaer({ medlem: JOERGEN, punkter: null }), [
      { field: 'medlem', reason: 'Jørgen Lerhard er registreret til stede indtil efter punkt 1' },
    ]);
  });

  it('refuses an afgang from a member absent from the whole meeting', () => {
    refused(play([fravaer({ punkter: null })], udsendt), command('RegistrerAfgang', { medlem: PER }), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen er fraværende fra hele mødet' },
    ]);
  });

  it('does not find the punkt after which the member left when it is not on the agenda', () => {
    spec
      .given(udsendt)
      .when(command('RegistrerAfgang', { efterPunkt: 5 }))
      .thenThrows(NotFound);
  });
});

describe('inhabilitet', () => {
  const inhabil = play([command('ErklaerInhabilitet')], historyIn('planlagt'));

  it('keeps the member and the reason on the punkt', () => {
    expect(stateOf(inhabil).punkter[0].inhabilitet).toEqual([
      { medlem: CHARLOTTE, begrundelse: 'Repræsentant i det rådgivende udvalg for bestyrelsen i DSI', tidspunkt: expect.any(String) },
    ]);
  });

  it('takes the member out of that punkt only', () => {
    const state = stateOf(inhabil);
    expect(state.punkter.map((punkt) => deltagereIPunkt(state, punkt).includes(CHARLOTTE))).toEqual([false, true, true]);
  });

  it('refuses a second declaration for the same punkt', () => {
    refused(inhabil, command('ErklaerInhabilitet'), [{ field: 'medlem', reason: 'Charlotte Markussen er allerede inhabil i punkt 1' }]);
  });

  it('refuses a declaration without a reason', () => {
    refused(historyIn('planlagt'), command('ErklaerInhabilitet', { begrundelse: '' }), [
      { field: 'begrundelse', reason: 'må ikke være tom' },
    ]);
  });
});
