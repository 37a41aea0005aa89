/**
 * Profiles the API under one of the benchmark's loads:
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/api/profile.ts mix|create [seconds]
 * builds, starts the API with --cpu-prof, seeds, warms up, runs the load and
 * stops the API with SIGTERM; the .cpuprofile (open it in Chrome DevTools)
 * lands in .bench-data/profiles/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCreateOnly, runMix } from './load';
import { cpuPerRequest, requestsPerSecond } from './report';
import { BenchServer, build, ROOT } from './server';
import { seed, tokens } from './seed';

async function main(): Promise<void> {
  const [load = 'mix', seconds = '10'] = process.argv.slice(2);
  if (load !== 'mix' && load !== 'create') throw new Error('usage: profile.ts mix|create [seconds]');
  const profiles = join(ROOT, '.bench-data', 'profiles');
  mkdirSync(profiles, { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, '.bench-data', 'profile-'));
  process.env.BENCH_API_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profiles}`;
  try {
    build();
    const secret = randomBytes(32).toString('hex');
    const auth = tokens(secret, 10);
    const server = await BenchServer.start(dataDir, secret);
    const seeded = await seed(server.url, auth, 200);
    await runMix(server.url, auth, seeded, 3, 'warm-up');
    const before = new Set(readdirSync(profiles));
    const cpu = server.cpuSeconds();
    const run =
      load === 'mix' ? await runMix(server.url, auth, seeded, Number(seconds)) : await runCreateOnly(server.url, auth, Number(seconds));
    run.serverCpuSeconds = server.cpuSeconds() - cpu;
    const stopped = await server.stop();
    console.log(
      `${load}: ${Math.round(requestsPerSecond(run))} requests/s, p99 ${run.result.latency.p99} ms, API CPU ${cpuPerRequest(run)} ms/request; exit ${stopped.code}`,
    );
    console.log(
      readdirSync(profiles)
        .filter((file) => !before.has(file))
        .map((file) => join(profiles, file))
        .join('\n'),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
