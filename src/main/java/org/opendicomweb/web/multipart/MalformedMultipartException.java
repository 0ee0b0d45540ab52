package org.opendicomweb.web.multipart;

import java.io.IOException;

/** The multipart body breaks RFC 2046: no delimiter, a part cut off, headers that never end. */
public class MalformedMultipartException extends IOException {
    public MalformedMultipartException(String message) {
        super(message);
    }
}
