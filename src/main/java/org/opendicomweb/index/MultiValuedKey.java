package org.opendicomweb.index;

/**
 * A multi-valued matching key (ModalitiesInStudy, SOPClassesInStudy) kept in one column as {@code \A\B\}:
 * leading and trailing delimiters let a query match one value exactly with {@code like '%\CT\%'}.
 */
public final class MultiValuedKey {
    private MultiValuedKey() {}

    /** The column value with {@code value} added if absent; null/empty values change nothing. */
    public static String add(String column, String value) {
        if (value == null || value.isEmpty()) {
            return column == null ? "" : column;
        }
        String current = column == null || column.isEmpty() ? "\\" : column;
        String token = value + "\\";
        return current.contains("\\" + token) ? current : current + token;
    }

    /** How many values the column holds. */
    public static int count(String column) {
        if (column == null || column.length() < 2) {
            return 0;
        }
        int delimiters = 0;
        for (int i = 0; i < column.length(); i++) {
            if (column.charAt(i) == '\\') {
                delimiters++;
            }
        }
        return delimiters - 1;
    }
}
