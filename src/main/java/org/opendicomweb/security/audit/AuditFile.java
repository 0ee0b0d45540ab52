package org.opendicomweb.security.audit;

import java.nio.file.Path;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.config.DicomwebConfig.DatabaseKind;

/**
 * Where destination {@code file} writes: {@code dicomweb.audit.file} when set, else a file below the storage folder.
 * With PostgreSQL, several nodes may share that folder, and each rotates the file it writes on its own: the
 * default then names the node's host ({@code audit-<host>.log}, the AuditSourceID of its lines). The embedded H2
 * index is one process's, so with it the default stays {@code audit.log}.
 */
public final class AuditFile {

    private AuditFile() {}

    public static Path of(DicomwebConfig config) {
        return of(config, AuditTrail.hostName());
    }

    static Path of(DicomwebConfig config, String host) {
        return config.audit()
                .file()
                .orElseGet(() -> config.storage()
                        .path()
                        .resolve("audit")
                        .resolve(
                                config.database() == DatabaseKind.POSTGRESQL
                                        ? "audit-" + fileNamePart(host) + ".log"
                                        : "audit.log"));
    }

    /** A host name as part of a file name: letters, digits, dots and dashes (host names hold nothing else). */
    private static String fileNamePart(String host) {
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "host" + safe : safe;
    }
}
