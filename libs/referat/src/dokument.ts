import { Blok, enLinje } from './blokke';
import { kortDato, kortTidspunkt, medParti, moedetidspunkt, opremsning } from './dansk';
import { MoedeDokument, Publikum } from './model';
import { Dokumentart, Kontekst, punktblok, vistTitel } from './punkt';

/** The whole dagsorden or referat as blocks, in the seeds' order. */
export function dokumentblokke(doc: MoedeDokument, art: Dokumentart, publikum: Publikum): Blok[] {
  const k: Kontekst = { doc, art, publikum };
  const punkter = [...doc.punkter].sort((a, b) => a.nr - b.nr);
  return [
    { art: 'titel', tekst: `${art === 'referat' ? 'REFERAT' : 'DAGSORDEN'} ${enLinje(doc.udvalg)} d. ${kortDato(doc.start)}` },
    { art: 'felt', etiket: 'Mødedato', vaerdi: moedetidspunkt(doc.start) },
    { art: 'felt', etiket: 'Mødested', vaerdi: enLinje(doc.sted) },
    ...deltagerfelter(doc, art),
    { art: 'overskrift', niveau: 2, tekst: 'Indholdsfortegnelse' },
    { art: 'indhold', punkter: punkter.map((punkt) => ({ nr: punkt.nr, tekst: vistTitel(punkt, publikum) })) },
    ...punkter.map((punkt) => punktblok(punkt, k)),
    ...(art === 'referat' ? godkendelse(doc, publikum) : []),
  ];
}

/**
 * "Mødedeltagere" lists the members present, the other participants and the
 * sekretær, comma-separated as in seed 001. The referat names the absent
 * ("Fraværende"); the dagsorden only those who sent afbud in advance.
 */
function deltagerfelter(doc: MoedeDokument, art: Dokumentart): Blok[] {
  const fravaerende = (doc.fravaerende ?? []).filter((person) => art === 'referat' || person.art === 'afbud');
  const ude = new Set(fravaerende.map((person) => person.navn));
  const deltagere = [
    ...(doc.medlemmer ?? []).filter((person) => !ude.has(person.navn)).map((person) => medParti(enLinje(person.navn), person.parti)),
    ...(doc.deltagere ?? []).map(enLinje),
    ...(doc.sekretaer ? [`${enLinje(doc.sekretaer)} (sekretær)`] : []),
  ].filter((navn) => navn !== '');
  const fravaer = fravaerende.map((person) => {
    const noter = [person.parti, art === 'referat' && person.art === 'afbud' ? 'afbud' : undefined];
    return medParti(enLinje(person.navn), noter.filter((note): note is string => !!note).join(', '));
  });
  return [
    ...(deltagere.length > 0 ? [{ art: 'felt', etiket: 'Mødedeltagere', vaerdi: deltagere.join(', ') } as const] : []),
    ...(fravaer.length > 0
      ? [{ art: 'felt', etiket: art === 'referat' ? 'Fraværende' : 'Afbud', vaerdi: opremsning(fravaer) } as const]
      : []),
  ];
}

/** The hash is of the internal text, so only the internal version shows it. */
function godkendelse(doc: MoedeDokument, publikum: Publikum): Blok[] {
  if (!doc.godkendt) return [];
  const { tidspunkt, underskrivere } = doc.godkendt;
  const af = underskrivere.length > 0 ? ` af ${opremsning(underskrivere.map(enLinje))}` : '';
  const linjer = [`Referatet er godkendt ${kortTidspunkt(tidspunkt)}${af}.`];
  if (publikum === 'intern' && doc.referatSha256) linjer.push(`SHA-256 af det godkendte referat: ${enLinje(doc.referatSha256)}`);
  return [{ art: 'overskrift', niveau: 2, tekst: 'Godkendelse' }, ...linjer.map((linje): Blok => ({ art: 'afsnit', linjer: [linje] }))];
}
