// The attribute view: an instance's metadata (WADO-RS, DICOM JSON of PS3.18 Annex F) as a tree of tag, keyword, VR
// and value; sequences fold (details/summary), bulk data downloads through the API with the caller's token, and a
// filter shows the matching attributes with the sequences they sit in. The filter is kept in the location
// (replaced, not pushed, as it is typed), so a filtered view is a link too.
import { apiFetch, qido } from './api.js';
import { notify } from './app.js';
import { TAGS, first, isPrivate, keywords, personName, personNameText, tagText } from './dicom.js';
import { save } from './study.js';
import { el } from './dom.js';

const FILTER_PAUSE_MS = 200;
/** Values longer than this are cut in the tree (the whole value is in the tooltip). */
const LONGEST_VALUE = 400;


const enc = encodeURIComponent;

/** The API path of a BulkDataURI, which the server writes as an absolute URL below its service root. */
function bulkDataPath(uri) {
  const url = new URL(uri, location.href);
  const at = url.pathname.indexOf('/studies/');
  return at < 0 ? null : url.pathname.slice(at) + url.search;
}

/** Bytes of a base64 value (InlineBinary). */
function base64Bytes(text) {
  const clean = text.replace(/\s/g, '');
  return Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
}

function valueText(element) {
  const v = element.Value ?? [];
  if (element.vr === 'PN') return v.map(personNameText).join('\\');
  return v.map((x) => (x === null ? '' : String(x))).join('\\');
}

export async function render(main, route) {
  const { study, series, instance } = route.params;
  const controller = new AbortController();
  const { signal } = controller;
  const studyLink = el('a', { href: `#/studies/${enc(study)}` }, 'Study');
  const heading = el('h1', { text: 'Attributes' });
  main.append(
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, 'Studies'), ' › ', studyLink, ' › ',
      el('a', { href: `#/studies/${enc(study)}?series=${enc(series)}` }, 'Series')),
    heading,
    el('p', { class: 'muted uid', text: `SOP Instance UID ${instance}` }),
  );

  const path = `/studies/${enc(study)}/series/${enc(series)}/instances/${enc(instance)}`;
  const [response, keyword, studyResult] = await Promise.all([
    apiFetch(`${path}/metadata`, { accept: 'application/dicom+json', signal }),
    keywords(),
    qido('/studies', { StudyInstanceUID: study }, { signal }).catch(() => ({ items: [] })),
  ]);
  const [dataset] = await response.json();
  const patient = studyResult.items[0] ? personName(studyResult.items[0], TAGS.PatientName) : '';
  if (patient) studyLink.textContent = `Study of ${patient}`;
  const sopClass = first(dataset, TAGS.SOPClassUID);
  heading.textContent = `Attributes of instance ${first(dataset, TAGS.InstanceNumber) ?? ''}`.trim();
  document.title = `${heading.textContent} — OpenDICOMweb`;

  const filter = el('input', { type: 'search', id: 'attribute-filter', autocomplete: 'off',
    value: route.query.get('filter') ?? '', 'aria-describedby': 'attribute-filter-hint' });
  const count = el('p', { class: 'muted', 'aria-live': 'polite' });
  const expand = el('button', { type: 'button', text: 'Expand all' });
  const collapse = el('button', { type: 'button', text: 'Collapse all' });
  main.append(
    el('div', { class: 'attribute-tools' },
      el('div', { class: 'field' }, el('label', { for: 'attribute-filter' }, 'Filter attributes', filter),
        el('span', { id: 'attribute-filter-hint', class: 'hint', text: 'Tag, keyword, VR or value' })),
      expand, collapse),
    count,
  );

  const rows = [];
  const header = el('div', { class: 'attr-row attr-head', 'aria-hidden': 'true' },
    el('span', { text: 'Tag' }), el('span', { text: 'Keyword' }), el('span', { text: 'VR' }),
    el('span', { text: 'Value' }));
  const tree = el('ul', { class: 'attrs', 'aria-label': `Attributes${sopClass ? ` (${sopClass})` : ''}` });
  main.append(el('div', { class: 'attr-tree' }, header, tree));
  fill(tree, dataset, null);

  /** One list of elements of a data set (the instance, or an item of a sequence). */
  function fill(list, ds, parent) {
    const creators = new Map();
    for (const tag of Object.keys(ds).sort()) {
      const element = ds[tag];
      const group = tag.slice(0, 4);
      const elementNumber = parseInt(tag.slice(4), 16);
      let name = keyword(tag);
      if (isPrivate(tag)) {
        if (elementNumber >= 0x10 && elementNumber <= 0xff) {
          name = 'PrivateCreator';
          creators.set(tag.slice(6), String(element.Value?.[0] ?? ''));
        } else if (elementNumber > 0xff) {
          const creator = creators.get(tag.slice(4, 6)) ?? '';
          name = creator ? `private: ${creator}` : 'private';
        }
      }
      const row = { tag, text: '', parent, node: null, children: [], details: null, group };
      const cells = [
        el('span', { class: 'tag', text: tagText(tag) }),
        el('span', { class: 'kw', text: name || '—' }),
        el('span', { class: 'vr', text: element.vr ?? '' }),
      ];
      let value;
      if (element.vr === 'SQ') {
        const items = element.Value ?? [];
        value = el('span', { class: 'val muted', text: `${items.length} item${items.length === 1 ? '' : 's'}` });
        const summary = el('summary', { class: 'attr-row' }, ...cells, value);
        const itemList = el('ol', { class: 'items' });
        const details = el('details', { open: true }, summary, itemList);
        const node = el('li', { class: 'attr sq', 'data-tag': tag }, details);
        row.details = details;
        row.node = node;
        items.forEach((item, k) => {
          const itemRow = { tag: `${tag}[${k}]`, text: '', parent: row, node: null, children: [], details: null };
          const inner = el('ul', { class: 'attrs' });
          const itemDetails = el('details', { open: true },
            el('summary', { class: 'item-title' }, `Item ${k + 1}`), inner);
          itemRow.details = itemDetails;
          itemRow.node = el('li', { class: 'item' }, itemDetails);
          itemList.append(itemRow.node);
          row.children.push(itemRow);
          rows.push(itemRow);
          fill(inner, item ?? {}, itemRow);
        });
        list.append(node);
      } else {
        if (element.BulkDataURI) {
          const link = el('a', { href: element.BulkDataURI, class: 'bulk', text: 'Bulk data: download' });
          link.addEventListener('click', (e) => {
            e.preventDefault();
            downloadBulk(element.BulkDataURI, tag, link);
          });
          value = el('span', { class: 'val' }, link);
        } else if (element.InlineBinary != null) {
          value = el('span', { class: 'val muted', text: `Inline binary, ${base64Bytes(element.InlineBinary)} bytes` });
        } else {
          const text = valueText(element);
          value = el('span', { class: 'val', text: text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE)}…`
            : text });
          if (text.length > LONGEST_VALUE) value.title = text;
          row.valueText = text;
        }
        row.node = el('li', { class: 'attr attr-row', 'data-tag': tag }, ...cells, value);
        list.append(row.node);
      }
      row.text = `${tagText(tag)} ${tag} ${name} ${element.vr ?? ''} ${row.valueText ?? ''}`.toLowerCase();
      if (parent) parent.children.push(row);
      rows.push(row);
    }
  }

  async function downloadBulk(uri, tag, link) {
    const p = bulkDataPath(uri);
    if (!p) {
      notify(`This bulk data is not on this server: ${uri}`, 'error');
      return;
    }
    link.setAttribute('aria-busy', 'true');
    try {
      // */*: the value as stored: one octet-stream body, or for compressed pixel data its frames in the stored
      // syntax as a multipart body (PS3.18 §8.7.2), which no single-part type could carry
      const r = await apiFetch(p, { accept: '*/*' });
      const multipart = /^multipart\//i.test(r.headers.get('Content-Type') ?? '');
      save(await r.blob(), `${instance.replace(/[^0-9.]/g, '_')}-${tag}.${multipart ? 'mime' : 'bin'}`);
    } catch (e) {
      notify(`The bulk data could not be downloaded: ${e.message}`, 'error');
    } finally {
      link.removeAttribute('aria-busy');
    }
  }

  const attributeRows = rows.filter((r) => r.group !== undefined);

  function applyFilter() {
    const q = filter.value.trim().toLowerCase();
    let matches = 0;
    // Bottom-up: a row is shown when it matches, when something inside it does, or when a sequence it is in
    // matches (a matching sequence is shown whole).
    const visit = (row, inMatch) => {
      const self = q === '' || (row.group !== undefined && row.text.includes(q));
      if (self && q !== '' && row.group !== undefined) matches++;
      let inside = false;
      for (const child of row.children) inside = visit(child, inMatch || self) || inside;
      const shown = q === '' || self || inside || inMatch;
      row.node.hidden = !shown;
      if (row.details && q !== '') row.details.open = inside || self || inMatch;
      return self || inside;
    };
    for (const row of rows.filter((r) => r.parent === null)) visit(row, false);
    count.textContent = q === '' ? `${attributeRows.length} attributes`
      : `${matches} of ${attributeRows.length} attributes match “${filter.value.trim()}”`;
  }

  let timer = null;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = filter.value.trim();
      const hash = `#/studies/${enc(study)}/series/${enc(series)}/instances/${enc(instance)}${q ? `?filter=${enc(q)}`
        : ''}`;
      history.replaceState(null, '', hash);
      if (q === '') for (const r of rows) if (r.details) r.details.open = true;
      applyFilter();
    }, FILTER_PAUSE_MS);
  });
  expand.addEventListener('click', () => rows.forEach((r) => r.details && (r.details.open = true)));
  collapse.addEventListener('click', () => rows.forEach((r) => r.details && (r.details.open = false)));
  applyFilter();

  return () => {
    clearTimeout(timer);
    controller.abort();
  };
}
