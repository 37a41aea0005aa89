import { assertNever } from '@sagsgang/kernel';
import { RegistrerBeslutning as SagRegistrerBeslutning, SaetPaaDagsorden, TraekFraDagsorden } from '@sagsgang/sag';
import { BeslutningRegistreret, MoedeEvent } from './events';

/**
 * What a sag must do after a meeting event: the commands (without metadata)
 * the app's process manager sends to `@sagsgang/sag`. Pure and read from the
 * event alone, so the process manager never loads the meeting.
 */
export type SagOpfoelgning =
  | { type: 'SaetPaaDagsorden'; data: SaetPaaDagsorden['data'] }
  | { type: 'TraekFraDagsorden'; data: TraekFraDagsorden['data'] }
  | { type: 'RegistrerBeslutning'; data: SagRegistrerBeslutning['data'] };

/** The sag's RegistrerBeslutning for a beslutning made at the meeting. */
export function beslutningTilSag({ data }: BeslutningRegistreret): SagRegistrerBeslutning['data'] {
  const { sagId, udvalg, moedeId, moedeDato, udfald, beslutningstekst } = data;
  return { sagId, udvalg, moedeId, moedeDato, udfald, beslutningstekst };
}

export function sagOpfoelgning(event: MoedeEvent): SagOpfoelgning[] {
  switch (event.type) {
    case 'PunktTilfoejet': {
      const { moedeId, udvalg, nr, sag } = event.data;
      return [{ type: 'SaetPaaDagsorden', data: { sagId: sag.sagId, moedeId, udvalg, punktnummer: nr } }];
    }
    case 'PunktFjernet':
    case 'PunktTrukket': {
      const { moedeId, sagId, begrundelse } = event.data;
      return [{ type: 'TraekFraDagsorden', data: { sagId, moedeId, begrundelse } }];
    }
    case 'MoedeAflyst': {
      const { moedeId, begrundelse, punkter } = event.data;
      const grund = `Mødet er aflyst: ${begrundelse}`;
      return punkter.map(({ sagId }) => ({ type: 'TraekFraDagsorden', data: { sagId, moedeId, begrundelse: grund } }));
    }
    case 'BeslutningRegistreret':
      return [{ type: 'RegistrerBeslutning', data: beslutningTilSag(event) }];
    case 'MoedeIndkaldt':
    case 'PunktFlyttet':
    case 'PunktMarkeret':
    case 'DagsordenUdsendt':
    case 'MoedeAabnet':
    case 'FravaerRegistreret':
    case 'AfgangRegistreret':
    case 'InhabilitetErklaeret':
    case 'ProtokoltilfoerselTilfoejet':
    case 'MoedeHaevet':
    case 'ReferatUnderskrevet':
    case 'ReferatGodkendt':
    case 'ReferatOffentliggjort':
      return [];
    default:
      return assertNever(event);
  }
}
