package org.opendicomweb.index;

/** The entity of the index an attribute is kept for: its study, its series or the instance itself. */
public enum IndexLevel {
    STUDY,
    SERIES,
    INSTANCE
}
