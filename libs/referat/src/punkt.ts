import { afsnit, Blok, enLinje, tekstblokke } from './blokke';
import { kortDato, medParti, opremsning } from './dansk';
import { IndstillingDokument, MoedeDokument, PunktDokument, Publikum } from './model';

export type Dokumentart = 'dagsorden' | 'referat';

export interface Kontekst {
  doc: MoedeDokument;
  art: Dokumentart;
  publikum: Publikum;
}

export const LUKKET_PUNKT = 'Lukket punkt';
export const BESLUTNING_TRUFFET = 'Der er truffet beslutning i sagen.';
export const TRUKKET = 'Punktet er trukket.';

/** The public sees a lukket punkt by its number and neutral title only. */
export function skjult(punkt: PunktDokument, publikum: Publikum): boolean {
  return punkt.lukket === true && publikum === 'offentlig';
}

/** The title as this audience sees it, with the punkt's markings. */
export function vistTitel(punkt: PunktDokument, publikum: Publikum): string {
  const titel = skjult(punkt, publikum) ? punkt.neutralTitel || LUKKET_PUNKT : punkt.titel;
  const maerker = [
    punkt.supplerende ? 'supplerende' : null,
    punkt.lukket && publikum === 'intern' ? 'lukket' : null,
    punkt.trukket ? 'trukket' : null,
  ].filter((maerke): maerke is string => maerke !== null);
  return `${enLinje(titel)}${maerker.map((maerke) => ` (${maerke})`).join('')}`;
}

export function punktblok(punkt: PunktDokument, k: Kontekst): Blok {
  if (!Number.isInteger(punkt.nr) || punkt.nr < 1) throw new RangeError(`punkt nr must be a whole number ≥ 1, got ${punkt.nr}`);
  const blokke = skjult(punkt, k.publikum) ? skjultIndhold(punkt, k) : fuldtIndhold(punkt, k);
  const afgange = k.art === 'referat' ? afgangsnote(punkt, k) : [];
  return { art: 'punkt', nr: punkt.nr, overskrift: `Punkt ${punkt.nr}: ${vistTitel(punkt, k.publikum)}`, blokke: [...blokke, ...afgange] };
}

function skjultIndhold(punkt: PunktDokument, k: Kontekst): Blok[] {
  if (punkt.trukket) return [afsnit(TRUKKET)];
  if (k.art === 'dagsorden' || !punkt.beslutning) return [];
  return [beslutningsoverskrift(punkt.beslutning), afsnit(BESLUTNING_TRUFFET)];
}

function fuldtIndhold(punkt: PunktDokument, k: Kontekst): Blok[] {
  const numre = [punkt.sagsnummer, punkt.journalnummer].filter((nr): nr is string => !!nr && nr.trim() !== '');
  const nummer = numre.length > 0 ? [afsnit(numre.join(', '))] : [];
  if (punkt.trukket) return [...nummer, afsnit(TRUKKET)];
  const beslutning = k.art === 'referat' ? beslutningsafsnit(punkt, k) : [];
  const tidlig = k.doc.beslutningPlacering === 'efter_indstilling';
  return [
    ...nummer,
    ...sektion(punkt.anledningOverskrift || 'Anledning', punkt.anledning),
    ...indstillingsafsnit(punkt.indstilling),
    ...(tidlig ? beslutning : []),
    ...sektion('Sagsfremstilling', punkt.sagsfremstilling),
    ...(tidlig ? [] : beslutning),
    ...bilagsafsnit(punkt),
  ];
}

function sektion(overskrift: string, tekst: string | undefined): Blok[] {
  if (!tekst || tekst.trim() === '') return [];
  return [{ art: 'overskrift', niveau: 3, tekst: enLinje(overskrift) }, ...tekstblokke(tekst)];
}

function indstillingsafsnit(indstilling: IndstillingDokument | undefined): Blok[] {
  if (!indstilling) return [];
  const indstiller = indstilling.indstiller ? enLinje(indstilling.indstiller) : null;
  const at = indstilling.atPunkter.map(enLinje);
  const overskrift: Blok = { art: 'overskrift', niveau: 3, tekst: 'Indstilling' };
  const opstilling = indstilling.opstilling ?? 'nummereret';
  if (opstilling === 'loebende') return [overskrift, afsnit([indstiller, ...at].filter(Boolean).join(' '))];
  const punkter = at.map((tekst, i) => (opstilling === 'nummereret' ? { nr: i + 1, tekst } : { tekst }));
  return [overskrift, ...(indstiller ? [afsnit(indstiller)] : []), ...(punkter.length > 0 ? [{ art: 'liste', punkter } as Blok] : [])];
}

function beslutningsoverskrift(beslutning: NonNullable<PunktDokument['beslutning']>): Blok {
  return { art: 'overskrift', niveau: 3, tekst: `Beslutning ${enLinje(beslutning.udvalg)} den ${kortDato(beslutning.moedeDato)}` };
}

/** The decision, its vote, then who did not take part, then protokoltilførsler. */
function beslutningsafsnit(punkt: PunktDokument, k: Kontekst): Blok[] {
  const { beslutning } = punkt;
  // The whole meeting's absence closes each beslutning, as in seed 000.
  const noter = [...fravaersnoter(punkt, k, beslutning !== undefined), ...protokol(punkt, k)];
  if (!beslutning) return noter;
  const label = beslutning.udfaldTekst ? enLinje(beslutning.udfaldTekst) : '';
  const medLabel =
    label !== '' && !beslutning.beslutningstekst.trimStart().toLocaleLowerCase('da-DK').startsWith(label.toLocaleLowerCase('da-DK'));
  return [
    beslutningsoverskrift(beslutning),
    ...(medLabel ? [afsnit(label.endsWith('.') ? label : `${label}.`)] : []),
    ...tekstblokke(beslutning.beslutningstekst),
    ...afstemning(beslutning.afstemning, k),
    ...noter,
  ];
}

/** A member's name with the party the meeting knows for them: "Karin Bech (C)", "Karin Bech (C, afbud)". */
function navn(k: Kontekst, medlem: string, note?: string): string {
  const kendt = [...(k.doc.medlemmer ?? []), ...(k.doc.fravaerende ?? [])].find((person) => person.navn === medlem);
  const noter = [kendt?.parti, note].filter((tekst): tekst is string => !!tekst);
  return medParti(enLinje(medlem), noter.join(', '));
}

function afstemning(stemmer: NonNullable<PunktDokument['beslutning']>['afstemning'], k: Kontekst): Blok[] {
  if (!stemmer) return [];
  const linjer = [
    ['For stemte', stemmer.for],
    ['Imod stemte', stemmer.imod],
    ['Undlod at stemme', stemmer.undlod],
  ] as const;
  const vist = linjer
    .filter(([, navne]) => navne.length > 0)
    .map(([hvem, navne]) => `${hvem}: ${opremsning(navne.map((n) => navn(k, n)))}.`);
  return vist.length > 0 ? [{ art: 'afsnit', linjer: vist }] : [];
}

function fravaersnoter(punkt: PunktDokument, k: Kontekst, medMoedet: boolean): Blok[] {
  const moedet = (medMoedet ? (k.doc.fravaerende ?? []) : []).map((person) => medParti(enLinje(person.navn), person.parti));
  const punktet = (punkt.fravaer ?? []).map((f) => navn(k, f.navn, f.art === 'afbud' ? 'afbud' : undefined));
  return [
    ...(moedet.length > 0 ? [afsnit(`${opremsning(moedet)} deltog ikke i mødet.`)] : []),
    ...(punktet.length > 0 ? [afsnit(`${opremsning(punktet)} deltog ikke i behandlingen af punktet.`)] : []),
    ...(punkt.inhabilitet ?? []).map(({ medlem, begrundelse }) =>
      afsnit(
        `${navn(k, medlem)} erklærede sig inhabil og deltog ikke i behandlingen af punktet.` +
          (begrundelse && begrundelse.trim() !== '' ? ` Begrundelse: ${begrundelse}` : ''),
      ),
    ),
  ];
}

function protokol(punkt: PunktDokument, k: Kontekst): Blok[] {
  return (punkt.protokoltilfoersler ?? []).flatMap(({ medlem, tekst }) => [
    afsnit(`Protokoltilførsel fra ${navn(k, medlem)}:`),
    ...tekstblokke(tekst),
  ]);
}

function bilagsafsnit(punkt: PunktDokument): Blok[] {
  const bilag = (punkt.bilag ?? []).map(({ titel }) => enLinje(titel)).filter((titel) => titel !== '');
  return bilag.length > 0 ? [{ art: 'overskrift', niveau: 3, tekst: 'Bilag' }, ...bilag.map(afsnit)] : [];
}

function afgangsnote(punkt: PunktDokument, k: Kontekst): Blok[] {
  const afgange = (punkt.afgange ?? []).map((medlem) => navn(k, medlem));
  return afgange.length > 0 ? [afsnit(`${opremsning(afgange)} forlod mødet efter punkt ${punkt.nr}.`)] : [];
}
