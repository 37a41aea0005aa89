/**
 * `npm run bench:replay [-- --events 1000000] [--seed sagsgang] [--fresh] [--no-docs]`
 *
 * 1. Generates the log (bench/replay/generator) into .bench-data/replay-<events>-<seed>/
 *    with a ProjectionRunner running live beside the generator, and records the
 *    live-built read models' digest in manifest.json. A later run reuses that log
 *    and digest unless --fresh, or the generator or the projections changed.
 * 2. Runs `sagsgang replay --json` on that folder, as a child process: once to
 *    warm the machine up (reported, not judged; see WARM_UP in report.ts), then twice.
 * 3. Exits non-zero if a digest differs from the live one or a replay is below
 *    100,000 events/s; writes the "Replay" section of docs/benchmarks.md.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { SQLITE_FILE_NAME } from '@sagsgang/event-store';
import { PROJECTIONS } from '@sagsgang/read-models';
import type { ReplayReport } from '../../apps/cli/src/commands/replay';
import { DEFAULT_SEED, GENERATOR_VERSION, GenerateReport } from './generator';
import { generateLive } from './live';
import { describeMachine, Findings, renderSection, ReplayRun } from './report';
import { writeSection } from '../docs-section';

const ROOT = join(__dirname, '..', '..');
const TARGET = 100_000;
const CLI = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/cli/src/main.ts')];

interface Manifest {
  generator: number;
  projections: string;
  events: number;
  seed: string;
  report: GenerateReport;
  seconds: number;
  liveDigest: string;
  at: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: DEFAULT_SEED },
      fresh: { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const events = Number(values.events);
  const folder = join(ROOT, '.bench-data', `replay-${events}-${values.seed}`);
  const machine = describeMachine();
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadBefore.toFixed(2)}`,
  );

  let manifest = values.fresh ? undefined : reusable(folder, events, values.seed);
  const reused = manifest !== undefined;
  if (manifest) console.log(`reusing the log in ${folder} (generated ${manifest.at}); --fresh generates it again`);
  else manifest = await generate(folder, events, values.seed);

  const warmUp = await replayOnce(folder);
  console.log(
    `warm-up: ${warmUp.events} events in ${warmUp.seconds.toFixed(2)} s = ${warmUp.eventsPerSecond.toLocaleString('en-US')} events/s (not judged)`,
  );
  const replays: ReplayRun[] = [];
  for (let i = 1; i <= 2; i++) {
    const run = await replayOnce(folder);
    console.log(
      `replay ${i}: ${run.events} events in ${run.seconds.toFixed(2)} s = ${run.eventsPerSecond.toLocaleString('en-US')} events/s, digest ${run.digest}`,
    );
    replays.push(run);
  }
  machine.loadAfter = loadavg()[0];

  const failures = [
    ...(warmUp.digest === manifest.liveDigest ? [] : [`the warm-up replay's digest differs from the live one`]),
    ...replays.flatMap((run, i) => (run.digest === manifest.liveDigest ? [] : [`replay ${i + 1}'s digest differs from the live one`])),
    ...replays.flatMap((run, i) => (run.eventsPerSecond >= TARGET ? [] : [`replay ${i + 1} ran at ${run.eventsPerSecond} events/s`])),
  ];
  const r = manifest.report;
  const findings: Findings = {
    machine,
    date: new Date(),
    events: r.events,
    seed: values.seed,
    generation: {
      seconds: manifest.seconds,
      at: manifest.at,
      reused,
      sager: r.sager,
      moeder: r.moeder,
      punkter: r.punkter,
      maxAabneSager: r.maxAabneSager,
      period: `${r.fra} to ${r.til}`,
    },
    liveDigest: manifest.liveDigest,
    warmUp,
    replays,
    target: TARGET,
    passed: failures.length === 0,
    failures,
  };
  const section = renderSection(findings);
  console.log(`\n${section}`);
  if (!values['no-docs']) writeSection(join(ROOT, 'docs', 'benchmarks.md'), section);
  return findings.passed ? 0 : 1;
}

/** The saved log, if it was made by this generator for these projections with the same size and seed. */
function reusable(folder: string, events: number, seed: string): Manifest | undefined {
  const file = join(folder, 'manifest.json');
  if (!existsSync(file) || !existsSync(join(folder, SQLITE_FILE_NAME))) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const same =
    manifest.generator === GENERATOR_VERSION &&
    manifest.projections === projectionVersions() &&
    manifest.events === events &&
    manifest.seed === seed;
  return same ? manifest : undefined;
}

/** Generates the log with a ProjectionRunner following it live, and records the live digest. */
async function generate(folder: string, events: number, seed: string): Promise<Manifest> {
  rmSync(folder, { recursive: true, force: true });
  const progress = (n: number) => void process.stdout.write(`\rgenerating: ${n.toLocaleString('en-US')} events`);
  const { report, liveDigest, seconds } = await generateLive(folder, { events, seed, onProgress: progress });
  console.log(
    `\ngenerated ${report.events} events (${report.sager} sager, ${report.moeder} meetings) and built the read models live in ${seconds.toFixed(1)} s; live digest ${liveDigest}`,
  );
  const manifest: Manifest = {
    generator: GENERATOR_VERSION,
    projections: projectionVersions(),
    events,
    seed,
    report,
    seconds,
    liveDigest,
    at: new Date().toISOString(),
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

async function replayOnce(folder: string): Promise<ReplayRun> {
  const env = { ...process.env, SAGSGANG_DATA: folder, EVENTSTORE_CONNECTION_STRING: '' };
  const { stdout } = await promisify(execFile)(process.execPath, [...CLI, 'replay', '--json'], { env, cwd: ROOT, maxBuffer: 1 << 20 });
  const report = JSON.parse(stdout) as ReplayReport;
  return { events: report.events, seconds: report.seconds, eventsPerSecond: report.eventsPerSecond, digest: report.digest };
}

function projectionVersions(): string {
  return PROJECTIONS.map((projection) => `${projection.name}@${projection.version}`).join(',');
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  },
);
