import { fold, IllegalTransition, ValidationFailed } from '@sagsgang/kernel';
import { MoedeCommand, MoedeCommandType, moedeDecider, MoedeEvent, MoedeStatus } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import {
  beslut,
  CHARLOTTE,
  command,
  godkend,
  historyIn,
  JOERGEN,
  LARS,
  MEDLEMMER,
  OTHER_SHA256,
  PER,
  play,
  SHA256,
} from '../src/testing/fixtures';

/** Closing the meeting, approving the referat, and the referat frozen once approved. */
const spec = deciderSpecification(moedeDecider);
const haevet = historyIn('haevet');
const refused = (history: MoedeEvent[], next: MoedeCommand, problems: unknown) =>
  spec
    .given(history)
    .when(next)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));

describe('closing the meeting', () => {
  it('is refused while a punkt har ingen beslutning, naming each', () => {
    refused(historyIn('i_gang'), command('HaevMoede'), [
      { field: 'punkter[2]', reason: 'punkt 2 (19/4767) har ingen beslutning' },
      { field: 'punkter[3]', reason: 'punkt 3 (18/8420) har ingen beslutning' },
    ]);
  });

  it('is refused when intet medlem er til stede til at godkende referatet', () => {
    const ingen = play(
      [
        ...MEDLEMMER.map((medlem) => command('RegistrerFravaer', { medlem, art: 'afbud', punkter: null })),
        command('AabnMoede'),
        beslut(1),
        beslut(2),
        beslut(3),
      ],
      historyIn('dagsorden_udsendt'),
    );
    refused(ingen, command('HaevMoede'), [{ field: 'medlemmer', reason: 'intet medlem er til stede til at godkende referatet' }]);
  });

  it('leaves members absent from the whole meeting out of those who approve; a member who left early approves', () => {
    const events = play(
      [
        command('RegistrerFravaer', { medlem: PER, art: 'afbud', punkter: null }),
        command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 1 }),
        command('AabnMoede'),
        beslut(1),
        beslut(2),
        beslut(3),
      ],
      historyIn('dagsorden_udsendt'),
    );
    spec
      .given(events)
      .when(command('HaevMoede'))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ underskrivere: [LARS, JOERGEN, CHARLOTTE] }) })]);
  });
});

describe('approving the referat', () => {
  it('is refused for a member who was not present', () => {
    const udenPer = play(
      [
        command('RegistrerFravaer', { medlem: PER, punkter: null }),
        command('AabnMoede'),
        beslut(1),
        beslut(2),
        beslut(3),
        command('HaevMoede'),
      ],
      historyIn('dagsorden_udsendt'),
    );
    refused(udenPer, godkend(PER), [
      { field: 'medlem', reason: 'Per Aalbæk Nielsen var ikke til stede ved mødet og godkender ikke referatet' },
    ]);
  });

  it('is complete when the last member present has approved', () => {
    const udenPer = play(
      [
        command('RegistrerFravaer', { medlem: PER, punkter: null }),
        command('AabnMoede'),
        beslut(1),
        beslut(2),
        beslut(3),
        command('HaevMoede'),
      ],
      historyIn('dagsorden_udsendt'),
    );
    spec
      .given(play([godkend(LARS), godkend(JOERGEN)], udenPer))
      .when(godkend(CHARLOTTE))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'referat_godkendt', referatSha256: SHA256, underskrivere: [LARS, JOERGEN, CHARLOTTE] });
      });
  });

  it('is not complete while a member present has not approved', () => {
    spec
      .given(play([godkend(LARS), godkend(JOERGEN)], haevet))
      .when(godkend(PER))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'haevet', underskrifter: [{ medlem: LARS }, { medlem: JOERGEN }, { medlem: PER }] });
      });
  });

  it('is refused twice from the same member', () => {
    refused(play([godkend(LARS)], haevet), godkend(LARS), [{ field: 'medlem', reason: 'Lars Holte har allerede godkendt referatet' }]);
  });

  it('is refused from someone who is not a member', () => {
    refused(haevet, godkend('Kathrine Seier Skaastrup'), [
      {
        field: 'medlem',
        reason:
          'Kathrine Seier Skaastrup er ikke medlem af Direktionen ved dette møde; medlemmerne er Lars Holte, Jørgen Lerhard, Per Aalbæk Nielsen, Charlotte Markussen',
      },
    ]);
  });

  it('is refused for another text than the one already approved', () => {
    refused(play([godkend(LARS)], haevet), godkend(JOERGEN, OTHER_SHA256), [
      {
        field: 'referatSha256',
        reason: `afviger fra det referat, Lars Holte godkendte (${SHA256}); alle medlemmer skal godkende samme tekst`,
      },
    ]);
  });

  it('keeps one spelling of the digest', () => {
    spec
      .given(haevet)
      .when(godkend(LARS, SHA256.toUpperCase()))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ referatSha256: SHA256 }) })]);
  });

  it('is refused without a sha256 of the referat', () => {
    refused(haevet, godkend(LARS, 'sha256:abc'), [{ field: 'referatSha256', reason: 'skal være 64 hexadecimale tegn' }]);
  });

  it('stores the digest so a printed referat can be checked later', () => {
    expect(fold(moedeDecider, historyIn('offentliggjort'))).toMatchObject({ status: 'offentliggjort', referatSha256: SHA256 });
  });
});

describe('the referat once the meeting is closed', () => {
  const CHANGES: [MoedeCommandType, MoedeCommand][] = [
    ['RegistrerBeslutning', beslut(2, { udfald: 'udsat' })],
    ['RegistrerFravaer', command('RegistrerFravaer', { medlem: LARS, art: 'fravaer', punkter: [3] })],
    ['RegistrerAfgang', command('RegistrerAfgang', { medlem: LARS, efterPunkt: 2 })],
    ['ErklaerInhabilitet', command('ErklaerInhabilitet', { nr: 2 })],
    ['TilfoejProtokoltilfoersel', command('TilfoejProtokoltilfoersel')],
    ['FjernPunkt', command('FjernPunkt', { nr: 3 })],
    ['TilfoejPunkt', command('TilfoejPunkt')],
  ];
  const frozen: MoedeStatus[] = ['referat_godkendt', 'offentliggjort'];

  it.each(frozen.flatMap((status) => CHANGES.map(([type, change]) => [status, type, change] as const)))(
    'is frozen in %s: %s is refused',
    (status, _type, change) => {
      spec
        .given(historyIn(status))
        .when(change)
        .thenThrows(IllegalTransition, (error) => expect(error.currentState).toBe(status));
    },
  );

  it.each(CHANGES.map(([type, change]) => [type, change] as const))(
    'cannot change while approvals are collected: %s is refused',
    (_type, change) => {
      spec
        .given(haevet)
        .when(change)
        .thenThrows(IllegalTransition, (error) => expect(error.allowedCommands).toEqual(['GodkendReferat']));
    },
  );

  it('takes no further approval once approved', () => {
    spec.given(historyIn('referat_godkendt')).when(godkend(LARS)).thenThrows(IllegalTransition);
  });
});

describe('the timestamps the referat prints', () => {
  it('records when the meeting was called, sent, opened, closed, approved and published', () => {
    const at = (now: string) => ({ now });
    const events = play([
      command('IndkaldMoede', {}, at('2019-12-02T10:00:00+01:00')),
      command('TilfoejPunkt', {}, at('2019-12-03T10:00:00+01:00')),
      command('UdsendDagsorden', {}, at('2019-12-10T12:00:00+01:00')),
      command('AabnMoede', {}, at('2019-12-16T09:02:00+01:00')),
      command('RegistrerBeslutning', { nr: 1, udfald: 'anbefalet', beslutningstekst: 'Anbefales.' }, at('2019-12-16T09:40:00+01:00')),
      command('HaevMoede', {}, at('2019-12-16T11:15:00+01:00')),
      ...MEDLEMMER.map((medlem) => command('GodkendReferat', { medlem }, at('2019-12-17T08:00:00+01:00'))),
      command('OffentliggoerReferat', {}, at('2019-12-18T12:00:00+01:00')),
    ]);
    expect(fold(moedeDecider, events)).toMatchObject({
      indkaldt: '2019-12-02T10:00:00+01:00',
      udsendt: '2019-12-10T12:00:00+01:00',
      aabnet: '2019-12-16T09:02:00+01:00',
      haevet: '2019-12-16T11:15:00+01:00',
      godkendt: '2019-12-17T08:00:00+01:00',
      offentliggjort: '2019-12-18T12:00:00+01:00',
    });
  });
});
