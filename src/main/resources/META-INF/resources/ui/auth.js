// The caller's identity for the API. In mode 'none' there is none: the server admits callers by address.
// Mode 'oidc' (authorization code flow with PKCE, token kept in memory) plugs in here: start() before the first
// view, token() for every request, user() for the header.

let current = null;

/** Called once with the server's console configuration before any view renders. */
export async function start(config) {
  current = { config };
}

/** The bearer token to send, or null. */
export function token() {
  return null;
}

/** The signed-in user ({ name, roles }), or null when there is no identity (mode 'none'). */
export function user() {
  return null;
}

/** Whether the caller may do what a role allows ('read', 'write', 'delete', 'admin'); mode 'none' allows all. */
export function may(permission) {
  return current === null || current.config.authMode !== 'oidc' || permission === null;
}
