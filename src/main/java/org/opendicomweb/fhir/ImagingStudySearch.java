package org.opendicomweb.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendicomweb.dicom.Uids;

/**
 * A search for ImagingStudy resources, parsed from its query parameters (FHIR R5 Search): every parameter
 * occurrence is one condition, all of which must hold; the comma-separated values of one occurrence are
 * alternatives, one of which must hold. Parameters: {@code _id}, {@code identifier} and {@code patient.identifier}
 * (tokens), {@code started} (a date); {@code _count} and {@code _offset} page, {@code _format} and {@code _pretty}
 * shape the answer. Anything else, a modifier included, is refused with a 400 naming it, unless the client asked
 * to have it ignored ({@code Prefer: handling=lenient}); then the self link leaves it out, as R5 says it must.
 *
 * @param conditions what every study found meets
 * @param count the page size
 * @param offset how many studies the earlier pages held
 * @param links the parameters applied, in order, as name=value pairs already percent-encoded, for the links
 */
record ImagingStudySearch(List<Condition> conditions, int count, int offset, List<String> links) {
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;

    /** The identifier system of DICOM UIDs (R5 ImagingStudy.identifier, "DICOM Study Instance UID"). */
    static final String DICOM_UID_SYSTEM = "urn:dicom:uid";

    static final String OID_PREFIX = "urn:oid:";

    /** One condition: one of its alternatives holds; none at all, and nothing matches. */
    record Condition(List<Alternative> alternatives) {}

    sealed interface Alternative {}

    record StudyUid(String uid) implements Alternative {}

    record Accession(String number) implements Alternative {}

    /**
     * A study of a patient with this Patient ID, of one of {@code issuers} when not null ('' for none), of none of
     * {@code notIssuers}, and with an issuer when {@code withIssuer}.
     */
    record PatientId(String id, List<String> issuers, List<String> notIssuers, boolean withIssuer)
            implements Alternative {}

    record Started(DateCondition date) implements Alternative {}

    /** Whether the conditions bound the studies through an index on few rows, so that counting them is cheap. */
    boolean narrow() {
        for (Condition c : conditions) {
            if (c.alternatives().stream().noneMatch(a -> a instanceof Started)) {
                return true;
            }
        }
        return false;
    }

    static ImagingStudySearch parse(Map<String, List<String>> parameters, boolean lenient, PatientIdSystems systems) {
        List<Condition> conditions = new ArrayList<>();
        List<String> links = new ArrayList<>();
        int count = DEFAULT_COUNT;
        int offset = 0;
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String name = p.getKey();
            for (String value : p.getValue()) {
                boolean applied = true;
                switch (name) {
                    case "_id" -> conditions.add(ids(value));
                    case "identifier" -> conditions.add(identifiers(value));
                    case "patient.identifier" -> conditions.add(patientIdentifiers(value, systems));
                    case "started" -> conditions.add(dates(name, value));
                    case "_count" -> count = Math.min(number(name, value), MAX_COUNT);
                    case "_offset" -> offset = number(name, value);
                    case "_format", "_pretty" -> {}
                    default -> {
                        if (!lenient) {
                            throw FhirException.invalid("The search parameter '" + name + "' is not supported: "
                                    + (name.contains(":")
                                            ? "no modifier is"
                                            : "ImagingStudy searches by _id,"
                                                    + " identifier, patient.identifier and started, with _count")
                                    + "."
                                    + " Send 'Prefer: handling=lenient' to have unknown parameters ignored.");
                        }
                        applied = false;
                    }
                }
                if (applied && !name.equals("_count") && !name.equals("_offset")) {
                    links.add(encode(name) + "=" + encode(value));
                }
            }
        }
        return new ImagingStudySearch(conditions, count, offset, links);
    }

    /** The query of the page at {@code pageOffset}, for the Bundle's links. */
    String query(int pageOffset) {
        List<String> all = new ArrayList<>(links);
        all.add("_count=" + count);
        if (pageOffset > 0) {
            all.add("_offset=" + pageOffset);
        }
        return String.join("&", all);
    }

    private static Condition dates(String name, String value) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String date : values(value)) {
            alternatives.add(new Started(DateCondition.parse(name, date)));
        }
        return new Condition(alternatives);
    }

    private static Condition ids(String value) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String id : values(value)) {
            alternatives.add(new StudyUid(unescaped(id)));
        }
        return new Condition(alternatives);
    }

    /**
     * The Study Instance UID as {@code urn:dicom:uid|urn:oid:<uid>} (the bare UID after the system is taken too), or
     * without the system; an Accession Number as {@code |<number>} (it has no system: the index keeps no Issuer of
     * Accession Number) or without one. Any other system names nothing stored here.
     */
    private static Condition identifiers(String value) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String token : values(value)) {
            Token t = Token.of(token);
            if (t.system() == null) {
                String uid = uidOf(t.code());
                if (uid != null) {
                    alternatives.add(new StudyUid(uid));
                }
                alternatives.add(new Accession(t.code()));
            } else if (t.system().isEmpty()) {
                alternatives.add(new Accession(t.code()));
            } else if (t.system().equals(DICOM_UID_SYSTEM)) {
                String uid = uidOf(t.code());
                if (uid == null && Uids.isValid(t.code())) {
                    uid = t.code();
                }
                if (uid != null) {
                    alternatives.add(new StudyUid(uid));
                }
            }
        }
        return new Condition(alternatives);
    }

    /** The Patient ID with the system its issuer maps to ({@link PatientIdSystems}), with none ({@code |id}), or any. */
    private static Condition patientIdentifiers(String value, PatientIdSystems systems) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String token : values(value)) {
            Token t = Token.of(token);
            if (t.code().isEmpty()) {
                throw FhirException.invalid("patient.identifier=" + value + " names no Patient ID.");
            }
            if (t.system() == null) {
                alternatives.add(new PatientId(t.code(), null, List.of(), false));
            } else if (t.system().isEmpty()) {
                alternatives.add(new PatientId(t.code(), null, systems.mappedIssuers(), systems.systemWithoutIssuer()));
            } else {
                List<String> issuers = systems.issuersOf(t.system());
                if (!issuers.isEmpty()) {
                    alternatives.add(new PatientId(t.code(), issuers, List.of(), false));
                }
            }
        }
        return new Condition(alternatives);
    }

    private static String uidOf(String code) {
        if (code.startsWith(OID_PREFIX)) {
            String uid = code.substring(OID_PREFIX.length());
            return Uids.isValid(uid) ? uid : null;
        }
        return null;
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FhirException.invalid(name + "=" + value + " is not a whole number of zero or more.");
    }

    /** A token's system (null when not given, '' for "no system") and code, FHIR's escapes undone. */
    record Token(String system, String code) {
        static Token of(String text) {
            List<String> parts = split(text, '|', true);
            if (parts.size() > 2) {
                throw FhirException.invalid("The token '" + text + "' has more than one '|': escape one as '\\|'.");
            }
            return parts.size() == 1 ? new Token(null, parts.get(0)) : new Token(parts.get(0), parts.get(1));
        }
    }

    /** The comma-separated values of one parameter occurrence (R5 Search, "Escaping Search Parameters": escaped with '\'). */
    private static List<String> values(String value) {
        List<String> values = new ArrayList<>();
        for (String v : split(value, ',', false)) {
            if (v.isEmpty()) {
                throw FhirException.invalid("An empty value in '" + value + "'.");
            }
            values.add(v);
        }
        return values;
    }

    /**
     * Splits at each {@code separator} not escaped with a backslash (R5 Search, "Escaping Search Parameters": {@code \,}, {@code \|},
     * {@code \$}, {@code \\}); with {@code unescape} the escapes are undone, else kept for a later split.
     */
    private static List<String> split(String text, char separator, boolean unescape) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (!unescape) {
                    current.append(c);
                }
                current.append(text.charAt(++i));
            } else if (c == separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unescaped(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c == '\\' && i + 1 < value.length() ? value.charAt(++i) : c);
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
