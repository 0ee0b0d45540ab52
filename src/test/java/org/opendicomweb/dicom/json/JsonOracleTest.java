package org.opendicomweb.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Our DICOM JSON for every file of pydicom's test corpus against two independent writers: dcmtk's
 * {@code dcm2json} (run per file at test time) and pydicom's {@code Dataset.to_json_dict} (one run of
 * {@code json/pydicom_to_json.py} for all files), after the normalisation of {@link JsonCompare}.
 *
 * <p>Verdicts must agree too: a file an oracle refuses we refuse, a file an oracle reads we read, except
 * where {@link #VERDICT_ALLOWED} says why not. pydicom's reads of files without a preamble are forced and
 * so no verdict (with force it takes any bytes as a dataset), only content to compare.
 *
 * <p>dcm2json refuses files with encapsulated pixel data (it will not inline them); for those it is run on a
 * copy whose pixel data {@code dcmodify} erased, and pixel data is left out of that comparison. It also
 * cannot decode ISO 2022 IR 87/159 with the iconv it is built against here, and leaves the text of sequence
 * items with their own (0008,0005) unconverted (its output is then not UTF-8): those files are compared
 * with pydicom only.
 */
@UsesTools
class JsonOracleTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Files where our verdict differs from an oracle's, and why that is right. */
    static final Map<String, String> VERDICT_ALLOWED = Map.of(
            "test_files/MR_truncated.dcm",
            "Pixel Data is cut short; pydicom keeps the short value, dcm2json refuses the file, as we do",
            "test_files/rtplan_truncated.dcm",
            "a value is cut short; pydicom keeps the short value, dcm2json refuses the file, as we do",
            "test_files/SC_rgb_jpeg.dcm",
            "meta says explicit VR, the dataset is implicit VR; pydicom detects that as we do, dcm2json fails",
            "test_files/badVR.dcm",
            "pydicom reads it but its to_json_dict fails on the invalid IS value '1A'; dcm2json and we write it");

    /** Per file, attributes (path as in the diff) where an oracle is known to be wrong. */
    static final Map<String, String> CONTENT_ALLOWED = Map.of();

    private static Path work;
    private static int equalDcmtk;
    private static int equalPydicom;
    private static int refusedByAll;

    @TestFactory
    Stream<DynamicTest> corpusAgainstDcmtkAndPydicom() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES);
        boolean dcmtk = RequiredTools.usable(Tool.DCMTK);
        boolean pydicom = RequiredTools.usable(Tool.PYDICOM);
        if (!dcmtk && !pydicom) {
            RequiredTools.require(Tool.DCMTK, Tool.PYDICOM);
        }
        List<Path> files = Corpus.files();
        work = Files.createTempDirectory("json-oracle");
        Path py = Files.createDirectories(work.resolve("pydicom"));
        if (pydicom) {
            List<String> command = new ArrayList<>(List.of(
                    Corpus.PYTHON.toString(),
                    Path.of(JsonOracleTest.class
                                    .getResource("/json/pydicom_to_json.py")
                                    .toURI())
                            .toString(),
                    py.toString()));
            files.forEach(f -> command.add(f.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("pydicom oracle script failed");
            }
        }
        return IntStream.range(0, files.size())
                .mapToObj(i -> dynamicTest(
                        Corpus.name(files.get(i)), () -> check(files.get(i), i, dcmtk, pydicom ? py : null)));
    }

    @AfterAll
    static void summary() throws IOException {
        System.out.println("JSON oracle: equal to dcm2json " + equalDcmtk + ", equal to pydicom " + equalPydicom
                + ", refused by us and every oracle " + refusedByAll);
        if (work != null) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void check(Path file, int index, boolean dcmtk, Path py) throws Exception {
        String name = Corpus.name(file);
        Attributes ds = null;
        String ours = null;
        String ourError = null;
        boolean bigEndian = false;
        try {
            ds = Corpus.read(file);
            ours = Corpus.json(file, ds);
            bigEndian = Corpus.bigEndian(file);
        } catch (IOException e) {
            ourError = e.toString();
        }
        List<String> problems = new ArrayList<>();
        boolean anyAccepted = false;

        // dcmtk
        if (dcmtk) {
            Path out = work.resolve(index + ".dcmtk.json");
            String err = Corpus.run(List.of("dcm2json", "-fc", file.toString(), out.toString()), Path.of("/dev/null"));
            boolean pixelDataErased = false;
            if (err != null && err.contains("compressed pixel data")) {
                Path copy = work.resolve(index + ".dcm");
                Files.copy(file, copy);
                String modErr = Corpus.run(
                        List.of("dcmodify", "-nb", "-q", "-ea", "(7fe0,0010)", copy.toString()), Path.of("/dev/null"));
                err = modErr != null
                        ? modErr
                        : Corpus.run(List.of("dcm2json", "-fc", copy.toString(), out.toString()), Path.of("/dev/null"));
                pixelDataErased = true;
            }
            if (err == null && !isUtf8(out)) {
                // no verdict: dcm2json copies bytes of items with their own (0008,0005) unconverted
                err = "dcm2json output is not UTF-8";
            }
            if (err != null
                    && (err.contains("not supported by the utilized character set conversion library")
                            || err.contains("not UTF-8"))) {
                // no verdict: dcmtk's iconv lacks the set, or it did not convert (see class comment)
            } else if (err == null) {
                anyAccepted = true;
                if (ourError != null) {
                    verdict(problems, name, "dcm2json reads it, we refuse: " + ourError);
                } else {
                    boolean erased = pixelDataErased;
                    JsonCompare cmp = new JsonCompare(false, p -> erased && p.equals("7FE00010") || allowed(name, p));
                    cmp.dcmtk = true;
                    cmp.dataset(MAPPER.readTree(ours), MAPPER.readTree(out.toFile()), "");
                    if (cmp.diffs.isEmpty()) {
                        equalDcmtk++;
                    }
                    cmp.diffs.forEach(d -> problems.add("dcm2json: " + d));
                }
            } else if (ourError == null) {
                verdict(problems, name, "dcm2json refuses it (" + err + "), we read it");
            }
        }

        // pydicom
        if (py != null) {
            Path json = py.resolve(index + ".json");
            boolean forced = Files.exists(py.resolve(index + ".forced"));
            if (Files.exists(json)) {
                anyAccepted |= !forced;
                if (ourError != null) {
                    if (!forced) {
                        verdict(problems, name, "pydicom reads it, we refuse: " + ourError);
                    }
                } else {
                    JsonCompare cmp = new JsonCompare(bigEndian, p -> allowed(name, p));
                    cmp.dataset(MAPPER.readTree(ours), MAPPER.readTree(json.toFile()), "");
                    if (cmp.diffs.isEmpty()) {
                        equalPydicom++;
                    }
                    cmp.diffs.forEach(d -> problems.add("pydicom: " + d));
                }
            } else if (ourError == null) {
                verdict(
                        problems,
                        name,
                        "pydicom refuses it (" + Files.readString(py.resolve(index + ".err")) + "), we read it");
            }
        }
        if (ourError != null && !anyAccepted) {
            refusedByAll++;
        }
        if (!problems.isEmpty()) {
            fail(name + ": " + problems.size() + " differences:\n"
                    + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
        assertEquals(List.of(), problems);
    }

    private static boolean isUtf8(Path file) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void verdict(List<String> problems, String name, String what) {
        if (!VERDICT_ALLOWED.containsKey(name)) {
            problems.add(what);
        }
    }

    private static boolean allowed(String name, String path) {
        String reason = CONTENT_ALLOWED.get(name + " " + path);
        return reason != null;
    }
}
