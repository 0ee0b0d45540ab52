package org.opendicomweb.web;

import org.opendicomweb.dicom.Uids;

/** UIDs taken from request paths and parameters: a malformed one is the client's fault, 400 naming it. */
public final class UidParam {
    private UidParam() {}

    /** The UID, padding stripped; 400 naming {@code what} when it is not a valid UID (PS3.5 §9.1). */
    public static String require(String what, String value) {
        String uid = Uids.normalise(value);
        String problem = Uids.problemWith(uid);
        if (problem != null) {
            throw DicomwebException.badRequest("Malformed " + what + " UID '" + value + "': it " + problem);
        }
        return uid;
    }
}
