package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.StowBody;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;

/** Storing through STOW-RS and reading multipart/related answers, for the WADO-RS tests. */
final class WadoFixtures {
    static final String ROOT = "/dicom-web";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String BOUNDARY = "wado-test-boundary";

    private WadoFixtures() {}

    /** Stores the files in one STOW request; fails the test unless all were stored. */
    static void store(byte[]... files) {
        store(200, files);
    }

    /** Stores the files in one STOW request; fails the test unless it answers {@code status}. */
    static void store(int status, byte[]... files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, List.of(files)))
                .when()
                .post(ROOT + "/studies")
                .then()
                .statusCode(status);
    }

    /** One part of a multipart answer. */
    record Part(Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.get("content-type");
        }

        String transferSyntax() {
            return MediaType.parse(contentType()).parameter("transfer-syntax");
        }
    }

    /** The parts of a multipart/related response, checking that its boundary is the one announced. */
    static List<Part> parts(Response response) throws IOException {
        MediaType type = MediaType.parse(response.getContentType());
        assertEquals("multipart/related", type.essence(), "response type");
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(response.asByteArray()), type.parameter("boundary"));
        List<Part> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(new Part(new LinkedHashMap<>(p.headers()), p.body().readAllBytes()));
        }
        return parts;
    }

    /** The WADO-RS URL of the instance a file holds. */
    static String url(Path file) throws IOException {
        Attributes ds = header(file);
        return ROOT + "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
    }

    /** The dataset of a file up to its pixel data. */
    static Attributes header(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            in.readFileMetaInformation();
            return in.readDataset(Tag.PixelData);
        }
    }

    static Attributes fileMeta(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            return in.readFileMetaInformation();
        }
    }

    /**
     * A copy of a file (one of pydicom's) in {@code dir} under new study, series and instance UIDs: several of
     * pydicom's files are the same instance in different syntaxes, which STOW rightly refuses as conflicting.
     */
    static Path reidentified(Path source, Path dir) throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES, Tool.DCMTK);
        Attributes fmi;
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(source))) {
            fmi = in.readFileMetaInformation();
            ds = in.readDataset();
        }
        ds.setString(Tag.StudyInstanceUID, VR.UI, Uids.generate());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, Uids.generate());
        ds.setString(Tag.SOPInstanceUID, VR.UI, Uids.generate());
        return write(
                ds, fmi.getString(Tag.TransferSyntaxUID).trim(), source, dir.resolve("copy-" + source.getFileName()));
    }

    /** Writes {@code ds} as a Part 10 file in syntax {@code ts}, its bulk values read from {@code source}. */
    static Path write(Attributes ds, String ts, Path source, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomOutputStream dout = new DicomOutputStream(out);
            dout.setBulkDataSource(DicomFiles.bulkDataOf(source));
            dout.writeFileMetaInformation(DicomOutputStream.createFileMetaInformation(
                    ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID), ts));
            dout.writeDataset(ds, TransferSyntax.of(ts));
            dout.flush();
        }
        return file;
    }

    /**
     * Retrieves one instance with {@code accept}, checks that it is one part in {@code syntax} that dcmdump reads
     * without complaint, and writes it to {@code file}.
     */
    static Path receivedInstance(String url, String accept, String syntax, Path file) throws IOException {
        Response r = given().accept(accept).when().get(url);
        r.then().statusCode(200);
        List<Part> parts = parts(r);
        assertEquals(1, parts.size());
        assertEquals(
                "application/dicom; transfer-syntax=" + syntax, parts.get(0).contentType());
        Files.write(file, parts.get(0).body());
        Dcmtk.Result dump = Dcmtk.dcmdump(file);
        assertTrue(dump.ok(), "dcmdump refuses the file sent as " + syntax + ": " + dump.problems());
        assertEquals(syntax, fileMeta(file).getString(Tag.TransferSyntaxUID).trim());
        return file;
    }

    /** The native little endian pixel bytes of one frame of a DicomFiles image. */
    static byte[] expectedFrame(int frame, int rows, int columns, int bitsAllocated) {
        int bitsStored = bitsAllocated == 8 ? 8 : 12;
        ByteBuffer b = ByteBuffer.allocate(rows * columns * bitsAllocated / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int v = DicomFiles.expectedPixel(frame, r, c, bitsStored);
                if (bitsAllocated == 8) {
                    b.put((byte) v);
                } else {
                    b.putShort((short) v);
                }
            }
        }
        return b.array();
    }
}
