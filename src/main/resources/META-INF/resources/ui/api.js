// The console's only way to the server: our public DICOMweb API and the documented admin endpoints, with the
// caller's token when there is one. Images and downloads are fetched too (never <img src> on the API), so that
// the token goes with them; they become blob: URLs.
import * as auth from './auth.js';

let root = '/dicom-web';

export function setApiRoot(path) {
  root = path.replace(/\/$/, '');
}

/** The absolute URL of an API path ('/studies?...'), as a client outside the browser would call it. */
export function apiUrl(path) {
  return new URL(root + path, location.origin).href;
}

/** An answer the API refused, in words a user can act on. */
export class ApiError extends Error {
  constructor(status, message, detail) {
    super(message);
    this.status = status;
    this.detail = detail;
  }
}

const WORDS = {
  401: 'You are not signed in, or your session has ended: sign in again.',
  403: 'Your account is not allowed to do this: ask an administrator for the role it needs.',
  404: 'Not found: it may have been deleted.',
  503: 'The server is not ready (its database or storage is unavailable): try again shortly.',
};

async function refusal(response) {
  let detail = '';
  try {
    detail = (await response.text()).slice(0, 500);
  } catch {
    // the status is enough
  }
  const words = WORDS[response.status] || `The server answered ${response.status} ${response.statusText}.`;
  return new ApiError(response.status, withReason(words, detail), detail);
}

/** The words, and the server's own reason (the message of its JSON error body) when it gives one. */
function withReason(words, detail) {
  try {
    const reason = JSON.parse(detail).message;
    return typeof reason === 'string' && reason ? `${words} (${reason.slice(0, 300)})` : words;
  } catch {
    return words;
  }
}

/**
 * fetch() on an API path with the token; throws ApiError on any status >= 400 except those in `allow`, which the
 * caller reads itself (a STOW-RS 409 carries the reason of every refused instance in its body). A 401 to a token is
 * sent once more with a renewed one (auth.js), unless the body was a stream, which cannot be sent twice.
 */
export async function apiFetch(path, { accept, method = 'GET', body, headers = {}, signal, allow = [] } = {}) {
  const send = () => {
    const h = new Headers(headers);
    if (accept) h.set('Accept', accept);
    const token = auth.token();
    if (token) h.set('Authorization', `Bearer ${token}`);
    return { token, response: fetch(root + path, { method, body, headers: h, signal }) };
  };
  let { token, response } = send();
  response = await response;
  if (response.status === 401 && token && !(body instanceof ReadableStream) && (await auth.renewAfterRefusal(token))) {
    response.body?.cancel().catch(() => {});
    response = await send().response;
  }
  if (!response.ok && !allow.includes(response.status)) throw await refusal(response);
  return response;
}

/**
 * A QIDO-RS search: `params` as an object (keys with empty values left out). Answers the DICOM JSON results and the
 * server's Warning header (set when results were truncated or a key was ignored).
 */
export async function qido(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  const qs = query.toString();
  const response = await apiFetch(qs ? `${path}?${qs}` : path, { accept: 'application/dicom+json', signal });
  const text = response.status === 204 ? '' : await response.text();
  return { items: text ? JSON.parse(text) : [], warning: response.headers.get('Warning') };
}

/** An API resource (an image, a download) as a blob: URL; revoke it with URL.revokeObjectURL when done. */
export async function blobUrl(path, accept, { signal } = {}) {
  const response = await apiFetch(path, { accept, signal });
  return URL.createObjectURL(await response.blob());
}
