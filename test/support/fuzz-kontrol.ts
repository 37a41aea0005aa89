import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Forespoergsel } from './fjendtlig';
import { headPosition } from './store';
import type { RunningApi } from './test-app';

/**
 * What every fuzz case must leave true: no 5xx, the API still answers, the
 * log did not grow, Object.prototype is untouched. Throws with the case and
 * the answer, so fast-check can shrink it and print it.
 */
export interface Udfald {
  status: number | 'no answer';
  body: string;
}

export async function send(api: RunningApi, f: Forespoergsel): Promise<Udfald> {
  try {
    const response = await fetch(`${api.url}${f.path}`, { method: f.method, headers: f.headers, body: f.body, redirect: 'manual' });
    return { status: response.status, body: (await response.text()).slice(0, 300) };
  } catch (error) {
    // The server may answer 413/431 and close before the client has sent everything.
    return { status: 'no answer', body: String((error as Error).cause ?? error) };
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

export function objectPrototypeUroert(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    Object.getOwnPropertyNames(Object.prototype).sort().join() === PROTOTYPE_KEYS &&
    probe.polluted === undefined &&
    probe.isAdmin === undefined
  );
}

export interface Krav {
  /** Which statuses count as the right answer (a refusal for write cases, anything below 500 for reads). */
  status: (status: number) => boolean;
}

/**
 * Checks a batch of cases sent together: each answer, then once for the
 * batch that the API still answers, the log did not grow and
 * Object.prototype is untouched (the log only grows, so an unchanged head
 * after the batch means no case in it appended).
 */
export async function kontroller(
  api: RunningApi,
  cases: readonly Forespoergsel[],
  foer: number,
  udfald: readonly Udfald[],
  krav: Krav,
): Promise<void> {
  const problemer: string[] = [];
  cases.forEach((f, i) => {
    const { status, body } = udfald[i];
    if (status === 'no answer') {
      // Only a body over the limit, or a URL over the header limit, may be cut off.
      if ((f.body?.length ?? 0) <= 1024 * 1024 && f.path.length < 8000) problemer.push(`${beskriv(f)}\n    no answer: ${body}`);
    } else if (status >= 500 || !krav.status(status)) {
      problemer.push(`${beskriv(f)}\n    status ${status}: ${body}`);
    }
  });
  const live = await fetch(`${api.url}/health/live`).then(
    (response) => response.status,
    (error) => String(error),
  );
  const efter = await headPosition(api);
  const helheden = [
    ...(live !== 200 ? [`GET /health/live answered ${live}`] : []),
    ...(efter !== foer ? [`the log grew from position ${foer} to ${efter}`] : []),
    ...(objectPrototypeUroert() ? [] : ['Object.prototype was polluted']),
  ];
  if (helheden.length > 0) problemer.push(`${helheden.join('; ')} after:\n${cases.map((f) => `    ${beskriv(f)}`).join('\n')}`);
  if (problemer.length > 0) throw new Error(problemer.join('\n  '));
}

function beskriv(f: Forespoergsel): string {
  return `${f.method} ${f.path.slice(0, 200)} [${f.hvad.join('; ')}] body ${f.body?.subarray(0, 200).toString() ?? '-'}`;
}

/** Sends the cases together and checks them (see kontroller); answers their statuses. */
export async function sendOgKontroller(api: RunningApi, cases: readonly Forespoergsel[], krav: Krav): Promise<Udfald[]> {
  const foer = await headPosition(api);
  const udfald = await Promise.all(cases.map((f) => send(api, f)));
  await kontroller(api, cases, foer, udfald, krav);
  return udfald;
}

/** Files under a folder, recursively (0 when it does not exist). */
export function filerI(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0;
  }
}

export const bilagFolder = (api: RunningApi) => join(api.dataDir, 'bilag');

/** How often each status came back, to check the cases reach more than one kind of refusal (and, for reads, real data). */
export class Statuser {
  private readonly antal = new Map<string, number>();

  add(status: number | string | null): void {
    const key = String(status);
    this.antal.set(key, (this.antal.get(key) ?? 0) + 1);
  }

  get statuses(): string[] {
    return [...this.antal.keys()].sort();
  }

  get total(): number {
    return [...this.antal.values()].reduce((sum, n) => sum + n, 0);
  }

  toString(): string {
    return this.statuses.map((status) => `${status}×${this.antal.get(status)}`).join(' ');
  }
}
