package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Patient ID (0010,0020) of stored studies, for the audit trail: an access to a study is audited with its
 * patient (DICOM PS3.15 A.5.3, the Patient participant object), though a request names only the study.
 */
@ApplicationScoped
public class StudyPatients {
    /** UIDs per statement: well below PostgreSQL's 32,767 bound parameters, however many studies one batch names. */
    static final int PER_QUERY = 1_000;

    private final Sql sql;

    @Inject
    StudyPatients(Sql sql) {
        this.sql = sql;
    }

    /**
     * The Patient ID of each of these studies that is stored, by Study Instance UID: empty for a study stored
     * without one. A study that is not stored has no entry.
     */
    public Map<String, Optional<String>> patientIds(Collection<String> studyInstanceUids) throws SQLException {
        Map<String, Optional<String>> found = new HashMap<>();
        List<String> uids = new ArrayList<>(studyInstanceUids);
        for (int from = 0; from < uids.size(); from += PER_QUERY) {
            List<String> part = uids.subList(from, Math.min(uids.size(), from + PER_QUERY));
            sql.query("""
                    select st.study_iuid, p.patient_id
                      from study st join patient p on p.pk = st.patient_fk
                     where st.study_iuid in (""" + Sql.marks(part.size()) + ")", part, rs -> {
                while (rs.next()) {
                    found.put(rs.getString(1), Optional.ofNullable(rs.getString(2)));
                }
                return null;
            });
        }
        return found;
    }
}
