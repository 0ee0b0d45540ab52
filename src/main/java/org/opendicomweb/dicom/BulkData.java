package org.opendicomweb.dicom;

/**
 * A value left where it lies instead of being read into memory: {@code length} bytes at {@code offset} of the
 * stream the dataset was read from (for Part 10 files, the file itself). {@code bigEndian} is the byte order of
 * the bytes there, so a writer can swap them when the target differs. {@code uri} is set when the value came
 * from a DICOM JSON/XML document that pointed at it.
 */
public record BulkData(String uri, long offset, long length, boolean bigEndian) {

    public static BulkData atOffset(long offset, long length, boolean bigEndian) {
        return new BulkData(null, offset, length, bigEndian);
    }

    public static BulkData ofUri(String uri) {
        return new BulkData(uri, -1, -1, false);
    }

    public boolean hasOffset() {
        return offset >= 0;
    }
}
