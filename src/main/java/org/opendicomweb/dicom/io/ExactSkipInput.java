package org.opendicomweb.dicom.io;

import java.io.IOException;

/**
 * An input that can pass over a value without handing its bytes out. {@link DicomInputStream} skips bulk data (pixel
 * data) through it instead of reading the value through its own buffer, so a stream that copies what passes (the
 * staged copy of a STOW part) moves those bytes once. Unlike {@link java.io.InputStream#skip}, which may run past the
 * end of a file, it never reports bytes that were not there.
 */
public interface ExactSkipInput {
    /** Passes over {@code n} bytes, fewer only where the input ends; returns how many it passed over. */
    long skipExactly(long n) throws IOException;
}
