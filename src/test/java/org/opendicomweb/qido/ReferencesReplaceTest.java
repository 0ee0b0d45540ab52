package org.opendicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.stow.StowReplacePolicyTest;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * With {@code dicomweb.stow.duplicate-policy=replace}, an instance sent again with other references has the new
 * ones only: what it no longer names is no longer referenced by it, in either direction.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReferencesReplaceTest {

    @Test
    void aReplacedInstanceReferencesWhatItsNewFileNames() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage();
        DicomFiles.Builder second =
                DicomFiles.ctImage().studyUid(first.studyInstanceUid()).seriesUid(first.seriesInstanceUid());
        String planUid = Uids.generate();
        String study = Uids.generate();
        ReferencesTest.store(List.of(first, second, plan(planUid, study, first.sopInstanceUid())));
        DicomFiles.Builder plan = plan(planUid, study, first.sopInstanceUid());
        assertEquals(
                Set.of(first.sopInstanceUid()), ReferencesTest.references(plan).keySet());

        DicomFiles.Builder replaced = plan(planUid, study, second.sopInstanceUid());
        ReferencesTest.store(List.of(replaced), 202); // replaced, with Warning Reason 0xB301
        Map<String, ReferencesTest.Result> refs = ReferencesTest.references(replaced);
        assertEquals(Set.of(second.sopInstanceUid()), refs.keySet());
        assertEquals(
                List.of("ReferencedStructureSetSequence"),
                refs.get(second.sopInstanceUid()).paths());
        assertEquals(Map.of(), ReferencesTest.referencedBy(first));
        assertEquals(Set.of(planUid), ReferencesTest.referencedBy(second).keySet());
    }

    /** The same RT Plan (UIDs fixed) naming {@code referenced} as its structure set. */
    private static DicomFiles.Builder plan(String planUid, String study, String referenced) {
        return ReferencesTest.nonImage(UID.RTPlanStorage, "RTPLAN", study)
                .seriesUid(planUid + ".1")
                .sopInstanceUid(planUid)
                .edit(ds -> {
                    Attributes item = ds.newSequence(Tag.ReferencedStructureSetSequence, 1)
                            .addItem();
                    item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.RTStructureSetStorage);
                    item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, referenced);
                });
    }
}
