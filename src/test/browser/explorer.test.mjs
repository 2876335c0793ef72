// The explorer in a real browser: Debian's Chromium driven by Playwright, against a running service whose address
// is EXPLORER_URL. The suite that starts the service (ExplorerBrowserTest, ExplorerBrowserIT) has published a
// revision of REVISED_INDICATOR in REVISED_GEO and period REVISED_PERIOD, from FIRST_VALUE to REVISED_VALUE, at
// REVISED_AT; screenshots go to SCREENSHOTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BASE = process.env.EXPLORER_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? 'screenshots';
const revision = {
  indicator: process.env.REVISED_INDICATOR,
  geo: process.env.REVISED_GEO,
  period: process.env.REVISED_PERIOD,
  first: process.env.FIRST_VALUE,
  revised: process.env.REVISED_VALUE,
  firstRelease: process.env.FIRST_RELEASED_AT,
};
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // As root in CI, and on a closed network where Chromium's own background connections only fail.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser?.close());

async function open(path, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  page.on('console', message => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  await page.goto(BASE + path);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, context, errors };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function point(page, period) {
  return page.locator(`#chart .point[data-period="${period}"]`);
}

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join('; ')}`);
}

test('a newcomer finds the shortfall and sees 1,609 and 8,579 plotted', async () => {
  const { page, context, errors } = await open('/');
  await page.getByRole('searchbox').fill('shortfall');
  const link = page.locator('#indicators a[data-indicator="ai-workforce-shortfall"]');
  await link.waitFor();
  await link.click();
  await point(page, '2023').waitFor();
  assert.match(page.url(), /[?&]indicator=ai-workforce-shortfall(&|$)/);
  assert.match(page.url(), /[?&]geo=KR(&|$)/);
  assert.equal(await point(page, '2020').getAttribute('data-value'), '1609');
  assert.equal(await point(page, '2023').getAttribute('data-value'), '8579');
  assert.match(await point(page, '2023').getAttribute('aria-label'), /8,579 persons, observed/);
  await assert.doesNotReject(page.getByRole('cell', { name: '8579명' }).waitFor());
  await shot(page, '1-shortfall');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a point opens its value as stated, the quote in its context, the document and the primary publication', async () => {
  const { page, context, errors } = await open('/?indicator=ai-workforce-shortfall&geo=KR');
  await point(page, '2023').click();
  const detail = page.locator('#detail');
  await detail.getByText('부족 인력은 8579명으로 집계됐다').waitFor();
  assert.equal(await detail.locator('mark').first().textContent(), '부족 인력은 8579명으로 집계됐다');
  const quote = await detail.locator('blockquote').first().textContent();
  assert.ok(quote.includes('5만1425명으로'), `the quote's context is shown: ${quote}`);
  const text = await detail.textContent();
  for (const expected of ['8579명', '2023 인공지능 산업 실태조사', 'Software Policy & Research Institute', '한겨레',
    '2024-09 (inferred)', '2024-04 (inferred)', '2026-11-ai-workforce-shortfall']) {
    assert.ok(text.includes(expected), `the detail shows ${expected}`);
  }
  // Whether the quote was checked depends on the service having the document's text; the page says what the API says.
  const answer = await (await fetch(`${BASE}/v1/indicators/ai-workforce-shortfall/observations?geo=KR&startPeriod=2023`)).json();
  const verified = answer.observations[0].citations[0].verification.status === 'verified';
  assert.equal(await detail.locator('.verification').first().textContent(),
    verified ? 'Quote checked against the text' : 'Quote not checked against the text');
  assert.match(page.url(), /[?&]period=2023(&|$)/);
  // The revision history lists the one version there is.
  await detail.locator('ol.history li').first().waitFor();
  assert.equal(await detail.locator('ol.history li').count(), 1);
  await shot(page, '2-quote');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared address opens the same view, point included, and the keyboard reaches every point', async () => {
  const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR&period=2020');
  await page.locator('#detail').getByText('3년 전(1609명)').waitFor();
  assert.equal(await point(page, '2020').getAttribute('aria-pressed'), 'true');
  await point(page, '2023').focus();
  await page.keyboard.press('Enter');
  await page.locator('#detail mark', { hasText: '부족 인력은 8579명으로 집계됐다' }).waitFor();
  assert.match(page.url(), /[?&]period=2023(&|$)/);
  await context.close();
});

test('moving the vintage control redraws the series as it was known then, with the revision marked', async () => {
  assert.ok(revision.indicator, 'the suite names the revised series');
  const { page, context, errors } = await open(`/?indicator=${revision.indicator}&geo=${revision.geo}`);
  const revised = point(page, revision.period);
  await revised.waitFor();
  assert.equal(await revised.getAttribute('data-value'), revision.revised);
  assert.equal(await revised.locator('.revised').count(), 1, 'the latest value is marked revised');
  const options = await page.locator('#as-of option').evaluateAll(all => all.map(o => o.value));
  assert.ok(options.includes(revision.firstRelease), `the vintages include ${revision.firstRelease}: ${options}`);
  await page.selectOption('#as-of', revision.firstRelease);
  await page.waitForFunction(([period, value]) =>
    document.querySelector(`#chart .point[data-period="${period}"]`)?.dataset.value === value,
  [revision.period, revision.first]);
  assert.match(decodeURIComponent(page.url()), new RegExp(`asOf=${revision.firstRelease.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // What is known now is drawn beside it.
  assert.ok(await page.locator('#chart .compare circle').count() > 0);
  await page.locator('#legend .compare').waitFor();
  await shot(page, '3-vintage');
  // The point's history has both versions.
  await point(page, revision.period).click();
  await page.locator('#detail ol.history li').nth(0).waitFor();
  await page.selectOption('#as-of', '');
  await page.waitForFunction(([period, value]) =>
    document.querySelector(`#chart .point[data-period="${period}"]`)?.dataset.value === value,
  [revision.period, revision.revised]);
  await point(page, revision.period).click();
  await page.waitForFunction(() => document.querySelectorAll('#detail ol.history li').length === 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the world clock hides values whose sources were not yet published', async () => {
  const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR');
  await point(page, '2023').waitFor();
  // The shortfall comes from SPRi's survey (2024-04, inferred), reported by an article of 2024-09 (inferred); the
  // month before the survey, it was nowhere.
  const dates = await page.locator('#published-by option').evaluateAll(all => all.map(o => o.value));
  assert.deepEqual(dates, ['', '2024-03', '2024-04', '2024-09']);
  await page.selectOption('#published-by', '2024-03');
  await page.locator('#chart .empty').waitFor();
  await page.selectOption('#published-by', '2024-04');
  await point(page, '2023').waitFor();
  assert.match(page.url(), /publishedBy=2024-04/);
  await context.close();
});

test('the page switches to Korean and back', async () => {
  const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR');
  await point(page, '2023').waitFor();
  await page.locator('#language').click();
  await page.locator('#series-title', { hasText: '인공지능 부문 부족 인력' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  assert.match(page.url(), /[?&]lang=ko(&|$)/);
  assert.match(await point(page, '2023').getAttribute('aria-label'), /8,579명, 관측/);
  assert.equal(await page.locator('h1').textContent(), '지표 탐색기');
  await shot(page, '4-korean');
  assert.equal(await page.locator('#language').textContent(), 'English');
  await page.locator('#language').click();
  await page.locator('#series-title', { hasText: 'AI workforce shortfall' }).waitFor();
  await context.close();
});

test('the CSV download holds the plotted values, and a value cites as BibTeX', async () => {
  const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR');
  await point(page, '2023').waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
  assert.equal(csv.suggestedFilename(), 'ai-workforce-shortfall-KR.csv');
  const rows = readFileSync(await csv.path(), 'utf8');
  writeFileSync(join(SHOTS, csv.suggestedFilename()), rows);
  assert.match(rows, /,2020,.*1609/);
  assert.match(rows, /,2023,.*8579/);
  await point(page, '2023').click();
  const [bibtex] = await Promise.all([page.waitForEvent('download'),
    page.locator('#detail a[data-format="bibtex"]').click()]);
  const entry = readFileSync(await bibtex.path(), 'utf8');
  assert.match(entry, /^@article\{hankyoreh-2024-ai-talent-silicon-valley/);
  assert.match(entry, /부족 인력은 8579명으로 집계됐다/);
  await context.close();
});

test('ranges are drawn as bands and statuses as shapes', async () => {
  const { page, context } = await open('/?indicator=ai-developer-salary-offer-silicon-valley&geo=US');
  await point(page, '2018').waitFor();
  assert.equal(await point(page, '2018').getAttribute('data-value'), '300000–500000');
  assert.equal(await point(page, '2018').locator('rect.range').count(), 1);
  assert.equal(await point(page, '2018').getAttribute('data-status'), 'estimated');
  await context.close();
});

test('on a phone the page fits the screen', async () => {
  const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR&period=2023',
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.locator('#detail mark').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await point(page, '2020').tap();
  await page.locator('#detail mark', { hasText: '3년 전(1609명)' }).waitFor();
  await shot(page, '5-phone');
  await context.close();
});

test('no serious accessibility violations, on the start page and on a series with a value open', async () => {
  for (const path of ['/', '/?indicator=ai-workforce-shortfall&geo=KR&period=2023', '/?lang=ko&indicator=ai-maturity-tier']) {
    // axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
    const { page, context } = await open(path, { bypassCSP: true });
    if (path !== '/') {
      await page.locator('#chart .point').first().waitFor();
    }
    assert.deepEqual(await axe(page), [], `axe on ${path}`);
    await context.close();
  }
});

test('first meaningful paint: the chart of the headline series', async () => {
  const timings = [];
  for (let run = 0; run < 5; run++) {
    const { page, context } = await open('/?indicator=ai-workforce-shortfall&geo=KR');
    await point(page, '2023').waitFor();
    timings.push(await page.evaluate(() => performance.getEntriesByName('chart-drawn')[0].startTime));
    await context.close();
  }
  timings.sort((a, b) => a - b);
  const line = `chart drawn after ${timings.map(ms => ms.toFixed(0)).join(', ')} ms (median ${timings[2].toFixed(0)} ms) at ${BASE}`;
  writeFileSync(join(SHOTS, 'paint.txt'), `${line}\n`);
  console.log(line);
});
