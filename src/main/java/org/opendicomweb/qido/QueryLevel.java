package org.opendicomweb.qido;

/** The Query/Retrieve level a QIDO-RS request searches (PS3.18 §10.6.1, PS3.4 C.6.2). */
public enum QueryLevel {
    STUDY,
    SERIES,
    INSTANCE;

    /** Whether attributes of {@code other} may be matched or returned at this level (same or higher). */
    public boolean reaches(QueryLevel other) {
        return other.ordinal() <= ordinal();
    }
}
