// What the interop scripts share: the system Chromium, a record of every request to the DICOMweb server,
// and the one JSON line each script prints for the JUnit test that runs it.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.INTEROP_CHROMIUM || '/usr/bin/chromium';

/** The options the test passes: a JSON file named by the first argument. */
export function options() {
  if (process.argv.length < 3) {
    throw new Error(`usage: node ${process.argv[1]} <options.json>`);
  }
  return JSON.parse(readFileSync(process.argv[2], 'utf8'));
}

/**
 * Starts the system Chromium headless with a fresh profile (a browser context with a 1280x800 viewport). The
 * background-networking switches keep it from calling home (updates, sync, safe browsing), which on a machine
 * without internet access only adds noise and delays.
 */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'interop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request whose URL starts with one of the prefixes: method, URL, the scheme of its Authorization
 * header (never the credentials), status, or the network error. Failed CORS checks show up as network errors (the
 * browser hides the status from the page). A refusal (status >= 400) also keeps the server's answer: its
 * WWW-Authenticate challenge and the start of its body, read in the background; `answersRead()` waits for them.
 * `quiet(ms)` resolves once no recorded request has been in flight for that long, so that a script does not
 * navigate away while the viewer is still fetching (an aborted request would count as a failure).
 */
export function recordRequests(page, prefixes) {
  const requests = [];
  const reading = [];
  const byRequest = new Map();
  let inFlight = 0;
  let lastChange = Date.now();
  const matches = (url) => prefixes.some((p) => url.startsWith(p));
  const settle = (entry) => {
    if (!entry.settled) {
      entry.settled = true;
      inFlight--;
      lastChange = Date.now();
    }
  };
  page.on('request', (request) => {
    if (!matches(request.url())) {
      return;
    }
    const authorization = request.headers().authorization;
    const entry = {
      method: request.method(),
      url: request.url(),
      accept: request.headers().accept ?? null,
      authorization: authorization ? authorization.split(' ')[0] : null,
    };
    Object.defineProperty(entry, 'settled', { value: false, writable: true, enumerable: false });
    byRequest.set(request, entry);
    requests.push(entry);
    inFlight++;
    lastChange = Date.now();
  });
  page.on('response', (response) => {
    const entry = byRequest.get(response.request());
    if (entry) {
      entry.status = response.status();
      entry.contentType = response.headers()['content-type'] ?? null;
      if (entry.status >= 400) {
        entry.challenge = response.headers()['www-authenticate'] ?? null;
        reading.push(
          response
            .text()
            .then((body) => {
              entry.body = body.slice(0, 1000);
            })
            .catch(() => {}),
        );
      }
    }
  });
  page.on('requestfinished', (request) => {
    const entry = byRequest.get(request);
    if (entry) {
      settle(entry);
    }
  });
  page.on('requestfailed', (request) => {
    const entry = byRequest.get(request);
    if (entry) {
      entry.failure = request.failure()?.errorText ?? 'failed';
      settle(entry);
    }
  });
  return {
    requests,
    async answersRead() {
      await Promise.all(reading);
    },
    async quiet(ms, signal) {
      while (!signal.expired && (inFlight > 0 || Date.now() - lastChange < ms)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Keeps the page's console errors and uncaught exceptions (at most 50, each cut to 500 characters). */
export function recordConsoleErrors(page, lines) {
  const keep = (line) => {
    if (lines.length < 50) {
      lines.push(line.slice(0, 500));
    }
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      keep(msg.text());
    }
  });
  page.on('pageerror', (err) => keep(`page error: ${String(err)}`));
}

/** Requests that the test must treat as failures: status >= 400, a network error, or no answer at all. */
export function badRequests(requests) {
  return requests.filter((r) => r.failure || r.status === undefined || r.status >= 400);
}

/** Prints the result for the test, exactly one line of JSON on stdout. */
export function report(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

/**
 * Runs `step(signal)` with a deadline; a timeout names what was being waited for. A step that polls stops once
 * `signal.expired` is set.
 */
export async function within(ms, what, step) {
  const signal = { expired: false };
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      signal.expired = true;
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  try {
    return await Promise.race([step(signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
