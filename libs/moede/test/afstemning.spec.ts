import { ValidationFailed } from '@sagsgang/kernel';
import { MoedeCommand, moedeDecider, MoedeEvent } from '../src';
import { deciderSpecification } from '../src/testing/decider-specification';
import { beslut, CHARLOTTE, command, historyIn, JOERGEN, LARS, PER, play, SEKRETAER } from '../src/testing/fixtures';

/** Who may vote on a punkt, and who may have a dissent recorded. */
const spec = deciderSpecification(moedeDecider);
const aabent = historyIn('i_gang');
const vote = (afstemning: { for?: string[]; imod?: string[]; undlod?: string[] }, nr = 2) =>
  beslut(nr, { afstemning: { for: [], imod: [], undlod: [], ...afstemning } });
const refused = (history: MoedeEvent[], next: MoedeCommand, problems: unknown) =>
  spec
    .given(history)
    .when(next)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));

describe('a vote', () => {
  it('records for, imod and undlod by name', () => {
    spec
      .given(aabent)
      .when(vote({ for: [LARS, JOERGEN], imod: [PER], undlod: [CHARLOTTE] }))
      .thenState((state) => {
        expect(state.status === 'i_gang' && state.punkter[1].beslutning?.afstemning).toEqual({
          for: [LARS, JOERGEN],
          imod: [PER],
          undlod: [CHARLOTTE],
        });
      });
  });

  it('refuses a vote by an inhabil member', () => {
    const inhabil = play([command('ErklaerInhabilitet', { nr: 2, medlem: CHARLOTTE })], aabent);
    refused(inhabil, vote({ for: [LARS, CHARLOTTE] }), [
      { field: 'afstemning.for[1]', reason: 'Charlotte Markussen is inhabil in punkt 2 and cannot vote on it' },
    ]);
  });

  it('refuses a vote by a member absent from the meeting', () => {
    const afbud = play([command('RegistrerFravaer', { medlem: PER, art: 'afbud', punkter: null })], historyIn('dagsorden_udsendt'));
    const open = play([command('AabnMoede')], afbud);
    refused(open, vote({ imod: [PER] }), [
      { field: 'afstemning.imod[0]', reason: 'Per Aalbæk Nielsen is absent from the meeting (afbud) and cannot vote on it' },
    ]);
  });

  it('refuses a vote by a member absent from this punkt', () => {
    const fravaer = play([command('RegistrerFravaer', { medlem: LARS, art: 'fravaer', punkter: [2] })], aabent);
    refused(fravaer, vote({ undlod: [LARS] }), [
      { field: 'afstemning.undlod[0]', reason: 'Lars Holte is absent from punkt 2 (fravaer) and cannot vote on it' },
    ]);
  });

  it('refuses a vote by a member who left before the punkt', () => {
    const gaaet = play([command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 1 })], aabent);
    refused(gaaet, vote({ for: [JOERGEN] }), [
      { field: 'afstemning.for[0]', reason: 'Jørgen Lerhard left after punkt 1 and cannot vote on it' },
    ]);
  });

  it('accepts a vote by a member who leaves after this punkt', () => {
    const gaaetEfter = play([command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 2 })], aabent);
    spec
      .given(gaaetEfter)
      .when(vote({ for: [JOERGEN] }))
      .thenMatches([expect.objectContaining({ type: 'BeslutningRegistreret' })]);
  });

  it('refuses a vote by someone who is not a member, such as the sekretær', () => {
    refused(aabent, vote({ for: [SEKRETAER] }), [
      { field: 'afstemning.for[0]', reason: 'Kathrine Seier Skaastrup is not a member of Direktionen at this meeting' },
    ]);
  });

  it('refuses a member voting twice', () => {
    refused(aabent, vote({ for: [LARS], imod: [LARS] }), [{ field: 'afstemning.imod[0]', reason: 'Lars Holte votes more than once' }]);
  });

  it('refuses a vote that names no voter', () => {
    refused(aabent, vote({}), [{ field: 'afstemning', reason: 'names no voter; give null when no vote was taken' }]);
  });
});

describe('attendance cannot contradict a vote', () => {
  it('refuses fravær for the whole meeting from a member who voted', () => {
    refused(aabent, command('RegistrerFravaer', { medlem: PER, punkter: null }), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen voted on punkt 1 and so was present' },
    ]);
  });

  it('refuses fravær from a punkt the member voted on', () => {
    refused(aabent, command('RegistrerFravaer', { medlem: PER, art: 'fravaer', punkter: [1] }), [
      { field: 'punkter[0]', reason: 'Per Aalbæk Nielsen voted on punkt 1 and so was present' },
    ]);
  });

  it('refuses an afgang before a punkt the member voted on', () => {
    const stemt = play([vote({ for: [LARS] }, 3)], aabent);
    refused(stemt, command('RegistrerAfgang', { medlem: LARS, efterPunkt: 2 }), [
      { field: 'efterPunkt', reason: 'Lars Holte voted on punkt 3, after punkt 2' },
    ]);
  });

  it('refuses inhabilitet declared after the punkt is decided', () => {
    refused(aabent, command('ErklaerInhabilitet', { nr: 1 }), [
      { field: 'nr', reason: 'punkt 1 is already decided; inhabilitet must be declared before the decision' },
    ]);
  });
});

describe('a protokoltilførsel', () => {
  const tilfoersel = (medlem: string, nr = 1) => command('TilfoejProtokoltilfoersel', { nr, medlem, tekst: 'Jeg er uenig.' });

  it('is recorded for a member outvoted', () => {
    spec
      .given(aabent)
      .when(tilfoersel(PER))
      .thenState((state) => {
        expect(state.status === 'i_gang' && state.punkter[0].protokoltilfoersler).toEqual([
          { medlem: PER, tekst: 'Jeg er uenig.', tidspunkt: '2019-12-16T09:30:00+01:00' },
        ]);
      });
  });

  it('is refused from a member of the majority', () => {
    refused(aabent, tilfoersel(LARS), [
      {
        field: 'medlem',
        reason:
          'Lars Holte voted for on punkt 1, and the proposal was carried; only a member outvoted may have a protokoltilførsel recorded',
      },
    ]);
  });

  it('is refused from a member who did not vote', () => {
    const delvis = play([vote({ for: [LARS, JOERGEN], imod: [PER] })], aabent);
    refused(delvis, tilfoersel(CHARLOTTE, 2), [
      {
        field: 'medlem',
        reason: 'Charlotte Markussen did not vote on punkt 2; only a member outvoted may have a protokoltilførsel recorded',
      },
    ]);
  });

  it('is refused from a member who abstained', () => {
    const undlod = play([vote({ for: [LARS, JOERGEN], imod: [PER], undlod: [CHARLOTTE] })], aabent);
    spec
      .given(undlod)
      .when(tilfoersel(CHARLOTTE, 2))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems[0].reason).toMatch(/^Charlotte Markussen abstained on punkt 2;/);
      });
  });

  it('on a tie goes to those who voted for: the proposal falls', () => {
    const lige = play([vote({ for: [LARS, JOERGEN], imod: [PER, CHARLOTTE] })], aabent);
    spec
      .given(lige)
      .when(tilfoersel(LARS, 2))
      .thenMatches([expect.objectContaining({ type: 'ProtokoltilfoerselTilfoejet' })]);
    spec.given(lige).when(tilfoersel(PER, 2)).thenThrows(ValidationFailed);
  });

  it('is refused on a punkt decided without a vote', () => {
    refused(play([beslut(2)], aabent), tilfoersel(PER, 2), [
      { field: 'nr', reason: 'punkt 2 has no recorded vote, so no member was outvoted' },
    ]);
  });

  it('is refused on a punkt not yet decided', () => {
    refused(aabent, tilfoersel(PER, 2), [{ field: 'nr', reason: 'punkt 2 has no beslutning yet' }]);
  });

  it('is recorded once per member and punkt', () => {
    refused(play([tilfoersel(PER)], aabent), tilfoersel(PER), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen already has a protokoltilførsel on punkt 1' },
    ]);
  });
});
