// The console's shell: reads the server's console configuration, starts the identity (auth.js), and renders one
// view per location hash, so that every state (a search, a study, an instance) is a URL that can be shared and
// that the back button returns to. A view is a module with `render(main, route)`; it may return a function that
// the shell calls when the view is left (to stop work and free blob: URLs).
import * as auth from './auth.js';
import { setApiRoot } from './api.js';

const ROUTES = [
  { pattern: /^\/?$/, module: './studies.js', nav: 'studies' },
  { pattern: /^\/studies$/, module: './studies.js', nav: 'studies' },
  { pattern: /^\/studies\/([^/]+)$/, module: './study.js', nav: 'studies', names: ['study'] },
  {
    pattern: /^\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)$/,
    module: './instance.js',
    nav: 'studies',
    names: ['study', 'series', 'instance'],
  },
  { pattern: /^\/upload$/, module: './upload.js', nav: 'upload' },
  { pattern: /^\/operations$/, module: './operations.js', nav: 'operations' },
];

/** The current route: its path parameters and its query (a URLSearchParams). */
export function parse(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m) {
      const params = {};
      (route.names || []).forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { ...route, path, params, query: new URLSearchParams(query) };
    }
  }
  return null;
}

/** Goes to a console location: `go('/studies', {PatientName: 'A*'})`; replace keeps it out of the history. */
export function go(path, query = {}, { replace = false } = {}) {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)).toString();
  const hash = `#${path}${qs ? `?${qs}` : ''}`;
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  show();
}

/** A message in the notice line; kind 'error' for failures (read out by screen readers either way). */
export function notify(text, kind = 'info') {
  const notice = document.getElementById('notice');
  notice.textContent = text;
  notice.dataset.kind = kind;
  notice.hidden = !text;
}

let leave = null;
let rendering = 0;

async function show() {
  const main = document.getElementById('view');
  const route = parse(location.hash);
  const ticket = ++rendering;
  if (leave) {
    try {
      leave();
    } catch {
      // a view's clean-up must not keep the next one from rendering
    }
    leave = null;
  }
  notify('');
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.toggleAttribute('aria-current', route?.nav === link.dataset.nav);
    if (route?.nav === link.dataset.nav) link.setAttribute('aria-current', 'page');
  }
  main.replaceChildren();
  if (!route) {
    main.textContent = 'There is no such page in the console.';
    return;
  }
  try {
    const view = await import(route.module);
    if (ticket !== rendering) return;
    const done = await view.render(main, route);
    if (ticket === rendering) leave = typeof done === 'function' ? done : null;
    else if (typeof done === 'function') done();
  } catch (e) {
    if (ticket === rendering) notify(e.message || String(e), 'error');
  }
}

async function boot() {
  let config;
  try {
    const response = await fetch('config.json');
    config = await response.json();
  } catch (e) {
    notify(`The console could not read its configuration: ${e.message}`, 'error');
    return;
  }
  setApiRoot(config.apiRoot);
  await auth.start(config);
  window.addEventListener('popstate', show);
  await show();
}

export const ready = boot();
