package org.opendicomweb.qido;

/** How a key's column is compared with a query value (PS3.4 C.2.2.2). */
public enum Matching {
    /** Single value, wildcard; case-sensitive (PS3.4 C.2.2.2.1, C.2.2.2.4). */
    TEXT,
    /** Person names, against the upper-cased accent-free column: case- and accent-insensitive. */
    NAME,
    /** Single value or UID list (PS3.4 C.2.2.2.2). */
    UID,
    /** A multi-valued key stored as {@code \A\B\}: matches when any stored value matches. */
    VALUE_IN_LIST,
    /** DA column (YYYYMMDD): single value or range. */
    DATE,
    /** TM column as received: single value or range. */
    TIME,
    /** DT column as received: single value or range, compared as text (an offset in a value is not applied). */
    DATE_TIME,
    /** IS/US column held as a number: "1" finds "001". */
    NUMBER
}
