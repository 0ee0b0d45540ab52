package org.opendicomweb.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product's own settings, all under the {@code dicomweb} prefix. Documented property by property in
 * docs/configuration.md; defaults here match src/main/resources/application.properties so that the jar
 * runs with no configuration at all.
 */
@ConfigMapping(prefix = "dicomweb")
public interface DicomwebConfig {

    /** Which index database is active. Read at start-up; one jar serves both. */
    @WithDefault("h2")
    DatabaseKind database();

    Db db();

    Storage storage();

    Cors cors();

    Stow stow();

    Qido qido();

    Wado wado();

    Rejection rejection();

    Scrub scrub();

    Auth auth();

    Audit audit();

    Cluster cluster();

    Ui ui();

    Fhir fhir();

    enum DatabaseKind {
        H2("h2"),
        POSTGRESQL("postgresql");

        private final String unitName;

        DatabaseKind(String unitName) {
            this.unitName = unitName;
        }

        /** Name of the datasource and Flyway instance for this kind. */
        public String unitName() {
            return unitName;
        }
    }

    interface Db {
        /**
         * JDBC URL of the selected database. Absent: the built-in default of that kind (an H2 file below
         * the storage path, or {@code jdbc:postgresql://127.0.0.1:5432/dicomweb}).
         */
        Optional<String> url();

        Optional<String> user();

        Optional<String> password();

        /** Pause between attempts to reach and migrate the database while it is down. */
        @WithDefault("5S")
        Duration retryInterval();
    }

    interface Storage {
        /**
         * Where stored instances' bytes go: {@code filesystem} (below {@link #path()}) or {@code s3} (a bucket of an
         * S3-compatible object store, {@link #s3()}).
         */
        @WithDefault("filesystem")
        StorageType type();

        /**
         * Root folder of the filesystem blob store. With type {@code s3} it still holds the embedded index, the audit
         * file and the bulk data of STOW requests in progress.
         */
        @WithDefault("./data")
        Path path();

        /**
         * How long a staged file of another server node (or of a storage layout without per-process staging
         * folders) must be left untouched before start-up removes it as abandoned.
         */
        @WithDefault("1H")
        Duration stagingGrace();

        S3 s3();

        /** The bucket of type {@code s3}; credentials come from the AWS SDK's default chain. */
        interface S3 {
            /** The bucket; required with type {@code s3}. */
            Optional<String> bucket();

            /** The service's URL, for a store other than AWS S3 itself; empty: AWS S3 of the region. */
            Optional<java.net.URI> endpoint();

            /** The region requests are signed for; empty: the SDK's region chain, or us-east-1 with an endpoint. */
            Optional<String> region();

            /** Addresses the bucket in the path ({@code endpoint/bucket/key}) rather than in the host name. */
            @WithDefault("false")
            boolean pathStyle();

            /** Keys are stored below this prefix of the bucket, so that several archives may share one. */
            Optional<String> prefix();
        }
    }

    enum StorageType {
        FILESYSTEM,
        S3
    }

    interface Cors {
        /** Browser origins allowed to call the API; {@code *} allows any. */
        @WithDefault("*")
        List<String> origins();
    }

    interface Stow {
        /**
         * An instance arrives whose SOP Instance UID is stored already with different bytes: {@code reject} it
         * (failure 0x0111, the stored one stays) or {@code replace} the stored one (warning 0xB301). Identical
         * bytes are always a success that changes nothing.
         */
        @WithDefault("reject")
        DuplicatePolicy duplicatePolicy();

        /**
         * The most memory the header of one instance may hold while it is parsed and indexed (its values below
         * the bulk-data threshold, plus an allowance per element); pixel data and large binary values are never
         * held. A larger instance fails with 0xA700 (out of resources), naming this property.
         */
        @WithDefault("128M")
        MemorySize maxDatasetMemory();

        /**
         * Whether to remove, in the background after start-up, instance files that were stored but never
         * indexed (a crash between the two steps of a store leaves them).
         */
        @WithDefault("true")
        boolean sweepOrphansAtStartup();

        /**
         * Only files written this long before start-up are swept: another node sharing the storage may be
         * between committing a file and indexing it. A single node may set 0S.
         */
        @WithDefault("2M")
        Duration orphanGrace();

        /**
         * How often the orphan sweep runs again while the server runs, for the files a deletion could not remove
         * (a crash between the index commit and the file deletion, a storage error); 0S runs it at start-up only.
         */
        @WithDefault("1H")
        Duration orphanSweepInterval();

        /**
         * The most metadata (DICOM JSON or XML parts, together) one metadata-and-bulk-data request may carry.
         * Metadata is parsed into memory, unlike bulk data, which is spooled to disk.
         */
        @WithDefault("64M")
        MemorySize maxMetadataSize();

        /**
         * How long reading an upload waits for the client to send more before the request fails and its
         * connection is closed (the parts received in full are still stored and reported).
         */
        @WithDefault("60S")
        Duration readTimeout();
    }

    /** Rejection of stored instances by Key Object Selection notes (IHE IOCM); see docs/conformance.md. */
    interface Rejection {
        /**
         * How long instances rejected for quality reasons (113001) stay on disk, hidden, before they are deleted:
         * time to notice a rejection made by mistake.
         */
        @WithDefault("30D")
        Duration qualityGracePeriod();

        /**
         * Whether instances rejected for patient safety reasons (113037) or for an incorrect worklist entry
         * (113038) are deleted at once; by default they are kept, hidden, for whoever must investigate.
         */
        @WithDefault("false")
        boolean deleteSafetyRejections();

        /** How often rejected instances whose time has come are looked for and deleted. */
        @WithDefault("15M")
        Duration sweepInterval();
    }

    /** The scrub of stored objects (POST /dicom-web/admin/scrub); see docs/conformance.md, Integrity report. */
    interface Scrub {
        /**
         * How many bytes a second the scrub reads at most, so that it leaves the storage to the traffic it serves;
         * 0 reads as fast as the storage gives.
         */
        @WithDefault("50M")
        MemorySize rateLimit();
    }

    interface Qido {
        /**
         * The most results one QIDO-RS response carries. A request without {@code limit}, or with a larger one,
         * gets at most this many, and a {@code Warning: 299} header when more matched (PS3.18 §10.6.3.2).
         */
        @WithDefault("1000")
        int maxResults();

        /**
         * Operator-defined matching keys: {@code level:attribute} entries ({@code study:InstitutionName,
         * series:StationName}), see ExtendedQueryTags. Empty by default.
         */
        Optional<List<String>> extendedTags();
    }

    interface Wado {
        /**
         * Memory for gzip-compressed DICOM JSON metadata responses, kept by entity tag, so that a viewer opening a
         * series again gets the compressed bytes without the index being read or anything compressed. 0 turns
         * it off. One response may take at most an eighth of it.
         */
        @WithDefault("64M")
        MemorySize metadataCacheSize();

        /**
         * How many instances' stored-file locations each node keeps (about 500 bytes each), so that retrieving the
         * instances of a series one by one reads the index once per series rather than once per request. 0 turns
         * it off.
         */
        @WithDefault("50000")
        int locationCacheSize();

        /**
         * How often each node reads the change feed for instances deleted, rejected or replaced (by any node sharing
         * the index) and forgets what it keeps of them: locations, frame tables, compressed metadata. 0 turns it off.
         */
        @WithDefault("1S")
        Duration changePollInterval();
    }

    enum DuplicatePolicy {
        REJECT,
        REPLACE
    }

    /** The web console at / (docs/configuration.md, "Web console"). */
    interface Ui {
        /**
         * A viewer to open a study in, with {@code {study}} replaced by its Study Instance UID, e.g.
         * {@code https://viewer.example.org/viewer?StudyInstanceUIDs={study}}; unset, the console offers no such link.
         */
        Optional<String> viewerUrl();

        /**
         * The console's own client at the issuer in mode {@code oidc}: a public client (no secret) allowed the
         * authorization code flow with PKCE and the console's address as redirect URI.
         */
        @WithDefault("dicomweb-console")
        String clientId();

        /**
         * The scopes the console asks the issuer for: {@code openid} for the sign-in itself, {@code profile} for the
         * user's name; an issuer that issues access tokens per API (Entra ID) needs the server's API scope too.
         */
        @WithDefault("openid profile")
        String scope();
    }

    /** The FHIR ImagingStudy endpoints at /fhir (docs/conformance.md, "FHIR ImagingStudy"). */
    interface Fhir {
        /**
         * The identifier system (a URI) of the Patient IDs of each Issuer of Patient ID (0010,0021), by issuer, e.g.
         * {@code dicomweb.fhir.patient-id-systems."HOSPITAL A"=urn:oid:1.2.3.4}. A Patient ID whose issuer is not
         * listed gets no system, and its issuer as the identifier's assigner.
         */
        Map<String, String> patientIdSystems();

        /** The identifier system of Patient IDs that come without an Issuer of Patient ID: the archive's own domain. */
        Optional<String> defaultPatientIdSystem();
    }

    /** Server nodes sharing one index database (docs/configuration.md, "Several server nodes"). */
    interface Cluster {
        /**
         * How long a node holds a background job's lease (orphan sweep, rejection sweep, reindexer) without renewing
         * it: the node running the job renews it every third of this; a node that dies keeps it this long at most.
         */
        @WithDefault("60S")
        Duration leaseDuration();
    }

    /** Access control (docs/security.md). */
    interface Auth {
        @WithDefault("none")
        org.opendicomweb.security.AuthMode mode();

        /**
         * Mode {@code none} serves clients on other machines too: anyone who reaches the port reads and writes
         * patient data. Logged as a warning at start-up and shown by readiness.
         */
        @WithDefault("false")
        boolean allowAnonymousRemote();

        /** The realm named in {@code WWW-Authenticate} challenges (RFC 6750 §3). */
        @WithDefault("dicomweb")
        String realm();

        /** Who may read the operations endpoints /q/metrics and /q/openapi: {@code admin} or {@code public}. */
        @WithDefault("admin")
        String operationsEndpoints();

        Roles roles();

        /** The role names a token must carry, as the issuer names them. */
        interface Roles {
            @WithDefault("dicomweb-read")
            String read();

            @WithDefault("dicomweb-write")
            String write();

            @WithDefault("dicomweb-delete")
            String delete();

            @WithDefault("dicomweb-admin")
            String admin();
        }
    }

    /** The audit trail of every access to patient data (docs/security.md, "Audit trail"). */
    interface Audit {
        /** Where the audit lines go: {@code file}, {@code stdout}, {@code syslog}, or several; there is no off. */
        @WithDefault("file")
        List<org.opendicomweb.security.audit.AuditDestination> destination();

        /**
         * The audit file (destination {@code file}), rotated daily and by size; its folder is created. Absent: below
         * the storage path, one per node where nodes can share it ({@link org.opendicomweb.security.audit.AuditFile}).
         */
        Optional<Path> file();

        /** The audit file is also rotated within a day when it grows past this size. */
        @WithDefault("100M")
        MemorySize maxFileSize();

        Syslog syslog();

        /**
         * Events waiting for the audit writer. A request never waits for the trail: beyond this, events are dropped,
         * counted in dicomweb.audit.events.dropped and warned about.
         */
        @WithDefault("10000")
        int queueSize();

        /** The syslog receiver of destination {@code syslog} (RFC 5424 messages). */
        interface Syslog {
            @WithDefault("localhost")
            String host();

            @WithDefault("514")
            int port();

            /** {@code tcp}, {@code udp} or {@code ssl-tcp} (TLS, RFC 5425). */
            @WithDefault("tcp")
            org.jboss.logmanager.handlers.SyslogHandler.Protocol protocol();
        }
    }
}
