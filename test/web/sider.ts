import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { webDist } from '../../apps/api/src/web/assets';

/** The browser tests look at the built pages; without the build they would test pages without their stylesheet. */
export function harByggetWebApp(): void {
  if (!existsSync(join(webDist(), '.vite', 'manifest.json'))) throw new Error('the web app is not built: run `npm run build:web` first');
}

/** The page's landmarks in document order, by their ARIA role. */
export function landemaerker(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rolle = (element: Element) =>
      element.getAttribute('role') ??
      ({ HEADER: 'banner', NAV: 'navigation', MAIN: 'main', FOOTER: 'contentinfo', ASIDE: 'complementary' } as Record<string, string>)[
        element.tagName
      ];
    // header and footer are landmarks only outside article, section and main.
    const landemaerke = (element: Element) =>
      !['HEADER', 'FOOTER'].includes(element.tagName) || !element.parentElement?.closest('article, section, main, nav');
    return [...document.querySelectorAll('header, nav, main, footer, aside, [role]')]
      .filter(landemaerke)
      .map(rolle)
      .filter((navn): navn is string => ['banner', 'navigation', 'main', 'contentinfo', 'complementary', 'search'].includes(navn ?? ''));
  });
}

/** The level of every heading, in document order. */
export function overskrifter(page: Page): Promise<number[]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName.slice(1))));
}

/** Presses Tab until the focused element matches the selector (and has this text), at most 80 times, as a keyboard user would reach it. */
export async function tabTil(page: Page, selector: string, tekst?: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const fundet = await page.evaluate(
      ([sel, txt]) => document.activeElement?.matches(sel) === true && (txt === null || document.activeElement.textContent?.trim() === txt),
      [selector, tekst ?? null] as const,
    );
    if (fundet) return;
  }
  throw new Error(`no ${selector}${tekst ? ` "${tekst}"` : ''} within 80 presses of Tab`);
}
