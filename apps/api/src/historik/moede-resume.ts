import { assertNever } from '@sagsgang/kernel';
import { MoedeEvent, MoedeState } from '@sagsgang/moede';
import { kortDato, moedetidspunkt, opremsning } from '@sagsgang/referat';
import { antal, enLinje, medBegrundelse, udfaldTekst } from './sag-resume';

/**
 * What happened at or to the meeting, in one Danish line. `foer` is the
 * meeting just before the event, so a punkt named by number can also be
 * named by its sag.
 */
export function moedeResume(event: MoedeEvent, foer: MoedeState): string {
  const punkt = (nr: number) => `punkt ${nr}${sagsnummer(foer, nr)}`;
  switch (event.type) {
    case 'MoedeIndkaldt':
      return `Møde i ${event.data.udvalg} indkaldt til ${moedetidspunkt(event.data.start).toLocaleLowerCase('da-DK')}, ${enLinje(event.data.sted)}`;
    case 'MoedeAflyst':
      return `Mødet blev aflyst${medBegrundelse(event.data.begrundelse)}`;
    case 'PunktTilfoejet': {
      const { nr, sag, lukket, supplerende } = event.data;
      const noter = [lukket ? 'lukket' : 'åbent', ...(supplerende ? ['supplerende'] : [])].join(', ');
      return `Punkt ${nr} tilføjet: sag ${sag.sagsnummer} «${enLinje(sag.titel)}» (${noter})`;
    }
    case 'PunktFlyttet':
      return `${stort(punkt(event.data.nr))} flyttet til nr. ${event.data.tilNr}`;
    case 'PunktFjernet':
      return `${stort(punkt(event.data.nr))} fjernet fra dagsordenen${medBegrundelse(event.data.begrundelse)}`;
    case 'PunktTrukket':
      return `${stort(punkt(event.data.nr))} trukket${medBegrundelse(event.data.begrundelse)}`;
    case 'PunktMarkeret': {
      const { lukket, neutralTitel } = event.data;
      const som = lukket ? `lukket${neutralTitel ? ` (offentlig titel «${enLinje(neutralTitel)}»)` : ''}` : 'åbent';
      return `${stort(punkt(event.data.nr))} markeret som ${som}`;
    }
    case 'DagsordenUdsendt':
      return `Dagsordenen blev udsendt med ${antal(event.data.punkter.length, 'punkt', 'punkter')}`;
    case 'MoedeAabnet':
      return 'Mødet blev åbnet';
    case 'FravaerRegistreret': {
      const { medlem, art, punkter } = event.data;
      const hvad = art === 'afbud' ? 'Afbud fra' : 'Fravær:';
      return `${hvad} ${medlem} ${punkter === null ? 'til hele mødet' : `til ${opremsning(punkter.map((nr) => `punkt ${nr}`))}`}`;
    }
    case 'AfgangRegistreret':
      return `${event.data.medlem} forlod mødet efter punkt ${event.data.efterPunkt}`;
    case 'InhabilitetErklaeret':
      return `${event.data.medlem} erklærede sig inhabil i ${punkt(event.data.nr)}`;
    case 'BeslutningRegistreret': {
      const { nr, udvalg, moedeDato, udfald, afstemning } = event.data;
      const stemmer = afstemning
        ? ` (${afstemning.for.length} for, ${afstemning.imod.length} imod, ${afstemning.undlod.length} undlod)`
        : '';
      return `Beslutning i ${udvalg} ${kortDato(moedeDato)} på ${punkt(nr)}: ${udfaldTekst(udfald)}${stemmer}`;
    }
    case 'ProtokoltilfoerselTilfoejet':
      return `Protokoltilførsel fra ${event.data.medlem} på ${punkt(event.data.nr)}`;
    case 'MoedeHaevet':
      return `Mødet blev hævet; referatet skal godkendes af ${antal(event.data.underskrivere.length, 'medlem', 'medlemmer')}`;
    case 'ReferatUnderskrevet':
      return `${event.data.medlem} godkendte referatet`;
    case 'ReferatGodkendt':
      return `Referatet er godkendt (sha256 ${event.data.referatSha256.slice(0, 12)}…)`;
    case 'ReferatOffentliggjort':
      return 'Referatet blev offentliggjort';
    default:
      return assertNever(event);
  }
}

/** " (sag 19/18529)" for the punkt with that number before the event, or nothing. */
function sagsnummer(moede: MoedeState, nr: number): string {
  const punkt = moede.status === 'ny' ? undefined : moede.punkter.find((candidate) => candidate.nr === nr);
  return punkt ? ` (sag ${punkt.sag.sagsnummer})` : '';
}

function stort(tekst: string): string {
  return tekst.charAt(0).toLocaleUpperCase('da-DK') + tekst.slice(1);
}
