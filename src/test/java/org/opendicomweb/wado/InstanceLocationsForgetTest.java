package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;

/**
 * What a deletion makes a node forget of the locations it keeps: exactly the study, series or instance deleted, so
 * that no kept location answers for it and the others stay kept.
 */
class InstanceLocationsForgetTest {

    /** An index that holds two series of study 1 and one of study 2, and counts how often it is read. */
    private static final class FixedIndex extends RetrieveIndex {
        final List<StoredFile> files = List.of(
                file("1", "1.1", "1.1.1"),
                file("1", "1.1", "1.1.2"),
                file("1", "1.2", "1.2.1"),
                file("2", "2.1", "2.1.1"));
        int reads;

        FixedIndex() {
            super(null);
        }

        @Override
        public List<StoredFile> files(RetrieveTarget t) {
            return files(t, Integer.MAX_VALUE);
        }

        @Override
        public List<StoredFile> files(RetrieveTarget t, int limit) {
            reads++;
            List<StoredFile> matching = new ArrayList<>();
            for (StoredFile f : files) {
                if (f.study().equals(t.study())
                        && (t.series() == null || f.series().equals(t.series()))
                        && (t.instance() == null || f.instance().equals(t.instance()))) {
                    matching.add(f);
                }
            }
            return matching;
        }

        private static StoredFile file(String study, String series, String instance) {
            return new StoredFile(study, series, instance, "1.2.840.10008.1.2.1", study + "/" + instance, 10);
        }
    }

    private static InstanceLocations keptAll(FixedIndex index) {
        InstanceLocations locations = new InstanceLocations(index, key -> true, 100);
        locations.files(new RetrieveTarget("1", null, null));
        locations.files(new RetrieveTarget("2", null, null));
        return locations;
    }

    @Test
    void forgettingAStudyDropsEveryInstanceOfItAndNoOther() {
        InstanceLocations locations = keptAll(new FixedIndex());

        locations.forget("1", null, null);

        assertNull(locations.cached(new RetrieveTarget("1", "1.1", "1.1.1")));
        assertNull(locations.cached(new RetrieveTarget("1", "1.2", "1.2.1")));
        assertNotNull(locations.cached(new RetrieveTarget("2", "2.1", "2.1.1")));
    }

    @Test
    void forgettingASeriesKeepsTheOtherSeriesOfItsStudy() {
        InstanceLocations locations = keptAll(new FixedIndex());

        locations.forget("1", "1.1", null);

        assertNull(locations.cached(new RetrieveTarget("1", "1.1", "1.1.1")));
        assertNull(locations.cached(new RetrieveTarget("1", "1.1", "1.1.2")));
        assertNotNull(locations.cached(new RetrieveTarget("1", "1.2", "1.2.1")));
    }

    @Test
    void forgettingAnInstanceMakesTheNextRequestForItReadTheIndex() {
        FixedIndex index = new FixedIndex();
        InstanceLocations locations = keptAll(index);
        RetrieveTarget deleted = new RetrieveTarget("1", "1.1", "1.1.2");

        locations.forget("1", "1.1", "1.1.2");

        assertNull(locations.cached(deleted));
        assertNotNull(locations.cached(new RetrieveTarget("1", "1.1", "1.1.1")));
        int reads = index.reads;
        locations.files(deleted);
        assertEquals(reads + 1, index.reads, "looked up in the index, not answered from what was kept");
    }
}
