/**
 * `npm run bench:api`: the built API under autocannon on the embedded durable
 * store — a realistic mix, then create-sag alone, then each public page alone — followed by a graceful
 * stop, `sagsgang verify` and the live read models' digest against a fresh
 * replay's. Writes the "API load" section of docs/benchmarks.md and exits
 * non-zero when a target is missed, a request failed, verify fails or the
 * digests differ. `--no-docs` leaves the docs alone; BENCH_API_SECONDS
 * shortens the runs (default 30), BENCH_API_NODE_ARGS passes flags to the
 * API's node (e.g. --cpu-prof). `--backup` takes `sagsgang backup` halfway
 * through the create-sag load, then restores it into a new folder, verifies
 * it and compares the restored read models, caught up by the API, with a
 * replay of the restored log (reported, and a failure if anything differs).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { describeMachine, remeasure } from '../store/machine';
import { BackupOutcome, backupAfter, checkRestore } from './backup';
import { compareDigests, verify } from './check';
import { runCreateOnly, runMix, Run } from './load';
import { runPublicPages } from './public-pages';
import { cpuPerRequest, describeFailures, judge, Outcome, renderSection, requestsPerSecond } from './report';
import { writeSection } from '../docs-section';
import { BenchServer, build, ROOT } from './server';

const autocannonVersion = (JSON.parse(readFileSync(require.resolve('autocannon/package.json'), 'utf8')) as { version: string }).version;
import { seed, tokens } from './seed';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const WARMUP_SECONDS = 5;
const SEEDED_SAGER = 200;
const CASEWORKERS = 10;

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const dataRoot = join(ROOT, '.bench-data');
  mkdirSync(dataRoot, { recursive: true });
  const dataDir = mkdtempSync(join(dataRoot, 'api-'));
  try {
    console.log('building the API (npm run build) …');
    build();
    const machine = describeMachine(dataDir);
    console.log(
      `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; fsync ${Math.round(machine.fsyncPerSecond)}/s`,
    );
    const secret = randomBytes(32).toString('hex');
    const auth = tokens(secret, CASEWORKERS);
    const server = await BenchServer.start(dataDir, secret);
    process.once('exit', () => server.kill());
    console.log(`API pid ${server.pid} at ${server.url}; seeding ${SEEDED_SAGER} sager and a published referat …`);
    const seeded = await seed(server.url, auth, SEEDED_SAGER);
    const measured = async (work: () => Promise<Run>): Promise<Run> => {
      const cpu = server.cpuSeconds();
      const run = await work();
      return report({ ...run, serverCpuSeconds: server.cpuSeconds() - cpu });
    };
    const warmup = await measured(() => runMix(server.url, auth, seeded, WARMUP_SECONDS, 'warm-up'));
    const beforeLoad = server.rss();
    server.sampleRss();
    const mix = await measured(() => runMix(server.url, auth, seeded, SECONDS));
    const afterMix = server.rss();
    const backupDir = join(dataDir, 'backup');
    const backingUp = args.has('--backup') ? backupAfter(dataDir, backupDir, (SECONDS * 1000) / 2) : undefined;
    const create = await measured(() => runCreateOnly(server.url, auth, SECONDS));
    const backup = backingUp && (await backingUp);
    const afterCreate = server.rss();
    const publicPages = await runPublicPages(server.url, seeded, SECONDS, measured);
    const peak = server.peakRss;
    const stopped = await server.stop();
    console.log(`SIGTERM → exit ${stopped.code ?? stopped.signal} after ${stopped.ms} ms`);
    const verified = verify(dataDir);
    console.log(`sagsgang verify: ${verified.passed ? 'OK' : 'FAILED'} (${verified.streams} streams, ${verified.events} events)`);
    const digest = await compareDigests(dataDir);
    console.log(`digest live ${digest.live}\ndigest replay ${digest.replayed} (${digest.replayedEvents} events, head ${digest.head})`);
    const restored = backup && (await checkRestore(backup, backupDir, secret));
    if (restored) describeBackup(restored);
    remeasure(machine, dataDir);
    const outcome: Outcome = {
      machine,
      date: new Date(),
      autocannon: autocannonVersion,
      seededSager: SEEDED_SAGER,
      warmupSeconds: WARMUP_SECONDS,
      warmup,
      mix,
      create,
      publicPages,
      memory: { beforeLoad, afterMix, afterCreate, peak: Math.max(peak, afterMix, afterCreate) },
      stopped,
      verify: verified,
      digest,
      logLines: countLogLines(server.logFile),
    };
    const problems = [...judge(outcome), ...(restored ? backupProblems(restored) : [])];
    const section = renderSection(outcome, problems);
    console.log('\n' + section);
    if (!args.has('--no-docs')) writeSection(join(ROOT, 'docs', 'benchmarks.md'), section);
    problems.forEach((problem) => console.error(`FAIL ${problem}`));
    return problems.length === 0 ? 0 : 1;
  } finally {
    if (!process.env.BENCH_API_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

function describeBackup({ backup, restore, verify: verified, digestEqual }: BackupOutcome): void {
  console.log(`sagsgang backup during the create load: exit ${backup.code} after ${backup.ms} ms: ${backup.output.trim()}`);
  console.log(`sagsgang restore: exit ${restore.code}: ${restore.output.trim()}`);
  console.log(`restored: verify ${verified.passed ? 'OK' : 'FAILED'}, read models ${digestEqual ? 'equal' : 'NOT equal'} to a replay`);
}

function backupProblems({ backup, restore, verify: verified, digestEqual }: BackupOutcome): string[] {
  return [
    ...(backup.code === 0 ? [] : [`sagsgang backup failed: ${backup.output}`]),
    ...(restore.code === 0 ? [] : [`sagsgang restore failed: ${restore.output}`]),
    ...(verified.passed ? [] : [`the restored log does not verify: ${verified.output}`]),
    ...(digestEqual ? [] : ['the restored read models differ from a replay of the restored log']),
  ];
}

function report(run: Run): Run {
  const r = run.result;
  console.log(
    `${run.name.padEnd(10)} ${Math.round(requestsPerSecond(run)).toString().padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
      `max ${r.latency.max} ms  API CPU ${cpuPerRequest(run)} ms/request, load ${loadavg()[0].toFixed(1)}  (${r.requests.total} requests; ${describeFailures(run)})`,
  );
  return run;
}

/** JSON lines the API wrote, and how many of them at level error or worse (pino: ≥ 50). */
function countLogLines(file: string): { total: number; errors: number } {
  let total = 0;
  let errors = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    total++;
    try {
      if (((JSON.parse(line) as { level?: number }).level ?? 0) >= 50) errors++;
    } catch {
      errors++; // not a log line: something wrote to stdout or stderr directly
    }
  }
  return { total, errors };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
