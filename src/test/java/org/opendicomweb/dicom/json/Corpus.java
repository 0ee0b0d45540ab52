package org.opendicomweb.dicom.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomInputStream;

/** pydicom's test files, read with our reader, and the JSON we write for them. */
final class Corpus {
    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private Corpus() {}

    /** Every file under test_files (recursively) and charset_files, in a stable order. */
    static List<Path> files() throws IOException {
        try (Stream<Path> a = Files.walk(PYDICOM_DATA.resolve("test_files"));
                Stream<Path> b = Files.walk(PYDICOM_DATA.resolve("charset_files"))) {
            return Stream.concat(a, b).filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String name(Path file) {
        return PYDICOM_DATA.relativize(file).toString();
    }

    /** The dataset (without file meta information), or an exception if our reader refuses the file. */
    static Attributes read(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            return in.readDataset();
        }
    }

    static boolean bigEndian(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            return in.transferSyntax().bigEndian();
        }
    }

    /** Reads bulk data references from the file they were read from. */
    static BulkDataSource source(Path file) {
        return bd -> {
            SeekableByteChannel ch = Files.newByteChannel(file);
            ch.position(bd.offset());
            return Channels.newInputStream(ch);
        };
    }

    /** Our JSON of the file, every binary value inline (encapsulated pixel data has no URI: VR only). */
    static String json(Path file, Attributes ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.bulkDataSource(source(file)).write(ds);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String run(List<String> command, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        Process p = pb.start();
        byte[] err;
        try (InputStream e = p.getErrorStream()) {
            err = e.readAllBytes();
        }
        int rc = p.waitFor();
        return rc == 0 ? null : "exit " + rc + ": " + new String(err, StandardCharsets.UTF_8).strip();
    }
}
