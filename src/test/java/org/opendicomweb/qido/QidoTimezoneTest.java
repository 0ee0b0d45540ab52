package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opendicomweb.qido.QidoSearch.JSON;
import static org.opendicomweb.qido.QidoSearch.first;
import static org.opendicomweb.qido.QidoSearch.search;
import static org.opendicomweb.qido.QidoSearch.uids;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * TimezoneOffsetFromUTC as a query key (PS3.18 §8.3.4.1.1: the query's dates and times are in that timezone).
 * Studies that state their own offset are compared as instants; the others by their local date and time.
 * Expected answers are computed here with java.time from the stored datasets.
 *
 * <pre>
 * t1  20240110 230000 +0000   (10 Jan 23:00 UTC)
 * t2  20240111 080000 +0900   (the same instant)
 * t3  20240111 010000 -0500   (11 Jan 06:00 UTC)
 * t4  20240111 120000         no offset
 * t5  20240111 (no time) +0100
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoTimezoneTest {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static String run;
    private static List<DicomFiles.Builder> stored;

    @BeforeEach
    void storeOnce() {
        if (stored != null) {
            return;
        }
        run = QidoFixture.runId();
        stored = List.of(
                study(1, "20240110", "230000", "+0000"),
                study(2, "20240111", "080000", "+0900"),
                study(3, "20240111", "010000", "-0500"),
                study(4, "20240111", "120000", null),
                study(5, "20240111", null, "+0100"));
        QidoFixture.storeAll(stored);
    }

    private static DicomFiles.Builder study(int n, String date, String time, String offset) {
        DicomFiles.Builder b = DicomFiles.ctImage()
                .patient("Zone^" + n, "TZ" + run + "-" + n)
                .with(Tag.StudyDate, VR.DA, date)
                .with(Tag.StudyTime, VR.TM, time == null ? "" : time);
        if (offset != null) {
            b.with(Tag.TimezoneOffsetFromUTC, VR.SH, offset);
        }
        return b;
    }

    private static Set<String> studies(String... params) {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "PatientID";
        all[params.length + 1] = "TZ" + run + "-*";
        return uids(search("/studies", all), "0020000D");
    }

    /**
     * The stored studies a query window [from, to] of the query's zone matches: as an instant when the study
     * has date, time and offset; else by its local date and time, read as if in the query's zone.
     */
    private static Set<String> expected(LocalDateTime from, LocalDateTime to, ZoneOffset zone) {
        return expected((ds, local) -> {
            LocalDateTime at = local;
            String offset = ds.getString(Tag.TimezoneOffsetFromUTC);
            if (offset != null && ds.getString(Tag.StudyTime) != null) {
                at = OffsetDateTime.of(local, ZoneOffset.of(offset))
                        .withOffsetSameInstant(zone)
                        .toLocalDateTime();
            } else if (ds.getString(Tag.StudyTime) == null) {
                LocalDate day = local.toLocalDate();
                return !day.isBefore(from.toLocalDate()) && !day.isAfter(to.toLocalDate());
            }
            return !at.isBefore(from) && !at.isAfter(to);
        });
    }

    private static Set<String> expected(BiPredicate<Attributes, LocalDateTime> matches) {
        Set<String> uids = new LinkedHashSet<>();
        for (DicomFiles.Builder b : stored) {
            Attributes ds = b.dataset();
            String time = ds.getString(Tag.StudyTime);
            LocalDateTime local = LocalDate.parse(ds.getString(Tag.StudyDate), DA)
                    .atTime(
                            time == null
                                    ? LocalTime.MIDNIGHT
                                    : LocalTime.parse(time, DateTimeFormatter.ofPattern("HHmmss")));
            if (matches.test(ds, local)) {
                uids.add(b.studyInstanceUid());
            }
        }
        return uids;
    }

    private static LocalDateTime start(String date) {
        return LocalDate.parse(date, DA).atStartOfDay();
    }

    private static LocalDateTime end(String date) {
        return LocalDate.parse(date, DA).atTime(LocalTime.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0000", "+0900", "-0500", "+0530", "-1200", "+1400"})
    void aStudyDateIsThatDayInTheQueryTimezone(String offset) {
        ZoneOffset zone = ZoneOffset.of(offset);
        for (String day : List.of("20240110", "20240111")) {
            assertEquals(
                    expected(start(day), end(day), zone),
                    studies("StudyDate", day, "TimezoneOffsetFromUTC", offset),
                    day + " at " + offset);
        }
    }

    @Test
    void theAdjustmentMovesStudiesAcrossMidnight() {
        // 10 Jan 23:00 UTC is 11 Jan 08:00 in Tokyo: found on the 11th there, on the 10th in UTC
        Set<String> tokyo = studies("StudyDate", "20240111", "TimezoneOffsetFromUTC", "+0900");
        Set<String> utc = studies("StudyDate", "20240111", "TimezoneOffsetFromUTC", "+0000");
        String t1 = stored.get(0).studyInstanceUid();
        assertEquals(true, tokyo.contains(t1));
        assertFalse(utc.contains(t1));
    }

    @Test
    void withoutTheKeyDatesAreComparedAsStored() {
        assertEquals(
                expected((ds, local) -> local.toLocalDate().equals(LocalDate.of(2024, 1, 10))),
                studies("StudyDate", "20240110"));
    }

    @Test
    void dateRangesWithTimesAreOneInterval() {
        LocalDateTime from = LocalDateTime.of(2024, 1, 10, 22, 0);
        LocalDateTime to = LocalDateTime.of(2024, 1, 11, 6, 0, 59, 999_999_000);
        assertEquals(
                expected(from, to, ZoneOffset.UTC),
                studies("StudyDate", "20240110-20240111", "StudyTime", "2200-0600", "TimezoneOffsetFromUTC", "+0000"));
        assertEquals(
                expected(start("20240111"), end("20240131"), ZoneOffset.ofHours(-5)),
                studies("StudyDate", "20240111-", "TimezoneOffsetFromUTC", "-0500"));
    }

    @Test
    void aTimeRangeAloneIsTimeOfDayInTheQueryTimezone() {
        ZoneOffset zone = ZoneOffset.ofHours(9);
        LocalTime from = LocalTime.of(7, 0);
        LocalTime to = LocalTime.of(9, 0, 59, 999_999_000);
        assertEquals(
                expected((ds, local) -> {
                    if (ds.getString(Tag.StudyTime) == null) {
                        return false;
                    }
                    String offset = ds.getString(Tag.TimezoneOffsetFromUTC);
                    LocalTime t = offset == null
                            ? local.toLocalTime()
                            : OffsetDateTime.of(local, ZoneOffset.of(offset))
                                    .withOffsetSameInstant(zone)
                                    .toLocalTime();
                    return !t.isBefore(from) && !t.isAfter(to);
                }),
                studies("StudyTime", "0700-0900", "TimezoneOffsetFromUTC", "+0900"));
    }

    @Test
    void theStudyOffsetIsReturned() {
        Map<String, Object> r =
                search("/studies", "PatientID", "TZ" + run + "-2").get(0);
        assertEquals("+0900", first(r, "00080201"));
    }

    @Test
    void anUnencodedPlusSignIsTakenForOne() {
        Response response = given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?StudyDate=20240111&TimezoneOffsetFromUTC=+0900&PatientID=TZ" + run + "-*");
        response.then().statusCode(200);
        assertEquals(
                studies("StudyDate", "20240111", "TimezoneOffsetFromUTC", "+0900"),
                uids(response.jsonPath().getList("$"), "0020000D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100", "+25", "+2500", "+1500", "-1300", "abc", "+01:00"})
    void aMalformedOffsetIs400NamingIt(String offset) {
        given().accept(JSON)
                .queryParam("TimezoneOffsetFromUTC", offset)
                .queryParam("StudyDate", "20240110")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400)
                .body("message", containsString("'TimezoneOffsetFromUTC'"));
    }
}
