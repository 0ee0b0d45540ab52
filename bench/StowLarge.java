import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * One STOW-RS request of several large multi-frame instances, generated while it is sent (nothing of it exists
 * on disk or in memory whole) with chunked transfer encoding, to show that the server's memory stays flat.
 *
 * <pre>
 * java bench/StowLarge.java --url http://127.0.0.1:18095/dicom-web --form dicom|json|deflated --instances 8 --instance-mb 500
 * </pre>
 *
 * {@code dicom}: one application/dicom part per instance (Multi-frame Grayscale Word Secondary Capture, 1024x1024
 * frames of 16 bits). {@code deflated}: the same in Deflated Explicit VR Little Endian, so that what the server
 * parses is many times what it receives. {@code json}: the metadata-and-bulk-data form, one DICOM JSON part then one
 * application/octet-stream part per instance's pixel data. Prints one line: {@code bytes seconds MB/s stored
 * failed} and exits 2 unless every instance was stored. JDK only.
 */
public class StowLarge {
    private static final int ROWS = 1024;
    private static final int COLUMNS = 1024;
    private static final int FRAME_BYTES = ROWS * COLUMNS * 2;
    private static final String BOUNDARY = "stow-large-" + UUID.randomUUID();
    private static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7.3";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    private static final String ROOT = "2.25." + new java.math.BigInteger(1, uuidBytes()).toString();

    public static void main(String[] args) throws Exception {
        String url = null;
        String form = "dicom";
        int instances = 8;
        int instanceMb = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--form" -> form = args[++i];
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--instance-mb" -> instanceMb = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (url == null || !(form.equals("dicom") || form.equals("json") || form.equals("deflated"))) {
            System.err.println(
                    "usage: java StowLarge.java --url BASE --form dicom|json|deflated [--instances N] [--instance-mb MB]");
            System.exit(64);
        }
        int frames = Math.max(1, (int) ((long) instanceMb * 1024 * 1024 / FRAME_BYTES));
        String study = ROOT + ".1";
        String series = study + ".1";
        List<Instance> list = new ArrayList<>();
        for (int n = 1; n <= instances; n++) {
            list.add(new Instance(study, series, series + "." + n, n, frames));
        }
        String type = form.equals("json") ? "application/dicom+json" : "application/dicom";
        URI base = URI.create(url);
        long start = System.nanoTime();
        long[] sent = new long[1];
        String response;
        int status;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSendBufferSize(1 << 20);
            OutputStream raw = socket.getOutputStream();
            String head =
                    "POST " + base.getPath() + "/studies HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nContent-Type: multipart/related; type=\"" + type + "\"; boundary=" + BOUNDARY
                            + "\r\nAccept: application/dicom+json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            raw.write(head.getBytes(StandardCharsets.US_ASCII));
            try (Chunked body = new Chunked(raw)) {
                if (form.equals("dicom")) {
                    for (Instance in : list) {
                        body.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        body.write(in.part10Header());
                        in.writePixels(body);
                        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } else if (form.equals("deflated")) {
                    // Deflated Explicit VR Little Endian (PS3.5 §A.5): the dataset, pixel data included, deflated
                    // while it is sent; the pattern of writePixels compresses several hundredfold.
                    for (Instance in : list) {
                        body.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        body.write(in.fileMeta(DEFLATED_LE));
                        DeflaterOutputStream deflated = new DeflaterOutputStream(
                                new FilterOutputStream(body) {
                                    @Override
                                    public void write(byte[] b, int off, int len) throws IOException {
                                        out.write(b, off, len);
                                    }

                                    @Override
                                    public void close() {
                                        // the multipart body goes on after this part
                                    }
                                },
                                new Deflater(Deflater.DEFAULT_COMPRESSION, true),
                                64 * 1024);
                        deflated.write(in.datasetHeader());
                        in.writePixels(deflated);
                        deflated.finish();
                        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } else {
                    StringBuilder json = new StringBuilder("[");
                    for (Instance in : list) {
                        json.append(json.length() > 1 ? "," : "").append(in.json("bulk/" + in.number));
                    }
                    json.append(']');
                    body.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom+json\r\n\r\n" + json + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    for (Instance in : list) {
                        body.write(("--" + BOUNDARY
                                        + "\r\nContent-Type: application/octet-stream\r\nContent-Location: bulk/"
                                        + in.number + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        in.writePixels(body);
                        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
                sent[0] = body.count;
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            status = Integer.parseInt(statusLine.split(" ")[1]);
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // ReferencedSOPInstanceUID is in the items of both sequences; FailureReason only in the failed ones.
        int failed = count(response, "\"00081197\"");
        int stored = count(response, "\"00081155\"") - failed;
        System.out.printf(
                Locale.ROOT, "%d %.2f %.1f %d %d%n", sent[0], seconds, sent[0] / seconds / 1e6, stored, failed);
        if (status != 200 || failed > 0 || stored != instances) {
            System.err.println(
                    "StowLarge: HTTP " + status + ": " + response.substring(0, Math.min(2000, response.length())));
            System.exit(2);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII).strip();
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits())
                .array();
    }

    /** HTTP/1.1 chunked transfer coding in chunks of 256 KiB. */
    static final class Chunked extends OutputStream {
        private final OutputStream out;
        private final byte[] buf = new byte[256 * 1024];
        private int n;
        long count;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            while (len > 0) {
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
                if (n == buf.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (n > 0) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buf, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                n = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** One multi-frame instance; its pixels follow a pattern that differs per instance and per frame. */
    record Instance(String study, String series, String sop, int number, int frames) {

        long pixelBytes() {
            return (long) frames * FRAME_BYTES;
        }

        void writePixels(OutputStream out) throws IOException {
            byte[] frame = new byte[FRAME_BYTES];
            for (int f = 0; f < frames; f++) {
                ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                short v = (short) (number * 977 + f * 31);
                for (int i = 0; i < FRAME_BYTES / 2; i += 1024) {
                    b.putShort(i * 2, (short) (v + i));
                }
                out.write(frame);
            }
        }

        String json(String bulkUri) {
            return "{" + ui("00080016", SOP_CLASS) + "," + ui("00080018", sop) + "," + cs("00080060", "OT")
                    + ",\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Large^Upload\"}]}"
                    + ",\"00100020\":{\"vr\":\"LO\",\"Value\":[\"LARGE-1\"]}" + "," + ui("0020000D", study) + ","
                    + ui("0020000E", series) + ",\"00200013\":{\"vr\":\"IS\",\"Value\":[" + number + "]}"
                    + ",\"00280002\":{\"vr\":\"US\",\"Value\":[1]}," + cs("00280004", "MONOCHROME2")
                    + ",\"00280008\":{\"vr\":\"IS\",\"Value\":[" + frames + "]}"
                    + ",\"00280010\":{\"vr\":\"US\",\"Value\":[" + ROWS + "]},\"00280011\":{\"vr\":\"US\",\"Value\":["
                    + COLUMNS
                    + "]},\"00280100\":{\"vr\":\"US\",\"Value\":[16]},\"00280101\":{\"vr\":\"US\",\"Value\":[16]}"
                    + ",\"00280102\":{\"vr\":\"US\",\"Value\":[15]},\"00280103\":{\"vr\":\"US\",\"Value\":[0]}"
                    + ",\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"" + bulkUri + "\"}}";
        }

        private static String ui(String tag, String uid) {
            return "\"" + tag + "\":{\"vr\":\"UI\",\"Value\":[\"" + uid + "\"]}";
        }

        private static String cs(String tag, String value) {
            return "\"" + tag + "\":{\"vr\":\"CS\",\"Value\":[\"" + value + "\"]}";
        }

        /** Preamble, File Meta Information and the dataset up to the Pixel Data header, explicit VR little endian. */
        byte[] part10Header() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(fileMeta(EXPLICIT_LE));
            out.writeBytes(datasetHeader());
            return out.toByteArray();
        }

        /** Preamble and File Meta Information, naming the dataset's transfer syntax. */
        byte[] fileMeta(String transferSyntax) {
            Writer meta = new Writer();
            meta.element(0x00020001, "OB", new byte[] {0, 1});
            meta.text(0x00020002, "UI", SOP_CLASS);
            meta.text(0x00020003, "UI", sop);
            meta.text(0x00020010, "UI", transferSyntax);
            meta.text(0x00020012, "UI", "2.25.1");
            Writer out = new Writer();
            out.bytes.writeBytes(new byte[128]);
            out.bytes.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
            out.element(0x00020000, "UL", le(meta.bytes.size(), 4));
            out.bytes.writeBytes(meta.bytes.toByteArray());
            return out.bytes.toByteArray();
        }

        /** The dataset up to the Pixel Data header, explicit VR little endian. */
        byte[] datasetHeader() {
            Writer out = new Writer();
            out.text(0x00080016, "UI", SOP_CLASS);
            out.text(0x00080018, "UI", sop);
            out.text(0x00080060, "CS", "OT");
            out.text(0x00100010, "PN", "Large^Upload");
            out.text(0x00100020, "LO", "LARGE-1");
            out.text(0x0020000D, "UI", study);
            out.text(0x0020000E, "UI", series);
            out.text(0x00200013, "IS", Integer.toString(number));
            out.element(0x00280002, "US", le(1, 2));
            out.text(0x00280004, "CS", "MONOCHROME2");
            out.text(0x00280008, "IS", Integer.toString(frames));
            out.element(0x00280010, "US", le(ROWS, 2));
            out.element(0x00280011, "US", le(COLUMNS, 2));
            out.element(0x00280100, "US", le(16, 2));
            out.element(0x00280101, "US", le(16, 2));
            out.element(0x00280102, "US", le(15, 2));
            out.element(0x00280103, "US", le(0, 2));
            out.header(0x7FE00010, "OW", pixelBytes());
            return out.bytes.toByteArray();
        }
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** Explicit VR little endian elements. */
    static final class Writer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void text(int tag, String vr, String value) {
            byte[] v = value.getBytes(StandardCharsets.US_ASCII);
            if (v.length % 2 != 0) {
                byte[] padded = new byte[v.length + 1];
                System.arraycopy(v, 0, padded, 0, v.length);
                padded[v.length] = (byte) (vr.equals("UI") ? 0 : ' ');
                v = padded;
            }
            element(tag, vr, v);
        }

        void element(int tag, String vr, byte[] value) {
            header(tag, vr, value.length);
            bytes.writeBytes(value);
        }

        void header(int tag, String vr, long length) {
            bytes.writeBytes(le(tag >>> 16, 2));
            bytes.writeBytes(le(tag & 0xFFFF, 2));
            bytes.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.equals("OB") || vr.equals("OW")) {
                bytes.writeBytes(new byte[2]);
                bytes.writeBytes(le(length, 4));
            } else {
                bytes.writeBytes(le(length, 2));
            }
        }
    }
}
