// Operations (#/operations): the archive's figures (GET /admin/statistics) with two charts drawn here as SVG, the
// integrity report (GET /integrity), the background jobs (GET /admin/reindex, GET and POST /admin/scrub), and the
// deletion of a study. confirmDelete() is exported for the study page: it names what will go before anything goes.
import { apiFetch, qido } from './api.js';
import { may } from './auth.js';
import { notify } from './app.js';
import { date, first, personName, TAGS } from './dicom.js';
import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';


function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const number = new Intl.NumberFormat('en');

function bytes(n) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${number.format(v)} bytes` : `${v.toFixed(1)} ${units[i]}`;
}

function studyLink(uid) {
  return el('a', { href: `#/studies/${encodeURIComponent(uid)}`, text: uid });
}

function table(caption, columns, rows) {
  return el(
    'table',
    {},
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c ?? ''))))),
  );
}

/** A section whose content is loaded by `fill`; a refusal is shown in words in its place. */
function section(main, id, title, fill) {
  const body = el('div', { class: 'section-body', 'aria-busy': 'true' }, el('p', { class: 'muted', text: 'Loading…' }));
  const s = el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title`, text: title }), body);
  main.append(s);
  const load = async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      const content = await fill();
      body.replaceChildren(...[content].flat());
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error', text: e.message || String(e) }));
    }
    body.setAttribute('aria-busy', 'false');
  };
  load();
  return load;
}

/**
 * A bar chart as SVG: one bar per item, labelled; <title> and <desc> name it and what it shows for screen readers,
 * and a table with the same numbers follows it (in a <details>) for those who want the figures.
 */
export function barChart({ id, title, items, label, value, horizontal }) {
  const max = Math.max(1, ...items.map(value));
  const desc = items.map((d) => `${label(d)}: ${number.format(value(d))}`).join('; ');
  const chart = svg('svg', { class: 'chart', id, role: 'img', 'aria-labelledby': `${id}-t ${id}-d` });
  chart.append(svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, desc || 'No data'));
  if (horizontal) {
    const row = 22;
    const labelWidth = 90;
    const width = 520;
    const height = Math.max(1, items.length) * row + 4;
    chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    items.forEach((d, i) => {
      const w = Math.max(1, ((width - labelWidth - 70) * value(d)) / max);
      const y = i * row + 2;
      const g = svg('g', { class: 'bar', 'data-label': label(d) });
      g.append(
        svg('text', { x: labelWidth - 6, y: y + row / 2 + 4, 'text-anchor': 'end', class: 'axis' }, label(d)),
        svg('rect', { x: labelWidth, y: y + 2, width: w, height: row - 6, rx: 2 }),
        svg('text', { x: labelWidth + w + 6, y: y + row / 2 + 4, class: 'value' }, number.format(value(d))),
      );
      chart.append(g);
    });
  } else {
    const width = 520;
    const height = 180;
    const bottom = 22;
    const left = 8;
    const n = Math.max(1, items.length);
    const step = (width - left * 2) / n;
    chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const base = height - bottom;
    chart.append(svg('line', { x1: left, x2: width - left, y1: base, y2: base, class: 'baseline' }));
    // Label as many bars as fit: every k-th, the first and the last always.
    const every = Math.max(1, Math.ceil(n / Math.floor((width - left * 2) / 60)));
    items.forEach((d, i) => {
      const h = value(d) ? Math.max(1, ((height - bottom - 18) * value(d)) / max) : 0;
      const x = left + i * step;
      const g = svg('g', { class: 'bar', 'data-label': label(d) });
      const rect = svg('rect', { x: x + step * 0.1, y: base - h, width: Math.max(1, step * 0.8), height: h });
      rect.append(svg('title', {}, `${label(d)}: ${number.format(value(d))}`));
      g.append(rect);
      // The first label starts at its bar and the last ends at its bar, so that neither is cut off at the edge.
      const last = i === n - 1;
      if (last || (i % every === 0 && n - 1 - i >= every)) {
        const anchor = i === 0 ? 'start' : last ? 'end' : 'middle';
        const at = i === 0 ? x : last ? x + step : x + step / 2;
        g.append(svg('text', { x: at, y: height - 6, 'text-anchor': anchor, class: 'axis' }, label(d)));
      }
      chart.append(g);
    });
    chart.append(svg('text', { x: left, y: 12, class: 'axis' }, `max ${number.format(max)}`));
  }
  const details = el(
    'details',
    {},
    el('summary', { text: `${title}: the figures` }),
    table(title, ['', 'Instances'], items.map((d) => [label(d), number.format(value(d))])),
  );
  return el('figure', { class: 'chart-figure' }, chart, el('figcaption', { text: title }), details);
}

/**
 * The months from the first to the last, those without studies with 0 instances, so that the chart's axis is time;
 * only the months with studies when they span more than 20 years (a stray date would make thousands of bars).
 */
export function everyMonth(months) {
  if (months.length < 2) return months;
  const index = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const first = index(months[0].month);
  const last = index(months[months.length - 1].month);
  if (last - first >= 240) return months;
  const known = new Map(months.map((d) => [d.month, d.instances]));
  const all = [];
  for (let i = first; i <= last; i++) {
    const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    all.push({ month, instances: known.get(month) ?? 0 });
  }
  return all;
}

async function statistics() {
  const s = await (await apiFetch('/admin/statistics', { accept: 'application/json' })).json();
  const figures = [
    ['Patients', number.format(s.patients)],
    ['Studies', number.format(s.studies)],
    ['Series', number.format(s.series)],
    [
      'Instances',
      number.format(s.instances) + (s.rejectedInstances ? ` (${number.format(s.rejectedInstances)} rejected)` : ''),
    ],
    ['Stored', bytes(s.storedBytes) + (s.storedBytesEstimated ? ' (estimated from a sample)' : '')],
    ['Index database', `${s.database.kind} (${s.database.product})`],
  ];
  const dl = el('dl', { class: 'figures', id: 'statistics-figures' });
  for (const [k, v] of figures) dl.append(el('div', {}, el('dt', { text: k }), el('dd', { text: v })));
  const months = everyMonth(s.instancesPerMonth);
  const charts = el(
    'div',
    { class: 'charts' },
    barChart({
      id: 'chart-modalities',
      title: 'Instances per modality',
      items: s.instancesPerModality,
      label: (d) => d.modality ?? '(none)',
      value: (d) => d.instances,
      horizontal: true,
    }),
    barChart({
      id: 'chart-months',
      title: 'Instances per month of study date',
      items: months,
      label: (d) => d.month,
      value: (d) => d.instances,
    }),
  );
  const note = s.instancesWithoutStudyDate
    ? el('p', {
        class: 'muted',
        text: `${number.format(s.instancesWithoutStudyDate)} instances belong to studies without a study date.`,
      })
    : '';
  return [dl, charts, note];
}

async function integrity() {
  const r = await (await apiFetch('/integrity?limit=100', { accept: 'application/json' })).json();
  const parts = [];
  const list = (key, caption, columns, row) => {
    const page = r[key];
    const title = `${caption} (${number.format(page.total)})`;
    if (!page.total) {
      parts.push(el('p', { class: 'finding-none', 'data-list': key, text: `${caption}: none.` }));
      return;
    }
    const t = table(title, columns, page.items.map(row));
    t.dataset.list = key;
    parts.push(t);
    if (page.total > page.items.length) {
      const text = `The first ${page.items.length} of ${number.format(page.total)} are listed.`;
      parts.push(el('p', { class: 'muted', text }));
    }
  };
  list(
    'seriesInOtherStudies',
    'Series reused across studies',
    ['Series', 'Stored in study', 'Refused from study', 'Refusals', 'Last refused'],
    (i) => [
      i.seriesInstanceUID,
      studyLink(i.storedInStudyInstanceUID),
      i.refusedStudyInstanceUID,
      String(i.refusals),
      i.lastRefused,
    ],
  );
  list(
    'seriesWithSeveralModalities',
    'Series with several modalities',
    ['Study', 'Series', 'Modalities', 'Instances'],
    (i) => [studyLink(i.studyInstanceUID), i.seriesInstanceUID, i.modalities.join(', '), String(i.instances)],
  );
  list(
    'studiesWithConflictingDemographics',
    'Studies whose instances disagree on the patient',
    ['Study', 'Instances', 'Patient ID, issuer, name, birth date (instances)'],
    (i) => [
      studyLink(i.studyInstanceUID),
      String(i.instances),
      el(
        'ul',
        { class: 'variants' },
        ...i.variants.map((v) =>
          el('li', {
            text: [
              `${v.patientID ?? '—'}${v.issuerOfPatientID ? ` (${v.issuerOfPatientID})` : ''}`,
              v.patientName ?? '—',
              `${date(v.patientBirthDate) || '—'} (${v.instances})`,
            ].join(', '),
          }),
        ),
      ),
    ],
  );
  list(
    'damagedObjects',
    'Damaged stored objects',
    ['Study', 'Instance', 'Problem', 'Detail', 'Last found'],
    (i) => [studyLink(i.studyInstanceUID), i.sopInstanceUID, i.problem, i.detail, i.lastFound],
  );
  return parts;
}

function statusList(entries) {
  const dl = el('dl', { class: 'status' });
  for (const [k, v] of entries) {
    if (v === null || v === undefined || v === '') continue;
    dl.append(el('div', {}, el('dt', { text: k }), el('dd', { text: String(v) })));
  }
  return dl;
}

async function reindex() {
  const s = await (await apiFetch('/admin/reindex', { accept: 'application/json' })).json();
  const p = s.progress ?? {};
  const tasks = s.tasks ?? [];
  return [
    statusList([
      ['State', p.running ? 'running' : 'idle'],
      ['Processed', p.total ? `${number.format(p.processed)} of ${number.format(p.total)}` : null],
      ['Started', p.started],
      ['Finished', p.finished],
      ['Running on', s.runningOn],
      ['Last error', p.error],
      ['Tasks', tasks.map((t) => `${t.name}: ${t.complete ? 'complete' : 'in progress'}`).join('; ') || 'none'],
    ]),
  ];
}

async function scrub(reload) {
  const s = await (await apiFetch('/admin/scrub', { accept: 'application/json' })).json();
  const parts = [
    statusList([
      ['State', s.state.toLowerCase()],
      ['Checked', `${number.format(s.checked)} of ${number.format(s.total)}`],
      ['Intact', number.format(s.intact)],
      ['Other bytes than stored', number.format(s.mismatches)],
      ['Missing', number.format(s.missing)],
      ['Unreadable', number.format(s.unreadable)],
      ['Read', bytes(s.bytesRead)],
      ['Started', s.started],
      ['Finished', s.finished],
      ['Error', s.error],
    ]),
  ];
  if (may('admin')) {
    const button = el('button', { type: 'button', id: 'scrub-start', class: 'primary', text: 'Start a scrub' });
    button.disabled = s.state === 'RUNNING';
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await apiFetch('/admin/scrub', { method: 'POST', accept: 'application/json' });
        notify('The scrub has started: it reads every stored object back and checks its checksum.');
      } catch (e) {
        notify(e.message, 'error');
      }
      reload();
    });
    parts.push(button);
  }
  return parts;
}

/**
 * Asks, in a modal dialog, whether to delete a study, naming what goes (patient, study date, description, how many
 * series and instances), and deletes it when confirmed. `study` is the study's QIDO-RS result (DICOM JSON) when the
 * caller has it; else it is looked up. Resolves true once the study is deleted, false when the user kept it; a
 * failure to delete is thrown (an ApiError, in words).
 */
export async function confirmDelete(studyUid, study = null) {
  let s = study;
  if (!s) {
    const { items } = await qido('/studies', {
      StudyInstanceUID: studyUid,
      includefield: [TAGS.StudyDescription, TAGS.NumberOfStudyRelatedSeries, TAGS.NumberOfStudyRelatedInstances].join(
        ',',
      ),
    });
    if (!items.length) throw new Error(`There is no study ${studyUid}.`);
    s = items[0];
  }
  const what = [
    ['Patient', `${personName(s, TAGS.PatientName) || '(no name)'} (${first(s, TAGS.PatientID) ?? 'no ID'})`],
    ['Study date', date(first(s, TAGS.StudyDate)) || '(none)'],
    ['Description', first(s, TAGS.StudyDescription) ?? '(none)'],
    ['Series', String(first(s, TAGS.NumberOfStudyRelatedSeries) ?? '?')],
    ['Instances', String(first(s, TAGS.NumberOfStudyRelatedInstances) ?? '?')],
    ['Study Instance UID', studyUid],
  ];
  const dl = el('dl', { class: 'status' });
  for (const [k, v] of what) dl.append(el('div', {}, el('dt', { text: k }), el('dd', { text: v })));
  const keep = el('button', { type: 'button', value: 'keep', autofocus: true, text: 'Keep the study' });
  const remove = el('button', { type: 'button', value: 'delete', class: 'danger', text: 'Delete the study' });
  const error = el('p', { class: 'error', role: 'alert' });
  const dialog = el(
    'dialog',
    { class: 'confirm-delete', 'aria-labelledby': 'confirm-delete-title', 'aria-describedby': 'confirm-delete-what' },
    el('h2', { id: 'confirm-delete-title', text: 'Delete this study?' }),
    el('p', {
      id: 'confirm-delete-what',
      text: 'The study, all its series and instances and their stored files will be deleted. This cannot be undone.',
    }),
    dl,
    error,
    el('div', { class: 'actions' }, keep, remove),
  );
  document.body.append(dialog);
  return new Promise((resolve, reject) => {
    let outcome = false;
    let failure = null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (failure) reject(failure);
      else resolve(outcome);
    });
    keep.addEventListener('click', () => dialog.close());
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      keep.disabled = true;
      error.textContent = '';
      try {
        await apiFetch(`/studies/${encodeURIComponent(studyUid)}`, { method: 'DELETE' });
        outcome = true;
        dialog.close();
      } catch (e) {
        error.textContent = e.message;
        remove.disabled = false;
        keep.disabled = false;
      }
    });
    dialog.showModal();
  });
}

function deletion(reloadFigures) {
  const input = el('input', {
    id: 'delete-study-uid',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    size: '64',
  });
  const button = el('button', { type: 'submit', id: 'delete-study', text: 'Delete…' });
  const form = el(
    'form',
    { class: 'delete-form' },
    el('label', { for: 'delete-study-uid', text: 'Study Instance UID' }),
    input,
    button,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const uid = input.value.trim();
    if (!uid) return;
    try {
      if (await confirmDelete(uid)) {
        notify(`Study ${uid} was deleted.`);
        input.value = '';
        reloadFigures();
      }
    } catch (err) {
      notify(err.message || String(err), 'error');
    }
  });
  return el(
    'section',
    { id: 'delete', 'aria-labelledby': 'delete-title' },
    el('h2', { id: 'delete-title', text: 'Delete a study' }),
    el('p', { class: 'muted', text: 'A dialog names the study and what it holds before anything is deleted.' }),
    form,
  );
}

export async function render(main) {
  main.append(el('h1', { text: 'Operations' }));
  const admin = may('admin');
  let reloadFigures = () => {};
  if (admin) {
    reloadFigures = section(main, 'statistics', 'Archive', statistics);
    section(main, 'integrity', 'Integrity report', integrity);
    section(main, 'reindex', 'Reindexing', reindex);
    const reloadScrub = section(main, 'scrub', 'Scrub of stored objects', () => scrub(() => reloadScrub()));
  } else {
    main.append(el('p', { text: 'The figures, the integrity report and the background jobs need the admin role.' }));
  }
  if (may('delete')) main.append(deletion(() => reloadFigures()));
  return undefined;
}
