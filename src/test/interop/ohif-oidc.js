// Appended to ohif-app-config.js by OhifOidcLoginTest: OHIF signs its users in with OpenID Connect at the test's
// Keycloak and sends their access tokens to the server. __ISSUER__ is replaced with the realm's issuer.
// response_type 'code' selects OHIF's oidc-client-ts client: the authorization code flow with PKCE (RFC 7636), the
// one a public browser client should use (OAuth 2.0 for Browser-Based Apps); the relative URIs are resolved against
// the viewer's origin, which the realm's client 'ohif' accepts for any loopback port.
window.config.oidc = [
  {
    authority: '__ISSUER__',
    client_id: 'ohif',
    redirect_uri: '/callback',
    response_type: 'code',
    scope: 'openid',
    // OHIF routes this path to its sign-out callback; left out, it would be '/', the study list itself.
    post_logout_redirect_uri: '/logout-redirect.html',
  },
];
