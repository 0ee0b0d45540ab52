package org.opendicomweb.index;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Uids;

/** Item values as the sequence item tables keep them: '' when absent, cut to the column width (V5 schema). */
final class SequenceText {
    static final int ID = 64;
    static final int LONG = 1024;

    private SequenceText() {}

    static String of(Attributes item, int tag, int width) {
        String[] values = item.getStrings(tag);
        if (values == null || values.length == 0) {
            return "";
        }
        String joined = values.length == 1 ? values[0] : String.join("\\", values);
        return joined.length() <= width ? joined : joined.substring(0, width);
    }

    static String uid(Attributes item, int tag) {
        String v = Uids.normalise(item.getString(tag));
        return v == null ? "" : v;
    }
}
