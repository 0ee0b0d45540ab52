package org.opendicomweb.stow;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.RequestBodyStream;
import org.opendicomweb.web.WarningHeader;

/**
 * The response of a store transaction (PS3.18 §10.5.3, Table 10.5.3-1): the HTTP status derived from all part
 * outcomes in one place (200, 202 or 409, or the request refused whole with 413 or 503 when nothing was stored
 * for a reason that is no instance's fault), and the response dataset.
 */
public record StowResponse(int status, Attributes dataset, List<String> warnings) {
    private static final int MAX_WARNING_HEADERS = 10;

    public static StowResponse of(StowResult result, String serviceRoot) {
        List<PartOutcome> outcomes = result.outcomes();
        return new StowResponse(
                statusOf(outcomes), datasetOf(outcomes, serviceRoot), warningsOf(outcomes, result.remarks()));
    }

    /** 200 all stored without warnings; 409 nothing stored; 202 anything in between (§10.5.3). */
    static int statusOf(List<PartOutcome> outcomes) {
        long stored = outcomes.stream().filter(PartOutcome::isStored).count();
        if (stored == 0) {
            return 409;
        }
        boolean clean = stored == outcomes.size() && outcomes.stream().allMatch(o -> o.warning() == null);
        return clean ? 200 : 202;
    }

    /** A body cut off at the request limit with nothing stored is a 413 (PS3.18 §10.5.3), not a 409. */
    static List<PartOutcome> requireWithinLimit(InputStream body, List<PartOutcome> outcomes) {
        if (body instanceof RequestBodyStream stream
                && stream.limitExceeded() != null
                && outcomes.stream().noneMatch(PartOutcome::isStored)) {
            throw new DicomwebException(
                    413, "Nothing was stored: " + stream.limitExceeded().getMessage());
        }
        return outcomes;
    }

    /**
     * Nothing stored because the index or storage is down is not the client's fault: 503 (retry later) rather
     * than the 409 of PS3.18 §10.5.3, which says the request itself was refused.
     */
    static List<PartOutcome> requireServiceUsable(List<PartOutcome> outcomes) {
        boolean noneStored = outcomes.stream().noneMatch(PartOutcome::isStored);
        PartOutcome down =
                outcomes.stream().filter(PartOutcome::unavailable).findFirst().orElse(null);
        if (noneStored && down != null) {
            throw DicomwebException.unavailable("Nothing was stored: " + down.detail());
        }
        return outcomes;
    }

    static Attributes datasetOf(List<PartOutcome> outcomes, String root) {
        Attributes ds = new Attributes();
        List<String> studies = outcomes.stream()
                .filter(PartOutcome::isStored)
                .map(PartOutcome::studyInstanceUid)
                .distinct()
                .toList();
        // RetrieveURL of the study only when the request stored into exactly one study.
        ds.setString(Tag.RetrieveURL, VR.UR, studies.size() == 1 ? root + "/studies/" + studies.get(0) : null);
        Sequence failed = null;
        Sequence referenced = null;
        for (PartOutcome o : outcomes) {
            if (o.isStored()) {
                if (referenced == null) {
                    referenced = ds.newSequence(Tag.ReferencedSOPSequence, outcomes.size());
                }
                Attributes item = referenced.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, o.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, o.sopInstanceUid());
                item.setString(
                        Tag.RetrieveURL,
                        VR.UR,
                        root + "/studies/" + o.studyInstanceUid() + "/series/" + o.seriesInstanceUid() + "/instances/"
                                + o.sopInstanceUid());
                if (o.warning() != null) {
                    item.setInt(Tag.WarningReason, VR.US, o.warning());
                }
            } else {
                if (failed == null) {
                    failed = ds.newSequence(Tag.FailedSOPSequence, 4);
                }
                Attributes item = failed.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, o.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, o.sopInstanceUid());
                item.setInt(Tag.FailureReason, VR.US, o.failure().code());
            }
        }
        return ds;
    }

    /**
     * Human-readable reasons as HTTP Warning headers (RFC 7234 §5.5, code 299), since the codes alone say little:
     * each refused instance named by where it was in the request, then remarks about the request itself.
     */
    static List<String> warningsOf(List<PartOutcome> outcomes, List<String> remarks) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < outcomes.size() && warnings.size() < MAX_WARNING_HEADERS; i++) {
            PartOutcome o = outcomes.get(i);
            if (o.detail() != null) {
                String where = o.source() != null ? o.source() : "part " + (i + 1);
                warnings.add(WarningHeader.of(where + ": " + o.detail()));
            }
        }
        for (int i = 0; i < remarks.size() && warnings.size() < MAX_WARNING_HEADERS; i++) {
            warnings.add(WarningHeader.of(remarks.get(i)));
        }
        return warnings;
    }
}
