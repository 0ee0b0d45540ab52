package org.opendicomweb.security.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.PeriodicSizeRotatingFileHandler;
import org.jboss.logmanager.handlers.SyslogHandler;
import org.jboss.logmanager.handlers.SyslogHandler.Facility;
import org.jboss.logmanager.handlers.SyslogHandler.Protocol;
import org.jboss.logmanager.handlers.SyslogHandler.SyslogType;
import org.opendicomweb.config.DicomwebConfig;

/**
 * The log handlers of the audit destinations, made by the audit trail when the server starts rather than declared as
 * Quarkus log handlers: those are also opened while the application is built (creating the audit file in the build
 * folder), and one that cannot open its file or reach its receiver is dropped with an error line, leaving the
 * category without a destination. Here an audit file that cannot be written stops the start, naming the setting.
 */
final class AuditHandlers {
    /** A new file each day, named after the day it holds (audit.log.2026-12-07), and within a day by size (.1, .2). */
    static final String DAILY_SUFFIX = ".yyyy-MM-dd";
    /** Size rotations kept within one day: the server deletes no audit file; retention is the operator's. */
    static final int PIECES_PER_DAY = 9_999;
    /** The application name of the syslog messages (RFC 5424 APP-NAME). */
    static final String APP_NAME = "dicomweb";
    /** The longest syslog message over TCP or TLS: a whole event, however many instances it names. */
    static final int MAX_STREAM_MESSAGE = 1 << 20;
    /** The longest over UDP, which a datagram bounds (RFC 5426 §3.2): longer lines are cut. */
    static final int MAX_DATAGRAM_MESSAGE = 65_000;

    private AuditHandlers() {}

    /** One handler per destination, reporting its write failures to {@code errors}. */
    static List<Handler> open(DicomwebConfig.Audit settings, Path file, String hostName, ErrorManager errors) {
        List<Handler> handlers = new ArrayList<>();
        for (AuditDestination d : settings.destination()) {
            ExtHandler h = switch (d) {
                case FILE -> file(file, settings.maxFileSize().asLongValue());
                case STDOUT -> stdout();
                case SYSLOG ->
                    new SyslogDestination(
                            () -> syslog(settings.syslog(), hostName),
                            SyslogDestination.RETRY,
                            "syslog at " + settings.syslog().host() + ":"
                                    + settings.syslog().port());
            };
            h.setErrorManager(errors);
            handlers.add(h);
        }
        return handlers;
    }

    /** Appends to the file, autoflushed: a line is with the operating system once its event is written. */
    static PeriodicSizeRotatingFileHandler file(Path file, long maxFileSize) {
        PeriodicSizeRotatingFileHandler h = new PeriodicSizeRotatingFileHandler();
        h.setFormatter(new PatternFormatter("%s%n"));
        h.setAutoFlush(true);
        h.setAppend(true);
        h.setRotateOnBoot(false);
        h.setRotateSize(maxFileSize);
        h.setMaxBackupIndex(PIECES_PER_DAY);
        h.setSuffix(DAILY_SUFFIX);
        try {
            h.setEncoding("UTF-8");
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            h.setFile(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The audit file " + file.toAbsolutePath() + " (dicomweb.audit.file) cannot be written: " + e, e);
        }
        return h;
    }

    static ConsoleHandler stdout() {
        ConsoleHandler h = new ConsoleHandler(ConsoleHandler.Target.SYSTEM_OUT, new PatternFormatter("%s%n"));
        h.setAutoFlush(true);
        return h;
    }

    /**
     * RFC 5424 messages with the facility IHE ATNA gives audit messages (10, security/authorization); over TCP and TLS
     * octet-counted, without a line feed after the message (RFC 6587 §3.4.1, as RFC 5425 §4.3 requires). While the
     * receiver is unreachable the writer waits for it, so that events queue up and, past the queue, are dropped and
     * counted, rather than vanish unseen.
     */
    static SyslogHandler syslog(DicomwebConfig.Audit.Syslog settings, String hostName) throws IOException {
        Protocol protocol = settings.protocol();
        SyslogHandler h = new SyslogHandler(
                InetAddress.getByName(settings.host()),
                settings.port(),
                Facility.SECURITY2,
                SyslogType.RFC5424,
                protocol,
                hostName);
        h.setAppName(APP_NAME);
        h.setFormatter(new PatternFormatter("%s"));
        // The lines are ASCII (AuditLine): sent as such, MSG has no UTF-8 byte order mark (RFC 5424 §6.4) in front of
        // the JSON for a receiver's parser to trip on.
        h.setEncoding("US-ASCII");
        h.setUseCountingFraming(protocol != Protocol.UDP);
        h.setUseMessageDelimiter(false);
        h.setBlockOnReconnect(true);
        h.setMaxLength(protocol == Protocol.UDP ? MAX_DATAGRAM_MESSAGE : MAX_STREAM_MESSAGE);
        h.setTruncate(true);
        return h;
    }
}
