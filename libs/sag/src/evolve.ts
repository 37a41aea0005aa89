import { assertNever } from '@sagsgang/kernel';
import { Behandlingsdata, SagEvent, SagOprettet } from './events';
import { Behandling, EXISTING, Indstilling, inStatus, sagData, SagState } from './state';

/** Applies one event to the state; returns a new state and never mutates the old. */
export function evolve(state: SagState, event: SagEvent): SagState {
  switch (event.type) {
    case 'SagOprettet':
      inStatus(state, ['ny'], event.type);
      return oprettet(event);
    case 'AnledningBeskrevet':
      return { ...inStatus(state, EXISTING, event.type), anledning: event.data.tekst };
    case 'SagsfremstillingSkrevet': {
      const sag = inStatus(state, EXISTING, event.type);
      const { version, tekst, tidspunkt } = event.data;
      return { ...sag, sagsfremstillinger: [...sag.sagsfremstillinger, { version, tekst, tidspunkt }] };
    }
    case 'BilagVedhaeftet': {
      const sag = inStatus(state, EXISTING, event.type);
      const { sagId: _sagId, ...bilag } = event.data;
      return { ...sag, bilag: [...sag.bilag, bilag] };
    }
    case 'IndstillingGivet': {
      const sag = sagData(inStatus(state, EXISTING, event.type));
      const indstilling = indstillingFrom(event.data, 'givet');
      const indstillinger = [...sag.indstillinger, indstilling];
      return { ...sag, indstillinger, status: 'indstillet', indstilling, afventerUdvalg: sag.sagsgang[sag.trin] };
    }
    case 'IndstillingRevideret': {
      const sag = inStatus(state, ['indstillet', 'paa_dagsorden'], event.type);
      const indstilling = indstillingFrom(event.data, 'revideret');
      return { ...sag, indstillinger: [...sag.indstillinger, indstilling], indstilling };
    }
    case 'SagHenlagt': {
      const sag = sagData(inStatus(state, EXISTING, event.type));
      return { ...sag, status: 'henlagt', begrundelse: event.data.begrundelse, henlagt: event.data.tidspunkt };
    }
    case 'SagAfsluttet':
      return { ...sagData(inStatus(state, EXISTING, event.type)), status: 'afsluttet', afsluttet: event.data.tidspunkt };
    case 'SagGenoptaget':
      return { ...sagData(inStatus(state, EXISTING, event.type)), status: 'under_udarbejdelse', trin: event.data.trin };
    case 'SagSatPaaDagsorden': {
      const sag = inStatus(state, ['indstillet'], event.type);
      const { moedeId, udvalg, punktnummer } = event.data;
      return { ...sagData(sag), status: 'paa_dagsorden', indstilling: sag.indstilling, dagsorden: { moedeId, udvalg, punktnummer } };
    }
    case 'SagTrukketFraDagsorden': {
      const sag = inStatus(state, ['paa_dagsorden'], event.type);
      return { ...sagData(sag), status: 'indstillet', indstilling: sag.indstilling, afventerUdvalg: sag.dagsorden.udvalg };
    }
    case 'SagOversendt':
    case 'SagUdsat':
    case 'SagTilbagesendt':
    case 'SagAfgjort':
      return behandlet(state, event);
    default:
      return assertNever(event);
  }
}

function oprettet({ data }: SagOprettet): SagState {
  const { sagId, tidspunkt, ...fields } = data;
  return {
    ...fields,
    status: 'under_udarbejdelse',
    id: sagId,
    trin: 0,
    oprettet: tidspunkt,
    anledning: null,
    sagsfremstillinger: [],
    bilag: [],
    indstillinger: [],
    behandlinger: [],
  };
}

type BehandlingEvent = Extract<SagEvent, { type: 'SagOversendt' | 'SagUdsat' | 'SagTilbagesendt' | 'SagAfgjort' }>;

/** Every treatment is kept in order, so the history shows each udvalg's turn. */
function behandlet(state: SagState, event: BehandlingEvent): SagState {
  const paaDagsorden = inStatus(state, ['paa_dagsorden'], event.type);
  const { indstilling } = paaDagsorden;
  const behandling = behandlingFrom(event.data);
  const sag = { ...sagData(paaDagsorden), behandlinger: [...paaDagsorden.behandlinger, behandling] };
  switch (event.type) {
    case 'SagOversendt':
      return { ...sag, status: 'indstillet', indstilling, trin: sag.trin + 1, afventerUdvalg: event.data.tilUdvalg };
    case 'SagUdsat':
      return { ...sag, status: 'indstillet', indstilling, afventerUdvalg: behandling.udvalg };
    case 'SagTilbagesendt':
      return { ...sag, status: 'under_udarbejdelse' };
    case 'SagAfgjort':
      return { ...sag, status: 'afgjort', indstilling, afgoerelse: behandling };
    default:
      return assertNever(event);
  }
}

function behandlingFrom({ udvalg, moedeId, moedeDato, udfald, beslutningstekst }: Behandlingsdata): Behandling {
  return { udvalg, moedeId, moedeDato, udfald, beslutningstekst };
}

function indstillingFrom(
  data: { version: number; indstiller: string; atPunkter: string[]; tidspunkt: string },
  art: Indstilling['art'],
): Indstilling {
  const { version, indstiller, atPunkter, tidspunkt } = data;
  return { version, art, indstiller, atPunkter, tidspunkt };
}
