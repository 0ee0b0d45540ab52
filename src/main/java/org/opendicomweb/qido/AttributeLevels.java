package org.opendicomweb.qido;

import java.util.Set;
import org.opendicomweb.dicom.Tag;

/**
 * The level each attribute belongs to, for deciding what {@code includefield} may return at a level
 * (PS3.18 §10.6.3.3: higher-level attributes may be included, lower-level ones are not returned) and what
 * {@code includefield=all} returns.
 *
 * <p>Study level: the Patient IE and Study IE modules (PS3.3 C.7.1.1 Patient, C.7.2.1 General Study,
 * C.7.2.2 Patient Study), i.e. everything in group 0010 and the study attributes listed below, plus the
 * study-level query attributes of PS3.4 Table C.3-1. Series level: General Series (C.7.3.1), General Equipment
 * (C.7.5.1) and Frame of Reference (C.7.4.1). Every other attribute, private ones included, is instance level.
 */
final class AttributeLevels {

    private static final Set<Integer> STUDY = Set.of(
            // General Study (PS3.3 C.7.2.1)
            Tag.StudyInstanceUID,
            Tag.StudyDate,
            Tag.StudyTime,
            Tag.ReferringPhysicianName,
            Tag.ReferringPhysicianIdentificationSequence,
            Tag.ConsultingPhysicianName,
            Tag.ConsultingPhysicianIdentificationSequence,
            Tag.StudyID,
            Tag.AccessionNumber,
            Tag.IssuerOfAccessionNumberSequence,
            Tag.StudyDescription,
            Tag.PhysiciansOfRecord,
            Tag.PhysiciansOfRecordIdentificationSequence,
            Tag.NameOfPhysiciansReadingStudy,
            Tag.PhysiciansReadingStudyIdentificationSequence,
            Tag.RequestingServiceCodeSequence,
            Tag.ReferencedStudySequence,
            Tag.ProcedureCodeSequence,
            Tag.ReasonForPerformedProcedureCodeSequence,
            // Patient Study (PS3.3 C.7.2.2) outside group 0010
            Tag.AdmittingDiagnosesDescription,
            Tag.AdmittingDiagnosesCodeSequence,
            Tag.AdmissionID,
            Tag.IssuerOfAdmissionIDSequence,
            Tag.ServiceEpisodeID,
            Tag.ServiceEpisodeDescription,
            Tag.IssuerOfServiceEpisodeIDSequence,
            Tag.ReasonForVisit,
            Tag.ReasonForVisitCodeSequence,
            // Query attributes kept for studies (PS3.4 Table C.3-1)
            Tag.ModalitiesInStudy,
            Tag.SOPClassesInStudy,
            Tag.NumberOfStudyRelatedSeries,
            Tag.NumberOfStudyRelatedInstances);

    private static final Set<Integer> SERIES = Set.of(
            // General Series (PS3.3 C.7.3.1)
            Tag.Modality,
            Tag.SeriesInstanceUID,
            Tag.SeriesNumber,
            Tag.Laterality,
            Tag.SeriesDate,
            Tag.SeriesTime,
            Tag.PerformingPhysicianName,
            Tag.PerformingPhysicianIdentificationSequence,
            Tag.ProtocolName,
            Tag.SeriesDescription,
            Tag.SeriesDescriptionCodeSequence,
            Tag.OperatorsName,
            Tag.OperatorIdentificationSequence,
            Tag.ReferencedPerformedProcedureStepSequence,
            Tag.RelatedSeriesSequence,
            Tag.BodyPartExamined,
            Tag.PatientPosition,
            Tag.SmallestPixelValueInSeries,
            Tag.LargestPixelValueInSeries,
            Tag.RequestAttributesSequence,
            Tag.PerformedProcedureStepID,
            Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime,
            Tag.PerformedProcedureStepEndDate,
            Tag.PerformedProcedureStepEndTime,
            Tag.PerformedProcedureStepDescription,
            Tag.PerformedProtocolCodeSequence,
            Tag.CommentsOnThePerformedProcedureStep,
            Tag.AnatomicalOrientationType,
            Tag.TreatmentSessionUID,
            // General Equipment (PS3.3 C.7.5.1)
            Tag.Manufacturer,
            Tag.InstitutionName,
            Tag.InstitutionAddress,
            Tag.StationName,
            Tag.InstitutionalDepartmentName,
            Tag.ManufacturerModelName,
            Tag.DeviceSerialNumber,
            Tag.DeviceUID,
            Tag.GantryID,
            Tag.SoftwareVersions,
            Tag.SpatialResolution,
            Tag.DateOfLastCalibration,
            Tag.TimeOfLastCalibration,
            // Frame of Reference (PS3.3 C.7.4.1)
            Tag.FrameOfReferenceUID,
            Tag.PositionReferenceIndicator,
            // Query attribute kept for series (PS3.4 Table C.3-1)
            Tag.NumberOfSeriesRelatedInstances);

    private AttributeLevels() {}

    static QueryLevel levelOf(int tag) {
        if (Tag.group(tag) == 0x0010 || STUDY.contains(tag)) {
            return QueryLevel.STUDY;
        }
        return SERIES.contains(tag) ? QueryLevel.SERIES : QueryLevel.INSTANCE;
    }

    /**
     * Values that are bulk data by nature: never part of a query result, not even with {@code includefield=all}
     * (PS3.18 §10.6.3.3 returns attributes, not pixels).
     */
    static boolean isBulkData(int tag) {
        int group = Tag.group(tag);
        return group == 0x7FE0
                || (group & 0xFF01) == 0x6000 && Tag.element(tag) == 0x3000
                || tag == Tag.WaveformData
                || tag == Tag.EncapsulatedDocument
                || tag == Tag.SpectroscopyData;
    }
}
