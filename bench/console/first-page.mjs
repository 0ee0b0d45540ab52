// The web console's first page as a user sees it: the time from navigating to /ui/ (or to a search URL) until the
// first study row is on the screen, in headless Chromium. One browser context, so the console's own files come
// from the browser cache after the first load, as for a returning user; the first load is reported apart.
//
//   node bench/console/first-page.mjs <base URL> <requests> <names file> <out.tsv>
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '../../src/test/interop/node_modules/playwright-core/index.mjs';

const [base, requestsArg, namesFile, out] = process.argv.slice(2);
const requests = Number(requestsArg);
const names = readFileSync(namesFile, 'utf8').split('\n').filter(Boolean);
const profile = mkdtempSync(join(tmpdir(), 'console-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.BENCH_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

// The moment the first row enters the document, taken in the page (a round trip to ask for it would add its own).
await context.addInitScript(() => {
  const mark = () => {
    if (window.firstStudyRow === undefined && document.querySelector('tr[data-study]')) {
      window.firstStudyRow = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
});

async function firstRow(url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('tr[data-study]', { timeout: 30000 });
    return await page.evaluate(() => window.firstStudyRow);
  } finally {
    await page.close();
  }
}

const rows = [];
try {
  rows.push(['first-load', await firstRow(`${base}/ui/`)]);
  for (let i = 0; i < 5; i++) await firstRow(`${base}/ui/`); // warm-up, not recorded
  for (let i = 0; i < requests; i++) rows.push(['study-list', await firstRow(`${base}/ui/`)]);
  for (let i = 0; i < requests; i++) {
    const name = names[i % names.length];
    rows.push(['patient-name', await firstRow(`${base}/ui/#/studies?PatientName=*${encodeURIComponent(name)}*`)]);
  }
} finally {
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(out, rows.map(([q, ms]) => `${q}\t${ms.toFixed(1)}`).join('\n') + '\n');
