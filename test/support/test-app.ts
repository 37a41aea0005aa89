import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';

export interface RunningApi {
  url: string;
  dataDir: string;
  app: NestFastifyApplication;
  stop(): Promise<void>;
}

/**
 * Starts the real API on 127.0.0.1 with a fresh, durable SQLite store in a temp folder.
 * The rate limit is off unless `env` sets SAGSGANG_RATE_LIMIT: tests send far more than a caseworker.
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sagsgang-e2e-'));
  const config = loadConfig({ SAGSGANG_DATA: dataDir, HOST: '127.0.0.1', PORT: '0', SAGSGANG_RATE_LIMIT: '0', ...env });
  const app = await createApp(config, { quiet: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    dataDir,
    app,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
