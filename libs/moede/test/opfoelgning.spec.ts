import { fold } from '@sagsgang/kernel';
import { POLITISK_V1, SagCommand, sagDecider, SagEvent, SagState } from '@sagsgang/sag';
import { beslutningTilSag, BeslutningRegistreret, MoedeCommand, MoedeEvent, sagOpfoelgning } from '../src';
import { beslut, command, DIREKTIONEN, historyIn, play } from '../src/testing/fixtures';
import { indstilletSag, playSag, sagIdFor, SEED_001_SAGER, snapshotOf } from '../src/testing/sager';

/**
 * The process manager's side of a meeting: what each meeting event asks of a
 * sag, sent through the real sag decider so the two domains are shown to fit.
 */
const { vaekstregnskab } = SEED_001_SAGER;
const VAEKST = sagIdFor(vaekstregnskab.sagsnummer);
const MOEDER = [
  { moedeId: 'moede-direktionen-2019-12-16', udvalg: 'Direktionen', start: '2019-12-16T09:00:00+01:00' },
  { moedeId: 'moede-oekonomiudvalget-2020-01-13', udvalg: 'Økonomiudvalget', start: '2020-01-13T16:00:00+01:00' },
  { moedeId: 'moede-byraadet-2020-01-28', udvalg: 'Byrådet', start: '2020-01-28T19:00:00+01:00' },
];

/** What the process manager does for one sag's stream: each follow-up for it becomes a sag command with its own metadata. */
function followUp(moedeEvents: MoedeEvent[], sag: SagEvent[]): SagEvent[] {
  const sagId = sag[0].data.sagId;
  const commands = moedeEvents
    .flatMap(sagOpfoelgning)
    .filter((next) => next.data.sagId === sagId)
    .map(
      (next) =>
        ({
          ...next,
          metadata: { actor: { userId: 'procesmanager', role: 'sekretaer' }, now: '2020-01-28T21:00:00+01:00', workflow: POLITISK_V1 },
        }) as SagCommand,
    );
  return playSag(commands, sag);
}

/** The command addressed to another meeting than the fixtures' default. */
const til = (moedeId: string) => (next: MoedeCommand) => ({ ...next, data: { ...next.data, moedeId } }) as MoedeCommand;

/** One meeting of `moede`'s udvalg that puts the sag on its agenda and decides it. */
function moedeOm(moede: (typeof MOEDER)[number], sag: SagEvent[], decision: Partial<BeslutningRegistreret['data']>): MoedeEvent[] {
  return play(
    [
      command('IndkaldMoede', { ...DIREKTIONEN, udvalg: moede.udvalg, start: moede.start }),
      command('TilfoejPunkt', { sag: snapshotOf(sag) }),
      command('UdsendDagsorden'),
      command('AabnMoede'),
      beslut(1, { beslutningstekst: `${moede.udvalg} anbefaler.`, udfald: 'anbefalet', ...decision }),
    ].map(til(moede.moedeId)),
  );
}

describe('the sag follows the meetings', () => {
  it('is put on the agenda when it becomes a punkt', () => {
    const moede = moedeOm(MOEDER[0], indstilletSag(vaekstregnskab), {}).slice(0, 2);
    const state: SagState = fold(sagDecider, followUp(moede, indstilletSag(vaekstregnskab)));
    expect(state).toMatchObject({
      status: 'paa_dagsorden',
      dagsorden: { moedeId: MOEDER[0].moedeId, udvalg: 'Direktionen', punktnummer: 1 },
    });
  });

  it('passes Direktionen → Økonomiudvalget → Byrådet and is decided there, dated by each meeting', () => {
    let sag = indstilletSag(vaekstregnskab);
    sag = followUp(moedeOm(MOEDER[0], sag, {}), sag);
    sag = followUp(moedeOm(MOEDER[1], sag, {}), sag);
    sag = followUp(moedeOm(MOEDER[2], sag, { udfald: 'godkendt', beslutningstekst: 'Godkendt.' }), sag);
    expect(fold(sagDecider, sag)).toMatchObject({
      status: 'afgjort',
      behandlinger: [
        { udvalg: 'Direktionen', moedeId: MOEDER[0].moedeId, moedeDato: '2019-12-16', udfald: 'anbefalet' },
        { udvalg: 'Økonomiudvalget', moedeId: MOEDER[1].moedeId, moedeDato: '2020-01-13', udfald: 'anbefalet' },
        { udvalg: 'Byrådet', moedeId: MOEDER[2].moedeId, moedeDato: '2020-01-28', udfald: 'godkendt', beslutningstekst: 'Godkendt.' },
      ],
    });
  });

  it('awaits the same udvalg again when its punkt is withdrawn', () => {
    const moede = moedeOm(MOEDER[0], indstilletSag(vaekstregnskab), {}).slice(0, 3);
    const trukket = play([command('FjernPunkt', { nr: 1, begrundelse: 'Tal mangler' })].map(til(MOEDER[0].moedeId)), moede);
    expect(fold(sagDecider, followUp(trukket, indstilletSag(vaekstregnskab)))).toMatchObject({
      status: 'indstillet',
      afventerUdvalg: 'Direktionen',
    });
  });

  it('awaits the same udvalg again when the meeting is cancelled', () => {
    const sager = [SEED_001_SAGER.socialeInvesteringer, SEED_001_SAGER.charlottekvarteret, SEED_001_SAGER.handlingsplan];
    const aflyst = historyIn('aflyst');
    for (const sag of sager) {
      expect(fold(sagDecider, followUp(aflyst, indstilletSag(sag)))).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Direktionen' });
    }
  });
});

describe('sagOpfoelgning', () => {
  it('gives the sag exactly what its RegistrerBeslutning needs', () => {
    const [event] = moedeOm(MOEDER[0], indstilletSag(vaekstregnskab), {
      beslutningstekst: 'Vækstregnskabet blev godkendt med de faldne bemærkninger.',
    }).slice(-1);
    expect(beslutningTilSag(event as BeslutningRegistreret)).toEqual({
      sagId: VAEKST,
      udvalg: 'Direktionen',
      moedeId: MOEDER[0].moedeId,
      moedeDato: '2019-12-16',
      udfald: 'anbefalet',
      beslutningstekst: 'Vækstregnskabet blev godkendt med de faldne bemærkninger.',
    });
  });

  it('names every sag on a cancelled agenda, with the reason', () => {
    const aflyst = historyIn('aflyst').at(-1)!;
    expect(sagOpfoelgning(aflyst)).toEqual(
      [SEED_001_SAGER.socialeInvesteringer, SEED_001_SAGER.charlottekvarteret, SEED_001_SAGER.handlingsplan].map((sag) => ({
        type: 'TraekFraDagsorden',
        data: {
          sagId: sagIdFor(sag.sagsnummer),
          moedeId: 'moede-direktionen-2019-12-16',
          begrundelse: 'Mødet er aflyst: Direktionen holder ikke møde i uge 51',
        },
      })),
    );
  });

  it('asks nothing of a sag for the events that concern only the meeting', () => {
    const quiet = historyIn('offentliggjort').filter((event) => !['PunktTilfoejet', 'BeslutningRegistreret'].includes(event.type));
    expect(quiet.flatMap(sagOpfoelgning)).toEqual([]);
  });
});
