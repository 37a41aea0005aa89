import { ROLES } from '@sagsgang/kernel';
import { SAG_COMMAND_TYPES, SagCommandType } from '../commands';
import { Udfald, ALLE_UDFALD, Routing, ROUTINGS } from '../udfald';
import { SAGSTYPER, Sagstype } from '../sagstype';
import { SAG_STATUSES, SagStatus } from '../state';
import { COMMAND_SCOPE, CommandRule, ROUTING_TARGET, WorkflowDefinition } from './definition';
import { describe, isObject, isOneOf, JsonReader } from './json-reader';

export class WorkflowDefinitionError extends Error {
  override readonly name = 'WorkflowDefinitionError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const KEYS = ['name', 'version', 'description', 'states', 'commands', 'udfald', 'routing'] as const;
const NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * Validates a municipality's workflow file: a list of definitions, or an object
 * `{ "workflows": [...] }`. Throws a WorkflowDefinitionError naming every bad
 * entry by its path; returns frozen definitions.
 */
export function parseWorkflows(json: unknown): WorkflowDefinition[] {
  const reader = new JsonReader();
  const list = reader.array('workflows', isWrapped(json) ? json.workflows : json) ?? [];
  const definitions = list.map((entry, index) => parseWorkflow(reader, `workflows[${index}]`, entry));
  reportDuplicates(reader, definitions);
  if (reader.problems.length > 0) throw new WorkflowDefinitionError(reader.problems);
  return definitions.map((definition) => deepFreeze(definition));
}

function isWrapped(json: unknown): json is { workflows: unknown } {
  return isObject(json) && 'workflows' in json;
}

function parseWorkflow(reader: JsonReader, path: string, entry: unknown): WorkflowDefinition {
  const raw = reader.object(path, entry) ?? {};
  reader.onlyKeys(path, raw, KEYS);
  reader.requiredKeys(
    path,
    raw,
    KEYS.filter((key) => key !== 'description'),
  );
  const states = 'states' in raw ? reader.listOf(`${path}.states`, raw.states, SAG_STATUSES, 'state') : [];
  const commands = parseCommands(reader, `${path}.commands`, raw.commands, states);
  const udfald = parseUdfald(reader, `${path}.udfald`, raw.udfald);
  const routing = parseRouting(reader, `${path}.routing`, raw.routing);
  const definition: WorkflowDefinition = {
    name: name(reader, path, raw.name),
    version: version(reader, path, raw.version),
    states,
    commands,
    udfald,
    routing,
  };
  if (raw.description !== undefined) definition.description = description(reader, path, raw.description);
  if (isObject(raw.udfald) && isObject(raw.routing)) checkCoherence(reader, path, definition, Object.keys(raw.routing));
  return definition;
}

function name(reader: JsonReader, path: string, value: unknown): string {
  if (typeof value === 'string' && NAME.test(value)) return value;
  reader.report(`${path}.name`, `expected a lowercase name such as "politisk", got ${describe(value)}`);
  return '';
}

function version(reader: JsonReader, path: string, value: unknown): number {
  if (Number.isInteger(value) && (value as number) > 0) return value as number;
  reader.report(`${path}.version`, `expected a positive whole number, got ${describe(value)}`);
  return 0;
}

function description(reader: JsonReader, path: string, value: unknown): string {
  if (typeof value === 'string') return value;
  reader.report(`${path}.description`, `expected text, got ${describe(value)}`);
  return '';
}

function parseCommands(reader: JsonReader, path: string, value: unknown, states: SagStatus[]): Record<SagCommandType, CommandRule> {
  const raw = (value === undefined ? null : reader.object(path, value)) ?? {};
  if (value !== undefined) {
    reader.onlyKeys(path, raw, SAG_COMMAND_TYPES, 'command');
    reader.requiredKeys(path, raw, SAG_COMMAND_TYPES);
  }
  const entries = SAG_COMMAND_TYPES.map(
    (command) => [command, parseRule(reader, `${path}.${command}`, command, raw[command], states)] as const,
  );
  const commands = Object.fromEntries(entries) as Record<SagCommandType, CommandRule>;
  if (value !== undefined && 'OpretSag' in raw && !isEnabled(commands.OpretSag)) {
    reader.report(`${path}.OpretSag`, 'must be allowed from "ny" for at least one role, or no sag could be created');
  }
  return commands;
}

function parseRule(reader: JsonReader, path: string, command: SagCommandType, value: unknown, states: SagStatus[]): CommandRule {
  if (value === undefined) return { from: [], roles: [] };
  const raw = reader.object(path, value) ?? {};
  reader.onlyKeys(path, raw, ['from', 'roles']);
  reader.requiredKeys(path, raw, ['from', 'roles']);
  const scope = COMMAND_SCOPE[command];
  const from = reader.listOf(`${path}.from`, raw.from ?? [], SAG_STATUSES, 'state');
  from.forEach((state) => {
    const at = `${path}.from[${(raw.from as unknown[]).indexOf(state)}]`;
    if (!states.includes(state)) reader.report(at, `state "${state}" is not in this workflow's states`);
    else if (!isOneOf(state, scope.possibleFrom)) {
      reader.report(at, `${command} has no meaning in state "${state}"; possible: ${scope.possibleFrom.join(', ')}`);
    }
  });
  const roles = reader.listOf(`${path}.roles`, raw.roles ?? [], ROLES, 'role');
  return { from: from.filter((state) => states.includes(state) && isOneOf(state, scope.possibleFrom)), roles };
}

function parseUdfald(reader: JsonReader, path: string, value: unknown): Record<Sagstype, Udfald[]> {
  const raw = (value === undefined ? null : reader.object(path, value)) ?? {};
  if (value !== undefined) {
    reader.onlyKeys(path, raw, SAGSTYPER, 'sagstype');
    reader.requiredKeys(path, raw, SAGSTYPER);
  }
  const entries = SAGSTYPER.map((sagstype) => {
    const udfald = sagstype in raw ? reader.listOf(`${path}.${sagstype}`, raw[sagstype], ALLE_UDFALD, 'udfald') : [];
    return [sagstype, udfald] as const;
  });
  return Object.fromEntries(entries) as Record<Sagstype, Udfald[]>;
}

function parseRouting(reader: JsonReader, path: string, value: unknown): Partial<Record<Udfald, Routing>> {
  const raw = (value === undefined ? null : reader.object(path, value)) ?? {};
  reader.onlyKeys(path, raw, ALLE_UDFALD, 'udfald');
  const routing: Partial<Record<Udfald, Routing>> = {};
  for (const udfald of ALLE_UDFALD.filter((udfald) => udfald in raw)) {
    if (isOneOf(raw[udfald], ROUTINGS)) routing[udfald] = raw[udfald];
    else reader.report(`${path}.${udfald}`, `unknown routing ${describe(raw[udfald])}; expected one of ${ROUTINGS.join(', ')}`);
  }
  return routing;
}

/**
 * Checks that need the whole definition: every udfald in use has a routing,
 * every sagstype can be decided, and nothing leads to a state the workflow
 * does not have.
 */
function checkCoherence(reader: JsonReader, path: string, definition: WorkflowDefinition, routed: readonly string[]): void {
  const { udfald: tilladte, routing, states, commands } = definition;
  for (const sagstype of SAGSTYPER) {
    for (const udfald of tilladte[sagstype].filter((udfald) => !routed.includes(udfald))) {
      reader.report(`${path}.routing`, `no routing for udfald "${udfald}", which udfald.${sagstype} uses`);
    }
    if (tilladte[sagstype].length > 0 && !tilladte[sagstype].some((udfald) => routing[udfald] === 'afgjort')) {
      reader.report(`${path}.udfald.${sagstype}`, 'no udfald routes to "afgjort", so such a sag could never be decided');
    }
  }
  for (const command of SAG_COMMAND_TYPES.filter((command) => isEnabled(commands[command]))) {
    for (const target of COMMAND_SCOPE[command].leadsTo.filter((target) => !states.includes(target))) {
      reader.report(`${path}.commands.${command}`, `leads to state "${target}", which is not in this workflow's states`);
    }
  }
  if (!isEnabled(commands.RegistrerBeslutning)) return;
  for (const udfald of ALLE_UDFALD) {
    const target = routing[udfald] && ROUTING_TARGET[routing[udfald]];
    if (target && !states.includes(target)) {
      reader.report(`${path}.routing.${udfald}`, `leads to state "${target}", which is not in this workflow's states`);
    }
  }
}

function isEnabled(rule: CommandRule): boolean {
  return rule.from.length > 0 && rule.roles.length > 0;
}

function reportDuplicates(reader: JsonReader, definitions: WorkflowDefinition[]): void {
  definitions.forEach((definition, index) => {
    const first = definitions.findIndex((other) => other.name === definition.name && other.version === definition.version);
    if (first < index && definition.name !== '') {
      reader.report(
        `workflows[${index}]`,
        `duplicate workflow "${definition.name}" version ${definition.version} (also workflows[${first}])`,
      );
    }
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((child) => deepFreeze(child));
    Object.freeze(value);
  }
  return value;
}
