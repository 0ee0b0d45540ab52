// The caller's identity for the API. In mode 'none' there is none: the server admits callers by address, and the
// console shows and allows everything.
//
// Mode 'oidc': the console is a public client of the issuer (no secret: a page's code is no place for one). It signs
// the user in with the authorization code flow and PKCE (RFC 7636, method S256), the console's own page as redirect
// URI, and keeps the tokens in this module's memory only: never in localStorage or sessionStorage, where any script
// of the origin (or a disk image of the profile) could read them. A reload therefore signs in again, through the
// issuer's own session (a redirect round trip without a form while that session lasts). The access token is renewed
// with the refresh token before it expires, and once more after a 401; when renewal fails the user is asked to sign
// in again. What survives the round trip to the issuer (state, PKCE verifier, nonce and the console location the
// user was on) is in sessionStorage for that one trip: none of it is a credential without the code.

const STORAGE_KEY = 'opendicomweb.console.sign-in';
/** Set by signing out, so that the next load shows a Sign in button instead of going to the issuer again. */
const SIGNED_OUT_KEY = 'opendicomweb.console.signed-out';
const PERMISSIONS = ['read', 'write', 'delete', 'admin'];

let config = null;
let issuer = null; // the discovery document (OpenID Connect Discovery 1.0 §3)
let session = null; // { access, refresh, idToken, claims, idClaims, expiresAt }
let renewal = null; // the renewal in flight, shared by everyone who needs it
let renewTimer = 0;
let message = null; // { text, kind }: why nobody is signed in, shown beside the Sign in button
const listeners = new Set();

/** Called once with the server's console configuration before any view renders. */
export async function start(configuration) {
  config = configuration;
  watchPermissions();
  if (!oidc()) {
    showUser();
    return;
  }
  try {
    issuer = await discover(config.oidc.issuer);
    const returned = new URLSearchParams(location.search);
    if (returned.has('state') && (returned.has('code') || returned.has('error'))) {
      await finishSignIn(returned);
    } else if (sessionStorage.getItem(SIGNED_OUT_KEY) === null) {
      await signIn();
    } else {
      message = { text: 'You are signed out.', kind: 'info' };
    }
  } catch (e) {
    session = null;
    message = { text: e.message || String(e), kind: 'error' };
  }
  showUser();
}

/** The bearer token to send, or null. */
export function token() {
  return session?.access ?? null;
}

/** The signed-in user ({ name, fullName, roles }), or null when there is none (mode 'none', or signed out). */
export function user() {
  if (!session) return null;
  const claims = { ...session.claims, ...session.idClaims };
  const name = claims.preferred_username || claims.name || claims.email || claims.sub || '';
  return { name, fullName: claims.name || name, roles: roles() };
}

/** Whether the caller may do what a role allows ('read', 'write', 'delete', 'admin'); mode 'none' allows all. */
export function may(permission) {
  if (!oidc() || permission === null || permission === undefined) return true;
  return roles().includes(permission);
}

/** Calls back when the user signs in, out, or the token is renewed (views that show per-role controls listen). */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * After the API answered 401 to a request with the current token: renews it once (a token can be revoked or expire
 * while in flight) and says whether the request is worth sending again. When it is not, the user is signed out here
 * and asked to sign in again.
 */
export async function renewAfterRefusal(sentToken) {
  if (!oidc() || !session) return false;
  if (session.access !== sentToken) return true; // renewed meanwhile: try the new one
  if (await renew()) return true;
  endSession({ text: 'Your session has ended: sign in again.', kind: 'error' });
  return false;
}

/** Sends the browser to the issuer's login page; comes back to the console location the user is on now. */
export async function signIn() {
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  if (!globalThis.crypto?.subtle) {
    throw new Error(
      'Signing in needs the browser\'s Web Crypto, which it offers only on https (or localhost): open the console over https.',
    );
  }
  const state = randomText(16);
  const nonce = randomText(16);
  const verifier = randomText(32); // 43 characters, RFC 7636 §4.1
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ state, nonce, verifier, hash: location.hash }));
  const url = new URL(issuer.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.oidc.clientId,
    redirect_uri: redirectUri(),
    scope: config.oidc.scope || 'openid',
    state,
    nonce,
    code_challenge: await challenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
  // The page is leaving: nothing may render meanwhile as if nobody were signing in.
  await new Promise(() => {});
}

/** Forgets the tokens and ends the issuer's session too, where the issuer offers a logout endpoint. */
export async function signOut() {
  const idToken = session?.idToken;
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  endSession({ text: 'You have signed out.', kind: 'info' });
  if (issuer?.end_session_endpoint) {
    // OpenID Connect RP-Initiated Logout 1.0 §2: back to the console, which then offers to sign in.
    const url = new URL(issuer.end_session_endpoint);
    const query = { client_id: config.oidc.clientId, post_logout_redirect_uri: redirectUri() };
    if (idToken) query.id_token_hint = idToken;
    url.search = new URLSearchParams(query).toString();
    location.assign(url.href);
    await new Promise(() => {});
  }
}

function oidc() {
  return config?.authMode === 'oidc';
}

/** The console's own page, which the issuer sends the browser back to: the same behind a prefix-less proxy. */
function redirectUri() {
  return new URL('./', location.href).href;
}

async function discover(issuerUrl) {
  const url = `${issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    throw new Error(`The sign-in service at ${issuerUrl} cannot be reached: ${e.message}`);
  }
  if (!response.ok) {
    throw new Error(`The sign-in service at ${issuerUrl} answered ${response.status} to its discovery request.`);
  }
  const document = await response.json();
  if (!document.authorization_endpoint || !document.token_endpoint) {
    throw new Error(`The sign-in service at ${issuerUrl} names no authorization or token endpoint.`);
  }
  return document;
}

/** Redeems the code the issuer sent back (RFC 6749 §4.1.2), then restores the console location of before. */
async function finishSignIn(returned) {
  const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
  sessionStorage.removeItem(STORAGE_KEY);
  // The code is single-use and the URL is shareable: it goes before anything else can fail.
  history.replaceState(null, '', redirectUri() + (saved?.hash || ''));
  if (!saved || saved.state !== returned.get('state')) {
    throw new Error('The sign-in answer does not belong to a sign-in started here: sign in again.');
  }
  // RFC 9207: an issuer that names itself in its answer must be the one asked (no mix-up with another issuer).
  if (returned.has('iss') && returned.get('iss') !== issuer.issuer) {
    throw new Error(`The sign-in answer comes from ${returned.get('iss')}, not from ${issuer.issuer}: sign in again.`);
  }
  if (returned.has('error')) {
    const reason = returned.get('error_description') || returned.get('error');
    throw new Error(`The sign-in service refused to sign you in: ${reason}.`);
  }
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    code: returned.get('code'),
    redirect_uri: redirectUri(),
    client_id: config.oidc.clientId,
    code_verifier: saved.verifier,
  });
  const idClaims = tokens.id_token ? claimsOf(tokens.id_token) : {};
  if (tokens.id_token && idClaims.nonce !== saved.nonce) {
    throw new Error('The sign-in answer carries an ID token issued for another sign-in: sign in again.');
  }
  keep(tokens);
}

/** Renews the access token with the refresh token; one renewal at a time. Answers whether it worked. */
function renew() {
  if (!renewal) {
    const refresh = session?.refresh;
    renewal = (async () => {
      if (!refresh) return false;
      try {
        const tokens = await tokenRequest({
          grant_type: 'refresh_token',
          refresh_token: refresh,
          client_id: config.oidc.clientId,
        });
        if (session?.refresh !== refresh) return false; // signed out meanwhile
        keep(tokens);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      renewal = null;
    });
  }
  return renewal;
}

async function tokenRequest(form) {
  let response;
  try {
    response = await fetch(issuer.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    throw new Error(`The sign-in service cannot be reached for a token: ${e.message}`);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The sign-in service gave no token: ${body.error_description || body.error || response.status}.`);
  }
  return body;
}

/** Keeps a token answer and plans its renewal: a fifth of its lifetime ahead, between 10 and 60 seconds. */
function keep(tokens) {
  const lifetime = Number(tokens.expires_in) > 0 ? Number(tokens.expires_in) : 300;
  message = null;
  session = {
    access: tokens.access_token,
    // A refresh answer may omit the refresh token or the ID token when they stay the same (RFC 6749 §6).
    refresh: tokens.refresh_token ?? session?.refresh ?? null,
    idToken: tokens.id_token ?? session?.idToken ?? null,
    idClaims: tokens.id_token ? claimsOf(tokens.id_token) : session?.idClaims ?? {},
    claims: claimsOf(tokens.access_token),
    expiresAt: Date.now() + lifetime * 1000,
  };
  clearTimeout(renewTimer);
  if (session.refresh) {
    const ahead = Math.min(60, Math.max(10, lifetime / 5));
    renewTimer = setTimeout(async () => {
      if (!(await renew()) && session) {
        // The issuer may be back before the token runs out; a request refused meanwhile renews once more.
        renewTimer = setTimeout(
          () => endSession({ text: 'Your session has ended: sign in again.', kind: 'error' }),
          Math.max(0, session.expiresAt - Date.now()),
        );
      }
    }, Math.max(1, lifetime - ahead) * 1000);
  }
  changed();
}

function endSession(why) {
  clearTimeout(renewTimer);
  session = null;
  message = why;
  changed();
}

/** The payload of a JWT, not verified: the token came straight from the issuer's token endpoint. */
function claimsOf(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')), (c) =>
      c.charCodeAt(0),
    );
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {}; // an opaque access token: the server knows what it means, the console shows no roles
  }
}

/**
 * The permissions ('read', …) whose role names (config.oidc.roles) the access token carries, read where the server
 * reads them: the claim paths of quarkus.oidc.roles.role-claim-path (config.oidc.roleClaim), e.g.
 * realm_access/roles; a segment in double quotes may hold slashes ("https://example.org/roles").
 */
function roles() {
  if (!session) return [];
  const held = new Set();
  for (const path of config.oidc.roleClaim?.length ? config.oidc.roleClaim : ['realm_access/roles']) {
    let value = session.claims;
    for (const segment of path.match(/"[^"]*"|[^/]+/g) || []) {
      value = value?.[segment.replace(/^"|"$/g, '')];
    }
    for (const role of Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : []) {
      held.add(role);
    }
  }
  return PERMISSIONS.filter((p) => held.has(config.oidc.roles?.[p]));
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challenge(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function changed() {
  showUser();
  applyPermissions(document);
  for (const listener of listeners) {
    try {
      listener(user());
    } catch {
      // one view's listener must not keep the others from hearing
    }
  }
}

/** The header's #user area: who is signed in, with which roles, and a button to sign out or in. */
function showUser() {
  const area = document.getElementById('user');
  if (!area) return;
  area.replaceChildren();
  area.hidden = !oidc();
  if (!oidc()) return;
  const who = user();
  if (who) {
    const name = element('span', 'user-name', who.name);
    if (who.fullName !== who.name) name.title = who.fullName;
    name.prepend(element('span', 'visually-hidden', 'Signed in as '));
    const roleList = element('span', 'user-roles', who.roles.length ? who.roles.join(', ') : 'no console role');
    roleList.prepend(element('span', 'visually-hidden', 'Roles: '));
    const out = element('button', 'sign-out', 'Sign out');
    out.type = 'button';
    out.addEventListener('click', () => signOut());
    area.append(name, roleList, out);
    return;
  }
  if (message) {
    const why = element('span', `sign-in-message ${message.kind}`, message.text);
    why.setAttribute('role', message.kind === 'error' ? 'alert' : 'status');
    area.append(why);
  }
  if (issuer) {
    const button = element('button', 'primary sign-in', 'Sign in');
    button.type = 'button';
    button.addEventListener('click', () =>
      signIn().catch((e) => {
        message = { text: e.message, kind: 'error' };
        showUser();
      }),
    );
    area.append(button);
  }
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

/**
 * Elements marked data-permission="write" (or read, delete, admin) are hidden from a user without that role,
 * wherever they are and whenever a view adds them: the server refuses what they would do anyway, so offering it
 * would only lead to a refusal.
 */
function applyPermissions(root) {
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
  const marked = root.matches?.('[data-permission]') ? [root] : [];
  for (const e of [...marked, ...root.querySelectorAll('[data-permission]')]) {
    e.hidden = !may(e.dataset.permission);
  }
}

function watchPermissions() {
  applyPermissions(document);
  new MutationObserver((mutations) => {
    for (const m of mutations) m.addedNodes.forEach(applyPermissions);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
