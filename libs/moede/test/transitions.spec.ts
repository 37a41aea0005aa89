import { MOEDE_COMMAND_TYPES, MOEDE_WORKFLOW, MoedeCommandType, moedeDecider, MoedeStatus } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import {
  AGENDA,
  BESLUTNINGER,
  CHARLOTTE,
  command,
  DEFAULT_DATA,
  DIREKTIONEN,
  godkend,
  historyIn,
  JOERGEN,
  LARS,
  MEDLEMMER,
  MOEDE_ID,
  NOW,
  PER,
  play,
  setupFor,
  SHA256,
} from '../src/testing/fixtures';
import { sagIdFor } from '../src/testing/sager';

/** Every transition the meeting workflow allows, each from each status it is allowed in. */
const spec = deciderSpecification(moedeDecider);
const tested: [MoedeCommandType, MoedeStatus][] = [];
const transition = (type: MoedeCommandType, from: MoedeStatus, title: string, body: () => void) => {
  tested.push([type, from]);
  it(`${type} from ${from}: ${title}`, body);
};
const base = { moedeId: MOEDE_ID, tidspunkt: NOW };
const sagId = (nr: number) => sagIdFor(AGENDA[nr - 1].sagsnummer);
const agenda = AGENDA.map((sag, index) => ({ nr: index + 1, sagId: sagIdFor(sag.sagsnummer) }));

describe('allowed transitions', () => {
  transition('IndkaldMoede', 'ny', 'calls the meeting', () => {
    spec
      .given([])
      .when(command('IndkaldMoede'))
      .then([{ type: 'MoedeIndkaldt', data: { ...base, ...DIREKTIONEN } }]);
  });

  for (const from of ['planlagt', 'dagsorden_udsendt'] as const) {
    transition('AflysMoede', from, 'cancels it, naming the sager to withdraw', () => {
      spec
        .given(historyIn(from))
        .when(command('AflysMoede', { begrundelse: 'Aflyst' }))
        .then([{ type: 'MoedeAflyst', data: { ...base, begrundelse: 'Aflyst', punkter: agenda } }]);
    });

    transition('TilfoejPunkt', from, 'adds the sag as the next punkt', () => {
      const sag = DEFAULT_DATA.TilfoejPunkt.sag!;
      const supplerende = from === 'dagsorden_udsendt';
      spec
        .given(historyIn(from))
        .when(command('TilfoejPunkt'))
        .then([
          { type: 'PunktTilfoejet', data: { ...base, nr: 4, udvalg: 'Direktionen', sag, lukket: false, neutralTitel: null, supplerende } },
        ]);
    });

    transition('MarkerPunkt', from, 'marks the punkt lukket with a neutral title', () => {
      spec
        .given(historyIn(from))
        .when(command('MarkerPunkt'))
        .then([{ type: 'PunktMarkeret', data: { ...base, nr: 3, sagId: sagId(3), lukket: true, neutralTitel: 'Intern sag' } }]);
    });

    transition('ErklaerInhabilitet', from, 'records the member as inhabil in the punkt', () => {
      const { begrundelse } = DEFAULT_DATA.ErklaerInhabilitet;
      spec
        .given(historyIn(from))
        .when(command('ErklaerInhabilitet'))
        .then([{ type: 'InhabilitetErklaeret', data: { ...base, nr: 1, sagId: sagId(1), medlem: CHARLOTTE, begrundelse } }]);
    });
  }

  transition('FlytPunkt', 'planlagt', 'moves the punkt', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('FlytPunkt', { nr: 3, tilNr: 1 }))
      .then([{ type: 'PunktFlyttet', data: { ...base, nr: 3, sagId: sagId(3), tilNr: 1 } }]);
  });

  transition('FjernPunkt', 'planlagt', 'removes the punkt before sending', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('FjernPunkt', { nr: 2, begrundelse: 'Mangler bilag' }))
      .then([{ type: 'PunktFjernet', data: { ...base, nr: 2, sagId: sagId(2), begrundelse: 'Mangler bilag' } }]);
  });

  for (const from of ['dagsorden_udsendt', 'i_gang'] as const) {
    transition('FjernPunkt', from, 'withdraws the punkt after sending', () => {
      spec
        .given(historyIn(from))
        .when(command('FjernPunkt', { nr: 2 }))
        .then([{ type: 'PunktTrukket', data: { ...base, nr: 2, sagId: sagId(2), begrundelse: null } }]);
    });

    transition('RegistrerAfgang', from, 'records that the member leaves after the punkt', () => {
      spec
        .given(historyIn(from))
        .when(command('RegistrerAfgang', { medlem: JOERGEN, efterPunkt: 2 }))
        .then([{ type: 'AfgangRegistreret', data: { ...base, medlem: JOERGEN, efterPunkt: 2 } }]);
    });
  }

  transition('ErklaerInhabilitet', 'i_gang', 'records inhabilitet during the meeting', () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('ErklaerInhabilitet', { nr: 2, begrundelse: 'Nabo til området' }))
      .then([
        { type: 'InhabilitetErklaeret', data: { ...base, nr: 2, sagId: sagId(2), medlem: CHARLOTTE, begrundelse: 'Nabo til området' } },
      ]);
  });

  transition('RegistrerFravaer', 'planlagt', 'records an afbud for the whole meeting', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('RegistrerFravaer'))
      .then([{ type: 'FravaerRegistreret', data: { ...base, medlem: PER, art: 'afbud', punkter: null } }]);
  });

  transition('RegistrerFravaer', 'dagsorden_udsendt', 'records fravær for named punkter', () => {
    spec
      .given(historyIn('dagsorden_udsendt'))
      .when(command('RegistrerFravaer', { art: 'fravaer', punkter: [1, 3] }))
      .then([{ type: 'FravaerRegistreret', data: { ...base, medlem: PER, art: 'fravaer', punkter: [1, 3] } }]);
  });

  transition('RegistrerFravaer', 'i_gang', 'records fravær for the punkter still to come', () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('RegistrerFravaer', { medlem: LARS, art: 'fravaer', punkter: [2, 3] }))
      .then([{ type: 'FravaerRegistreret', data: { ...base, medlem: LARS, art: 'fravaer', punkter: [2, 3] } }]);
  });

  transition('UdsendDagsorden', 'planlagt', 'sends the agenda as numbered', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('UdsendDagsorden'))
      .then([{ type: 'DagsordenUdsendt', data: { ...base, punkter: agenda } }]);
  });

  transition('AabnMoede', 'dagsorden_udsendt', 'opens the meeting', () => {
    spec
      .given(historyIn('dagsorden_udsendt'))
      .when(command('AabnMoede'))
      .then([{ type: 'MoedeAabnet', data: base }]);
  });

  transition('RegistrerBeslutning', 'i_gang', 'records the beslutning with what the sag needs', () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('RegistrerBeslutning'))
      .then([
        {
          type: 'BeslutningRegistreret',
          data: { ...base, nr: 2, sagId: sagId(2), udvalg: 'Direktionen', moedeDato: '2019-12-16', ...BESLUTNINGER[1], afstemning: null },
        },
      ]);
  });

  transition('TilfoejProtokoltilfoersel', 'i_gang', "records the outvoted member's dissent", () => {
    const { tekst } = DEFAULT_DATA.TilfoejProtokoltilfoersel;
    spec
      .given(historyIn('i_gang'))
      .when(command('TilfoejProtokoltilfoersel'))
      .then([{ type: 'ProtokoltilfoerselTilfoejet', data: { ...base, nr: 1, sagId: sagId(1), medlem: PER, tekst } }]);
  });

  transition('HaevMoede', 'i_gang', 'closes the meeting; the members present must approve', () => {
    spec
      .given(setupFor('HaevMoede'))
      .when(command('HaevMoede'))
      .then([{ type: 'MoedeHaevet', data: { ...base, underskrivere: MEDLEMMER } }]);
  });

  transition('GodkendReferat', 'haevet', 'records one approval', () => {
    spec
      .given(historyIn('haevet'))
      .when(godkend(LARS))
      .then([{ type: 'ReferatUnderskrevet', data: { ...base, medlem: LARS, referatSha256: SHA256 } }]);
  });

  transition('OffentliggoerReferat', 'referat_godkendt', 'publishes the referat', () => {
    spec
      .given(historyIn('referat_godkendt'))
      .when(command('OffentliggoerReferat'))
      .then([{ type: 'ReferatOffentliggjort', data: base }]);
  });

  it('covers every transition the workflow allows', () => {
    const allowed = MOEDE_COMMAND_TYPES.flatMap((type) => MOEDE_WORKFLOW[type].from.map((from) => [type, from]));
    expect([...tested].sort()).toEqual(allowed.sort());
  });
});

describe('the lifecycle', () => {
  const statusAfter = (status: MoedeStatus, next: Parameters<typeof play>[0][number]) =>
    spec
      .given(historyIn(status))
      .when(next)
      .thenState((state) => expect(state.status).toBe(expected[status]));
  const expected: Partial<Record<MoedeStatus, MoedeStatus>> = {
    ny: 'planlagt',
    planlagt: 'dagsorden_udsendt',
    dagsorden_udsendt: 'i_gang',
    referat_godkendt: 'offentliggjort',
  };

  it('IndkaldMoede makes the meeting planlagt', () => statusAfter('ny', command('IndkaldMoede')));
  it('UdsendDagsorden makes it dagsorden_udsendt', () => statusAfter('planlagt', command('UdsendDagsorden')));
  it('AabnMoede makes it i_gang', () => statusAfter('dagsorden_udsendt', command('AabnMoede')));
  it('OffentliggoerReferat makes it offentliggjort', () => statusAfter('referat_godkendt', command('OffentliggoerReferat')));

  it('HaevMoede makes it haevet, awaiting every approval', () => {
    spec
      .given(setupFor('HaevMoede'))
      .when(command('HaevMoede'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'haevet', underskrivere: MEDLEMMER, underskrifter: [] });
      });
  });

  it('the last approval makes the referat godkendt under the digest all approved', () => {
    const history = play(
      MEDLEMMER.slice(0, 3).map((medlem) => godkend(medlem)),
      historyIn('haevet'),
    );
    spec
      .given(history)
      .when(godkend(CHARLOTTE))
      .then([
        { type: 'ReferatUnderskrevet', data: { ...base, medlem: CHARLOTTE, referatSha256: SHA256 } },
        { type: 'ReferatGodkendt', data: { ...base, referatSha256: SHA256, underskrivere: MEDLEMMER } },
      ]);
  });

  it.each(['planlagt', 'dagsorden_udsendt'] as const)('AflysMoede from %s makes the meeting aflyst', (from) => {
    spec
      .given(historyIn(from))
      .when(command('AflysMoede'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'aflyst', aflyst: NOW, begrundelse: DEFAULT_DATA.AflysMoede.begrundelse });
      });
  });
});
