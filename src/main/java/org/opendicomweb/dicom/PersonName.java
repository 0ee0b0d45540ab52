package org.opendicomweb.dicom;

import java.util.Arrays;

/**
 * A decoded Person Name value (PS3.5 §6.2.1): up to three component groups separated by '=' (alphabetic,
 * ideographic, phonetic), each of up to five components separated by '^' (family name, given name,
 * middle name, prefix, suffix).
 *
 * <p>A group is absent ({@code null}) when the value ends before it, or when it and every later group are
 * empty, since trailing delimiters carry no meaning (PS3.5 §6.2.1.1); an empty group before a present one
 * is "" (PS3.5 §6.2.1.2 example "=Yamada^Tarou"). Text is kept as written: extra '=' or '^' beyond the
 * limits stay inside the last group or component so that nothing is lost.
 */
public final class PersonName {

    /** The component groups, in the order they appear in the value. */
    public enum Group {
        ALPHABETIC,
        IDEOGRAPHIC,
        PHONETIC
    }

    /** The components of a group, in the order they appear in the group. */
    public enum Component {
        FAMILY,
        GIVEN,
        MIDDLE,
        PREFIX,
        SUFFIX
    }

    private static final int GROUPS = Group.values().length;
    private static final int COMPONENTS = Component.values().length;

    /** Per group its components with trailing empty ones dropped; a {@code null} group is absent. */
    private final String[][] groups;

    private PersonName(String[][] groups) {
        this.groups = groups;
    }

    /** Parses a decoded value whose padding the caller has already removed. */
    public static PersonName parse(String value) {
        String[] texts = value.split("=", GROUPS);
        String[][] groups = new String[GROUPS][];
        int present = 0;
        for (int g = 0; g < texts.length; g++) {
            groups[g] = trimTrailingEmpty(texts[g].split("\\^", COMPONENTS));
            if (groups[g].length > 0) {
                present = g + 1;
            }
        }
        for (int g = present; g < GROUPS; g++) {
            groups[g] = null;
        }
        return new PersonName(groups);
    }

    private static String[] trimTrailingEmpty(String[] components) {
        int n = components.length;
        while (n > 0 && components[n - 1].isEmpty()) {
            n--;
        }
        return n == components.length ? components : Arrays.copyOf(components, n);
    }

    public String alphabetic() {
        return group(Group.ALPHABETIC);
    }

    public String ideographic() {
        return group(Group.IDEOGRAPHIC);
    }

    public String phonetic() {
        return group(Group.PHONETIC);
    }

    /** The group in DICOM form without trailing empty components; {@code null} when absent. */
    public String group(Group group) {
        String[] components = groups[group.ordinal()];
        return components == null ? null : String.join("^", components);
    }

    /** One component; "" when the group is present but the component is not, {@code null} when the group is absent. */
    public String component(Group group, Component component) {
        String[] components = groups[group.ordinal()];
        if (components == null) {
            return null;
        }
        return component.ordinal() < components.length ? components[component.ordinal()] : "";
    }

    /** No group holds any text (e.g. "^^^^" or ""). */
    public boolean isEmpty() {
        return groups[Group.ALPHABETIC.ordinal()] == null;
    }

    /** The DICOM form, trailing empty groups and components trimmed. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < GROUPS && groups[g] != null; g++) {
            if (g > 0) {
                out.append('=');
            }
            out.append(String.join("^", groups[g]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && Arrays.deepEquals(groups, other.groups);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(groups);
    }
}
