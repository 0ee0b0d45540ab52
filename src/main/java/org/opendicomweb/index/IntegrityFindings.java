package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the integrity findings that storing records (see V4__integrity_findings.sql): series refused under
 * another study, series whose instances carry several modalities, studies whose instances disagree on patient
 * demographics, series whose instances disagree on SOP Instance Status or its authorization; and what the scrub records (see V9__blob_crc32c.sql): stored objects that are missing or hold other
 * bytes than were stored. Each list is one indexed read, a page at a time in the order the findings were first recorded.
 */
@ApplicationScoped
public class IntegrityFindings {
    private final IndexDatabase database;

    @Inject
    IntegrityFindings(IndexDatabase database) {
        this.database = database;
    }

    /** One page of a list of findings and how many there are in all. */
    public record Page<T>(long total, List<T> items) {}

    /** Instances refused (0xC40A) because their series is indexed under another study. */
    public record SeriesInOtherStudy(
            String seriesInstanceUID,
            String storedInStudyInstanceUID,
            String refusedStudyInstanceUID,
            String lastRefusedSOPInstanceUID,
            int refusals,
            String firstRefused,
            String lastRefused) {}

    /** A series whose instances do not all have the same Modality (0008,0060). */
    public record SeriesWithSeveralModalities(
            String studyInstanceUID, String seriesInstanceUID, List<String> modalities, int instances) {}

    /** The demographics that some instances of a study carry, and how many instances carry them. */
    public record DemographicVariant(
            String patientID,
            String issuerOfPatientID,
            String patientName,
            String patientBirthDate,
            int instances,
            String firstSOPInstanceUID,
            String firstSeen) {}

    /** A study whose instances disagree on Patient ID, Issuer, Name or Birth Date; the first variant came first. */
    public record StudyWithConflictingDemographics(
            String studyInstanceUID, int instances, List<DemographicVariant> variants) {}

    /**
     * A stored object the scrub found missing or holding other bytes ({@code problem} MISSING or MISMATCH), until a
     * later scrub finds it intact.
     */
    public record DamagedObject(
            String studyInstanceUID,
            String seriesInstanceUID,
            String sopInstanceUID,
            String blobKey,
            String problem,
            String detail,
            String firstFound,
            String lastFound) {}

    /** One combination of SOP Instance Status and its companions that some instances of a series carry. */
    public record InstanceStatusVariant(
            String sopInstanceStatus,
            String sopAuthorizationDateTime,
            String sopAuthorizationComment,
            int instances,
            String firstSOPInstanceUID) {}

    /**
     * A series whose instances disagree on SOP Instance Status (0100,0410), SOP Authorization DateTime (0100,0420)
     * or SOP Authorization Comment (0100,0424): e.g. some authorized for diagnostic use (AO) and others not.
     */
    public record SeriesWithDisagreeingInstanceStatus(
            String studyInstanceUID, String seriesInstanceUID, int instances, List<InstanceStatusVariant> variants) {}

    /**
     * The series some of whose instances carry a status or authorization (the only ones that can disagree: read from
     * the partial index of V14_1 on PostgreSQL) and whose instances carry more than one value of one of them, absent
     * counting as a value.
     */
    private static final String DISAGREEING_STATUS = """
            select i.series_fk from instance i
             where i.series_fk in (select s.series_fk from instance s
                                    where s.sop_instance_status is not null or s.sop_authorization_datetime is not null
                                       or s.sop_authorization_comment is not null)
             group by i.series_fk
            having count(distinct coalesce(i.sop_instance_status, '')) > 1
                or count(distinct coalesce(i.sop_authorization_datetime, '')) > 1
                or count(distinct coalesce(i.sop_authorization_comment, '')) > 1""";

    public Page<SeriesWithDisagreeingInstanceStatus> seriesWithDisagreeingInstanceStatus(int limit, int offset)
            throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long total = count(c, "select count(*) from (" + DISAGREEING_STATUS + ") d");
            List<Long> series = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(DISAGREEING_STATUS + " order by i.series_fk limit ? offset ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        series.add(rs.getLong(1));
                    }
                }
            }
            List<SeriesWithDisagreeingInstanceStatus> items = new ArrayList<>();
            try (PreparedStatement uids = c.prepareStatement("""
                            select st.study_iuid, se.series_iuid, se.num_instances
                              from series se join study st on st.pk = se.study_fk where se.pk = ?""");
                    PreparedStatement variants = c.prepareStatement("""
                            select v.v_status, v.v_authorized, v.v_comment, v.v_count, (select f.sop_iuid from instance f where f.pk = v.first_pk)
                              from (select sop_instance_status as v_status, sop_authorization_datetime as v_authorized,
                                           sop_authorization_comment as v_comment, count(*) as v_count, min(pk) as first_pk
                                      from instance where series_fk = ?
                                     group by sop_instance_status, sop_authorization_datetime, sop_authorization_comment) v
                             order by v.first_pk""")) {
                for (long pk : series) {
                    uids.setLong(1, pk);
                    variants.setLong(1, pk);
                    List<InstanceStatusVariant> found = new ArrayList<>();
                    try (ResultSet rs = variants.executeQuery()) {
                        while (rs.next()) {
                            found.add(new InstanceStatusVariant(
                                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
                        }
                    }
                    try (ResultSet rs = uids.executeQuery()) {
                        if (rs.next()) {
                            items.add(new SeriesWithDisagreeingInstanceStatus(
                                    rs.getString(1), rs.getString(2), rs.getInt(3), found));
                        }
                    }
                }
            }
            return new Page<>(total, items);
        }
    }

    /** Objects found damaged whose instance still points at them (a replaced instance has another object). */
    public Page<DamagedObject> damagedObjects(int limit, int offset) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long total = count(c, """
                    select count(*) from blob_finding f join instance i on i.pk = f.instance_pk
                     where i.blob_key = f.blob_key""");
            List<DamagedObject> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select f.study_iuid, f.series_iuid, f.sop_iuid, f.blob_key, f.problem, f.detail, f.first_found,
                           f.last_found
                      from blob_finding f join instance i on i.pk = f.instance_pk
                     where i.blob_key = f.blob_key order by f.instance_pk limit ? offset ?""")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new DamagedObject(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                iso(rs.getTimestamp(7)),
                                iso(rs.getTimestamp(8))));
                    }
                }
            }
            return new Page<>(total, items);
        }
    }

    public Page<SeriesInOtherStudy> seriesInOtherStudies(int limit, int offset) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long total = count(c, "select count(*) from series_conflict");
            List<SeriesInOtherStudy> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select series_iuid, stored_study_iuid, refused_study_iuid, last_sop_iuid, refusals, first_refused,
                           last_refused
                      from series_conflict order by pk limit ? offset ?""")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new SeriesInOtherStudy(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                iso(rs.getTimestamp(6)),
                                iso(rs.getTimestamp(7))));
                    }
                }
            }
            return new Page<>(total, items);
        }
    }

    public Page<SeriesWithSeveralModalities> seriesWithSeveralModalities(int limit, int offset) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long total = count(c, "select count(*) from series where num_modalities > 1");
            List<SeriesWithSeveralModalities> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select st.study_iuid, se.series_iuid, se.modalities, se.num_instances
                      from series se join study st on st.pk = se.study_fk
                     where se.num_modalities > 1 order by se.pk limit ? offset ?""")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new SeriesWithSeveralModalities(
                                rs.getString(1), rs.getString(2), values(rs.getString(3)), rs.getInt(4)));
                    }
                }
            }
            return new Page<>(total, items);
        }
    }

    public Page<StudyWithConflictingDemographics> studiesWithConflictingDemographics(int limit, int offset)
            throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long total = count(c, "select count(*) from study where num_demographic_variants > 1");
            Map<Long, String> studies = new LinkedHashMap<>();
            Map<Long, Integer> instances = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select pk, study_iuid, num_instances from study
                     where num_demographic_variants > 1 order by pk limit ? offset ?""")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        studies.put(rs.getLong(1), rs.getString(2));
                        instances.put(rs.getLong(1), rs.getInt(3));
                    }
                }
            }
            List<StudyWithConflictingDemographics> items = new ArrayList<>();
            for (Map.Entry<Long, String> study : studies.entrySet()) {
                List<DemographicVariant> variants = variantsOf(c, study.getKey(), instances.get(study.getKey()));
                items.add(new StudyWithConflictingDemographics(
                        study.getValue(), instances.get(study.getKey()), variants));
            }
            return new Page<>(total, items);
        }
    }

    /**
     * The variants of one study, first the study's reference (the first seen), whose instances are not counted
     * as they arrive (agreeing costs nothing): they are the study's instances that the other variants leave.
     */
    private static List<DemographicVariant> variantsOf(Connection c, long studyPk, int studyInstances)
            throws SQLException {
        List<DemographicVariant> variants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select patient_id, issuer_of_patient_id, patient_name, patient_birth_date, num_instances,
                       first_sop_iuid, first_seen
                  from study_demographics where study_fk = ? order by pk""")) {
            ps.setLong(1, studyPk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    variants.add(new DemographicVariant(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6),
                            iso(rs.getTimestamp(7))));
                }
            }
        }
        if (!variants.isEmpty()) {
            int others = variants.stream()
                    .skip(1)
                    .mapToInt(DemographicVariant::instances)
                    .sum();
            DemographicVariant first = variants.get(0);
            variants.set(
                    0,
                    new DemographicVariant(
                            first.patientID(),
                            first.issuerOfPatientID(),
                            first.patientName(),
                            first.patientBirthDate(),
                            Math.max(0, studyInstances - others),
                            first.firstSOPInstanceUID(),
                            first.firstSeen()));
        }
        return variants;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> values(String multiValued) {
        if (multiValued == null || multiValued.length() < 2) {
            return List.of();
        }
        return Arrays.asList(multiValued.substring(1, multiValued.length() - 1).split("\\\\"));
    }

    private static String iso(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
