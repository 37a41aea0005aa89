import { fold, ValidationFailed } from '@sagsgang/kernel';
import { UDFALD_TEKST } from '@sagsgang/sag';
import { medlemMedParti, moedeDato, moedeDecider, MoedeState, tilstedevaerende } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, MEDLEMMER, play, SEKRETAER, SHA256 } from '../src/testing/fixtures';
import { SEED_001_SAGER as S, snapshot } from '../src/testing/sager';

const spec = deciderSpecification(moedeDecider);
const meeting = (state: MoedeState) => {
  if (state.status === 'ny') throw new Error('expected a meeting');
  return state;
};
/** "a, b og c", as the referater list names. */
const opremsning = (navne: string[]) => (navne.length < 2 ? navne.join('') : `${navne.slice(0, -1).join(', ')} og ${navne.at(-1)}`);

describe('seed 001: REFERAT Direktionen d. 16-12-2019', () => {
  // The seed prints no beslutning for punkt 1; its text below is made up.
  const PUNKTER = [
    [S.oevrigeSager, 'taget_til_efterretning', 'Listen blev gennemgået.'],
    [
      S.socialeInvesteringer,
      'anbefalet',
      'Det blev aftalt, at der skal være en temadrøftelse i Økonomiudvalget om sociale investeringer, herefter tages stilling til det videre arbejde med sociale investeringer i administrationen.',
    ],
    [
      S.charlottekvarteret,
      'taget_til_efterretning',
      'Taget til efterretning. Det blev aftalt, at det skal være tydeligt, at der med udviklingsplanen sker et skifte i profilen for området ifht. Nyt Fokus.',
    ],
    [S.madproduktion, 'udsat', 'Det blev aftalt, at sagen drøftes med borgmesteren og udvalgsformanden.'],
    [S.vaekstregnskab, 'anbefalet', 'Vækstregnskabet blev godkendt med de faldne bemærkninger.'],
    [S.handlingsplan, 'godkendt_med_aendringer', 'Godkendt med de faldne kommentarer.'],
  ] as const;
  const aabent = play([
    command('IndkaldMoede'),
    ...PUNKTER.map(([sag]) => command('TilfoejPunkt', { sag: snapshot(sag) })),
    command('UdsendDagsorden'),
    command('AabnMoede'),
  ]);
  const beslutninger = PUNKTER.map(([, udfald, beslutningstekst], index) =>
    command('RegistrerBeslutning', { nr: index + 1, udfald, beslutningstekst }),
  );
  const events = play(
    [...beslutninger, command('HaevMoede'), ...MEDLEMMER.map((medlem) => command('GodkendReferat', { medlem, referatSha256: SHA256 }))],
    aabent,
  );
  const state = meeting(fold(moedeDecider, events));

  it('is approved by the four members present', () => {
    expect(state).toMatchObject({ status: 'referat_godkendt', underskrivere: MEDLEMMER, referatSha256: SHA256 });
  });

  it('keeps what the heading prints: Mødedato, Mødested, Mødedeltagere', () => {
    expect([moedeDato(state), state.sted]).toEqual(['2019-12-16', 'Mødelokale B105']);
    expect([...state.medlemmer.map(medlemMedParti), `${state.sekretaer} (sekretær)`].join(', ')).toBe(
      'Lars Holte, Jørgen Lerhard, Per Aalbæk Nielsen, Charlotte Markussen, Kathrine Seier Skaastrup (sekretær)',
    );
  });

  it('keeps the punkter in the order of the Indholdsfortegnelse, each with its sagsnummer', () => {
    expect(state.punkter.map((punkt) => `Punkt ${punkt.nr}: ${punkt.sag.titel} ${punkt.sag.sagsnummer}`)).toEqual([
      'Punkt 1: Øvrige sager 16-12-2019 19/227',
      'Punkt 2: Status sociale investeringer - dec 2019 19/18529',
      'Punkt 3: Udviklingsgreb i Charlottekvarteret 19/4767',
      'Punkt 4: Ophør af madproduktion i kulturhusene 19/23271',
      'Punkt 5: Vækstregnskab 2019 14/26479',
      'Punkt 6: Handlingsplan for vækstpolitik 18/8420',
    ]);
  });

  it('keeps each beslutning as recorded, under "Beslutning Direktionen den 16-12-2019"', () => {
    expect(state.punkter.map((punkt) => [UDFALD_TEKST[punkt.beslutning!.udfald], punkt.beslutning!.beslutningstekst])).toEqual(
      PUNKTER.map(([, udfald, tekst]) => [UDFALD_TEKST[udfald], tekst]),
    );
  });

  it('shows that Direktionen could not have decided the Vækstregnskab itself: it goes on to Økonomiudvalget and Byrådet', () => {
    spec
      .given(play(beslutninger.slice(0, 4), aabent))
      .when(command('RegistrerBeslutning', { nr: 5, udfald: 'godkendt', beslutningstekst: 'Godkendt.', afstemning: null }))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems[0].reason).toMatch(/^Direktionen har ikke kompetencen i sag 14\/26479 \(det har Byrådet\)/),
      );
  });

  it('has its sekretær apart from the members', () => {
    expect(state.sekretaer).toBe(SEKRETAER);
    expect(tilstedevaerende(state)).not.toContain(SEKRETAER);
  });
});

describe('seed 000: REFERAT Innovation og velfærd (§17, stk.4) d. 21-11-2016', () => {
  const UDVALG = 'Innovation og velfærd (§17, stk.4)';
  const FRAVAERENDE = [
    { navn: 'Helge Bo Jensen', parti: 'Ø' },
    { navn: 'Allan Høyer', parti: 'O' },
    { navn: 'Sofie Amalie Blomsterberg', parti: 'V' },
  ];
  // Sagsnumre, the sekretær and Steen Christiansen's membership are made up; the referat prints none of them.
  const sager = [
    {
      sagsnummer: '16/20611',
      titel: '17,4 Innovation af velfærd - iværksætteri i Albertslund',
      sagstype: 'droeftelse',
      journalnummer: '00.01.10-A21-3-15',
      sagsgang: [UDVALG],
    },
    {
      sagsnummer: '16/4711',
      titel: 'Borgerinddragelsesproces for nye seniorboliger',
      sagstype: 'orientering',
      journalnummer: '02.00.00-A00-4-16',
      sagsgang: [UDVALG],
    },
  ] as const;
  const events = play([
    command('IndkaldMoede', {
      udvalg: UDVALG,
      start: '2016-11-21T16:30:00+01:00',
      sted: 'Mødelokale 1 (forhal)',
      medlemmer: [{ navn: 'Steen Christiansen', parti: null }, ...FRAVAERENDE],
      deltagere: ['Trine Ladekarl Nellemann (NEXT)', 'Hans Henrik Agger (Gate 21)', 'Katrine Buhl Møller'],
      sekretaer: 'Sekretariatet for By, Kultur, Miljø & Beskæftigelse',
    }),
    ...sager.map((sag) => command('TilfoejPunkt', { sag: snapshot(sag) })),
    command('UdsendDagsorden'),
    ...FRAVAERENDE.map(({ navn }) => command('RegistrerFravaer', { medlem: navn, art: 'afbud', punkter: null })),
    command('AabnMoede'),
  ]);
  const state = meeting(fold(moedeDecider, events));

  it('keeps what the referat prints under each punkt: who did not take part in the meeting', () => {
    const fravaerende = state.medlemmer.filter((medlem) => state.fravaer.some((fravaer) => fravaer.medlem === medlem.navn));
    expect(`${opremsning(fravaerende.map(medlemMedParti))} deltog ikke i mødet.`).toBe(
      'Helge Bo Jensen (Ø), Allan Høyer (O) og Sofie Amalie Blomsterberg (V) deltog ikke i mødet.',
    );
  });

  it('lets the drøftelse be recorded as drøftet', () => {
    spec
      .given(events)
      .when(
        command('RegistrerBeslutning', {
          nr: 1,
          udfald: 'droeftet',
          beslutningstekst: 'Udvalget og dets gæster drøftede …',
          afstemning: null,
        }),
      )
      .thenMatches([
        expect.objectContaining({ data: expect.objectContaining({ udvalg: UDVALG, moedeDato: '2016-11-21', udfald: 'droeftet' }) }),
      ]);
  });

  it('refuses a vote by a member who did not take part', () => {
    spec
      .given(events)
      .when(
        command('RegistrerBeslutning', {
          nr: 2,
          udfald: 'taget_til_efterretning',
          beslutningstekst: 'Taget til efterretning.',
          afstemning: { for: ['Steen Christiansen', 'Allan Høyer'], imod: [], undlod: [] },
        }),
      )
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([
          { field: 'afstemning.for[1]', reason: 'Allan Høyer er fraværende fra mødet (afbud) og kan ikke stemme om det' },
        ]);
      });
  });

  it('is approved by the one member present', () => {
    const closed = play(
      [
        command('RegistrerBeslutning', { nr: 1, udfald: 'droeftet', beslutningstekst: 'Drøftet.', afstemning: null }),
        command('RegistrerBeslutning', {
          nr: 2,
          udfald: 'taget_til_efterretning',
          beslutningstekst: 'Taget til efterretning.',
          afstemning: null,
        }),
        command('HaevMoede'),
      ],
      events,
    );
    spec
      .given(closed)
      .when(command('GodkendReferat', { medlem: 'Steen Christiansen' }))
      .thenMatches([
        expect.objectContaining({ type: 'ReferatUnderskrevet' }),
        expect.objectContaining({ type: 'ReferatGodkendt', data: expect.objectContaining({ underskrivere: ['Steen Christiansen'] }) }),
      ]);
  });
});
