// The study browser: a search form whose state is the location's query (so that a search is a link, and the back
// button returns to the previous one), a page of QIDO-RS study results, and paging with limit/offset.
//
// Typing does not re-render the view: the query is written to the location (one history entry per burst of
// typing) and only the results are replaced; the back button re-renders from the location like any navigation.
import { qido } from './api.js';
import { TAGS, date, first, personName, time, values } from './dicom.js';
import { el } from './dom.js';

const PAGE_SIZES = [25, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 350;

/** The search fields: the location's query keys, which are the QIDO-RS matching keys where there is one. */
const TEXT_FIELDS = [
  { key: 'PatientName', label: 'Patient name', hint: 'Wildcards * and ?; not case-sensitive' },
  { key: 'PatientID', label: 'Patient ID', hint: 'Exact, or with * and ?' },
  { key: 'AccessionNumber', label: 'Accession number', hint: 'Exact, or with * and ?' },
  { key: 'StudyDescription', label: 'Study description', hint: 'Exact, or with * and ? (case-sensitive)' },
];

const MODALITIES = ['CR', 'CT', 'DX', 'ECG', 'IO', 'MG', 'MR', 'NM', 'OT', 'PR', 'PT', 'PX', 'RF', 'RTDOSE',
  'RTPLAN', 'RTSTRUCT', 'SC', 'SEG', 'SR', 'US', 'XA'];

/** Columns: how each is shown and what it sorts by (the results of one page are sorted in the browser). */
const COLUMNS = [
  { key: 'name', label: 'Patient name', sort: (s) => personName(s, TAGS.PatientName).toLowerCase() },
  { key: 'id', label: 'Patient ID', sort: (s) => first(s, TAGS.PatientID) ?? '' },
  { key: 'birth', label: 'Birth date', sort: (s) => first(s, TAGS.PatientBirthDate) ?? '' },
  {
    key: 'date',
    label: 'Study date',
    sort: (s) => `${first(s, TAGS.StudyDate) ?? ''}${first(s, TAGS.StudyTime) ?? ''}`,
  },
  { key: 'description', label: 'Description', sort: (s) => (first(s, TAGS.StudyDescription) ?? '').toLowerCase() },
  { key: 'modalities', label: 'Modalities', sort: (s) => values(s, TAGS.ModalitiesInStudy).join('/') },
  { key: 'accession', label: 'Accession', sort: (s) => first(s, TAGS.AccessionNumber) ?? '' },
  { key: 'series', label: 'Series', numeric: true, sort: (s) => Number(first(s, TAGS.NumberOfStudyRelatedSeries) ?? 0) },
  {
    key: 'instances',
    label: 'Instances',
    numeric: true,
    sort: (s) => Number(first(s, TAGS.NumberOfStudyRelatedInstances) ?? 0),
  },
];


/** YYYY-MM-DD of a local day `days` before today. */
function isoDay(daysAgo) {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const PRESETS = [
  { label: 'Today', from: () => isoDay(0), to: () => isoDay(0) },
  { label: 'Yesterday', from: () => isoDay(1), to: () => isoDay(1) },
  { label: 'Last 7 days', from: () => isoDay(6), to: () => isoDay(0) },
  { label: 'Last 30 days', from: () => isoDay(29), to: () => isoDay(0) },
  { label: 'Any date', from: () => '', to: () => '' },
];

/** The location's search state, with defaults filled in. */
function stateOf(query) {
  const state = {};
  for (const f of TEXT_FIELDS) state[f.key] = query.get(f.key) ?? '';
  state.ModalitiesInStudy = query.get('ModalitiesInStudy') ?? '';
  state.from = query.get('from') ?? '';
  state.to = query.get('to') ?? '';
  const limit = Number(query.get('limit'));
  state.limit = PAGE_SIZES.includes(limit) || (Number.isInteger(limit) && limit > 0 && limit <= 1000)
    ? limit : DEFAULT_PAGE_SIZE;
  const offset = Number(query.get('offset'));
  state.offset = Number.isInteger(offset) && offset > 0 ? offset : 0;
  state.sort = query.get('sort') ?? '';
  return state;
}

/** The location's query for a state: defaults are left out, so that the plain list is plain `#/`. */
function queryOf(state) {
  const q = {};
  for (const f of TEXT_FIELDS) q[f.key] = state[f.key];
  q.ModalitiesInStudy = state.ModalitiesInStudy;
  q.from = state.from;
  q.to = state.to;
  if (state.limit !== DEFAULT_PAGE_SIZE) q.limit = state.limit;
  if (state.offset) q.offset = state.offset;
  q.sort = state.sort;
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== '' && v != null));
}

function hashOf(query) {
  const qs = new URLSearchParams(query).toString();
  return qs ? `#/studies?${qs}` : '#/';
}

/** The QIDO-RS parameters of a state. */
function qidoParams(state) {
  const da = (iso) => iso.replaceAll('-', '');
  const range = state.from || state.to ? `${da(state.from)}-${da(state.to)}` : '';
  return {
    PatientName: state.PatientName,
    PatientID: state.PatientID,
    AccessionNumber: state.AccessionNumber,
    StudyDescription: state.StudyDescription,
    ModalitiesInStudy: state.ModalitiesInStudy.toUpperCase(),
    StudyDate: range === '-' ? '' : range,
    includefield: 'StudyDescription,NumberOfStudyRelatedSeries,NumberOfStudyRelatedInstances',
    limit: state.limit,
    offset: state.offset,
  };
}

export async function render(main, route) {
  const state = stateOf(route.query);
  let controller = null;
  let typingTimer = null;
  let typingBurst = false;
  let shown = [];

  document.title = 'Studies — OpenDICOMweb';
  main.append(el('h1', { text: 'Studies' }));

  const form = el('form', { class: 'search', role: 'search', 'aria-label': 'Search studies' });
  const inputs = {};
  for (const f of TEXT_FIELDS) {
    const id = `search-${f.key}`;
    inputs[f.key] = el('input', { id, name: f.key, type: 'search', autocomplete: 'off', value: state[f.key],
      'aria-describedby': `${id}-hint` });
    form.append(el('div', { class: 'field' }, el('label', { for: id }, f.label, inputs[f.key]),
      el('span', { id: `${id}-hint`, class: 'hint', text: f.hint })));
  }
  inputs.ModalitiesInStudy = el('input', { id: 'search-modality', name: 'ModalitiesInStudy', type: 'search',
    list: 'search-modalities', autocomplete: 'off', value: state.ModalitiesInStudy, size: 8,
    'aria-describedby': 'search-modality-hint' });
  form.append(el('div', { class: 'field' }, el('label', { for: 'search-modality' }, 'Modality',
    inputs.ModalitiesInStudy), el('span', { id: 'search-modality-hint', class: 'hint',
    text: 'One of the study\'s modalities' })),
  el('datalist', { id: 'search-modalities' }, ...MODALITIES.map((m) => el('option', { value: m }))));

  inputs.from = el('input', { id: 'search-from', name: 'from', type: 'date', value: state.from });
  inputs.to = el('input', { id: 'search-to', name: 'to', type: 'date', value: state.to });
  const presets = el('div', { class: 'presets', role: 'group', 'aria-label': 'Study date presets' },
    ...PRESETS.map((p) => {
      const b = el('button', { type: 'button', text: p.label });
      b.addEventListener('click', () => {
        inputs.from.value = p.from();
        inputs.to.value = p.to();
        commit();
      });
      return b;
    }));
  form.append(el('fieldset', { class: 'dates' }, el('legend', { text: 'Study date' }),
    el('label', { for: 'search-from' }, 'From', inputs.from),
    el('label', { for: 'search-to' }, 'To', inputs.to), presets));

  const searchButton = el('button', { type: 'submit', class: 'primary', text: 'Search' });
  const clearButton = el('button', { type: 'button', text: 'Clear' });
  form.append(el('div', { class: 'search-actions' }, searchButton, clearButton));
  main.append(form);

  const warning = el('p', { class: 'warning', role: 'status', hidden: true });
  const summary = el('p', { class: 'summary muted', 'aria-live': 'polite' });
  const sortNote = el('p', { class: 'hint', id: 'sort-note',
    text: 'Sorting orders the studies of this page only; pages follow the order in which studies were stored.' });
  const table = el('table', { class: 'studies', 'aria-describedby': 'sort-note' });
  const headRow = el('tr');
  const sortButtons = new Map();
  for (const c of COLUMNS) {
    const button = el('button', { type: 'button', 'data-sort': c.key }, c.label);
    button.addEventListener('click', () => {
      const [key, dir] = parseSort(state.sort);
      state.sort = key === c.key && dir === 'asc' ? `-${c.key}` : c.key;
      history.replaceState(null, '', hashOf(queryOf(state)));
      showRows();
    });
    sortButtons.set(c.key, button);
    headRow.append(el('th', { scope: 'col', class: c.numeric ? 'num' : null }, button));
  }
  const tbody = el('tbody');
  table.append(el('thead', {}, headRow), tbody);

  const pageSize = el('select', { id: 'page-size' }, ...PAGE_SIZES.map((n) => el('option', { value: n, text: n })));
  if (!PAGE_SIZES.includes(state.limit)) pageSize.prepend(el('option', { value: state.limit, text: state.limit }));
  pageSize.value = String(state.limit);
  const previous = el('button', { type: 'button', text: 'Previous page' });
  const next = el('button', { type: 'button', text: 'Next page' });
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of results' }, previous, next,
    el('label', { for: 'page-size', class: 'inline' }, 'Studies per page', pageSize));

  main.append(warning, summary, el('div', { class: 'table-scroll' }, table), sortNote, pager);

  function readForm() {
    for (const key of Object.keys(inputs)) state[key] = inputs[key].value.trim();
  }

  /** A new search from the form: back to the first page, as a new history entry. */
  function commit() {
    clearTimeout(typingTimer);
    typingBurst = false;
    readForm();
    state.offset = 0;
    navigate(false);
  }

  /** Writes the state to the location (a new entry unless `replace`) and searches. */
  function navigate(replace) {
    const hash = hashOf(queryOf(state));
    if (hash !== location.hash && !(hash === '#/' && (location.hash === '' || location.hash === '#/'))) {
      if (replace) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    }
    search();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit();
  });
  clearButton.addEventListener('click', () => {
    for (const input of Object.values(inputs)) input.value = '';
    state.sort = '';
    commit();
  });
  for (const key of [...TEXT_FIELDS.map((f) => f.key), 'ModalitiesInStudy']) {
    inputs[key].addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        readForm();
        state.offset = 0;
        navigate(typingBurst);
        typingBurst = true;
      }, TYPING_PAUSE_MS);
    });
  }
  for (const key of ['from', 'to']) inputs[key].addEventListener('change', commit);
  pageSize.addEventListener('change', () => {
    state.limit = Number(pageSize.value);
    state.offset = 0;
    typingBurst = false;
    navigate(false);
  });
  previous.addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - state.limit);
    typingBurst = false;
    navigate(false);
  });
  next.addEventListener('click', () => {
    state.offset += state.limit;
    typingBurst = false;
    navigate(false);
  });

  function parseSort(sort) {
    if (!sort) return ['', ''];
    return sort.startsWith('-') ? [sort.slice(1), 'desc'] : [sort, 'asc'];
  }

  function showRows() {
    const [key, dir] = parseSort(state.sort);
    const column = COLUMNS.find((c) => c.key === key);
    for (const c of COLUMNS) {
      const th = sortButtons.get(c.key).parentElement;
      if (column && c.key === column.key) th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    let rows = shown;
    if (column) {
      const collator = new Intl.Collator(undefined, { numeric: true });
      rows = [...shown].sort((a, b) => {
        const x = column.sort(a);
        const y = column.sort(b);
        const order = column.numeric ? x - y : collator.compare(x, y);
        return dir === 'desc' ? -order : order;
      });
    }
    tbody.replaceChildren(...rows.map(row));
  }

  function row(s) {
    const uid = first(s, TAGS.StudyInstanceUID);
    const name = personName(s, TAGS.PatientName);
    const link = el('a', { href: `#/studies/${encodeURIComponent(uid)}` }, name || '(no name)');
    const cell = (text, numeric) => el('td', { class: numeric ? 'num' : null, text });
    return el('tr', { 'data-study': uid },
      el('td', {}, link),
      cell(first(s, TAGS.PatientID) ?? ''),
      cell(date(first(s, TAGS.PatientBirthDate))),
      cell(`${date(first(s, TAGS.StudyDate))} ${time(first(s, TAGS.StudyTime))}`.trim()),
      cell(first(s, TAGS.StudyDescription) ?? ''),
      cell(values(s, TAGS.ModalitiesInStudy).join(', ')),
      cell(first(s, TAGS.AccessionNumber) ?? ''),
      cell(String(first(s, TAGS.NumberOfStudyRelatedSeries) ?? ''), true),
      cell(String(first(s, TAGS.NumberOfStudyRelatedInstances) ?? ''), true));
  }

  async function search() {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    table.setAttribute('aria-busy', 'true');
    summary.textContent = 'Searching…';
    try {
      const { items, warning: text } = await qido('/studies', qidoParams(state), { signal });
      if (signal.aborted) return;
      shown = items;
      showRows();
      warning.hidden = !text;
      warning.textContent = text ? `The server says: ${warningText(text)}` : '';
      const from = state.offset + 1;
      summary.textContent = items.length
        ? `Studies ${from}–${state.offset + items.length}${items.length < state.limit ? '' : ' (more may follow)'}`
        : state.offset ? 'No more studies: go back a page.' : 'No study matches this search.';
      previous.disabled = state.offset === 0;
      next.disabled = items.length < state.limit;
    } catch (e) {
      if (e.name === 'AbortError') return;
      shown = [];
      tbody.replaceChildren();
      summary.textContent = '';
      warning.hidden = false;
      warning.textContent = e.detail ? `${e.message} ${detailText(e.detail)}` : e.message;
    } finally {
      if (!signal.aborted) table.removeAttribute('aria-busy');
    }
  }

  await search();
  return () => {
    clearTimeout(typingTimer);
    controller?.abort();
  };
}

/** The text of a Warning header (RFC 7234 §5.5: code agent "text"; several joined by commas). */
function warningText(header) {
  const texts = [...header.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  return texts.length ? texts.join(' ') : header;
}

/** The message of an error body in our JSON shape, or the body's start. */
function detailText(detail) {
  try {
    const json = JSON.parse(detail);
    return json.message ?? json.error ?? detail;
  } catch {
    return detail;
  }
}
