import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic benchmark corpus: DICOM Part 10 files, Explicit VR Little Endian, written byte by byte
 * so the benchmark does not depend on the server's own codec (which is what is being measured).
 *
 * <pre>
 * java Generator.java --out DIR [--ct-slices 500] [--ct-size 512] [--mf-frames 100] [--mf-size 512]
 *                     [--studies 2000] [--seed 42]
 * </pre>
 *
 * Writes DIR/ct/ (one CT series), DIR/mf/ (one multi-frame instance), DIR/small/ (many small studies
 * with varied patient names, dates, modalities and accession numbers) and DIR/manifest.properties,
 * which names the UIDs and the query values the load client uses.
 *
 * <p>UIDs of the CT series and the multi-frame instance all start with {@code 2.25.10000}: the four
 * digits after {@code 2.25.1} are an "epoch" the client rewrites (same length, header only) to store
 * fresh copies of the same bytes. Small studies use {@code 2.25.2...} and are never rewritten.
 */
public class Generator {

    static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    static final String CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1";
    static final String DX_IMAGE = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1";
    static final String MF_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3";
    // A 2.25 (UUID-derived) root, so no organisation's registered root is borrowed.
    static final String IMPLEMENTATION_UID = "2.25.330612841186451153617206385384613470717";
    static final String EPOCH_PREFIX = "2.25.10000";

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = parseArgs(args);
        Path out = Path.of(required(opt, "out"));
        int ctSlices = Integer.parseInt(opt.getOrDefault("ct-slices", "500"));
        int ctSize = Integer.parseInt(opt.getOrDefault("ct-size", "512"));
        int mfFrames = Integer.parseInt(opt.getOrDefault("mf-frames", "100"));
        int mfSize = Integer.parseInt(opt.getOrDefault("mf-size", "512"));
        int studies = Integer.parseInt(opt.getOrDefault("studies", "2000"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));

        long t0 = System.nanoTime();
        Properties manifest = new Properties();
        Files.createDirectories(out.resolve("ct"));
        Files.createDirectories(out.resolve("mf"));
        Files.createDirectories(out.resolve("small"));
        writeCtSeries(out.resolve("ct"), ctSlices, ctSize, seed, manifest);
        writeMultiFrame(out.resolve("mf"), mfFrames, mfSize, seed, manifest);
        writeSmallStudies(out.resolve("small"), studies, seed, manifest);
        try (OutputStream os = Files.newOutputStream(out.resolve("manifest.properties"))) {
            manifest.store(os, "benchmark corpus");
        }
        System.out.printf(
                Locale.ROOT,
                "generated corpus in %s: %d CT slices %dx%d, %d frames %dx%d, %d small studies (%.1f s)%n",
                out,
                ctSlices,
                ctSize,
                ctSize,
                mfFrames,
                mfSize,
                mfSize,
                studies,
                (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- corpus parts

    static void writeCtSeries(Path dir, int slices, int size, long seed, Properties m) throws IOException {
        String study = epochUid(1, 0, seed);
        String series = epochUid(2, 0, seed);
        String frameOfRef = epochUid(3, 0, seed);
        m.setProperty("ct.study", study);
        m.setProperty("ct.series", series);
        m.setProperty("ct.count", Integer.toString(slices));
        Random rnd = new Random(seed);
        byte[] pixels = new byte[size * size * 2];
        for (int i = 1; i <= slices; i++) {
            String sop = epochUid(4, i, seed);
            m.setProperty("ct.sop." + i, sop);
            double z = -0.5 * slices + i;
            Dataset ds = new Dataset();
            ds.cs(0x00080008, "ORIGINAL\\PRIMARY\\AXIAL");
            ds.ui(0x00080016, CT_IMAGE);
            ds.ui(0x00080018, sop);
            ds.da(0x00080020, "20240312");
            ds.da(0x00080021, "20240312");
            ds.tm(0x00080030, "101500");
            ds.tm(0x00080031, "101700");
            ds.sh(0x00080050, "BENCHCT0001");
            ds.cs(0x00080060, "CT");
            ds.lo(0x00080070, "Synthetic");
            ds.pn(0x00080090, "");
            ds.lo(0x00081030, "CT CHEST ABDOMEN");
            ds.lo(0x0008103E, "AXIAL 1.0");
            ds.pn(0x00100010, "BENCH^CT SERIES");
            ds.lo(0x00100020, "BENCH-CT-1");
            ds.da(0x00100030, "19600101");
            ds.cs(0x00100040, "O");
            ds.ds(0x00180050, "1.0");
            ds.ds(0x00180060, "120");
            ds.ui(0x0020000D, study);
            ds.ui(0x0020000E, series);
            ds.sh(0x00200010, "1");
            ds.is(0x00200011, "1");
            ds.is(0x00200013, Integer.toString(i));
            ds.ds(0x00200032, "-250\\-250\\" + fmt(z));
            ds.ds(0x00200037, "1\\0\\0\\0\\1\\0");
            ds.ui(0x00200052, frameOfRef);
            ds.lo(0x00201040, "");
            ds.ds(0x00201041, fmt(z));
            imagePixelModule(ds, size, size, 12);
            ds.ds(0x00281050, "40");
            ds.ds(0x00281051, "400");
            ds.ds(0x00281052, "-1024");
            ds.ds(0x00281053, "1");
            fillPhantom(pixels, size, i, slices, rnd);
            ds.ow(0x7FE00010, pixels);
            write(dir.resolve(String.format(Locale.ROOT, "ct-%04d.dcm", i)), CT_IMAGE, sop, ds);
        }
    }

    static void writeMultiFrame(Path dir, int frames, int size, long seed, Properties m) throws IOException {
        String study = epochUid(11, 0, seed);
        String series = epochUid(12, 0, seed);
        String sop = epochUid(14, 1, seed);
        m.setProperty("mf.study", study);
        m.setProperty("mf.series", series);
        m.setProperty("mf.sop", sop);
        m.setProperty("mf.frames", Integer.toString(frames));
        Random rnd = new Random(seed + 1);
        byte[] pixels = new byte[size * size * 2 * frames];
        byte[] frame = new byte[size * size * 2];
        for (int f = 0; f < frames; f++) {
            fillPhantom(frame, size, f + 1, frames, rnd);
            System.arraycopy(frame, 0, pixels, f * frame.length, frame.length);
        }
        Dataset ds = new Dataset();
        ds.cs(0x00080008, "DERIVED\\SECONDARY");
        ds.ui(0x00080016, MF_WORD_SC);
        ds.ui(0x00080018, sop);
        ds.da(0x00080020, "20240313");
        ds.tm(0x00080030, "091000");
        ds.sh(0x00080050, "BENCHMF0001");
        ds.cs(0x00080060, "OT");
        ds.cs(0x00080064, "WSD");
        ds.pn(0x00080090, "");
        ds.lo(0x00081030, "MULTIFRAME BENCH");
        ds.pn(0x00100010, "BENCH^MULTIFRAME");
        ds.lo(0x00100020, "BENCH-MF-1");
        ds.da(0x00100030, "19700101");
        ds.cs(0x00100040, "O");
        ds.ui(0x0020000D, study);
        ds.ui(0x0020000E, series);
        ds.sh(0x00200010, "1");
        ds.is(0x00200011, "1");
        ds.is(0x00200013, "1");
        ds.is(0x00280008, Integer.toString(frames));
        ds.at(0x00280009, 0x00181063); // Frame Time is the frame increment pointer
        imagePixelModule(ds, size, size, 12);
        ds.ds(0x00181063, "40");
        ds.ow(0x7FE00010, pixels);
        write(dir.resolve("mf-0001.dcm"), MF_WORD_SC, sop, ds);
    }

    static final String[] FAMILY = {
        "ABCOTT",
        "ABCDEF",
        "SMITH",
        "MUELLER",
        "GARCIA",
        "NGUYEN",
        "ROSSI",
        "DUBOIS",
        "KOWALSKI",
        "SATO",
        "OKAFOR",
        "LARSEN",
        "SILVA",
        "PETROV",
        "HUANG",
        "ABCHER",
        "MARTIN",
        "JENSEN",
        "NOVAK",
        "COHEN"
    };
    static final String[] GIVEN = {
        "ANNA", "BEN", "CHLOE", "DAVID", "EMMA", "FELIX", "GRACE", "HUGO", "IRIS", "JONAS", "KIRA", "LEO", "MAYA",
        "NOAH", "OLGA", "PAUL"
    };
    static final String[][] MODALITIES = {
        {"CT", CT_IMAGE, "CT HEAD"},
        {"MR", MR_IMAGE, "MR KNEE"},
        {"CR", CR_IMAGE, "CR CHEST"},
        {"DX", DX_IMAGE, "DX HAND"},
        {"US", US_IMAGE, "US ABDOMEN"}
    };

    static void writeSmallStudies(Path dir, int studies, long seed, Properties m) throws IOException {
        Random rnd = new Random(seed + 2);
        int size = 64;
        byte[] pixels = new byte[size * size * 2];
        int instances = 0;
        int abc = 0;
        int in2020 = 0;
        int mr = 0;
        String accessionProbe = null;
        int patients = Math.max(1, studies / 3);
        for (int s = 1; s <= studies; s++) {
            int patient = rnd.nextInt(patients);
            Random pr = new Random(seed * 31 + patient);
            String family = FAMILY[pr.nextInt(FAMILY.length)];
            String name = family + "^" + GIVEN[pr.nextInt(GIVEN.length)];
            String patientId = String.format(Locale.ROOT, "P%06d", patient);
            String birth = String.format(
                    Locale.ROOT, "%04d%02d%02d", 1930 + pr.nextInt(80), 1 + pr.nextInt(12), 1 + pr.nextInt(28));
            int year = 2015 + rnd.nextInt(11);
            String date = String.format(Locale.ROOT, "%04d%02d%02d", year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            String[] mod = MODALITIES[rnd.nextInt(MODALITIES.length)];
            String accession = String.format(Locale.ROOT, "ACC%07d", 1000000 + s * 7);
            if (s == (studies + 1) / 2) {
                accessionProbe = accession;
            }
            if (name.startsWith("ABC")) {
                abc++;
            }
            if (year == 2020) {
                in2020++;
            }
            if (mod[0].equals("MR")) {
                mr++;
            }
            String study = smallUid(1, s, 0, 0, seed);
            int seriesCount = 1 + rnd.nextInt(2);
            for (int se = 1; se <= seriesCount; se++) {
                String series = smallUid(2, s, se, 0, seed);
                int instanceCount = 1 + rnd.nextInt(2);
                for (int in = 1; in <= instanceCount; in++) {
                    String sop = smallUid(3, s, se, in, seed);
                    Dataset ds = new Dataset();
                    ds.cs(0x00080008, "ORIGINAL\\PRIMARY");
                    ds.ui(0x00080016, mod[1]);
                    ds.ui(0x00080018, sop);
                    ds.da(0x00080020, date);
                    ds.tm(0x00080030, String.format(Locale.ROOT, "%02d%02d00", 7 + rnd.nextInt(12), rnd.nextInt(60)));
                    ds.sh(0x00080050, accession);
                    ds.cs(0x00080060, mod[0]);
                    ds.lo(0x00080070, "Synthetic");
                    ds.pn(0x00080090, "REFERRER^" + GIVEN[s % GIVEN.length]);
                    ds.lo(0x00081030, mod[2]);
                    ds.lo(0x0008103E, mod[0] + " SERIES " + se);
                    ds.pn(0x00100010, name);
                    ds.lo(0x00100020, patientId);
                    ds.da(0x00100030, birth);
                    ds.cs(0x00100040, pr.nextBoolean() ? "F" : "M");
                    ds.ui(0x0020000D, study);
                    ds.ui(0x0020000E, series);
                    ds.sh(0x00200010, Integer.toString(s));
                    ds.is(0x00200011, Integer.toString(se));
                    ds.is(0x00200013, Integer.toString(in));
                    imagePixelModule(ds, size, size, 12);
                    fillPhantom(pixels, size, in, 3, rnd);
                    ds.ow(0x7FE00010, pixels);
                    write(dir.resolve(String.format(Locale.ROOT, "s%05d-%d-%d.dcm", s, se, in)), mod[1], sop, ds);
                    instances++;
                }
            }
        }
        m.setProperty("small.studies", Integer.toString(studies));
        m.setProperty("small.instances", Integer.toString(instances));
        m.setProperty("query.accession", accessionProbe == null ? "ACC0000000" : accessionProbe);
        m.setProperty("expect.patientNameABC", Integer.toString(abc));
        m.setProperty("expect.studyDate2020", Integer.toString(in2020));
        m.setProperty("expect.modalityMR", Integer.toString(mr));
    }

    // ---------------------------------------------------------------- content helpers

    static void imagePixelModule(Dataset ds, int rows, int cols, int bitsStored) {
        ds.us(0x00280002, 1);
        ds.cs(0x00280004, "MONOCHROME2");
        ds.us(0x00280010, rows);
        ds.us(0x00280011, cols);
        ds.ds(0x00280030, "0.7\\0.7");
        ds.us(0x00280100, 16);
        ds.us(0x00280101, bitsStored);
        ds.us(0x00280102, bitsStored - 1);
        ds.us(0x00280103, 0);
    }

    /** A disc whose radius changes along the stack, plus noise: scrolling shows motion, bytes do not repeat. */
    static void fillPhantom(byte[] out, int size, int index, int count, Random rnd) {
        double c = size / 2.0;
        double r = size * (0.25 + 0.15 * Math.sin(Math.PI * index / Math.max(1, count)));
        double r2 = r * r;
        int p = 0;
        for (int y = 0; y < size; y++) {
            double dy = y - c;
            for (int x = 0; x < size; x++) {
                double dx = x - c;
                int v = (dx * dx + dy * dy < r2 ? 1064 : 24) + rnd.nextInt(32);
                out[p++] = (byte) v;
                out[p++] = (byte) (v >>> 8);
            }
        }
    }

    static String epochUid(int kind, int index, long seed) {
        // 2.25.1 + epoch(4 digits, 0000 here) + 20 digits; fixed length so the client can rewrite in place.
        return String.format(
                Locale.ROOT, "%s%02d%06d%012d", EPOCH_PREFIX, kind, index, Math.floorMod(seed, 1_000_000_000_000L));
    }

    static String smallUid(int kind, int study, int series, int instance, long seed) {
        return String.format(
                Locale.ROOT,
                "2.25.2%d%07d%02d%02d%012d",
                kind,
                study,
                series,
                instance,
                Math.floorMod(seed, 1_000_000_000_000L));
    }

    static String fmt(double d) {
        String s = String.format(Locale.ROOT, "%.1f", d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    // ---------------------------------------------------------------- Part 10 writer

    /** Data elements kept sorted by tag, as PS3.5 §7.1 requires of a dataset. */
    static final class Dataset {
        final TreeMap<Long, byte[]> elements = new TreeMap<>();

        void put(int tag, String vr, byte[] value) {
            elements.put(Integer.toUnsignedLong(tag), encode(tag, vr, value));
        }

        void text(int tag, String vr, String v, byte pad) {
            byte[] b = v.getBytes(StandardCharsets.US_ASCII);
            if ((b.length & 1) == 1) {
                byte[] padded = new byte[b.length + 1];
                System.arraycopy(b, 0, padded, 0, b.length);
                padded[b.length] = pad;
                b = padded;
            }
            put(tag, vr, b);
        }

        void ui(int tag, String v) {
            text(tag, "UI", v, (byte) 0);
        }

        void cs(int tag, String v) {
            text(tag, "CS", v, (byte) ' ');
        }

        void sh(int tag, String v) {
            text(tag, "SH", v, (byte) ' ');
        }

        void lo(int tag, String v) {
            text(tag, "LO", v, (byte) ' ');
        }

        void pn(int tag, String v) {
            text(tag, "PN", v, (byte) ' ');
        }

        void da(int tag, String v) {
            text(tag, "DA", v, (byte) ' ');
        }

        void tm(int tag, String v) {
            text(tag, "TM", v, (byte) ' ');
        }

        void ds(int tag, String v) {
            text(tag, "DS", v, (byte) ' ');
        }

        void is(int tag, String v) {
            text(tag, "IS", v, (byte) ' ');
        }

        void us(int tag, int v) {
            put(tag, "US", new byte[] {(byte) v, (byte) (v >>> 8)});
        }

        void at(int tag, int pointer) {
            put(tag, "AT", new byte[] {
                (byte) (pointer >>> 16), (byte) (pointer >>> 24), (byte) pointer, (byte) (pointer >>> 8)
            });
        }

        void ow(int tag, byte[] v) {
            put(tag, "OW", v);
        }

        int length() {
            int n = 0;
            for (byte[] e : elements.values()) {
                n += e.length;
            }
            return n;
        }

        void writeTo(OutputStream os) throws IOException {
            for (byte[] e : elements.values()) {
                os.write(e);
            }
        }
    }

    /** Explicit VR little endian element: PS3.5 §7.1.2, long form for OB/OW/SQ/UN/UT and friends. */
    static byte[] encode(int tag, String vr, byte[] value) {
        boolean longForm = switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
        if (!longForm && value.length > 0xFFFF) {
            throw new IllegalArgumentException("value too long for " + vr);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(value.length + 12);
        b.write(tag >>> 16);
        b.write(tag >>> 24);
        b.write(tag);
        b.write(tag >>> 8);
        b.write(vr.charAt(0));
        b.write(vr.charAt(1));
        if (longForm) {
            b.write(0);
            b.write(0);
            writeInt(b, value.length);
        } else {
            b.write(value.length);
            b.write(value.length >>> 8);
        }
        b.writeBytes(value);
        return b.toByteArray();
    }

    static void writeInt(OutputStream o, int v) {
        try {
            o.write(v);
            o.write(v >>> 8);
            o.write(v >>> 16);
            o.write(v >>> 24);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String sopClass, String sopInstance, Dataset ds) throws IOException {
        Dataset meta = new Dataset();
        meta.put(0x00020001, "OB", new byte[] {0, 1});
        meta.ui(0x00020002, sopClass);
        meta.ui(0x00020003, sopInstance);
        meta.ui(0x00020010, EXPLICIT_VR_LE);
        meta.ui(0x00020012, IMPLEMENTATION_UID);
        meta.sh(0x00020013, "ODW_BENCH_1");
        int groupLength = meta.length();
        ByteArrayOutputStream gl = new ByteArrayOutputStream(4);
        writeInt(gl, groupLength);
        meta.put(0x00020000, "UL", gl.toByteArray());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            os.write(new byte[128]);
            os.write("DICM".getBytes(StandardCharsets.US_ASCII));
            meta.writeTo(os);
            ds.writeTo(os);
        }
    }

    // ---------------------------------------------------------------- arguments

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new TreeMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("expected --name value, got " + a);
            }
            m.put(a.substring(2), rest.get(++i));
        }
        return m;
    }

    static String required(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + k);
        }
        return v;
    }
}
