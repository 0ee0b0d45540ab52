// The study page: the patient and study attributes, the series with a thumbnail each, and a stack preview of the
// series chosen (its rendered frames, scrolled with the wheel or the keys), with downloads and links out.
// Every image is fetched with the caller's token into a blob: URL; the preview keeps only the frames near the one
// shown and revokes the others, so that scrolling through a long series does not pile up memory.
import { apiFetch, apiUrl, blobUrl, qido } from './api.js';
import { notify } from './app.js';
import { TAGS, date, first, personName, time, values } from './dicom.js';
import { el } from './dom.js';

const IMAGE = 'image/jpeg';
/** Frames fetched ahead of the one shown, in the direction of travel (and one behind). */
const PREFETCH = 3;
/** Frames kept around the one shown; farther ones are aborted or revoked. */
const KEEP = 6;
const THUMBNAILS_AT_ONCE = 4;
/** Rows asked for per QIDO-RS request when listing a series' instances (the server may cut it; we page on). */
const INSTANCE_PAGE = 1000;

/** Windows a CT reader expects, in Hounsfield units (center, width). */
const CT_PRESETS = [
  { label: 'CT lung', center: -600, width: 1500 },
  { label: 'CT bone', center: 300, width: 1500 },
  { label: 'CT soft tissue', center: 40, width: 400 },
];

/** VOI LUT Function (0028,1056) as the rendered transaction's window function (PS3.18 §8.3.5.1.4). */
const VOI_FUNCTIONS = { LINEAR: 'linear', LINEAR_EXACT: 'linear-exact', SIGMOID: 'sigmoid' };


const enc = encodeURIComponent;

let consoleConfig = null;
/** The console's configuration (config.json, read by the shell too; small and not cached by the browser). */
function config() {
  consoleConfig ??= fetch('config.json', { cache: 'no-store' })
    .then((r) => r.json())
    .catch(() => ({}));
  return consoleConfig;
}

/** Saves a blob as a file the browser downloads. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns to the event loop; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name part from a UID or text: only characters every file system accepts. */
function fileName(text) {
  return String(text).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'download';
}

/**
 * The body of a one-part multipart/related answer (PS3.18 §8.6.1.2): what lies between the end of the first part's
 * headers and the closing delimiter.
 */
function singlePart(bytes, contentType) {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  if (!m) throw new Error(`Not a multipart answer: ${contentType}`);
  const delimiter = new TextEncoder().encode(`\r\n--${m[1]}`);
  const at = (i, pattern) => pattern.every((b, k) => bytes[i + k] === b);
  const opening = delimiter.subarray(2);
  let start = 0;
  while (start < bytes.length && !at(start, opening)) start++;
  const headersEnd = [13, 10, 13, 10];
  while (start < bytes.length && !at(start, headersEnd)) start++;
  start += 4;
  let end = bytes.length - delimiter.length;
  while (end > start && !at(end, delimiter)) end--;
  if (start >= bytes.length || end <= start) throw new Error('The answer holds no part');
  return bytes.subarray(start, end);
}

export async function render(main, route) {
  const study = route.params.study;
  const controller = new AbortController();
  const { signal } = controller;
  const cleanups = [() => controller.abort()];
  const studyPath = `/studies/${enc(study)}`;

  const heading = el('h1', { text: 'Study' });
  const actions = el('div', { class: 'actions', role: 'group', 'aria-label': 'Study actions' });
  const facts = el('dl', { class: 'facts' });
  const seriesList = el('ul', { class: 'series-list', 'aria-label': 'Series' });
  const preview = el('section', { class: 'preview', 'aria-label': 'Stack preview', hidden: true });
  main.append(
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, 'Studies')),
    heading,
    actions,
    facts,
    el('h2', { text: 'Series' }),
    seriesList,
    preview,
  );

  const [{ items: studies }, { items: seriesItems }, cfg] = await Promise.all([
    qido('/studies', { StudyInstanceUID: study, includefield: 'all' }, { signal }),
    qido(`${studyPath}/series`, { includefield: 'NumberOfSeriesRelatedInstances' }, { signal }),
    config(),
  ]);
  const attributes = studies[0];
  if (!attributes) {
    heading.textContent = 'Study not found';
    facts.replaceWith(el('p', { text: `No study ${study} is stored.` }));
    return () => cleanups.forEach((c) => c());
  }

  const name = personName(attributes, TAGS.PatientName) || '(no name)';
  const description = first(attributes, TAGS.StudyDescription);
  heading.textContent = description ? `${name} — ${description}` : name;
  document.title = `${name} — OpenDICOMweb`;
  const rows = [
    ['Patient name', name],
    ['Patient ID', first(attributes, TAGS.PatientID)],
    ['Birth date', date(first(attributes, TAGS.PatientBirthDate))],
    ['Sex', first(attributes, TAGS.PatientSex)],
    ['Study date', `${date(first(attributes, TAGS.StudyDate))} ${time(first(attributes, TAGS.StudyTime))}`.trim()],
    ['Description', description],
    ['Accession number', first(attributes, TAGS.AccessionNumber)],
    ['Study ID', first(attributes, TAGS.StudyID)],
    ['Referring physician', personName(attributes, TAGS.ReferringPhysicianName)],
    ['Modalities', values(attributes, TAGS.ModalitiesInStudy).join(', ')],
    ['Series / instances', `${first(attributes, TAGS.NumberOfStudyRelatedSeries) ?? '?'} / ${
      first(attributes, TAGS.NumberOfStudyRelatedInstances) ?? '?'}`],
    ['Study Instance UID', study],
  ];
  for (const [term, value] of rows) {
    if (value) facts.append(el('div', {}, el('dt', { text: term }), el('dd', { text: value })));
  }

  actions.append(...studyActions(study, studyPath, cfg));

  const series = [...seriesItems].sort(
    (a, b) => Number(first(a, TAGS.SeriesNumber) ?? 1e9) - Number(first(b, TAGS.SeriesNumber) ?? 1e9));
  const cards = new Map();
  let stack = null;

  function open(seriesUid, { push }) {
    const s = series.find((x) => first(x, TAGS.SeriesInstanceUID) === seriesUid);
    if (!s) return;
    for (const [uid, card] of cards) card.setAttribute('aria-pressed', String(uid === seriesUid));
    if (push) history.pushState(null, '', `#/studies/${enc(study)}?series=${enc(seriesUid)}`);
    stack?.close();
    stack = openStack(preview, study, s, signal);
  }
  cleanups.push(() => stack?.close());

  const thumbnails = [];
  for (const s of series) {
    const uid = first(s, TAGS.SeriesInstanceUID);
    const number = first(s, TAGS.SeriesNumber);
    const modality = first(s, TAGS.Modality) ?? '';
    const count = first(s, TAGS.NumberOfSeriesRelatedInstances) ?? '?';
    const img = el('img', { alt: '', width: 128, height: 128, class: 'thumb', 'data-series': uid });
    const card = el('button', { type: 'button', class: 'series-card', 'aria-pressed': 'false', 'data-series': uid },
      el('span', { class: 'thumb-frame' }, img),
      el('span', { class: 'series-text' },
        el('strong', { text: `${number != null ? `#${number} ` : ''}${modality}` }),
        el('span', { text: first(s, TAGS.SeriesDescription) || '(no description)' }),
        el('span', { class: 'muted', text: `${count} instance${count === 1 ? '' : 's'}` })));
    card.addEventListener('click', () => open(uid, { push: true }));
    cards.set(uid, card);
    seriesList.append(el('li', {}, card));
    thumbnails.push({ img, path: `${studyPath}/series/${enc(uid)}/thumbnail` });
  }
  if (!series.length) seriesList.replaceWith(el('p', { text: 'This study has no series.' }));

  const thumbUrls = [];
  cleanups.push(() => thumbUrls.forEach((u) => URL.revokeObjectURL(u)));
  loadThumbnails(thumbnails, thumbUrls, signal);

  const wanted = route.query.get('series');
  if (wanted) open(wanted, { push: false });
  return () => cleanups.forEach((c) => c());
}

/** Thumbnails a few at a time; one that cannot be rendered (no image in the series) says so in words. */
async function loadThumbnails(thumbnails, urls, signal) {
  const queue = [...thumbnails];
  const worker = async () => {
    while (queue.length && !signal.aborted) {
      const { img, path } = queue.shift();
      try {
        const url = await blobUrl(path, IMAGE, { signal });
        urls.push(url);
        img.src = url;
      } catch (e) {
        if (e.name === 'AbortError') return;
        // 406: nothing in the series can be rendered; 404: the series (listed a moment ago) has no frame at all
        const none = e.status === 406 || e.status === 404;
        const note = el('span', { class: 'no-image', text: none ? 'No image' : 'Not available' });
        note.title = e.message;
        img.replaceWith(note);
      }
    }
  };
  await Promise.all(Array.from({ length: THUMBNAILS_AT_ONCE }, worker));
}

function studyActions(study, studyPath, cfg) {
  const zip = el('button', { type: 'button', class: 'primary', text: 'Download study (ZIP)' });
  zip.addEventListener('click', async () => {
    zip.disabled = true;
    const label = zip.textContent;
    zip.textContent = 'Preparing the ZIP…';
    try {
      // transfer-syntax=*: each file as it was stored, not transcoded (PS3.18 §8.7.3.5.2)
      const response = await apiFetch(studyPath, { accept: 'application/zip; transfer-syntax=*' });
      save(await response.blob(), `${fileName(study)}.zip`);
    } catch (e) {
      notify(`The study could not be downloaded: ${e.message}`, 'error');
    } finally {
      zip.disabled = false;
      zip.textContent = label;
    }
  });

  const url = apiUrl(studyPath);
  const copy = el('button', { type: 'button', text: 'Copy WADO-RS URL' });
  const shown = el('input', { type: 'text', readonly: true, value: url, class: 'url-field', id: 'wado-url',
    'aria-label': 'WADO-RS URL of this study', hidden: true });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(`Copied ${url}`);
    } catch {
      // No clipboard (an insecure origin, or permission refused): show the URL selected for the user to copy.
      shown.hidden = false;
      shown.focus();
      shown.select();
      notify('Copy the selected URL (Ctrl+C or ⌘C).');
    }
  });
  const items = [zip, copy];
  if (cfg.viewerUrl) {
    items.push(el('a', { class: 'button', href: cfg.viewerUrl.replaceAll('{study}', enc(study)), target: '_blank',
      rel: 'noopener noreferrer', text: 'Open in viewer' }));
  }
  items.push(shown);
  return items;
}

/** All instances of a series in InstanceNumber order, with what the preview needs of each. */
async function instancesOf(study, series, signal) {
  const found = [];
  const includefield = [TAGS.NumberOfFrames, TAGS.WindowCenter, TAGS.WindowWidth, TAGS.WindowCenterWidthExplanation,
    TAGS.VOILUTFunction, TAGS.PhotometricInterpretation].join(',');
  for (let offset = 0; ;) {
    const { items, warning } = await qido(`/studies/${enc(study)}/series/${enc(series)}/instances`,
      { includefield, limit: INSTANCE_PAGE, offset }, { signal });
    found.push(...items);
    offset += items.length;
    // the server's maximum may be below the page asked for: it then says so in a Warning and we page on
    if (!items.length || (items.length < INSTANCE_PAGE && !/truncated/i.test(warning ?? ''))) break;
  }
  const number = (i) => Number(first(i, TAGS.InstanceNumber) ?? Number.MAX_SAFE_INTEGER);
  return found.sort((a, b) => number(a) - number(b));
}

/** The windows the instances name themselves (each distinct one once), with their explanations. */
function ownWindows(instances) {
  const windows = new Map();
  for (const i of instances) {
    const centers = values(i, TAGS.WindowCenter);
    const widths = values(i, TAGS.WindowWidth);
    const explanations = values(i, TAGS.WindowCenterWidthExplanation);
    const fn = VOI_FUNCTIONS[first(i, TAGS.VOILUTFunction)] ?? null;
    centers.forEach((c, k) => {
      const w = widths[k];
      if (c == null || w == null) return;
      const value = [c, w, fn].filter((v) => v != null).join(',');
      if (!windows.has(value) && windows.size < 8) {
        windows.set(value, `${explanations[k] || `Window ${windows.size + 1}`} (C ${c}, W ${w})`);
      }
    });
  }
  return [...windows].map(([value, label]) => ({ value, label }));
}

/**
 * Opens the stack preview of one series in `section`; answers { close } which aborts its requests and revokes its
 * images.
 */
function openStack(section, study, series, pageSignal) {
  const seriesUid = first(series, TAGS.SeriesInstanceUID);
  const controller = new AbortController();
  const signal = controller.signal;
  pageSignal.addEventListener('abort', () => controller.abort(), { once: true });
  const cache = new Map();
  let frames = [];
  let current = 0;
  let windowParam = '';
  let shownUrl = null;
  const orphans = new Set();

  const title = el('h2', { id: 'stack-title',
    text: `Series ${first(series, TAGS.SeriesNumber) ?? ''} ${first(series, TAGS.SeriesDescription) ?? ''}`.trim() });
  const status = el('p', { class: 'muted', text: 'Loading the instances…' });
  const img = el('img', { class: 'frame', alt: '' });
  const viewport = el('div', { class: 'viewport', tabindex: '0', role: 'group', 'aria-roledescription': 'image stack',
    'aria-labelledby': 'stack-title', 'aria-describedby': 'stack-help' }, img);
  const help = el('p', { id: 'stack-help', class: 'hint',
    text: 'Mouse wheel or Up/Down, Page Up/Page Down, Home/End move through the frames.' });
  const counter = el('output', { class: 'counter', 'aria-live': 'off', for: 'stack-slider' });
  const slider = el('input', { type: 'range', id: 'stack-slider', min: 1, max: 1, value: 1, step: 1 });
  const windowSelect = el('select', { id: 'stack-window' });
  const windowLabel = el('label', { for: 'stack-window', class: 'inline' }, 'Window', windowSelect);
  const attributesLink = el('a', { href: '#', text: 'Attributes of this instance' });
  const download = el('button', { type: 'button', text: 'Download instance' });
  const instanceList = el('ol', { class: 'instance-list' });
  const toolbar = el('div', { class: 'stack-tools' },
    el('label', { for: 'stack-slider', class: 'inline' }, 'Frame', slider), counter, windowLabel, attributesLink,
    download);
  section.replaceChildren(title, status);
  section.hidden = false;

  function frameKey(index) {
    return `${index}|${windowParam}`;
  }

  function framePath(index) {
    const f = frames[index];
    const base = `/studies/${enc(study)}/series/${enc(seriesUid)}/instances/${enc(f.sop)}`;
    const path = f.multiFrame ? `${base}/frames/${f.frame}/rendered` : `${base}/rendered`;
    return windowParam ? `${path}?window=${enc(windowParam)}` : path;
  }

  function load(index) {
    const key = frameKey(index);
    let entry = cache.get(key);
    if (!entry) {
      const abort = new AbortController();
      const onAbort = () => abort.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      entry = { index, window: windowParam, abort, url: null };
      entry.promise = blobUrl(framePath(index), IMAGE, { signal: abort.signal })
        .then((url) => {
          if (abort.signal.aborted) {
            URL.revokeObjectURL(url);
            throw new DOMException('aborted', 'AbortError');
          }
          entry.url = url;
          return url;
        })
        .finally(() => signal.removeEventListener('abort', onAbort));
      entry.promise.catch(() => {});
      cache.set(key, entry);
    }
    return entry;
  }

  /** Frees what lies outside the frames kept around `current` or belongs to another window. */
  function evict() {
    for (const [key, entry] of cache) {
      if (entry.window === windowParam && Math.abs(entry.index - current) <= KEEP) continue;
      cache.delete(key);
      entry.abort.abort();
      if (entry.url) {
        if (entry.url === shownUrl) orphans.add(entry.url);
        else URL.revokeObjectURL(entry.url);
      }
    }
  }

  let direction = 1;
  async function show(index) {
    if (!frames.length) return;
    index = Math.max(0, Math.min(frames.length - 1, index));
    direction = index >= current ? 1 : -1;
    current = index;
    const f = frames[index];
    counter.value = `${index + 1} / ${frames.length}`;
    counter.textContent = counter.value;
    slider.value = String(index + 1);
    viewport.setAttribute('aria-label', `Frame ${index + 1} of ${frames.length}`);
    attributesLink.href = `#/studies/${enc(study)}/series/${enc(seriesUid)}/instances/${enc(f.sop)}`;
    for (const li of instanceList.children) li.toggleAttribute('data-current', li.dataset.sop === f.sop);
    evict();
    const entry = load(index);
    for (let d = 1; d <= PREFETCH; d++) {
      const ahead = index + d * direction;
      if (ahead >= 0 && ahead < frames.length) load(ahead);
    }
    if (index - direction >= 0 && index - direction < frames.length) load(index - direction);
    try {
      const url = await entry.promise;
      if (current !== index || frameKey(index) !== `${entry.index}|${entry.window}`) return;
      img.src = url;
      img.alt = `Frame ${index + 1} of ${frames.length}`;
      viewport.dataset.frame = String(index + 1);
      viewport.dataset.window = windowParam;
      viewport.removeAttribute('data-error');
      const previous = shownUrl;
      shownUrl = url;
      if (previous && orphans.delete(previous)) URL.revokeObjectURL(previous);
    } catch (e) {
      if (e.name === 'AbortError' || current !== index) return;
      img.removeAttribute('src');
      img.alt = e.status === 406 ? 'This frame has no image that can be rendered' : `Not available: ${e.message}`;
      viewport.dataset.error = String(e.status ?? 'network');
    }
  }

  const keys = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10 };
  viewport.addEventListener('keydown', (e) => {
    if (e.key in keys) show(current + keys[e.key]);
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(frames.length - 1);
    else return;
    e.preventDefault();
  });
  viewport.addEventListener('wheel', (e) => {
    e.preventDefault();
    if (e.deltaY) show(current + Math.sign(e.deltaY));
  }, { passive: false });
  slider.addEventListener('input', () => show(Number(slider.value) - 1));
  windowSelect.addEventListener('change', () => {
    windowParam = windowSelect.value;
    show(current);
  });
  download.addEventListener('click', async () => {
    const f = frames[current];
    download.disabled = true;
    try {
      // One part in the stored transfer syntax (transfer-syntax=*): the file as it was received.
      const response = await apiFetch(`/studies/${enc(study)}/series/${enc(seriesUid)}/instances/${enc(f.sop)}`,
        { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const part = singlePart(bytes, response.headers.get('Content-Type'));
      save(new Blob([part], { type: 'application/dicom' }), `${fileName(f.sop)}.dcm`);
    } catch (e) {
      notify(`The instance could not be downloaded: ${e.message}`, 'error');
    } finally {
      download.disabled = false;
    }
  });

  (async () => {
    let instances;
    try {
      instances = await instancesOf(study, seriesUid, signal);
    } catch (e) {
      if (e.name !== 'AbortError') status.textContent = `The instances could not be listed: ${e.message}`;
      return;
    }
    for (const i of instances) {
      const sop = first(i, TAGS.SOPInstanceUID);
      const n = Number(first(i, TAGS.NumberOfFrames) ?? 1) || 1;
      for (let k = 1; k <= n; k++) frames.push({ sop, frame: k, multiFrame: n > 1 });
      const number = first(i, TAGS.InstanceNumber);
      instanceList.append(el('li', { 'data-sop': sop },
        el('a', { href: `#/studies/${enc(study)}/series/${enc(seriesUid)}/instances/${enc(sop)}` },
          `${number != null ? `Instance ${number}` : 'Instance'}${n > 1 ? ` (${n} frames)` : ''}`),
        el('span', { class: 'muted uid', text: ` ${sop}` })));
    }
    if (!frames.length) {
      status.textContent = 'This series has no instances.';
      return;
    }
    const modality = first(series, TAGS.Modality);
    const grayscale = instances.some((i) => /^MONOCHROME/.test(first(i, TAGS.PhotometricInterpretation) ?? ''));
    const options = [{ value: '', label: 'As stored (the file\'s own choice)' }];
    if (grayscale) {
      options.push(...ownWindows(instances));
      if (modality === 'CT') {
        options.push(...CT_PRESETS.map((p) => ({ value: `${p.center},${p.width}`,
          label: `${p.label} (C ${p.center}, W ${p.width})` })));
      }
    }
    windowSelect.replaceChildren(...options.map((o) => el('option', { value: o.value, text: o.label })));
    windowLabel.hidden = options.length < 2;
    slider.max = String(frames.length);
    slider.disabled = frames.length < 2;
    status.remove();
    section.append(toolbar, viewport, help,
      el('details', { class: 'instances' }, el('summary', { text: `Instances (${instances.length})` }), instanceList));
    await show(0);
  })();

  return {
    close() {
      controller.abort();
      for (const entry of cache.values()) if (entry.url) URL.revokeObjectURL(entry.url);
      cache.clear();
      if (shownUrl) URL.revokeObjectURL(shownUrl);
      orphans.forEach((u) => URL.revokeObjectURL(u));
      orphans.clear();
    },
  };
}
