/**
 * The view model the renderer reads: one meeting with its punkter, already
 * assembled from the sag and møde read models. Plain data, no behaviour.
 *
 * Texts: a long text (anledning, sagsfremstilling, beslutning, protokoltilførsel)
 * may hold paragraphs separated by blank lines and bullet lines starting with
 * "- "; every format keeps them. Short texts (titles, names, at-clauses, bilag
 * titles) are one line; a line break in them is shown as a space.
 * An omitted list means an empty one; an omitted flag means false.
 */

export type Format = 'text' | 'markdown' | 'html';

/** `offentlig` hides every text of a lukket punkt, but not that it was decided. */
export type Publikum = 'intern' | 'offentlig';

export interface Person {
  navn: string;
  /** Party letter, shown in parentheses after the name: "Allan Høyer (O)". */
  parti?: string;
}

export type Fravaersart = 'afbud' | 'fravaer';

export interface MoedeDokument {
  udvalg: string;
  /** ISO 8601 with an offset or Z; shown in Danish time (Europe/Copenhagen). */
  start: string;
  sted: string;
  /** Every member of the udvalg; those in `fravaerende` are left out of "Mødedeltagere". */
  medlemmer?: Person[];
  /** Others who attend, as they should be printed (e.g. "Hans Hansen (direktør)"). */
  deltagere?: string[];
  sekretaer?: string;
  /** Absent for the whole meeting. */
  fravaerende?: (Person & { art: Fravaersart })[];
  punkter: PunktDokument[];
  /**
   * Where the beslutning stands within a punkt: after the sagsfremstilling
   * (default, seed 000) or right after the indstilling (seed 001).
   */
  beslutningPlacering?: 'efter_sagsfremstilling' | 'efter_indstilling';
  /** Set once the members present have approved the referat. */
  godkendt?: { tidspunkt: string; underskrivere: string[] };
  /** sha256 of the approved text rendering, see `referatTilGodkendelse`. */
  referatSha256?: string;
}

/**
 * How the at-clauses are laid out: "1. at …" lines (default, seed 000), "- …"
 * bullets, or run on after the indstiller as one paragraph ("Det indstilles, at …").
 */
export type Opstilling = 'nummereret' | 'punktopstilling' | 'loebende';

export interface IndstillingDokument {
  /** "Direktøren for … indstiller,"; may be left out when the clause says it all. */
  indstiller?: string;
  /** Without their numbers. */
  atPunkter: string[];
  opstilling?: Opstilling;
}

export interface Afstemning {
  for: string[];
  imod: string[];
  undlod: string[];
}

export interface BeslutningDokument {
  udvalg: string;
  /** YYYY-MM-DD, or an ISO timestamp (shown as its Danish date). */
  moedeDato: string;
  /**
   * The udfald's Danish label (UDFALD_TEKST in @sagsgang/sag); printed as
   * its own first line unless the text already opens with it.
   */
  udfaldTekst?: string;
  beslutningstekst: string;
  afstemning?: Afstemning;
}

export interface PunktDokument {
  nr: number;
  titel: string;
  /** What the public sees for a lukket punkt; "Lukket punkt" by default. */
  neutralTitel?: string;
  lukket?: boolean;
  supplerende?: boolean;
  trukket?: boolean;
  sagsnummer?: string;
  journalnummer?: string;
  anledning?: string;
  /** "Anledning" by default; seed 001 prints "Baggrund". */
  anledningOverskrift?: string;
  indstilling?: IndstillingDokument;
  sagsfremstilling?: string;
  /** Shown in the referat only. */
  beslutning?: BeslutningDokument;
  inhabilitet?: { medlem: string; begrundelse?: string }[];
  /** Absent for this punkt only. */
  fravaer?: { navn: string; art: Fravaersart }[];
  /** Members who left the meeting after this punkt. */
  afgange?: string[];
  protokoltilfoersler?: { medlem: string; tekst: string }[];
  bilag?: { titel: string }[];
}
