import { ValidationFailed } from '@sagsgang/kernel';
import { MoedeCommand, moedeDecider, MoedeEvent } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
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
      { field: 'afstemning.for[1]', reason: 'Charlotte Markussen er inhabil i punkt 2 og kan ikke stemme om det' },
    ]);
  });

  it('refuses a vote by a member absent from the meeting', () => {
    const afbud = play([command('RegistrerFravaer', { medlem: PER, art: 'afbud', punkter: null })], historyIn('dagsorden_udsendt'));
    const open = play([command('AabnMoede')], afbud);
    refused(open, vote({ imod: [PER] }), [
      { field: 'afstemning.imod[0]', reason: 'Per Aalbæk Nielsen er fraværende fra mødet (afbud) og kan ikke stemme om det' },
    ]);
  });

  it('refuses a vote by a member absent from this punkt', () => {
    const fravaer = play([command('RegistrerFravaer', { medlem: LARS, art: 'fravaer', punkter: [2] })], aabent);
    refused(fravaer, vote({ undlod: [LARS] }), [
      { field: 'afstemning.undlod[0]', reason: 'Lars Holte er fraværende fra punkt 2 (fravaer) og kan ikke stemme om det' },
    ]);
  });

  it('refuses a vote by a member who left before the punkt', () => {
    const gaaet = play([command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 1 })], aabent);
    refused(gaaet, vote({ for: [JOERGEN] }), [
      { field: 'afstemning.for[0]', reason: 'Jørgen Lerhard forlod mødet efter punkt 1 og kan ikke stemme om det' },
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
      {
        field: 'afstemning.for[0]',
        reason:
          'Kathrine Seier Skaastrup er ikke medlem af Direktionen ved dette møde; medlemmerne er Lars Holte, Jørgen Lerhard, Per Aalbæk Nielsen, Charlotte Markussen',
      },
    ]);
  });

  it('refuses a member voting twice', () => {
    refused(aabent, vote({ for: [LARS], imod: [LARS] }), [{ field: 'afstemning.imod[0]', reason: 'Lars Holte stemmer mere end én gang' }]);
  });

  it('refuses a vote that names no voter', () => {
    refused(aabent, vote({}), [{ field: 'afstemning', reason: 'nævner ingen, der stemte; giv null, når der ikke blev stemt' }]);
  });
});

describe('attendance cannot contradict a vote', () => {
  it('refuses fravær for the whole meeting from a member who voted', () => {
    refused(aabent, command('RegistrerFravaer', { medlem: PER, punkter: null }), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen stemte om punkt 1 og var altså til stede' },
    ]);
  });

  it('refuses fravær from a punkt the member voted on', () => {
    refused(aabent, command('RegistrerFravaer', { medlem: PER, art: 'fravaer', punkter: [1] }), [
      { field: 'punkter[0]', reason: 'Per Aalbæk Nielsen stemte om punkt 1 og var altså til stede' },
    ]);
  });

  it('refuses an afgang before a punkt the member voted on', () => {
    const stemt = play([vote({ for: [LARS] }, 3)], aabent);
    refused(stemt, command('RegistrerAfgang', { medlem: LARS, efterPunkt: 2 }), [
      { field: 'efterPunkt', reason: 'Lars Holte stemte om punkt 3, efter punkt 2' },
    ]);
  });

  it('refuses inhabilitet declared after the punkt is decided', () => {
    refused(aabent, command('ErklaerInhabilitet', { nr: 1 }), [
      { field: 'nr', reason: 'punkt 1 er allerede besluttet; inhabilitet skal erklæres før beslutningen' },
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
        reason: 'Lars Holte stemte for på punkt 1, og forslaget blev vedtaget; kun et nedstemt medlem kan få en protokoltilførsel',
      },
    ]);
  });

  it('is refused from a member who did not vote', () => {
    const delvis = play([vote({ for: [LARS, JOERGEN], imod: [PER] })], aabent);
    refused(delvis, tilfoersel(CHARLOTTE, 2), [
      {
        field: 'medlem',
        reason: 'Charlotte Markussen stemte ikke om punkt 2; kun et nedstemt medlem kan få en protokoltilførsel',
      },
    ]);
  });

  it('is refused from a member who abstained', () => {
    const undlod = play([vote({ for: [LARS, JOERGEN], imod: [PER], undlod: [CHARLOTTE] })], aabent);
    spec
      .given(undlod)
      .when(tilfoersel(CHARLOTTE, 2))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems[0].reason).toMatch(/^Charlotte Markussen undlod at stemme om punkt 2;/);
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
      { field: 'nr', reason: 'punkt 2 har ingen registreret afstemning, så intet medlem blev nedstemt' },
    ]);
  });

  it('is refused on a punkt not yet decided', () => {
    refused(aabent, tilfoersel(PER, 2), [{ field: 'nr', reason: 'punkt 2 har endnu ingen beslutning' }]);
  });

  it('is recorded once per member and punkt', () => {
    refused(play([tilfoersel(PER)], aabent), tilfoersel(PER), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen har allerede en protokoltilførsel på punkt 1' },
    ]);
  });
});
