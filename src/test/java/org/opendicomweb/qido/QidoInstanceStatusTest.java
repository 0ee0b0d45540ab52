package org.opendicomweb.qido;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.qido.QidoSearch.get;
import static org.opendicomweb.qido.QidoSearch.search;
import static org.opendicomweb.qido.QidoSearch.uids;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * SOP Instance Status (0100,0410) at series and study level: a series (study) matches when one of its instances
 * does. Expected answers are computed from the stored datasets.
 *
 * <pre>
 * study 1, series A: AO, no status
 * study 1, series B: NS
 * study 2, series C: no status
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoInstanceStatusTest {
    private static String run;
    private static List<DicomFiles.Builder> stored;
    private static DicomFiles.Builder a1;

    @BeforeEach
    void storeOnce() {
        if (stored != null) {
            return;
        }
        run = QidoFixture.runId();
        a1 = DicomFiles.ctImage().patient("Status^One", patient(1)).with(Tag.SOPInstanceStatus, VR.CS, "AO");
        DicomFiles.Builder a2 = DicomFiles.ctImage()
                .patient("Status^One", patient(1))
                .studyUid(a1.studyInstanceUid())
                .seriesUid(a1.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        DicomFiles.Builder b = DicomFiles.ctImage()
                .patient("Status^One", patient(1))
                .studyUid(a1.studyInstanceUid())
                .series(Uids.generate(), 2)
                .with(Tag.SOPInstanceStatus, VR.CS, "NS");
        DicomFiles.Builder c = DicomFiles.ctImage().patient("Status^Two", patient(2));
        stored = List.of(a1, a2, b, c);
        QidoFixture.storeAll(stored);
    }

    private static String patient(int n) {
        return "ST" + run + "-" + n;
    }

    private static String[] restricted(String... params) {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "PatientID";
        all[params.length + 1] = "ST" + run + "-*";
        return all;
    }

    private static Set<String> expected(Function<DicomFiles.Builder, String> uid, Predicate<String> status) {
        Set<String> uids = new LinkedHashSet<>();
        for (DicomFiles.Builder i : stored) {
            String s = i.dataset().getString(Tag.SOPInstanceStatus);
            if (s != null && status.test(s)) {
                uids.add(uid.apply(i));
            }
        }
        return uids;
    }

    @Test
    void aSeriesMatchesWhenAnyOfItsInstancesHasTheStatus() {
        assertEquals(
                expected(DicomFiles.Builder::seriesInstanceUid, "AO"::equals),
                uids(search("/series", restricted("SOPInstanceStatus", "AO")), "0020000E"));
        assertEquals(
                Set.of(a1.seriesInstanceUid()),
                uids(search("/series", restricted("SOPInstanceStatus", "AO")), "0020000E"));
        assertEquals(
                expected(DicomFiles.Builder::seriesInstanceUid, s -> s.startsWith("N")),
                uids(search("/studies/" + a1.studyInstanceUid() + "/series", "SOPInstanceStatus", "N*"), "0020000E"));
        get("/series", restricted("SOPInstanceStatus", "AO"))
                .then()
                .statusCode(200)
                .header("Warning", not(containsString("SOPInstanceStatus")));
    }

    @Test
    void aStudyMatchesWhenAnyOfItsInstancesHasTheStatus() {
        assertEquals(
                expected(DicomFiles.Builder::studyInstanceUid, Set.of("AO", "OR")::contains),
                uids(search("/studies", restricted("SOPInstanceStatus", "AO\\OR")), "0020000D"));
        assertEquals(Set.of(), uids(search("/studies", restricted("SOPInstanceStatus", "AC")), "0020000D"));
    }

    @Test
    void atInstanceLevelEachInstanceIsMatchedOnItsOwn() {
        assertEquals(
                expected(DicomFiles.Builder::sopInstanceUid, "AO"::equals),
                uids(search("/instances", restricted("SOPInstanceStatus", "AO")), "00080018"));
    }
}
