import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download cannot work here. */
export const CHROMIUM = process.env.SAGSGANG_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet, offline and reproducible: no GPU, no sync, no update or network chatter of its own. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the tests write a screenshot of each main screen (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * `describe` when Chromium is there, else a skipped one and a plain line
 * saying why (scripts/debian-packages.sh installs it where it can), so a
 * machine without it runs the rest.
 */
export const describeInBrowser: (name: string, body: () => void) => void = (name, body) => {
  if (chromiumAvailable()) return describe(name, body);
  process.stdout.write(`skipped: ${name} — no Chromium at ${CHROMIUM} (Debian chromium; run scripts/debian-packages.sh as root)\n`);
  return describe.skip(name, body);
};

/**
 * Headless Chromium; Playwright gives each launch a fresh, temporary
 * profile (user data dir) and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A context in Danish, as a citizen's browser would be; `javaScript: false` for the pages that must work without. */
export function newContext(browser: Browser, { javaScript = true } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'da-DK', javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
}

/** A full-page PNG in SCREENSHOTS, named for the screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
