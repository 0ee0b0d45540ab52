// Drives the OHIF Viewer (served by the test) against the server: it reads what the study list shows, unfiltered and
// with filters, and opens studies one after the other, measuring what each viewport draws. The test compares all of
// it with what the server holds. Prints one line of JSON (see report()).
//
// Options (JSON file, first argument):
//   viewerUrl      where the test serves OHIF's dist/ with its own app-config.js
//   dicomwebRoot   the data source's root as OHIF reaches it; every request below it is recorded
//   lists          [{ query, rows }]: the study list opened with this URL query (e.g. patientName=doe, which OHIF
//                  sends as PatientName=*doe*); the script waits until it shows `rows` rows (or the wait ends) and
//                  reports the cells of every row and the list's "first-last of total" label
//   open           Study Instance UIDs to open in the viewer, one after the other, each within studyTimeoutMs;
//                  one that draws nothing is reported and the next one is opened
//   screenshotDir  where to write <label>-study-list.png and <label>-<n>.png
//   label          names the screenshots (e.g. same-origin)
//   timeoutMs      the most any other wait may take
import { badRequests, launch, options, recordConsoleErrors, recordRequests, report, within } from './browser.mjs';
import { canvasContent, shows, skipTour, studyList } from './ohif-page.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const opts = options();
const timeout = opts.timeoutMs ?? 60000;
const studyTimeout = opts.studyTimeoutMs ?? timeout;
// The list shows 50 rows a page unless told otherwise; OHIF asks the server for at most 101 studies.
const ROWS_PER_PAGE = 100;
const result = { label: opts.label, lists: [], viewports: [], requests: [], console: [], error: null };

let session = null;
try {
  mkdirSync(opts.screenshotDir, { recursive: true });
  session = await launch();
  const page = await session.context.newPage();
  const recorder = recordRequests(page, [opts.dicomwebRoot]);
  result.requests = recorder.requests;
  recordConsoleErrors(page, result.console);

  for (const list of opts.lists ?? []) {
    const query = [`resultsPerPage=${ROWS_PER_PAGE}`, list.query].filter(Boolean).join('&');
    await page.goto(`${opts.viewerUrl}/?${query}`, { timeout });
    let shown = { rows: [], label: null };
    // Waiting for the expected number of rows is only a wait: the test compares the rows themselves.
    await within(timeout, `the study list (${query}) to show ${list.rows} rows`, async (signal) => {
      while (!signal.expired) {
        shown = await studyList(page);
        if (shown.rows.length === list.rows) {
          return;
        }
        await page.waitForTimeout(200);
      }
    }).catch(() => {});
    await within(timeout, `the requests of the study list (${query}) to finish`, (signal) => recorder.quiet(300, signal));
    shown = await studyList(page);
    const text = (await page.locator('body').innerText()).slice(0, 2000);
    result.lists.push({ query: list.query, ...shown, text });
    if (result.lists.length === 1) {
      await page.screenshot({ path: join(opts.screenshotDir, `${opts.label}-study-list.png`) });
    }
  }

  let n = 0;
  for (const study of opts.open ?? []) {
    n++;
    const started = Date.now();
    const viewport = { study, canvas: null, ms: 0, error: null };
    try {
      await page.goto(`${opts.viewerUrl}/viewer?StudyInstanceUIDs=${encodeURIComponent(study)}`, { timeout });
      await within(studyTimeout, `a non-blank image of study ${study} in the viewport`, async (signal) => {
        while (!signal.expired) {
          viewport.canvas = await canvasContent(page);
          if (shows(viewport.canvas)) {
            return;
          }
          await page.waitForTimeout(250);
        }
      });
      viewport.ms = Date.now() - started;
      // Leaving while the viewer still fetches would abort requests, which count as failures.
      await within(timeout, `the requests for study ${study} to finish`, (signal) => recorder.quiet(500, signal));
      await skipTour(page);
    } catch (e) {
      viewport.error = String(e?.message ?? e);
      viewport.ms = Date.now() - started;
      await within(timeout, `the requests for study ${study} to finish`, (signal) => recorder.quiet(500, signal)).catch(() => {});
    } finally {
      viewport.screenshot = join(opts.screenshotDir, `${opts.label}-${n}.png`);
      await page.screenshot({ path: viewport.screenshot });
      result.viewports.push(viewport);
    }
  }
} catch (e) {
  result.error = String(e?.stack ?? e);
} finally {
  await session?.close();
}
result.bad = badRequests(result.requests);
report(result);
process.exit(result.error || result.bad.length > 0 ? 1 : 0);
