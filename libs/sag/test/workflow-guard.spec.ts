import { Forbidden, IllegalTransition, NotFound, ROLES, Role } from '@sagsgang/kernel';
import {
  POLITISK_V1,
  SAG_COMMAND_TYPES,
  SAG_STATUSES,
  SagCommandType,
  SagStatus,
  allowedCommands,
  availableCommands,
  sagDecider,
} from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, historyIn } from '../src/testing/fixtures';

/**
 * The default workflow's rules, written out by hand as the oracle; the cases
 * below are generated from every command × state and command × role, so no
 * pair is left untested.
 */
const ALLOWED: Record<SagStatus, SagCommandType[]> = {
  ny: ['OpretSag'],
  under_udarbejdelse: ['BeskrivAnledning', 'GivIndstilling', 'HenlaegSag', 'SkrivSagsfremstilling', 'VedhaeftBilag'],
  indstillet: ['BeskrivAnledning', 'HenlaegSag', 'ReviderIndstilling', 'SaetPaaDagsorden', 'SkrivSagsfremstilling', 'VedhaeftBilag'],
  paa_dagsorden: ['RegistrerBeslutning', 'TraekFraDagsorden'],
  afgjort: ['AfslutSag'],
  henlagt: ['GenoptagSag'],
  afsluttet: ['GenoptagSag'],
};

const SEKRETAER_COMMANDS: SagCommandType[] = ['SaetPaaDagsorden', 'TraekFraDagsorden', 'RegistrerBeslutning'];
const ROLE_MAY: Record<Role, (command: SagCommandType) => boolean> = {
  sagsbehandler: (type) => !SEKRETAER_COMMANDS.includes(type),
  sekretaer: (type) => SEKRETAER_COMMANDS.includes(type),
  revisor: () => false,
  admin: () => true,
};

const spec = deciderSpecification(sagDecider);
const firstStateAllowing = (type: SagCommandType): SagStatus => SAG_STATUSES.find((status) => ALLOWED[status].includes(type))!;

describe('the politisk workflow as data', () => {
  it.each(SAG_STATUSES)('allows in %s exactly the commands of the oracle', (status) => {
    expect(allowedCommands(POLITISK_V1, status)).toEqual(ALLOWED[status]);
  });

  it.each(ROLES)('offers %s only the commands its role may issue', (role) => {
    const offered = SAG_STATUSES.flatMap((status) => availableCommands(POLITISK_V1, status, role));
    expect(offered.every(ROLE_MAY[role])).toBe(true);
  });
});

describe('every command in every state where the workflow does not allow it', () => {
  // GivIndstilling on an indstillet sag revises its indstilling (see below).
  const revises = (status: SagStatus, type: string) => status === 'indstillet' && type === 'GivIndstilling';
  const illegal = SAG_STATUSES.filter((status) => status !== 'ny').flatMap((status) =>
    SAG_COMMAND_TYPES.filter((type) => !ALLOWED[status].includes(type) && !revises(status, type)).map((type) => [status, type] as const),
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

  it.each(SAG_COMMAND_TYPES.filter((type) => type !== 'OpretSag'))('on a sag that does not exist, %s is not found', (type) => {
    spec
      .given([])
      .when(command(type))
      .thenThrows(NotFound, (error) => expect(error.id).toBe(command(type).data.sagId));
  });
});

describe('giving the indstilling of a sag that has one', () => {
  it('revises it, under the rule for ReviderIndstilling', () => {
    spec
      .given(historyIn('indstillet'))
      .when(command('GivIndstilling', { atPunkter: ['at sagen godkendes med ændringer'] }))
      .thenMatches([
        { type: 'IndstillingRevideret', data: expect.objectContaining({ version: 2, atPunkter: ['at sagen godkendes med ændringer'] }) },
      ]);
  });

  it('is still refused once the sag is on an agenda', () => {
    spec
      .given(historyIn('paa_dagsorden'))
      .when(command('GivIndstilling'))
      .thenThrows(IllegalTransition, (error) => expect(error.command).toBe('GivIndstilling'));
  });
});

describe('every command for every role', () => {
  const pairs = SAG_COMMAND_TYPES.flatMap((type) => ROLES.map((role) => [type, role] as const));
  const forbidden = pairs.filter(([type, role]) => !ROLE_MAY[role](type));
  const permitted = pairs.filter(([type, role]) => ROLE_MAY[role](type));

  it.each(forbidden)('%s by %s is forbidden', (type, role) => {
    spec
      .given(historyIn(firstStateAllowing(type)))
      .when(command(type, {}, { role }))
      .thenThrows(Forbidden, (error) => expect([error.role, error.command]).toEqual([role, type]));
  });

  it.each(permitted)('%s by %s is permitted', (type, role) => {
    spec
      .given(historyIn(firstStateAllowing(type)))
      .when(command(type, {}, { role }))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ sagId: command(type).data.sagId }) })]);
  });

  it('tells a revisor no even where the command would be illegal anyway', () => {
    spec
      .given(historyIn('afsluttet'))
      .when(command('GivIndstilling', {}, { role: 'revisor' }))
      .thenThrows(Forbidden);
  });
});
