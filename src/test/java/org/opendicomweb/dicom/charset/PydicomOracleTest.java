package org.opendicomweb.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Compares our decoding with pydicom's on pydicom's own character set test files (those of the PS3.5
 * Annex H, I and J examples and a few more). pydicom is asked at test time, by the system Python, for every
 * character-set dependent string element: the raw value field, the terms in force and what it decodes.
 * The test is skipped where that Python has no pydicom.
 */
@UsesTools
class PydicomOracleTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");

    /** One string element as pydicom read it. */
    record Element(String file, String path, VR vr, String[] terms, byte[] raw, JsonNode values) {
        String where() {
            return file + " " + path + " " + vr;
        }

        SpecificCharacterSet characterSet() {
            return SpecificCharacterSet.valueOf(terms);
        }
    }

    private static List<Element> elements;

    @BeforeAll
    static void askPydicom() throws Exception {
        RequiredTools.require(Tool.PYDICOM, Tool.PYDICOM_FILES);

        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script().toString()));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(CHARSET_FILES, "*.dcm")) {
            files.forEach(f -> command.add(f.toString()));
        }
        Process run = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "pydicom script timed out");
        assertEquals(0, run.exitValue(), "pydicom script failed");

        ObjectMapper json = new ObjectMapper();
        elements = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            List<String> terms = new ArrayList<>();
            node.get("charset").forEach(t -> terms.add(t.asText()));
            elements.add(new Element(
                    node.get("file").asText(),
                    node.get("path").asText(),
                    VR.valueOf(node.get("vr").asText()),
                    terms.toArray(String[]::new),
                    HexFormat.of().parseHex(node.get("raw").asText()),
                    node.get("values")));
        }
        assertTrue(elements.size() > 100, "expected the pydicom charset files, got " + elements.size() + " elements");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PydicomOracleTest.class
                .getResource("/charset/pydicom_strings.py")
                .toURI());
    }

    @Test
    void decodesLikePydicom() {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (Element e : elements) {
            List<byte[]> rawValues = values(e);
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < rawValues.size(); i++) {
                String decoded = stripTrailingPadding(decode(e, rawValues.get(i)));
                if (e.vr() == VR.PN) {
                    // pydicom gives the component groups, trailing empty ones removed.
                    List<String> groups = new ArrayList<>(List.of(decoded.split("=", -1)));
                    while (!groups.isEmpty() && groups.get(groups.size() - 1).isEmpty()) {
                        groups.remove(groups.size() - 1);
                    }
                    JsonNode theirs = e.values().get(i);
                    for (int g = 0; g < Math.max(groups.size(), theirs.size()); g++) {
                        actual.add(g < groups.size() ? groups.get(g) : null);
                        expected.add(g < theirs.size() ? theirs.get(g).asText() : null);
                    }
                } else {
                    actual.add(decoded);
                    expected.add(e.values().get(i).asText());
                }
            }
            if (rawValues.size() != e.values().size()) {
                disagreements.add(e.where() + ": " + rawValues.size() + " values, pydicom "
                        + e.values().size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compared++;
                if (!Objects.equals(expected.get(i), actual.get(i))) {
                    disagreements.add(e.where() + ": ours " + actual.get(i) + ", pydicom " + expected.get(i));
                }
            }
        }
        System.out.println("pydicom oracle: " + elements.size() + " elements, " + compared + " values compared, "
                + disagreements.size() + " disagreements");
        assertEquals(List.of(), disagreements);
    }

    /** For the sets without code extensions, and for UTF-8 and GB18030, encoding gives back the bytes read. */
    @Test
    void reEncodesSingleByteAndStandAloneSetsByteForByte() {
        int checked = 0;
        for (Element e : elements) {
            if (hasCodeExtensions(e.terms())) {
                continue;
            }
            for (byte[] raw : values(e)) {
                String decoded = decode(e, raw);
                assertArrayEquals(raw, e.characterSet().encode(decoded, e.vr()), e.where());
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    /** With code extensions the escapes we choose may differ from the writer's, but the text must survive. */
    @Test
    void reEncodesCodeExtensionValuesToTheSameText() {
        int checked = 0;
        for (Element e : elements) {
            if (!hasCodeExtensions(e.terms())) {
                continue;
            }
            SpecificCharacterSet cs = e.characterSet();
            for (byte[] raw : values(e)) {
                String decoded = decode(e, raw);
                byte[] encoded = cs.encode(decoded, e.vr());
                assertEquals(decoded, cs.decode(encoded, 0, encoded.length, e.vr()), e.where());
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    private static boolean hasCodeExtensions(String[] terms) {
        return terms.length > 1 || terms[0].startsWith("ISO 2022");
    }

    private static String decode(Element e, byte[] value) {
        return e.characterSet().decode(value, 0, value.length, e.vr());
    }

    /** Splits on 0x5C the way the dataset reader does; pydicom strips the PN field before splitting. */
    private static List<byte[]> values(Element e) {
        byte[] raw = e.raw();
        List<byte[]> values = new ArrayList<>();
        if (!e.vr().isMultiValuedString()) {
            values.add(raw);
            return values;
        }
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\\') {
                values.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        return values;
    }

    private static String stripTrailingPadding(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        return value.substring(0, end);
    }
}
