package org.opendicomweb.wado;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Entity tags of metadata responses (RFC 9110 §8.8.3). A response changes when an instance of its study or
 * series is stored or replaced, which bumps the study/series {@code version}, and with the service root its
 * BulkDataURIs are built from. Tags are weak: the gzip and identity encodings of one body share a tag, and
 * If-None-Match compares weakly anyway.
 */
final class EntityTags {
    private EntityTags() {}

    static String of(String kind, RetrieveIndex.Version version, String root) {
        CRC32 crc = new CRC32();
        crc.update(root.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + kind + version.pk() + "-" + version.version() + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    /** Whether an If-None-Match header matches {@code tag} (weak comparison, RFC 9110 §13.1.2). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
