// Signs a user in to the OHIF Viewer (configured for OpenID Connect, see ohif-oidc.js) as a person would: the viewer
// sends the browser to the issuer's login page, the script types the user's name and password into the issuer's own
// form, and the viewer comes back with an access token and asks the server for the study list. What the list, or a
// dialog over it, shows is recorded. Then, when told, the script selects the first study of the list and launches
// a mode on it, or opens a link to a study's viewer page, and records what the page shows and what its viewport
// draws. Prints one line of JSON (see report()); the test judges all of it.
//
// Options (JSON file, first argument):
//   viewerUrl      where the test serves OHIF's dist/ with its own app-config.js
//   dicomwebRoot   the data source's root as OHIF reaches it; every request below it is recorded
//   issuer         the OpenID Connect issuer (a Keycloak realm); its login page must come up
//   user, password what is typed into the login form
//   launch         the name of a mode's button (e.g. Basic Viewer) to launch on the first study of the list, or null
//   link           a Study Instance UID whose viewer link to open after the list, or null
//   screenshotDir  where to write <label>-login.png, <label>-study-list.png and <label>-viewer.png
//   label          names the screenshots
//   timeoutMs      the most any wait may take
import { launch, options, recordConsoleErrors, recordRequests, report, within } from './browser.mjs';
import { canvasContent, shows, skipTour, studyList } from './ohif-page.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const opts = options();
const timeout = opts.timeoutMs ?? 60000;
const result = {
  label: opts.label,
  login: null,
  returnedTo: null,
  list: null,
  dialog: null,
  viewer: null,
  requests: [],
  console: [],
  error: null,
};

/** What a modal dialog over the page says, or null when none is open. */
async function dialog(page) {
  const open = page.getByRole('dialog');
  if ((await open.count()) === 0 || !(await open.first().isVisible())) {
    return null;
  }
  return { text: (await open.first().innerText()).trim() };
}

/**
 * Waits for the viewport to draw an image, then for the viewer's requests to end; records the page's address, its
 * text and the canvas. When OHIF leaves its viewer page for another of its own (its "not found" page, for one), the
 * wait ends there and the page is recorded as it is.
 */
async function viewerPage(page, recorder, what) {
  const viewer = { canvas: null, error: null };
  const elsewhere = () => {
    const url = new URL(page.url());
    return url.origin === new URL(opts.viewerUrl).origin && !/^\/(viewer|callback)\b/.test(url.pathname);
  };
  try {
    await within(timeout, `a non-blank image of ${what} in the viewport`, async (signal) => {
      while (!signal.expired) {
        // A navigation between two reads (OHIF's own, after the issuer's redirect) is a read that failed.
        viewer.canvas = await canvasContent(page).catch(() => null);
        if (viewer.canvas !== null && shows(viewer.canvas)) {
          return;
        }
        if (elsewhere()) {
          throw new Error(`OHIF left its viewer for ${page.url()}`);
        }
        await page.waitForTimeout(250);
      }
    });
    await within(timeout, 'the requests of the viewer to finish', (signal) => recorder.quiet(500, signal));
    await skipTour(page);
  } catch (e) {
    viewer.error = String(e?.message ?? e);
    await within(timeout, 'the requests of the viewer to finish', (signal) => recorder.quiet(500, signal)).catch(() => {});
  }
  viewer.url = page.url();
  viewer.text = (await page.locator('body').innerText()).slice(0, 2000);
  await page.screenshot({ path: join(opts.screenshotDir, `${opts.label}-viewer.png`) });
  return viewer;
}

let session = null;
try {
  mkdirSync(opts.screenshotDir, { recursive: true });
  session = await launch();
  const page = await session.context.newPage();
  const recorder = recordRequests(page, [opts.dicomwebRoot]);
  result.requests = recorder.requests;
  recordConsoleErrors(page, result.console);

  await page.goto(`${opts.viewerUrl}/`, { timeout });
  // OHIF's routes are private once OpenID Connect is configured: a visitor without a user goes to the issuer.
  const authorize = `${opts.issuer}/protocol/openid-connect/auth`;
  await page.waitForURL((url) => url.href.startsWith(authorize), { timeout });
  await page.locator('#username').waitFor({ timeout });
  const request = new URL(page.url());
  result.login = {
    endpoint: request.origin + request.pathname,
    parameters: Object.fromEntries(
      ['client_id', 'response_type', 'scope', 'redirect_uri', 'code_challenge_method'].map((p) => [p, request.searchParams.get(p)]),
    ),
    title: await page.title(),
  };
  await page.locator('#username').fill(opts.user);
  await page.locator('#password').fill(opts.password);
  await page.screenshot({ path: join(opts.screenshotDir, `${opts.label}-login.png`) });
  await page.locator('#kc-login').click();

  // The issuer sends the browser to /callback with a code, which OHIF redeems (with the PKCE verifier) before it
  // goes back to the page the visitor first asked for.
  await page.waitForURL((url) => url.href.startsWith(opts.viewerUrl) && url.pathname !== '/callback', { timeout });
  result.returnedTo = page.url();
  const studies = `${opts.dicomwebRoot}/studies?`;
  await within(timeout, 'the study list query to be answered', async (signal) => {
    while (!signal.expired && !result.requests.some((r) => r.url.startsWith(studies) && r.status !== undefined)) {
      await page.waitForTimeout(100);
    }
  });
  await within(timeout, 'the requests of the study list to finish', (signal) => recorder.quiet(300, signal));
  // The answer is in; waiting for a study or a dialog to show is only a wait, the test judges what is shown.
  await within(timeout, 'the study list to show a study, or a dialog', async (signal) => {
    while (!signal.expired) {
      if ((await studyList(page)).rows.length > 0 || (await dialog(page)) !== null) {
        return;
      }
      await page.waitForTimeout(200);
    }
  }).catch(() => {});
  result.list = { ...(await studyList(page)), text: (await page.locator('body').innerText()).slice(0, 2000) };
  result.dialog = await dialog(page);
  await page.screenshot({ path: join(opts.screenshotDir, `${opts.label}-study-list.png`) });

  if (opts.launch && result.list.rows.length > 0) {
    // Selecting a study shows the modes that can open it; launching one navigates within the application.
    await page.locator('table tbody tr').filter({ hasNot: page.locator('input') }).first().click({ timeout });
    await page.getByRole('button', { name: opts.launch, exact: true }).click({ timeout });
    result.viewer = await viewerPage(page, recorder, `the first study (${opts.launch})`);
  } else if (opts.link) {
    // A new page load: OHIF keeps no user across one, so it goes to the issuer again, which signs the user in
    // without a form while its session lasts.
    await page.goto(`${opts.viewerUrl}/viewer?StudyInstanceUIDs=${encodeURIComponent(opts.link)}`, { timeout });
    result.viewer = await viewerPage(page, recorder, `study ${opts.link}`);
  }
  await recorder.answersRead();
} catch (e) {
  result.error = String(e?.stack ?? e);
} finally {
  await session?.close();
}
report(result);
process.exit(result.error ? 1 : 0);
