import { Role } from '@sagsgang/kernel';
import { MoedeCommandType } from '../commands';
import { MoedeStatus } from '../state';

/** Who may issue a command, and in which statuses. */
export interface MoedeCommandRule {
  from: readonly MoedeStatus[];
  roles: readonly Role[];
}

/** The sekretær runs the meeting; admin may do anything; sagsbehandler and revisor nothing here. */
const SEKRETAER = ['sekretaer', 'admin'] as const;
const FOER_MOEDET = ['planlagt', 'dagsorden_udsendt'] as const;
const FOER_OG_UNDER_MOEDET = ['planlagt', 'dagsorden_udsendt', 'i_gang'] as const;

/**
 * The meeting's workflow as data, checked in one place (`authorize`). The
 * lifecycle: planlagt → dagsorden_udsendt → i_gang → haevet → referat_godkendt
 * → offentliggjort, or aflyst before the meeting opens. Once haevet, the
 * referat's content is fixed: only approvals and publishing remain.
 */
export const MOEDE_WORKFLOW = {
  IndkaldMoede: { from: ['ny'], roles: SEKRETAER },
  AflysMoede: { from: FOER_MOEDET, roles: SEKRETAER },
  TilfoejPunkt: { from: FOER_MOEDET, roles: SEKRETAER },
  // Members plan by the numbers they were sent, so no reordering after sending.
  FlytPunkt: { from: ['planlagt'], roles: SEKRETAER },
  FjernPunkt: { from: FOER_OG_UNDER_MOEDET, roles: SEKRETAER },
  MarkerPunkt: { from: FOER_MOEDET, roles: SEKRETAER },
  UdsendDagsorden: { from: ['planlagt'], roles: SEKRETAER },
  AabnMoede: { from: ['dagsorden_udsendt'], roles: SEKRETAER },
  RegistrerFravaer: { from: FOER_OG_UNDER_MOEDET, roles: SEKRETAER },
  // "After punkt N" only means something once the numbers are fixed.
  RegistrerAfgang: { from: ['dagsorden_udsendt', 'i_gang'], roles: SEKRETAER },
  ErklaerInhabilitet: { from: FOER_OG_UNDER_MOEDET, roles: SEKRETAER },
  RegistrerBeslutning: { from: ['i_gang'], roles: SEKRETAER },
  // A dissent is recorded while the meeting is open, or not at all.
  TilfoejProtokoltilfoersel: { from: ['i_gang'], roles: SEKRETAER },
  HaevMoede: { from: ['i_gang'], roles: SEKRETAER },
  GodkendReferat: { from: ['haevet'], roles: SEKRETAER },
  OffentliggoerReferat: { from: ['referat_godkendt'], roles: SEKRETAER },
} as const satisfies Readonly<Record<MoedeCommandType, MoedeCommandRule>>;
