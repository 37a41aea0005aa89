import { Udfald } from '@sagsgang/sag';
import { Emne } from './emner';
import { Random } from './random';

/**
 * Danish texts of the lengths real ones have: an anledning of a few
 * sentences, a sagsfremstilling of several sections (2–5 KB), short
 * beslutninger. Built from sentence banks with the sag's own words filled in.
 */

const BAGGRUND = [
  'Byrådet besluttede den {dato} at igangsætte arbejdet med {tema}, og sagen forelægges nu til politisk behandling.',
  'Forvaltningen har i samarbejde med de berørte institutioner og de faglige organisationer udarbejdet et forslag, som beskrives nedenfor.',
  'Sagen har tidligere været drøftet på udvalgets møde, hvor udvalget bad forvaltningen om at belyse konsekvenserne nærmere.',
  'Der har over de seneste år været en stigende efterspørgsel, og den nuværende kapacitet vurderes ikke at kunne dække behovet frem mod {aar}.',
  'Området har siden {aar0} været omfattet af den gældende plan, som ikke længere svarer til de aktuelle behov.',
  'Med budgetforliget for {aar} blev der afsat midler til {tema}, og forvaltningen har på den baggrund udarbejdet en model for udmøntningen.',
  'Henvendelser fra borgere og lokalrådet har peget på behovet for en samlet løsning, der både tager hensyn til de nuværende brugere og fremtidige behov.',
  'Staten har med ændringen af reglerne pr. 1. januar {aar} pålagt kommunerne nye opgaver, som skal indarbejdes i den kommunale praksis.',
];
const OEKONOMI = [
  'Den samlede udgift er opgjort til {beloeb} mio. kr., som foreslås finansieret af den afsatte pulje på investeringsoversigten.',
  'Forslaget medfører afledte driftsudgifter på {smaa} kr. årligt, som indarbejdes i budgettet fra {aar}.',
  'Der er tale om en omprioritering inden for udvalgets egen ramme, og forslaget har derfor ingen konsekvenser for kommunens samlede økonomi.',
  'Udgiften forventes delvist dækket af statslige tilskud, og der er søgt om midler fra den relevante pulje med svar i løbet af efteråret.',
  'Forvaltningen vurderer, at der vil være en mindreudgift på {smaa} kr. fra {aar}, når den nye organisering er fuldt indfaset.',
  'Økonomiafdelingen har gennemgået beregningerne og har ingen bemærkninger ud over de forudsætninger, der er beskrevet i bilaget.',
];
const INDDRAGELSE = [
  'Forslaget har været i offentlig høring fra den {dato} til den {dato2}, og der er indkommet {antal} høringssvar, som er samlet i et høringsnotat.',
  'Lokalrådet, handicaprådet og ældrerådet er blevet hørt, og deres bemærkninger er indarbejdet, hvor det har været muligt.',
  'MED-udvalget har drøftet forslaget og bakker op om den foreslåede model, dog med ønske om en tæt opfølgning på arbejdsmiljøet.',
  'Der har været afholdt borgermøde med deltagelse af {antal} borgere, og de væsentligste synspunkter er gengivet i bilaget.',
  'Forslaget er udarbejdet i dialog med de berørte forældrebestyrelser og brugerråd.',
];
const VURDERING = [
  'Forvaltningen vurderer, at forslaget giver den bedste balance mellem kvalitet, økonomi og de hensyn, der er rejst i høringen.',
  'Det er forvaltningens vurdering, at løsningen kan gennemføres inden for den fastsatte tidsplan, hvis der træffes beslutning nu.',
  'Alternativt kan udvalget vælge at udskyde beslutningen til budgetforhandlingerne, men det vil forsinke projektet med mindst et år.',
  'Erfaringer fra andre kommuner viser, at en tilsvarende model har reduceret ventetiden og øget tilfredsheden blandt borgerne.',
  'Forvaltningen anbefaler, at der følges op på indsatsen med en status til udvalget om et år.',
  'Der er en risiko for, at anlægsudgifterne stiger som følge af den generelle prisudvikling i byggebranchen, og der er derfor indregnet en reserve.',
];
const RETSGRUNDLAG = [
  'Sagen behandles efter planlovens §§ 24 og 27.',
  'Kommunalbestyrelsens kompetence følger af lov om kommunernes styrelse § 40.',
  'Efter servicelovens § 83 skal kommunalbestyrelsen fastsætte et serviceniveau for personlig og praktisk hjælp.',
  'Tilsynet er gennemført efter servicelovens § 151.',
  'Taksterne fastsættes efter de gældende regler om prisberegning i den kommunale sektor.',
  'Sagen afgøres af udvalget efter styrelsesvedtægtens bestemmelser om udvalgets opgaver.',
];
const KOMMUNIKATION = [
  'Beslutningen formidles til de berørte borgere ved brev og på kommunens hjemmeside.',
  'Der udsendes en pressemeddelelse, når sagen er behandlet i byrådet.',
  'Forvaltningen orienterer medarbejderne på de berørte arbejdspladser umiddelbart efter beslutningen.',
];
const ANLEDNING = [
  'Sagen vedrører {tema}.',
  'Forvaltningen forelægger hermed {tema} til politisk behandling.',
  'Udvalget skal tage stilling til {tema}, som er en del af den vedtagne arbejdsplan for {aar}.',
  'Anledningen er en henvendelse fra borgere og lokale foreninger, der har efterspurgt en afklaring af {tema}.',
  'Med denne sag får udvalget mulighed for at drøfte og prioritere de videre skridt.',
  'Sagen er udarbejdet på baggrund af udvalgets ønske om en samlet status.',
];

function udfyld(random: Random, skabelon: string, emne: Emne, aar: number): string {
  return skabelon
    .replaceAll('{tema}', emne.tema)
    .replaceAll('{aar0}', String(aar - random.int(3, 12)))
    .replaceAll('{aar}', String(aar + random.int(0, 1)))
    .replaceAll('{dato2}', `${random.int(1, 28)}. ${random.pick(MAANEDER)}`)
    .replaceAll('{dato}', `${random.int(1, 28)}. ${random.pick(MAANEDER)} ${aar - random.int(0, 1)}`)
    .replaceAll('{beloeb}', `${random.int(1, 95)},${random.int(0, 9)}`)
    .replaceAll('{smaa}', random.int(50, 2400).toLocaleString('da-DK').replaceAll('\u00a0', '.') + '.000')
    .replaceAll('{antal}', String(random.int(3, 140)));
}

const MAANEDER = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'august', 'september', 'oktober', 'november', 'december'];

function saetninger(random: Random, bank: string[], fra: number, til: number, emne: Emne, aar: number): string {
  return random
    .sample(bank, random.int(fra, til))
    .map((s) => udfyld(random, s, emne, aar))
    .join(' ');
}

export function anledning(random: Random, emne: Emne, aar: number): string {
  return saetninger(random, ANLEDNING, 2, 4, emne, aar) + ' ' + saetninger(random, BAGGRUND, 1, 2, emne, aar);
}

/** A sagsfremstilling in sections; a later version rewrites some of them and adds what the udvalg asked for. */
export function sagsfremstilling(random: Random, emne: Emne, aar: number, version: number): string {
  const afsnit = [
    `Baggrund\n${saetninger(random, BAGGRUND, 3, 6, emne, aar)}`,
    `Økonomi\n${saetninger(random, OEKONOMI, 2, 4, emne, aar)}`,
    `Inddragelse\n${saetninger(random, INDDRAGELSE, 1, 3, emne, aar)}`,
    `Vurdering\n${saetninger(random, VURDERING, 2, 5, emne, aar)}`,
    `Retsgrundlag\n${saetninger(random, RETSGRUNDLAG, 1, 2, emne, aar)}`,
    `Kommunikation\n${saetninger(random, KOMMUNIKATION, 1, 2, emne, aar)}`,
  ];
  if (version > 1) afsnit.push(`Ændringer siden version ${version - 1}\n${saetninger(random, VURDERING, 1, 3, emne, aar)}`);
  return afsnit.join('\n\n');
}

export function atPunkter(random: Random, emne: Emne): string[] {
  switch (emne.sagstype) {
    case 'orientering':
      return ['at orienteringen tages til efterretning'];
    case 'droeftelse':
      return random.sample(
        [`at udvalget drøfter ${emne.tema}`, 'at udvalget giver input til det videre arbejde', 'at sagen genoptages efter høringen'],
        random.int(1, 2),
      );
    case 'beslutning':
      return random.sample(
        [
          `at ${emne.tema} godkendes`,
          `at der gives en anlægsbevilling på ${random.int(1, 60)},${random.int(0, 9)} mio. kr.`,
          'at udgiften finansieres af den afsatte pulje',
          'at forvaltningen bemyndiges til at gennemføre udbuddet',
          'at høringssvaret sendes som indstillet',
          'at der følges op med en status om et år',
        ],
        random.int(1, 4),
      );
  }
}

const BESLUTNINGER: Partial<Record<Udfald, string[]>> = {
  godkendt: ['Godkendt.', 'Indstillingen blev godkendt.', 'Godkendt som indstillet.'],
  godkendt_med_aendringer: [
    'Godkendt med de faldne bemærkninger.',
    'Godkendt, idet udvalget ønsker en status på økonomien inden årets udgang.',
  ],
  ikke_godkendt: ['Ikke godkendt. Udvalget ønsker sagen genovervejet i forbindelse med budgetlægningen.'],
  taget_til_efterretning: ['Taget til efterretning.', 'Orienteringen blev taget til efterretning.'],
  droeftet: [
    'Drøftet. Forvaltningen arbejder videre på baggrund af drøftelsen.',
    'Udvalget drøftede sagen og gav input til det videre arbejde.',
  ],
  anbefalet: ['Anbefales.', 'Anbefales over for det næste udvalg.', 'Anbefales, idet udvalget lægger vægt på en tæt opfølgning.'],
  udsat: ['Udsat til næste møde.', 'Udsat med henblik på yderligere belysning af de økonomiske konsekvenser.'],
  tilbagesendt: [
    'Sendt tilbage til forvaltningen med ønske om et nyt oplæg.',
    'Tilbagesendt. Udvalget ønsker alternative modeller belyst.',
  ],
};

export function beslutningstekst(random: Random, udfald: Udfald): string {
  return random.pick(BESLUTNINGER[udfald] ?? ['Behandlet.']);
}

export function bilag(random: Random, emne: Emne, nr: number) {
  const titel = random.pick([
    'Høringsnotat',
    'Økonomisk overblik',
    'Kortbilag',
    'Notat fra forvaltningen',
    'Tidsplan',
    'Tilsynsrapport',
    'Projektbeskrivelse',
    'Udkast til plan',
  ]);
  const pdf = random.chance(0.85);
  return {
    titel: `${titel} – ${emne.tema}`.slice(0, 120),
    filnavn: `bilag-${nr}-${titel.toLowerCase().replace(/[^a-z]+/g, '-')}.${pdf ? 'pdf' : 'xlsx'}`,
    medietype: pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stoerrelse: random.int(40_000, 9_000_000),
    sha256: random.hex(64),
  };
}

export const BEGRUNDELSER = {
  henlaeg: ['Sagen er bortfaldet, da ansøgeren har trukket ansøgningen tilbage.', 'Henlagt, idet opgaven løses i anden sammenhæng.'],
  genoptag: ['Genoptaget på baggrund af nye oplysninger i sagen.', 'Genoptaget efter ønske fra udvalget.'],
  trukket: ['Sagen trækkes, da der er kommet nye oplysninger.', 'Trukket efter aftale med formanden.'],
  fjernet: ['Sagen behandles på et senere møde.', 'Sagen er ikke færdigbehandlet i forvaltningen.'],
  aflys: ['Mødet aflyses, da der ikke er sager nok til behandling.', 'Mødet aflyses på grund af sammenfald med budgetseminaret.'],
  inhabil: [
    'Bestyrelsesmedlem i den forening, sagen vedrører.',
    'Nær familie er ansat på institutionen.',
    'Ejer en ejendom i lokalplanområdet.',
  ],
  protokol: [
    'ønsker ført til protokols, at partiet ikke kan støtte finansieringen.',
    'kan ikke tiltræde indstillingen, da den vil forringe serviceniveauet.',
  ],
};
