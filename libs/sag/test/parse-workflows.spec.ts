import { parseWorkflows, POLITISK_V1, WorkflowDefinitionError } from '../src';

/** A workflow as a municipality's JSON file would hold it. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = (): Json => JSON.parse(JSON.stringify(POLITISK_V1));
const v2 = (): Json => ({ ...json(), version: 2 });

function problemsOf(input: unknown): string[] {
  try {
    parseWorkflows(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    return (error as WorkflowDefinitionError).problems;
  }
  throw new Error('the workflows were accepted');
}

/** Given the second workflow changed by `change`, the one problem reported. */
function problemWith(change: (workflow: Json) => void): string[] {
  const second = v2();
  change(second);
  return problemsOf([json(), second]);
}

describe('parseWorkflows accepts', () => {
  it('the default workflow as JSON, unchanged', () => {
    expect(parseWorkflows([json()])).toEqual([POLITISK_V1]);
  });

  it('a file of the form { "workflows": [...] }', () => {
    expect(parseWorkflows({ workflows: [json(), v2()] }).map((w) => w.version)).toEqual([1, 2]);
  });

  it('and returns frozen definitions, so nothing can change a version later', () => {
    const [workflow] = parseWorkflows([json()]);
    expect(Object.isFrozen(workflow.commands.GivIndstilling.roles)).toBe(true);
  });
});

describe('parseWorkflows names the bad entry exactly', () => {
  it('an unknown role', () => {
    expect(problemWith((w) => (w.commands.GivIndstilling.roles = ['chef']))).toEqual([
      'workflows[1].commands.GivIndstilling.roles[0]: unknown role "chef"; expected one of sagsbehandler, sekretaer, revisor, admin',
    ]);
  });

  it('something other than a list of workflows', () => {
    expect(problemsOf('politisk')).toEqual(['workflows: expected a list, got "politisk"']);
  });

  it('a workflow that is not an object', () => {
    expect(problemsOf([json(), 7])[0]).toBe('workflows[1]: expected an object, got 7');
  });

  it('a bad name', () => {
    expect(problemWith((w) => (w.name = 'Politisk Model'))).toEqual([
      'workflows[1].name: expected a lowercase name such as "politisk", got "Politisk Model"',
    ]);
  });

  it.each([0, -1, 1.5, '2'])('a version of %p', (version) => {
    expect(problemWith((w) => (w.version = version))).toEqual([
      `workflows[1].version: expected a positive whole number, got ${JSON.stringify(version)}`,
    ]);
  });

  it('a misspelt key', () => {
    expect(problemWith((w) => (w.comands = {}))).toEqual([
      'workflows[1].comands: unknown key; expected one of name, version, description, states, commands, udfald, routing',
    ]);
  });

  it('a missing section', () => {
    expect(problemWith((w) => delete w.commands)).toContain('workflows[1].commands: missing');
  });

  it('an unknown state', () => {
    expect(problemWith((w) => w.states.push('arkiveret'))).toEqual([
      'workflows[1].states[7]: unknown state "arkiveret"; expected one of ny, under_udarbejdelse, indstillet, paa_dagsorden, afgjort, henlagt, afsluttet',
    ]);
  });

  it('an unknown command', () => {
    expect(problemWith((w) => (w.commands.GiveIndstilling = { from: [], roles: [] }))).toEqual([
      expect.stringMatching(/^workflows\[1\]\.commands\.GiveIndstilling: unknown command; expected one of OpretSag, /),
    ]);
  });

  it('a missing command', () => {
    expect(problemWith((w) => delete w.commands.HenlaegSag)).toEqual(['workflows[1].commands.HenlaegSag: missing']);
  });

  it('a from-state that the workflow does not have', () => {
    expect(
      problemWith((w) => {
        w.states = w.states.filter((s: string) => s !== 'henlagt');
        w.commands.HenlaegSag.from = [];
        w.commands.GenoptagSag.from = ['henlagt', 'afsluttet'];
      }),
    ).toEqual(['workflows[1].commands.GenoptagSag.from[0]: state "henlagt" is not in this workflow\'s states']);
  });

  it('a from-state the command has no meaning in', () => {
    expect(problemWith((w) => w.commands.GivIndstilling.from.push('afgjort'))).toEqual([
      'workflows[1].commands.GivIndstilling.from[1]: GivIndstilling has no meaning in state "afgjort"; possible: under_udarbejdelse',
    ]);
  });

  it('a command that leads to a state the workflow does not have', () => {
    expect(
      problemWith((w) => {
        w.states = w.states.filter((s: string) => s !== 'henlagt');
        w.commands.GenoptagSag.from = ['afsluttet'];
      }),
    ).toEqual(['workflows[1].commands.HenlaegSag: leads to state "henlagt", which is not in this workflow\'s states']);
  });

  it('a role named twice', () => {
    expect(problemWith((w) => w.commands.AfslutSag.roles.push('admin'))).toEqual([
      'workflows[1].commands.AfslutSag.roles[2]: role "admin" appears more than once',
    ]);
  });

  it('a workflow in which no sag can be created', () => {
    expect(problemWith((w) => (w.commands.OpretSag.roles = []))).toEqual([
      'workflows[1].commands.OpretSag: must be allowed from "ny" for at least one role, or no sag could be created',
    ]);
  });

  it('an unknown udfald', () => {
    expect(problemWith((w) => w.udfald.orientering.push('noteret'))).toEqual([
      expect.stringMatching(/^workflows\[1\]\.udfald\.orientering\[4\]: unknown udfald "noteret"; expected one of godkendt, /),
    ]);
  });

  it('an unknown sagstype', () => {
    expect(problemWith((w) => (w.udfald.B = ['godkendt']))).toEqual([
      'workflows[1].udfald.B: unknown sagstype; expected one of beslutning, orientering, droeftelse',
    ]);
  });

  it('a missing sagstype', () => {
    expect(problemWith((w) => delete w.udfald.droeftelse)).toEqual(['workflows[1].udfald.droeftelse: missing']);
  });

  it('a sagstype that could never be decided', () => {
    expect(problemWith((w) => (w.udfald.droeftelse = ['anbefalet', 'udsat']))).toEqual([
      'workflows[1].udfald.droeftelse: no udfald routes to "afgjort", so such a sag could never be decided',
    ]);
  });

  it('a routing that is not an object', () => {
    expect(problemWith((w) => (w.routing = ['afgjort']))).toEqual(['workflows[1].routing: expected an object, got a list']);
  });

  it('an unknown routing', () => {
    expect(problemWith((w) => (w.routing.udsat = 'senere'))).toEqual([
      'workflows[1].routing.udsat: unknown routing "senere"; expected one of naeste_udvalg, samme_udvalg, administration, afgjort',
    ]);
  });

  it('an udfald in use without a routing', () => {
    expect(problemWith((w) => delete w.routing.droeftet)).toEqual([
      'workflows[1].routing: no routing for udfald "droeftet", which udfald.droeftelse uses',
      'workflows[1].udfald.droeftelse: no udfald routes to "afgjort", so such a sag could never be decided',
    ]);
  });

  it('a routing to a state the workflow does not have', () => {
    const withoutIndstillet = (w: Json) => {
      w.states = w.states.filter((s: string) => s !== 'indstillet');
      for (const rule of Object.values(w.commands) as { from: string[] }[]) rule.from = rule.from.filter((s) => s !== 'indstillet');
      for (const command of ['GivIndstilling', 'TraekFraDagsorden']) w.commands[command].from = [];
    };
    expect(problemWith(withoutIndstillet)).toEqual([
      'workflows[1].routing.anbefalet: leads to state "indstillet", which is not in this workflow\'s states',
      'workflows[1].routing.udsat: leads to state "indstillet", which is not in this workflow\'s states',
    ]);
  });

  it('the same name and version twice', () => {
    expect(problemsOf([json(), v2(), v2()])).toEqual(['workflows[2]: duplicate workflow "politisk" version 2 (also workflows[1])']);
  });

  it('every problem at once, one a line', () => {
    expect(() => parseWorkflows([{ ...json(), name: '', version: 0 }])).toThrow(
      'workflows[0].name: expected a lowercase name such as "politisk", got ""\nworkflows[0].version: expected a positive whole number, got 0',
    );
  });
});
