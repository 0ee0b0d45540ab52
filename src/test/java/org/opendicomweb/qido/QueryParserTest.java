package org.opendicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.ExtendedQueryTag;
import org.opendicomweb.index.IndexLevel;
import org.opendicomweb.qido.Condition.AnyNumber;
import org.opendicomweb.qido.Condition.AnyText;
import org.opendicomweb.qido.Condition.DateTimeRange;
import org.opendicomweb.qido.Condition.Range;
import org.opendicomweb.qido.Condition.TextValue.Exact;
import org.opendicomweb.qido.Condition.TextValue.NamePrefixes;
import org.opendicomweb.qido.Condition.TextValue.Wildcard;
import org.opendicomweb.qido.Condition.ZonedRange;
import org.opendicomweb.qido.Condition.ZonedTimeRange;
import org.opendicomweb.web.DicomwebException;

/** QIDO-RS query parameters into typed conditions (PS3.18 §8.3.4, PS3.4 C.2.2.2), and each 400 the parser gives. */
class QueryParserTest {
    private static final ExtendedKey ACQUISITION_DATE_TIME =
            new ExtendedKey(new ExtendedQueryTag(Tag.AcquisitionDateTime, VR.DT, IndexLevel.INSTANCE));
    private static final ExtendedKey SLICE_THICKNESS =
            new ExtendedKey(new ExtendedQueryTag(Tag.SliceThickness, VR.DS, IndexLevel.INSTANCE));
    private static final Map<Integer, ExtendedKey> EXTENDED =
            Map.of(Tag.AcquisitionDateTime, ACQUISITION_DATE_TIME, Tag.SliceThickness, SLICE_THICKNESS);

    /** Parameters as name, value pairs, in request order; a name given twice has two values. */
    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    private static QidoQuery studies(String... pairs) {
        return QueryParser.parse(QueryScope.allStudies(), params(pairs), EXTENDED);
    }

    private static QidoQuery instances(String... pairs) {
        return QueryParser.parse(QueryScope.allInstances(), params(pairs), EXTENDED);
    }

    private static Condition onlyCondition(QidoQuery query) {
        assertEquals(1, query.conditions().size(), query.conditions().toString());
        return query.conditions().get(0);
    }

    private static String refusal(QueryScope scope, String... pairs) {
        DicomwebException e =
                assertThrows(DicomwebException.class, () -> QueryParser.parse(scope, params(pairs), EXTENDED));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    private static String refusal(String... pairs) {
        return refusal(QueryScope.allInstances(), pairs);
    }

    // ---- matching types ----

    @Test
    void singleValueMatchesTheValueAsGiven() {
        assertEquals(
                new AnyText(MatchingKey.PATIENT_ID, List.of(new Exact("PAT-1"))),
                onlyCondition(studies("PatientID", "PAT-1")));
    }

    @Test
    void aKeyMayBeNamedByItsTag() {
        assertEquals(
                new AnyText(MatchingKey.PATIENT_ID, List.of(new Exact("PAT-1"))),
                onlyCondition(studies("00100020", "PAT-1")));
    }

    @Test
    void paddingAroundAValueIsIgnored() {
        assertEquals(
                new AnyText(MatchingKey.PATIENT_ID, List.of(new Exact("PAT-1"))),
                onlyCondition(studies("PatientID", " PAT-1 ")));
    }

    @Test
    void backslashSeparatedValuesMatchAnyOfThem() {
        assertEquals(
                new AnyText(MatchingKey.MODALITY, List.of(new Exact("CT"), new Exact("MR"))),
                onlyCondition(instances("Modality", "CT\\MR")));
    }

    @Test
    void uidListAcceptsCommasAndBackslashes() {
        assertEquals(
                new AnyText(
                        MatchingKey.STUDY_INSTANCE_UID,
                        List.of(new Exact("1.2.3"), new Exact("1.2.4"), new Exact("1.2.5"))),
                onlyCondition(studies("StudyInstanceUID", "1.2.3,1.2.4\\1.2.5")));
    }

    @Test
    void emptyValueIsUniversalMatchingThatOnlyAsksForTheAttribute() {
        QidoQuery query = studies("PatientName", "");
        assertEquals(List.of(), query.conditions());
        assertTrue(query.requestedTags().contains(Tag.PatientName));
    }

    @Test
    void aLoneAsteriskMatchesEverythingIncludingEmptyValues() {
        QidoQuery query = studies("PatientID", "*");
        assertEquals(List.of(), query.conditions());
        assertTrue(query.requestedTags().contains(Tag.PatientID));
    }

    @Test
    void asteriskAndQuestionMarkMakeAWildcardValue() {
        assertEquals(
                new AnyText(MatchingKey.ACCESSION_NUMBER, List.of(new Wildcard("A?1*"))),
                onlyCondition(studies("AccessionNumber", "A?1*")));
    }

    @Test
    void personNamesAreMatchedUpperCasedWithoutAccents() {
        assertEquals(
                new AnyText(MatchingKey.PATIENT_NAME, List.of(new Exact("MULLER^JOSE"))),
                onlyCondition(studies("PatientName", "Müller^José")));
    }

    @Test
    void fuzzyMatchingTurnsANameIntoPrefixesOfItsParts() {
        assertEquals(
                new AnyText(MatchingKey.PATIENT_NAME, List.of(new NamePrefixes(List.of("DOE", "JO")))),
                onlyCondition(studies("fuzzymatching", "true", "PatientName", "doe^jo")));
    }

    @Test
    void fuzzyMatchingOfOnlySeparatorsIsUniversal() {
        assertEquals(
                List.of(), studies("fuzzymatching", "true", "PatientName", "^ ").conditions());
    }

    @Test
    void dateRangeHasBothBounds() {
        assertEquals(
                new Range(MatchingKey.STUDY_DATE, "20240101", "20240131"),
                onlyCondition(studies("StudyDate", "20240101-20240131")));
    }

    @Test
    void singleDateIsARangeOfOneDay() {
        assertEquals(
                new Range(MatchingKey.STUDY_DATE, "20240101", "20240101"),
                onlyCondition(studies("StudyDate", "20240101")));
    }

    @Test
    void dateRangeOpenBelow() {
        assertEquals(
                new Range(MatchingKey.STUDY_DATE, null, "20240131"), onlyCondition(studies("StudyDate", "-20240131")));
    }

    @Test
    void dateRangeOpenAbove() {
        assertEquals(
                new Range(MatchingKey.STUDY_DATE, "20240101", null), onlyCondition(studies("StudyDate", "20240101-")));
    }

    @Test
    void timeRangeUpperBoundCoversItsWholePrecision() {
        assertEquals(
                new Range(MatchingKey.STUDY_TIME, "10", "113059.999999"),
                onlyCondition(studies("StudyTime", "10-1130")));
    }

    @Test
    void dateAndTimeTogetherAreOneDateTimeRange() {
        // "1900-1000" runs from 19:00 on the first day to 10:00 on the last (PS3.4 C.2.2.2.5.1)
        assertEquals(
                new DateTimeRange(
                        MatchingKey.STUDY_DATE,
                        MatchingKey.STUDY_TIME,
                        "20240101",
                        "1900",
                        "20240102",
                        "100059.999999"),
                onlyCondition(studies("StudyDate", "20240101-20240102", "StudyTime", "1900-1000")));
    }

    @Test
    void timeWithAnEmptyDateIsItsOwnRange() {
        assertEquals(
                new Range(MatchingKey.STUDY_TIME, "08", "085959.999999"),
                onlyCondition(studies("StudyDate", "", "StudyTime", "08-08")));
    }

    @Test
    void dateTimeRangeUpperBoundCoversItsWholePrecision() {
        assertEquals(
                new Range(ACQUISITION_DATE_TIME, "2024", "20240231235959.999999"),
                onlyCondition(instances("AcquisitionDateTime", "2024-202402")));
    }

    @Test
    void dateTimeOffsetsAreLeftOutOfTheBounds() {
        assertEquals(
                new Range(ACQUISITION_DATE_TIME, "20240101120000", "20240101120000.999999"),
                onlyCondition(instances("AcquisitionDateTime", "20240101120000+0100")));
    }

    @Test
    void dateTimeRangeFindsTheDashBetweenTwoValuesWithOffsets() {
        assertEquals(
                new Range(ACQUISITION_DATE_TIME, "2024", "20251231235959.999999"),
                onlyCondition(instances("AcquisitionDateTime", "2024-0500-2025+0100")));
    }

    @Test
    void timezoneOffsetTurnsADateRangeIntoUtcInstants() {
        assertEquals(
                new ZonedRange(
                        MatchingKey.STUDY_DATE,
                        "20231231230000.000000",
                        "20240101225959.999999",
                        new Range(MatchingKey.STUDY_DATE, "20240101", "20240101")),
                onlyCondition(studies("TimezoneOffsetFromUTC", "+0100", "StudyDate", "20240101")));
    }

    @Test
    void timezoneOffsetWithAPlusSentAsASpaceIsRead() {
        assertEquals(
                ZoneOffset.ofHours(1), studies("TimezoneOffsetFromUTC", " 0100").timezone());
    }

    @Test
    void timezoneOffsetTurnsATimeRangeIntoUtcTimesOfDay() {
        assertEquals(
                new ZonedTimeRange(
                        MatchingKey.STUDY_TIME,
                        "230000.000000",
                        "005959.999999",
                        new Range(MatchingKey.STUDY_TIME, "00", "015959.999999")),
                onlyCondition(studies("TimezoneOffsetFromUTC", "+0100", "StudyTime", "00-01")));
    }

    @Test
    void sequenceItemKeyMatchesInsideTheItems() {
        QidoQuery query = QueryParser.parse(
                QueryScope.allSeries(), params("RequestAttributesSequence.RequestedProcedureID", "RP1"), EXTENDED);
        assertEquals(new AnyText(ItemKey.REQUESTED_PROCEDURE_ID, List.of(new Exact("RP1"))), onlyCondition(query));
        assertEquals(
                Map.of(ItemSequence.REQUEST_ATTRIBUTES, Set.of(ItemKey.REQUESTED_PROCEDURE_ID)),
                query.requestedItems());
    }

    @Test
    void sequenceItemKeyMayBeNamedByTags() {
        assertEquals(
                new AnyText(ItemKey.REQUESTED_PROCEDURE_ID, List.of(new Exact("RP1"))),
                onlyCondition(QueryParser.parse(QueryScope.allSeries(), params("00400275.00401001", "RP1"), EXTENDED)));
    }

    @Test
    void sequenceItemKeyInIncludefieldAsksForTheItemsOnly() {
        QidoQuery query = QueryParser.parse(
                QueryScope.allSeries(),
                params("includefield", "RequestAttributesSequence.RequestedProcedureID"),
                EXTENDED);
        assertEquals(List.of(), query.conditions());
        assertEquals(
                Map.of(ItemSequence.REQUEST_ATTRIBUTES, Set.of(ItemKey.REQUESTED_PROCEDURE_ID)),
                query.requestedItems());
    }

    @Test
    void itemAttributeTheIndexDoesNotKeepIsIgnoredWithAWarning() {
        QidoQuery query =
                QueryParser.parse(QueryScope.allSeries(), params("RequestAttributesSequence.PatientID", "X"), EXTENDED);
        assertEquals(List.of(), query.conditions());
        assertEquals(
                List.of("RequestAttributesSequence.PatientID: this server does not match on"
                        + " RequestAttributesSequence.PatientID inside sequence items; ignored"),
                query.warnings());
    }

    @Test
    void integerStringsMatchAsNumbers() {
        assertEquals(
                new AnyNumber(MatchingKey.SERIES_NUMBER, List.of(1L, 20L)),
                onlyCondition(instances("SeriesNumber", "001\\+20")));
    }

    @Test
    void decimalStringExtendedKeyMatchesItsCanonicalForm() {
        assertEquals(
                new AnyText(SLICE_THICKNESS, List.of(new Exact("2.5"))),
                onlyCondition(instances("SliceThickness", "02.50")));
    }

    @Test
    void keyTheIndexCannotMatchIsIgnoredWithAWarning() {
        QidoQuery query = studies("Manufacturer", "ACME");
        assertEquals(List.of(), query.conditions());
        assertEquals(
                List.of("Manufacturer: this server does not match on Manufacturer (0008,0070); ignored"),
                query.warnings());
    }

    @Test
    void keyOfALowerLevelIsIgnoredWithAWarning() {
        QidoQuery query = studies("SOPInstanceUID", "1.2.3");
        assertEquals(List.of(), query.conditions());
        assertEquals(
                List.of("SOPInstanceUID: SOPInstanceUID (0008,0018) is a instance-level key and cannot be"
                        + " matched in a study-level query; ignored"),
                query.warnings());
    }

    @Test
    void pagingAndFuzzyParametersAreRead() {
        QidoQuery query = studies("limit", "10", "offset", "20", "fuzzymatching", "true");
        assertEquals(10, query.limit());
        assertEquals(20, query.offset());
        assertTrue(query.fuzzyMatching());
    }

    @Test
    void includefieldTakesCommaSeparatedKeywordsTagsAndAll() {
        QidoQuery query = studies("includefield", "StudyDescription,00081030", "includefield", "all");
        assertTrue(query.includeAll());
        assertTrue(query.requestedTags().contains(Tag.StudyDescription));
    }

    @Test
    void acceptAndCharsetAreNoMatchingKeys() {
        QidoQuery query = studies("accept", "application/dicom+json", "charset", "utf-8");
        assertEquals(List.of(), query.conditions());
        assertEquals(List.of(), query.warnings());
    }

    // ---- every 400 ----

    @Test
    void keyGivenTwiceByKeywordAndTagIsRefused() {
        assertEquals(
                "Query parameters 'PatientID' and '00100020' name the same attribute (0010,0020); give it once",
                refusal(QueryScope.allStudies(), "PatientID", "A", "00100020", "B"));
    }

    @Test
    void itemKeyGivenTwiceByKeywordAndTagIsRefused() {
        assertEquals(
                "Query parameters 'RequestAttributesSequence.RequestedProcedureID' and '00400275.00401001'"
                        + " name the same attribute 00400275.00401001; give it once",
                refusal(
                        QueryScope.allSeries(),
                        "RequestAttributesSequence.RequestedProcedureID",
                        "A",
                        "00400275.00401001",
                        "B"));
    }

    @Test
    void parameterGivenTwiceIsRefused() {
        assertEquals(
                "Query parameter 'PatientID': given 2 times; give it once",
                refusal("PatientID", "A", "PatientID", "B"));
    }

    @Test
    void badTimezoneOffsetIsRefused() {
        assertEquals(
                "Query parameter 'TimezoneOffsetFromUTC': '+1500' is not a timezone offset &ZZXX from -1200"
                        + " to +1400 (e.g. +0100, -0500)",
                refusal("TimezoneOffsetFromUTC", "+1500"));
    }

    @Test
    void nonIntegerForAnIntegerVrIsRefused() {
        assertEquals("Query parameter 'SeriesNumber': '1.5' is not an integer (VR IS)", refusal("SeriesNumber", "1.5"));
    }

    @Test
    void nonDecimalForADecimalVrIsRefused() {
        assertEquals(
                "Query parameter 'SliceThickness': 'thick' is not a decimal number (VR DS)",
                refusal("SliceThickness", "thick"));
    }

    @Test
    void wildcardInAUidIsRefused() {
        assertEquals(
                "Query parameter 'StudyInstanceUID': wildcards (* and ?) are not allowed for VR UI"
                        + " (PS3.4 C.2.2.2.4)",
                refusal("StudyInstanceUID", "1.2.*"));
    }

    @Test
    void wildcardInANumberIsRefused() {
        assertEquals(
                "Query parameter 'InstanceNumber': wildcards (* and ?) are not allowed for VR IS"
                        + " (PS3.4 C.2.2.2.4)",
                refusal("InstanceNumber", "1*"));
    }

    @Test
    void wildcardInAnotherBinaryVrIsRefused() {
        assertEquals(
                "Query parameter 'FrameIncrementPointer': wildcards (* and ?) are not allowed for VR AT"
                        + " (PS3.4 C.2.2.2.4)",
                refusal("FrameIncrementPointer", "0018*"));
    }

    @Test
    void malformedUidIsRefused() {
        String message = refusal("SOPInstanceUID", "1.2.abc");
        assertTrue(message.startsWith("Query parameter 'SOPInstanceUID': '1.2.abc' is not a valid UID: it "), message);
    }

    @Test
    void dateRangeEndingBeforeItStartsIsRefused() {
        assertEquals(
                "Query parameter 'StudyDate': the range '20240201-20240101' ends before it starts",
                refusal("StudyDate", "20240201-20240101"));
    }

    @Test
    void impossibleDateIsRefused() {
        assertEquals(
                "Query parameter 'StudyDate': '20240230' is not a date YYYYMMDD (VR DA)",
                refusal("StudyDate", "20240230"));
    }

    @Test
    void wordForADateIsRefused() {
        assertEquals(
                "Query parameter 'StudyDate': 'notadate' is not a date YYYYMMDD (VR DA)",
                refusal("StudyDate", "notadate"));
    }

    @Test
    void impossibleTimeIsRefused() {
        assertEquals(
                "Query parameter 'StudyTime': '2400' is not a time HHMMSS.FFFFFF (VR TM)",
                refusal("StudyTime", "2400"));
    }

    @Test
    void timeRangeEndingBeforeItStartsIsRefusedWithoutADate() {
        assertEquals(
                "Query parameter 'StudyTime': the range '1000-0900' ends before it starts",
                refusal("StudyTime", "1000-0900"));
    }

    @Test
    void malformedDateTimeIsRefused() {
        assertEquals(
                "Query parameter 'AcquisitionDateTime': '2024-01-01' is not a date-time"
                        + " YYYYMMDDHHMMSS.FFFFFF&ZZXX or a range of them (VR DT)",
                refusal("AcquisitionDateTime", "2024-01-01"));
    }

    @Test
    void aDashAloneIsNoRange() {
        assertEquals("Query parameter 'StudyDate': '-' is not a DA value or range", refusal("StudyDate", "-"));
    }

    @Test
    void aRangeWithTwoDashesIsRefused() {
        assertEquals(
                "Query parameter 'StudyDate': '20240101-20240102-20240103' is not a DA value or range",
                refusal("StudyDate", "20240101-20240102-20240103"));
    }

    @Test
    void emptyIncludefieldEntryIsRefused() {
        assertEquals("Query parameter 'includefield': an empty attribute name", refusal("includefield", "PatientID,"));
    }

    @Test
    void unknownKeywordIsRefused() {
        assertEquals(
                "Query parameter 'PatientNam': 'PatientNam' is neither a DICOM keyword nor a tag of 8 hex" + " digits",
                refusal("PatientNam", "X"));
    }

    @Test
    void pathThroughANonSequenceIsRefused() {
        assertEquals(
                "Query parameter 'PatientName.PatientID': PatientName (0010,0010) is not a sequence, so no"
                        + " attribute can follow it",
                refusal("PatientName.PatientID", "X"));
    }

    @Test
    void limitBelowOneIsRefused() {
        assertEquals("Query parameter 'limit': '0' is not a positive integer", refusal("limit", "0"));
    }

    @Test
    void negativeOffsetIsRefused() {
        assertEquals("Query parameter 'offset': '-1' is not a non-negative integer", refusal("offset", "-1"));
    }

    @Test
    void fuzzymatchingOtherThanTrueOrFalseIsRefused() {
        assertEquals(
                "Query parameter 'fuzzymatching': 'yes' is neither true nor false", refusal("fuzzymatching", "yes"));
    }

    @Test
    void keyThatIsThenIgnoredIsStillValidated() {
        // matched or not, a malformed value is the client's mistake to hear about
        assertEquals(
                "Query parameter 'ContentDate': '2024' is not a date YYYYMMDD (VR DA)",
                refusal(QueryScope.allStudies(), "ContentDate", "2024"));
    }
}
