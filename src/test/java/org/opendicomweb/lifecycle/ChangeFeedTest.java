package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.ChangeFeed;
import org.opendicomweb.index.Sql;
import org.opendicomweb.stow.StowReplacePolicyTest;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * The change feed over HTTP as Microsoft's DICOM server serves it: paging by Sequence, limits, parameter names in
 * any case, time windows, the latest entry, metadata, replacements and deletions; and, with writers committing
 * concurrently, a reader paging by offset sees every change exactly once.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedTest {
    private static final String BOUNDARY = "feed";

    @Inject
    Sql sql;

    @BeforeEach
    void emptyIndexAndFeed() throws Exception {
        IndexTables.clean();
    }

    @Test
    void latestIsNoContentWhileTheFeedIsEmptyThenTheLastEntry() {
        given().when().get("/dicom-web/changefeed/latest").then().statusCode(204);
        assertEquals(List.of(), sequences(""));

        DicomFiles.Builder first = DicomFiles.ctImage();
        DicomFiles.Builder second = DicomFiles.ctImage();
        store(first, second);

        JsonPath latest = get("/dicom-web/changefeed/latest");
        assertEquals(second.sopInstanceUid(), latest.getString("SopInstanceUid"));
        assertEquals(second.seriesInstanceUid(), latest.getString("SeriesInstanceUid"));
        assertEquals(second.studyInstanceUid(), latest.getString("StudyInstanceUid"));
        assertEquals("create", latest.getString("Action"));
        assertEquals("current", latest.getString("State"));
        assertEquals(second.sopInstanceUid(), latest.getString("Metadata.'00080018'.Value[0]"));
        assertEquals(sequences("").getLast(), latest.getLong("Sequence"));
        JsonPath withoutMetadata = get("/dicom-web/changefeed/latest?includeMetadata=false");
        assertEquals(latest.getLong("Sequence"), withoutMetadata.getLong("Sequence"));
        assertFalse(withoutMetadata.getMap("").containsKey("Metadata"));
    }

    @Test
    void pagesAfterTheOffsetInSequenceOrderTenByDefault() {
        List<DicomFiles.Builder> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stored.add(DicomFiles.ctImage());
        }
        store(stored.toArray(DicomFiles.Builder[]::new));

        List<Long> all = sequences("?limit=100");
        assertEquals(12, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1) + 1, all.get(i), "sequences follow one another: " + all);
        }
        assertEquals(all.subList(0, 10), sequences(""));
        assertEquals(all.subList(10, 12), sequences("?offset=" + all.get(9)));
        assertEquals(all.subList(3, 5), sequences("?offset=" + all.get(2) + "&limit=2"));
        assertEquals(List.of(), sequences("?offset=" + all.getLast()));
        Set<String> uids = new HashSet<>(get("/dicom-web/changefeed?limit=100").getList("SopInstanceUid"));
        assertEquals(stored.stream().map(DicomFiles.Builder::sopInstanceUid).collect(toSet()), uids);
    }

    @Test
    void limitAboveOneHundredOrInvalidParametersAreRefusedNamingTheParameter() {
        refused("?limit=101", "limit");
        refused("?limit=0", "limit");
        refused("?limit=ten", "limit");
        refused("?offset=-1", "offset");
        refused("?offset=92233720368547758070", "offset");
        refused("?includeMetadata=yes", "includeMetadata");
        refused("?includeMetadata=0", "includeMetadata");
        refused("?limit=1&LIMIT=2", "LIMIT");
        refused("/latest?includemetadata=maybe", "includeMetadata");
        refused("?startTime=yesterday", "startTime");
        refused("?endTime=2023-05-03T11:00:00", "endTime");
        refused("?startTime=2023-05-03T10:58:00Z&endTime=2023-05-03T10:58:00Z", "startTime");
        refused("?startTime=2023-05-03T10:59:00Z&endTime=2023-05-03T10:58:00Z", "startTime");
        refused("?startTime=2023-05-03T10:58:00Z&limit=201", "limit");
        given().when().get("/dicom-web/changefeed?limit=100&offset=0").then().statusCode(200);
        given().when().get("/dicom-web/changefeed?someOtherParameter=1").then().statusCode(200);
    }

    @Test
    void parameterNamesAreMatchedInAnyCase() {
        store(DicomFiles.ctImage(), DicomFiles.ctImage(), DicomFiles.ctImage());
        List<Long> all = sequences("");
        JsonPath page = get("/dicom-web/changefeed?OFFSET=" + all.get(0) + "&Limit=1&INCLUDEMETADATA=False");
        assertEquals(List.of(all.get(1)), page.getList("Sequence", Long.class));
        assertFalse(page.getMap("[0]").containsKey("Metadata"));
        assertEquals(
                List.of(all.get(2)),
                get("/dicom-web/changefeed?starttime=2000-01-01T00:00:00Z&OffSet=2&EndTime=9999-01-01T00:00:00Z")
                        .getList("Sequence", Long.class));
    }

    @Test
    void metadataIsTheInstancesDicomJsonWithAbsoluteBulkDataUrisUnlessTurnedOff() {
        DicomFiles.Builder image = DicomFiles.ctImage().size(64, 64);
        store(image);
        JsonPath page = get("/dicom-web/changefeed");
        assertEquals(image.sopInstanceUid(), page.getString("[0].Metadata.'00080018'.Value[0]"));
        assertEquals(image.studyInstanceUid(), page.getString("[0].Metadata.'0020000D'.Value[0]"));
        String bulk = page.getString("[0].Metadata.'7FE00010'.BulkDataURI");
        assertTrue(bulk.startsWith("http://") && bulk.contains("/dicom-web/studies/" + image.studyInstanceUid()), bulk);
        JsonPath withoutMetadata = get("/dicom-web/changefeed?includeMetadata=false");
        assertEquals(image.sopInstanceUid(), withoutMetadata.getString("[0].SopInstanceUid"));
        assertFalse(withoutMetadata.getMap("[0]").containsKey("Metadata"));
    }

    @Test
    void aTimeWindowTakesEntriesFromStartTimeToBeforeEndTimeAndOffsetSkipsInIt() {
        DicomFiles.Builder[] images = {DicomFiles.ctImage(), DicomFiles.ctImage(), DicomFiles.ctImage()};
        for (DicomFiles.Builder image : images) {
            store(image); // one request each: three distinct timestamps
        }
        JsonPath all = get("/dicom-web/changefeed");
        List<Long> sequences = all.getList("Sequence", Long.class);
        List<String> times = all.getList("Timestamp");
        assertEquals(3, times.size());
        assertTrue(
                Instant.parse(times.get(0)).isBefore(Instant.parse(times.get(1)))
                        && Instant.parse(times.get(1)).isBefore(Instant.parse(times.get(2))),
                times.toString());
        assertTrue(times.get(0).endsWith("Z"), times.get(0));

        assertEquals(sequences.subList(1, 3), sequences("?startTime=" + times.get(1)));
        assertEquals(sequences.subList(0, 1), sequences("?endTime=" + times.get(1)));
        assertEquals(sequences.subList(0, 2), sequences("?startTime=" + times.get(0) + "&endTime=" + times.get(2)));
        assertEquals(sequences.subList(2, 3), sequences("?startTime=" + times.get(0) + "&offset=2"));
        assertEquals(sequences.subList(1, 2), sequences("?startTime=" + times.get(0) + "&offset=1&limit=1"));
        assertEquals(List.of(), sequences("?endTime=" + times.get(0)));
        // The same instant with an offset from UTC, its '+' encoded or sent as it is (and so read as a space).
        String plusOne =
                Instant.parse(times.get(1)).atOffset(ZoneOffset.ofHours(1)).toString();
        assertEquals(sequences.subList(1, 3), sequences("?startTime=" + plusOne.replace("+", "%2B")));
        assertEquals(sequences.subList(1, 3), sequences("?startTime=" + plusOne));
    }

    @Test
    void aReplacementIsANewCreateEntryAndTheOlderEntriesBecomeReplaced() {
        DicomFiles.Builder image = DicomFiles.ctImage().studyDescription("first");
        store(image);
        store(image.studyDescription("second"));

        JsonPath page = get("/dicom-web/changefeed");
        assertEquals(List.of(image.sopInstanceUid(), image.sopInstanceUid()), page.getList("SopInstanceUid"));
        assertEquals(List.of("create", "create"), page.getList("Action"));
        assertEquals(List.of("replaced", "current"), page.getList("State"));
        // Metadata is the instance's as it is now, on the older entry too.
        assertEquals("second", page.getString("[0].Metadata.'00081030'.Value[0]"));
        assertEquals("second", page.getString("[1].Metadata.'00081030'.Value[0]"));
    }

    @Test
    void aDeletionIsADeleteEntryAndTheOlderEntriesBecomeDeletedWithoutMetadata() throws Exception {
        DicomFiles.Builder image = DicomFiles.ctImage();
        DicomFiles.Builder other = DicomFiles.ctImage();
        store(image, other);
        sql.inTransaction(c -> {
            ChangeFeed.append(
                    c,
                    List.of(new ChangeFeed.Change(
                            image.studyInstanceUid(),
                            image.seriesInstanceUid(),
                            image.sopInstanceUid(),
                            ChangeFeed.Kind.DELETED)));
            return null;
        });

        JsonPath page = get("/dicom-web/changefeed");
        assertEquals(
                List.of(image.sopInstanceUid(), other.sopInstanceUid(), image.sopInstanceUid()),
                page.getList("SopInstanceUid"));
        assertEquals(List.of("create", "create", "delete"), page.getList("Action"));
        assertEquals(List.of("deleted", "current", "deleted"), page.getList("State"));
        assertFalse(page.getMap("[0]").containsKey("Metadata"));
        assertEquals(other.sopInstanceUid(), page.getString("[1].Metadata.'00080018'.Value[0]"));
        assertFalse(page.getMap("[2]").containsKey("Metadata"));
        given().when()
                .get("/dicom-web/changefeed/latest")
                .then()
                .statusCode(200)
                .body("Action", equalTo("delete"))
                .body("State", equalTo("deleted"))
                .body("Metadata", nullValue());
    }

    /**
     * Eight clients store at once while a reader pages by offset all the time: the reader sees every stored instance
     * once, in strictly increasing sequences with none left out, however the writers' commits interleave.
     */
    @Test
    void aReaderPagingByOffsetSeesEveryConcurrentStoreExactlyOnce() throws Exception {
        int writers = 8;
        int requestsPerWriter = 5;
        int instancesPerRequest = 3;
        List<byte[]> bodies = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int b = 0; b < writers * requestsPerWriter; b++) {
            DicomFiles.Builder[] parts = new DicomFiles.Builder[instancesPerRequest];
            for (int i = 0; i < instancesPerRequest; i++) {
                parts[i] = DicomFiles.ctImage();
                expected.add(parts[i].sopInstanceUid());
            }
            bodies.add(StowBody.of(BOUNDARY, parts));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<String, Integer> seen = Collections.synchronizedMap(new HashMap<>());
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<Integer> reader = pool.submit(() -> readAll(writing, seen, wrong));
            List<Future<?>> posts = new ArrayList<>();
            for (byte[] body : bodies) {
                posts.add(pool.submit(() -> post(body)));
            }
            for (Future<?> f : posts) {
                f.get(240, TimeUnit.SECONDS);
            }
            writing.set(false);
            int pages = reader.get(300, TimeUnit.SECONDS);
            assertTrue(pages > 1, "the reader paged while the writers wrote: " + pages + " pages");
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertEquals(List.of(), wrong);
        assertEquals(expected, seen.keySet());
        assertEquals(Set.of(1), new HashSet<>(seen.values()), "each instance seen once");
    }

    /**
     * Pages by offset until the writers are done and a page after that comes back empty; checks every entry's
     * sequence follows the one before. Bounded in pages and time. Returns the number of pages read.
     */
    private static int readAll(AtomicBoolean writing, Map<String, Integer> seen, List<String> wrong) {
        long offset = 0;
        Long previous = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        int pages = 0;
        while (pages < 100_000 && System.nanoTime() < deadline) {
            boolean last = !writing.get(); // read before the page: a page read after the writers finished is final
            JsonPath page = get("/dicom-web/changefeed?offset=" + offset + "&limit=7&includeMetadata=false");
            pages++;
            List<Long> sequences = page.getList("Sequence", Long.class);
            List<String> uids = page.getList("SopInstanceUid");
            for (int i = 0; i < sequences.size(); i++) {
                long s = sequences.get(i);
                if (s <= offset || (previous != null && s != previous + 1)) {
                    wrong.add("sequence " + s + " after " + previous + " (offset " + offset + ")");
                }
                previous = s;
                offset = s;
                seen.merge(uids.get(i), 1, Integer::sum);
            }
            if (sequences.isEmpty() && last) {
                return pages;
            }
        }
        wrong.add("the reader gave up after " + pages + " pages");
        return pages;
    }

    private static void post(byte[] body) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(body)
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    private static void store(DicomFiles.Builder... files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(202)));
    }

    private static JsonPath get(String pathAndQuery) {
        return given().urlEncodingEnabled(false)
                .when()
                .get(pathAndQuery)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .extract()
                .jsonPath();
    }

    private static List<Long> sequences(String query) {
        return get("/dicom-web/changefeed" + query).getList("Sequence", Long.class);
    }

    private static void refused(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .when()
                .get("/dicom-web/changefeed" + query)
                .then()
                .statusCode(400)
                .body("message", containsString("'" + parameter + "'"));
    }

    private static <T> java.util.stream.Collector<T, ?, Set<T>> toSet() {
        return java.util.stream.Collectors.toSet();
    }
}
