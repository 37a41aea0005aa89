import { Sagstype } from '@sagsgang/sag';
import { Random } from './random';

/** What a sag is about: its title, KLE emne and handlingsfacet, sagstype, and the words its texts are built from. */
export interface Emne {
  titel: string;
  kle: string;
  facet: string;
  sagstype: Sagstype;
  /** "renoveringen af Hedeskolen": what the texts say the sag is about. */
  tema: string;
  /** Set for matters discussed behind closed doors: the title the public sees. */
  neutralTitel?: string;
}

const STEDER = [
  'Vestergade',
  'Søndergade',
  'Åboulevarden',
  'Havnefronten',
  'Skovbrynet',
  'Engvej',
  'Kirkebakken',
  'Strandparken',
  'Bymidten',
  'Stationsområdet',
  'Industrivej',
  'Møllebakken',
  'Egevej',
  'Lystrup Nord',
  'Holme Enge',
  'Gellerup',
];
const SKOLER = [
  'Hedeskolen',
  'Nørreskolen',
  'Vestervangsskolen',
  'Åby Skole',
  'Katrinebjergskolen',
  'Bakkegårdsskolen',
  'Skovvangskolen',
  'Rosenvangskolen',
];
const INSTITUTIONER = [
  'Plejecenter Egebakken',
  'Plejecenter Solgården',
  'Daginstitutionen Solsikken',
  'Børnehuset Mælkebøtten',
  'Kulturhuset Pavillonen',
  'Idrætscenter Nord',
  'Botilbuddet Lindehøj',
  'Ungdomsskolen',
];
const YDELSER = [
  'hjemmepleje',
  'madservice',
  'dagtilbud',
  'SFO',
  'klippekort til ældre',
  'genoptræning',
  'affaldsindsamling',
  'vinterbekæmpelse',
  'parkering i bymidten',
  'rengøring i plejeboliger',
];
const PLANER = [
  'trafiksikkerhedsplan',
  'klimatilpasningsplan',
  'affaldsplan',
  'spildevandsplan',
  'sundhedspolitik',
  'ældrepolitik',
  'handicappolitik',
  'kulturpolitik',
  'beskæftigelsesplan',
  'digitaliseringsstrategi',
  'boligpolitik',
];

type Skabelon = (r: Random, aar: number) => Emne;

const SKABELONER: Array<[Skabelon, number]> = [
  [
    (r) => {
      const sted = r.pick(STEDER);
      const nr = `${r.int(1, 12)}.${r.int(100, 999)}`;
      const fase = r.pick(['forslag til', 'endelig vedtagelse af']);
      return {
        titel: `Lokalplan ${nr} for boligområde ved ${sted} – ${fase} lokalplan`,
        kle: '01.02.05',
        facet: 'P16',
        sagstype: 'beslutning',
        tema: `lokalplanen for området ved ${sted}`,
      };
    },
    12,
  ],
  [
    (r) => {
      const skole = r.pick([...SKOLER, ...INSTITUTIONER]);
      const hvad = r.pick(['renovering af', 'tilbygning til', 'energirenovering af', 'nyt tag på', 'udearealer ved']);
      return {
        titel: `Anlægsbevilling til ${hvad} ${skole}`,
        kle: '00.30.14',
        facet: 'S00',
        sagstype: 'beslutning',
        tema: `${hvad} ${skole}`,
      };
    },
    10,
  ],
  [
    (r, aar) => {
      const dato = r.pick(['31. marts', '30. april', '31. august', '30. september']);
      return {
        titel: `Budgetopfølgning pr. ${dato} ${aar}`,
        kle: '00.30.10',
        facet: 'S10',
        sagstype: r.pick(['orientering', 'beslutning']),
        tema: `budgetopfølgningen pr. ${dato} ${aar}`,
      };
    },
    7,
  ],
  [
    (r, aar) => {
      const ydelse = r.pick(YDELSER);
      return {
        titel: `Takster for ${ydelse} ${aar + 1}`,
        kle: '00.30.10',
        facet: 'S00',
        sagstype: 'beslutning',
        tema: `taksterne for ${ydelse} i ${aar + 1}`,
      };
    },
    6,
  ],
  [
    (r, aar) => {
      const plan = r.pick(PLANER);
      return {
        titel: `${capitalize(plan)} ${aar + 1}-${aar + 4}`,
        kle: '00.01.00',
        facet: 'A00',
        sagstype: r.pick(['beslutning', 'droeftelse']),
        tema: `${plan}en for ${aar + 1}-${aar + 4}`,
      };
    },
    8,
  ],
  [
    (r) => {
      const emne = r.pick([
        'regional udviklingsstrategi',
        'ny trafikplan for Østjylland',
        'statens udkast til vandområdeplaner',
        'forslag til ændret hospitalsplan',
        'kystbeskyttelse langs bugten',
      ]);
      return {
        titel: `Høringssvar vedrørende ${emne}`,
        kle: '00.05.00',
        facet: 'G01',
        sagstype: 'beslutning',
        tema: `høringen om ${emne}`,
      };
    },
    6,
  ],
  [
    (r, aar) => ({
      titel: `Kvalitetsrapport for folkeskolerne ${aar - 1}/${String(aar).slice(2)}`,
      kle: '17.01.00',
      facet: 'A00',
      sagstype: r.pick(['droeftelse', 'beslutning']),
      tema: 'kvalitetsrapporten for folkeskolerne',
    }),
    3,
  ],
  [
    (r) => {
      const sted = r.pick(INSTITUTIONER);
      return { titel: `Tilsynsrapport for ${sted}`, kle: '27.12.00', facet: 'K07', sagstype: 'orientering', tema: `tilsynet med ${sted}` };
    },
    6,
  ],
  [
    (r) => {
      const emne = r.pick([
        'status på sygefravær',
        'rekruttering af social- og sundhedsassistenter',
        'ventelister til botilbud',
        'kapacitet i dagtilbud',
        'status på byggeriet af den nye skole',
        'borgertilfredshed i borgerservice',
      ]);
      return { titel: `Orientering om ${emne}`, kle: '00.01.10', facet: 'A00', sagstype: 'orientering', tema: emne };
    },
    12,
  ],
  [
    (r) => {
      const emne = r.pick([
        'fremtidens ældrepleje',
        'grøn omstilling af kommunens bilpark',
        'unges mentale trivsel',
        'bosætning i landdistrikterne',
        'kunstig intelligens i sagsbehandlingen',
      ]);
      return { titel: `Temadrøftelse om ${emne}`, kle: '00.01.10', facet: 'A00', sagstype: 'droeftelse', tema: emne };
    },
    6,
  ],
  [
    (r) => {
      const forening = r.pick([
        'Idrætsforeningen Frem',
        'Musikforeningen Bøgen',
        'Spejdergruppen Egernet',
        'Lokalhistorisk Forening',
        'Bydelsfestivalen',
      ]);
      return {
        titel: `Ansøgning om tilskud fra ${forening}`,
        kle: '20.00.00',
        facet: 'A40',
        sagstype: 'beslutning',
        tema: `ansøgningen fra ${forening}`,
      };
    },
    6,
  ],
  [
    (r) => {
      const ydelse = r.pick(YDELSER);
      return {
        titel: `Serviceniveau for ${ydelse}`,
        kle: '27.24.00',
        facet: 'P20',
        sagstype: 'beslutning',
        tema: `serviceniveauet for ${ydelse}`,
      };
    },
    6,
  ],
  [
    (r) => {
      const sted = r.pick(STEDER);
      return {
        titel: `Salg af kommunal grund ved ${sted}`,
        kle: '82.02.00',
        facet: 'G01',
        sagstype: 'beslutning',
        tema: `salget af grunden ved ${sted}`,
        neutralTitel: 'Salg af fast ejendom',
      };
    },
    3,
  ],
  [
    (r) => ({
      titel: `Ansættelse af ${r.pick(['skoleleder', 'centerchef', 'afdelingschef', 'direktør'])}`,
      kle: '81.03.00',
      facet: 'G01',
      sagstype: 'beslutning',
      tema: 'ansættelsen',
      neutralTitel: 'Personalesag',
    }),
    2,
  ],
];

export function nytEmne(random: Random, aar: number): Emne {
  return random.weighted(SKABELONER)(random, aar);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
