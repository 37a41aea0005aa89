import { assertNever } from '@sagsgang/kernel';
import { kortDato } from '@sagsgang/referat';
import { Behandlingsdata, UDFALD_TEKST, SagEvent } from '@sagsgang/sag';

/** "1 at-punkt", "3 at-punkter". */
export function antal(n: number, ental: string, flertal: string): string {
  return `${n} ${n === 1 ? ental : flertal}`;
}

/** ": begrundelse", or nothing when none was given. */
export function medBegrundelse(begrundelse: string | null): string {
  return begrundelse ? `: ${enLinje(begrundelse)}` : '';
}

/** A text as it fits on one line of a history, cut to a readable length. */
export function enLinje(tekst: string, max = 120): string {
  const linje = tekst.replace(/\s+/g, ' ').trim();
  return linje.length > max ? `${linje.slice(0, max - 1)}…` : linje;
}

export function udfaldTekst(udfald: keyof typeof UDFALD_TEKST): string {
  return UDFALD_TEKST[udfald].toLocaleLowerCase('da-DK');
}

/** What happened to the sag, in one Danish line, for its historik. */
export function sagResume(event: SagEvent): string {
  switch (event.type) {
    case 'SagOprettet': {
      const { sagsnummer, workflow } = event.data;
      return `Sagen blev oprettet som ${sagsnummer} under workflow ${workflow.name} v${workflow.version}`;
    }
    case 'AnledningBeskrevet':
      return 'Anledningen blev beskrevet';
    case 'SagsfremstillingSkrevet':
      return `Sagsfremstillingen blev skrevet (version ${event.data.version})`;
    case 'BilagVedhaeftet':
      return `Bilag vedhæftet: «${enLinje(event.data.titel)}» (${event.data.filnavn}, ${kilobytes(event.data.stoerrelse)})`;
    case 'IndstillingGivet':
      return `Indstilling givet (${antal(event.data.atPunkter.length, 'at-punkt', 'at-punkter')})`;
    case 'IndstillingRevideret':
      return `Indstillingen blev revideret til version ${event.data.version} (${antal(event.data.atPunkter.length, 'at-punkt', 'at-punkter')})`;
    case 'SagHenlagt':
      return `Sagen blev henlagt${medBegrundelse(event.data.begrundelse)}`;
    case 'SagAfsluttet':
      return 'Sagen blev afsluttet';
    case 'SagGenoptaget':
      return `Sagen blev genoptaget${medBegrundelse(event.data.begrundelse)}`;
    case 'SagSatPaaDagsorden':
      return `Sat på dagsordenen for ${event.data.udvalg} som punkt ${event.data.punktnummer}`;
    case 'SagTrukketFraDagsorden':
      return `Trukket fra dagsordenen for ${event.data.udvalg}${medBegrundelse(event.data.begrundelse)}`;
    case 'SagOversendt':
      return `${beslutning(event.data)} — sendt videre til ${event.data.tilUdvalg}`;
    case 'SagUdsat':
      return `${beslutning(event.data)} — afventer en ny dagsorden i ${event.data.udvalg}`;
    case 'SagTilbagesendt':
      return `${beslutning(event.data)} — sendt tilbage til administrationen`;
    case 'SagAfgjort':
      return `${beslutning(event.data)} — sagen er afgjort`;
    default:
      return assertNever(event);
  }
}

/** "Beslutning i Økonomiudvalget 16-12-2019: anbefalet". */
function beslutning({ udvalg, moedeDato, udfald }: Behandlingsdata): string {
  return `Beslutning i ${udvalg} ${kortDato(moedeDato)}: ${udfaldTekst(udfald)}`;
}

function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024).toLocaleString('da-DK')} kB`;
}
