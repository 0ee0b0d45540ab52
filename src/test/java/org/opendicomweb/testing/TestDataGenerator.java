package org.opendicomweb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * Writes the files of {@code test-data/generated/} with our own writer. Everything in them is fixed, UIDs
 * included, so running it again gives the same bytes ({@code TestDataGeneratorTest} checks that the committed
 * files are what this makes). Run from the repository root after {@code mvn test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes org.opendicomweb.testing.TestDataGenerator [folder]</pre>
 */
public final class TestDataGenerator {
    private TestDataGenerator() {}

    public static final Path DEFAULT_FOLDER = Path.of("test-data", "generated");

    /** One study of two series: a CT series in each native syntax and a multi-frame series. */
    private static final String STUDY = "2.25.202611230000000000000000000000000001";

    private static final String CT_SERIES = STUDY + ".1";
    private static final String MF_SERIES = STUDY + ".2";

    /** The files by name, as builders. */
    public static Map<String, DicomFiles.Builder> files() {
        Map<String, DicomFiles.Builder> files = new LinkedHashMap<>();
        files.put("ct-explicit-le.dcm", ct(1).explicitLittleEndian());
        files.put("ct-implicit-le.dcm", ct(2).implicitLittleEndian());
        files.put("ct-explicit-be.dcm", ct(3).explicitBigEndian());
        files.put(
                "ct-deflated-utf8.dcm",
                ct(4).deflated().patientName("Müller^Zoë").referringPhysician("Ødegård^Åse"));
        files.put(
                "mf-3frames-explicit-le.dcm",
                DicomFiles.multiFrame(3)
                        .patient("Test^Patient", "TEST-0001")
                        .study(STUDY, LocalDate.of(2026, 11, 23))
                        .series(MF_SERIES, 2)
                        .instance(MF_SERIES + ".1", 1)
                        .size(8, 8));
        files.put(
                "mf-2frames-encapsulated.dcm",
                DicomFiles.multiFrame(2)
                        .patient("Test^Patient", "TEST-0001")
                        .study(STUDY, LocalDate.of(2026, 11, 23))
                        .series(MF_SERIES, 2)
                        .instance(MF_SERIES + ".2", 2)
                        .bitsAllocated(8)
                        .size(8, 8)
                        .encapsulatedUncompressed());
        return files;
    }

    private static DicomFiles.Builder ct(int instance) {
        return DicomFiles.ctImage()
                .patient("Test^Patient", "TEST-0001")
                .study(STUDY, LocalDate.of(2026, 11, 23))
                .series(CT_SERIES, 1)
                .instance(CT_SERIES + "." + instance, instance)
                .size(16, 16)
                .with(Tag.BodyPartExamined, VR.CS, "CHEST")
                .withSequence(Tag.ReferencedImageSequence, item -> {
                    item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
                    item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, CT_SERIES + "." + (instance % 4 + 1));
                });
    }

    public static void generate(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, DicomFiles.Builder> e : files().entrySet()) {
            e.getValue().writeTo(folder.resolve(e.getKey()));
        }
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : DEFAULT_FOLDER;
        generate(folder);
        System.out.println("wrote " + files().size() + " files to " + folder);
    }
}
