import { fold, Forbidden, IllegalTransition, NotFound, ROLES, Role } from '@sagsgang/kernel';
import {
  allowedCommands,
  availableCommands,
  MOEDE_COMMAND_TYPES,
  MOEDE_STATUSES,
  MoedeCommandType,
  moedeDecider,
  MoedeStatus,
} from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, historyIn, MOEDE_ID, setupFor } from '../src/testing/fixtures';

/**
 * The meeting workflow's rules written out by hand as the oracle; the cases
 * below are generated from every command × status and command × role, so no
 * pair is left untested.
 */
const ALLOWED: Record<MoedeStatus, MoedeCommandType[]> = {
  ny: ['IndkaldMoede'],
  planlagt: [
    'AflysMoede',
    'ErklaerInhabilitet',
    'FjernPunkt',
    'FlytPunkt',
    'MarkerPunkt',
    'RegistrerFravaer',
    'TilfoejPunkt',
    'UdsendDagsorden',
  ],
  dagsorden_udsendt: [
    'AabnMoede',
    'AflysMoede',
    'ErklaerInhabilitet',
    'FjernPunkt',
    'MarkerPunkt',
    'RegistrerAfgang',
    'RegistrerFravaer',
    'TilfoejPunkt',
  ],
  i_gang: [
    'ErklaerInhabilitet',
    'FjernPunkt',
    'HaevMoede',
    'RegistrerAfgang',
    'RegistrerBeslutning',
    'RegistrerFravaer',
    'TilfoejProtokoltilfoersel',
  ],
  haevet: ['GodkendReferat'],
  referat_godkendt: ['OffentliggoerReferat'],
  offentliggjort: [],
  aflyst: [],
};

/** Only the sekretær (or admin) runs a meeting. */
const ROLE_MAY: Record<Role, boolean> = { sekretaer: true, admin: true, sagsbehandler: false, revisor: false };

const spec = deciderSpecification(moedeDecider);

describe('the meeting workflow as data', () => {
  it.each(MOEDE_STATUSES)('allows in %s exactly the commands of the oracle', (status) => {
    expect(allowedCommands(status)).toEqual(ALLOWED[status]);
  });

  it.each(ROLES)('offers %s only the commands its role may issue', (role) => {
    const offered = MOEDE_STATUSES.flatMap((status) => availableCommands(status, role));
    expect(offered.length > 0).toBe(ROLE_MAY[role]);
  });
});

describe('every command in every status where the workflow does not allow it', () => {
  const illegal = MOEDE_STATUSES.filter((status) => status !== 'ny').flatMap((status) =>
    MOEDE_COMMAND_TYPES.filter((type) => !ALLOWED[status].includes(type)).map((type) => [status, type] as const),
  );

  it.each(illegal)('in %s, %s is an illegal transition naming the allowed commands', (status, type) => {
    spec
      .given(historyIn(status))
      .when(command(type))
      .thenThrows(IllegalTransition, (error) => {
        expect(error.currentState).toBe(status);
        expect(error.command).toBe(type);
        expect(error.allowedCommands).toEqual(ALLOWED[status]);
      });
  });

  it.each(MOEDE_COMMAND_TYPES.filter((type) => type !== 'IndkaldMoede'))('on a meeting that does not exist, %s is not found', (type) => {
    spec
      .given([])
      .when(command(type))
      .thenThrows(NotFound, (error) => expect([error.what, error.id]).toEqual(['møde', MOEDE_ID]));
  });
});

describe('every command for every role', () => {
  const pairs = MOEDE_COMMAND_TYPES.flatMap((type) => ROLES.map((role) => [type, role] as const));
  const forbidden = pairs.filter(([, role]) => !ROLE_MAY[role]);
  const permitted = pairs.filter(([, role]) => ROLE_MAY[role]);

  it.each(forbidden)('%s by %s is forbidden', (type, role) => {
    spec
      .given(setupFor(type))
      .when(command(type, {}, { role }))
      .thenThrows(Forbidden, (error) => expect([error.role, error.command]).toEqual([role, type]));
  });

  it.each(permitted)('%s by %s is permitted', (type, role) => {
    spec
      .given(setupFor(type))
      .when(command(type, {}, { role }))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ moedeId: MOEDE_ID }) })]);
  });

  it('tells a revisor no even where the command would be illegal anyway', () => {
    spec
      .given(historyIn('offentliggjort'))
      .when(command('RegistrerBeslutning', {}, { role: 'revisor' }))
      .thenThrows(Forbidden);
  });

  it('tells a sagsbehandler no even for a meeting that does not exist', () => {
    spec
      .given([])
      .when(command('AabnMoede', {}, { role: 'sagsbehandler' }))
      .thenThrows(Forbidden);
  });
});

it("refuses a command decided against another meeting's stream: a bug in the app, not a user error", () => {
  const other = { ...command('AabnMoede'), data: { moedeId: 'moede-oekonomiudvalget-2020-01-13' } };
  const state = fold(moedeDecider, historyIn('dagsorden_udsendt'));
  expect(() => moedeDecider.decide(other, state)).toThrow(/decided against the stream of møde/);
});
