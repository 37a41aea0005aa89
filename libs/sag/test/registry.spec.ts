import { Forbidden, NotFound } from '@sagsgang/kernel';
import { POLITISK_V1, sagDecider, WorkflowDefinition, WorkflowDefinitionError, WorkflowRegistry } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, historyIn, play } from '../src/testing/fixtures';

/** Version 2 of politisk: only admin may shelve a sag. */
const POLITISK_V2: WorkflowDefinition = {
  ...POLITISK_V1,
  version: 2,
  commands: { ...POLITISK_V1.commands, HenlaegSag: { from: ['under_udarbejdelse', 'indstillet'], roles: ['admin'] } },
};
const DELEGERET: WorkflowDefinition = { ...POLITISK_V1, name: 'delegeret', description: 'Afgøres af ét udvalg' };
const spec = deciderSpecification(sagDecider);

describe('WorkflowRegistry', () => {
  it('includes the default workflow', () => {
    expect(new WorkflowRegistry().get('politisk', 1)).toEqual(POLITISK_V1);
  });

  it('creates new sager under the highest version of a name', () => {
    expect(new WorkflowRegistry([POLITISK_V2]).latest('politisk').version).toBe(2);
  });

  it('keeps older versions for the sager created under them', () => {
    expect(new WorkflowRegistry([POLITISK_V2]).get('politisk', 1)).toEqual(POLITISK_V1);
  });

  it('adds workflows of other names', () => {
    expect(new WorkflowRegistry([DELEGERET]).latest('delegeret').name).toBe('delegeret');
  });

  it('refuses to redefine a built-in version', () => {
    expect(() => new WorkflowRegistry([{ ...POLITISK_V1, description: 'ændret' }])).toThrow(
      new WorkflowDefinitionError(['workflows[0]: "politisk" version 1 is built in; publish a higher version instead']),
    );
  });

  it('reads a municipality file', () => {
    const file = JSON.parse(JSON.stringify({ workflows: [POLITISK_V2] }));
    expect(WorkflowRegistry.fromJson(file).latest('politisk')).toEqual(POLITISK_V2);
  });

  it('does not find a version it does not have', () => {
    expect(() => new WorkflowRegistry().get('politisk', 3)).toThrow(new NotFound('workflow', 'politisk version 3'));
  });

  it('does not find a name it does not have', () => {
    expect(() => new WorkflowRegistry().latest('ukendt')).toThrow(NotFound);
  });
});

describe('a sag follows the workflow version it was created under', () => {
  const registry = new WorkflowRegistry([POLITISK_V2]);

  it('records the version in SagOprettet', () => {
    spec
      .given([])
      .when(command('OpretSag', {}, { workflow: registry.latest('politisk') }))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ workflow: { name: 'politisk', version: 2 } }) })]);
  });

  it('is decided by the rules of its own version after a new one is published', () => {
    const v1 = registry.get('politisk', 1);
    spec
      .given(historyIn('under_udarbejdelse'))
      .when(command('HenlaegSag', {}, { role: 'sagsbehandler', workflow: v1 }))
      .thenMatches([expect.objectContaining({ type: 'SagHenlagt' })]);
  });

  it('created under the new version, is decided by its rules', () => {
    const v2 = registry.latest('politisk');
    spec
      .given(play([command('OpretSag', {}, { workflow: v2 })]))
      .when(command('HenlaegSag', {}, { role: 'sagsbehandler', workflow: v2 }))
      .thenThrows(Forbidden);
  });

  it('refuses a definition other than the recorded one: that is a bug in the caller', () => {
    spec
      .given(historyIn('under_udarbejdelse'))
      .when(command('HenlaegSag', {}, { workflow: POLITISK_V2 }))
      .thenThrows(Error, (error) => {
        expect(error.message).toMatch(/follows workflow politisk version 1, but decide was given politisk version 2$/);
      });
  });
});
