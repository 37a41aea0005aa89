import { WorkflowDefinition } from './definition';

const SAGSBEHANDLER = ['sagsbehandler', 'admin'] as const;
const SEKRETAER = ['sekretaer', 'admin'] as const;
const UNDER_ARBEJDE = ['under_udarbejdelse', 'indstillet'] as const;
/** Every sagstype may be sent on, postponed or sent back, whatever it ends in. */
const ROUTING_OUTCOMES = ['anbefalet', 'udsat', 'tilbagesendt'] as const;

/**
 * The default workflow: a sag is prepared by the administration, passes the
 * udvalg of its sagsgang one meeting at a time, and is decided by the last.
 * Revisor issues no command; admin may issue every command.
 */
export const POLITISK_V1: WorkflowDefinition = {
  name: 'politisk',
  version: 1,
  description: 'Administration → udvalg i sagsgangen → udvalget med kompetence',
  states: ['ny', 'under_udarbejdelse', 'indstillet', 'paa_dagsorden', 'afgjort', 'henlagt', 'afsluttet'],
  commands: {
    OpretSag: { from: ['ny'], roles: SAGSBEHANDLER },
    BeskrivAnledning: { from: UNDER_ARBEJDE, roles: SAGSBEHANDLER },
    SkrivSagsfremstilling: { from: UNDER_ARBEJDE, roles: SAGSBEHANDLER },
    VedhaeftBilag: { from: UNDER_ARBEJDE, roles: SAGSBEHANDLER },
    GivIndstilling: { from: ['under_udarbejdelse'], roles: SAGSBEHANDLER },
    // Not once it is on an agenda: members must decide on what they were sent.
    ReviderIndstilling: { from: ['indstillet'], roles: SAGSBEHANDLER },
    HenlaegSag: { from: UNDER_ARBEJDE, roles: SAGSBEHANDLER },
    AfslutSag: { from: ['afgjort'], roles: SAGSBEHANDLER },
    GenoptagSag: { from: ['henlagt', 'afsluttet'], roles: SAGSBEHANDLER },
    SaetPaaDagsorden: { from: ['indstillet'], roles: SEKRETAER },
    TraekFraDagsorden: { from: ['paa_dagsorden'], roles: SEKRETAER },
    RegistrerBeslutning: { from: ['paa_dagsorden'], roles: SEKRETAER },
  },
  udfald: {
    beslutning: ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', ...ROUTING_OUTCOMES],
    orientering: ['taget_til_efterretning', ...ROUTING_OUTCOMES],
    droeftelse: ['droeftet', ...ROUTING_OUTCOMES],
  },
  routing: {
    godkendt: 'afgjort',
    godkendt_med_aendringer: 'afgjort',
    ikke_godkendt: 'afgjort',
    taget_til_efterretning: 'afgjort',
    droeftet: 'afgjort',
    anbefalet: 'naeste_udvalg',
    udsat: 'samme_udvalg',
    tilbagesendt: 'administration',
  },
};
