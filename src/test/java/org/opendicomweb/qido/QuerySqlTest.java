package org.opendicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.opendicomweb.qido.QuerySql.Statement;

/** The SQL and the bound parameters each kind of QIDO-RS condition becomes; no database needed to read them. */
class QuerySqlTest {
    private static final Map<Integer, ExtendedKey> EXTENDED = Map.of(
            Tag.InstitutionName, new ExtendedKey(new ExtendedQueryTag(Tag.InstitutionName, VR.LO, IndexLevel.STUDY)));

    private static QidoQuery query(QueryScope scope, String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return QueryParser.parse(scope, map, EXTENDED);
    }

    /** The WHERE clause of the count probe, whose FROM is the smallest join the conditions need. */
    private static Statement probe(QueryScope scope, String... pairs) {
        return QuerySql.rowAt(query(scope, pairs), 7);
    }

    /** The conditions of the WHERE clause, without the hiding of rejected instances that every query ends with. */
    private static String where(Statement s) {
        String sql = s.sql();
        String where = sql.substring(sql.indexOf(" where ") + 7, sql.indexOf(" order by "));
        for (QueryLevel level : QueryLevel.values()) {
            String hiding = " and " + QuerySql.hidingRejected(level);
            if (where.endsWith(hiding)) {
                return where.substring(0, where.length() - hiding.length());
            }
        }
        throw new AssertionError("rejected instances are not hidden: " + sql);
    }

    @Test
    void rejectedInstancesAreHiddenAtEveryLevelUnlessIncluded() {
        assertTrue(probe(QueryScope.allStudies()).sql().contains(" where st.num_rejected < st.num_instances "));
        assertTrue(probe(QueryScope.allSeries()).sql().contains(" where se.num_rejected < se.num_instances "));
        assertTrue(probe(QueryScope.allInstances())
                .sql()
                .contains(" where not exists (select 1 from rejected_instance r where r.sop_iuid = i.sop_iuid) "));
        Statement all = probe(QueryScope.allInstances(), "includerejected", "true");
        assertFalse(all.sql().contains("rejected"), all.sql());
        Statement counts = QuerySql.page(query(QueryScope.allSeries()), 5, false);
        assertTrue(counts.sql().contains("st.num_instances - st.num_rejected as num_instances"), counts.sql());
        assertTrue(counts.sql().contains("se.num_instances - se.num_rejected as series_num_instances"), counts.sql());
        Statement raw = QuerySql.page(query(QueryScope.allSeries(), "includerejected", "true"), 5, false);
        assertTrue(raw.sql().contains("se.num_instances as series_num_instances"), raw.sql());
    }

    /** The parameters of the conditions: the probe's last one is the position. */
    private static List<Object> bound(Statement s) {
        assertEquals(7, s.parameters().get(s.parameters().size() - 1));
        return s.parameters().subList(0, s.parameters().size() - 1);
    }

    @Test
    void singleValueIsAnEqualityWithABoundValue() {
        Statement s = probe(QueryScope.allStudies(), "AccessionNumber", "A1");
        assertEquals("(st.accession_number = ?)", where(s));
        assertEquals(List.of("A1"), bound(s));
    }

    @Test
    void severalValuesAreAnInList() {
        Statement s = probe(QueryScope.allStudies(), "StudyInstanceUID", "1.2.3,1.2.4");
        assertEquals("(st.study_iuid in (?, ?))", where(s));
        assertEquals(List.of("1.2.3", "1.2.4"), bound(s));
    }

    @Test
    void wildcardIsALikeWhoseOwnCharactersAreEscaped() {
        Statement s = probe(QueryScope.allStudies(), "StudyDescription", "50%_br!*?");
        assertEquals("(st.study_description like ? escape '!')", where(s));
        assertEquals(List.of("50!%!_br!!%_"), bound(s));
    }

    @Test
    void valueInAListColumnMatchesBetweenBackslashes() {
        Statement s = probe(QueryScope.allStudies(), "ModalitiesInStudy", "CT\\M?");
        assertEquals(
                "(st.modalities_in_study like ? escape '!' or st.modalities_in_study like ? escape '!')", where(s));
        assertEquals(List.of("%\\CT\\%", "%\\M_\\%"), bound(s));
    }

    @Test
    void exactNameAlsoMatchesEmptyTrailingComponentsAndOtherGroups() {
        Statement s = probe(QueryScope.allStudies(), "PatientName", "Doe^John");
        assertEquals("((st.patient_name_norm in (?, ?, ?, ?, ?) or st.patient_name_norm like ? escape '!'))", where(s));
        assertEquals(
                List.of("DOE^JOHN", "DOE^JOHN^", "DOE^JOHN^^", "DOE^JOHN^^^", "DOE^JOHN^^^^", "DOE^JOHN=%"), bound(s));
        assertFalse(s.sql().contains("join patient"), s.sql());
    }

    @Test
    void fuzzyNameTermsEachStartSomePartOfTheName() {
        Statement s = probe(QueryScope.allStudies(), "fuzzymatching", "true", "PatientName", "jo");
        assertEquals(
                "(((st.patient_name_norm like ? escape '!' or st.patient_name_norm like ? escape '!'"
                        + " or st.patient_name_norm like ? escape '!' or st.patient_name_norm like ? escape '!')))",
                where(s));
        assertEquals(List.of("JO%", "%^JO%", "% JO%", "%=JO%"), bound(s));
    }

    @Test
    void numbersAreAnInListOfLongs() {
        Statement s = probe(QueryScope.allInstances(), "InstanceNumber", "01\\2");
        assertEquals("i.instance_number in (?, ?)", where(s));
        assertEquals(List.of(1L, 2L), bound(s));
        assertEquals("select i.pk from instance i", s.sql().substring(0, s.sql().indexOf(" where ")));
    }

    @Test
    void closedRangeBindsBothBounds() {
        Statement s = probe(QueryScope.allStudies(), "StudyDate", "20240101-20240131");
        assertEquals("(st.study_date >= ? and st.study_date <= ?)", where(s));
        assertEquals(List.of("20240101", "20240131"), bound(s));
    }

    @Test
    void openRangeHasOneBoundSoAnEmptyValueNeverMatches() {
        Statement s = probe(QueryScope.allStudies(), "StudyDate", "-20240131");
        assertEquals("(st.study_date <= ?)", where(s));
        assertEquals(List.of("20240131"), bound(s));
    }

    @Test
    void dateTimeRangeLetsARowWithoutATimeMatchOnTheBoundDates() {
        Statement s = probe(QueryScope.allStudies(), "StudyDate", "20240101-20240102", "StudyTime", "1900-1000");
        assertEquals(
                "((st.study_date > ? or (st.study_date = ? and (st.study_time is null or st.study_time >= ?)))"
                        + " and (st.study_date < ? or (st.study_date = ? and (st.study_time is null or st.study_time <= ?))))",
                where(s));
        assertEquals(List.of("20240101", "20240101", "1900", "20240102", "20240102", "100059.999999"), bound(s));
    }

    @Test
    void zonedRangeComparesTheUtcColumnAndFallsBackToTheLocalRange() {
        Statement s = probe(QueryScope.allStudies(), "TimezoneOffsetFromUTC", "+0100", "StudyDate", "20240101");
        assertEquals(
                "((st.study_datetime_utc is not null and (st.study_datetime_utc >= ? and st.study_datetime_utc"
                        + " <= ?)) or (st.study_datetime_utc is null and (st.study_date >= ? and st.study_date <= ?)))",
                where(s));
        assertEquals(List.of("20231231230000.000000", "20240101225959.999999", "20240101", "20240101"), bound(s));
    }

    @Test
    void zonedTimeRangeAcrossUtcMidnightIsTheTwoEndsOfTheDay() {
        Statement s = probe(QueryScope.allStudies(), "TimezoneOffsetFromUTC", "+0100", "StudyTime", "00-01");
        assertEquals(
                "((st.study_datetime_utc is not null and (substring(st.study_datetime_utc, 9) >= ? or"
                        + " substring(st.study_datetime_utc, 9) <= ?)) or (st.study_datetime_utc is null and"
                        + " (st.study_time >= ? and st.study_time <= ?)))",
                where(s));
        assertEquals(List.of("230000.000000", "005959.999999", "00", "015959.999999"), bound(s));
    }

    @Test
    void zonedTimeRangeWithinTheUtcDayIsOneInterval() {
        Statement s = probe(QueryScope.allStudies(), "TimezoneOffsetFromUTC", "+0100", "StudyTime", "10-11");
        assertTrue(where(s).contains("substring(st.study_datetime_utc, 9) >= ? and substring("), where(s));
        assertEquals(List.of("090000.000000", "105959.999999", "10", "115959.999999"), bound(s));
    }

    @Test
    void extendedKeyIsAnExistsOverItsRows() {
        Statement s = probe(QueryScope.allStudies(), "InstitutionName", "Mercy*");
        assertEquals(
                "exists (select 1 from extended_key x where x.tag = ? and x.owner_pk = st.pk and"
                        + " x.owner_level = 'STUDY' and (x.key_value like ? escape '!'))",
                where(s));
        assertEquals(List.of(Tag.InstitutionName, "Mercy%"), bound(s));
    }

    @Test
    void itemKeysOfOneSequenceMustMatchTheSameItem() {
        Statement s = probe(
                QueryScope.allSeries(),
                "RequestAttributesSequence.RequestedProcedureID",
                "RP1",
                "RequestAttributesSequence.ScheduledProcedureStepID",
                "SPS1");
        assertEquals(
                "exists (select 1 from request_attributes_item ra where ra.series_fk = se.pk"
                        + " and (ra.requested_procedure_id = ?) and (ra.scheduled_procedure_step_id = ?))",
                where(s));
        assertEquals(List.of("RP1", "SPS1"), bound(s));
    }

    @Test
    void pathScopeComesFirstAndJoinsOnlyTheTablesItNeeds() {
        Statement s =
                probe(QueryScope.instancesOfSeries("1.2.3", "1.2.3.4"), "SOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
        assertEquals(
                "select i.pk from instance i join series se on se.pk = i.series_fk join study st on"
                        + " st.pk = se.study_fk where st.study_iuid = ? and se.series_iuid = ? and (i.sop_class_uid = ?)"
                        + " and not exists (select 1 from rejected_instance r where r.sop_iuid = i.sop_iuid)"
                        + " order by i.pk limit 1 offset ?",
                s.sql());
        assertEquals(List.of("1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.2", 7), s.parameters());
    }

    @Test
    void pageOrdersByPrimaryKeyAndBindsLimitAndOffsetLast() {
        Statement s = QuerySql.page(query(QueryScope.allSeries(), "Modality", "CT", "offset", "20"), 10, false);
        assertTrue(s.sql().startsWith("select st.pk as study_pk,"), s.sql());
        assertTrue(
                s.sql()
                        .endsWith(" where (se.modality = ?) and se.num_rejected < se.num_instances"
                                + " order by se.pk limit ? offset ?"),
                s.sql());
        assertEquals(List.of("CT", 10, 20), s.parameters());
    }

    @Test
    void studyPageWithoutPatientKeysLimitsTheStudiesBeforeJoiningTheirPatients() {
        Statement s = QuerySql.page(query(QueryScope.allStudies(), "StudyDate", "20180801-20180828"), 101, false);
        assertTrue(
                s.sql()
                        .endsWith(" from (select * from study st where (st.study_date >= ? and st.study_date <= ?)"
                                + " and st.num_rejected < st.num_instances order by st.pk limit ? offset ?) st"
                                + " join patient p on p.pk = st.patient_fk order by st.pk"),
                s.sql());
        assertEquals(List.of("20180801", "20180828", 101, 0), s.parameters());
    }

    @Test
    void studyPageWithAPatientNameMatchesTheStudysCopyBeforeTheLimit() {
        Statement s = QuerySql.page(query(QueryScope.allStudies(), "PatientName", "*OMA*"), 101, false);
        assertTrue(
                s.sql()
                        .endsWith(" from (select * from study st where (st.patient_name_norm like ? escape '!')"
                                + " and st.num_rejected < st.num_instances order by st.pk limit ? offset ?) st"
                                + " join patient p on p.pk = st.patient_fk order by st.pk"),
                s.sql());
    }

    @Test
    void studyPageWithAnotherPatientKeyJoinsBeforeTheLimit() {
        Statement s = QuerySql.page(query(QueryScope.allStudies(), "PatientID", "P1"), 101, false);
        assertTrue(
                s.sql()
                        .endsWith(" from study st join patient p on p.pk = st.patient_fk where"
                                + " (p.patient_id = ?) and st.num_rejected < st.num_instances"
                                + " order by st.pk limit ? offset ?"),
                s.sql());
    }

    @Test
    void pageWithMetadataWrapsThePageToReadTheFirstStoredInstance() {
        Statement s = QuerySql.page(query(QueryScope.allSeries(), "includerejected", "true"), 5, true);
        assertTrue(
                s.sql()
                        .startsWith(
                                "select q.*, (select r.metadata from instance r where r.pk ="
                                        + " (select min(m.pk) from instance m where m.series_fk = q.series_pk)) as metadata from (select "),
                s.sql());
        assertTrue(s.sql().endsWith(") q order by q.series_pk"), s.sql());
        assertEquals(List.of(5, 0), s.parameters());
    }

    @Test
    void itemsOfOneResultAreFilteredByTheQuerysItemKeys() {
        QidoQuery q = query(QueryScope.allSeries(), "RequestAttributesSequence.RequestedProcedureID", "RP*");
        Statement s = QuerySql.items(q, ItemSequence.REQUEST_ATTRIBUTES, Set.of(ItemKey.REQUESTED_PROCEDURE_ID));
        assertEquals(
                "select ra.pk, ra.requested_procedure_id from request_attributes_item ra where ra.series_fk = ?"
                        + " and (ra.requested_procedure_id like ? escape '!') order by ra.pk",
                s.sql());
        assertEquals(List.of("RP%"), s.parameters());
    }

    @Test
    void scopeExistsLooksUpTheStudyAndSeriesOfThePath() {
        assertEquals(
                new Statement("select st.pk from study st where st.study_iuid = ?", List.of("1.2.3")),
                QuerySql.scopeExists(QueryScope.seriesOfStudy("1.2.3"), true));
        assertEquals(
                new Statement(
                        "select se.pk from series se join study st on st.pk = se.study_fk"
                                + " where st.study_iuid = ? and se.series_iuid = ?",
                        List.of("1.2.3", "1.2.3.4")),
                QuerySql.scopeExists(QueryScope.instancesOfSeries("1.2.3", "1.2.3.4"), true));
    }

    @Test
    void inlinedStatementQuotesStringsAndLeavesQuotedQuestionMarksAlone() {
        Statement s = new Statement("select '?' from t\n where a = ? and b = ?", List.of("O'Brien", 3L));
        assertEquals("select '?' from t where a = 'O''Brien' and b = 3", s.inlined());
    }
}
