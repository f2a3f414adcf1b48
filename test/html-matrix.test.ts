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
    const read = reapplyKnownIssues(await readRawResults(`${fixtures}/current-raw-results.json`), issues, '2026-11-21');
    // A catalog-only scenario (REST steps judged on the catalog, the wire proxy's own check) in an area of its own.
    const template = read.scenarios[0]!;
    const step = (index: number, engine: string, status: 'pass' | 'known', known?: string) => ({
      index,
      name: `rest step ${index + 1}`,
      loc: template.loc,
      status,
      engines: [
        {
          engine,
          status,
          durationMs: 1,
          failures: status === 'known' ? [{ equal: false, aspect: 'status', diff: ['- 401', '+ 200'] }] : [],
          ...(known
            ? { known: { id: known, reason: 'the server accepts a request without credentials', layer: 'catalog', upstream: 'none found' } }
            : {}),
        },
      ],
      disagreements: [],
      skippedEngines: [],
    });
    const catalogOnly = {
      ...template,
      id: 'scenarios/conformance/authentication.yaml#conformance-authentication',
      name: 'conformance-authentication',
      file: 'scenarios/conformance/authentication.yaml',
      status: 'known' as const,
      failure: undefined,
      steps: [step(0, 'catalog', 'known', 'catalog-accepts-anonymous'), step(1, 'wire-proxy', 'pass')],
    };
    const current = (raw = { ...read, scenarios: [...read.scenarios, catalogOnly] });
    const baseline = diffWithBaseline(current, await readRawResults(`${fixtures}/baseline-raw-results.json`));
    dir = await testRunDir('html');
    await writeFile(join(dir, 'matrix.html'), renderHtmlMatrix(current, baseline));
    url = `file://${join(dir, 'matrix.html')}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cell = (scenario: string, engine = 'pypaimon') => `#matrix-areas tr[data-scenario$="#${scenario}"] td[data-engine="${engine}"]`;

  it('puts totals and the failing runs first, then areas; a failing cell links to its failure, as the raw results hold it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    expect(await page.locator('header .totals').innerText()).toContain('2 failed');
    expect(await page.locator('#baseline').innerText()).toMatch(/Against the baseline: \d+ newly failing/);
    // The failing runs lead the page, newly failing first.
    const attention = page.locator('#attention table tbody tr');
    expect(await attention.count()).toBe(2);
    expect(await attention.first().getAttribute('data-scenario')).toMatch(/#r-regressed$/);
    expect(await page.locator('#matrix-areas details.area').count()).toBe(2);

    const failing = page.locator(cell('r-regressed'));
    expect(await failing.getAttribute('class')).toBe('fail new');
    expect((await failing.innerText()).trim()).toBe('FAIL');
    const passing = page.locator(cell('r-added'));
    expect(await passing.getAttribute('class')).toBe('pass');
    expect(await page.locator(cell('r-still')).getAttribute('class')).toBe('known');
    // Colors come from the stylesheet, as a person sees them.
    expect(await failing.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 214, 214)');
    expect(await passing.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(209, 247, 214)');

    await failing.locator('a').click();
    const target = decodeURIComponent(new URL(page.url()).hash);
    const details = page.locator(target);
    expect(await details.isVisible()).toBe(true);
    const scenarioId = await page.locator('#matrix-areas tr[data-scenario$="#r-regressed"]').getAttribute('data-scenario');
    const failure = raw.scenarios.find((x) => x.id === scenarioId)!.failure!;
    for (const line of failure.split('\n').filter((l) => /^\s*[-+] /.test(l))) expect(await details.innerText()).toContain(line.trim());
    // The first screen, for people reading the test output (not an assertion).
    await page.screenshot({ path: join(dir, 'matrix.png') });
  });

  it("shows a catalog-only scenario's verdicts in a catalog column, the harness's checks apart from the engines", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const catalog = page.locator(cell('conformance-authentication', 'catalog'));
    expect(await catalog.getAttribute('class')).toBe('known');
    expect(await page.locator(cell('conformance-authentication', 'harness')).getAttribute('class')).toBe('pass');
    expect(await page.locator(cell('conformance-authentication', 'pypaimon')).innerText()).toBe('–');
    const heads = await page.locator('#matrix-areas details[data-area="conformance"] thead tr:nth-child(2) th').allInnerTexts();
    expect(heads[0]).toBe('catalog');
    expect(heads.at(-1)).toBe('harness');
    expect(heads).not.toContain('wire-proxy');
    await catalog.locator('a').click();
    const details = page.locator(decodeURIComponent(new URL(page.url()).hash));
    expect(await details.innerText()).toMatch(
      /known deviation catalog-accepts-anonymous \(layer catalog\), upstream: none found; step 1 on catalog/,
    );
  });

  it('filters rows by status and columns by engine; a cell heading spans what is left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const visibleRows = () => page.locator('#matrix-areas tbody tr:visible').count();
    const before = await visibleRows();
    await page.locator('nav.filters input[data-status="pass"]').uncheck();
    expect(await visibleRows()).toBe(before - raw.scenarios.filter((s) => s.status === 'pass').length);
    expect(await page.locator('#matrix-areas tr[data-status="pass"]:visible').count()).toBe(0);
    const head = page.locator('#matrix-areas details.area').first().locator('th[data-cell-head]');
    const span = Number(await head.getAttribute('colspan'));
    await page.locator('nav.filters input[data-column="pypaimon"]').uncheck();
    expect(await page.locator('#matrix-areas td[data-engine="pypaimon"]:visible').count()).toBe(0);
    expect(Number(await head.getAttribute('colspan'))).toBe(span - 1);
    await page.locator('nav.filters input[data-column="pypaimon"]').check();
    expect(await page.locator('#matrix-areas td[data-engine="pypaimon"]:visible').count()).toBeGreaterThan(0);
  });
});
