import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The browser bundle: Det Fælles Designsystem's stylesheet, fonts and icons
 * with our own, and the script that enhances the server-rendered pages. The
 * API serves dist/web/assets and reads the manifest to link the hashed files.
 */
export default defineConfig({
  root,
  base: '/',
  // dkfds's package exports name only its script, so its stylesheet is reached by path.
  resolve: { alias: { '@dkfds': `${repo}node_modules/dkfds/dist` } },
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    manifest: true,
    // Every icon and font as a file of its own: the pages' CSP allows nothing from data: URLs.
    assetsInlineLimit: 0,
    rollupOptions: { input: `${root}src/client/main.ts` },
  },
  logLevel: 'warn',
});
