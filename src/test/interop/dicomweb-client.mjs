// Runs dicomweb-client (its browser build, unmodified) in Chromium against the server and prints what each call
// returned, for the JUnit test to check against the files it stored. The page comes from the test's web server,
// on another origin than the DICOMweb server, so every call also goes through the server's CORS answers
// (STOW-RS with its preflight included).
//
// Options (JSON file, first argument):
//   pageUrl       a blank page of the test's web server that loads dicomweb-client.js as a script
//   dicomwebRoot  the server's DICOMweb root
//   calls         [{ name, method, options }]: run in order, each as client[method](options). Within options,
//                 { "$files": [url, ...] } becomes the files' bytes (ArrayBuffers, fetched by the page), and
//                 { "$ref": name, "path": [...] } the value at that path in an earlier call's result.
//   timeoutMs     the most the calls may take together
//
// Result: { calls: [{ name, method, ok, ms, result | error, status }], requests, bad, console, error }. Binary
// results come as { "$bytes": base64, "length": n }; strings that are JSON (STOW-RS answers) are parsed.
import { badRequests, launch, options, recordRequests, report, within } from './browser.mjs';

const opts = options();
const timeout = opts.timeoutMs ?? 60000;
const result = { calls: [], requests: [], console: [], error: null };

let session = null;
try {
  session = await launch();
  const page = await session.context.newPage();
  result.requests = recordRequests(page, [opts.dicomwebRoot]).requests;
  page.on('console', (msg) => {
    if (msg.type() === 'error' && result.console.length < 50) {
      result.console.push(msg.text().slice(0, 500));
    }
  });
  await page.goto(opts.pageUrl, { timeout });
  await page.waitForFunction(() => typeof window.DICOMwebClient?.api?.DICOMwebClient === 'function', null, { timeout });
  result.calls = await within(timeout, 'the dicomweb-client calls', () =>
    page.evaluate(async ({ root, calls }) => {
      const client = new window.DICOMwebClient.api.DICOMwebClient({ url: root, verbose: false });
      const done = {};
      const out = [];

      function base64(bytes) {
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        }
        return btoa(s);
      }
      function encode(v) {
        if (v instanceof ArrayBuffer) {
          return { $bytes: base64(new Uint8Array(v)), length: v.byteLength };
        }
        if (ArrayBuffer.isView(v)) {
          const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
          return { $bytes: base64(bytes), length: bytes.length };
        }
        if (Array.isArray(v)) {
          return v.map(encode);
        }
        if (typeof v === 'string') {
          try {
            return JSON.parse(v);
          } catch {
            return v;
          }
        }
        return v ?? null;
      }
      async function resolve(v) {
        if (Array.isArray(v)) {
          return Promise.all(v.map(resolve));
        }
        if (v && typeof v === 'object') {
          if (Array.isArray(v.$files)) {
            return Promise.all(v.$files.map(async (url) => {
              const response = await fetch(url);
              if (!response.ok) {
                throw new Error(`test file ${url}: HTTP ${response.status}`);
              }
              return response.arrayBuffer();
            }));
          }
          if (typeof v.$ref === 'string') {
            let value = done[v.$ref];
            for (const step of v.path ?? []) {
              value = value?.[step];
            }
            if (value === undefined) {
              throw new Error(`nothing at ${JSON.stringify(v.path)} in the result of ${v.$ref}`);
            }
            return value;
          }
          const copy = {};
          for (const [k, inner] of Object.entries(v)) {
            copy[k] = await resolve(inner);
          }
          return copy;
        }
        return v;
      }

      for (const call of calls) {
        const started = performance.now();
        try {
          const value = await client[call.method](await resolve(call.options ?? {}));
          done[call.name] = value;
          out.push({ name: call.name, method: call.method, ok: true, ms: Math.round(performance.now() - started), result: encode(value) });
        } catch (e) {
          out.push({
            name: call.name,
            method: call.method,
            ok: false,
            ms: Math.round(performance.now() - started),
            error: String(e?.message ?? e),
            status: e?.status ?? null,
            response: typeof e?.response === 'string' ? e.response.slice(0, 1000) : null,
          });
        }
      }
      return out;
    }, { root: opts.dicomwebRoot, calls: opts.calls }),
  );
} catch (e) {
  result.error = String(e?.stack ?? e);
} finally {
  await session?.close();
}
result.bad = badRequests(result.requests);
report(result);
process.exit(result.error || result.bad.length > 0 || result.calls.some((c) => !c.ok) ? 1 : 0);
