// The web console in mode oidc, used as a person would, in one browser session: the console sends the browser to the
// issuer's login page; the script types a user's name and password into the issuer's own form; back in the console,
// it records the header (user, roles, which controls show), calls the API through the console's own api.js, checks
// every listed console page with axe-core and a keyboard walk in the light and the dark color scheme, waits for the
// console to renew its token, reloads the page (a new sign-in through the issuer's session, without a form), signs
// out, checks the signed-out header the same way, and signs in again as a user without the read role, whose refusal
// the console must show in words. Web storage is read at every step: a token must never be there. Prints one line
// of JSON (see `result`); the test judges all of it. No token is printed: requests name theirs by a short hash.
//
// Options (JSON file, first argument):
//   consoleUrl     the console's page (…/ui/), as the browser opens it
//   apiRoot        the API root as the console reaches it (every request below it is recorded)
//   issuer         the OpenID Connect issuer (a Keycloak realm)
//   startHash      the console location to open first, which the sign-in must come back to
//   pages          console locations (hashes) to check for accessibility while signed in
//   reader         { user, password } of a user who may read
//   forbidden      { user, password } of a user without the read role
//   renewalWaitMs  the most to wait for the console to renew its token
//   screenshotDir  where to write console-*.png
//   timeoutMs      the most any other wait may take
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, options, recordConsoleErrors, report, within } from './browser.mjs';
import { axeCheck, keyboardWalk } from './console-a11y.mjs';

const opts = options();
const timeout = opts.timeoutMs ?? 30000;
const authorize = `${opts.issuer}/protocol/openid-connect/auth`;
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;
/** Which user the requests are sent for: 'reader', 'signed-out' or 'forbidden'; each request is marked with it. */
let phase = 'reader';
const result = {
  login: null,
  returnedTo: null,
  signedIn: null,
  firstCall: null,
  accessibility: [],
  renewal: null,
  reload: null,
  signedOut: null,
  forbidden: null,
  storage: [],
  contentSecurityPolicy: [],
  requests: [],
  issuerRequests: [],
  console: [],
  error: null,
};

/** A short, one-way name for a token, so that requests can be told apart without printing credentials. */
function tokenId(token) {
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 12) : null;
}

/** Every API request (with the hash of its bearer token) and every request to the issuer (with its grant type). */
function recordTraffic(page) {
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(opts.apiRoot)) {
      const authorization = request.headers().authorization ?? '';
      const entry = {
        phase,
        method: request.method(),
        url,
        scheme: authorization.split(' ')[0] || null,
        token: tokenId(authorization.split(' ')[1]),
      };
      result.requests.push(entry);
      request.response().then((r) => (entry.status = r?.status() ?? null), () => {});
    } else if (url.startsWith(opts.issuer)) {
      const entry = {
        method: request.method(),
        path: new URL(url).pathname.slice(new URL(opts.issuer).pathname.length),
        at: Date.now(),
      };
      if (request.method() === 'POST') {
        entry.grant = new URLSearchParams(request.postData() ?? '').get('grant_type');
      }
      result.issuerRequests.push(entry);
      request.response().then((r) => (entry.status = r?.status() ?? null), () => {});
    }
  });
}

/** What the header shows: the user's name and roles, which buttons, and whether the Upload link is offered. */
async function header(page) {
  return page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent.trim() ?? null;
    const upload = document.querySelector('a[data-nav="upload"]');
    return {
      name: text('#user .user-name'),
      roles: text('#user .user-roles'),
      signOut: !!document.querySelector('#user button.sign-out'),
      signIn: !!document.querySelector('#user button.sign-in'),
      message: text('#user .sign-in-message'),
      uploadShown: !!upload && upload.getClientRects().length > 0,
      notice: text('#notice'),
    };
  });
}

/** Web storage as the page sees it: whether any value holds the current token, or anything shaped like a JWT. */
async function storage(page, step) {
  const { entries, token } = await page.evaluate(async () => {
    const all = [];
    for (const [area, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        all.push({ area, key, value: store.getItem(key) });
      }
    }
    return { entries: all, token: (await import('./auth.js')).token() };
  });
  result.storage.push({
    step,
    keys: entries.map((e) => `${e.area}:${e.key}`),
    holdsToken: token !== null && entries.some((e) => e.value.includes(token) || e.key.includes(token)),
    holdsJwt: entries.some((e) => JWT.test(e.value) || JWT.test(e.key)),
    signedIn: token !== null,
  });
}

/** A QIDO-RS study search through the console's own api.js, as its views make them. */
async function searchStudies(page) {
  return page.evaluate(async () => {
    const api = await import('./api.js');
    const auth = await import('./auth.js');
    try {
      const { items } = await api.qido('/studies');
      return { ok: true, count: items.length, token: auth.token() };
    } catch (e) {
      return { ok: false, status: e.status ?? null, message: e.message, token: auth.token() };
    }
  }).then((r) => ({ ...r, token: tokenId(r.token) }));
}

/** Waits for the recorded requests to be answered, so that a navigation aborts none of them. */
async function settled(page) {
  await within(timeout, 'the requests of the page to be answered', async (signal) => {
    while (!signal.expired && result.requests.some((r) => r.status === undefined)) {
      await page.waitForTimeout(100);
    }
  });
}

/** Types the user's name and password into the issuer's login form, after recording how the console asked. */
async function logIn(page, who, label) {
  await page.waitForURL((url) => url.href.startsWith(authorize), { timeout });
  await page.locator('#username').waitFor({ timeout });
  const request = new URL(page.url());
  const login = {
    endpoint: request.origin + request.pathname,
    parameters: Object.fromEntries(
      ['client_id', 'response_type', 'scope', 'redirect_uri', 'code_challenge_method'].map((p) => [p, request.searchParams.get(p)]),
    ),
    challengeLength: request.searchParams.get('code_challenge')?.length ?? 0,
    state: !!request.searchParams.get('state'),
    nonce: !!request.searchParams.get('nonce'),
    title: await page.title(),
  };
  await page.locator('#username').fill(who.user);
  await page.locator('#password').fill(who.password);
  await page.screenshot({ path: join(opts.screenshotDir, `console-login-${label}.png`) });
  await page.locator('#kc-login').click();
  await backInTheConsole(page);
  return login;
}

async function backInTheConsole(page) {
  await page.waitForURL((url) => url.href.startsWith(opts.consoleUrl) && !url.search, { timeout });
  await page.locator('#user .user-name, #user button.sign-in').first().waitFor({ timeout });
}

/** axe-core and the keyboard walk over what the page shows now, in both color schemes. */
async function checkAccessibility(page, what) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const check = { page: what, scheme, violations: await axeCheck(page), keyboard: await keyboardWalk(page) };
    result.accessibility.push(check);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Opens a console location in the same document (no reload: that would be a new sign-in) and lets it render. */
async function open(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForTimeout(300);
  await settled(page);
  return page.evaluate(async (h) => (await import('./app.js')).parse(h)?.module ?? null, hash);
}

let session = null;
try {
  mkdirSync(opts.screenshotDir, { recursive: true });
  session = await launch();
  const page = await session.context.newPage();
  recordTraffic(page);
  recordConsoleErrors(page, result.console);
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) {
      const where = msg.location();
      result.contentSecurityPolicy.push({
        page: page.url(),
        source: `${where.url}:${where.lineNumber}:${where.columnNumber}`,
        text: msg.text().slice(0, 300),
      });
    }
  });

  // 1. The console goes to the issuer at once, and comes back to where the user was.
  await page.goto(`${opts.consoleUrl}${opts.startHash}`, { timeout });
  result.login = await logIn(page, opts.reader, 'reader');
  result.returnedTo = page.url();
  result.signedIn = await header(page);
  await storage(page, 'signed in');
  await page.screenshot({ path: join(opts.screenshotDir, 'console-signed-in.png') });

  // 2. The API, with the token.
  result.firstCall = await searchStudies(page);
  await settled(page);

  // 3. Every listed page, signed in, in both color schemes.
  for (const hash of opts.pages) {
    const module = await open(page, hash);
    await checkAccessibility(page, { hash, module, signedIn: true });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(opts.screenshotDir, 'console-signed-in-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // 4. Renewal before the token expires; later calls carry the new token.
  const started = Date.now();
  await within(opts.renewalWaitMs, 'the console to renew its token', async (signal) => {
    while (!signal.expired && !result.issuerRequests.some((r) => r.grant === 'refresh_token' && r.status)) {
      await page.waitForTimeout(250);
    }
  });
  result.renewal = { afterMs: Date.now() - started, call: await searchStudies(page) };
  await settled(page);
  await storage(page, 'renewed');

  // 5. A reload keeps no token: the console signs in again through the issuer's session, without its form.
  const before = result.issuerRequests.length;
  let formShown = false;
  const watchForm = () => {
    if (page.url().startsWith(authorize)) formShown = true;
  };
  page.on('domcontentloaded', watchForm);
  await page.reload({ timeout });
  await backInTheConsole(page);
  page.off('domcontentloaded', watchForm);
  result.reload = {
    url: page.url(),
    header: await header(page),
    formShown,
    issuerRequests: result.issuerRequests
      .slice(before)
      .map((r) => [r.method, r.path, r.grant, r.status].filter((part) => part !== undefined && part !== null).join(' ')),
  };
  await storage(page, 'reloaded');

  // 6. Sign out: the issuer's session ends, the console offers to sign in.
  // The issuer answers its logout with a redirect back: the next page to load is the console's again.
  const back = page.waitForEvent('load', { timeout });
  phase = 'signed-out';
  await page.locator('#user button.sign-out').click();
  await back;
  await page.locator('#user button.sign-in').waitFor({ timeout });
  result.signedOut = {
    url: page.url(),
    header: await header(page),
    token: await page.evaluate(async () => (await import('./auth.js')).token()),
    logout: result.issuerRequests.some((r) => r.path.endsWith('/protocol/openid-connect/logout')),
  };
  await storage(page, 'signed out');
  await checkAccessibility(page, { hash: null, module: null, signedIn: false });
  await page.screenshot({ path: join(opts.screenshotDir, 'console-signed-out.png') });

  // 7. Signing in again asks for the form (the issuer's session is over); this user may not read.
  phase = 'forbidden';
  await page.locator('#user button.sign-in').click();
  const login = await logIn(page, opts.forbidden, 'forbidden');
  const call = await searchStudies(page);
  // What the console shows for a refusal: api.js's words, through app.js's notice line, as the shell shows a view's.
  await page.evaluate(async (message) => (await import('./app.js')).notify(message, 'error'), call.message ?? '');
  await settled(page);
  result.forbidden = { login, header: await header(page), call };
  await page.screenshot({ path: join(opts.screenshotDir, 'console-forbidden.png') });
  await storage(page, 'signed in without the read role');
} catch (e) {
  result.error = String(e?.stack ?? e);
} finally {
  await session?.close();
}
report(result);
process.exit(result.error ? 1 : 0);
