import { Actor } from '@sagsgang/kernel';
import { Medlem } from '@sagsgang/moede';
import { Random } from './random';

/**
 * A large municipality (about Aarhus's size): a byråd of 31, an
 * økonomiudvalg, seven fagudvalg, a direktion, and the forvaltninger whose
 * caseworkers prepare the sager. Names and parties are drawn from the seed.
 */
export interface Udvalg {
  navn: string;
  medlemmer: Medlem[];
  sekretaer: { navn: string; actor: Actor };
  sted: string;
  /** Meeting weekdays (0 Monday), every `interval` weeks, the first in week `forskudt`. */
  ugedage: number[];
  interval: number;
  forskudt: number;
  /** Minutes after midnight, local time. */
  klokken: number;
  /** Most punkter put on one dagsorden; the rest wait for the next meeting. */
  kapacitet: number;
  /** Political udvalg vote and have parties; the direktion does neither. */
  politisk: boolean;
}

export interface Forvaltning {
  navn: string;
  indstiller: string;
  fagudvalg: string;
  sagsbehandlere: Actor[];
}

export const DIREKTIONEN = 'Direktionen';
export const OEKONOMIUDVALGET = 'Økonomiudvalget';
export const BYRAADET = 'Byrådet';

const FORNAVNE = [
  'Anne',
  'Mette',
  'Hanne',
  'Susanne',
  'Lene',
  'Marianne',
  'Camilla',
  'Pia',
  'Louise',
  'Charlotte',
  'Tina',
  'Helle',
  'Bente',
  'Ida',
  'Signe',
  'Sofie',
  'Line',
  'Maja',
  'Jens',
  'Peter',
  'Lars',
  'Michael',
  'Henrik',
  'Søren',
  'Thomas',
  'Niels',
  'Rasmus',
  'Jørgen',
  'Morten',
  'Anders',
  'Mads',
  'Frederik',
  'Kasper',
  'Bo',
  'Ole',
  'Poul',
  'Torben',
  'Kristian',
  'Jesper',
  'Mikkel',
];
const EFTERNAVNE = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Christiansen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Kjær',
  'Bech',
  'Lund',
  'Holm',
  'Dalgaard',
  'Skovgaard',
  'Østergaard',
  'Vestergaard',
  'Brøndum',
  'Aalbæk',
  'Frølund',
];
/** The byråd's seats by party letter. */
const MANDATER: Array<[string, number]> = [
  ['A', 10],
  ['V', 6],
  ['C', 4],
  ['F', 4],
  ['Ø', 3],
  ['O', 2],
  ['B', 1],
  ['I', 1],
];

const FORVALTNINGER: Array<[string, string, string]> = [
  ['Børn og Unge', 'Direktøren for Børn og Unge indstiller,', 'Børne- og Skoleudvalget'],
  ['Sundhed og Omsorg', 'Direktøren for Sundhed og Omsorg indstiller,', 'Sundheds- og Ældreudvalget'],
  ['Sociale Forhold og Beskæftigelse', 'Direktøren for Sociale Forhold og Beskæftigelse indstiller,', 'Beskæftigelses- og Socialudvalget'],
  ['Teknik og Miljø', 'Direktøren for Teknik og Miljø indstiller,', 'Teknik- og Miljøudvalget'],
  ['By, Kultur og Fritid', 'Direktøren for By, Kultur og Fritid indstiller,', 'Kultur- og Fritidsudvalget'],
  ['Klima og Plan', 'Direktøren for Klima og Plan indstiller,', 'Klima- og Planudvalget'],
  [
    'Digitalisering og Borgerservice',
    'Direktøren for Digitalisering og Borgerservice indstiller,',
    'Borgerservice- og Digitaliseringsudvalget',
  ],
  ['Økonomi og Personale', 'Kommunaldirektøren indstiller,', OEKONOMIUDVALGET],
];

export class Kommune {
  readonly udvalg = new Map<string, Udvalg>();
  readonly forvaltninger: Forvaltning[];
  private readonly brugte = new Set<string>();

  constructor(private readonly random: Random) {
    const byraad = MANDATER.flatMap(([parti, antal]) => Array.from({ length: antal }, () => ({ navn: this.navn(), parti })));
    const direktion = Array.from({ length: 6 }, () => ({ navn: this.navn(), parti: null }));
    this.add(DIREKTIONEN, direktion, 'Mødelokale B105', [0, 3], 1, 0, 9 * 60, 45, false);
    this.add(
      OEKONOMIUDVALGET,
      [byraad[0], ...random.sample(byraad.slice(1), 10)],
      'Borgmesterens mødelokale',
      [1],
      1,
      0,
      15 * 60,
      60,
      true,
    );
    this.add(BYRAADET, byraad, 'Byrådssalen', [2], 2, 1, 17 * 60, 50, true);
    const fagudvalg = FORVALTNINGER.map(([, , udvalg]) => udvalg).filter((navn) => navn !== OEKONOMIUDVALGET);
    fagudvalg.forEach((navn, i) => {
      const lokale = `Mødelokale ${random.pick(['A', 'B', 'C'])}${random.int(101, 312)}`;
      this.add(navn, random.sample(byraad, 9), lokale, [i % 4], 2, i % 2, 16 * 60, 50, true);
    });
    this.forvaltninger = FORVALTNINGER.map(([navn, indstiller, udvalg]) => ({
      navn,
      indstiller,
      fagudvalg: udvalg,
      sagsbehandlere: Array.from({ length: 15 }, () => ({ userId: this.brugerId(this.navn()), role: 'sagsbehandler' as const })),
    }));
  }

  get(navn: string): Udvalg {
    const udvalg = this.udvalg.get(navn);
    if (!udvalg) throw new Error(`no udvalg ${navn}`);
    return udvalg;
  }

  /** Whether the udvalg meets on this day (day 0 is a Monday). */
  holderMoede(udvalg: Udvalg, dayIndex: number): boolean {
    const uge = Math.floor(dayIndex / 7);
    return uge % udvalg.interval === udvalg.forskudt % udvalg.interval && udvalg.ugedage.includes(dayIndex % 7);
  }

  /** The udvalg a sag passes, the last holding kompetence: mostly its own fagudvalg, some via the direktion, some up to the byråd. */
  sagsgang(forvaltning: Forvaltning): string[] {
    const f = forvaltning.fagudvalg;
    const gang = this.random.weighted<string[]>([
      [[f], 52],
      [[DIREKTIONEN], 8],
      [[DIREKTIONEN, f], 25],
      [[f, OEKONOMIUDVALGET], 3],
      [[OEKONOMIUDVALGET], 3],
      [[f, OEKONOMIUDVALGET, BYRAADET], 5],
      [[DIREKTIONEN, OEKONOMIUDVALGET, BYRAADET], 2],
      [[DIREKTIONEN, f, OEKONOMIUDVALGET, BYRAADET], 2],
    ]);
    return gang.filter((navn, i) => gang.indexOf(navn) === i);
  }

  private add(
    navn: string,
    medlemmer: Medlem[],
    sted: string,
    ugedage: number[],
    interval: number,
    forskudt: number,
    klokken: number,
    kapacitet: number,
    politisk: boolean,
  ): void {
    const sekretaer = this.navn();
    const actor = { userId: this.brugerId(sekretaer), role: 'sekretaer' as const };
    this.udvalg.set(navn, {
      navn,
      medlemmer,
      sekretaer: { navn: sekretaer, actor },
      sted,
      ugedage,
      interval,
      forskudt,
      klokken,
      kapacitet,
      politisk,
    });
  }

  /** A full name not used before. */
  private navn(): string {
    for (;;) {
      const navn = `${this.random.pick(FORNAVNE)} ${this.random.chance(0.3) ? `${this.random.pick(EFTERNAVNE)} ` : ''}${this.random.pick(EFTERNAVNE)}`;
      if (!this.brugte.has(navn)) {
        this.brugte.add(navn);
        return navn;
      }
    }
  }

  /** Initials as municipal user ids go: "Mette Kjær" → "mekj", numbered if taken. */
  private brugerId(navn: string): string {
    const dele = navn.split(' ');
    const base = (dele[0].slice(0, 2) + dele[dele.length - 1].slice(0, 2))
      .toLowerCase()
      .replace('æ', 'ae')
      .replace('ø', 'oe')
      .replace('å', 'aa');
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}${n}`;
      if (!this.brugte.has(`@${id}`)) {
        this.brugte.add(`@${id}`);
        return id;
      }
    }
  }
}
