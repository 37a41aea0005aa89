import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { EventStore } from '@sagsgang/event-store';
import { ProjectionLogger, ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { Command } from '../command';

/**
 * A rebuild serves no reader while it runs, so it commits in larger batches
 * than the API's runner (each document is rewritten less often: at 1M events,
 * 0.6 GB of JSON written instead of 1 GB) and keeps more documents parsed.
 */
const REBUILD = { batchSize: 250_000, cacheSize: 20_000 };
/**
 * A replay allocates about 1 KB of short-lived objects per event (the parsed
 * event, each document's next version); a young generation of 192 MB (64 MB
 * semi-spaces, V8's default is 16) cuts the scavenges to a third.
 */
const YOUNG_GENERATION_MB = 192;

export interface ReplayReport {
  /** The read models rebuilt. */
  readModels: string[];
  /** Events read from the log, and the head position replayed up to. */
  events: number;
  position: number;
  /** The rebuild alone: dropping, replaying and committing, not opening or the digest. */
  seconds: number;
  eventsPerSecond: number;
  /** sha256 over every rebuilt read model (ReadModelStore.digest). */
  digest: string;
}

export const replay: Command = {
  usage: `replay [--json]
        drops every read model in SAGSGANG_DATA/readmodels.sqlite and rebuilds
        it from the log; prints the events replayed, the seconds, events per
        second and the digest of the rebuilt read models (--json: as JSON).
        Refuses to start while another process (the API) has the read models
        open, and the API cannot open them until the replay is done. The
        process managers' checkpoints in the same file are left as they are`,

  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const report = await replayInWorker(process.env.SAGSGANG_DATA || './data');
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report));
    return 0;
  },
};

/**
 * Runs the replay in a worker thread, which can be given a larger young
 * generation than the process was started with. The worker opens the event
 * store as the CLI does (same environment).
 */
export function replayInWorker(dataDir: string): Promise<ReplayReport> {
  const script = `require(${JSON.stringify(join(__dirname, 'replay-worker'))})`;
  const worker = new Worker(script, { eval: true, workerData: { dataDir }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { report: ReplayReport } | { error: string }) =>
      'report' in message ? resolve(message.report) : reject(new Error(message.error)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the replay stopped unexpectedly (exit code ${code})`)));
  });
}

/**
 * Rebuilds every read model under `dataDir` from the log, in place, holding
 * the read model file exclusively: the same ProjectionRunner.rebuild the API's
 * runner would do, over the same PROJECTIONS. A replay cut short leaves
 * consistent checkpoints (each batch commits with its documents), so the next
 * replay or the API simply carries on from them.
 */
export async function replayReadModels(eventStore: EventStore, dataDir: string): Promise<ReplayReport> {
  const readModels = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS, { exclusive: true });
  try {
    const runner = new ProjectionRunner({ eventStore, readModels, logger: problemsToStderr, ...REBUILD });
    const started = process.hrtime.bigint();
    const { events, position } = await runner.rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      readModels: PROJECTIONS.map((projection) => projection.name),
      events,
      position,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      digest: runner.digest(),
    };
  } finally {
    readModels.close();
  }
}

const problemsToStderr: ProjectionLogger = (level, message) => {
  if (level !== 'info') process.stderr.write(`${level}: ${message}\n`);
};

function describe(report: ReplayReport): string {
  const rate = report.eventsPerSecond.toLocaleString('en');
  return (
    `replayed ${report.events} events (log up to position ${report.position}) into ${report.readModels.join(', ')}` +
    ` in ${report.seconds.toFixed(2)} s: ${rate} events/s\n` +
    `digest ${report.digest}\n`
  );
}
