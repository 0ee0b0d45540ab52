package org.opendicomweb.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.io.DicomInputStream;

/** The committed {@code test-data/} files are what the generator makes, and every one of them reads. */
@UsesTools
class TestDataGeneratorTest {

    private static final Path TEST_DATA = Path.of("test-data");

    @Test
    void committedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        TestDataGenerator.generate(dir);
        for (String name : TestDataGenerator.files().keySet()) {
            Path committed = TestDataGenerator.DEFAULT_FOLDER.resolve(name);
            assertTrue(Files.exists(committed), committed + " is missing; run the generator (see test-data/README.md)");
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve(name)),
                    Files.readAllBytes(committed),
                    committed + " differs from what the generator writes now; regenerate and commit it");
        }
    }

    @Test
    void everyTestDataFileReadsAndIsSmall() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TEST_DATA)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "test data files: " + files);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
            try (DicomInputStream in = new DicomInputStream(new FileInputStream(f.toFile()))) {
                Attributes ds = in.readDataset();
                assertTrue(ds.containsValue(Tag.SOPInstanceUID), f.toString());
            }
        }
        assertTrue(total < 100_000, "test-data holds " + total + " bytes");
        if (RequiredTools.usable(Tool.DCMTK)) {
            Map<Path, Dcmtk.Result> dumps = Dcmtk.dcmdumpEach(files);
            for (Path f : files) {
                assertTrue(dumps.get(f).ok(), f + ": " + dumps.get(f).problems());
                if (f.startsWith(TestDataGenerator.DEFAULT_FOLDER)) {
                    assertEquals(java.util.Set.of(), dumps.get(f).problems(), f.toString());
                }
            }
        }
    }
}
