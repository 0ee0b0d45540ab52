package org.opendicomweb.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An Accept header as an ordered list of media ranges (RFC 9110 §12.5.1): by q-value, highest first, ties in
 * the order sent; q=0 ranges are dropped. A missing or empty header accepts anything.
 */
public record AcceptHeader(List<MediaType> ranges) {

    public static AcceptHeader parse(String header) {
        List<MediaType> ranges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(MediaType.parse("*/*"));
            return new AcceptHeader(ranges);
        }
        for (String element : splitOutsideQuotes(header)) {
            if (element.isBlank()) {
                continue;
            }
            MediaType range;
            try {
                range = MediaType.parse(element.trim());
            } catch (IllegalArgumentException e) {
                throw DicomwebException.badRequest("Malformed Accept header element '" + element.trim() + "'");
            }
            double q = 1.0;
            String qs = range.parameter("q");
            if (qs != null) {
                try {
                    q = Double.parseDouble(qs);
                } catch (NumberFormatException e) {
                    throw DicomwebException.badRequest("Malformed q-value '" + qs + "' in Accept");
                }
            }
            if (q > 0) {
                ranges.add(range);
                weights.add(q);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -weights.get(i)));
        List<MediaType> sorted = new ArrayList<>();
        order.forEach(i -> sorted.add(ranges.get(i)));
        return new AcceptHeader(sorted);
    }

    /** Whether {@code range} covers {@code essence} (e.g. "application/dicom+json"). */
    public static boolean covers(MediaType range, String essence) {
        int slash = essence.indexOf('/');
        String type = essence.substring(0, slash);
        String subtype = essence.substring(slash + 1);
        return (range.type().equals("*") || range.type().equals(type))
                && (range.subtype().equals("*") || range.subtype().equals(subtype));
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
