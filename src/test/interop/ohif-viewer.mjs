// Drives the OHIF Viewer (served by the test) against the server: the study list must show the stored studies,
// and each study to open must get a non-blank image in the viewport. Prints one line of JSON (see report()).
//
// Options (JSON file, first argument):
//   viewerUrl      where the test serves OHIF's dist/ with its own app-config.js
//   dicomwebRoot   the data source's root as OHIF reaches it; every request below it is recorded
//   patients       texts the study list must show (one per stored study)
//   filters        [{ query, shows, hides }]: the study list opened with a filter in its URL (e.g.
//                  patientName=phan, which OHIF sends as PatientName=*phan*) must show and must not show these texts
//   open           Study Instance UIDs to open in the viewer, one after the other
//   screenshotDir  where to write <label>-study-list.png and <label>-<n>.png
//   label          names the screenshots (e.g. same-origin)
//   timeoutMs      the most any one wait may take
import { badRequests, launch, options, recordRequests, report, within } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const opts = options();
const timeout = opts.timeoutMs ?? 60000;
const result = { label: opts.label, studyList: null, viewports: [], requests: [], console: [], error: null };

/** Counts what a viewport canvas shows: lit pixels and distinct grey levels, read back from the canvas. */
async function canvasContent(page) {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('canvas.cornerstone-canvas')].filter((c) => c.width > 0 && c.height > 0);
    let best = null;
    for (const canvas of canvases) {
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) {
        continue;
      }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let lit = 0;
      const levels = new Set();
      for (let i = 0; i < data.length; i += 4) {
        const v = Math.max(data[i], data[i + 1], data[i + 2]);
        if (v > 8) {
          lit++;
        }
        levels.add(v);
      }
      const stats = { width: canvas.width, height: canvas.height, pixels: canvas.width * canvas.height, lit, levels: levels.size };
      if (!best || stats.lit > best.lit) {
        best = stats;
      }
    }
    return { canvases: canvases.length, best };
  });
}

function shows(content) {
  return content.best !== null && content.best.lit >= content.best.pixels * 0.01 && content.best.levels >= 8;
}

let session = null;
try {
  mkdirSync(opts.screenshotDir, { recursive: true });
  session = await launch();
  const page = await session.context.newPage();
  const recorder = recordRequests(page, [opts.dicomwebRoot]);
  result.requests = recorder.requests;
  page.on('console', (msg) => {
    if (msg.type() === 'error' && result.console.length < 50) {
      result.console.push(msg.text().slice(0, 500));
    }
  });
  page.on('pageerror', (err) => {
    if (result.console.length < 50) {
      result.console.push(`page error: ${String(err).slice(0, 500)}`);
    }
  });

  await page.goto(`${opts.viewerUrl}/`, { timeout });
  await within(timeout, `the study list to show ${opts.patients.join(', ')}`, async () => {
    for (const name of opts.patients) {
      await page.getByText(name, { exact: false }).first().waitFor({ timeout });
    }
  });
  result.studyList = {
    text: (await page.locator('body').innerText()).slice(0, 4000),
  };
  await page.screenshot({ path: join(opts.screenshotDir, `${opts.label}-study-list.png`) });

  result.filters = [];
  for (const filter of opts.filters ?? []) {
    await page.goto(`${opts.viewerUrl}/?${filter.query}`, { timeout });
    await within(timeout, `the study list filtered by ${filter.query} to show ${filter.shows.join(', ')}`, async () => {
      for (const text of filter.shows) {
        await page.getByText(text, { exact: false }).first().waitFor({ timeout });
      }
    });
    await within(timeout, `the requests of the filtered study list to finish`, (signal) => recorder.quiet(300, signal));
    const shown = [];
    for (const text of filter.hides) {
      if ((await page.getByText(text, { exact: false }).count()) > 0) {
        shown.push(text);
      }
    }
    result.filters.push({ query: filter.query, wronglyShown: shown });
    if (shown.length > 0) {
      throw new Error(`the study list filtered by ${filter.query} still shows ${shown.join(', ')}`);
    }
  }

  let n = 0;
  for (const study of opts.open) {
    n++;
    await page.goto(`${opts.viewerUrl}/viewer?StudyInstanceUIDs=${encodeURIComponent(study)}`, { timeout });
    let content = null;
    const started = Date.now();
    try {
      await within(timeout, `a non-blank image of study ${study} in the viewport`, async (signal) => {
        while (!signal.expired) {
          content = await canvasContent(page);
          if (shows(content)) {
            return;
          }
          await page.waitForTimeout(250);
        }
      });
      await within(timeout, `the requests for study ${study} to finish`, (signal) => recorder.quiet(500, signal));
      // OHIF greets a first visit with a guided tour whose popup would cover the image in the screenshot.
      const skipTour = page.getByText('Skip all', { exact: true });
      if (await skipTour.isVisible().catch(() => false)) {
        await skipTour.click().catch(() => {});
      }
    } finally {
      const screenshot = join(opts.screenshotDir, `${opts.label}-${n}.png`);
      await page.screenshot({ path: screenshot });
      result.viewports.push({ study, canvas: content, ms: Date.now() - started, screenshot });
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
