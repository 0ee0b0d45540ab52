package org.opendicomweb.importer;

import java.io.IOException;

/** Where the import's bearer tokens (RFC 6750) come from: one given as is, or a client-credentials grant. */
interface BearerTokens {
    /** The token to send with the next request. */
    String token() throws IOException, InterruptedException;

    /**
     * The server answered 401 to a request that carried this token: a source that can obtain tokens forgets it, so
     * that {@link #token()} brings a fresh one. Whether sending the request again may help.
     */
    boolean rejected(String token);

    /** A token given on the command line, sent as it is; when the server refuses it, there is no other. */
    static BearerTokens fixed(String token) {
        return new BearerTokens() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public boolean rejected(String rejected) {
                return false;
            }

            @Override
            public String toString() {
                return "a bearer token given as is";
            }
        };
    }
}
