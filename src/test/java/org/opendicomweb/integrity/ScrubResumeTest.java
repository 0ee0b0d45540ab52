package org.opendicomweb.integrity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.integrity.ScrubFixture.blobKey;
import static org.opendicomweb.integrity.ScrubFixture.report;
import static org.opendicomweb.integrity.ScrubFixture.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.cluster.OtherNode;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * A scrub pass stopped midway, here by losing its lease to another node, is continued by the next request from where
 * it stopped: every object is checked once over the two runs, and the final status and the integrity report are
 * those of the whole pass. Reads are slowed down so that the pass is still running when its lease is taken.
 */
@QuarkusTest
@TestProfile(ScrubResumeTest.SlowScrub.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ScrubResumeTest {
    private static final int OBJECTS = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * About three objects a second, so that a pass lasts several seconds however slow the first requests of a fresh
     * server are; a lease renewed every half second, so that its loss is seen soon.
     */
    public static class SlowScrub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.scrub.rate-limit", "24K", "dicomweb.cluster.lease-duration", "PT1.5S");
        }
    }

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @Test
    void aPassStoppedMidwayContinuesWhereItStoppedAndChecksEveryObjectOnce() throws Exception {
        DicomFiles.Builder[] stored = storeObjects();
        flipByte(stored[0]);
        flipByte(stored[OBJECTS - 1]);

        long checkedBefore = stopMidway();

        JsonPath done = scrub("?wait=true");
        assertEquals("FINISHED", done.getString("state"), done.prettify());
        assertEquals(checkedBefore, done.getLong("resumedFrom"), "continued where it stopped: " + done.prettify());
        assertEquals(OBJECTS, done.getLong("total"));
        assertEquals(
                OBJECTS,
                checkedBefore + (done.getLong("checked") - done.getLong("resumedFrom")),
                "each object checked once over both runs: " + done.prettify());
        assertEquals(OBJECTS, done.getLong("checked"), "the status counts the whole pass");
        assertEquals(OBJECTS - 2, done.getLong("intact"));
        assertEquals(2, done.getLong("mismatches"), "one damaged object on each side of the stop");
        assertTrue(done.getString("resumed") != null, done.prettify());
        report("").body("damagedObjects.total", equalTo(2));

        // The pass reached its end: the next one starts over.
        JsonPath next = scrub("?wait=true");
        assertEquals(0, next.getLong("resumedFrom"));
        assertEquals(OBJECTS, next.getLong("checked"));
    }

    @Test
    void restartBeginsANewPassInsteadOfContinuingTheStoppedOne() throws Exception {
        storeObjects();
        stopMidway();

        given().accept("application/json")
                .when()
                .post("/dicom-web/admin/scrub?wait=true&restart=true")
                .then()
                .statusCode(200)
                .body("state", equalTo("FINISHED"))
                .body("resumedFrom", equalTo(0))
                .body("resumed", nullValue())
                .body("checked", equalTo(OBJECTS))
                .body("intact", equalTo(OBJECTS))
                .body("started", notNullValue());
    }

    private DicomFiles.Builder[] storeObjects() {
        DicomFiles.Builder[] instances = new DicomFiles.Builder[OBJECTS];
        byte[][] files = new byte[OBJECTS][];
        for (int i = 0; i < OBJECTS; i++) {
            instances[i] = DicomFiles.ctImage().size(64, 64);
            files[i] = instances[i].toBytes();
        }
        store(files);
        return instances;
    }

    /**
     * Starts a pass, lets it check a few objects, then has another node take its lease as a node would after this one
     * stalled past the lease's expiry; returns how many objects the stopped pass had checked, once it stopped and the
     * other node gave the lease up again.
     */
    private long stopMidway() throws Exception {
        given().accept("application/json")
                .when()
                .get("/dicom-web/admin/scrub")
                .then()
                .statusCode(200);
        given().accept("application/json")
                .when()
                .post("/dicom-web/admin/scrub")
                .then()
                .statusCode(202);
        awaitStatus(s -> s.getLong("checked") >= 3, "a few objects checked");
        ClusterLease other = OtherNode.lease(Duration.ofMinutes(5));
        takeOver(other);
        try {
            JsonPath stopped = awaitStatus(s -> s.getString("state").equals("FAILED"), "the pass stopped");
            long checked = stopped.getLong("checked");
            assertTrue(checked >= 3 && checked < OBJECTS, "stopped midway: " + stopped.prettify());
            assertEquals(checked, savedChecked(), "the position saved is where the pass stopped");
            return checked;
        } finally {
            other.release("scrub");
        }
    }

    /** The lease 'scrub' now held by {@code other}, as if this node had not renewed it in time. */
    private void takeOver(ClusterLease other) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update cluster_lease set holder = ?, holder_host = ?, expires = ? where name = 'scrub'")) {
            ps.setString(1, other.node().id());
            ps.setString(2, other.node().describe());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            assertEquals(1, ps.executeUpdate(), "the pass holds the lease");
        }
    }

    private long savedChecked() throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select checked from scrub_progress where name = 'scrub' and finished is null");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "an unfinished pass is recorded");
            return rs.getLong(1);
        }
    }

    private static JsonPath scrub(String query) {
        return given().accept("application/json")
                .when()
                .post("/dicom-web/admin/scrub" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitStatus(Predicate<JsonPath> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath status;
        do {
            status = given().accept("application/json")
                    .when()
                    .get("/dicom-web/admin/scrub")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Not within " + WAIT + ": " + what + "; last status " + status.prettify());
    }

    private void flipByte(DicomFiles.Builder instance) throws Exception {
        try (FileChannel file = FileChannel.open(
                storage.resolve(blobKey(instance)), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            file.read(one, 300);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            file.write(one, 300);
        }
    }
}
