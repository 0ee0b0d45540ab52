package org.opendicomweb.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.DatasetComparison;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Reads every file of pydicom's test corpus, writes it back in its own syntax and in explicit VR little endian
 * (encapsulated files only in their own), and checks the result three ways: dcmdump accepts it without
 * any warning it did not give for the original, our reader reads back the same dataset, and dcm2json gives the
 * same JSON for both. Files dcmdump refuses must be refused by us with a {@link DicomParseException}, and the other
 * way round, except for the differences listed in {@link #KNOWN_DIFFERENCES}.
 *
 * <p>dcm2json cannot convert compressed pixel data nor character sets its iconv lacks; for those files the JSON
 * comparison is left out and the dataset comparison with our own reader stands alone.
 *
 * <p>The corpus is found under {@code -Dpydicom.data} (default: the Debian package's folder); the test is skipped
 * where it is absent. The dcmtk checks are skipped where dcmtk is not installed.
 */
@UsesTools
class CorpusRoundTripTest {

    private static final Path DEFAULT_CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Path OUTPUT = Path.of("target", "corpus-round-trip");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** dcm2json conversions run in the background while the tests before them check their files. */
    private static final ExecutorService DCMTK_RUNS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dcm2json");
        t.setDaemon(true);
        return t;
    });

    /** Files where we and dcmtk disagree on accepting, by name, with the reason we keep our answer. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "SC_rgb_jpeg.dcm",
            "The meta information says JPEG Baseline, hence explicit VR, but the dataset is implicit VR. dcmtk "
                    + "refuses it; we see it from the first element, as pydicom does, and read it as implicit VR "
                    + "with encapsulated pixel data (and write it back as explicit VR, which dcmtk accepts).");

    /** What reading and writing one corpus file gave, before any oracle is asked. */
    private static final class Case {
        final Path file;
        final String name;
        Read original;
        DicomParseException refusal;
        Throwable failure;
        final Map<TransferSyntax, Path> outputs = new LinkedHashMap<>();
        final Map<TransferSyntax, Read> readBack = new LinkedHashMap<>();
        CompletableFuture<Optional<JsonNode>> originalJson;
        final Map<TransferSyntax, CompletableFuture<Optional<JsonNode>>> outputJson = new LinkedHashMap<>();

        Case(Path file) {
            this.file = file;
            this.name = file.getFileName().toString();
        }
    }

    /**
     * Reads and writes every file first, then asks dcmdump about all originals and outputs in one run, and
     * starts the dcm2json conversions in the background; each dynamic test then checks one file.
     */
    @TestFactory
    Stream<DynamicTest> everyCorpusFile() throws IOException {
        Path corpus = Path.of(System.getProperty("pydicom.data", DEFAULT_CORPUS.toString()));
        RequiredTools.require(
                new Tool("pydicom's test files in " + corpus, "python3-pydicom", () -> Files.isDirectory(corpus)));
        Files.createDirectories(OUTPUT);
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p ->
                            p.startsWith(corpus.resolve("test_files")) || p.startsWith(corpus.resolve("charset_files")))
                    .sorted()
                    .toList();
        }
        List<Case> cases = new ArrayList<>();
        for (Path f : files) {
            cases.add(readAndWrite(f, corpus.relativize(f).toString().replace('/', '_')));
        }
        Map<Path, Dcmtk.Result> dumps = Map.of();
        if (RequiredTools.usable(Tool.DCMTK)) {
            List<Path> all = new ArrayList<>();
            for (Case c : cases) {
                all.add(c.file);
                all.addAll(c.outputs.values());
            }
            dumps = Dcmtk.dcmdumpEach(all);
            Set<String> groupsSeen = new HashSet<>();
            for (Case c : cases) {
                if (c.original != null
                        && !c.original.syntax().encapsulated()
                        && groupsSeen.add(sameKindGroup(corpus.relativize(c.file)))) {
                    c.originalJson = CompletableFuture.supplyAsync(() -> comparableJson(c.file), DCMTK_RUNS);
                    c.outputs.forEach((ts, out) ->
                            c.outputJson.put(ts, CompletableFuture.supplyAsync(() -> comparableJson(out), DCMTK_RUNS)));
                }
            }
        }
        Map<Path, Dcmtk.Result> dumpResults = dumps;
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(corpus.relativize(c.file).toString(), () -> check(c, dumpResults)));
    }

    /**
     * The images inside the file-set folders of dicomdirtests are copies of a few with other UIDs; dcm2json
     * (one process each, the slow part of this test) is run for the first of each folder, for all other files.
     */
    private static String sameKindGroup(Path relative) {
        if (relative.getNameCount() > 3 && relative.getName(1).toString().equals("dicomdirtests")) {
            return relative.subpath(0, 3).toString();
        }
        return relative.toString();
    }

    private record Read(Attributes meta, TransferSyntax syntax, Attributes dataset) {}

    static Read read(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new FileInputStream(file.toFile()))) {
            Attributes meta = in.readFileMetaInformation();
            TransferSyntax ts = in.transferSyntax();
            return new Read(meta, ts, in.readDataset());
        }
    }

    private static Case readAndWrite(Path file, String outputName) {
        Case c = new Case(file);
        try {
            c.original = read(file);
        } catch (DicomParseException e) {
            c.refusal = e;
            return c;
        } catch (Throwable t) {
            c.failure = t;
            return c;
        }
        try {
            for (TransferSyntax target : targets(c.original.syntax())) {
                Path out = OUTPUT.resolve(outputName + "." + target.uid() + ".dcm");
                write(c.original, file, out, target);
                c.outputs.put(target, out);
                c.readBack.put(target, read(out));
            }
        } catch (Throwable t) {
            c.failure = t;
        }
        return c;
    }

    private void check(Case c, Map<Path, Dcmtk.Result> dumps) throws Throwable {
        if (c.failure != null) {
            throw c.failure;
        }
        Dcmtk.Result originalDump = dumps.get(c.file);
        boolean allowed = KNOWN_DIFFERENCES.containsKey(c.name);
        if (c.refusal != null) {
            if (originalDump != null && !allowed) {
                assertFalse(originalDump.ok(), "we refuse what dcmdump accepts: " + c.refusal.getMessage());
            }
            return;
        }
        if (originalDump != null && !allowed) {
            assertTrue(originalDump.ok(), "we accept what dcmdump refuses: " + originalDump.problems());
        }
        for (Map.Entry<TransferSyntax, Path> e : c.outputs.entrySet()) {
            TransferSyntax target = e.getKey();
            Path out = e.getValue();
            Read back = c.readBack.get(target);
            assertEquals(target.uid(), back.syntax().uid(), "transfer syntax read back");
            List<String> diffs = DatasetComparison.compare(
                    c.original.dataset(), DicomFiles.bulkDataOf(c.file), back.dataset(), DicomFiles.bulkDataOf(out));
            assertEquals(List.of(), diffs, "dataset after writing in " + target.uid());
            if (c.original.meta() != null) {
                Attributes meta = copy(c.original.meta());
                meta.remove(Tag.TransferSyntaxUID);
                Attributes metaBack = copy(back.meta());
                metaBack.remove(Tag.TransferSyntaxUID);
                assertEquals(List.of(), DatasetComparison.compare(meta, null, metaBack, null), "file meta information");
            }
            Dcmtk.Result dump = dumps.get(out);
            if (dump != null) {
                assertTrue(dump.ok(), "dcmdump refuses our output in " + target.uid() + ": " + dump.problems());
                Set<String> added = new LinkedHashSet<>(dump.problems());
                added.removeAll(originalDump.problems());
                assertEquals(
                        Set.of(),
                        added,
                        "dcmdump complains of our output in " + target.uid() + ", not of the original");
            }
            if (c.originalJson != null && c.originalJson.join().isPresent()) {
                Optional<JsonNode> ours = c.outputJson.get(target).join();
                assertTrue(ours.isPresent(), "dcm2json converts the original but not our output in " + target.uid());
                assertEquals(
                        c.originalJson.join().get(),
                        ours.get(),
                        "dcm2json of the original and of our output in " + target.uid());
            }
        }
    }

    private static List<TransferSyntax> targets(TransferSyntax source) {
        List<TransferSyntax> t = new ArrayList<>(2);
        // A compressed file whose dataset was found in implicit VR is written as its syntax says: explicit.
        t.add(source.encapsulated() && !source.explicitVR() ? TransferSyntax.of(source.uid()) : source);
        if (source.isNative() && !source.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            t.add(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return t;
    }

    private static void write(Read r, Path source, Path out, TransferSyntax target) throws IOException {
        Attributes meta;
        if (r.meta() != null) {
            meta = copy(r.meta());
            meta.setString(Tag.TransferSyntaxUID, VR.UI, target.uid());
        } else {
            meta = DicomOutputStream.createFileMetaInformation(
                    r.dataset().getString(Tag.SOPClassUID, "1.2.3.4"),
                    r.dataset().getString(Tag.SOPInstanceUID, "1.2.3.4.5"),
                    target.uid());
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            DicomOutputStream dos = new DicomOutputStream(os);
            dos.setBulkDataSource(DicomFiles.bulkDataOf(source));
            dos.writeFileMetaInformation(meta);
            dos.writeDataset(r.dataset(), target);
            dos.flush();
        }
    }

    private static Attributes copy(Attributes a) {
        Attributes c = new Attributes(a.bigEndian(), a.size());
        c.addAll(a);
        return c;
    }

    /**
     * dcm2json's dataset with group lengths removed (our writer drops them); empty where dcm2json cannot convert
     * the file at all: it refuses compressed pixel data, and character sets its iconv lacks (ISO 2022 IR 87 here).
     */
    private static Optional<JsonNode> comparableJson(Path file) {
        try {
            Dcmtk.Result r = Dcmtk.dcm2json(file);
            if (r.exitCode() != 0 || r.stdout().isBlank()) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(r.stdout());
            dropGroupLengths(node);
            return Optional.of(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropGroupLengths(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.length() == 8 && key.endsWith("0000")) {
                    it.remove();
                }
            }
            o.forEach(CorpusRoundTripTest::dropGroupLengths);
        } else if (node instanceof ArrayNode a) {
            a.forEach(CorpusRoundTripTest::dropGroupLengths);
        }
    }
}
