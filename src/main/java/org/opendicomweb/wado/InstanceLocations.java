package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;

/**
 * Which stored file each instance is, for the requests a viewer makes of one instance after another (instance,
 * frames, bulk data, rendered): the first such request of a series reads the locations of the whole series from
 * the index in one query, and the requests for its other instances need no query at all.
 *
 * <p>Why it can be trusted without asking the index again: a stored file is never rewritten. Replacing an
 * instance stores a file under a new key and deletes the old one once the index points at the new one, so a
 * location is used only while its file is still there ({@link #cached} leaves the check to the caller that opens
 * the file, {@link #files} checks). Entries also expire after {@link #KEPT}, which bounds what a node can serve
 * of a replaced instance whose old file could not be deleted, and each node keeps its own. What it cannot see:
 * index rows removed by hand while their files stay (an older copy of the database restored) are served until
 * the entries expire or the node restarts.
 */
@ApplicationScoped
public class InstanceLocations {
    /** How long a location is used without the index being read again. */
    static final long KEPT = 10 * 60 * 1_000_000_000L;
    /** The most rows one read-ahead of a series takes; the instances past it are looked up one by one. */
    static final int READ_AHEAD = 10_000;

    private final RetrieveIndex index;
    private final Predicate<String> stored;
    private final Lru<String, Entry> byInstance;
    /** Series read ahead recently, by study and series UID: a miss in one is an instance stored since, looked up alone. */
    private final Lru<String, Long> readAhead;

    private record Entry(StoredFile file, long readAt) {}

    @Inject
    InstanceLocations(RetrieveIndex index, BlobStore blobs, DicomwebConfig config) {
        this(index, blobs::exists, config.wado().locationCacheSize());
    }

    InstanceLocations(RetrieveIndex index, Predicate<String> stored, int capacity) {
        this.index = index;
        this.stored = stored;
        this.byInstance = new Lru<>(capacity);
        this.readAhead = new Lru<>(Math.max(1, capacity / 100));
    }

    /**
     * The files of the target, in order; empty when it does not exist. An instance comes from here when it was
     * read before (and its file is still there), else with its series; a series or study is read from the index,
     * and its instances are kept.
     */
    public List<StoredFile> files(RetrieveTarget t) {
        if (byInstance.capacity == 0) {
            return index.files(t);
        }
        if (t.level() != RetrieveTarget.Level.INSTANCE) {
            List<StoredFile> files = index.files(t);
            keep(files, t.level() == RetrieveTarget.Level.SERIES ? t.study() + "/" + t.series() : null);
            return files;
        }
        StoredFile known = cached(t);
        if (known != null && stored.test(known.blobKey())) {
            return List.of(known);
        }
        forget(t.instance());
        String series = t.study() + "/" + t.series();
        Long seriesRead = readAhead.get(series);
        if (seriesRead == null || System.nanoTime() - seriesRead > KEPT) {
            List<StoredFile> files = index.files(new RetrieveTarget(t.study(), t.series(), null), READ_AHEAD);
            keep(files, series);
            for (StoredFile f : files) {
                if (f.instance().equals(t.instance())) {
                    return List.of(f);
                }
            }
            if (files.size() < READ_AHEAD) {
                return List.of(); // the whole series was read, and the instance is not in it
            }
        }
        List<StoredFile> one = index.files(t);
        keep(one, null);
        return one;
    }

    /**
     * The file of an instance target as last read, without any I/O, or {@code null}: for the event loop, which
     * then opens it and falls back to {@link #files} (after {@link #forget}) when it is gone.
     */
    public StoredFile cached(RetrieveTarget t) {
        if (t.instance() == null) {
            return null;
        }
        Entry e = byInstance.get(t.instance());
        if (e == null
                || System.nanoTime() - e.readAt > KEPT
                || !e.file.series().equals(t.series())
                || !e.file.study().equals(t.study())) {
            return null;
        }
        return e.file;
    }

    /** Drops what is known of an instance whose file was found gone. */
    public void forget(String sopInstanceUid) {
        byInstance.remove(sopInstanceUid);
    }

    /**
     * Drops what is known of a deleted study, series (non-null {@code seriesUid}) or instance (non-null
     * {@code sopInstanceUid}): its locations, and the mark that its series was read ahead, so that an instance stored
     * again under the same UIDs is looked up in the index rather than found missing from a stale read-ahead.
     */
    public void forget(String studyUid, String seriesUid, String sopInstanceUid) {
        if (sopInstanceUid != null) {
            byInstance.remove(sopInstanceUid);
        } else {
            byInstance.removeIf(e -> e.file.study().equals(studyUid)
                    && (seriesUid == null || e.file.series().equals(seriesUid)));
        }
        String series = studyUid + "/" + (seriesUid == null ? "" : seriesUid);
        readAhead.removeKeysIf(k -> seriesUid == null ? k.startsWith(series) : k.equals(series));
    }

    /**
     * Drops everything kept: for an index whose rows were removed while their files stayed, which this server never
     * does itself (tests that empty the tables between cases; restoring an older copy of the database calls for a
     * restart, or the 10 minutes).
     */
    public void clear() {
        byInstance.clear();
        readAhead.clear();
    }

    private void keep(List<StoredFile> files, String seriesReadAhead) {
        long now = System.nanoTime();
        for (StoredFile f : files) {
            byInstance.put(f.instance(), new Entry(f, now));
        }
        if (seriesReadAhead != null && !files.isEmpty()) { // an unknown series is not marked: it may be stored soon
            readAhead.put(seriesReadAhead, now);
        }
    }

    /** A map of at most {@code capacity} entries that drops the least recently used first. */
    private static final class Lru<K, V> {
        final int capacity;
        private final LinkedHashMap<K, V> map;

        Lru(int capacity) {
            this.capacity = capacity;
            this.map = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > Lru.this.capacity;
                }
            };
        }

        synchronized V get(K key) {
            return map.get(key);
        }

        synchronized void put(K key, V value) {
            map.put(key, value);
        }

        synchronized void remove(K key) {
            map.remove(key);
        }

        synchronized void clear() {
            map.clear();
        }

        synchronized void removeIf(Predicate<V> value) {
            map.values().removeIf(value);
        }

        synchronized void removeKeysIf(Predicate<K> key) {
            map.keySet().removeIf(key);
        }
    }
}
