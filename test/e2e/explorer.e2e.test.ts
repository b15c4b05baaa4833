// The explorer in a real browser, as a person uses it: search "Korea Utara", open North Korea,
// expand Russia, open the alleged arms deal and read its quote in the article, find a path to
// Yoon Suk-yeol, then reopen the shared link. Screenshots go to test/artifacts/.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { CLAIM_STATUSES } from '../../src/vocabulary.js';
import { useGraph } from '../helpers.js';
import { ARTIFACTS, chromiumMissing, launchChromium, listen } from './browser.js';

declare global {
  /** What the explorer page exposes to tests (src/explorer/app/main.ts). */
  interface Window {
    newsGraphExplorer: {
      position(key: string): { x: number; y: number } | null;
      nodes(): { key: string; category: string; status: string | null }[];
      pathEdges(): number;
    };
  }
}

const graph = useGraph();
const ALLEGED_DEAL = 'c27a19544a1cdf98/claim:alleged-russian-ammunition-effort';
const QUOTE = 'dugaan upaya Rusia untuk menerima amunisi dan peluru artileri dari Korea Utara';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `explorer-${name}.png`) });

/** Waits until no request of the page is under way. */
const settled = (page: Page) => page.waitForSelector('body[data-busy="false"]', { state: 'attached' });

const markerWidth = async (l: Locator) => {
  await l.waitFor();
  return l.locator('.tl-marker').evaluate((e) => e.getBoundingClientRect().width);
};

const WAIT = { timeout: 60_000, interval: 100 };

/** The text of the first element the locator finds, once there is one. */
async function textOf(l: Locator): Promise<string> {
  await l.first().waitFor();
  return (await l.first().textContent()) ?? '';
}

/** Waits until the locator's text matches (the page fills it in asynchronously). */
const textMatches = (l: Locator, pattern: RegExp) => expect.poll(() => textOf(l), WAIT).toMatch(pattern);

async function clickNode(page: Page, key: string, clicks = 1) {
  await page.waitForFunction((k) => window.newsGraphExplorer.position(k) !== null, key);
  const at = await page.evaluate((k) => window.newsGraphExplorer.position(k), key);
  if (!at) throw new Error(`${key} is not drawn`);
  await page.mouse.click(at.x, at.y, { clickCount: clicks });
}

describe.skipIf(chromiumMissing !== null)(
  chromiumMissing ? `explorer in Chromium (skipped: ${chromiumMissing})` : 'explorer in Chromium',
  () => {
    let server: Awaited<ReturnType<typeof listen>>;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let context: BrowserContext;
    let page: Page;
    const foreign: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      server = await listen(graph.yoga);
      browser = await launchChromium();
      context = browser.context;
      context.on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      page = await context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('walks from a search to a quote in the article and a path, all in the URL', async () => {
      await page.goto(`${server.url}/explore`);
      await settled(page);
      await textMatches(page.locator('#details .hint'), /^Search for a person/);

      // Search in Indonesian; the list opens with North Korea first, and Enter opens it.
      await page.keyboard.press('/');
      await page.keyboard.type('Korea Utara');
      const first = page.locator('#search-results [role="option"]').first();
      await expect.poll(() => first.getAttribute('data-key'), WAIT).toBe('country:north-korea');
      expect(await first.getAttribute('aria-selected')).toBe('true');
      await shot(page, '1-search');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#details [data-key="country:north-korea"]');
      await settled(page);
      expect(new URL(page.url()).searchParams.get('focus')).toBe('country:north-korea');
      expect(await textOf(page.locator('#details h2'))).toBe('North Korea');
      expect(await textOf(page.locator('#details .alt-name'))).toContain('Korea Utara');

      // The timeline shows how precise each date is: North Korea's has day- and year-dated entries.
      const day = page.locator('#timeline .tl.precision-day').first();
      const year = page.locator('#timeline .tl.precision-year').first();
      expect(await textOf(day.locator('.tl-date'))).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(await textOf(year.locator('.tl-date'))).toMatch(/^\d{4}$/);
      expect(await markerWidth(year)).toBeGreaterThan((await markerWidth(day)) * 3);
      // A claim in the entity's panel opens its evidence in place, quote highlighted.
      const firstClaim = page.locator('#details .claim-row').first();
      await firstClaim.locator('summary').click();
      expect((await textOf(firstClaim.locator('.evidence mark.quote'))).length).toBeGreaterThan(10);
      await shot(page, '2-north-korea');

      // Clicking Russia in the drawing expands it.
      const before = await page.evaluate(() => window.newsGraphExplorer.nodes().length);
      await clickNode(page, 'country:russia');
      await page.waitForSelector('#details [data-key="country:russia"]');
      await textMatches(page.locator('#status'), /Russia: \d+ more node/);
      await settled(page);
      expect(await page.evaluate(() => window.newsGraphExplorer.nodes().length)).toBeGreaterThan(before);
      // Each drawn claim carries its status, which its colour and border show; an entity has none.
      const drawn = await page.evaluate(() => window.newsGraphExplorer.nodes());
      const claims = drawn.filter((n) => n.category === 'Claim');
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.every((n) => CLAIM_STATUSES.has(n.status))).toBe(true);
      expect(drawn.filter((n) => n.category === 'Entity').every((n) => n.status === null)).toBe(true);
      expect(new URL(page.url()).searchParams.get('expand')).toBe('country:russia');

      // The alleged arms deal: status, hedge, and its quote highlighted inside its paragraph.
      await clickNode(page, ALLEGED_DEAL);
      const details = page.locator(`#details [data-key="${ALLEGED_DEAL}"]`);
      await details.waitFor();
      expect(await textOf(details.locator('.kind .badge'))).toBe('alleged');
      expect(await textOf(details)).toContain('Hedge: “dugaan”');
      const mark = details.locator('.evidence mark.quote').first();
      expect(await textOf(mark)).toBe(QUOTE);
      const paragraph = await mark.locator('xpath=..').textContent();
      expect(paragraph?.length).toBeGreaterThan(QUOTE.length);
      expect(paragraph).toContain(QUOTE);
      expect(await mark.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      await shot(page, '3-alleged-deal');

      // A path from North Korea to Yoon Suk-yeol, found by name and drawn.
      await page.locator('#path-to').fill('Yoon');
      await expect
        .poll(() => page.locator('#path-results [role="option"]').first().getAttribute('data-key'), WAIT)
        .toBe('person:yoon-suk-yeol');
      await page.locator('#path-to').press('Enter');
      await textMatches(page.locator('#path-result h2'), /to Yoon Suk-yeol/);
      await settled(page);
      expect(await page.evaluate(() => window.newsGraphExplorer.pathEdges())).toBeGreaterThan(0);
      const url = new URL(page.url());
      expect(url.searchParams.get('path')).toBe('person:yoon-suk-yeol');
      expect(url.searchParams.get('select')).toBe(ALLEGED_DEAL);
      await shot(page, '4-path');
      if (process.env.UPDATE_DOCS_SCREENSHOT) {
        await copyFile(
          path.join(ARTIFACTS, 'explorer-3-alleged-deal.png'),
          path.join(PROJECT_ROOT, 'docs', 'explorer.png'),
        );
      }

      // The link reopens the same view in a fresh page.
      const again = await context.newPage();
      await again.goto(url.toString());
      await again.waitForSelector(`#details [data-key="${ALLEGED_DEAL}"]`);
      await textMatches(again.locator('#path-result h2'), /to Yoon Suk-yeol/);
      await settled(again);
      expect(await again.evaluate(() => window.newsGraphExplorer.nodes().length)).toBe(
        await page.evaluate(() => window.newsGraphExplorer.nodes().length),
      );
      await again.close();

      // Double-clicking an entity focuses on it.
      await clickNode(page, 'country:russia', 2);
      await expect.poll(() => new URL(page.url()).searchParams.get('focus'), WAIT).toBe('country:russia');
      await settled(page);
      // Russia's timeline has month-dated entries (the war since February 2022), drawn apart from days.
      const month = page.locator('#timeline .tl.precision-month').first();
      expect(await textOf(month.locator('.tl-date'))).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
      const dayMarker = await markerWidth(page.locator('#timeline .tl.precision-day').first());
      expect(await markerWidth(month)).toBeGreaterThan(dayMarker * 3);
      await shot(page, '5-russia-timeline');

      // Keyboard only: the list of drawn nodes opens a node with Enter.
      await page.locator('.node-list summary').focus();
      await page.keyboard.press('Enter');
      await page.locator('#node-list button[data-key="country:ukraine"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#details [data-key="country:ukraine"]');
      await settled(page);

      // A smaller limit cuts the neighbourhood, and the page says so.
      const uncut = await page.evaluate(() => window.newsGraphExplorer.nodes().length);
      await page.selectOption('#limit', '20');
      await textMatches(page.locator('#cut'), /^The graph was cut: at most 20 nodes/);
      expect(new URL(page.url()).searchParams.get('limit')).toBe('20');
      await settled(page);
      expect(await page.evaluate(() => window.newsGraphExplorer.nodes().length)).toBeLessThan(uncut);
      await shot(page, '6-cut');

      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    }, 240_000);
  },
);
