import { MoedeDokument, PunktDokument } from '@sagsgang/referat';

/** Texts of the lukket punkt: none may reach the public in any format. */
export const LUKKET = {
  titel: 'Salg af grunden Vestervej 12 til Byggefirma Holm ApS',
  sagsnummer: '25/4711',
  journalnummer: '82.02.00-G01-7-25',
  anledning: 'Byggefirma Holm ApS har budt 4,2 mio. kr. for grunden.',
  indstiller: 'Direktøren for Ejendomme indstiller,',
  at: ['at grunden sælges til Byggefirma Holm ApS', 'at provenuet tilføres kassebeholdningen'],
  sagsfremstilling:
    'Buddet ligger over vurderingen fra ejendomsmægleren.\n\n- vurdering 3,9 mio. kr.\n- købers forbehold om jordbundsundersøgelse',
  beslutning: 'Økonomiudvalget afviste buddet og bad om en ny vurdering.',
  udfaldTekst: 'Ikke godkendt',
  inhabilBegrundelse: 'er i familie med direktøren for Byggefirma Holm ApS',
  protokol: 'Mette Lund ønsker ført til protokol, at grunden burde udbydes offentligt.',
  bilag: 'Købstilbud fra Byggefirma Holm ApS',
};

export const MEDLEMMER = [
  { navn: 'Mette Lund', parti: 'A' },
  { navn: 'Peter Friis', parti: 'V' },
  { navn: 'Rasmus Krogh', parti: 'F' },
  { navn: 'Karin Bech', parti: 'C' },
];

export function aabentPunkt(overrides: Partial<PunktDokument> = {}): PunktDokument {
  return {
    nr: 1,
    titel: 'Budgetopfølgning pr. 31. december',
    sagsnummer: '25/1001',
    anledning: 'Kvartalsvis opfølgning på budgettet.',
    indstilling: { indstiller: 'Direktøren for Økonomi indstiller,', atPunkter: ['at budgetopfølgningen tages til efterretning'] },
    sagsfremstilling: 'Forbruget følger budgettet.',
    beslutning: {
      udvalg: 'Økonomiudvalget',
      moedeDato: '2025-02-03',
      udfaldTekst: 'Taget til efterretning',
      beslutningstekst: 'Udvalget bad om en særskilt opfølgning på ældreområdet.',
      afstemning: { for: ['Mette Lund', 'Peter Friis'], imod: ['Rasmus Krogh'], undlod: [] },
    },
    fravaer: [{ navn: 'Karin Bech', art: 'afbud' }],
    bilag: [{ titel: 'Budgetopfølgning Q4' }],
    ...overrides,
  };
}

export function lukketPunkt(overrides: Partial<PunktDokument> = {}): PunktDokument {
  return {
    nr: 2,
    titel: LUKKET.titel,
    lukket: true,
    sagsnummer: LUKKET.sagsnummer,
    journalnummer: LUKKET.journalnummer,
    anledning: LUKKET.anledning,
    indstilling: { indstiller: LUKKET.indstiller, atPunkter: LUKKET.at },
    sagsfremstilling: LUKKET.sagsfremstilling,
    beslutning: {
      udvalg: 'Økonomiudvalget',
      moedeDato: '2025-02-03',
      udfaldTekst: LUKKET.udfaldTekst,
      beslutningstekst: LUKKET.beslutning,
      afstemning: { for: ['Peter Friis'], imod: ['Mette Lund'], undlod: ['Karin Bech'] },
    },
    inhabilitet: [{ medlem: 'Rasmus Krogh', begrundelse: LUKKET.inhabilBegrundelse }],
    protokoltilfoersler: [{ medlem: 'Mette Lund', tekst: LUKKET.protokol }],
    bilag: [{ titel: LUKKET.bilag }],
    ...overrides,
  };
}

/** Økonomiudvalget with an open punkt 1 and a lukket punkt 2. */
export function eksempelMoede(overrides: Partial<MoedeDokument> = {}): MoedeDokument {
  return {
    udvalg: 'Økonomiudvalget',
    start: '2025-02-03T17:00:00+01:00',
    sted: 'Byrådssalen',
    medlemmer: MEDLEMMER,
    deltagere: ['Jens Holm (kommunaldirektør)'],
    sekretaer: 'Anne Dahl',
    fravaerende: [],
    punkter: [aabentPunkt(), lukketPunkt()],
    ...overrides,
  };
}
