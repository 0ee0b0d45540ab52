// Upload (#/upload): files or whole folders, dropped or chosen, stored with STOW-RS in batches, as any DICOMweb
// client would. Built for thousands of files without freezing the page: a request body is a Blob made of the File
// objects themselves (the browser streams them from disk; no file is read into memory by this code), a few requests
// are in flight at a time, and the page is redrawn at most a few times a second.
//
// Which file a refusal belongs to: the server answers one outcome per part, in the order of the parts; the
// FailedSOPSequence keeps that order and has the UIDs it could read, which a file that is no DICOM lacks. The server
// also names every refused part by its position, with the reason in words, in a `Warning: 299 - "part N: …"` header
// (up to 10 per request; docs/conformance.md, STOW-RS). When there are as many such warnings as failed items, the
// k-th failed item is the part of the k-th warning. When there are more failures than warnings (more than 10 in one
// batch), or the warnings were lost on the way (a proxy that drops them), the batch's files are sent again one per
// request, where the one failed item is that file: a file stored the first time is stored again with the same bytes,
// which the server takes as a success that changes nothing.
import { apiFetch } from './api.js';
import { may } from './auth.js';
import { TAGS } from './dicom.js';
import { el } from './dom.js';

/** A batch closes at this many files or bytes, whichever comes first (a larger file goes alone). */
const BATCH_FILES = 50;
const BATCH_BYTES = 32 * 1024 * 1024;
/** Requests in flight at once. */
const IN_FLIGHT = 3;
/** The page is redrawn at most this often while an upload runs. */
const REDRAW_MS = 250;
/** The longest the page reads chosen files before it lets the browser handle input and paint. */
const SLICE_MS = 30;
/** Failures listed on the page; the count says how many there are in all. */
const LISTED_FAILURES = 1000;

const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_SEQUENCE = '00081199';
const FAILURE_REASON = '00081197';
const WARNING_REASON = '00081196';

/** Failure Reason (0008,1197) values our server sends (docs/conformance.md, STOW-RS), in words. */
const REASONS = {
  0xa700: 'Out of resources',
  0xa900: 'Data set does not match its SOP class (a UID is missing or malformed)',
  0xc000: 'Cannot understand (not DICOM, or damaged)',
  0xc122: 'Transfer syntax not supported',
  0x0122: 'SOP class not supported',
  0x0110: 'Processing failure',
  0x0111: 'Another object is stored under this SOP Instance UID',
  0xc409: 'Study Instance UID differs from the study of the request',
  0xc40a: 'Its series is stored under another study',
  0xc40b: 'Invalid rejection note',
  0xc40c: 'Rejection note of another patient',
};


function mb(bytes) {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function hex(code) {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The texts of the Warning headers (RFC 7234 §5.5: 299 - "text"), unescaped. */
export function warningTexts(header) {
  const texts = [];
  if (!header) return texts;
  const re = /\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(header); m; m = re.exec(header)) texts.push(m[1].replace(/\\(.)/g, '$1'));
  return texts;
}

/**
 * What one STOW-RS answer says about each file of its batch: [{ file, stored, study, reason }], or null when the
 * failures cannot be tied to files (see the top of this file).
 */
export function outcomes(files, dataset, warningHeader) {
  const failed = dataset?.[FAILED_SOP_SEQUENCE]?.Value ?? [];
  const referenced = dataset?.[REFERENCED_SOP_SEQUENCE]?.Value ?? [];
  const named = [];
  for (const text of warningTexts(warningHeader)) {
    const m = /^part (\d+): (.*)$/s.exec(text);
    if (m) named.push({ part: Number(m[1]) - 1, text: m[2] });
  }
  if (files.length === 1 && failed.length === 1 && referenced.length === 0) {
    return [{ file: files[0], stored: false, reason: describe(failed[0], named[0]?.text) }];
  }
  if (failed.length !== named.length || named.some((n) => n.part < 0 || n.part >= files.length)) return null;
  if (failed.length + referenced.length !== files.length) return null;
  const result = files.map((file) => ({ file, stored: true, study: null }));
  named.forEach((n, k) => {
    result[n.part] = { file: files[n.part], stored: false, reason: describe(failed[k], n.text) };
  });
  // The stored parts are the others, in the same order as the ReferencedSOPSequence.
  let r = 0;
  for (const outcome of result) {
    if (outcome.stored) {
      const item = referenced[r++];
      outcome.study = studyOf(item);
      outcome.warning = item?.[WARNING_REASON]?.Value?.[0];
    }
  }
  return result;
}

function describe(item, text) {
  const code = item?.[FAILURE_REASON]?.Value?.[0];
  const words = code === undefined ? 'Refused' : `${hex(code)} ${REASONS[code] ?? 'Refused'}`;
  return text ? `${words}: ${text}` : words;
}

function studyOf(item) {
  const url = item?.[TAGS.RetrieveURL]?.Value?.[0] ?? '';
  const m = /\/studies\/([^/]+)\/series\//.exec(url);
  return m ? decodeURIComponent(m[1]) : null;
}

/** Lets the browser handle input and paint before the next piece of work. */
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A file, the name it is shown by (its path in the dropped or chosen folder, or its own name) and its size, read
 * once: Chromium may ask the file system for the size of a file from a folder the first time it is read (a
 * synchronous call), so sizes are read in slices, never all in one task.
 */
function entryOf(file, path) {
  return { file, size: file.size, name: (path || file.webkitRelativePath || file.name).replace(/^\//, '') };
}

/** Every file below a dropped folder (FileSystemDirectoryEntry), read a listing page at a time. */
async function filesBelow(entry, into, signal) {
  if (signal.aborted) return;
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    into.push(entryOf(file, entry.fullPath));
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    const page = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!page.length) break;
    for (const child of page) await filesBelow(child, into, signal);
  }
}

/** The files of a drop: folders are walked. Entries must be taken while the drop event runs. */
async function droppedFiles(dataTransfer, signal) {
  const entries = [];
  const loose = [];
  for (const item of dataTransfer.items ?? []) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(entryOf(file));
    }
  }
  if (!entries.length && !loose.length) {
    for (const file of dataTransfer.files ?? []) loose.push(entryOf(file));
  }
  const files = [...loose];
  for (const entry of entries) await filesBelow(entry, files, signal);
  return files;
}

/** Groups the files in batches of at most BATCH_FILES files and BATCH_BYTES bytes (a larger file goes alone). */
export function batches(files) {
  const result = [];
  let current = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (current.length >= BATCH_FILES || bytes + f.size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) result.push(current);
  return result;
}

/** A multipart/related body of the files as application/dicom parts: the Files themselves, nothing read. */
function body(files) {
  const boundary = `odw-${crypto.randomUUID()}`;
  const parts = [];
  for (const f of files) {
    parts.push(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, f.file, '\r\n');
  }
  parts.push(`--${boundary}--\r\n`);
  return {
    blob: new Blob(parts),
    contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
  };
}

async function store(files, signal) {
  const { blob, contentType } = body(files);
  const response = await apiFetch('/studies', {
    method: 'POST',
    body: blob,
    headers: { 'Content-Type': contentType },
    accept: 'application/dicom+json',
    signal,
    allow: [409],
  });
  const text = await response.text();
  return { dataset: text ? JSON.parse(text) : {}, warning: response.headers.get('Warning') };
}

/** Stores one batch; answers the outcome of each of its files. */
async function storeBatch(files, signal) {
  let answer;
  try {
    answer = await store(files, signal);
  } catch (e) {
    if (signal.aborted) throw e;
    const reason = e.detail ? `${e.message} ${messageOf(e.detail)}` : e.message || String(e);
    return files.map((file) => ({ file, stored: false, reason }));
  }
  const mapped = outcomes(files, answer.dataset, answer.warning);
  if (mapped) return mapped;
  if (files.length === 1) {
    return [{ file: files[0], stored: false, reason: 'The server answered without an outcome for this file' }];
  }
  // The failures cannot be tied to files: each file again, alone.
  const result = [];
  for (const f of files) result.push(...(await storeBatch([f], signal)));
  return result;
}

function messageOf(detail) {
  try {
    return JSON.parse(detail).message ?? detail;
  } catch {
    return detail;
  }
}

export async function render(main) {
  main.append(el('h1', { text: 'Upload' }));
  if (!may('write')) {
    main.append(el('p', { text: 'Your account may not store instances: uploading needs the write role.' }));
    return undefined;
  }
  const folderInput = el('input', { type: 'file', id: 'upload-folder', webkitdirectory: true, multiple: true });
  const filesInput = el('input', { type: 'file', id: 'upload-files', multiple: true });
  const drop = el(
    'div',
    { class: 'drop', id: 'upload-drop', role: 'region', 'aria-label': 'Drop area for files and folders' },
    el('p', { text: 'Drop DICOM files or whole folders here, or choose them:' }),
    el(
      'div',
      { class: 'choose' },
      el('label', { for: 'upload-folder', text: 'A folder (with its subfolders)' }),
      folderInput,
      el('label', { for: 'upload-files', text: 'Files' }),
      filesInput,
    ),
  );
  const progress = el('progress', { id: 'upload-progress', max: '1', value: '0' });
  const progressText = el('span', { id: 'upload-progress-text', class: 'muted', text: 'Nothing sent yet.' });
  const cancel = el('button', { type: 'button', id: 'upload-cancel', disabled: true, text: 'Cancel' });
  const state = el(
    'section',
    { class: 'upload-state', 'aria-labelledby': 'upload-progress-label' },
    el('label', { id: 'upload-progress-label', for: 'upload-progress', text: 'Progress' }),
    el('div', { class: 'bar' }, progress, cancel),
    el('p', { role: 'status', 'aria-live': 'polite' }, progressText),
  );
  const failuresTitle = el('h2', { id: 'upload-failures-title', text: 'Refused files', hidden: true });
  const failuresBody = el('tbody');
  const failuresTable = el(
    'table',
    { id: 'upload-failures', 'aria-labelledby': 'upload-failures-title', hidden: true },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'File' }), el('th', { scope: 'col', text: 'Reason' }))),
    failuresBody,
  );
  const studiesSection = el('section', { id: 'upload-studies', 'aria-label': 'Studies stored into', hidden: true });
  main.append(drop, state, failuresTitle, failuresTable, studiesSection);

  let run = null;

  async function start(collect) {
    if (run) run.controller.abort();
    const controller = new AbortController();
    const current = {
      controller,
      files: [],
      total: 0,
      totalBytes: 0,
      done: 0,
      doneBytes: 0,
      stored: 0,
      failures: [],
      listed: 0,
      studies: new Map(),
      finished: false,
      cancelled: false,
      collecting: true,
    };
    run = current;
    failuresBody.replaceChildren();
    studiesSection.replaceChildren();
    studiesSection.hidden = true;
    let drawn = 0;
    let timer = null;
    const draw = () => {
      timer = null;
      drawn = performance.now();
      redraw(current);
    };
    const schedule = (now = false) => {
      if (run !== current) return;
      if (now) {
        if (timer) clearTimeout(timer);
        draw();
      } else if (!timer) {
        timer = setTimeout(draw, Math.max(0, REDRAW_MS - (performance.now() - drawn)));
      }
    };
    cancel.disabled = false;
    schedule(true);
    try {
      current.files = await collect(controller.signal);
      current.collecting = false;
      current.total = current.files.length;
      current.totalBytes = current.files.reduce((n, f) => n + f.size, 0);
      schedule(true);
      const queue = batches(current.files);
      const worker = async () => {
        while (queue.length && !controller.signal.aborted) {
          const batch = queue.shift();
          const results = await storeBatch(batch, controller.signal);
          for (const r of results) {
            current.done++;
            current.doneBytes += r.file.size;
            if (r.stored) {
              current.stored++;
              if (r.study) current.studies.set(r.study, (current.studies.get(r.study) ?? 0) + 1);
            } else {
              current.failures.push(r);
            }
          }
          schedule();
          // A turn of the event loop between batches, so input and painting go first.
          await pause();
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    } catch (e) {
      if (!controller.signal.aborted) current.error = e.message || String(e);
    }
    current.cancelled = controller.signal.aborted;
    current.finished = true;
    current.collecting = false;
    if (run === current) {
      cancel.disabled = true;
      schedule(true);
    }
  }

  function redraw(current) {
    progress.max = Math.max(1, current.total);
    progress.value = current.done;
    const words = current.collecting
      ? `Reading the chosen files… ${current.files.length || ''}`.trim()
      : `${current.done} of ${current.total} files, ${mb(current.doneBytes)} of ${mb(current.totalBytes)} MB sent; ` +
        `${current.stored} stored, ${current.failures.length} refused.`;
    let end = '';
    if (current.finished) {
      if (current.error) end = ` Stopped: ${current.error}`;
      else if (current.cancelled) end = ` Cancelled: ${current.total - current.done} files were not sent.`;
      else end = ' Done.';
    }
    progressText.textContent = words + end;
    progress.setAttribute('aria-valuetext', words);
    state.dataset.state = current.finished ? (current.cancelled ? 'cancelled' : 'done') : 'running';
    if (current.failures.length) {
      failuresTitle.hidden = false;
      failuresTable.hidden = false;
      failuresTitle.textContent = `Refused files (${current.failures.length})`;
      const rows = [];
      for (; current.listed < Math.min(current.failures.length, LISTED_FAILURES); current.listed++) {
        const f = current.failures[current.listed];
        rows.push(el('tr', {}, el('td', { text: f.file.name }), el('td', { text: f.reason })));
      }
      failuresBody.append(...rows);
    } else {
      failuresTitle.hidden = true;
      failuresTable.hidden = true;
    }
    if (current.finished && current.studies.size) {
      const list = el('ul', { class: 'studies' });
      for (const [study, count] of current.studies) {
        list.append(
          el(
            'li',
            {},
            el('a', { href: `#/studies/${encodeURIComponent(study)}`, text: study }),
            ` (${count} instance${count === 1 ? '' : 's'})`,
          ),
        );
      }
      studiesSection.replaceChildren(
        el('h2', { id: 'upload-studies-title', text: `Studies stored into (${current.studies.size})` }),
        list,
      );
      studiesSection.hidden = false;
    }
  }

  // The change event comes in the task in which the browser filled the input: the files (and their sizes, which
  // Chromium may have to ask the file system for, a millisecond or two each on a busy machine) are taken in slices of
  // SLICE_MS in later tasks. The input is not emptied: in Chromium, emptying one that holds 2,000 files takes over
  // half a second of the main thread.
  const fromInput = (input) => () => {
    const list = input.files;
    if (!list?.length) return;
    start(async () => {
      const chosen = [];
      let slice = performance.now();
      for (let i = 0; i < list.length; i++) {
        if (performance.now() - slice > SLICE_MS) {
          await pause();
          slice = performance.now();
        }
        chosen.push(entryOf(list[i]));
      }
      return chosen;
    });
  };
  folderInput.addEventListener('change', fromInput(folderInput));
  filesInput.addEventListener('change', fromInput(filesInput));
  cancel.addEventListener('click', () => run?.controller.abort());
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    // The items are only readable while the event runs: take the entries now, walk them afterwards.
    const transfer = e.dataTransfer;
    const entries = droppedFiles(transfer, { aborted: false });
    start(() => entries);
  });
  return () => run?.controller.abort();
}
