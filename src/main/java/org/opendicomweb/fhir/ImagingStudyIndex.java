package org.opendicomweb.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendicomweb.fhir.ImagingStudySearch.Accession;
import org.opendicomweb.fhir.ImagingStudySearch.Alternative;
import org.opendicomweb.fhir.ImagingStudySearch.Condition;
import org.opendicomweb.fhir.ImagingStudySearch.PatientId;
import org.opendicomweb.fhir.ImagingStudySearch.Started;
import org.opendicomweb.fhir.ImagingStudySearch.StudyUid;
import org.opendicomweb.index.Sql;

/**
 * The index queries of the FHIR endpoints, on the study, series, instance and patient tables only: an ImagingStudy
 * is made of matching keys the index keeps, never of stored files or metadata. What QIDO-RS hides is hidden here too:
 * rejected instances (IHE IOCM), and a series or study whose instances are all rejected; deleted ones have no rows.
 * Every value is a bound parameter.
 */
@ApplicationScoped
class ImagingStudyIndex implements ImagingStudyJson.Details {
    private static final int FETCH_SIZE = 512;

    private static final String STUDY_COLUMNS = """
            select st.pk, st.study_iuid, st.study_date, st.study_time, st.timezone_offset, st.accession_number,
                   st.study_description, st.num_series - st.num_rejected_series, st.num_instances - st.num_rejected,
                   p.patient_id, p.issuer_of_patient_id, p.patient_name, p.patient_birth_date, p.patient_sex
              from study st join patient p on p.pk = st.patient_fk
            """;
    private static final String VISIBLE_STUDY = "st.num_rejected < st.num_instances";

    /**
     * The series of a study with their instances, one row per instance, in the order a viewer shows them (as WADO-RS
     * sends them): series by number, instances by number, then in storing order.
     */
    private static final String SERIES_AND_INSTANCES = """
            select se.pk, se.series_iuid, se.modality, se.series_number, se.series_description, se.pps_start_date,
                   se.pps_start_time, se.num_instances - se.num_rejected, i.sop_iuid, i.sop_class_uid, i.instance_number
              from instance i join series se on se.pk = i.series_fk
             where se.study_fk = ? and se.num_rejected < se.num_instances
               and (se.num_rejected = 0
                    or not exists (select 1 from rejected_instance r where r.sop_iuid = i.sop_iuid))
             order by se.series_number, se.pk, i.instance_number, i.pk
            """;

    private static final String MODALITIES = """
            select distinct se.modality from series se
             where se.study_fk = ? and se.num_rejected < se.num_instances and se.modality is not null
             order by se.modality
            """;

    /** A study with its patient, as the index keeps them (DA as YYYYMMDD, TM and the offset as stored). */
    record StudyRow(
            long pk,
            String uid,
            String date,
            String time,
            String timezoneOffset,
            String accessionNumber,
            String description,
            int numberOfSeries,
            int numberOfInstances,
            String patientId,
            String issuerOfPatientId,
            String patientName,
            String birthDate,
            String sex) {}

    record SeriesRow(
            long pk,
            String uid,
            String modality,
            Integer number,
            String description,
            String startDate,
            String startTime,
            int numberOfInstances) {}

    record InstanceRow(String uid, String sopClassUid, Integer number) {}

    /** Receives the rows of {@link #seriesOf} while the cursor is open. */
    @FunctionalInterface
    interface InstanceSink {
        void accept(SeriesRow series, InstanceRow instance) throws IOException;
    }

    private final Sql sql;

    @Inject
    ImagingStudyIndex(Sql sql) {
        this.sql = sql;
    }

    Optional<StudyRow> study(String studyUid) throws SQLException {
        return sql.query(
                STUDY_COLUMNS + " where st.study_iuid = ? and " + VISIBLE_STUDY,
                List.of(studyUid),
                rs -> rs.next() ? Optional.of(study(rs)) : Optional.empty());
    }

    /** The studies of one page, in the order they were first stored: new ones land on later pages. */
    List<StudyRow> page(ImagingStudySearch search, int limit, int offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        params.add(limit);
        params.add(offset);
        return sql.query(STUDY_COLUMNS + where + " order by st.pk limit ? offset ?", params, rs -> {
            List<StudyRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(study(rs));
            }
            return rows;
        });
    }

    long count(ImagingStudySearch search) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        return sql.query("select count(*) from study st join patient p on p.pk = st.patient_fk" + where, params, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The distinct modalities of the study's series that are shown. */
    @Override
    public List<String> modalities(long studyPk) throws SQLException {
        return sql.query(MODALITIES, List.of(studyPk), rs -> {
            List<String> modalities = new ArrayList<>();
            while (rs.next()) {
                modalities.add(rs.getString(1));
            }
            return modalities;
        });
    }

    /** Streams the study's instances, each with its series, to {@code sink}. */
    @Override
    public void seriesOf(long studyPk, InstanceSink sink) throws SQLException, IOException {
        sql.withCursor(c -> {
            try (PreparedStatement ps = Sql.prepare(c, SERIES_AND_INSTANCES, List.of(studyPk))) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    SeriesRow series = null;
                    while (rs.next()) {
                        long pk = rs.getLong(1);
                        if (series == null || series.pk() != pk) {
                            series = new SeriesRow(
                                    pk,
                                    rs.getString(2),
                                    rs.getString(3),
                                    integer(rs, 4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getInt(8));
                        }
                        sink.accept(series, new InstanceRow(rs.getString(9), rs.getString(10), integer(rs, 11)));
                    }
                }
            }
            return null;
        });
    }

    private static String where(ImagingStudySearch search, List<Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(VISIBLE_STUDY);
        for (Condition condition : search.conditions()) {
            where.append(" and (");
            if (condition.alternatives().isEmpty()) {
                where.append("1 = 0");
            }
            String or = "";
            for (Alternative a : condition.alternatives()) {
                where.append(or).append('(').append(sql(a, params)).append(')');
                or = " or ";
            }
            where.append(')');
        }
        return where.toString();
    }

    private static String sql(Alternative alternative, List<Object> params) {
        return switch (alternative) {
            case StudyUid u -> {
                params.add(u.uid());
                yield "st.study_iuid = ?";
            }
            case Accession a -> {
                params.add(a.number());
                yield "st.accession_number = ?";
            }
            case PatientId p -> {
                params.add(p.id());
                StringBuilder s = new StringBuilder("p.patient_id = ?");
                if (p.issuers() != null) {
                    s.append(" and p.issuer_of_patient_id in (")
                            .append(Sql.marks(p.issuers().size()))
                            .append(')');
                    params.addAll(p.issuers());
                }
                if (!p.notIssuers().isEmpty()) {
                    s.append(" and p.issuer_of_patient_id not in (")
                            .append(Sql.marks(p.notIssuers().size()))
                            .append(')');
                    params.addAll(p.notIssuers());
                }
                if (p.withIssuer()) {
                    s.append(" and p.issuer_of_patient_id <> ''");
                }
                yield s.toString();
            }
            case Started s -> {
                params.addAll(s.date().parameters());
                yield s.date().sql("st.study_date");
            }
        };
    }

    private static StudyRow study(ResultSet rs) throws SQLException {
        return new StudyRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
