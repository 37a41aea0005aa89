import { assertNever } from '@sagsgang/kernel';
import { FravaerRegistreret, MoedeEvent, MoedeIndkaldt } from './events';
import { fjernet, flyttet, medPunkt, nytPunkt } from './evolve/punkter';
import { inStatus, MoedeIn, MoedeState } from './state';

const FOER_MOEDET = ['planlagt', 'dagsorden_udsendt'] as const;
const FOER_OG_UNDER = ['planlagt', 'dagsorden_udsendt', 'i_gang'] as const;

/** Applies one event to the state; returns a new state and never mutates the old. */
export function evolve(state: MoedeState, event: MoedeEvent): MoedeState {
  const { tidspunkt } = event.data;
  switch (event.type) {
    case 'MoedeIndkaldt':
      inStatus(state, ['ny'], event.type);
      return indkaldt(event);
    case 'MoedeAflyst': {
      const moede = inStatus(state, FOER_MOEDET, event.type);
      const udsendt = moede.status === 'dagsorden_udsendt' ? moede.udsendt : null;
      return { ...moede, status: 'aflyst', udsendt, aflyst: tidspunkt, begrundelse: event.data.begrundelse };
    }
    case 'PunktTilfoejet': {
      const moede = inStatus(state, FOER_MOEDET, event.type);
      return { ...moede, punkter: [...moede.punkter, nytPunkt(event)] };
    }
    case 'PunktFlyttet': {
      const moede = inStatus(state, ['planlagt'], event.type);
      return { ...moede, punkter: flyttet(moede.punkter, event.data.nr, event.data.tilNr) };
    }
    case 'PunktFjernet': {
      const moede = inStatus(state, ['planlagt'], event.type);
      return { ...moede, punkter: fjernet(moede.punkter, event.data.nr) };
    }
    case 'PunktTrukket': {
      const trukket = { begrundelse: event.data.begrundelse, tidspunkt };
      return medPunkt(inStatus(state, ['dagsorden_udsendt', 'i_gang'], event.type), event.data.nr, (punkt) => ({ ...punkt, trukket }));
    }
    case 'PunktMarkeret': {
      const { lukket, neutralTitel } = event.data;
      return medPunkt(inStatus(state, FOER_MOEDET, event.type), event.data.nr, (punkt) => ({ ...punkt, lukket, neutralTitel }));
    }
    case 'DagsordenUdsendt':
      return { ...inStatus(state, ['planlagt'], event.type), status: 'dagsorden_udsendt', udsendt: tidspunkt };
    case 'MoedeAabnet':
      return { ...inStatus(state, ['dagsorden_udsendt'], event.type), status: 'i_gang', aabnet: tidspunkt };
    case 'FravaerRegistreret':
      return fravaer(inStatus(state, FOER_OG_UNDER, event.type), event);
    case 'AfgangRegistreret': {
      const moede = inStatus(state, ['dagsorden_udsendt', 'i_gang'], event.type);
      const { medlem, efterPunkt } = event.data;
      return { ...moede, afgange: [...moede.afgange, { medlem, efterPunkt, tidspunkt }] };
    }
    case 'InhabilitetErklaeret': {
      const { medlem, begrundelse } = event.data;
      return medPunkt(inStatus(state, FOER_OG_UNDER, event.type), event.data.nr, (punkt) => ({
        ...punkt,
        inhabilitet: [...punkt.inhabilitet, { medlem, begrundelse, tidspunkt }],
      }));
    }
    case 'BeslutningRegistreret': {
      const { udfald, beslutningstekst, afstemning } = event.data;
      const beslutning = { udfald, beslutningstekst, afstemning, tidspunkt };
      return medPunkt(inStatus(state, ['i_gang'], event.type), event.data.nr, (punkt) => ({ ...punkt, beslutning }));
    }
    case 'ProtokoltilfoerselTilfoejet': {
      const { medlem, tekst } = event.data;
      return medPunkt(inStatus(state, ['i_gang'], event.type), event.data.nr, (punkt) => ({
        ...punkt,
        protokoltilfoersler: [...punkt.protokoltilfoersler, { medlem, tekst, tidspunkt }],
      }));
    }
    case 'MoedeHaevet': {
      const moede = inStatus(state, ['i_gang'], event.type);
      return { ...moede, status: 'haevet', haevet: tidspunkt, underskrivere: event.data.underskrivere, underskrifter: [] };
    }
    case 'ReferatUnderskrevet': {
      const moede = inStatus(state, ['haevet'], event.type);
      const { medlem, referatSha256 } = event.data;
      return { ...moede, underskrifter: [...moede.underskrifter, { medlem, referatSha256, tidspunkt }] };
    }
    case 'ReferatGodkendt': {
      const moede = inStatus(state, ['haevet'], event.type);
      return { ...moede, status: 'referat_godkendt', godkendt: tidspunkt, referatSha256: event.data.referatSha256 };
    }
    case 'ReferatOffentliggjort':
      return { ...inStatus(state, ['referat_godkendt'], event.type), status: 'offentliggjort', offentliggjort: tidspunkt };
    default:
      return assertNever(event);
  }
}

function indkaldt({ data }: MoedeIndkaldt): MoedeState {
  const { moedeId, tidspunkt, ...fields } = data;
  return { ...fields, status: 'planlagt', id: moedeId, punkter: [], fravaer: [], afgange: [], indkaldt: tidspunkt };
}

/** Fravær for the whole meeting is the meeting's; for named punkter it travels with each punkt. */
function fravaer(moede: MoedeIn<(typeof FOER_OG_UNDER)[number]>, { data }: FravaerRegistreret): MoedeState {
  const { medlem, art, punkter, tidspunkt } = data;
  const entry = { medlem, art, tidspunkt };
  if (punkter === null) return { ...moede, fravaer: [...moede.fravaer, entry] };
  return punkter.reduce((next, nr) => medPunkt(next, nr, (punkt) => ({ ...punkt, fravaer: [...punkt.fravaer, entry] })), moede);
}
