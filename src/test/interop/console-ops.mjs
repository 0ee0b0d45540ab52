// Drives the console's upload and operations pages (src/main/resources/META-INF/resources/ui) in headless Chromium:
// uploads a folder through the folder input and waits for the upload to end, measuring the main thread's long tasks
// meanwhile (PerformanceObserver 'longtask': every task over 50 ms, with its duration); reads the progress bar, the
// refused files and the studies listed; then reads the operations page (figures, charts, integrity report) and
// deletes a study through its confirmation dialog. The JUnit test (ConsoleOpsTest) compares it all with what the
// server holds. Prints one line of JSON (see report()).
//
// Options (JSON file, first argument):
//   consoleUrl     the console's address (…/ui/)
//   apiRoot        the API's address (…/dicom-web); every request below it is recorded
//   uploadDir      the folder to upload
//   deleteStudy    the Study Instance UID to delete through the operations page
//   screenshotDir  where to write console-upload.png and console-operations.png
//   timeoutMs      the most the upload may take; other waits take at most 30 s
import { badRequests, launch, options, recordConsoleErrors, recordRequests, report, within } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const opts = options();
const WAIT = 30000;
const result = {
  upload: null,
  operations: null,
  deletion: null,
  longTasks: null,
  requests: [],
  bad: [],
  console: [],
  error: null,
};

let session = null;
try {
  mkdirSync(opts.screenshotDir, { recursive: true });
  session = await launch();
  // Before any page script: every long task of the page, kept with its start time.
  await session.context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await session.context.newPage();
  const recorder = recordRequests(page, [opts.apiRoot]);
  result.requests = recorder.requests;
  recordConsoleErrors(page, result.console);
  // Chromium's console says "404" without the address: keep the addresses, so that the test can tell the browser's
  // own request for /favicon.ico (the console has no icon) from a missing console file.
  result.notFound = [];
  page.on('response', (response) => {
    if (response.status() === 404) result.notFound.push(response.url());
  });

  // --- Upload ---------------------------------------------------------------------------------------------------
  await page.goto(`${opts.consoleUrl}#/upload`);
  await page.locator('#upload-folder').waitFor({ state: 'attached', timeout: WAIT });
  const labels = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#view input, #view progress'), (e) => ({
      id: e.id,
      label: e.labels?.[0]?.textContent ?? null,
    })),
  );
  // When the input's change event reaches the window before the page's handler (capture) and after it (bubble):
  // a long task that ends before the first is the browser filling the input, not the page.
  await page.evaluate(() => {
    window.__change = {};
    window.addEventListener('change', () => (window.__change.capture = performance.now()), true);
    window.addEventListener('change', () => (window.__change.bubble = performance.now()));
  });
  const started = await page.evaluate(() => performance.now());
  const wall = Date.now();
  await page.setInputFiles('#upload-folder', opts.uploadDir);
  await within(opts.timeoutMs, 'the upload to end', () =>
    page.locator('.upload-state[data-state="done"]').waitFor({ timeout: opts.timeoutMs }),
  );
  const ended = await page.evaluate(() => performance.now());
  result.upload = await page.evaluate(() => ({
    progressValue: document.querySelector('#upload-progress').value,
    progressMax: document.querySelector('#upload-progress').max,
    progressText: document.querySelector('#upload-progress-text').textContent,
    failures: Array.from(document.querySelectorAll('#upload-failures tbody tr'), (tr) => ({
      file: tr.cells[0].textContent,
      reason: tr.cells[1].textContent,
    })),
    studies: Array.from(document.querySelectorAll('#upload-studies a'), (a) => a.getAttribute('href')),
  }));
  result.upload.labels = labels;
  result.upload.ms = Date.now() - wall;
  result.upload.stowRequests = recorder.requests.filter((r) => r.method === 'POST').length;
  const tasks = await page.evaluate(() => window.__longTasks);
  const during = tasks.filter((t) => t.start + t.duration >= started && t.start <= ended);
  // The task in which the browser filled the input (from the files Playwright names, as from a file chooser) and
  // dispatched the change event: the page's share of it is what follows the event's arrival at the window.
  const change = await page.evaluate(() => window.__change);
  const pageShare = (t) =>
    t.start <= change.capture && change.capture <= t.start + t.duration ? t.start + t.duration - change.capture : t.duration;
  result.longTasks = {
    entries: during.map((t) => ({ start: Math.round(t.start - started), duration: t.duration })),
    changeCapture: Math.round(change.capture - started),
    changeBubble: Math.round(change.bubble - started),
    count: during.length,
    longestMs: during.reduce((m, t) => Math.max(m, pageShare(t)), 0),
    longestWithBrowserMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
    totalMs: during.reduce((n, t) => n + t.duration, 0),
  };
  await page.screenshot({ path: join(opts.screenshotDir, 'console-upload.png'), fullPage: true });

  // --- Operations -----------------------------------------------------------------------------------------------
  await page.goto(`${opts.consoleUrl}#/operations`);
  await page.locator('#chart-modalities').waitFor({ timeout: WAIT });
  await page.locator('#integrity .section-body[aria-busy="false"]').waitFor({ timeout: WAIT });
  await page.locator('#scrub .section-body[aria-busy="false"]').waitFor({ timeout: WAIT });
  await page.locator('#reindex .section-body[aria-busy="false"]').waitFor({ timeout: WAIT });
  result.operations = await page.evaluate(() => ({
    figures: Object.fromEntries(
      Array.from(document.querySelectorAll('#statistics-figures div'), (d) => [
        d.querySelector('dt').textContent,
        d.querySelector('dd').textContent,
      ]),
    ),
    modalityBars: Array.from(document.querySelectorAll('#chart-modalities .bar'), (g) => g.dataset.label),
    modalityChartTitle: document.querySelector('#chart-modalities title')?.textContent ?? null,
    monthBars: Array.from(document.querySelectorAll('#chart-months .bar'), (g) => g.dataset.label),
    integrity: Object.fromEntries(
      Array.from(document.querySelectorAll('#integrity table[data-list]'), (t) => [
        t.dataset.list,
        Array.from(t.querySelectorAll('tbody tr'), (tr) => ({
          text: tr.textContent,
          links: Array.from(tr.querySelectorAll('a'), (a) => a.getAttribute('href')),
        })),
      ]),
    ),
    scrubButton: !!document.querySelector('#scrub-start'),
    reindex: document.querySelector('#reindex .section-body')?.textContent ?? null,
    errors: Array.from(document.querySelectorAll('#view .error'), (e) => e.textContent),
  }));

  // --- Deletion through the dialog ------------------------------------------------------------------------------
  await page.fill('#delete-study-uid', opts.deleteStudy);
  await page.click('#delete-study');
  const dialog = page.locator('dialog.confirm-delete[open]');
  await dialog.waitFor({ timeout: WAIT });
  const named = await dialog.innerText();
  await page.screenshot({ path: join(opts.screenshotDir, 'console-delete-dialog.png') });
  await dialog.getByRole('button', { name: 'Delete the study' }).click();
  await dialog.waitFor({ state: 'detached', timeout: WAIT });
  await within(WAIT, 'the notice of the deletion', async (signal) => {
    while (!signal.expired && !(await page.locator('#notice').innerText()).includes('deleted')) {
      await page.waitForTimeout(100);
    }
  });
  result.deletion = { dialog: named, notice: await page.locator('#notice').innerText() };
  await page.locator('#statistics .section-body[aria-busy="false"]').waitFor({ timeout: WAIT });
  await page.screenshot({ path: join(opts.screenshotDir, 'console-operations.png'), fullPage: true });

  await within(WAIT, 'the requests to finish', (signal) => recorder.quiet(300, signal));
  await recorder.answersRead();
} catch (e) {
  result.error = e?.stack || String(e);
} finally {
  result.bad = badRequests(result.requests);
  // Every request is not needed in the result: the test reads the failures and how many there were.
  result.requestCount = result.requests.length;
  result.requests = [];
  if (session) await session.close();
}
report(result);
process.exit(result.error ? 1 : 0);
