package org.opendicomweb.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/** Write, read back with {@link JsonReader}, write again: the same JSON, for every file of the corpus. */
@UsesTools
class JsonRoundTripTest {

    @TestFactory
    Stream<DynamicTest> corpusRoundTrips() throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES);
        List<Path> files = Corpus.files();
        return files.stream()
                .map(f -> dynamicTest(Corpus.name(f), () -> {
                    Attributes ds;
                    try {
                        ds = Corpus.read(f);
                    } catch (IOException refused) {
                        return; // not DICOM, or refused: JsonOracleTest checks that verdict
                    }
                    String first = Corpus.json(f, ds);
                    Attributes back =
                            JsonReader.readDataset(new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8)));
                    assertEquals(first, JsonWriter.toJson(back));
                }));
    }

    @Test
    void arrayOfDatasetsStreamsAndReadsBack() throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES);
        List<String> singles = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.writeArrayStart();
            for (String name :
                    List.of("test_files/CT_small.dcm", "test_files/rtplan.dcm", "test_files/MR_small_bigendian.dcm")) {
                Path f = Corpus.PYDICOM_DATA.resolve(name);
                Attributes ds = Corpus.read(f);
                singles.add(Corpus.json(f, ds));
                w.bulkDataSource(Corpus.source(f)).writeDataset(ds);
            }
            w.writeArrayEnd();
        }
        String array = out.toString(StandardCharsets.UTF_8);
        assertEquals("[" + String.join(",", singles) + "]", array);
        List<Attributes> back;
        try (JsonReader r = new JsonReader(new ByteArrayInputStream(out.toByteArray()))) {
            back = r.readAll();
        }
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(singles.get(i), JsonWriter.toJson(back.get(i)));
        }
    }
}
