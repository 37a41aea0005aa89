import { RecordedEvent } from '@sagsgang/event-store';
import { fold } from '@sagsgang/kernel';
import { ExistingMoede, moedeDecider } from '@sagsgang/moede';
import { ExistingSag, sagDecider } from '@sagsgang/sag';
import { command, historyIn, JOERGEN, LARS, PER, play } from '../../../../libs/moede/src/testing/fixtures';
import { indstilletSag, playSag, sagCommand, sagIdFor, SEED_001_SAGER } from '../../../../libs/moede/src/testing/sager';
import { moedeDokument, sagenLaesesTil } from './moede-dokument';

const moede = (events = historyIn('haevet')) => fold(moedeDecider, events) as ExistingMoede;

/** Punkt 1's sag (sociale investeringer) with every text the referat prints. */
function socialeInvesteringer(): ExistingSag {
  const sagId = sagIdFor(SEED_001_SAGER.socialeInvesteringer.sagsnummer);
  const bilag = {
    bilagId: 'b1',
    titel: 'Notat',
    filnavn: 'notat.docx',
    medietype: 'application/msword',
    stoerrelse: 1,
    sha256: 'a'.repeat(64),
  };
  const events = playSag(
    [
      sagCommand('BeskrivAnledning', { tekst: 'Formålet med sagen' }, sagId),
      sagCommand('SkrivSagsfremstilling', { tekst: 'Første udkast' }, sagId),
      sagCommand('SkrivSagsfremstilling', { tekst: 'Hvad er sociale investeringer?' }, sagId),
      sagCommand('VedhaeftBilag', bilag, sagId),
    ],
    indstilletSag(SEED_001_SAGER.socialeInvesteringer),
  );
  return fold(sagDecider, events) as ExistingSag;
}

describe('moedeDokument: the referat view model from the meeting and its sager', () => {
  it('takes each punkt’s title and numbers from its snapshot and its texts from the sag', () => {
    const [punkt] = moedeDokument(moede(), new Map([[1, socialeInvesteringer()]])).punkter;
    expect(punkt).toMatchObject({
      nr: 1,
      titel: 'Status sociale investeringer - dec 2019',
      sagsnummer: '19/18529',
      journalnummer: '00.01.00',
      anledning: 'Formålet med sagen',
      indstilling: { indstiller: 'Det indstilles,', atPunkter: ['at direktionen godkender indstillingen'] },
      sagsfremstilling: 'Hvad er sociale investeringer?',
      bilag: [{ titel: 'Notat' }],
    });
  });

  it('leaves out the texts of a punkt whose sag it was not given', () => {
    const [, punkt] = moedeDokument(moede(), new Map()).punkter;
    expect(punkt).toMatchObject({ nr: 2, titel: 'Udviklingsgreb i Charlottekvarteret', bilag: [] });
    expect([punkt.anledning, punkt.indstilling, punkt.sagsfremstilling]).toEqual([undefined, undefined, undefined]);
  });

  it("labels each beslutning with its udfald, under the meeting's udvalg and date", () => {
    const [, , punkt] = moedeDokument(moede(), new Map()).punkter;
    expect(punkt.beslutning).toEqual({
      udvalg: 'Direktionen',
      moedeDato: '2019-12-16',
      udfaldTekst: 'Godkendt med ændringer',
      beslutningstekst: 'Godkendt med de faldne kommentarer.',
    });
  });

  it('carries the vote, inhabilitet, absence for the punkt, departures and protokoltilførsler to their punkt', () => {
    const events = play(
      [
        command('RegistrerFravaer', { medlem: JOERGEN, art: 'afbud', punkter: [2] }),
        command('ErklaerInhabilitet', { nr: 3, medlem: PER, begrundelse: 'Sidder i styregruppen' }),
        command('TilfoejProtokoltilfoersel', { nr: 1, medlem: PER, tekst: 'Imod.' }),
        command('RegistrerAfgang', { medlem: LARS, efterPunkt: 2 }),
      ],
      historyIn('i_gang'),
    );
    const [en, to, tre] = moedeDokument(moede(events), new Map()).punkter;
    expect(en.beslutning?.afstemning).toEqual({ for: [LARS, JOERGEN, 'Charlotte Markussen'], imod: [PER], undlod: [] });
    expect(en.protokoltilfoersler).toEqual([{ medlem: PER, tekst: 'Imod.' }]);
    expect(to).toMatchObject({ fravaer: [{ navn: JOERGEN, art: 'afbud' }], afgange: [LARS] });
    expect(tre.inhabilitet).toEqual([{ medlem: PER, begrundelse: 'Sidder i styregruppen' }]);
  });

  it('names the members absent from the whole meeting, with their party and kind of absence', () => {
    const events = play([
      command('IndkaldMoede', {
        medlemmer: [
          { navn: 'Helge Bo Jensen', parti: 'Ø' },
          { navn: LARS, parti: null },
        ],
      }),
      command('RegistrerFravaer', { medlem: 'Helge Bo Jensen', art: 'fravaer', punkter: null }),
    ]);
    const dokument = moedeDokument(moede(events), new Map());
    expect(dokument.fravaerende).toEqual([{ navn: 'Helge Bo Jensen', parti: 'Ø', art: 'fravaer' }]);
    expect(dokument.medlemmer).toEqual([{ navn: 'Helge Bo Jensen', parti: 'Ø' }, { navn: LARS }]);
  });

  it('has no approval before the last member approves, then the approval and its digest', () => {
    expect(moedeDokument(moede(), new Map()).godkendt).toBeUndefined();
    const godkendt = moedeDokument(moede(historyIn('referat_godkendt')), new Map());
    expect(godkendt.godkendt?.underskrivere).toEqual([LARS, JOERGEN, PER, 'Charlotte Markussen']);
    expect(godkendt.referatSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a withdrawn punkt as trukket and a lukket one with its neutral title', () => {
    const events = play(
      [command('MarkerPunkt', { nr: 2, lukket: true, neutralTitel: 'Personalesag' }), command('FjernPunkt', { nr: 3 })],
      historyIn('dagsorden_udsendt'),
    );
    const [, to, tre] = moedeDokument(moede(events), new Map()).punkter;
    expect(to).toMatchObject({ lukket: true, neutralTitel: 'Personalesag', trukket: false });
    expect(tre).toMatchObject({ lukket: false, trukket: true });
  });
});

describe('sagenLaesesTil: how far each punkt’s sag is read', () => {
  const recorded = (position: number, type: string, data: object = {}) => ({ position, type, data }) as unknown as RecordedEvent;

  it('reads every sag as it stands now while the meeting is open', () => {
    const laesTil = sagenLaesesTil([recorded(1, 'MoedeIndkaldt'), recorded(2, 'PunktTilfoejet', { nr: 1 })]);
    expect(laesTil(1)).toBeUndefined();
  });

  it('reads a decided or withdrawn punkt’s sag up to its beslutning or withdrawal, any other up to the closing', () => {
    const laesTil = sagenLaesesTil([
      recorded(10, 'BeslutningRegistreret', { nr: 1 }),
      recorded(12, 'PunktTrukket', { nr: 2 }),
      recorded(15, 'BeslutningRegistreret', { nr: 3 }),
      recorded(20, 'MoedeHaevet'),
    ]);
    expect([laesTil(1), laesTil(2), laesTil(3), laesTil(4)]).toEqual([10, 12, 15, 20]);
  });
});
