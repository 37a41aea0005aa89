/**
 * Writes the API's OpenAPI document to the file named on the command line,
 * from the Nest app itself (built on a throwaway data folder, never
 * listening), so the web app's client types follow the code, not a server.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp, openApiDocument } from '../apps/api/src/create-app';

async function main(out: string | undefined): Promise<void> {
  if (!out) throw new Error('usage: openapi.ts <out.json>');
  const dataDir = mkdtempSync(join(tmpdir(), 'sagsgang-openapi-'));
  try {
    const app = await createApp(loadConfig({ SAGSGANG_DATA: dataDir, SAGSGANG_JWT_SECRET: 'x'.repeat(32) }), { quiet: true });
    const document = openApiDocument(app);
    await app.close();
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
