package org.opendicomweb.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the crash test's clients were promised, with when: every instance a STOW-RS request acknowledged, and
 * every DELETE sent, answered or cut off by the kill. From the order of sending and answering (one clock, this
 * JVM's) it derives what must be there after the crashes, what must be gone, and what may be either.
 *
 * <p>A DELETE answered before a store was sent cannot have removed it; one sent after the store was answered must
 * have (204, or 404 "nothing matched": both say nothing in its scope exists once it is answered); one whose
 * exchange overlaps the store's, or that the kill cut off, may or may not have.
 */
final class Ledger {
    /** A stored instance: where it is, the SHA-256 of the bytes sent, and when its request was sent and answered. */
    record Stored(String study, String series, String sop, String sha256, long sent, long answered) {}

    enum Level {
        STUDY,
        SERIES,
        INSTANCE
    }

    /**
     * A DELETE request. {@code status} is 0 when the kill cut it off; {@code answered} is then when the client saw
     * the connection fail, after which the killed server cannot have applied it.
     */
    record Deletion(Level level, String study, String series, String sop, long sent, long answered, int status) {
        static final int CUT_OFF = 0;

        boolean covers(Stored s) {
            return switch (level) {
                case STUDY -> study.equals(s.study());
                case SERIES -> study.equals(s.study()) && series.equals(s.series());
                case INSTANCE -> study.equals(s.study()) && series.equals(s.series()) && sop.equals(s.sop());
            };
        }

        /** Whether the answer promises that nothing in its scope exists: 204, or 404 (nothing matched). */
        boolean promised() {
            return status == 204 || status == 404;
        }

        boolean cutOff() {
            return status == CUT_OFF;
        }

        /** The path below the DICOMweb root. */
        String path() {
            return switch (level) {
                case STUDY -> "/studies/" + study;
                case SERIES -> "/studies/" + study + "/series/" + series;
                case INSTANCE -> "/studies/" + study + "/series/" + series + "/instances/" + sop;
            };
        }

        String describe() {
            return "DELETE " + path() + (cutOff() ? " (cut off by the kill)" : " (" + status + ")");
        }
    }

    /**
     * What must have become of a stored instance: {@code KEPT}, {@code DELETED}, or {@code EITHER} (a deletion raced
     * its store or was cut off). {@code cutOff} is the one deletion cut off by the kill that alone decides it, if
     * that is the case: all that deletion removed must then be all there or all gone.
     */
    record Fate(Kind kind, Deletion cutOff) {
        enum Kind {
            KEPT,
            DELETED,
            EITHER
        }
    }

    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final List<List<Stored>> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Deletion> deletions = new ConcurrentLinkedQueue<>();

    void acknowledged(List<Stored> request) {
        request.forEach(s -> stored.put(s.sop(), s));
        synchronized (requests) {
            requests.add(List.copyOf(request));
        }
    }

    /** A deletion once answered, or once the kill cut it off. */
    void record(Deletion deletion) {
        deletions.add(deletion);
    }

    /**
     * A deletion of something acknowledged earlier, by any client: a study now and then, more often a series (one
     * request's instances) or one instance. Null while nothing is acknowledged.
     */
    Deletion pick(Random random, long now) {
        List<Stored> request;
        synchronized (requests) {
            if (requests.isEmpty()) {
                return null;
            }
            request = requests.get(random.nextInt(requests.size()));
        }
        Stored s = request.get(random.nextInt(request.size()));
        int dice = random.nextInt(10);
        Level level = dice == 0 ? Level.STUDY : dice < 5 ? Level.SERIES : Level.INSTANCE;
        return new Deletion(level, s.study(), s.series(), s.sop(), now, Long.MAX_VALUE, Deletion.CUT_OFF);
    }

    static Deletion answered(Deletion d, long now, int status) {
        return new Deletion(d.level(), d.study(), d.series(), d.sop(), d.sent(), now, status);
    }

    Map<String, Stored> stored() {
        return stored;
    }

    List<Deletion> deletions() {
        return List.copyOf(deletions);
    }

    Fate fate(Stored s) {
        boolean deleted = false;
        boolean raced = false;
        List<Deletion> cutOff = new ArrayList<>();
        for (Deletion d : deletions) {
            if (!d.covers(s) || d.answered() < s.sent()) {
                continue;
            }
            if (d.sent() > s.answered() && d.promised()) {
                deleted = true;
            } else if (d.sent() > s.answered()) {
                cutOff.add(d);
            } else {
                raced = true;
            }
        }
        if (deleted) {
            return new Fate(Fate.Kind.DELETED, null);
        }
        if (raced || cutOff.size() > 1) {
            return new Fate(Fate.Kind.EITHER, null);
        }
        return cutOff.isEmpty() ? new Fate(Fate.Kind.KEPT, null) : new Fate(Fate.Kind.EITHER, cutOff.get(0));
    }
}
