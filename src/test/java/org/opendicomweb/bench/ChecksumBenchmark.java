package org.opendicomweb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * Single-threaded CPU cost of the checksum over one 0.5 MB instance, updated in 64 KiB pieces as STOW writes them:
 * CRC-32C (what is computed now) beside SHA-256 (what was). Each case warms up, then counts passes over a fixed time
 * (bounded also in count); the result is the thread's CPU time per instance (so that other processes on the machine
 * change it little) and the GB/s that makes on one core.
 *
 * <pre>java -cp target/test-classes org.opendicomweb.bench.ChecksumBenchmark [seconds]</pre>
 */
public final class ChecksumBenchmark {
    private static final int SIZE = 512 * 1024;
    private static final int PIECE = 64 * 1024;
    private static final long MAX_PASSES = 2_000_000;
    private static volatile long sink;

    private ChecksumBenchmark() {}

    @FunctionalInterface
    private interface Pass {
        long over(byte[] bytes);
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] bytes = new byte[SIZE];
        new Random(1).nextBytes(bytes);
        time("CRC-32C", bytes, seconds, ChecksumBenchmark::crc32c);
        time("SHA-256", bytes, seconds, ChecksumBenchmark::sha256);
    }

    private static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        for (int i = 0; i < bytes.length; i += PIECE) {
            crc.update(bytes, i, Math.min(PIECE, bytes.length - i));
        }
        return crc.getValue();
    }

    private static long sha256(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < bytes.length; i += PIECE) {
                sha.update(bytes, i, Math.min(PIECE, bytes.length - i));
            }
            return sha.digest()[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(String name, byte[] bytes, double seconds, Pass pass) {
        long warmUntil = System.nanoTime() + (long) (seconds / 3 * 1e9);
        for (long n = 0; n < MAX_PASSES && System.nanoTime() < warmUntil; n++) {
            sink += pass.over(bytes);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long passes = 0;
        while (passes < MAX_PASSES && System.nanoTime() < until) {
            sink += pass.over(bytes);
            passes++;
        }
        double elapsed = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-8s %8.1f us CPU per %d-byte instance  %6.2f GB/s  (%d passes)%n",
                name,
                elapsed / passes * 1e6,
                SIZE,
                (double) passes * SIZE / elapsed / 1e9,
                passes);
    }
}
