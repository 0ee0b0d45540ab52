package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.DicomFiles;

/**
 * Five small studies stored once through STOW-RS, with patient IDs unique to this run ({@link #patientIds()}
 * matches them all and nothing else), so that expected answers can be computed from the datasets themselves.
 *
 * <pre>
 * s1  Doe^John              20240110 093000  CT series #1 (2 instances, one SOPInstanceStatus OR), MR series #2
 * s2  Müller^Jörg           20240111 180000  MR
 * s3  Doe^Peter             no study date    US, no accession number
 * s4  DOE^JANE              20240201 070000  CT, SeriesNumber "001", InstanceNumber "007"
 * s5  Yamada^Tarou=山田^太郎  20231231 235900  CT
 * </pre>
 */
final class QidoFixture {
    private static final String BOUNDARY = "qido-fixture-boundary";

    final String run = runId();
    final DicomFiles.Builder s1ct1;
    final DicomFiles.Builder s1ct2;
    final DicomFiles.Builder s1mr;
    final DicomFiles.Builder s2;
    final DicomFiles.Builder s3;
    final DicomFiles.Builder s4;
    final DicomFiles.Builder s5;
    private final List<DicomFiles.Builder> all = new ArrayList<>();

    private QidoFixture() {
        s1ct1 = DicomFiles.ctImage()
                .patient("Doe^John", id(1))
                .sex("M")
                .study(Uids.generate(), LocalDate.of(2024, 1, 10))
                .studyTime(LocalTime.of(9, 30))
                .accessionNumber("A" + run + "1")
                .studyDescription("Chest CT")
                .referringPhysician("Smith^Anna")
                .modality("CT")
                .series(Uids.generate(), 1)
                .seriesDescription("Axial")
                .instance(Uids.generate(), 1);
        s1ct2 = sameSeries(s1ct1).instance(Uids.generate(), 2).with(Tag.SOPInstanceStatus, VR.CS, "OR");
        s1mr = sameStudy(s1ct1)
                .modality("MR")
                .series(Uids.generate(), 2)
                .seriesDescription("Scout")
                .instance(Uids.generate(), 1);
        s2 = DicomFiles.ctImage()
                .patient("Müller^Jörg", id(2))
                .sex("M")
                .studyDate(LocalDate.of(2024, 1, 11))
                .studyTime(LocalTime.of(18, 0))
                .accessionNumber("A" + run + "2")
                .modality("MR");
        s3 = DicomFiles.ctImage()
                .patient("Doe^Peter", id(3))
                .sex("O")
                .with(Tag.StudyDate, VR.DA, "")
                .accessionNumber("")
                .modality("US");
        s4 = DicomFiles.ctImage()
                .patient("DOE^JANE", id(4))
                .sex("F")
                .studyDate(LocalDate.of(2024, 2, 1))
                .studyTime(LocalTime.of(7, 0))
                .accessionNumber("A" + run + "4")
                .modality("CT")
                .with(Tag.SeriesNumber, VR.IS, "001")
                .with(Tag.InstanceNumber, VR.IS, "007");
        s5 = DicomFiles.ctImage()
                .patient("Yamada^Tarou=山田^太郎", id(5))
                .sex("M")
                .studyDate(LocalDate.of(2023, 12, 31))
                .studyTime(LocalTime.of(23, 59))
                .accessionNumber("A" + run + "5")
                .modality("CT");
        all.addAll(List.of(s1ct1, s1ct2, s1mr, s2, s3, s4, s5));
    }

    static QidoFixture store() {
        QidoFixture f = new QidoFixture();
        storeAll(f.all);
        return f;
    }

    /** Stores instances through STOW-RS, one request each; each must succeed. */
    static void storeAll(List<DicomFiles.Builder> instances) {
        for (DicomFiles.Builder b : instances) {
            given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                    .accept("application/dicom+json")
                    .body(multipart(b.toBytes()))
                    .when()
                    .post("/dicom-web/studies")
                    .then()
                    .statusCode(200);
        }
    }

    /** Eight random hex digits: identifiers unique to one test run. */
    static String runId() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes());
    }

    String id(int n) {
        return "Q" + run + "-" + n;
    }

    /** A PatientID wildcard matching this fixture's patients only. */
    String patientIds() {
        return "Q" + run + "-*";
    }

    List<Attributes> instances() {
        return all.stream().map(DicomFiles.Builder::dataset).toList();
    }

    /** Study Instance UIDs of the stored studies one of whose instances satisfies {@code p}. */
    Set<String> studies(Predicate<Attributes> p) {
        Set<String> uids = new LinkedHashSet<>();
        for (Attributes ds : instances()) {
            if (p.test(ds)) {
                uids.add(ds.getString(Tag.StudyInstanceUID));
            }
        }
        return uids;
    }

    Set<String> series(Predicate<Attributes> p) {
        Set<String> uids = new LinkedHashSet<>();
        for (Attributes ds : instances()) {
            if (p.test(ds)) {
                uids.add(ds.getString(Tag.SeriesInstanceUID));
            }
        }
        return uids;
    }

    Set<String> sops(Predicate<Attributes> p) {
        Set<String> uids = new LinkedHashSet<>();
        for (Attributes ds : instances()) {
            if (p.test(ds)) {
                uids.add(ds.getString(Tag.SOPInstanceUID));
            }
        }
        return uids;
    }

    private static DicomFiles.Builder sameStudy(DicomFiles.Builder b) {
        Attributes ds = b.dataset();
        return DicomFiles.ctImage()
                .patient(ds.getString(Tag.PatientName), ds.getString(Tag.PatientID))
                .sex(ds.getString(Tag.PatientSex))
                .studyUid(b.studyInstanceUid())
                .studyDate(LocalDate.of(2024, 1, 10))
                .studyTime(LocalTime.of(9, 30))
                .accessionNumber(ds.getString(Tag.AccessionNumber))
                .studyDescription("Chest CT")
                .referringPhysician("Smith^Anna");
    }

    private static DicomFiles.Builder sameSeries(DicomFiles.Builder b) {
        return sameStudy(b).modality("CT").series(b.seriesInstanceUid(), 1).seriesDescription("Axial");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static byte[] multipart(byte[] part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(part);
        out.writeBytes(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
