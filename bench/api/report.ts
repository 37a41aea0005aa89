import type { Machine } from '../store/machine';
import { DigestOutcome, VerifyOutcome } from './check';
import { mixSteps, Run } from './load';
import { PUBLIC_PAGE_TARGETS } from './public-pages';
import { Stopped } from './server';

export const TARGETS = { mixRequestsPerSecond: 2_000, mixP99Ms: 50, createRequestsPerSecond: 1_500 };

export interface Memory {
  /** RSS in bytes: after seeding, after the mix, after create-only, the peak while loaded. */
  beforeLoad: number;
  afterMix: number;
  afterCreate: number;
  peak: number;
}

export interface Outcome {
  machine: Machine;
  date: Date;
  autocannon: string;
  seededSager: number;
  warmupSeconds: number;
  warmup: Run;
  mix: Run;
  create: Run;
  /** The meeting page, the referat page and the search page, each alone. */
  publicPages: Run[];
  memory: Memory;
  stopped: Stopped;
  verify: VerifyOutcome;
  digest: DigestOutcome;
  logLines: { total: number; errors: number };
}

export function requestsPerSecond(run: Run): number {
  return run.result.requests.total / run.result.duration;
}

/** The API's CPU time per request answered, in ms (both cores count). */
export function cpuPerRequest(run: Run): string {
  return run.serverCpuSeconds === undefined ? '?' : ((run.serverCpuSeconds * 1000) / Math.max(1, run.result.requests.total)).toFixed(2);
}

/** Anything that is not a 2xx answer: connection errors, timeouts and other statuses. */
export function failed(run: Run): number {
  return run.result.errors + run.result.timeouts + run.result.non2xx;
}

export function judge(outcome: Outcome): string[] {
  const problems: string[] = [];
  const { mix, create } = outcome;
  if (requestsPerSecond(mix) < TARGETS.mixRequestsPerSecond)
    problems.push(`mix: ${Math.round(requestsPerSecond(mix))} requests/s < ${TARGETS.mixRequestsPerSecond}`);
  if (mix.result.latency.p99 >= TARGETS.mixP99Ms) problems.push(`mix: p99 ${mix.result.latency.p99} ms ≥ ${TARGETS.mixP99Ms} ms`);
  if (requestsPerSecond(create) < TARGETS.createRequestsPerSecond)
    problems.push(`create sag: ${Math.round(requestsPerSecond(create))} requests/s < ${TARGETS.createRequestsPerSecond}`);
  for (const run of outcome.publicPages) {
    if (requestsPerSecond(run) < PUBLIC_PAGE_TARGETS.requestsPerSecond)
      problems.push(`${run.name}: ${Math.round(requestsPerSecond(run))} requests/s < ${PUBLIC_PAGE_TARGETS.requestsPerSecond}`);
    if (run.result.latency.p99 >= PUBLIC_PAGE_TARGETS.p99Ms)
      problems.push(`${run.name}: p99 ${run.result.latency.p99} ms ≥ ${PUBLIC_PAGE_TARGETS.p99Ms} ms`);
  }
  for (const run of [outcome.warmup, mix, create, ...outcome.publicPages]) {
    if (failed(run) > 0) problems.push(`${run.name}: ${failed(run)} failed requests (${describeFailures(run)})`);
  }
  if (outcome.stopped.code !== 0)
    problems.push(`the API did not exit 0 on SIGTERM (code ${outcome.stopped.code}, signal ${outcome.stopped.signal})`);
  if (!outcome.verify.passed) problems.push(`sagsgang verify failed: ${outcome.verify.output ?? ''}`);
  if (!outcome.digest.equal) problems.push(`live read model digest ${outcome.digest.live} ≠ replayed ${outcome.digest.replayed}`);
  if (outcome.logLines.errors > 0) problems.push(`the API logged ${outcome.logLines.errors} error lines`);
  return problems;
}

export function describeFailures(run: Run): string {
  const parts = [`${run.result.errors} connection errors`, `${run.result.timeouts} timeouts`, `${run.result.non2xx} non-2xx`];
  const detail = Object.entries(run.failures).map(([what, count]) => `${what} ×${count}`);
  return [...parts, ...detail].join(', ');
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en');
const pass = (ok: boolean) => (ok ? 'pass' : '**FAIL**');

export function renderSection(outcome: Outcome, problems: string[]): string {
  const { machine, mix, create, memory, digest, verify: verified } = outcome;
  const shares = new Map<string, string[]>();
  for (const step of mixSteps()) shares.set(step.kind, [...(shares.get(step.kind) ?? []), step.label]);
  const total = mixSteps().length;
  const row = (run: Run) => {
    const r = run.result;
    return `| ${run.name} | ${int(requestsPerSecond(run))} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${int(r.requests.total)} | ${r.errors + r.timeouts} | ${r.non2xx} | ${cpuPerRequest(run)} |`;
  };
  const createOk = requestsPerSecond(create) >= TARGETS.createRequestsPerSecond && failed(create) === 0;
  const mixOk = requestsPerSecond(mix) >= TARGETS.mixRequestsPerSecond && mix.result.latency.p99 < TARGETS.mixP99Ms && failed(mix) === 0;
  const publicOk = outcome.publicPages.every(
    (run) =>
      requestsPerSecond(run) >= PUBLIC_PAGE_TARGETS.requestsPerSecond &&
      run.result.latency.p99 < PUBLIC_PAGE_TARGETS.p99Ms &&
      failed(run) === 0,
  );
  return [
    '## API load',
    '',
    `\`npm run bench:api\` (bench/api), ${outcome.date.toISOString().slice(0, 10)}: ${machine.cpuModel}, ${machine.cores} cores, ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}; the disk did ${int(machine.fsyncPerSecond)} write+fsync pairs/s before the run` +
      `${machine.fsyncPerSecondAfter ? ` and ${int(machine.fsyncPerSecondAfter)}/s after` : ''}; 1-minute load average ` +
      `${machine.loadBefore.toFixed(1)} before and ${machine.loadAfter?.toFixed(1) ?? '?'} after (anything above 0 is other work sharing the two cores).`,
    '',
    `The built API (\`dist/\`) runs as a child process on 127.0.0.1 on a fresh data folder with the defaults — durability \`full\` ` +
      `(every acknowledged command is fsynced), log level \`info\` (one JSON line per request, to a file) — and only the rate limit ` +
      `off (\`SAGSGANG_RATE_LIMIT=0\`). autocannon ${outcome.autocannon} runs in the benchmark's own process on the same two cores, ` +
      `${mix.connections} connections, ${mix.seconds} s per run, after seeding ${outcome.seededSager} sager (each with anledning and ` +
      `indstilling) and a meeting of three punkter (one lukket) taken to a published referat, and a ${outcome.warmupSeconds} s warm-up of the mix.`,
    '',
    `**The mix**: every connection is one caseworker (${outcome.seededSager > 0 ? 'tokens spread over several users' : ''}) cycling through ${total} requests: ` +
      [...shares].map(([kind, labels]) => `${kind} ${Math.round((labels.length / total) * 100)} % (${labels.join('; ')})`).join(', ') +
      '. The referat is read as the public reads it, without a token. **create sag**: only `POST /sager`, each a new sag with its own sagsnummer.',
    '',
    '| run | requests/s | p50 ms | p99 ms | max ms | requests | errors + timeouts | non-2xx | API CPU ms/request |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row(mix),
    row(create),
    ...outcome.publicPages.map(row),
    '',
    "**Public pages**: each page alone, as a citizen asks for it without a token and without JavaScript: the published meeting's page " +
      '(`/moede/:id`), its referat page (`/moede/:id/referat`), and the search page (`/soeg?q=…`, four searches in turn).',
    '',
    `Server memory (RSS of the API process): ${mib(memory.beforeLoad)} after seeding, ${mib(memory.afterMix)} after the mix, ` +
      `${mib(memory.afterCreate)} after create sag, ${mib(memory.peak)} at the peak.`,
    '',
    `After the runs: SIGTERM → exit code ${outcome.stopped.code} in ${outcome.stopped.ms} ms; \`sagsgang verify\` ` +
      `${verified.passed ? 'passed' : 'FAILED'} (${int(verified.streams)} streams, ${int(verified.events)} events, ${verified.failures} failures); ` +
      `the live read models (checkpoints ${Object.values(digest.liveCheckpoints).join(', ')} of head ${digest.head}) and a fresh replay of ` +
      `${int(digest.replayedEvents)} events (${digest.replaySeconds.toFixed(1)} s) have ${digest.equal ? 'the same' : '**different**'} digest ` +
      `(\`${digest.live.slice(0, 16)}…\`${digest.equal ? '' : ` vs \`${digest.replayed.slice(0, 16)}…\``}); the API logged ${int(outcome.logLines.total)} lines, ${outcome.logLines.errors} of them errors.`,
    '',
    '| target | result |',
    '|---|---|',
    `| mix ≥ ${int(TARGETS.mixRequestsPerSecond)} requests/s, p99 < ${TARGETS.mixP99Ms} ms, zero errors | ${pass(mixOk)} |`,
    `| create sag ≥ ${int(TARGETS.createRequestsPerSecond)} durable commands/s, zero errors | ${pass(createOk)} |`,
    `| each public page ≥ ${int(PUBLIC_PAGE_TARGETS.requestsPerSecond)} requests/s, p99 < ${PUBLIC_PAGE_TARGETS.p99Ms} ms, zero errors | ${pass(publicOk)} |`,
    `| verify passes, live digest = replayed digest | ${pass(verified.passed && digest.equal)} |`,
    '',
    problems.length === 0 ? 'Every target met.' : `Missed: ${problems.join('; ')}.`,
    '',
  ].join('\n');
}
