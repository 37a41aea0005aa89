import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newContext, screenshot } from '../support/browser';
import { klient } from '../support/moeder';
import { AABENT, HEMMELIG, offentligeMoeder, OffentligeMoeder, UDVALG } from '../support/offentligt-moede';
import { RunningApi, startApi } from '../support/test-app';
import { harByggetWebApp, landemaerker, overskrifter, tabTil } from './sider';

/** Every public page type, as a citizen's browser shows it. */
describeInBrowser('The public pages in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let moeder: OffentligeMoeder;
  /** What the browser's console said about refused scripts, styles or fonts, across every page. */
  const cspFejl: string[] = [];

  beforeAll(async () => {
    harByggetWebApp();
    api = await startApi();
    moeder = await offentligeMoeder(klient(api));
    // The front page reads the read models and the search its index: both must have the set-up.
    await fetch(`${api.url}/offentlig/soeg?q=budget&minPosition=${moeder.position}`);
    browser = await launchBrowser();
    context = await newContext(browser);
    context.on('console', (message) => {
      if (message.type() === 'error') cspFejl.push(message.text());
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const aabn = async (sti: string): Promise<Page> => {
    const page = await context.newPage();
    const svar = await page.goto(`${api.url}${sti}`);
    expect(svar?.status()).toBeLessThan(500);
    return page;
  };
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations;

  describe.each([
    ['forside', () => '/'],
    ['udvalg', () => `/udvalg/${encodeURIComponent(UDVALG)}`],
    ['moede', () => `/moede/${moeder.afholdt}`],
    ['dagsorden', () => `/moede/${moeder.kommende}/dagsorden`],
    ['referat', () => `/moede/${moeder.afholdt}/referat`],
    ['soegning', () => '/soeg?q=skolernes+budget'],
    ['soegning-fejl', () => '/soeg?q=+'],
    ['findes-ikke', () => `/moede/${moeder.planlagt}`],
  ])('the %s page', (navn, sti) => {
    let page: Page;
    beforeAll(async () => {
      page = await aabn(sti());
      await screenshot(page, navn);
    });
    afterAll(() => page.close());

    it('has no WCAG 2.1 A or AA violation by axe', async () => {
      expect(await axe(page)).toEqual([]);
    });

    it('is in Danish, with the landmarks of every page: banner first, one main, contentinfo last', async () => {
      const roller = await landemaerker(page);
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      expect([roller[0], roller.filter((rolle) => rolle === 'main').length, roller.at(-1)]).toEqual(['banner', 1, 'contentinfo']);
    });

    it('has one h1 first and no heading level skipped', async () => {
      const niveauer = await overskrifter(page);
      expect(niveauer[0]).toBe(1);
      expect(niveauer.filter((niveau) => niveau === 1)).toHaveLength(1);
      expect(niveauer.every((niveau, i) => i === 0 || niveau <= niveauer[i - 1] + 1)).toBe(true);
    });
  });

  it('loads every script, stylesheet and font without a CSP refusal', () => {
    expect(cspFejl.filter((tekst) => /Content Security Policy|Refused to/i.test(tekst))).toEqual([]);
  });

  it('never shows the lukket punkt’s content on the meeting, referat or search page', async () => {
    const tekster = await Promise.all(
      [`/moede/${moeder.afholdt}`, `/moede/${moeder.afholdt}/referat`, `/moede/${moeder.afholdt}/dagsorden`, '/soeg?q=medarbejder'].map(
        async (sti) => {
          const page = await aabn(sti);
          const tekst = await page.locator('body').innerText();
          await page.close();
          return tekst;
        },
      ),
    );
    for (const hemmelig of [HEMMELIG.titel, HEMMELIG.anledning, HEMMELIG.sagsfremstilling, HEMMELIG.bilag, HEMMELIG.beslutning]) {
      expect(tekster.filter((tekst) => tekst.includes(hemmelig))).toEqual([]);
    }
    expect(tekster[1]).toContain(`Punkt 2: ${HEMMELIG.neutralTitel}`);
  });

  it('lets a citizen find a referat from the front page and download an open bilag with the keyboard alone', async () => {
    const page = await aabn('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    await tabTil(page, '#q');
    await page.keyboard.type('skolernes budgetter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/soeg\?q=/);
    await tabTil(page, `a[href="/moede/${moeder.afholdt}/referat#punkt-1"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/moede/${moeder.afholdt}/referat#punkt-1$`));
    expect(await page.locator('#punkt-1').innerText()).toContain(AABENT.beslutning);
    await tabTil(page, 'a[download]', AABENT.bilag);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('bilag-1.pdf');
    await page.close();
  });

  it('reaches a meeting from the front page’s table with the keyboard alone', async () => {
    const page = await aabn('/');
    await tabTil(page, `a[href="/moede/${moeder.kommende}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/moede/${moeder.kommende}$`));
    expect(await page.locator('h1').innerText()).toContain('Møde i Økonomiudvalget');
    await page.close();
  });

  describe('with JavaScript disabled', () => {
    let udenScript: BrowserContext;
    beforeAll(async () => {
      udenScript = await newContext(browser, { javaScript: false });
    });
    afterAll(() => udenScript.close());

    it('shows the front page with the coming and recent meetings', async () => {
      const page = await udenScript.newPage();
      await page.goto(`${api.url}/`);
      await screenshot(page, 'forside-uden-javascript');
      const tekst = await page.locator('main').innerText();
      expect([tekst.includes('Økonomiudvalget'), tekst.includes(UDVALG)]).toEqual([true, true]);
    });

    it('shows the referat, and searches through the form', async () => {
      const page = await udenScript.newPage();
      await page.goto(`${api.url}/moede/${moeder.afholdt}/referat`);
      expect(await page.locator('main').innerText()).toContain(AABENT.beslutning);
      await page.goto(`${api.url}/soeg`);
      await page.fill('#q', 'vikarer');
      await Promise.all([page.waitForURL(/\/soeg\?q=vikarer/), page.click('form[action="/soeg"] button[type="submit"]')]);
      expect(await page.locator('ol.soegeresultater li').count()).toBe(2);
    });
  });
});
