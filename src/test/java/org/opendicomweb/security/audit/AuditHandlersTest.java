package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.handlers.SyslogHandler.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.config.DicomwebConfig;

class AuditHandlersTest {
    @TempDir
    Path folder;

    @Test
    void theAuditFileIsCreatedWithItsFolderAndHoldsOneLinePerEvent() throws Exception {
        Path file = folder.resolve("audit/nested/audit.log");
        Handler h = AuditHandlers.file(file, 1 << 20);
        h.publish(record("{\"n\":1}"));
        h.publish(record("{\"n\":2}"));
        h.close();

        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), Files.readAllLines(file));
    }

    @Test
    void aRestartAppendsToTheAuditFile() throws Exception {
        Path file = folder.resolve("audit.log");
        Handler first = AuditHandlers.file(file, 1 << 20);
        first.publish(record("{\"n\":1}"));
        first.close();

        Handler second = AuditHandlers.file(file, 1 << 20);
        second.publish(record("{\"n\":2}"));
        second.close();

        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), Files.readAllLines(file));
    }

    @Test
    void aFullFileIsRotatedUnderTheDaysNameAndNothingIsLost() throws Exception {
        Path file = folder.resolve("audit.log");
        Handler h = AuditHandlers.file(file, 100);
        for (int i = 0; i < 30; i++) {
            h.publish(record("{\"n\":" + i + ",\"padding\":\"xxxxxxxxxxxxxxxxxxxx\"}"));
        }
        h.close();

        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.toList();
        }
        assertTrue(files.size() > 2, "rotated: " + files);
        assertTrue(
                files.stream()
                        .map(p -> p.getFileName().toString())
                        .allMatch(n -> n.equals("audit.log") || n.matches("audit\\.log\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+")),
                "named after the day and the piece: " + files);
        long lines = 0;
        for (Path p : files) {
            lines += Files.readAllLines(p).size();
        }
        assertEquals(30, lines);
    }

    @Test
    void anAuditFileThatCannotBeWrittenStopsTheStartNamingTheSetting() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> AuditHandlers.file(notAFolder.resolve("audit.log"), 1 << 20));

        assertTrue(e.getMessage().contains("dicomweb.audit.file"), e.getMessage());
    }

    @Test
    void syslogSendsOctetCountedRfc5424MessagesWithTheSecurityFacility() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Handler h = AuditHandlers.syslog(syslogAt(receiver.getLocalPort()), "node-1");
            String line = "{\"eventId\":{\"code\":\"110112\"}}";
            h.publish(record(line));
            h.close();

            String message;
            try (Socket s = receiver.accept()) {
                message = readFrame(s.getInputStream());
            }
            // PRI = facility 10 (security/authorization) * 8 + severity 6 (informational)
            assertTrue(message.startsWith("<86>1 "), message);
            assertTrue(message.contains(" node-1 dicomweb "), message);
            assertTrue(message.endsWith(" - - " + line), "no byte order mark, no line feed: " + message);
        }
    }

    /** One message of an octet-counted stream (RFC 6587 §3.4.1): its length, a space, that many bytes. */
    private static String readFrame(InputStream in) throws Exception {
        int length = 0;
        for (int c = in.read(); c != ' '; c = in.read()) {
            assertTrue(c >= '0' && c <= '9', "a length, not " + c);
            length = length * 10 + (c - '0');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in.readNBytes(length));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DicomwebConfig.Audit.Syslog syslogAt(int port) {
        return new DicomwebConfig.Audit.Syslog() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public Protocol protocol() {
                return Protocol.TCP;
            }
        };
    }

    static ExtLogRecord record(String line) {
        return new ExtLogRecord(
                Level.INFO, line, ExtLogRecord.FormatStyle.NO_FORMAT, AuditHandlersTest.class.getName());
    }
}
