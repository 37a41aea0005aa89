import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Assets } from '../../../web/src/pages';

/** The client bundle's entry as the Vite config names it; its manifest maps it to the hashed files. */
const ENTRY = 'src/client/main.ts';
export const ASSETS_PREFIX = '/assets/';

/** The folder `npm run build` writes the web app to: dist/web at the repository's root, from the sources or from dist. */
export function webDist(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
    dir = dirname(dir);
  }
  return join(dir, 'dist', 'web');
}

/** The stylesheets and script the pages link to, from Vite's manifest; none when the web app was not built. */
export function loadAssets(dist = webDist()): Assets {
  const manifest = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifest)) return { css: [] };
  const entry = (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string; css?: string[] }>)[ENTRY];
  if (!entry) throw new Error(`${manifest} has no entry ${ENTRY}`);
  return { css: (entry.css ?? []).map((file) => `/${file}`), js: `/${entry.file}` };
}

/**
 * Serves the built files under /assets/. Their names carry a hash of their
 * content, so a browser may keep them a year without asking again.
 */
export async function registerWebAssets(app: NestFastifyApplication, dist = webDist()): Promise<void> {
  const root = join(dist, 'assets');
  if (!existsSync(root)) return;
  await app.register(fastifyStatic, { root, prefix: ASSETS_PREFIX, decorateReply: false, index: false, maxAge: '365d', immutable: true });
}
