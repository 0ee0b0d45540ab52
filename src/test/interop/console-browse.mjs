// The console's browse views in headless Chromium, driven as a user would (labels, keys, buttons), reporting what
// was shown for ConsoleBrowseTest to judge against QIDO-RS: the study list and its pages, a search by each field,
// the back button, sorting, the server's Warning, thumbnails and stack frames as pixels (drawn to a canvas in the
// page), window presets, downloads (their first bytes), the viewer link, the copied URL, and the attribute tree.
import { readFileSync } from 'node:fs';
import { badRequests, launch, options, recordConsoleErrors, recordRequests, report, within } from './browser.mjs';

const opts = options();
const ui = `${opts.origin}/ui/`;
const result = { console: [] };
const wait = opts.timeoutMs;

/** Counts blob: URLs made and not yet revoked, to check that the stack preview lets go of old frames. */
function countBlobUrls() {
  const live = new Set();
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (o) => {
    const url = create(o);
    live.add(url);
    return url;
  };
  URL.revokeObjectURL = (url) => {
    live.delete(url);
    revoke(url);
  };
  window.liveBlobUrls = () => live.size;
}

/** Pixel figures of an <img> drawn to a canvas: decoded size, min and max luminance, and a hash of the pixels. */
async function pixelsOf(img) {
  if (!img || !img.src) return { width: 0 };
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
  let min = 255;
  let max = 0;
  let hash = 2166136261;
  for (let i = 0; i < data.length; i += 4) {
    const y = Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]);
    if (y < min) min = y;
    if (y > max) max = y;
    hash = Math.imul(hash ^ y, 16777619) >>> 0;
  }
  return { width: canvas.width, height: canvas.height, min, max, hash: hash.toString(16),
    blob: img.src.startsWith('blob:') };
}

const browser = await launch();
let page;
try {
  page = await browser.context.newPage();
  await page.addInitScript(countBlobUrls);
  const requests = recordRequests(page, [`${opts.origin}/dicom-web`]);
  recordConsoleErrors(page, result.console);

  /** A console location in a freshly loaded page, as a shared link would open it. */
  async function open(hash) {
    await page.goto('about:blank');
    await page.goto(`${ui}${hash}`);
  }

  /** The study list once its search has finished: the studies shown, in order. */
  async function rows() {
    await page.waitForFunction(() => {
      const t = document.querySelector('table.studies');
      return t && !t.hasAttribute('aria-busy') && !/Searching/.test(document.querySelector('.summary')?.textContent);
    }, null, { timeout: wait });
    return page.$$eval('table.studies tbody tr', (trs) => trs.map((tr) => tr.dataset.study));
  }

  const hash = () => page.evaluate(() => location.hash);

  async function hashChange(from) {
    await page.waitForFunction((h) => location.hash !== h, from, { timeout: wait });
  }

  // --- The list: / goes to the console, pages of the default size, counts, timing ---------------------------------
  await within(wait * 3, 'the study list', async () => {
    await page.goto(`${opts.origin}/`);
    const list = { redirectedTo: page.url().replace(/#.*$/, '') };
    list.page1 = await rows();
    list.page1Counts = await page.$$eval('table.studies tbody tr', (trs) =>
      trs.every((tr) => /^\d+$/.test(tr.cells[7].textContent) && /^\d+$/.test(tr.cells[8].textContent)));
    list.warningShown = await page.isVisible('.warning');
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/dicom-web\/studies\?/.test(e.name))
      .map((e) => ({ url: e.name, ms: Math.round(e.duration), ttfb: Math.round(e.responseStart - e.requestStart) })));
    result.firstPage = { qidoMs: timing[0]?.ms, ttfbMs: timing[0]?.ttfb };
    const before = await hash();
    await page.getByRole('button', { name: 'Next page' }).click();
    await hashChange(before);
    list.page2 = await rows();
    result.list = list;
  });

  // --- Search by each field, typed and submitted with Enter ------------------------------------------------------
  result.searches = {};
  for (const s of opts.searches) {
    await within(wait * 2, `the search by ${s.label}`, async () => {
      await open('#/');
      await rows();
      const field = page.getByLabel(s.label, { exact: true });
      await field.fill(s.value);
      await field.press('Enter');
      await page.waitForFunction((k) => location.hash.includes(`${k}=`), s.urlKey, { timeout: wait });
      result.searches[s.label] = { rows: await rows(), hash: await hash() };
    });
  }
  await within(wait * 2, 'the search by date range', async () => {
    await open('#/');
    await rows();
    await page.getByLabel('From', { exact: true }).fill(opts.dateFrom);
    await page.waitForFunction(() => location.hash.includes('from='), null, { timeout: wait });
    await rows();
    await page.getByLabel('To', { exact: true }).fill(opts.dateTo);
    await page.waitForFunction(() => location.hash.includes('to='), null, { timeout: wait });
    result.searches.dates = { rows: await rows(), hash: await hash() };
  });

  // --- Back returns to the previous search -----------------------------------------------------------------------
  await within(wait * 2, 'the back button after two searches', async () => {
    await open('#/');
    await rows();
    const name = page.getByLabel('Patient name', { exact: true });
    await name.fill(opts.searches[0].value);
    await name.press('Enter');
    await page.waitForFunction(() => location.hash.includes('PatientName='), null, { timeout: wait });
    await rows();
    // the second search is typed, not submitted: one history entry for the whole burst of typing
    await name.fill('');
    await page.getByLabel('Patient ID', { exact: true }).fill(opts.searches[1].value);
    await page.waitForFunction(() => location.hash.includes('PatientID=') && !location.hash.includes('PatientName='),
      null, { timeout: wait });
    await rows();
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('PatientName='), null, { timeout: wait });
    result.back = { rows: await rows(), field: await page.getByLabel('Patient name', { exact: true }).inputValue() };
  });

  // --- Paging with a small page: Next, Next, back, Previous; the last page --------------------------------------
  await within(wait * 3, 'paging', async () => {
    const p = {};
    await open(`#/studies?limit=${opts.smallPage}`);
    p.page1 = await rows();
    p.previousDisabledOnFirst = await page.getByRole('button', { name: 'Previous page' }).isDisabled();
    const next = page.getByRole('button', { name: 'Next page' });
    let h = await hash();
    await next.focus();
    await page.keyboard.press('Enter');
    await hashChange(h);
    p.page2 = await rows();
    p.page2Hash = h = await hash();
    await next.click();
    await hashChange(h);
    p.page3 = await rows();
    p.page3Hash = h = await hash();
    await page.goBack();
    await hashChange(h);
    p.afterBack = await rows();
    p.afterBackHash = h = await hash();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await hashChange(h);
    p.afterPrevious = await rows();
    const last = Math.floor((opts.studies.length - 1) / opts.smallPage) * opts.smallPage;
    await open(`#/studies?limit=${opts.smallPage}&offset=${last}`);
    p.lastPage = await rows();
    p.nextDisabledOnLast = await page.getByRole('button', { name: 'Next page' }).isDisabled();
    result.paging = p;
  });

  // --- A page larger than the server's maximum: cut, with the server's Warning shown ----------------------------
  await within(wait * 2, 'the truncation warning', async () => {
    await open('#/');
    await rows();
    const h = await hash();
    await page.selectOption('#page-size', String(opts.truncatingPage));
    await hashChange(h);
    const shown = await rows();
    await page.waitForSelector('.warning:not([hidden])', { timeout: wait });
    result.truncated = { rows: shown.length, warning: await page.textContent('.warning') };
  });

  // --- Sorting the page by patient ID, twice ---------------------------------------------------------------------
  await within(wait * 2, 'sorting', async () => {
    await open('#/');
    await rows();
    const ids = () => page.$$eval('table.studies tbody tr', (trs) => trs.map((tr) => tr.cells[1].textContent));
    const sort = { before: await ids() };
    const button = page.locator('th button[data-sort="id"]');
    await button.click();
    sort.ascending = await ids();
    sort.ariaSort = await page.locator('th:has(button[data-sort="id"])').getAttribute('aria-sort');
    sort.hash = await hash();
    await button.click();
    sort.descending = await ids();
    sort.ariaSortAgain = await page.locator('th:has(button[data-sort="id"])').getAttribute('aria-sort');
    result.sort = sort;
  });

  // --- Thumbnails: every series card has an image (drawn and measured) or says it has none -----------------------
  result.thumbnails = {};
  for (const [study, series] of Object.entries(opts.thumbnails)) {
    await within(wait * 2, `the thumbnails of ${study}`, async () => {
      await open(`#/studies/${encodeURIComponent(study)}`);
      await page.waitForFunction((n) => {
        const cards = [...document.querySelectorAll('.series-card')];
        return cards.length === n && cards.every((c) => c.querySelector('.no-image')
          || (c.querySelector('img')?.complete && c.querySelector('img').naturalWidth > 0));
      }, Object.keys(series).length, { timeout: wait });
      const shown = {};
      for (const uid of Object.keys(series)) {
        const card = page.locator(`.series-card[data-series="${uid}"]`);
        const note = await card.locator('.no-image').count();
        shown[uid] = note ? { note: await card.locator('.no-image').textContent() }
          : await card.locator('img').evaluate(pixelsOf);
      }
      result.thumbnails[study] = shown;
    });
  }

  /** The stack preview's state once the frame `n` (1-based) is shown with the window `windowParam`. */
  async function frame(n, windowParam = '') {
    await page.waitForFunction(([f, w]) => {
      const v = document.querySelector('.viewport');
      const img = v?.querySelector('img');
      return v && v.dataset.frame === String(f) && (v.dataset.window ?? '') === w && img.complete
        && img.naturalWidth > 0;
    }, [n, windowParam], { timeout: wait });
    const figures = await page.locator('.viewport img').evaluate(pixelsOf);
    return { ...figures, counter: await page.textContent('.counter') };
  }

  // --- Stack preview of a CT series: keys, wheel, a window preset, the instance download ------------------------
  await within(wait * 4, 'the stack preview', async () => {
    const { study, series, frames } = opts.stack;
    await open(`#/studies/${encodeURIComponent(study)}`);
    const card = page.locator(`.series-card[data-series="${series}"]`);
    await card.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => location.hash.includes(`series=${encodeURIComponent(s)}`), series,
      { timeout: wait });
    const stack = { first: await frame(1) };
    const viewport = page.locator('.viewport');
    await viewport.focus();
    await page.keyboard.press('ArrowDown');
    stack.down = await frame(2);
    await page.keyboard.press('End');
    stack.end = await frame(frames);
    await page.keyboard.press('Home');
    stack.home = await frame(1);
    await viewport.hover();
    await page.mouse.wheel(0, 120);
    stack.wheel = await frame(2);
    stack.windowOptions = await page.$$eval('#stack-window option', (os) => os.map((o) => o.textContent));
    await page.selectOption('#stack-window', '300,1500');
    stack.bone = await frame(2, '300,1500');
    result.stack = stack;

    const download = page.waitForEvent('download', { timeout: wait });
    await page.getByRole('button', { name: 'Download instance' }).click();
    const file = await download;
    const bytes = readFileSync(await file.path());
    result.downloads = { instance: { name: file.suggestedFilename(), magic: bytes.subarray(128, 132).toString('latin1'),
      bytes: bytes.length } };

    // --- The study's own actions on the same page ---
    const zipDownload = page.waitForEvent('download', { timeout: wait });
    await page.getByRole('button', { name: 'Download study (ZIP)' }).click();
    const zip = await zipDownload;
    const zipBytes = readFileSync(await zip.path());
    result.downloads.zip = { name: zip.suggestedFilename(), magic: zipBytes.subarray(0, 2).toString('latin1'),
      bytes: zipBytes.length };

    const studyPage = { viewerHref: await page.getByRole('link', { name: 'Open in viewer' }).getAttribute('href'),
      facts: await page.textContent('.facts') };
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: opts.origin });
    await page.getByRole('button', { name: 'Copy WADO-RS URL' }).click();
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent
      || !document.querySelector('#wado-url')?.hidden, null, { timeout: wait });
    studyPage.copied = (await page.isVisible('#wado-url'))
      ? await page.inputValue('#wado-url')
      : await page.evaluate(() => navigator.clipboard.readText());
    result.studyPage = studyPage;
  });

  // --- The frames of a multi-frame instance, all the way through; blob: URLs let go -------------------------------
  await within(wait * 4, 'the multi-frame stack', async () => {
    const { study, series, frames } = opts.multiFrame;
    await open(`#/studies/${encodeURIComponent(study)}?series=${encodeURIComponent(series)}`);
    const multi = { first: await frame(1) };
    await page.locator('.viewport').focus();
    for (let n = 2; n <= frames; n++) {
      await page.keyboard.press('ArrowDown');
      await frame(n);
    }
    multi.last = await frame(frames);
    multi.windowOptions = await page.$$eval('#stack-window option', (os) => os.map((o) => o.textContent));
    multi.windowHidden = await page.locator('label[for="stack-window"]').isHidden();
    await requests.quiet(300, { expired: false });
    multi.liveBlobUrls = await page.evaluate(() => window.liveBlobUrls());
    multi.thumbnails = await page.locator('.series-card img[src^="blob:"]').count();
    result.multiFrame = multi;
  });

  // --- The attribute view: a known tag, a sequence folded and unfolded, the filter, bulk data --------------------
  await within(wait * 3, 'the attribute view', async () => {
    const a = opts.attributes;
    await open(`#/studies/${encodeURIComponent(a.study)}/series/${encodeURIComponent(a.series)}/instances/`
      + encodeURIComponent(a.instance));
    await page.waitForSelector('li[data-tag="00100010"]', { timeout: wait });
    const view = {
      patientNameKeyword: await page.textContent('li[data-tag="00100010"] .kw'),
      patientNameValue: await page.textContent('li[data-tag="00100010"] .val'),
    };
    const sequence = page.locator(`li.sq[data-tag="${a.sequenceTag}"]`).first();
    const details = sequence.locator(':scope > details');
    const nested = sequence.locator(`li[data-tag="${a.nestedTag}"]`).first();
    view.sequenceKeyword = await sequence.locator(':scope > details > summary .kw').textContent();
    view.openAtFirst = await details.evaluate((d) => d.open);
    await sequence.locator(':scope > details > summary').click();
    view.nestedVisibleWhenFolded = await nested.isVisible();
    await sequence.locator(':scope > details > summary').focus();
    await page.keyboard.press('Enter');
    view.nestedVisibleWhenUnfolded = await nested.isVisible();

    await page.getByLabel('Filter attributes').fill(a.nestedKeyword);
    await page.waitForFunction(() => location.hash.includes('filter='), null, { timeout: wait });
    view.filter = {
      hash: await hash(),
      nestedVisible: await nested.isVisible(),
      sequenceVisible: await sequence.isVisible(),
      patientNameVisible: await page.locator('li[data-tag="00100010"]').isVisible(),
    };
    await page.getByLabel('Filter attributes').fill('');
    await page.waitForFunction(() => !location.hash.includes('filter='), null, { timeout: wait });

    const download = page.waitForEvent('download', { timeout: wait });
    await page.locator('li[data-tag="7FE00010"] a.bulk').click();
    const file = await download;
    view.bulkData = { name: file.suggestedFilename(), bytes: readFileSync(await file.path()).length };
    result.attributes = view;
  });

  await requests.quiet(300, { expired: false });
  await requests.answersRead();
  result.bad = badRequests(requests.requests);
  result.requests = requests.requests.length;
} catch (e) {
  result.error = String(e?.stack ?? e);
  if (page && opts.screenshotDir) {
    await page.screenshot({ path: `${opts.screenshotDir}/console-browse-failure.png`, fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
}
// Resources that a browser reports as console errors because the server refused them are judged by the test
// from the request list (a series without images has no thumbnail); the rest are the page's own errors.
result.console = result.console.filter((line) => !/^Failed to load resource: the server responded with a status of 40[46]/
  .test(line));
report(result);
process.exit(result.error ? 1 : 0);
