import { NotFound } from '@sagsgang/kernel';
import { WorkflowDefinition } from './definition';
import { parseWorkflows, WorkflowDefinitionError } from './parse-workflows';
import { POLITISK_V1 } from './politisk';

export const BUILT_IN_WORKFLOWS: readonly WorkflowDefinition[] = [POLITISK_V1];

/**
 * The workflows the app knows: the built-in ones plus a municipality's own.
 * A custom file may add workflows or publish a higher version of a built-in
 * name; it may not redefine a version that exists, because sager created under
 * that version must keep being decided by the rules they were created under.
 */
export class WorkflowRegistry {
  private readonly definitions: readonly WorkflowDefinition[];

  constructor(custom: readonly WorkflowDefinition[] = []) {
    const builtIn = parseWorkflows(BUILT_IN_WORKFLOWS);
    const own = parseWorkflows(custom);
    const clashes = own.flatMap((definition, index) =>
      builtIn.some((other) => other.name === definition.name && other.version === definition.version)
        ? [`workflows[${index}]: "${definition.name}" version ${definition.version} is built in; publish a higher version instead`]
        : [],
    );
    if (clashes.length > 0) throw new WorkflowDefinitionError(clashes);
    this.definitions = [...builtIn, ...own];
  }

  /** Parses a municipality's workflow JSON and adds it to the built-in ones. */
  static fromJson(json: unknown): WorkflowRegistry {
    return new WorkflowRegistry(parseWorkflows(json));
  }

  find(name: string, version: number): WorkflowDefinition | undefined {
    return this.definitions.find((definition) => definition.name === name && definition.version === version);
  }

  /** The version a sag was created under; throws NotFound when the app no longer has it. */
  get(name: string, version: number): WorkflowDefinition {
    const definition = this.find(name, version);
    if (!definition) throw new NotFound('workflow', `${name} version ${version}`);
    return definition;
  }

  /** The version new sager are created under. */
  latest(name: string): WorkflowDefinition {
    const versions = this.definitions.filter((definition) => definition.name === name);
    if (versions.length === 0) throw new NotFound('workflow', name);
    return versions.reduce((newest, definition) => (definition.version > newest.version ? definition : newest));
  }

  all(): readonly WorkflowDefinition[] {
    return this.definitions;
  }
}
