import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnownIssues, reapplyKnownIssues } from '../harness/known-issues/index.ts';
import { diffWithBaseline, renderHtmlMatrix } from '../harness/reporters/index.ts';
import { readRawResults, type RawResults } from '../harness/verdicts/index.ts';
import { testRunDir } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';

/** The HTML matrix rendered in a real browser: Debian's Chromium, headless, never a downloaded one. */
describe('HTML compatibility matrix in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;
  let raw: RawResults;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (npm test's pretest installs it)`);
    const fixtures = 'test/fixtures/reports';
    const { issues } = await loadKnownIssues(`${fixtures}/known-issues.yaml`);
    const current = (raw = reapplyKnownIssues(await readRawResults(`${fixtures}/current-raw-results.json`), issues, '2026-11-21'));
    const baseline = diffWithBaseline(current, await readRawResults(`${fixtures}/baseline-raw-results.json`));
    dir = await testRunDir('html');
    await writeFile(join(dir, 'matrix.html'), renderHtmlMatrix(current, baseline));
    url = `file://${join(dir, 'matrix.html')}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cell = (scenario: string) => `tr[data-scenario$="#${scenario}"] td[data-cell="local/paimon-1.4.2"][data-engine="pypaimon"]`;

  it('shows a failing cell, a passing cell and a known deviation, with working links to the diffs', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(url);
    expect(await page.locator('#matrix thead').innerText()).toContain('local/paimon-1.4.2');
    expect(await page.locator('#matrix tbody tr').count()).toBe(5);

    const failing = page.locator(cell('r-regressed'));
    expect(await failing.getAttribute('class')).toBe('fail new');
    expect((await failing.innerText()).trim()).toBe('FAIL');
    const passing = page.locator(cell('r-added'));
    expect(await passing.getAttribute('class')).toBe('pass');
    expect((await passing.innerText()).trim()).toBe('pass');
    expect(await page.locator(cell('r-still')).getAttribute('class')).toBe('known');

    // Colors come from the stylesheet, as a person sees them.
    expect(await failing.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 214, 214)');
    expect(await passing.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(209, 247, 214)');

    // The link leads to this scenario's own failure, shown as the raw results hold it.
    await failing.locator('a').click();
    const target = decodeURIComponent(new URL(page.url()).hash);
    const details = page.locator(target);
    expect(await details.isVisible()).toBe(true);
    const scenarioId = await page.locator('tr[data-scenario$="#r-regressed"]').getAttribute('data-scenario');
    const failure = raw.scenarios.find((x) => x.id === scenarioId)!.failure!;
    for (const line of failure.split('\n').filter((l) => /^\s*[-+] /.test(l))) expect(await details.innerText()).toContain(line.trim());
    // A screenshot for people reading the test output, not an assertion.
    await page.screenshot({ path: join(dir, 'matrix.png'), fullPage: true });
  });
});
