package org.opendicomweb.dicom;

/**
 * Data element tags as 32-bit numbers (group in the high 16 bits), and the tag arithmetic of PS3.5 §7.
 * The constants below the helpers are generated from PS3.6 by src/tools/dictgen.
 */
public final class Tag {
    private Tag() {}

    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static boolean isPrivate(int tag) {
        return (tag & 0x00010000) != 0 && group(tag) > 0x0008 && group(tag) != 0xFFFF;
    }

    /** (gggg,0010)-(gggg,00FF) in an odd group: reserves a block of 256 private elements (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        return isPrivate(tag) && element(tag) >= 0x0010 && element(tag) <= 0x00FF;
    }

    /** The private creator element that reserves the block of a private tag: (gggg,00xx) for (gggg,xxee). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** "(0010,0010)" */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }

    /** "00100010", the form used as keys in DICOM JSON (PS3.18 §F.2.1.1). */
    public static String toHex(int tag) {
        // By hand: String.format parses its pattern on every call, and this runs for every element written.
        byte[] hex = new byte[8];
        for (int i = 7; i >= 0; i--, tag >>>= 4) {
            hex[i] = HEX_DIGITS[tag & 0xF];
        }
        return new String(hex, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final byte[] HEX_DIGITS = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    /** Parses "00100010"; returns -1 if the text is not 8 hex digits. */
    public static int parseHex(String s) {
        if (s == null || s.length() != 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return (int) v;
    }

    // ---- generated constants (src/tools/dictgen) ----
    public static final int CommandGroupLength = 0x00000000;
    /** retired */
    public static final int CommandLengthToEnd = 0x00000001;

    public static final int AffectedSOPClassUID = 0x00000002;
    public static final int RequestedSOPClassUID = 0x00000003;
    /** retired */
    public static final int CommandRecognitionCode = 0x00000010;

    public static final int CommandField = 0x00000100;
    public static final int MessageID = 0x00000110;
    public static final int MessageIDBeingRespondedTo = 0x00000120;
    /** retired */
    public static final int Initiator = 0x00000200;
    /** retired */
    public static final int Receiver = 0x00000300;
    /** retired */
    public static final int FindLocation = 0x00000400;

    public static final int MoveDestination = 0x00000600;
    public static final int Priority = 0x00000700;
    public static final int CommandDataSetType = 0x00000800;
    /** retired */
    public static final int NumberOfMatches = 0x00000850;
    /** retired */
    public static final int ResponseSequenceNumber = 0x00000860;

    public static final int Status = 0x00000900;
    public static final int OffendingElement = 0x00000901;
    public static final int ErrorComment = 0x00000902;
    public static final int ErrorID = 0x00000903;
    public static final int AffectedSOPInstanceUID = 0x00001000;
    public static final int RequestedSOPInstanceUID = 0x00001001;
    public static final int EventTypeID = 0x00001002;
    public static final int AttributeIdentifierList = 0x00001005;
    public static final int ActionTypeID = 0x00001008;
    public static final int NumberOfRemainingSuboperations = 0x00001020;
    public static final int NumberOfCompletedSuboperations = 0x00001021;
    public static final int NumberOfFailedSuboperations = 0x00001022;
    public static final int NumberOfWarningSuboperations = 0x00001023;
    public static final int MoveOriginatorApplicationEntityTitle = 0x00001030;
    public static final int MoveOriginatorMessageID = 0x00001031;
    /** retired */
    public static final int DialogReceiver = 0x00004000;
    /** retired */
    public static final int TerminalType = 0x00004010;
    /** retired */
    public static final int MessageSetID = 0x00005010;
    /** retired */
    public static final int EndMessageID = 0x00005020;
    /** retired */
    public static final int DisplayFormat = 0x00005110;
    /** retired */
    public static final int PagePositionID = 0x00005120;
    /** retired */
    public static final int TextFormatID = 0x00005130;
    /** retired */
    public static final int NormalReverse = 0x00005140;
    /** retired */
    public static final int AddGrayScale = 0x00005150;
    /** retired */
    public static final int Borders = 0x00005160;
    /** retired */
    public static final int Copies = 0x00005170;
    /** retired */
    public static final int CommandMagnificationType = 0x00005180;
    /** retired */
    public static final int Erase = 0x00005190;
    /** retired */
    public static final int Print = 0x000051A0;
    /** retired */
    public static final int Overlays = 0x000051B0;

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;
    public static final int SendingApplicationEntityTitle = 0x00020017;
    public static final int ReceivingApplicationEntityTitle = 0x00020018;
    public static final int SourcePresentationAddress = 0x00020026;
    public static final int SendingPresentationAddress = 0x00020027;
    public static final int ReceivingPresentationAddress = 0x00020028;
    public static final int RTVMetaInformationVersion = 0x00020031;
    public static final int RTVCommunicationSOPClassUID = 0x00020032;
    public static final int RTVCommunicationSOPInstanceUID = 0x00020033;
    public static final int RTVSourceIdentifier = 0x00020035;
    public static final int RTVFlowIdentifier = 0x00020036;
    public static final int RTVFlowRTPSamplingRate = 0x00020037;
    public static final int RTVFlowActualFrameDuration = 0x00020038;
    public static final int PrivateInformationCreatorUID = 0x00020100;
    public static final int PrivateInformation = 0x00020102;
    public static final int FileSetID = 0x00041130;
    public static final int FileSetDescriptorFileID = 0x00041141;
    public static final int SpecificCharacterSetOfFileSetDescriptorFile = 0x00041142;
    public static final int OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0x00041200;
    public static final int OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0x00041202;
    public static final int FileSetConsistencyFlag = 0x00041212;
    public static final int DirectoryRecordSequence = 0x00041220;
    public static final int OffsetOfTheNextDirectoryRecord = 0x00041400;
    public static final int RecordInUseFlag = 0x00041410;
    public static final int OffsetOfReferencedLowerLevelDirectoryEntity = 0x00041420;
    public static final int DirectoryRecordType = 0x00041430;
    public static final int PrivateRecordUID = 0x00041432;
    public static final int ReferencedFileID = 0x00041500;
    /** retired */
    public static final int MRDRDirectoryRecordOffset = 0x00041504;

    public static final int ReferencedSOPClassUIDInFile = 0x00041510;
    public static final int ReferencedSOPInstanceUIDInFile = 0x00041511;
    public static final int ReferencedTransferSyntaxUIDInFile = 0x00041512;
    public static final int ReferencedRelatedGeneralSOPClassUIDInFile = 0x0004151A;
    /** retired */
    public static final int NumberOfReferences = 0x00041600;

    public static final int CurrentFrameFunctionalGroupsSequence = 0x00060001;
    /** retired */
    public static final int LengthToEnd = 0x00080001;

    public static final int SpecificCharacterSet = 0x00080005;
    public static final int LanguageCodeSequence = 0x00080006;
    public static final int ImageType = 0x00080008;
    /** retired */
    public static final int RecognitionCode = 0x00080010;

    public static final int InstanceCreationDate = 0x00080012;
    public static final int InstanceCreationTime = 0x00080013;
    public static final int InstanceCreatorUID = 0x00080014;
    public static final int InstanceCoercionDateTime = 0x00080015;
    public static final int SOPClassUID = 0x00080016;
    public static final int AcquisitionUID = 0x00080017;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int PyramidUID = 0x00080019;
    public static final int RelatedGeneralSOPClassUID = 0x0008001A;
    public static final int OriginalSpecializedSOPClassUID = 0x0008001B;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int AcquisitionDate = 0x00080022;
    public static final int ContentDate = 0x00080023;
    /** retired */
    public static final int OverlayDate = 0x00080024;
    /** retired */
    public static final int CurveDate = 0x00080025;

    public static final int AcquisitionDateTime = 0x0008002A;
    public static final int StudyTime = 0x00080030;
    public static final int SeriesTime = 0x00080031;
    public static final int AcquisitionTime = 0x00080032;
    public static final int ContentTime = 0x00080033;
    /** retired */
    public static final int OverlayTime = 0x00080034;
    /** retired */
    public static final int CurveTime = 0x00080035;
    /** retired */
    public static final int DataSetType = 0x00080040;
    /** retired */
    public static final int DataSetSubtype = 0x00080041;
    /** retired */
    public static final int NuclearMedicineSeriesType = 0x00080042;

    public static final int AccessionNumber = 0x00080050;
    public static final int IssuerOfAccessionNumberSequence = 0x00080051;
    public static final int QueryRetrieveLevel = 0x00080052;
    public static final int QueryRetrieveView = 0x00080053;
    public static final int RetrieveAETitle = 0x00080054;
    public static final int StationAETitle = 0x00080055;
    public static final int InstanceAvailability = 0x00080056;
    public static final int FailedSOPInstanceUIDList = 0x00080058;
    public static final int Modality = 0x00080060;
    public static final int ModalitiesInStudy = 0x00080061;
    public static final int SOPClassesInStudy = 0x00080062;
    public static final int AnatomicRegionsInStudyCodeSequence = 0x00080063;
    public static final int ConversionType = 0x00080064;
    public static final int PresentationIntentType = 0x00080068;
    public static final int Manufacturer = 0x00080070;
    public static final int InstitutionName = 0x00080080;
    public static final int InstitutionAddress = 0x00080081;
    public static final int InstitutionCodeSequence = 0x00080082;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int ReferringPhysicianAddress = 0x00080092;
    public static final int ReferringPhysicianTelephoneNumbers = 0x00080094;
    public static final int ReferringPhysicianIdentificationSequence = 0x00080096;
    public static final int ConsultingPhysicianName = 0x0008009C;
    public static final int ConsultingPhysicianIdentificationSequence = 0x0008009D;
    public static final int CodeValue = 0x00080100;
    public static final int ExtendedCodeValue = 0x00080101;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodingSchemeVersion = 0x00080103;
    public static final int CodeMeaning = 0x00080104;
    public static final int MappingResource = 0x00080105;
    public static final int ContextGroupVersion = 0x00080106;
    public static final int ContextGroupLocalVersion = 0x00080107;
    public static final int ExtendedCodeMeaning = 0x00080108;
    public static final int CodingSchemeResourcesSequence = 0x00080109;
    public static final int CodingSchemeURLType = 0x0008010A;
    public static final int ContextGroupExtensionFlag = 0x0008010B;
    public static final int CodingSchemeUID = 0x0008010C;
    public static final int ContextGroupExtensionCreatorUID = 0x0008010D;
    public static final int CodingSchemeURL = 0x0008010E;
    public static final int ContextIdentifier = 0x0008010F;
    public static final int CodingSchemeIdentificationSequence = 0x00080110;
    public static final int CodingSchemeRegistry = 0x00080112;
    public static final int CodingSchemeExternalID = 0x00080114;
    public static final int CodingSchemeName = 0x00080115;
    public static final int CodingSchemeResponsibleOrganization = 0x00080116;
    public static final int ContextUID = 0x00080117;
    public static final int MappingResourceUID = 0x00080118;
    public static final int LongCodeValue = 0x00080119;
    public static final int URNCodeValue = 0x00080120;
    public static final int EquivalentCodeSequence = 0x00080121;
    public static final int MappingResourceName = 0x00080122;
    public static final int ContextGroupIdentificationSequence = 0x00080123;
    public static final int MappingResourceIdentificationSequence = 0x00080124;
    public static final int TimezoneOffsetFromUTC = 0x00080201;
    public static final int ResponsibleGroupCodeSequence = 0x00080220;
    public static final int EquipmentModality = 0x00080221;
    public static final int ManufacturerRelatedModelGroup = 0x00080222;
    public static final int PrivateDataElementCharacteristicsSequence = 0x00080300;
    public static final int PrivateGroupReference = 0x00080301;
    public static final int PrivateCreatorReference = 0x00080302;
    public static final int BlockIdentifyingInformationStatus = 0x00080303;
    public static final int NonidentifyingPrivateElements = 0x00080304;
    public static final int DeidentificationActionSequence = 0x00080305;
    public static final int IdentifyingPrivateElements = 0x00080306;
    public static final int DeidentificationAction = 0x00080307;
    public static final int PrivateDataElement = 0x00080308;
    public static final int PrivateDataElementValueMultiplicity = 0x00080309;
    public static final int PrivateDataElementValueRepresentation = 0x0008030A;
    public static final int PrivateDataElementNumberOfItems = 0x0008030B;
    public static final int PrivateDataElementName = 0x0008030C;
    public static final int PrivateDataElementKeyword = 0x0008030D;
    public static final int PrivateDataElementDescription = 0x0008030E;
    public static final int PrivateDataElementEncoding = 0x0008030F;
    public static final int PrivateDataElementDefinitionSequence = 0x00080310;
    /** retired */
    public static final int NetworkID = 0x00081000;

    public static final int StationName = 0x00081010;
    public static final int StudyDescription = 0x00081030;
    public static final int ProcedureCodeSequence = 0x00081032;
    public static final int SeriesDescription = 0x0008103E;
    public static final int SeriesDescriptionCodeSequence = 0x0008103F;
    public static final int InstitutionalDepartmentName = 0x00081040;
    public static final int InstitutionalDepartmentTypeCodeSequence = 0x00081041;
    public static final int PhysiciansOfRecord = 0x00081048;
    public static final int PhysiciansOfRecordIdentificationSequence = 0x00081049;
    public static final int PerformingPhysicianName = 0x00081050;
    public static final int PerformingPhysicianIdentificationSequence = 0x00081052;
    public static final int NameOfPhysiciansReadingStudy = 0x00081060;
    public static final int PhysiciansReadingStudyIdentificationSequence = 0x00081062;
    public static final int OperatorsName = 0x00081070;
    public static final int OperatorIdentificationSequence = 0x00081072;
    public static final int AdmittingDiagnosesDescription = 0x00081080;
    public static final int AdmittingDiagnosesCodeSequence = 0x00081084;
    public static final int PyramidDescription = 0x00081088;
    public static final int ManufacturerModelName = 0x00081090;
    /** retired */
    public static final int ReferencedResultsSequence = 0x00081100;

    public static final int ReferencedStudySequence = 0x00081110;
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    public static final int ReferencedSeriesSequence = 0x00081115;
    public static final int ReferencedPatientSequence = 0x00081120;
    public static final int ReferencedVisitSequence = 0x00081125;
    /** retired */
    public static final int ReferencedOverlaySequence = 0x00081130;

    public static final int ReferencedStereometricInstanceSequence = 0x00081134;
    public static final int ReferencedWaveformSequence = 0x0008113A;
    public static final int ReferencedImageSequence = 0x00081140;
    /** retired */
    public static final int ReferencedCurveSequence = 0x00081145;

    public static final int ReferencedInstanceSequence = 0x0008114A;
    public static final int ReferencedRealWorldValueMappingInstanceSequence = 0x0008114B;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int DefinitionSourceSequence = 0x00081156;
    public static final int SOPClassesSupported = 0x0008115A;
    public static final int ReferencedFrameNumber = 0x00081160;
    public static final int SimpleFrameList = 0x00081161;
    public static final int CalculatedFrameList = 0x00081162;
    public static final int TimeRange = 0x00081163;
    public static final int FrameExtractionSequence = 0x00081164;
    public static final int MultiFrameSourceSOPInstanceUID = 0x00081167;
    public static final int RetrieveURL = 0x00081190;
    public static final int TransactionUID = 0x00081195;
    public static final int WarningReason = 0x00081196;
    public static final int FailureReason = 0x00081197;
    public static final int FailedSOPSequence = 0x00081198;
    public static final int ReferencedSOPSequence = 0x00081199;
    public static final int OtherFailuresSequence = 0x0008119A;
    public static final int StudiesContainingOtherReferencedInstancesSequence = 0x00081200;
    public static final int RelatedSeriesSequence = 0x00081250;
    /** retired */
    public static final int LossyImageCompressionRetired = 0x00082110;

    public static final int DerivationDescription = 0x00082111;
    public static final int SourceImageSequence = 0x00082112;
    public static final int StageName = 0x00082120;
    public static final int StageNumber = 0x00082122;
    public static final int NumberOfStages = 0x00082124;
    public static final int ViewName = 0x00082127;
    public static final int ViewNumber = 0x00082128;
    public static final int NumberOfEventTimers = 0x00082129;
    public static final int NumberOfViewsInStage = 0x0008212A;
    public static final int EventElapsedTimes = 0x00082130;
    public static final int EventTimerNames = 0x00082132;
    public static final int EventTimerSequence = 0x00082133;
    public static final int EventTimeOffset = 0x00082134;
    public static final int EventCodeSequence = 0x00082135;
    public static final int StartTrim = 0x00082142;
    public static final int StopTrim = 0x00082143;
    public static final int RecommendedDisplayFrameRate = 0x00082144;
    /** retired */
    public static final int TransducerPosition = 0x00082200;
    /** retired */
    public static final int TransducerOrientation = 0x00082204;
    /** retired */
    public static final int AnatomicStructure = 0x00082208;

    public static final int AnatomicRegionSequence = 0x00082218;
    public static final int AnatomicRegionModifierSequence = 0x00082220;
    public static final int PrimaryAnatomicStructureSequence = 0x00082228;
    /** retired */
    public static final int AnatomicStructureSpaceOrRegionSequence = 0x00082229;

    public static final int PrimaryAnatomicStructureModifierSequence = 0x00082230;
    /** retired */
    public static final int TransducerPositionSequence = 0x00082240;
    /** retired */
    public static final int TransducerPositionModifierSequence = 0x00082242;
    /** retired */
    public static final int TransducerOrientationSequence = 0x00082244;
    /** retired */
    public static final int TransducerOrientationModifierSequence = 0x00082246;
    /** retired */
    public static final int AnatomicStructureSpaceOrRegionCodeSequenceTrial = 0x00082251;
    /** retired */
    public static final int AnatomicPortalOfEntranceCodeSequenceTrial = 0x00082253;
    /** retired */
    public static final int AnatomicApproachDirectionCodeSequenceTrial = 0x00082255;
    /** retired */
    public static final int AnatomicPerspectiveDescriptionTrial = 0x00082256;
    /** retired */
    public static final int AnatomicPerspectiveCodeSequenceTrial = 0x00082257;
    /** retired */
    public static final int AnatomicLocationOfExaminingInstrumentDescriptionTrial = 0x00082258;
    /** retired */
    public static final int AnatomicLocationOfExaminingInstrumentCodeSequenceTrial = 0x00082259;
    /** retired */
    public static final int AnatomicStructureSpaceOrRegionModifierCodeSequenceTrial = 0x0008225A;
    /** retired */
    public static final int OnAxisBackgroundAnatomicStructureCodeSequenceTrial = 0x0008225C;

    public static final int AlternateRepresentationSequence = 0x00083001;
    public static final int AvailableTransferSyntaxUID = 0x00083002;
    public static final int IrradiationEventUID = 0x00083010;
    public static final int SourceIrradiationEventSequence = 0x00083011;
    public static final int RadiopharmaceuticalAdministrationEventUID = 0x00083012;
    /** retired */
    public static final int IdentifyingComments = 0x00084000;

    public static final int FrameType = 0x00089007;
    public static final int ReferencedImageEvidenceSequence = 0x00089092;
    public static final int ReferencedRawDataSequence = 0x00089121;
    public static final int CreatorVersionUID = 0x00089123;
    public static final int DerivationImageSequence = 0x00089124;
    public static final int SourceImageEvidenceSequence = 0x00089154;
    public static final int PixelPresentation = 0x00089205;
    public static final int VolumetricProperties = 0x00089206;
    public static final int VolumeBasedCalculationTechnique = 0x00089207;
    public static final int ComplexImageComponent = 0x00089208;
    public static final int AcquisitionContrast = 0x00089209;
    public static final int DerivationCodeSequence = 0x00089215;
    public static final int ReferencedPresentationStateSequence = 0x00089237;
    public static final int ReferencedOtherPlaneSequence = 0x00089410;
    public static final int FrameDisplaySequence = 0x00089458;
    public static final int RecommendedDisplayFrameRateInFloat = 0x00089459;
    public static final int SkipFrameRangeFlag = 0x00089460;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int IssuerOfPatientID = 0x00100021;
    public static final int TypeOfPatientID = 0x00100022;
    public static final int IssuerOfPatientIDQualifiersSequence = 0x00100024;
    public static final int SourcePatientGroupIdentificationSequence = 0x00100026;
    public static final int GroupOfPatientsIdentificationSequence = 0x00100027;
    public static final int SubjectRelativePositionInImage = 0x00100028;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientBirthTime = 0x00100032;
    public static final int PatientBirthDateInAlternativeCalendar = 0x00100033;
    public static final int PatientDeathDateInAlternativeCalendar = 0x00100034;
    public static final int PatientAlternativeCalendar = 0x00100035;
    public static final int PatientSex = 0x00100040;
    public static final int PatientInsurancePlanCodeSequence = 0x00100050;
    public static final int PatientPrimaryLanguageCodeSequence = 0x00100101;
    public static final int PatientPrimaryLanguageModifierCodeSequence = 0x00100102;
    public static final int QualityControlSubject = 0x00100200;
    public static final int QualityControlSubjectTypeCodeSequence = 0x00100201;
    public static final int StrainDescription = 0x00100212;
    public static final int StrainNomenclature = 0x00100213;
    public static final int StrainStockNumber = 0x00100214;
    public static final int StrainSourceRegistryCodeSequence = 0x00100215;
    public static final int StrainStockSequence = 0x00100216;
    public static final int StrainSource = 0x00100217;
    public static final int StrainAdditionalInformation = 0x00100218;
    public static final int StrainCodeSequence = 0x00100219;
    public static final int GeneticModificationsSequence = 0x00100221;
    public static final int GeneticModificationsDescription = 0x00100222;
    public static final int GeneticModificationsNomenclature = 0x00100223;
    public static final int GeneticModificationsCodeSequence = 0x00100229;
    /** retired */
    public static final int OtherPatientIDs = 0x00101000;

    public static final int OtherPatientNames = 0x00101001;
    public static final int OtherPatientIDsSequence = 0x00101002;
    public static final int PatientBirthName = 0x00101005;
    public static final int PatientAge = 0x00101010;
    public static final int PatientSize = 0x00101020;
    public static final int PatientSizeCodeSequence = 0x00101021;
    public static final int PatientBodyMassIndex = 0x00101022;
    public static final int MeasuredAPDimension = 0x00101023;
    public static final int MeasuredLateralDimension = 0x00101024;
    public static final int PatientWeight = 0x00101030;
    public static final int PatientAddress = 0x00101040;
    /** retired */
    public static final int InsurancePlanIdentification = 0x00101050;

    public static final int PatientMotherBirthName = 0x00101060;
    public static final int MilitaryRank = 0x00101080;
    public static final int BranchOfService = 0x00101081;
    /** retired */
    public static final int MedicalRecordLocator = 0x00101090;

    public static final int ReferencedPatientPhotoSequence = 0x00101100;
    public static final int MedicalAlerts = 0x00102000;
    public static final int Allergies = 0x00102110;
    public static final int CountryOfResidence = 0x00102150;
    public static final int RegionOfResidence = 0x00102152;
    public static final int PatientTelephoneNumbers = 0x00102154;
    public static final int PatientTelecomInformation = 0x00102155;
    public static final int EthnicGroup = 0x00102160;
    public static final int Occupation = 0x00102180;
    public static final int SmokingStatus = 0x001021A0;
    public static final int AdditionalPatientHistory = 0x001021B0;
    public static final int PregnancyStatus = 0x001021C0;
    public static final int LastMenstrualDate = 0x001021D0;
    public static final int PatientReligiousPreference = 0x001021F0;
    public static final int PatientSpeciesDescription = 0x00102201;
    public static final int PatientSpeciesCodeSequence = 0x00102202;
    public static final int PatientSexNeutered = 0x00102203;
    public static final int AnatomicalOrientationType = 0x00102210;
    public static final int PatientBreedDescription = 0x00102292;
    public static final int PatientBreedCodeSequence = 0x00102293;
    public static final int BreedRegistrationSequence = 0x00102294;
    public static final int BreedRegistrationNumber = 0x00102295;
    public static final int BreedRegistryCodeSequence = 0x00102296;
    public static final int ResponsiblePerson = 0x00102297;
    public static final int ResponsiblePersonRole = 0x00102298;
    public static final int ResponsibleOrganization = 0x00102299;
    public static final int PatientComments = 0x00104000;
    public static final int ExaminedBodyThickness = 0x00109431;
    public static final int ClinicalTrialSponsorName = 0x00120010;
    public static final int ClinicalTrialProtocolID = 0x00120020;
    public static final int ClinicalTrialProtocolName = 0x00120021;
    public static final int ClinicalTrialSiteID = 0x00120030;
    public static final int ClinicalTrialSiteName = 0x00120031;
    public static final int ClinicalTrialSubjectID = 0x00120040;
    public static final int ClinicalTrialSubjectReadingID = 0x00120042;
    public static final int ClinicalTrialTimePointID = 0x00120050;
    public static final int ClinicalTrialTimePointDescription = 0x00120051;
    public static final int LongitudinalTemporalOffsetFromEvent = 0x00120052;
    public static final int LongitudinalTemporalEventType = 0x00120053;
    public static final int ClinicalTrialCoordinatingCenterName = 0x00120060;
    public static final int PatientIdentityRemoved = 0x00120062;
    public static final int DeidentificationMethod = 0x00120063;
    public static final int DeidentificationMethodCodeSequence = 0x00120064;
    public static final int ClinicalTrialSeriesID = 0x00120071;
    public static final int ClinicalTrialSeriesDescription = 0x00120072;
    public static final int ClinicalTrialProtocolEthicsCommitteeName = 0x00120081;
    public static final int ClinicalTrialProtocolEthicsCommitteeApprovalNumber = 0x00120082;
    public static final int ConsentForClinicalTrialUseSequence = 0x00120083;
    public static final int DistributionType = 0x00120084;
    public static final int ConsentForDistributionFlag = 0x00120085;
    public static final int EthicsCommitteeApprovalEffectivenessStartDate = 0x00120086;
    public static final int EthicsCommitteeApprovalEffectivenessEndDate = 0x00120087;
    /** retired */
    public static final int CADFileFormat = 0x00140023;
    /** retired */
    public static final int ComponentReferenceSystem = 0x00140024;

    public static final int ComponentManufacturingProcedure = 0x00140025;
    public static final int ComponentManufacturer = 0x00140028;
    public static final int MaterialThickness = 0x00140030;
    public static final int MaterialPipeDiameter = 0x00140032;
    public static final int MaterialIsolationDiameter = 0x00140034;
    public static final int MaterialGrade = 0x00140042;
    public static final int MaterialPropertiesDescription = 0x00140044;
    /** retired */
    public static final int MaterialPropertiesFileFormatRetired = 0x00140045;

    public static final int MaterialNotes = 0x00140046;
    public static final int ComponentShape = 0x00140050;
    public static final int CurvatureType = 0x00140052;
    public static final int OuterDiameter = 0x00140054;
    public static final int InnerDiameter = 0x00140056;
    public static final int ComponentWelderIDs = 0x00140100;
    public static final int SecondaryApprovalStatus = 0x00140101;
    public static final int SecondaryReviewDate = 0x00140102;
    public static final int SecondaryReviewTime = 0x00140103;
    public static final int SecondaryReviewerName = 0x00140104;
    public static final int RepairID = 0x00140105;
    public static final int MultipleComponentApprovalSequence = 0x00140106;
    public static final int OtherApprovalStatus = 0x00140107;
    public static final int OtherSecondaryApprovalStatus = 0x00140108;
    public static final int ActualEnvironmentalConditions = 0x00141010;
    public static final int ExpiryDate = 0x00141020;
    public static final int EnvironmentalConditions = 0x00141040;
    public static final int EvaluatorSequence = 0x00142002;
    public static final int EvaluatorNumber = 0x00142004;
    public static final int EvaluatorName = 0x00142006;
    public static final int EvaluationAttempt = 0x00142008;
    public static final int IndicationSequence = 0x00142012;
    public static final int IndicationNumber = 0x00142014;
    public static final int IndicationLabel = 0x00142016;
    public static final int IndicationDescription = 0x00142018;
    public static final int IndicationType = 0x0014201A;
    public static final int IndicationDisposition = 0x0014201C;
    public static final int IndicationROISequence = 0x0014201E;
    public static final int IndicationPhysicalPropertySequence = 0x00142030;
    public static final int PropertyLabel = 0x00142032;
    public static final int CoordinateSystemNumberOfAxes = 0x00142202;
    public static final int CoordinateSystemAxesSequence = 0x00142204;
    public static final int CoordinateSystemAxisDescription = 0x00142206;
    public static final int CoordinateSystemDataSetMapping = 0x00142208;
    public static final int CoordinateSystemAxisNumber = 0x0014220A;
    public static final int CoordinateSystemAxisType = 0x0014220C;
    public static final int CoordinateSystemAxisUnits = 0x0014220E;
    public static final int CoordinateSystemAxisValues = 0x00142210;
    public static final int CoordinateSystemTransformSequence = 0x00142220;
    public static final int TransformDescription = 0x00142222;
    public static final int TransformNumberOfAxes = 0x00142224;
    public static final int TransformOrderOfAxes = 0x00142226;
    public static final int TransformedAxisUnits = 0x00142228;
    public static final int CoordinateSystemTransformRotationAndScaleMatrix = 0x0014222A;
    public static final int CoordinateSystemTransformTranslationMatrix = 0x0014222C;
    public static final int InternalDetectorFrameTime = 0x00143011;
    public static final int NumberOfFramesIntegrated = 0x00143012;
    public static final int DetectorTemperatureSequence = 0x00143020;
    public static final int SensorName = 0x00143022;
    public static final int HorizontalOffsetOfSensor = 0x00143024;
    public static final int VerticalOffsetOfSensor = 0x00143026;
    public static final int SensorTemperature = 0x00143028;
    public static final int DarkCurrentSequence = 0x00143040;
    public static final int DarkCurrentCounts = 0x00143050;
    public static final int GainCorrectionReferenceSequence = 0x00143060;
    public static final int AirCounts = 0x00143070;
    public static final int KVUsedInGainCalibration = 0x00143071;
    public static final int MAUsedInGainCalibration = 0x00143072;
    public static final int NumberOfFramesUsedForIntegration = 0x00143073;
    public static final int FilterMaterialUsedInGainCalibration = 0x00143074;
    public static final int FilterThicknessUsedInGainCalibration = 0x00143075;
    public static final int DateOfGainCalibration = 0x00143076;
    public static final int TimeOfGainCalibration = 0x00143077;
    public static final int BadPixelImage = 0x00143080;
    public static final int CalibrationNotes = 0x00143099;
    public static final int LinearityCorrectionTechnique = 0x00143100;
    public static final int BeamHardeningCorrectionTechnique = 0x00143101;
    public static final int PulserEquipmentSequence = 0x00144002;
    public static final int PulserType = 0x00144004;
    public static final int PulserNotes = 0x00144006;
    public static final int ReceiverEquipmentSequence = 0x00144008;
    public static final int AmplifierType = 0x0014400A;
    public static final int ReceiverNotes = 0x0014400C;
    public static final int PreAmplifierEquipmentSequence = 0x0014400E;
    public static final int PreAmplifierNotes = 0x0014400F;
    public static final int TransmitTransducerSequence = 0x00144010;
    public static final int ReceiveTransducerSequence = 0x00144011;
    public static final int NumberOfElements = 0x00144012;
    public static final int ElementShape = 0x00144013;
    public static final int ElementDimensionA = 0x00144014;
    public static final int ElementDimensionB = 0x00144015;
    public static final int ElementPitchA = 0x00144016;
    public static final int MeasuredBeamDimensionA = 0x00144017;
    public static final int MeasuredBeamDimensionB = 0x00144018;
    public static final int LocationOfMeasuredBeamDiameter = 0x00144019;
    public static final int NominalFrequency = 0x0014401A;
    public static final int MeasuredCenterFrequency = 0x0014401B;
    public static final int MeasuredBandwidth = 0x0014401C;
    public static final int ElementPitchB = 0x0014401D;
    public static final int PulserSettingsSequence = 0x00144020;
    public static final int PulseWidth = 0x00144022;
    public static final int ExcitationFrequency = 0x00144024;
    public static final int ModulationType = 0x00144026;
    public static final int Damping = 0x00144028;
    public static final int ReceiverSettingsSequence = 0x00144030;
    public static final int AcquiredSoundpathLength = 0x00144031;
    public static final int AcquisitionCompressionType = 0x00144032;
    public static final int AcquisitionSampleSize = 0x00144033;
    public static final int RectifierSmoothing = 0x00144034;
    public static final int DACSequence = 0x00144035;
    public static final int DACType = 0x00144036;
    public static final int DACGainPoints = 0x00144038;
    public static final int DACTimePoints = 0x0014403A;
    public static final int DACAmplitude = 0x0014403C;
    public static final int PreAmplifierSettingsSequence = 0x00144040;
    public static final int TransmitTransducerSettingsSequence = 0x00144050;
    public static final int ReceiveTransducerSettingsSequence = 0x00144051;
    public static final int IncidentAngle = 0x00144052;
    public static final int CouplingTechnique = 0x00144054;
    public static final int CouplingMedium = 0x00144056;
    public static final int CouplingVelocity = 0x00144057;
    public static final int ProbeCenterLocationX = 0x00144058;
    public static final int ProbeCenterLocationZ = 0x00144059;
    public static final int SoundPathLength = 0x0014405A;
    public static final int DelayLawIdentifier = 0x0014405C;
    public static final int GateSettingsSequence = 0x00144060;
    public static final int GateThreshold = 0x00144062;
    public static final int VelocityOfSound = 0x00144064;
    public static final int CalibrationSettingsSequence = 0x00144070;
    public static final int CalibrationProcedure = 0x00144072;
    public static final int ProcedureVersion = 0x00144074;
    public static final int ProcedureCreationDate = 0x00144076;
    public static final int ProcedureExpirationDate = 0x00144078;
    public static final int ProcedureLastModifiedDate = 0x0014407A;
    public static final int CalibrationTime = 0x0014407C;
    public static final int CalibrationDate = 0x0014407E;
    public static final int ProbeDriveEquipmentSequence = 0x00144080;
    public static final int DriveType = 0x00144081;
    public static final int ProbeDriveNotes = 0x00144082;
    public static final int DriveProbeSequence = 0x00144083;
    public static final int ProbeInductance = 0x00144084;
    public static final int ProbeResistance = 0x00144085;
    public static final int ReceiveProbeSequence = 0x00144086;
    public static final int ProbeDriveSettingsSequence = 0x00144087;
    public static final int BridgeResistors = 0x00144088;
    public static final int ProbeOrientationAngle = 0x00144089;
    public static final int UserSelectedGainY = 0x0014408B;
    public static final int UserSelectedPhase = 0x0014408C;
    public static final int UserSelectedOffsetX = 0x0014408D;
    public static final int UserSelectedOffsetY = 0x0014408E;
    public static final int ChannelSettingsSequence = 0x00144091;
    public static final int ChannelThreshold = 0x00144092;
    public static final int ScannerSettingsSequence = 0x0014409A;
    public static final int ScanProcedure = 0x0014409B;
    public static final int TranslationRateX = 0x0014409C;
    public static final int TranslationRateY = 0x0014409D;
    public static final int ChannelOverlap = 0x0014409F;
    public static final int ImageQualityIndicatorType = 0x001440A0;
    public static final int ImageQualityIndicatorMaterial = 0x001440A1;
    public static final int ImageQualityIndicatorSize = 0x001440A2;
    public static final int LINACEnergy = 0x00145002;
    public static final int LINACOutput = 0x00145004;
    public static final int ActiveAperture = 0x00145100;
    public static final int TotalAperture = 0x00145101;
    public static final int ApertureElevation = 0x00145102;
    public static final int MainLobeAngle = 0x00145103;
    public static final int MainRoofAngle = 0x00145104;
    public static final int ConnectorType = 0x00145105;
    public static final int WedgeModelNumber = 0x00145106;
    public static final int WedgeAngleFloat = 0x00145107;
    public static final int WedgeRoofAngle = 0x00145108;
    public static final int WedgeElement1Position = 0x00145109;
    public static final int WedgeMaterialVelocity = 0x0014510A;
    public static final int WedgeMaterial = 0x0014510B;
    public static final int WedgeOffsetZ = 0x0014510C;
    public static final int WedgeOriginOffsetX = 0x0014510D;
    public static final int WedgeTimeDelay = 0x0014510E;
    public static final int WedgeName = 0x0014510F;
    public static final int WedgeManufacturerName = 0x00145110;
    public static final int WedgeDescription = 0x00145111;
    public static final int NominalBeamAngle = 0x00145112;
    public static final int WedgeOffsetX = 0x00145113;
    public static final int WedgeOffsetY = 0x00145114;
    public static final int WedgeTotalLength = 0x00145115;
    public static final int WedgeInContactLength = 0x00145116;
    public static final int WedgeFrontGap = 0x00145117;
    public static final int WedgeTotalHeight = 0x00145118;
    public static final int WedgeFrontHeight = 0x00145119;
    public static final int WedgeRearHeight = 0x0014511A;
    public static final int WedgeTotalWidth = 0x0014511B;
    public static final int WedgeInContactWidth = 0x0014511C;
    public static final int WedgeChamferHeight = 0x0014511D;
    public static final int WedgeCurve = 0x0014511E;
    public static final int RadiusAlongWedge = 0x0014511F;
    public static final int WhitePoint = 0x00160001;
    public static final int PrimaryChromaticities = 0x00160002;
    public static final int BatteryLevel = 0x00160003;
    public static final int ExposureTimeInSeconds = 0x00160004;
    public static final int FNumber = 0x00160005;
    public static final int OECFRows = 0x00160006;
    public static final int OECFColumns = 0x00160007;
    public static final int OECFColumnNames = 0x00160008;
    public static final int OECFValues = 0x00160009;
    public static final int SpatialFrequencyResponseRows = 0x0016000A;
    public static final int SpatialFrequencyResponseColumns = 0x0016000B;
    public static final int SpatialFrequencyResponseColumnNames = 0x0016000C;
    public static final int SpatialFrequencyResponseValues = 0x0016000D;
    public static final int ColorFilterArrayPatternRows = 0x0016000E;
    public static final int ColorFilterArrayPatternColumns = 0x0016000F;
    public static final int ColorFilterArrayPatternValues = 0x00160010;
    public static final int FlashFiringStatus = 0x00160011;
    public static final int FlashReturnStatus = 0x00160012;
    public static final int FlashMode = 0x00160013;
    public static final int FlashFunctionPresent = 0x00160014;
    public static final int FlashRedEyeMode = 0x00160015;
    public static final int ExposureProgram = 0x00160016;
    public static final int SpectralSensitivity = 0x00160017;
    public static final int PhotographicSensitivity = 0x00160018;
    public static final int SelfTimerMode = 0x00160019;
    public static final int SensitivityType = 0x0016001A;
    public static final int StandardOutputSensitivity = 0x0016001B;
    public static final int RecommendedExposureIndex = 0x0016001C;
    public static final int ISOSpeed = 0x0016001D;
    public static final int ISOSpeedLatitudeyyy = 0x0016001E;
    public static final int ISOSpeedLatitudezzz = 0x0016001F;
    public static final int EXIFVersion = 0x00160020;
    public static final int ShutterSpeedValue = 0x00160021;
    public static final int ApertureValue = 0x00160022;
    public static final int BrightnessValue = 0x00160023;
    public static final int ExposureBiasValue = 0x00160024;
    public static final int MaxApertureValue = 0x00160025;
    public static final int SubjectDistance = 0x00160026;
    public static final int MeteringMode = 0x00160027;
    public static final int LightSource = 0x00160028;
    public static final int FocalLength = 0x00160029;
    public static final int SubjectArea = 0x0016002A;
    public static final int MakerNote = 0x0016002B;
    public static final int Temperature = 0x00160030;
    public static final int Humidity = 0x00160031;
    public static final int Pressure = 0x00160032;
    public static final int WaterDepth = 0x00160033;
    public static final int Acceleration = 0x00160034;
    public static final int CameraElevationAngle = 0x00160035;
    public static final int FlashEnergy = 0x00160036;
    public static final int SubjectLocation = 0x00160037;
    public static final int PhotographicExposureIndex = 0x00160038;
    public static final int SensingMethod = 0x00160039;
    public static final int FileSource = 0x0016003A;
    public static final int SceneType = 0x0016003B;
    public static final int CustomRendered = 0x00160041;
    public static final int ExposureMode = 0x00160042;
    public static final int WhiteBalance = 0x00160043;
    public static final int DigitalZoomRatio = 0x00160044;
    public static final int FocalLengthIn35mmFilm = 0x00160045;
    public static final int SceneCaptureType = 0x00160046;
    public static final int GainControl = 0x00160047;
    public static final int Contrast = 0x00160048;
    public static final int Saturation = 0x00160049;
    public static final int Sharpness = 0x0016004A;
    public static final int DeviceSettingDescription = 0x0016004B;
    public static final int SubjectDistanceRange = 0x0016004C;
    public static final int CameraOwnerName = 0x0016004D;
    public static final int LensSpecification = 0x0016004E;
    public static final int LensMake = 0x0016004F;
    public static final int LensModel = 0x00160050;
    public static final int LensSerialNumber = 0x00160051;
    public static final int InteroperabilityIndex = 0x00160061;
    public static final int InteroperabilityVersion = 0x00160062;
    public static final int GPSVersionID = 0x00160070;
    public static final int GPSLatitudeRef = 0x00160071;
    public static final int GPSLatitude = 0x00160072;
    public static final int GPSLongitudeRef = 0x00160073;
    public static final int GPSLongitude = 0x00160074;
    public static final int GPSAltitudeRef = 0x00160075;
    public static final int GPSAltitude = 0x00160076;
    public static final int GPSTimeStamp = 0x00160077;
    public static final int GPSSatellites = 0x00160078;
    public static final int GPSStatus = 0x00160079;
    public static final int GPSMeasureMode = 0x0016007A;
    public static final int GPSDOP = 0x0016007B;
    public static final int GPSSpeedRef = 0x0016007C;
    public static final int GPSSpeed = 0x0016007D;
    public static final int GPSTrackRef = 0x0016007E;
    public static final int GPSTrack = 0x0016007F;
    public static final int GPSImgDirectionRef = 0x00160080;
    public static final int GPSImgDirection = 0x00160081;
    public static final int GPSMapDatum = 0x00160082;
    public static final int GPSDestLatitudeRef = 0x00160083;
    public static final int GPSDestLatitude = 0x00160084;
    public static final int GPSDestLongitudeRef = 0x00160085;
    public static final int GPSDestLongitude = 0x00160086;
    public static final int GPSDestBearingRef = 0x00160087;
    public static final int GPSDestBearing = 0x00160088;
    public static final int GPSDestDistanceRef = 0x00160089;
    public static final int GPSDestDistance = 0x0016008A;
    public static final int GPSProcessingMethod = 0x0016008B;
    public static final int GPSAreaInformation = 0x0016008C;
    public static final int GPSDateStamp = 0x0016008D;
    public static final int GPSDifferential = 0x0016008E;
    public static final int LightSourcePolarization = 0x00161001;
    public static final int EmitterColorTemperature = 0x00161002;
    public static final int ContactMethod = 0x00161003;
    public static final int ImmersionMedia = 0x00161004;
    public static final int OpticalMagnificationFactor = 0x00161005;
    public static final int ContrastBolusAgent = 0x00180010;
    public static final int ContrastBolusAgentSequence = 0x00180012;
    public static final int ContrastBolusT1Relaxivity = 0x00180013;
    public static final int ContrastBolusAdministrationRouteSequence = 0x00180014;
    public static final int BodyPartExamined = 0x00180015;
    public static final int ScanningSequence = 0x00180020;
    public static final int SequenceVariant = 0x00180021;
    public static final int ScanOptions = 0x00180022;
    public static final int MRAcquisitionType = 0x00180023;
    public static final int SequenceName = 0x00180024;
    public static final int AngioFlag = 0x00180025;
    public static final int InterventionDrugInformationSequence = 0x00180026;
    public static final int InterventionDrugStopTime = 0x00180027;
    public static final int InterventionDrugDose = 0x00180028;
    public static final int InterventionDrugCodeSequence = 0x00180029;
    public static final int AdditionalDrugSequence = 0x0018002A;
    /** retired */
    public static final int Radionuclide = 0x00180030;

    public static final int Radiopharmaceutical = 0x00180031;
    /** retired */
    public static final int EnergyWindowCenterline = 0x00180032;
    /** retired */
    public static final int EnergyWindowTotalWidth = 0x00180033;

    public static final int InterventionDrugName = 0x00180034;
    public static final int InterventionDrugStartTime = 0x00180035;
    public static final int InterventionSequence = 0x00180036;
    /** retired */
    public static final int TherapyType = 0x00180037;

    public static final int InterventionStatus = 0x00180038;
    /** retired */
    public static final int TherapyDescription = 0x00180039;

    public static final int InterventionDescription = 0x0018003A;
    public static final int CineRate = 0x00180040;
    public static final int InitialCineRunState = 0x00180042;
    public static final int SliceThickness = 0x00180050;
    public static final int KVP = 0x00180060;
    public static final int CountsAccumulated = 0x00180070;
    public static final int AcquisitionTerminationCondition = 0x00180071;
    public static final int EffectiveDuration = 0x00180072;
    public static final int AcquisitionStartCondition = 0x00180073;
    public static final int AcquisitionStartConditionData = 0x00180074;
    public static final int AcquisitionTerminationConditionData = 0x00180075;
    public static final int RepetitionTime = 0x00180080;
    public static final int EchoTime = 0x00180081;
    public static final int InversionTime = 0x00180082;
    public static final int NumberOfAverages = 0x00180083;
    public static final int ImagingFrequency = 0x00180084;
    public static final int ImagedNucleus = 0x00180085;
    public static final int EchoNumbers = 0x00180086;
    public static final int MagneticFieldStrength = 0x00180087;
    public static final int SpacingBetweenSlices = 0x00180088;
    public static final int NumberOfPhaseEncodingSteps = 0x00180089;
    public static final int DataCollectionDiameter = 0x00180090;
    public static final int EchoTrainLength = 0x00180091;
    public static final int PercentSampling = 0x00180093;
    public static final int PercentPhaseFieldOfView = 0x00180094;
    public static final int PixelBandwidth = 0x00180095;
    public static final int DeviceSerialNumber = 0x00181000;
    public static final int DeviceUID = 0x00181002;
    public static final int DeviceID = 0x00181003;
    public static final int PlateID = 0x00181004;
    public static final int GeneratorID = 0x00181005;
    public static final int GridID = 0x00181006;
    public static final int CassetteID = 0x00181007;
    public static final int GantryID = 0x00181008;
    public static final int UniqueDeviceIdentifier = 0x00181009;
    public static final int UDISequence = 0x0018100A;
    public static final int ManufacturerDeviceClassUID = 0x0018100B;
    public static final int SecondaryCaptureDeviceID = 0x00181010;
    /** retired */
    public static final int HardcopyCreationDeviceID = 0x00181011;

    public static final int DateOfSecondaryCapture = 0x00181012;
    public static final int TimeOfSecondaryCapture = 0x00181014;
    public static final int SecondaryCaptureDeviceManufacturer = 0x00181016;
    /** retired */
    public static final int HardcopyDeviceManufacturer = 0x00181017;

    public static final int SecondaryCaptureDeviceManufacturerModelName = 0x00181018;
    public static final int SecondaryCaptureDeviceSoftwareVersions = 0x00181019;
    /** retired */
    public static final int HardcopyDeviceSoftwareVersion = 0x0018101A;
    /** retired */
    public static final int HardcopyDeviceManufacturerModelName = 0x0018101B;

    public static final int SoftwareVersions = 0x00181020;
    public static final int VideoImageFormatAcquired = 0x00181022;
    public static final int DigitalImageFormatAcquired = 0x00181023;
    public static final int ProtocolName = 0x00181030;
    public static final int ContrastBolusRoute = 0x00181040;
    public static final int ContrastBolusVolume = 0x00181041;
    public static final int ContrastBolusStartTime = 0x00181042;
    public static final int ContrastBolusStopTime = 0x00181043;
    public static final int ContrastBolusTotalDose = 0x00181044;
    public static final int SyringeCounts = 0x00181045;
    public static final int ContrastFlowRate = 0x00181046;
    public static final int ContrastFlowDuration = 0x00181047;
    public static final int ContrastBolusIngredient = 0x00181048;
    public static final int ContrastBolusIngredientConcentration = 0x00181049;
    public static final int SpatialResolution = 0x00181050;
    public static final int TriggerTime = 0x00181060;
    public static final int TriggerSourceOrType = 0x00181061;
    public static final int NominalInterval = 0x00181062;
    public static final int FrameTime = 0x00181063;
    public static final int CardiacFramingType = 0x00181064;
    public static final int FrameTimeVector = 0x00181065;
    public static final int FrameDelay = 0x00181066;
    public static final int ImageTriggerDelay = 0x00181067;
    public static final int MultiplexGroupTimeOffset = 0x00181068;
    public static final int TriggerTimeOffset = 0x00181069;
    public static final int SynchronizationTrigger = 0x0018106A;
    public static final int SynchronizationChannel = 0x0018106C;
    public static final int TriggerSamplePosition = 0x0018106E;
    public static final int RadiopharmaceuticalRoute = 0x00181070;
    public static final int RadiopharmaceuticalVolume = 0x00181071;
    public static final int RadiopharmaceuticalStartTime = 0x00181072;
    public static final int RadiopharmaceuticalStopTime = 0x00181073;
    public static final int RadionuclideTotalDose = 0x00181074;
    public static final int RadionuclideHalfLife = 0x00181075;
    public static final int RadionuclidePositronFraction = 0x00181076;
    public static final int RadiopharmaceuticalSpecificActivity = 0x00181077;
    public static final int RadiopharmaceuticalStartDateTime = 0x00181078;
    public static final int RadiopharmaceuticalStopDateTime = 0x00181079;
    public static final int BeatRejectionFlag = 0x00181080;
    public static final int LowRRValue = 0x00181081;
    public static final int HighRRValue = 0x00181082;
    public static final int IntervalsAcquired = 0x00181083;
    public static final int IntervalsRejected = 0x00181084;
    public static final int PVCRejection = 0x00181085;
    public static final int SkipBeats = 0x00181086;
    public static final int HeartRate = 0x00181088;
    public static final int CardiacNumberOfImages = 0x00181090;
    public static final int TriggerWindow = 0x00181094;
    public static final int ReconstructionDiameter = 0x00181100;
    public static final int DistanceSourceToDetector = 0x00181110;
    public static final int DistanceSourceToPatient = 0x00181111;
    public static final int EstimatedRadiographicMagnificationFactor = 0x00181114;
    public static final int GantryDetectorTilt = 0x00181120;
    public static final int GantryDetectorSlew = 0x00181121;
    public static final int TableHeight = 0x00181130;
    public static final int TableTraverse = 0x00181131;
    public static final int TableMotion = 0x00181134;
    public static final int TableVerticalIncrement = 0x00181135;
    public static final int TableLateralIncrement = 0x00181136;
    public static final int TableLongitudinalIncrement = 0x00181137;
    public static final int TableAngle = 0x00181138;
    public static final int TableType = 0x0018113A;
    public static final int RotationDirection = 0x00181140;
    /** retired */
    public static final int AngularPosition = 0x00181141;

    public static final int RadialPosition = 0x00181142;
    public static final int ScanArc = 0x00181143;
    public static final int AngularStep = 0x00181144;
    public static final int CenterOfRotationOffset = 0x00181145;
    /** retired */
    public static final int RotationOffset = 0x00181146;

    public static final int FieldOfViewShape = 0x00181147;
    public static final int FieldOfViewDimensions = 0x00181149;
    public static final int ExposureTime = 0x00181150;
    public static final int XRayTubeCurrent = 0x00181151;
    public static final int Exposure = 0x00181152;
    public static final int ExposureInuAs = 0x00181153;
    public static final int AveragePulseWidth = 0x00181154;
    public static final int RadiationSetting = 0x00181155;
    public static final int RectificationType = 0x00181156;
    public static final int RadiationMode = 0x0018115A;
    public static final int ImageAndFluoroscopyAreaDoseProduct = 0x0018115E;
    public static final int FilterType = 0x00181160;
    public static final int TypeOfFilters = 0x00181161;
    public static final int IntensifierSize = 0x00181162;
    public static final int ImagerPixelSpacing = 0x00181164;
    public static final int Grid = 0x00181166;
    public static final int GeneratorPower = 0x00181170;
    public static final int CollimatorGridName = 0x00181180;
    public static final int CollimatorType = 0x00181181;
    public static final int FocalDistance = 0x00181182;
    public static final int XFocusCenter = 0x00181183;
    public static final int YFocusCenter = 0x00181184;
    public static final int FocalSpots = 0x00181190;
    public static final int AnodeTargetMaterial = 0x00181191;
    public static final int BodyPartThickness = 0x001811A0;
    public static final int CompressionForce = 0x001811A2;
    public static final int CompressionPressure = 0x001811A3;
    public static final int PaddleDescription = 0x001811A4;
    public static final int CompressionContactArea = 0x001811A5;
    public static final int AcquisitionMode = 0x001811B0;
    public static final int DoseModeName = 0x001811B1;
    public static final int AcquiredSubtractionMaskFlag = 0x001811B2;
    public static final int FluoroscopyPersistenceFlag = 0x001811B3;
    public static final int FluoroscopyLastImageHoldPersistenceFlag = 0x001811B4;
    public static final int UpperLimitNumberOfPersistentFluoroscopyFrames = 0x001811B5;
    public static final int ContrastBolusAutoInjectionTriggerFlag = 0x001811B6;
    public static final int ContrastBolusInjectionDelay = 0x001811B7;
    public static final int XAAcquisitionPhaseDetailsSequence = 0x001811B8;
    public static final int XAAcquisitionFrameRate = 0x001811B9;
    public static final int XAPlaneDetailsSequence = 0x001811BA;
    public static final int AcquisitionFieldOfViewLabel = 0x001811BB;
    public static final int XRayFilterDetailsSequence = 0x001811BC;
    public static final int XAAcquisitionDuration = 0x001811BD;
    public static final int ReconstructionPipelineType = 0x001811BE;
    public static final int ImageFilterDetailsSequence = 0x001811BF;
    public static final int AppliedMaskSubtractionFlag = 0x001811C0;
    public static final int RequestedSeriesDescriptionCodeSequence = 0x001811C1;
    public static final int DateOfLastCalibration = 0x00181200;
    public static final int TimeOfLastCalibration = 0x00181201;
    public static final int DateTimeOfLastCalibration = 0x00181202;
    public static final int CalibrationDateTime = 0x00181203;
    public static final int ConvolutionKernel = 0x00181210;
    /** retired */
    public static final int UpperLowerPixelValues = 0x00181240;

    public static final int ActualFrameDuration = 0x00181242;
    public static final int CountRate = 0x00181243;
    public static final int PreferredPlaybackSequencing = 0x00181244;
    public static final int ReceiveCoilName = 0x00181250;
    public static final int TransmitCoilName = 0x00181251;
    public static final int PlateType = 0x00181260;
    public static final int PhosphorType = 0x00181261;
    public static final int WaterEquivalentDiameter = 0x00181271;
    public static final int WaterEquivalentDiameterCalculationMethodCodeSequence = 0x00181272;
    public static final int ScanVelocity = 0x00181300;
    public static final int WholeBodyTechnique = 0x00181301;
    public static final int ScanLength = 0x00181302;
    public static final int AcquisitionMatrix = 0x00181310;
    public static final int InPlanePhaseEncodingDirection = 0x00181312;
    public static final int FlipAngle = 0x00181314;
    public static final int VariableFlipAngleFlag = 0x00181315;
    public static final int SAR = 0x00181316;
    public static final int dBdt = 0x00181318;
    public static final int B1rms = 0x00181320;
    public static final int AcquisitionDeviceProcessingDescription = 0x00181400;
    public static final int AcquisitionDeviceProcessingCode = 0x00181401;
    public static final int CassetteOrientation = 0x00181402;
    public static final int CassetteSize = 0x00181403;
    public static final int ExposuresOnPlate = 0x00181404;
    public static final int RelativeXRayExposure = 0x00181405;
    public static final int ExposureIndex = 0x00181411;
    public static final int TargetExposureIndex = 0x00181412;
    public static final int DeviationIndex = 0x00181413;
    public static final int ColumnAngulation = 0x00181450;
    public static final int TomoLayerHeight = 0x00181460;
    public static final int TomoAngle = 0x00181470;
    public static final int TomoTime = 0x00181480;
    public static final int TomoType = 0x00181490;
    public static final int TomoClass = 0x00181491;
    public static final int NumberOfTomosynthesisSourceImages = 0x00181495;
    public static final int PositionerMotion = 0x00181500;
    public static final int PositionerType = 0x00181508;
    public static final int PositionerPrimaryAngle = 0x00181510;
    public static final int PositionerSecondaryAngle = 0x00181511;
    public static final int PositionerPrimaryAngleIncrement = 0x00181520;
    public static final int PositionerSecondaryAngleIncrement = 0x00181521;
    public static final int DetectorPrimaryAngle = 0x00181530;
    public static final int DetectorSecondaryAngle = 0x00181531;
    public static final int ShutterShape = 0x00181600;
    public static final int ShutterLeftVerticalEdge = 0x00181602;
    public static final int ShutterRightVerticalEdge = 0x00181604;
    public static final int ShutterUpperHorizontalEdge = 0x00181606;
    public static final int ShutterLowerHorizontalEdge = 0x00181608;
    public static final int CenterOfCircularShutter = 0x00181610;
    public static final int RadiusOfCircularShutter = 0x00181612;
    public static final int VerticesOfThePolygonalShutter = 0x00181620;
    public static final int ShutterPresentationValue = 0x00181622;
    public static final int ShutterOverlayGroup = 0x00181623;
    public static final int ShutterPresentationColorCIELabValue = 0x00181624;
    public static final int OutlineShapeType = 0x00181630;
    public static final int OutlineLeftVerticalEdge = 0x00181631;
    public static final int OutlineRightVerticalEdge = 0x00181632;
    public static final int OutlineUpperHorizontalEdge = 0x00181633;
    public static final int OutlineLowerHorizontalEdge = 0x00181634;
    public static final int CenterOfCircularOutline = 0x00181635;
    public static final int DiameterOfCircularOutline = 0x00181636;
    public static final int NumberOfPolygonalVertices = 0x00181637;
    public static final int VerticesOfThePolygonalOutline = 0x00181638;
    public static final int CollimatorShape = 0x00181700;
    public static final int CollimatorLeftVerticalEdge = 0x00181702;
    public static final int CollimatorRightVerticalEdge = 0x00181704;
    public static final int CollimatorUpperHorizontalEdge = 0x00181706;
    public static final int CollimatorLowerHorizontalEdge = 0x00181708;
    public static final int CenterOfCircularCollimator = 0x00181710;
    public static final int RadiusOfCircularCollimator = 0x00181712;
    public static final int VerticesOfThePolygonalCollimator = 0x00181720;
    public static final int AcquisitionTimeSynchronized = 0x00181800;
    public static final int TimeSource = 0x00181801;
    public static final int TimeDistributionProtocol = 0x00181802;
    public static final int NTPSourceAddress = 0x00181803;
    public static final int PageNumberVector = 0x00182001;
    public static final int FrameLabelVector = 0x00182002;
    public static final int FramePrimaryAngleVector = 0x00182003;
    public static final int FrameSecondaryAngleVector = 0x00182004;
    public static final int SliceLocationVector = 0x00182005;
    public static final int DisplayWindowLabelVector = 0x00182006;
    public static final int NominalScannedPixelSpacing = 0x00182010;
    public static final int DigitizingDeviceTransportDirection = 0x00182020;
    public static final int RotationOfScannedFilm = 0x00182030;
    public static final int BiopsyTargetSequence = 0x00182041;
    public static final int TargetUID = 0x00182042;
    public static final int LocalizingCursorPosition = 0x00182043;
    public static final int CalculatedTargetPosition = 0x00182044;
    public static final int TargetLabel = 0x00182045;
    public static final int DisplayedZValue = 0x00182046;
    public static final int IVUSAcquisition = 0x00183100;
    public static final int IVUSPullbackRate = 0x00183101;
    public static final int IVUSGatedRate = 0x00183102;
    public static final int IVUSPullbackStartFrameNumber = 0x00183103;
    public static final int IVUSPullbackStopFrameNumber = 0x00183104;
    public static final int LesionNumber = 0x00183105;
    /** retired */
    public static final int AcquisitionComments = 0x00184000;

    public static final int OutputPower = 0x00185000;
    public static final int TransducerData = 0x00185010;
    public static final int TransducerIdentificationSequence = 0x00185011;
    public static final int FocusDepth = 0x00185012;
    public static final int ProcessingFunction = 0x00185020;
    /** retired */
    public static final int PostprocessingFunction = 0x00185021;

    public static final int MechanicalIndex = 0x00185022;
    public static final int BoneThermalIndex = 0x00185024;
    public static final int CranialThermalIndex = 0x00185026;
    public static final int SoftTissueThermalIndex = 0x00185027;
    public static final int SoftTissueFocusThermalIndex = 0x00185028;
    public static final int SoftTissueSurfaceThermalIndex = 0x00185029;
    /** retired */
    public static final int DynamicRange = 0x00185030;
    /** retired */
    public static final int TotalGain = 0x00185040;

    public static final int DepthOfScanField = 0x00185050;
    public static final int PatientPosition = 0x00185100;
    public static final int ViewPosition = 0x00185101;
    public static final int ProjectionEponymousNameCodeSequence = 0x00185104;
    /** retired */
    public static final int ImageTransformationMatrix = 0x00185210;
    /** retired */
    public static final int ImageTranslationVector = 0x00185212;

    public static final int Sensitivity = 0x00186000;
    public static final int SequenceOfUltrasoundRegions = 0x00186011;
    public static final int RegionSpatialFormat = 0x00186012;
    public static final int RegionDataType = 0x00186014;
    public static final int RegionFlags = 0x00186016;
    public static final int RegionLocationMinX0 = 0x00186018;
    public static final int RegionLocationMinY0 = 0x0018601A;
    public static final int RegionLocationMaxX1 = 0x0018601C;
    public static final int RegionLocationMaxY1 = 0x0018601E;
    public static final int ReferencePixelX0 = 0x00186020;
    public static final int ReferencePixelY0 = 0x00186022;
    public static final int PhysicalUnitsXDirection = 0x00186024;
    public static final int PhysicalUnitsYDirection = 0x00186026;
    public static final int ReferencePixelPhysicalValueX = 0x00186028;
    public static final int ReferencePixelPhysicalValueY = 0x0018602A;
    public static final int PhysicalDeltaX = 0x0018602C;
    public static final int PhysicalDeltaY = 0x0018602E;
    public static final int TransducerFrequency = 0x00186030;
    public static final int TransducerType = 0x00186031;
    public static final int PulseRepetitionFrequency = 0x00186032;
    public static final int DopplerCorrectionAngle = 0x00186034;
    public static final int SteeringAngle = 0x00186036;
    /** retired */
    public static final int DopplerSampleVolumeXPositionRetired = 0x00186038;

    public static final int DopplerSampleVolumeXPosition = 0x00186039;
    /** retired */
    public static final int DopplerSampleVolumeYPositionRetired = 0x0018603A;

    public static final int DopplerSampleVolumeYPosition = 0x0018603B;
    /** retired */
    public static final int TMLinePositionX0Retired = 0x0018603C;

    public static final int TMLinePositionX0 = 0x0018603D;
    /** retired */
    public static final int TMLinePositionY0Retired = 0x0018603E;

    public static final int TMLinePositionY0 = 0x0018603F;
    /** retired */
    public static final int TMLinePositionX1Retired = 0x00186040;

    public static final int TMLinePositionX1 = 0x00186041;
    /** retired */
    public static final int TMLinePositionY1Retired = 0x00186042;

    public static final int TMLinePositionY1 = 0x00186043;
    public static final int PixelComponentOrganization = 0x00186044;
    public static final int PixelComponentMask = 0x00186046;
    public static final int PixelComponentRangeStart = 0x00186048;
    public static final int PixelComponentRangeStop = 0x0018604A;
    public static final int PixelComponentPhysicalUnits = 0x0018604C;
    public static final int PixelComponentDataType = 0x0018604E;
    public static final int NumberOfTableBreakPoints = 0x00186050;
    public static final int TableOfXBreakPoints = 0x00186052;
    public static final int TableOfYBreakPoints = 0x00186054;
    public static final int NumberOfTableEntries = 0x00186056;
    public static final int TableOfPixelValues = 0x00186058;
    public static final int TableOfParameterValues = 0x0018605A;
    public static final int RWaveTimeVector = 0x00186060;
    public static final int ActiveImageAreaOverlayGroup = 0x00186070;
    public static final int DetectorConditionsNominalFlag = 0x00187000;
    public static final int DetectorTemperature = 0x00187001;
    public static final int DetectorType = 0x00187004;
    public static final int DetectorConfiguration = 0x00187005;
    public static final int DetectorDescription = 0x00187006;
    public static final int DetectorMode = 0x00187008;
    public static final int DetectorID = 0x0018700A;
    public static final int DateOfLastDetectorCalibration = 0x0018700C;
    public static final int TimeOfLastDetectorCalibration = 0x0018700E;
    public static final int ExposuresOnDetectorSinceLastCalibration = 0x00187010;
    public static final int ExposuresOnDetectorSinceManufactured = 0x00187011;
    public static final int DetectorTimeSinceLastExposure = 0x00187012;
    public static final int DetectorActiveTime = 0x00187014;
    public static final int DetectorActivationOffsetFromExposure = 0x00187016;
    public static final int DetectorBinning = 0x0018701A;
    public static final int DetectorElementPhysicalSize = 0x00187020;
    public static final int DetectorElementSpacing = 0x00187022;
    public static final int DetectorActiveShape = 0x00187024;
    public static final int DetectorActiveDimensions = 0x00187026;
    public static final int DetectorActiveOrigin = 0x00187028;
    public static final int DetectorManufacturerName = 0x0018702A;
    public static final int DetectorManufacturerModelName = 0x0018702B;
    public static final int FieldOfViewOrigin = 0x00187030;
    public static final int FieldOfViewRotation = 0x00187032;
    public static final int FieldOfViewHorizontalFlip = 0x00187034;
    public static final int PixelDataAreaOriginRelativeToFOV = 0x00187036;
    public static final int PixelDataAreaRotationAngleRelativeToFOV = 0x00187038;
    public static final int GridAbsorbingMaterial = 0x00187040;
    public static final int GridSpacingMaterial = 0x00187041;
    public static final int GridThickness = 0x00187042;
    public static final int GridPitch = 0x00187044;
    public static final int GridAspectRatio = 0x00187046;
    public static final int GridPeriod = 0x00187048;
    public static final int GridFocalDistance = 0x0018704C;
    public static final int FilterMaterial = 0x00187050;
    public static final int FilterThicknessMinimum = 0x00187052;
    public static final int FilterThicknessMaximum = 0x00187054;
    public static final int FilterBeamPathLengthMinimum = 0x00187056;
    public static final int FilterBeamPathLengthMaximum = 0x00187058;
    public static final int ExposureControlMode = 0x00187060;
    public static final int ExposureControlModeDescription = 0x00187062;
    public static final int ExposureStatus = 0x00187064;
    public static final int PhototimerSetting = 0x00187065;
    public static final int ExposureTimeInuS = 0x00188150;
    public static final int XRayTubeCurrentInuA = 0x00188151;
    public static final int ContentQualification = 0x00189004;
    public static final int PulseSequenceName = 0x00189005;
    public static final int MRImagingModifierSequence = 0x00189006;
    public static final int EchoPulseSequence = 0x00189008;
    public static final int InversionRecovery = 0x00189009;
    public static final int FlowCompensation = 0x00189010;
    public static final int MultipleSpinEcho = 0x00189011;
    public static final int MultiPlanarExcitation = 0x00189012;
    public static final int PhaseContrast = 0x00189014;
    public static final int TimeOfFlightContrast = 0x00189015;
    public static final int Spoiling = 0x00189016;
    public static final int SteadyStatePulseSequence = 0x00189017;
    public static final int EchoPlanarPulseSequence = 0x00189018;
    public static final int TagAngleFirstAxis = 0x00189019;
    public static final int MagnetizationTransfer = 0x00189020;
    public static final int T2Preparation = 0x00189021;
    public static final int BloodSignalNulling = 0x00189022;
    public static final int SaturationRecovery = 0x00189024;
    public static final int SpectrallySelectedSuppression = 0x00189025;
    public static final int SpectrallySelectedExcitation = 0x00189026;
    public static final int SpatialPresaturation = 0x00189027;
    public static final int Tagging = 0x00189028;
    public static final int OversamplingPhase = 0x00189029;
    public static final int TagSpacingFirstDimension = 0x00189030;
    public static final int GeometryOfKSpaceTraversal = 0x00189032;
    public static final int SegmentedKSpaceTraversal = 0x00189033;
    public static final int RectilinearPhaseEncodeReordering = 0x00189034;
    public static final int TagThickness = 0x00189035;
    public static final int PartialFourierDirection = 0x00189036;
    public static final int CardiacSynchronizationTechnique = 0x00189037;
    public static final int ReceiveCoilManufacturerName = 0x00189041;
    public static final int MRReceiveCoilSequence = 0x00189042;
    public static final int ReceiveCoilType = 0x00189043;
    public static final int QuadratureReceiveCoil = 0x00189044;
    public static final int MultiCoilDefinitionSequence = 0x00189045;
    public static final int MultiCoilConfiguration = 0x00189046;
    public static final int MultiCoilElementName = 0x00189047;
    public static final int MultiCoilElementUsed = 0x00189048;
    public static final int MRTransmitCoilSequence = 0x00189049;
    public static final int TransmitCoilManufacturerName = 0x00189050;
    public static final int TransmitCoilType = 0x00189051;
    public static final int SpectralWidth = 0x00189052;
    public static final int ChemicalShiftReference = 0x00189053;
    public static final int VolumeLocalizationTechnique = 0x00189054;
    public static final int MRAcquisitionFrequencyEncodingSteps = 0x00189058;
    public static final int Decoupling = 0x00189059;
    public static final int DecoupledNucleus = 0x00189060;
    public static final int DecouplingFrequency = 0x00189061;
    public static final int DecouplingMethod = 0x00189062;
    public static final int DecouplingChemicalShiftReference = 0x00189063;
    public static final int KSpaceFiltering = 0x00189064;
    public static final int TimeDomainFiltering = 0x00189065;
    public static final int NumberOfZeroFills = 0x00189066;
    public static final int BaselineCorrection = 0x00189067;
    public static final int ParallelReductionFactorInPlane = 0x00189069;
    public static final int CardiacRRIntervalSpecified = 0x00189070;
    public static final int AcquisitionDuration = 0x00189073;
    public static final int FrameAcquisitionDateTime = 0x00189074;
    public static final int DiffusionDirectionality = 0x00189075;
    public static final int DiffusionGradientDirectionSequence = 0x00189076;
    public static final int ParallelAcquisition = 0x00189077;
    public static final int ParallelAcquisitionTechnique = 0x00189078;
    public static final int InversionTimes = 0x00189079;
    public static final int MetaboliteMapDescription = 0x00189080;
    public static final int PartialFourier = 0x00189081;
    public static final int EffectiveEchoTime = 0x00189082;
    public static final int MetaboliteMapCodeSequence = 0x00189083;
    public static final int ChemicalShiftSequence = 0x00189084;
    public static final int CardiacSignalSource = 0x00189085;
    public static final int DiffusionBValue = 0x00189087;
    public static final int DiffusionGradientOrientation = 0x00189089;
    public static final int VelocityEncodingDirection = 0x00189090;
    public static final int VelocityEncodingMinimumValue = 0x00189091;
    public static final int VelocityEncodingAcquisitionSequence = 0x00189092;
    public static final int NumberOfKSpaceTrajectories = 0x00189093;
    public static final int CoverageOfKSpace = 0x00189094;
    public static final int SpectroscopyAcquisitionPhaseRows = 0x00189095;
    /** retired */
    public static final int ParallelReductionFactorInPlaneRetired = 0x00189096;

    public static final int TransmitterFrequency = 0x00189098;
    public static final int ResonantNucleus = 0x00189100;
    public static final int FrequencyCorrection = 0x00189101;
    public static final int MRSpectroscopyFOVGeometrySequence = 0x00189103;
    public static final int SlabThickness = 0x00189104;
    public static final int SlabOrientation = 0x00189105;
    public static final int MidSlabPosition = 0x00189106;
    public static final int MRSpatialSaturationSequence = 0x00189107;
    public static final int MRTimingAndRelatedParametersSequence = 0x00189112;
    public static final int MREchoSequence = 0x00189114;
    public static final int MRModifierSequence = 0x00189115;
    public static final int MRDiffusionSequence = 0x00189117;
    public static final int CardiacSynchronizationSequence = 0x00189118;
    public static final int MRAveragesSequence = 0x00189119;
    public static final int MRFOVGeometrySequence = 0x00189125;
    public static final int VolumeLocalizationSequence = 0x00189126;
    public static final int SpectroscopyAcquisitionDataColumns = 0x00189127;
    public static final int DiffusionAnisotropyType = 0x00189147;
    public static final int FrameReferenceDateTime = 0x00189151;
    public static final int MRMetaboliteMapSequence = 0x00189152;
    public static final int ParallelReductionFactorOutOfPlane = 0x00189155;
    public static final int SpectroscopyAcquisitionOutOfPlanePhaseSteps = 0x00189159;
    /** retired */
    public static final int BulkMotionStatus = 0x00189166;

    public static final int ParallelReductionFactorSecondInPlane = 0x00189168;
    public static final int CardiacBeatRejectionTechnique = 0x00189169;
    public static final int RespiratoryMotionCompensationTechnique = 0x00189170;
    public static final int RespiratorySignalSource = 0x00189171;
    public static final int BulkMotionCompensationTechnique = 0x00189172;
    public static final int BulkMotionSignalSource = 0x00189173;
    public static final int ApplicableSafetyStandardAgency = 0x00189174;
    public static final int ApplicableSafetyStandardDescription = 0x00189175;
    public static final int OperatingModeSequence = 0x00189176;
    public static final int OperatingModeType = 0x00189177;
    public static final int OperatingMode = 0x00189178;
    public static final int SpecificAbsorptionRateDefinition = 0x00189179;
    public static final int GradientOutputType = 0x00189180;
    public static final int SpecificAbsorptionRateValue = 0x00189181;
    public static final int GradientOutput = 0x00189182;
    public static final int FlowCompensationDirection = 0x00189183;
    public static final int TaggingDelay = 0x00189184;
    public static final int RespiratoryMotionCompensationTechniqueDescription = 0x00189185;
    public static final int RespiratorySignalSourceID = 0x00189186;
    /** retired */
    public static final int ChemicalShiftMinimumIntegrationLimitInHz = 0x00189195;
    /** retired */
    public static final int ChemicalShiftMaximumIntegrationLimitInHz = 0x00189196;

    public static final int MRVelocityEncodingSequence = 0x00189197;
    public static final int FirstOrderPhaseCorrection = 0x00189198;
    public static final int WaterReferencedPhaseCorrection = 0x00189199;
    public static final int MRSpectroscopyAcquisitionType = 0x00189200;
    public static final int RespiratoryCyclePosition = 0x00189214;
    public static final int VelocityEncodingMaximumValue = 0x00189217;
    public static final int TagSpacingSecondDimension = 0x00189218;
    public static final int TagAngleSecondAxis = 0x00189219;
    public static final int FrameAcquisitionDuration = 0x00189220;
    public static final int MRImageFrameTypeSequence = 0x00189226;
    public static final int MRSpectroscopyFrameTypeSequence = 0x00189227;
    public static final int MRAcquisitionPhaseEncodingStepsInPlane = 0x00189231;
    public static final int MRAcquisitionPhaseEncodingStepsOutOfPlane = 0x00189232;
    public static final int SpectroscopyAcquisitionPhaseColumns = 0x00189234;
    public static final int CardiacCyclePosition = 0x00189236;
    public static final int SpecificAbsorptionRateSequence = 0x00189239;
    public static final int RFEchoTrainLength = 0x00189240;
    public static final int GradientEchoTrainLength = 0x00189241;
    public static final int ArterialSpinLabelingContrast = 0x00189250;
    public static final int MRArterialSpinLabelingSequence = 0x00189251;
    public static final int ASLTechniqueDescription = 0x00189252;
    public static final int ASLSlabNumber = 0x00189253;
    public static final int ASLSlabThickness = 0x00189254;
    public static final int ASLSlabOrientation = 0x00189255;
    public static final int ASLMidSlabPosition = 0x00189256;
    public static final int ASLContext = 0x00189257;
    public static final int ASLPulseTrainDuration = 0x00189258;
    public static final int ASLCrusherFlag = 0x00189259;
    public static final int ASLCrusherFlowLimit = 0x0018925A;
    public static final int ASLCrusherDescription = 0x0018925B;
    public static final int ASLBolusCutoffFlag = 0x0018925C;
    public static final int ASLBolusCutoffTimingSequence = 0x0018925D;
    public static final int ASLBolusCutoffTechnique = 0x0018925E;
    public static final int ASLBolusCutoffDelayTime = 0x0018925F;
    public static final int ASLSlabSequence = 0x00189260;
    public static final int ChemicalShiftMinimumIntegrationLimitInppm = 0x00189295;
    public static final int ChemicalShiftMaximumIntegrationLimitInppm = 0x00189296;
    public static final int WaterReferenceAcquisition = 0x00189297;
    public static final int EchoPeakPosition = 0x00189298;
    public static final int CTAcquisitionTypeSequence = 0x00189301;
    public static final int AcquisitionType = 0x00189302;
    public static final int TubeAngle = 0x00189303;
    public static final int CTAcquisitionDetailsSequence = 0x00189304;
    public static final int RevolutionTime = 0x00189305;
    public static final int SingleCollimationWidth = 0x00189306;
    public static final int TotalCollimationWidth = 0x00189307;
    public static final int CTTableDynamicsSequence = 0x00189308;
    public static final int TableSpeed = 0x00189309;
    public static final int TableFeedPerRotation = 0x00189310;
    public static final int SpiralPitchFactor = 0x00189311;
    public static final int CTGeometrySequence = 0x00189312;
    public static final int DataCollectionCenterPatient = 0x00189313;
    public static final int CTReconstructionSequence = 0x00189314;
    public static final int ReconstructionAlgorithm = 0x00189315;
    public static final int ConvolutionKernelGroup = 0x00189316;
    public static final int ReconstructionFieldOfView = 0x00189317;
    public static final int ReconstructionTargetCenterPatient = 0x00189318;
    public static final int ReconstructionAngle = 0x00189319;
    public static final int ImageFilter = 0x00189320;
    public static final int CTExposureSequence = 0x00189321;
    public static final int ReconstructionPixelSpacing = 0x00189322;
    public static final int ExposureModulationType = 0x00189323;
    /** retired */
    public static final int EstimatedDoseSaving = 0x00189324;

    public static final int CTXRayDetailsSequence = 0x00189325;
    public static final int CTPositionSequence = 0x00189326;
    public static final int TablePosition = 0x00189327;
    public static final int ExposureTimeInms = 0x00189328;
    public static final int CTImageFrameTypeSequence = 0x00189329;
    public static final int XRayTubeCurrentInmA = 0x00189330;
    public static final int ExposureInmAs = 0x00189332;
    public static final int ConstantVolumeFlag = 0x00189333;
    public static final int FluoroscopyFlag = 0x00189334;
    public static final int DistanceSourceToDataCollectionCenter = 0x00189335;
    public static final int ContrastBolusAgentNumber = 0x00189337;
    public static final int ContrastBolusIngredientCodeSequence = 0x00189338;
    public static final int ContrastAdministrationProfileSequence = 0x00189340;
    public static final int ContrastBolusUsageSequence = 0x00189341;
    public static final int ContrastBolusAgentAdministered = 0x00189342;
    public static final int ContrastBolusAgentDetected = 0x00189343;
    public static final int ContrastBolusAgentPhase = 0x00189344;
    public static final int CTDIvol = 0x00189345;
    public static final int CTDIPhantomTypeCodeSequence = 0x00189346;
    public static final int CalciumScoringMassFactorPatient = 0x00189351;
    public static final int CalciumScoringMassFactorDevice = 0x00189352;
    public static final int EnergyWeightingFactor = 0x00189353;
    public static final int CTAdditionalXRaySourceSequence = 0x00189360;
    public static final int MultienergyCTAcquisition = 0x00189361;
    public static final int MultienergyCTAcquisitionSequence = 0x00189362;
    public static final int MultienergyCTProcessingSequence = 0x00189363;
    public static final int MultienergyCTCharacteristicsSequence = 0x00189364;
    public static final int MultienergyCTXRaySourceSequence = 0x00189365;
    public static final int XRaySourceIndex = 0x00189366;
    public static final int XRaySourceID = 0x00189367;
    public static final int MultienergySourceTechnique = 0x00189368;
    public static final int SourceStartDateTime = 0x00189369;
    public static final int SourceEndDateTime = 0x0018936A;
    public static final int SwitchingPhaseNumber = 0x0018936B;
    public static final int SwitchingPhaseNominalDuration = 0x0018936C;
    public static final int SwitchingPhaseTransitionDuration = 0x0018936D;
    public static final int EffectiveBinEnergy = 0x0018936E;
    public static final int MultienergyCTXRayDetectorSequence = 0x0018936F;
    public static final int XRayDetectorIndex = 0x00189370;
    public static final int XRayDetectorID = 0x00189371;
    public static final int MultienergyDetectorType = 0x00189372;
    public static final int XRayDetectorLabel = 0x00189373;
    public static final int NominalMaxEnergy = 0x00189374;
    public static final int NominalMinEnergy = 0x00189375;
    public static final int ReferencedXRayDetectorIndex = 0x00189376;
    public static final int ReferencedXRaySourceIndex = 0x00189377;
    public static final int ReferencedPathIndex = 0x00189378;
    public static final int MultienergyCTPathSequence = 0x00189379;
    public static final int MultienergyCTPathIndex = 0x0018937A;
    public static final int MultienergyAcquisitionDescription = 0x0018937B;
    public static final int MonoenergeticEnergyEquivalent = 0x0018937C;
    public static final int MaterialCodeSequence = 0x0018937D;
    public static final int DecompositionMethod = 0x0018937E;
    public static final int DecompositionDescription = 0x0018937F;
    public static final int DecompositionAlgorithmIdentificationSequence = 0x00189380;
    public static final int DecompositionMaterialSequence = 0x00189381;
    public static final int MaterialAttenuationSequence = 0x00189382;
    public static final int PhotonEnergy = 0x00189383;
    public static final int XRayMassAttenuationCoefficient = 0x00189384;
    public static final int ProjectionPixelCalibrationSequence = 0x00189401;
    public static final int DistanceSourceToIsocenter = 0x00189402;
    public static final int DistanceObjectToTableTop = 0x00189403;
    public static final int ObjectPixelSpacingInCenterOfBeam = 0x00189404;
    public static final int PositionerPositionSequence = 0x00189405;
    public static final int TablePositionSequence = 0x00189406;
    public static final int CollimatorShapeSequence = 0x00189407;
    public static final int PlanesInAcquisition = 0x00189410;
    public static final int XAXRFFrameCharacteristicsSequence = 0x00189412;
    public static final int FrameAcquisitionSequence = 0x00189417;
    public static final int XRayReceptorType = 0x00189420;
    public static final int AcquisitionProtocolName = 0x00189423;
    public static final int AcquisitionProtocolDescription = 0x00189424;
    public static final int ContrastBolusIngredientOpaque = 0x00189425;
    public static final int DistanceReceptorPlaneToDetectorHousing = 0x00189426;
    public static final int IntensifierActiveShape = 0x00189427;
    public static final int IntensifierActiveDimensions = 0x00189428;
    public static final int PhysicalDetectorSize = 0x00189429;
    public static final int PositionOfIsocenterProjection = 0x00189430;
    public static final int FieldOfViewSequence = 0x00189432;
    public static final int FieldOfViewDescription = 0x00189433;
    public static final int ExposureControlSensingRegionsSequence = 0x00189434;
    public static final int ExposureControlSensingRegionShape = 0x00189435;
    public static final int ExposureControlSensingRegionLeftVerticalEdge = 0x00189436;
    public static final int ExposureControlSensingRegionRightVerticalEdge = 0x00189437;
    public static final int ExposureControlSensingRegionUpperHorizontalEdge = 0x00189438;
    public static final int ExposureControlSensingRegionLowerHorizontalEdge = 0x00189439;
    public static final int CenterOfCircularExposureControlSensingRegion = 0x00189440;
    public static final int RadiusOfCircularExposureControlSensingRegion = 0x00189441;
    public static final int VerticesOfThePolygonalExposureControlSensingRegion = 0x00189442;
    public static final int ColumnAngulationPatient = 0x00189447;
    public static final int BeamAngle = 0x00189449;
    public static final int FrameDetectorParametersSequence = 0x00189451;
    public static final int CalculatedAnatomyThickness = 0x00189452;
    public static final int CalibrationSequence = 0x00189455;
    public static final int ObjectThicknessSequence = 0x00189456;
    public static final int PlaneIdentification = 0x00189457;
    public static final int FieldOfViewDimensionsInFloat = 0x00189461;
    public static final int IsocenterReferenceSystemSequence = 0x00189462;
    public static final int PositionerIsocenterPrimaryAngle = 0x00189463;
    public static final int PositionerIsocenterSecondaryAngle = 0x00189464;
    public static final int PositionerIsocenterDetectorRotationAngle = 0x00189465;
    public static final int TableXPositionToIsocenter = 0x00189466;
    public static final int TableYPositionToIsocenter = 0x00189467;
    public static final int TableZPositionToIsocenter = 0x00189468;
    public static final int TableHorizontalRotationAngle = 0x00189469;
    public static final int TableHeadTiltAngle = 0x00189470;
    public static final int TableCradleTiltAngle = 0x00189471;
    public static final int FrameDisplayShutterSequence = 0x00189472;
    public static final int AcquiredImageAreaDoseProduct = 0x00189473;
    public static final int CArmPositionerTabletopRelationship = 0x00189474;
    public static final int XRayGeometrySequence = 0x00189476;
    public static final int IrradiationEventIdentificationSequence = 0x00189477;
    public static final int XRay3DFrameTypeSequence = 0x00189504;
    public static final int ContributingSourcesSequence = 0x00189506;
    public static final int XRay3DAcquisitionSequence = 0x00189507;
    public static final int PrimaryPositionerScanArc = 0x00189508;
    public static final int SecondaryPositionerScanArc = 0x00189509;
    public static final int PrimaryPositionerScanStartAngle = 0x00189510;
    public static final int SecondaryPositionerScanStartAngle = 0x00189511;
    public static final int PrimaryPositionerIncrement = 0x00189514;
    public static final int SecondaryPositionerIncrement = 0x00189515;
    public static final int StartAcquisitionDateTime = 0x00189516;
    public static final int EndAcquisitionDateTime = 0x00189517;
    public static final int PrimaryPositionerIncrementSign = 0x00189518;
    public static final int SecondaryPositionerIncrementSign = 0x00189519;
    public static final int ApplicationName = 0x00189524;
    public static final int ApplicationVersion = 0x00189525;
    public static final int ApplicationManufacturer = 0x00189526;
    public static final int AlgorithmType = 0x00189527;
    public static final int AlgorithmDescription = 0x00189528;
    public static final int XRay3DReconstructionSequence = 0x00189530;
    public static final int ReconstructionDescription = 0x00189531;
    public static final int PerProjectionAcquisitionSequence = 0x00189538;
    public static final int DetectorPositionSequence = 0x00189541;
    public static final int XRayAcquisitionDoseSequence = 0x00189542;
    public static final int XRaySourceIsocenterPrimaryAngle = 0x00189543;
    public static final int XRaySourceIsocenterSecondaryAngle = 0x00189544;
    public static final int BreastSupportIsocenterPrimaryAngle = 0x00189545;
    public static final int BreastSupportIsocenterSecondaryAngle = 0x00189546;
    public static final int BreastSupportXPositionToIsocenter = 0x00189547;
    public static final int BreastSupportYPositionToIsocenter = 0x00189548;
    public static final int BreastSupportZPositionToIsocenter = 0x00189549;
    public static final int DetectorIsocenterPrimaryAngle = 0x00189550;
    public static final int DetectorIsocenterSecondaryAngle = 0x00189551;
    public static final int DetectorXPositionToIsocenter = 0x00189552;
    public static final int DetectorYPositionToIsocenter = 0x00189553;
    public static final int DetectorZPositionToIsocenter = 0x00189554;
    public static final int XRayGridSequence = 0x00189555;
    public static final int XRayFilterSequence = 0x00189556;
    public static final int DetectorActiveAreaTLHCPosition = 0x00189557;
    public static final int DetectorActiveAreaOrientation = 0x00189558;
    public static final int PositionerPrimaryAngleDirection = 0x00189559;
    public static final int DiffusionBMatrixSequence = 0x00189601;
    public static final int DiffusionBValueXX = 0x00189602;
    public static final int DiffusionBValueXY = 0x00189603;
    public static final int DiffusionBValueXZ = 0x00189604;
    public static final int DiffusionBValueYY = 0x00189605;
    public static final int DiffusionBValueYZ = 0x00189606;
    public static final int DiffusionBValueZZ = 0x00189607;
    public static final int FunctionalMRSequence = 0x00189621;
    public static final int FunctionalSettlingPhaseFramesPresent = 0x00189622;
    public static final int FunctionalSyncPulse = 0x00189623;
    public static final int SettlingPhaseFrame = 0x00189624;
    public static final int DecayCorrectionDateTime = 0x00189701;
    public static final int StartDensityThreshold = 0x00189715;
    public static final int StartRelativeDensityDifferenceThreshold = 0x00189716;
    public static final int StartCardiacTriggerCountThreshold = 0x00189717;
    public static final int StartRespiratoryTriggerCountThreshold = 0x00189718;
    public static final int TerminationCountsThreshold = 0x00189719;
    public static final int TerminationDensityThreshold = 0x00189720;
    public static final int TerminationRelativeDensityThreshold = 0x00189721;
    public static final int TerminationTimeThreshold = 0x00189722;
    public static final int TerminationCardiacTriggerCountThreshold = 0x00189723;
    public static final int TerminationRespiratoryTriggerCountThreshold = 0x00189724;
    public static final int DetectorGeometry = 0x00189725;
    public static final int TransverseDetectorSeparation = 0x00189726;
    public static final int AxialDetectorDimension = 0x00189727;
    public static final int RadiopharmaceuticalAgentNumber = 0x00189729;
    public static final int PETFrameAcquisitionSequence = 0x00189732;
    public static final int PETDetectorMotionDetailsSequence = 0x00189733;
    public static final int PETTableDynamicsSequence = 0x00189734;
    public static final int PETPositionSequence = 0x00189735;
    public static final int PETFrameCorrectionFactorsSequence = 0x00189736;
    public static final int RadiopharmaceuticalUsageSequence = 0x00189737;
    public static final int AttenuationCorrectionSource = 0x00189738;
    public static final int NumberOfIterations = 0x00189739;
    public static final int NumberOfSubsets = 0x00189740;
    public static final int PETReconstructionSequence = 0x00189749;
    public static final int PETFrameTypeSequence = 0x00189751;
    public static final int TimeOfFlightInformationUsed = 0x00189755;
    public static final int ReconstructionType = 0x00189756;
    public static final int DecayCorrected = 0x00189758;
    public static final int AttenuationCorrected = 0x00189759;
    public static final int ScatterCorrected = 0x00189760;
    public static final int DeadTimeCorrected = 0x00189761;
    public static final int GantryMotionCorrected = 0x00189762;
    public static final int PatientMotionCorrected = 0x00189763;
    public static final int CountLossNormalizationCorrected = 0x00189764;
    public static final int RandomsCorrected = 0x00189765;
    public static final int NonUniformRadialSamplingCorrected = 0x00189766;
    public static final int SensitivityCalibrated = 0x00189767;
    public static final int DetectorNormalizationCorrection = 0x00189768;
    public static final int IterativeReconstructionMethod = 0x00189769;
    public static final int AttenuationCorrectionTemporalRelationship = 0x00189770;
    public static final int PatientPhysiologicalStateSequence = 0x00189771;
    public static final int PatientPhysiologicalStateCodeSequence = 0x00189772;
    public static final int DepthsOfFocus = 0x00189801;
    public static final int ExcludedIntervalsSequence = 0x00189803;
    public static final int ExclusionStartDateTime = 0x00189804;
    public static final int ExclusionDuration = 0x00189805;
    public static final int USImageDescriptionSequence = 0x00189806;
    public static final int ImageDataTypeSequence = 0x00189807;
    public static final int DataType = 0x00189808;
    public static final int TransducerScanPatternCodeSequence = 0x00189809;
    public static final int AliasedDataType = 0x0018980B;
    public static final int PositionMeasuringDeviceUsed = 0x0018980C;
    public static final int TransducerGeometryCodeSequence = 0x0018980D;
    public static final int TransducerBeamSteeringCodeSequence = 0x0018980E;
    public static final int TransducerApplicationCodeSequence = 0x0018980F;
    public static final int ZeroVelocityPixelValue = 0x00189810;
    public static final int ReferenceLocationLabel = 0x00189900;
    public static final int ReferenceLocationDescription = 0x00189901;
    public static final int ReferenceBasisCodeSequence = 0x00189902;
    public static final int ReferenceGeometryCodeSequence = 0x00189903;
    public static final int OffsetDistance = 0x00189904;
    public static final int OffsetDirection = 0x00189905;
    public static final int PotentialScheduledProtocolCodeSequence = 0x00189906;
    public static final int PotentialRequestedProcedureCodeSequence = 0x00189907;
    public static final int PotentialReasonsForProcedure = 0x00189908;
    public static final int PotentialReasonsForProcedureCodeSequence = 0x00189909;
    public static final int PotentialDiagnosticTasks = 0x0018990A;
    public static final int ContraindicationsCodeSequence = 0x0018990B;
    public static final int ReferencedDefinedProtocolSequence = 0x0018990C;
    public static final int ReferencedPerformedProtocolSequence = 0x0018990D;
    public static final int PredecessorProtocolSequence = 0x0018990E;
    public static final int ProtocolPlanningInformation = 0x0018990F;
    public static final int ProtocolDesignRationale = 0x00189910;
    public static final int PatientSpecificationSequence = 0x00189911;
    public static final int ModelSpecificationSequence = 0x00189912;
    public static final int ParametersSpecificationSequence = 0x00189913;
    public static final int InstructionSequence = 0x00189914;
    public static final int InstructionIndex = 0x00189915;
    public static final int InstructionText = 0x00189916;
    public static final int InstructionDescription = 0x00189917;
    public static final int InstructionPerformedFlag = 0x00189918;
    public static final int InstructionPerformedDateTime = 0x00189919;
    public static final int InstructionPerformanceComment = 0x0018991A;
    public static final int PatientPositioningInstructionSequence = 0x0018991B;
    public static final int PositioningMethodCodeSequence = 0x0018991C;
    public static final int PositioningLandmarkSequence = 0x0018991D;
    public static final int TargetFrameOfReferenceUID = 0x0018991E;
    public static final int AcquisitionProtocolElementSpecificationSequence = 0x0018991F;
    public static final int AcquisitionProtocolElementSequence = 0x00189920;
    public static final int ProtocolElementNumber = 0x00189921;
    public static final int ProtocolElementName = 0x00189922;
    public static final int ProtocolElementCharacteristicsSummary = 0x00189923;
    public static final int ProtocolElementPurpose = 0x00189924;
    public static final int AcquisitionMotion = 0x00189930;
    public static final int AcquisitionStartLocationSequence = 0x00189931;
    public static final int AcquisitionEndLocationSequence = 0x00189932;
    public static final int ReconstructionProtocolElementSpecificationSequence = 0x00189933;
    public static final int ReconstructionProtocolElementSequence = 0x00189934;
    public static final int StorageProtocolElementSpecificationSequence = 0x00189935;
    public static final int StorageProtocolElementSequence = 0x00189936;
    public static final int RequestedSeriesDescription = 0x00189937;
    public static final int SourceAcquisitionProtocolElementNumber = 0x00189938;
    public static final int SourceAcquisitionBeamNumber = 0x00189939;
    public static final int SourceReconstructionProtocolElementNumber = 0x0018993A;
    public static final int ReconstructionStartLocationSequence = 0x0018993B;
    public static final int ReconstructionEndLocationSequence = 0x0018993C;
    public static final int ReconstructionAlgorithmSequence = 0x0018993D;
    public static final int ReconstructionTargetCenterLocationSequence = 0x0018993E;
    public static final int ImageFilterDescription = 0x00189941;
    public static final int CTDIvolNotificationTrigger = 0x00189942;
    public static final int DLPNotificationTrigger = 0x00189943;
    public static final int AutoKVPSelectionType = 0x00189944;
    public static final int AutoKVPUpperBound = 0x00189945;
    public static final int AutoKVPLowerBound = 0x00189946;
    public static final int ProtocolDefinedPatientPosition = 0x00189947;
    public static final int ContributingEquipmentSequence = 0x0018A001;
    public static final int ContributionDateTime = 0x0018A002;
    public static final int ContributionDescription = 0x0018A003;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int AcquisitionNumber = 0x00200012;
    public static final int InstanceNumber = 0x00200013;
    /** retired */
    public static final int IsotopeNumber = 0x00200014;
    /** retired */
    public static final int PhaseNumber = 0x00200015;
    /** retired */
    public static final int IntervalNumber = 0x00200016;
    /** retired */
    public static final int TimeSlotNumber = 0x00200017;
    /** retired */
    public static final int AngleNumber = 0x00200018;

    public static final int ItemNumber = 0x00200019;
    public static final int PatientOrientation = 0x00200020;
    /** retired */
    public static final int OverlayNumber = 0x00200022;
    /** retired */
    public static final int CurveNumber = 0x00200024;
    /** retired */
    public static final int LUTNumber = 0x00200026;

    public static final int PyramidLabel = 0x00200027;
    /** retired */
    public static final int ImagePosition = 0x00200030;

    public static final int ImagePositionPatient = 0x00200032;
    /** retired */
    public static final int ImageOrientation = 0x00200035;

    public static final int ImageOrientationPatient = 0x00200037;
    /** retired */
    public static final int Location = 0x00200050;

    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int Laterality = 0x00200060;
    public static final int ImageLaterality = 0x00200062;
    /** retired */
    public static final int ImageGeometryType = 0x00200070;
    /** retired */
    public static final int MaskingImage = 0x00200080;
    /** retired */
    public static final int ReportNumber = 0x002000AA;

    public static final int TemporalPositionIdentifier = 0x00200100;
    public static final int NumberOfTemporalPositions = 0x00200105;
    public static final int TemporalResolution = 0x00200110;
    public static final int SynchronizationFrameOfReferenceUID = 0x00200200;
    public static final int SOPInstanceUIDOfConcatenationSource = 0x00200242;
    /** retired */
    public static final int SeriesInStudy = 0x00201000;
    /** retired */
    public static final int AcquisitionsInSeries = 0x00201001;

    public static final int ImagesInAcquisition = 0x00201002;
    /** retired */
    public static final int ImagesInSeries = 0x00201003;
    /** retired */
    public static final int AcquisitionsInStudy = 0x00201004;
    /** retired */
    public static final int ImagesInStudy = 0x00201005;
    /** retired */
    public static final int Reference = 0x00201020;

    public static final int TargetPositionReferenceIndicator = 0x0020103F;
    public static final int PositionReferenceIndicator = 0x00201040;
    public static final int SliceLocation = 0x00201041;
    /** retired */
    public static final int OtherStudyNumbers = 0x00201070;

    public static final int NumberOfPatientRelatedStudies = 0x00201200;
    public static final int NumberOfPatientRelatedSeries = 0x00201202;
    public static final int NumberOfPatientRelatedInstances = 0x00201204;
    public static final int NumberOfStudyRelatedSeries = 0x00201206;
    public static final int NumberOfStudyRelatedInstances = 0x00201208;
    public static final int NumberOfSeriesRelatedInstances = 0x00201209;
    /** repeating (0020,31xx); retired */
    public static final int SourceImageIDs = 0x00203100;
    /** retired */
    public static final int ModifyingDeviceID = 0x00203401;
    /** retired */
    public static final int ModifiedImageID = 0x00203402;
    /** retired */
    public static final int ModifiedImageDate = 0x00203403;
    /** retired */
    public static final int ModifyingDeviceManufacturer = 0x00203404;
    /** retired */
    public static final int ModifiedImageTime = 0x00203405;
    /** retired */
    public static final int ModifiedImageDescription = 0x00203406;

    public static final int ImageComments = 0x00204000;
    /** retired */
    public static final int OriginalImageIdentification = 0x00205000;
    /** retired */
    public static final int OriginalImageIdentificationNomenclature = 0x00205002;

    public static final int StackID = 0x00209056;
    public static final int InStackPositionNumber = 0x00209057;
    public static final int FrameAnatomySequence = 0x00209071;
    public static final int FrameLaterality = 0x00209072;
    public static final int FrameContentSequence = 0x00209111;
    public static final int PlanePositionSequence = 0x00209113;
    public static final int PlaneOrientationSequence = 0x00209116;
    public static final int TemporalPositionIndex = 0x00209128;
    public static final int NominalCardiacTriggerDelayTime = 0x00209153;
    public static final int NominalCardiacTriggerTimePriorToRPeak = 0x00209154;
    public static final int ActualCardiacTriggerTimePriorToRPeak = 0x00209155;
    public static final int FrameAcquisitionNumber = 0x00209156;
    public static final int DimensionIndexValues = 0x00209157;
    public static final int FrameComments = 0x00209158;
    public static final int ConcatenationUID = 0x00209161;
    public static final int InConcatenationNumber = 0x00209162;
    public static final int InConcatenationTotalNumber = 0x00209163;
    public static final int DimensionOrganizationUID = 0x00209164;
    public static final int DimensionIndexPointer = 0x00209165;
    public static final int FunctionalGroupPointer = 0x00209167;
    public static final int UnassignedSharedConvertedAttributesSequence = 0x00209170;
    public static final int UnassignedPerFrameConvertedAttributesSequence = 0x00209171;
    public static final int ConversionSourceAttributesSequence = 0x00209172;
    public static final int DimensionIndexPrivateCreator = 0x00209213;
    public static final int DimensionOrganizationSequence = 0x00209221;
    public static final int DimensionIndexSequence = 0x00209222;
    public static final int ConcatenationFrameOffsetNumber = 0x00209228;
    public static final int FunctionalGroupPrivateCreator = 0x00209238;
    public static final int NominalPercentageOfCardiacPhase = 0x00209241;
    public static final int NominalPercentageOfRespiratoryPhase = 0x00209245;
    public static final int StartingRespiratoryAmplitude = 0x00209246;
    public static final int StartingRespiratoryPhase = 0x00209247;
    public static final int EndingRespiratoryAmplitude = 0x00209248;
    public static final int EndingRespiratoryPhase = 0x00209249;
    public static final int RespiratoryTriggerType = 0x00209250;
    public static final int RRIntervalTimeNominal = 0x00209251;
    public static final int ActualCardiacTriggerDelayTime = 0x00209252;
    public static final int RespiratorySynchronizationSequence = 0x00209253;
    public static final int RespiratoryIntervalTime = 0x00209254;
    public static final int NominalRespiratoryTriggerDelayTime = 0x00209255;
    public static final int RespiratoryTriggerDelayThreshold = 0x00209256;
    public static final int ActualRespiratoryTriggerDelayTime = 0x00209257;
    public static final int ImagePositionVolume = 0x00209301;
    public static final int ImageOrientationVolume = 0x00209302;
    public static final int UltrasoundAcquisitionGeometry = 0x00209307;
    public static final int ApexPosition = 0x00209308;
    public static final int VolumeToTransducerMappingMatrix = 0x00209309;
    public static final int VolumeToTableMappingMatrix = 0x0020930A;
    public static final int VolumeToTransducerRelationship = 0x0020930B;
    public static final int PatientFrameOfReferenceSource = 0x0020930C;
    public static final int TemporalPositionTimeOffset = 0x0020930D;
    public static final int PlanePositionVolumeSequence = 0x0020930E;
    public static final int PlaneOrientationVolumeSequence = 0x0020930F;
    public static final int TemporalPositionSequence = 0x00209310;
    public static final int DimensionOrganizationType = 0x00209311;
    public static final int VolumeFrameOfReferenceUID = 0x00209312;
    public static final int TableFrameOfReferenceUID = 0x00209313;
    public static final int DimensionDescriptionLabel = 0x00209421;
    public static final int PatientOrientationInFrameSequence = 0x00209450;
    public static final int FrameLabel = 0x00209453;
    public static final int AcquisitionIndex = 0x00209518;
    public static final int ContributingSOPInstancesReferenceSequence = 0x00209529;
    public static final int ReconstructionIndex = 0x00209536;
    public static final int LightPathFilterPassThroughWavelength = 0x00220001;
    public static final int LightPathFilterPassBand = 0x00220002;
    public static final int ImagePathFilterPassThroughWavelength = 0x00220003;
    public static final int ImagePathFilterPassBand = 0x00220004;
    public static final int PatientEyeMovementCommanded = 0x00220005;
    public static final int PatientEyeMovementCommandCodeSequence = 0x00220006;
    public static final int SphericalLensPower = 0x00220007;
    public static final int CylinderLensPower = 0x00220008;
    public static final int CylinderAxis = 0x00220009;
    public static final int EmmetropicMagnification = 0x0022000A;
    public static final int IntraOcularPressure = 0x0022000B;
    public static final int HorizontalFieldOfView = 0x0022000C;
    public static final int PupilDilated = 0x0022000D;
    public static final int DegreeOfDilation = 0x0022000E;
    public static final int StereoBaselineAngle = 0x00220010;
    public static final int StereoBaselineDisplacement = 0x00220011;
    public static final int StereoHorizontalPixelOffset = 0x00220012;
    public static final int StereoVerticalPixelOffset = 0x00220013;
    public static final int StereoRotation = 0x00220014;
    public static final int AcquisitionDeviceTypeCodeSequence = 0x00220015;
    public static final int IlluminationTypeCodeSequence = 0x00220016;
    public static final int LightPathFilterTypeStackCodeSequence = 0x00220017;
    public static final int ImagePathFilterTypeStackCodeSequence = 0x00220018;
    public static final int LensesCodeSequence = 0x00220019;
    public static final int ChannelDescriptionCodeSequence = 0x0022001A;
    public static final int RefractiveStateSequence = 0x0022001B;
    public static final int MydriaticAgentCodeSequence = 0x0022001C;
    public static final int RelativeImagePositionCodeSequence = 0x0022001D;
    public static final int CameraAngleOfView = 0x0022001E;
    public static final int StereoPairsSequence = 0x00220020;
    public static final int LeftImageSequence = 0x00220021;
    public static final int RightImageSequence = 0x00220022;
    public static final int StereoPairsPresent = 0x00220028;
    public static final int AxialLengthOfTheEye = 0x00220030;
    public static final int OphthalmicFrameLocationSequence = 0x00220031;
    public static final int ReferenceCoordinates = 0x00220032;
    public static final int DepthSpatialResolution = 0x00220035;
    public static final int MaximumDepthDistortion = 0x00220036;
    public static final int AlongScanSpatialResolution = 0x00220037;
    public static final int MaximumAlongScanDistortion = 0x00220038;
    public static final int OphthalmicImageOrientation = 0x00220039;
    public static final int DepthOfTransverseImage = 0x00220041;
    public static final int MydriaticAgentConcentrationUnitsSequence = 0x00220042;
    public static final int AcrossScanSpatialResolution = 0x00220048;
    public static final int MaximumAcrossScanDistortion = 0x00220049;
    public static final int MydriaticAgentConcentration = 0x0022004E;
    public static final int IlluminationWaveLength = 0x00220055;
    public static final int IlluminationPower = 0x00220056;
    public static final int IlluminationBandwidth = 0x00220057;
    public static final int MydriaticAgentSequence = 0x00220058;
    public static final int OphthalmicAxialMeasurementsRightEyeSequence = 0x00221007;
    public static final int OphthalmicAxialMeasurementsLeftEyeSequence = 0x00221008;
    public static final int OphthalmicAxialMeasurementsDeviceType = 0x00221009;
    public static final int OphthalmicAxialLengthMeasurementsType = 0x00221010;
    public static final int OphthalmicAxialLengthSequence = 0x00221012;
    public static final int OphthalmicAxialLength = 0x00221019;
    public static final int LensStatusCodeSequence = 0x00221024;
    public static final int VitreousStatusCodeSequence = 0x00221025;
    public static final int IOLFormulaCodeSequence = 0x00221028;
    public static final int IOLFormulaDetail = 0x00221029;
    public static final int KeratometerIndex = 0x00221033;
    public static final int SourceOfOphthalmicAxialLengthCodeSequence = 0x00221035;
    public static final int SourceOfCornealSizeDataCodeSequence = 0x00221036;
    public static final int TargetRefraction = 0x00221037;
    public static final int RefractiveProcedureOccurred = 0x00221039;
    public static final int RefractiveSurgeryTypeCodeSequence = 0x00221040;
    public static final int OphthalmicUltrasoundMethodCodeSequence = 0x00221044;
    public static final int SurgicallyInducedAstigmatismSequence = 0x00221045;
    public static final int TypeOfOpticalCorrection = 0x00221046;
    public static final int ToricIOLPowerSequence = 0x00221047;
    public static final int PredictedToricErrorSequence = 0x00221048;
    public static final int PreSelectedForImplantation = 0x00221049;
    public static final int ToricIOLPowerForExactEmmetropiaSequence = 0x0022104A;
    public static final int ToricIOLPowerForExactTargetRefractionSequence = 0x0022104B;
    public static final int OphthalmicAxialLengthMeasurementsSequence = 0x00221050;
    public static final int IOLPower = 0x00221053;
    public static final int PredictedRefractiveError = 0x00221054;
    public static final int OphthalmicAxialLengthVelocity = 0x00221059;
    public static final int LensStatusDescription = 0x00221065;
    public static final int VitreousStatusDescription = 0x00221066;
    public static final int IOLPowerSequence = 0x00221090;
    public static final int LensConstantSequence = 0x00221092;
    public static final int IOLManufacturer = 0x00221093;
    /** retired */
    public static final int LensConstantDescription = 0x00221094;

    public static final int ImplantName = 0x00221095;
    public static final int KeratometryMeasurementTypeCodeSequence = 0x00221096;
    public static final int ImplantPartNumber = 0x00221097;
    public static final int ReferencedOphthalmicAxialMeasurementsSequence = 0x00221100;
    public static final int OphthalmicAxialLengthMeasurementsSegmentNameCodeSequence = 0x00221101;
    public static final int RefractiveErrorBeforeRefractiveSurgeryCodeSequence = 0x00221103;
    public static final int IOLPowerForExactEmmetropia = 0x00221121;
    public static final int IOLPowerForExactTargetRefraction = 0x00221122;
    public static final int AnteriorChamberDepthDefinitionCodeSequence = 0x00221125;
    public static final int LensThicknessSequence = 0x00221127;
    public static final int AnteriorChamberDepthSequence = 0x00221128;
    public static final int CalculationCommentSequence = 0x0022112A;
    public static final int CalculationCommentType = 0x0022112B;
    public static final int CalculationComment = 0x0022112C;
    public static final int LensThickness = 0x00221130;
    public static final int AnteriorChamberDepth = 0x00221131;
    public static final int SourceOfLensThicknessDataCodeSequence = 0x00221132;
    public static final int SourceOfAnteriorChamberDepthDataCodeSequence = 0x00221133;
    public static final int SourceOfRefractiveMeasurementsSequence = 0x00221134;
    public static final int SourceOfRefractiveMeasurementsCodeSequence = 0x00221135;
    public static final int OphthalmicAxialLengthMeasurementModified = 0x00221140;
    public static final int OphthalmicAxialLengthDataSourceCodeSequence = 0x00221150;
    /** retired */
    public static final int OphthalmicAxialLengthAcquisitionMethodCodeSequence = 0x00221153;

    public static final int SignalToNoiseRatio = 0x00221155;
    public static final int OphthalmicAxialLengthDataSourceDescription = 0x00221159;
    public static final int OphthalmicAxialLengthMeasurementsTotalLengthSequence = 0x00221210;
    public static final int OphthalmicAxialLengthMeasurementsSegmentalLengthSequence = 0x00221211;
    public static final int OphthalmicAxialLengthMeasurementsLengthSummationSequence = 0x00221212;
    public static final int UltrasoundOphthalmicAxialLengthMeasurementsSequence = 0x00221220;
    public static final int OpticalOphthalmicAxialLengthMeasurementsSequence = 0x00221225;
    public static final int UltrasoundSelectedOphthalmicAxialLengthSequence = 0x00221230;
    public static final int OphthalmicAxialLengthSelectionMethodCodeSequence = 0x00221250;
    public static final int OpticalSelectedOphthalmicAxialLengthSequence = 0x00221255;
    public static final int SelectedSegmentalOphthalmicAxialLengthSequence = 0x00221257;
    public static final int SelectedTotalOphthalmicAxialLengthSequence = 0x00221260;
    public static final int OphthalmicAxialLengthQualityMetricSequence = 0x00221262;
    /** retired */
    public static final int OphthalmicAxialLengthQualityMetricTypeCodeSequence = 0x00221265;
    /** retired */
    public static final int OphthalmicAxialLengthQualityMetricTypeDescription = 0x00221273;

    public static final int IntraocularLensCalculationsRightEyeSequence = 0x00221300;
    public static final int IntraocularLensCalculationsLeftEyeSequence = 0x00221310;
    public static final int ReferencedOphthalmicAxialLengthMeasurementQCImageSequence = 0x00221330;
    public static final int OphthalmicMappingDeviceType = 0x00221415;
    public static final int AcquisitionMethodCodeSequence = 0x00221420;
    public static final int AcquisitionMethodAlgorithmSequence = 0x00221423;
    public static final int OphthalmicThicknessMapTypeCodeSequence = 0x00221436;
    public static final int OphthalmicThicknessMappingNormalsSequence = 0x00221443;
    public static final int RetinalThicknessDefinitionCodeSequence = 0x00221445;
    public static final int PixelValueMappingToCodedConceptSequence = 0x00221450;
    public static final int MappedPixelValue = 0x00221452;
    public static final int PixelValueMappingExplanation = 0x00221454;
    public static final int OphthalmicThicknessMapQualityThresholdSequence = 0x00221458;
    public static final int OphthalmicThicknessMapThresholdQualityRating = 0x00221460;
    public static final int AnatomicStructureReferencePoint = 0x00221463;
    public static final int RegistrationToLocalizerSequence = 0x00221465;
    public static final int RegisteredLocalizerUnits = 0x00221466;
    public static final int RegisteredLocalizerTopLeftHandCorner = 0x00221467;
    public static final int RegisteredLocalizerBottomRightHandCorner = 0x00221468;
    public static final int OphthalmicThicknessMapQualityRatingSequence = 0x00221470;
    public static final int RelevantOPTAttributesSequence = 0x00221472;
    public static final int TransformationMethodCodeSequence = 0x00221512;
    public static final int TransformationAlgorithmSequence = 0x00221513;
    public static final int OphthalmicAxialLengthMethod = 0x00221515;
    public static final int OphthalmicFOV = 0x00221517;
    public static final int TwoDimensionalToThreeDimensionalMapSequence = 0x00221518;
    public static final int WideFieldOphthalmicPhotographyQualityRatingSequence = 0x00221525;
    public static final int WideFieldOphthalmicPhotographyQualityThresholdSequence = 0x00221526;
    public static final int WideFieldOphthalmicPhotographyThresholdQualityRating = 0x00221527;
    public static final int XCoordinatesCenterPixelViewAngle = 0x00221528;
    public static final int YCoordinatesCenterPixelViewAngle = 0x00221529;
    public static final int NumberOfMapPoints = 0x00221530;
    public static final int TwoDimensionalToThreeDimensionalMapData = 0x00221531;
    public static final int DerivationAlgorithmSequence = 0x00221612;
    public static final int OphthalmicImageTypeCodeSequence = 0x00221615;
    public static final int OphthalmicImageTypeDescription = 0x00221616;
    public static final int ScanPatternTypeCodeSequence = 0x00221618;
    public static final int ReferencedSurfaceMeshIdentificationSequence = 0x00221620;
    public static final int OphthalmicVolumetricPropertiesFlag = 0x00221622;
    public static final int OphthalmicAnatomicReferencePointXCoordinate = 0x00221624;
    public static final int OphthalmicAnatomicReferencePointYCoordinate = 0x00221626;
    public static final int OphthalmicEnFaceImageQualityRatingSequence = 0x00221628;
    public static final int QualityThreshold = 0x00221630;
    public static final int OCTBscanAnalysisAcquisitionParametersSequence = 0x00221640;
    public static final int NumberOfBscansPerFrame = 0x00221642;
    public static final int BscanSlabThickness = 0x00221643;
    public static final int DistanceBetweenBscanSlabs = 0x00221644;
    public static final int BscanCycleTime = 0x00221645;
    public static final int BscanCycleTimeVector = 0x00221646;
    public static final int AscanRate = 0x00221649;
    public static final int BscanRate = 0x00221650;
    public static final int SurfaceMeshZPixelOffset = 0x00221658;
    public static final int VisualFieldHorizontalExtent = 0x00240010;
    public static final int VisualFieldVerticalExtent = 0x00240011;
    public static final int VisualFieldShape = 0x00240012;
    public static final int ScreeningTestModeCodeSequence = 0x00240016;
    public static final int MaximumStimulusLuminance = 0x00240018;
    public static final int BackgroundLuminance = 0x00240020;
    public static final int StimulusColorCodeSequence = 0x00240021;
    public static final int BackgroundIlluminationColorCodeSequence = 0x00240024;
    public static final int StimulusArea = 0x00240025;
    public static final int StimulusPresentationTime = 0x00240028;
    public static final int FixationSequence = 0x00240032;
    public static final int FixationMonitoringCodeSequence = 0x00240033;
    public static final int VisualFieldCatchTrialSequence = 0x00240034;
    public static final int FixationCheckedQuantity = 0x00240035;
    public static final int PatientNotProperlyFixatedQuantity = 0x00240036;
    public static final int PresentedVisualStimuliDataFlag = 0x00240037;
    public static final int NumberOfVisualStimuli = 0x00240038;
    public static final int ExcessiveFixationLossesDataFlag = 0x00240039;
    public static final int ExcessiveFixationLosses = 0x00240040;
    public static final int StimuliRetestingQuantity = 0x00240042;
    public static final int CommentsOnPatientPerformanceOfVisualField = 0x00240044;
    public static final int FalseNegativesEstimateFlag = 0x00240045;
    public static final int FalseNegativesEstimate = 0x00240046;
    public static final int NegativeCatchTrialsQuantity = 0x00240048;
    public static final int FalseNegativesQuantity = 0x00240050;
    public static final int ExcessiveFalseNegativesDataFlag = 0x00240051;
    public static final int ExcessiveFalseNegatives = 0x00240052;
    public static final int FalsePositivesEstimateFlag = 0x00240053;
    public static final int FalsePositivesEstimate = 0x00240054;
    public static final int CatchTrialsDataFlag = 0x00240055;
    public static final int PositiveCatchTrialsQuantity = 0x00240056;
    public static final int TestPointNormalsDataFlag = 0x00240057;
    public static final int TestPointNormalsSequence = 0x00240058;
    public static final int GlobalDeviationProbabilityNormalsFlag = 0x00240059;
    public static final int FalsePositivesQuantity = 0x00240060;
    public static final int ExcessiveFalsePositivesDataFlag = 0x00240061;
    public static final int ExcessiveFalsePositives = 0x00240062;
    public static final int VisualFieldTestNormalsFlag = 0x00240063;
    public static final int ResultsNormalsSequence = 0x00240064;
    public static final int AgeCorrectedSensitivityDeviationAlgorithmSequence = 0x00240065;
    public static final int GlobalDeviationFromNormal = 0x00240066;
    public static final int GeneralizedDefectSensitivityDeviationAlgorithmSequence = 0x00240067;
    public static final int LocalizedDeviationFromNormal = 0x00240068;
    public static final int PatientReliabilityIndicator = 0x00240069;
    public static final int VisualFieldMeanSensitivity = 0x00240070;
    public static final int GlobalDeviationProbability = 0x00240071;
    public static final int LocalDeviationProbabilityNormalsFlag = 0x00240072;
    public static final int LocalizedDeviationProbability = 0x00240073;
    public static final int ShortTermFluctuationCalculated = 0x00240074;
    public static final int ShortTermFluctuation = 0x00240075;
    public static final int ShortTermFluctuationProbabilityCalculated = 0x00240076;
    public static final int ShortTermFluctuationProbability = 0x00240077;
    public static final int CorrectedLocalizedDeviationFromNormalCalculated = 0x00240078;
    public static final int CorrectedLocalizedDeviationFromNormal = 0x00240079;
    public static final int CorrectedLocalizedDeviationFromNormalProbabilityCalculated = 0x00240080;
    public static final int CorrectedLocalizedDeviationFromNormalProbability = 0x00240081;
    public static final int GlobalDeviationProbabilitySequence = 0x00240083;
    public static final int LocalizedDeviationProbabilitySequence = 0x00240085;
    public static final int FovealSensitivityMeasured = 0x00240086;
    public static final int FovealSensitivity = 0x00240087;
    public static final int VisualFieldTestDuration = 0x00240088;
    public static final int VisualFieldTestPointSequence = 0x00240089;
    public static final int VisualFieldTestPointXCoordinate = 0x00240090;
    public static final int VisualFieldTestPointYCoordinate = 0x00240091;
    public static final int AgeCorrectedSensitivityDeviationValue = 0x00240092;
    public static final int StimulusResults = 0x00240093;
    public static final int SensitivityValue = 0x00240094;
    public static final int RetestStimulusSeen = 0x00240095;
    public static final int RetestSensitivityValue = 0x00240096;
    public static final int VisualFieldTestPointNormalsSequence = 0x00240097;
    public static final int QuantifiedDefect = 0x00240098;
    public static final int AgeCorrectedSensitivityDeviationProbabilityValue = 0x00240100;
    public static final int GeneralizedDefectCorrectedSensitivityDeviationFlag = 0x00240102;
    public static final int GeneralizedDefectCorrectedSensitivityDeviationValue = 0x00240103;
    public static final int GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue = 0x00240104;
    public static final int MinimumSensitivityValue = 0x00240105;
    public static final int BlindSpotLocalized = 0x00240106;
    public static final int BlindSpotXCoordinate = 0x00240107;
    public static final int BlindSpotYCoordinate = 0x00240108;
    public static final int VisualAcuityMeasurementSequence = 0x00240110;
    public static final int RefractiveParametersUsedOnPatientSequence = 0x00240112;
    public static final int MeasurementLaterality = 0x00240113;
    public static final int OphthalmicPatientClinicalInformationLeftEyeSequence = 0x00240114;
    public static final int OphthalmicPatientClinicalInformationRightEyeSequence = 0x00240115;
    public static final int FovealPointNormativeDataFlag = 0x00240117;
    public static final int FovealPointProbabilityValue = 0x00240118;
    public static final int ScreeningBaselineMeasured = 0x00240120;
    public static final int ScreeningBaselineMeasuredSequence = 0x00240122;
    public static final int ScreeningBaselineType = 0x00240124;
    public static final int ScreeningBaselineValue = 0x00240126;
    public static final int AlgorithmSource = 0x00240202;
    public static final int DataSetName = 0x00240306;
    public static final int DataSetVersion = 0x00240307;
    public static final int DataSetSource = 0x00240308;
    public static final int DataSetDescription = 0x00240309;
    public static final int VisualFieldTestReliabilityGlobalIndexSequence = 0x00240317;
    public static final int VisualFieldGlobalResultsIndexSequence = 0x00240320;
    public static final int DataObservationSequence = 0x00240325;
    public static final int IndexNormalsFlag = 0x00240338;
    public static final int IndexProbability = 0x00240341;
    public static final int IndexProbabilitySequence = 0x00240344;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int SamplesPerPixelUsed = 0x00280003;
    public static final int PhotometricInterpretation = 0x00280004;
    /** retired */
    public static final int ImageDimensions = 0x00280005;

    public static final int PlanarConfiguration = 0x00280006;
    public static final int NumberOfFrames = 0x00280008;
    public static final int FrameIncrementPointer = 0x00280009;
    public static final int FrameDimensionPointer = 0x0028000A;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    /** retired */
    public static final int Planes = 0x00280012;

    public static final int UltrasoundColorDataPresent = 0x00280014;
    public static final int PixelSpacing = 0x00280030;
    public static final int ZoomFactor = 0x00280031;
    public static final int ZoomCenter = 0x00280032;
    public static final int PixelAspectRatio = 0x00280034;
    /** retired */
    public static final int ImageFormat = 0x00280040;
    /** retired */
    public static final int ManipulatedImage = 0x00280050;

    public static final int CorrectedImage = 0x00280051;
    /** retired */
    public static final int CompressionRecognitionCode = 0x0028005F;
    /** retired */
    public static final int CompressionCode = 0x00280060;
    /** retired */
    public static final int CompressionOriginator = 0x00280061;
    /** retired */
    public static final int CompressionLabel = 0x00280062;
    /** retired */
    public static final int CompressionDescription = 0x00280063;
    /** retired */
    public static final int CompressionSequence = 0x00280065;
    /** retired */
    public static final int CompressionStepPointers = 0x00280066;
    /** retired */
    public static final int RepeatInterval = 0x00280068;
    /** retired */
    public static final int BitsGrouped = 0x00280069;
    /** retired */
    public static final int PerimeterTable = 0x00280070;
    /** retired */
    public static final int PerimeterValue = 0x00280071;
    /** retired */
    public static final int PredictorRows = 0x00280080;
    /** retired */
    public static final int PredictorColumns = 0x00280081;
    /** retired */
    public static final int PredictorConstants = 0x00280082;
    /** retired */
    public static final int BlockedPixels = 0x00280090;
    /** retired */
    public static final int BlockRows = 0x00280091;
    /** retired */
    public static final int BlockColumns = 0x00280092;
    /** retired */
    public static final int RowOverlap = 0x00280093;
    /** retired */
    public static final int ColumnOverlap = 0x00280094;

    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    /** retired */
    public static final int SmallestValidPixelValue = 0x00280104;
    /** retired */
    public static final int LargestValidPixelValue = 0x00280105;

    public static final int SmallestImagePixelValue = 0x00280106;
    public static final int LargestImagePixelValue = 0x00280107;
    public static final int SmallestPixelValueInSeries = 0x00280108;
    public static final int LargestPixelValueInSeries = 0x00280109;
    /** retired */
    public static final int SmallestImagePixelValueInPlane = 0x00280110;
    /** retired */
    public static final int LargestImagePixelValueInPlane = 0x00280111;

    public static final int PixelPaddingValue = 0x00280120;
    public static final int PixelPaddingRangeLimit = 0x00280121;
    public static final int FloatPixelPaddingValue = 0x00280122;
    public static final int DoubleFloatPixelPaddingValue = 0x00280123;
    public static final int FloatPixelPaddingRangeLimit = 0x00280124;
    public static final int DoubleFloatPixelPaddingRangeLimit = 0x00280125;
    /** retired */
    public static final int ImageLocation = 0x00280200;

    public static final int QualityControlImage = 0x00280300;
    public static final int BurnedInAnnotation = 0x00280301;
    public static final int RecognizableVisualFeatures = 0x00280302;
    public static final int LongitudinalTemporalInformationModified = 0x00280303;
    public static final int ReferencedColorPaletteInstanceUID = 0x00280304;
    /** retired */
    public static final int TransformLabel = 0x00280400;
    /** retired */
    public static final int TransformVersionNumber = 0x00280401;
    /** retired */
    public static final int NumberOfTransformSteps = 0x00280402;
    /** retired */
    public static final int SequenceOfCompressedData = 0x00280403;
    /** retired */
    public static final int DetailsOfCoefficients = 0x00280404;
    /** repeating (0028,04x0); retired */
    public static final int RowsForNthOrderCoefficients = 0x00280410;
    /** repeating (0028,04x1); retired */
    public static final int ColumnsForNthOrderCoefficients = 0x00280411;
    /** repeating (0028,04x2); retired */
    public static final int CoefficientCoding = 0x00280412;
    /** repeating (0028,04x3); retired */
    public static final int CoefficientCodingPointers = 0x00280413;
    /** retired */
    public static final int DCTLabel = 0x00280700;
    /** retired */
    public static final int DataBlockDescription = 0x00280701;
    /** retired */
    public static final int DataBlock = 0x00280702;
    /** retired */
    public static final int NormalizationFactorFormat = 0x00280710;
    /** retired */
    public static final int ZonalMapNumberFormat = 0x00280720;
    /** retired */
    public static final int ZonalMapLocation = 0x00280721;
    /** retired */
    public static final int ZonalMapFormat = 0x00280722;
    /** retired */
    public static final int AdaptiveMapFormat = 0x00280730;
    /** retired */
    public static final int CodeNumberFormat = 0x00280740;
    /** repeating (0028,08x0); retired */
    public static final int CodeLabel = 0x00280800;
    /** repeating (0028,08x2); retired */
    public static final int NumberOfTables = 0x00280802;
    /** repeating (0028,08x3); retired */
    public static final int CodeTableLocation = 0x00280803;
    /** repeating (0028,08x4); retired */
    public static final int BitsForCodeWord = 0x00280804;
    /** repeating (0028,08x8); retired */
    public static final int ImageDataLocation = 0x00280808;

    public static final int PixelSpacingCalibrationType = 0x00280A02;
    public static final int PixelSpacingCalibrationDescription = 0x00280A04;
    public static final int PixelIntensityRelationship = 0x00281040;
    public static final int PixelIntensityRelationshipSign = 0x00281041;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int RescaleType = 0x00281054;
    public static final int WindowCenterWidthExplanation = 0x00281055;
    public static final int VOILUTFunction = 0x00281056;
    /** retired */
    public static final int GrayScale = 0x00281080;

    public static final int RecommendedViewingMode = 0x00281090;
    /** retired */
    public static final int GrayLookupTableDescriptor = 0x00281100;

    public static final int RedPaletteColorLookupTableDescriptor = 0x00281101;
    public static final int GreenPaletteColorLookupTableDescriptor = 0x00281102;
    public static final int BluePaletteColorLookupTableDescriptor = 0x00281103;
    public static final int AlphaPaletteColorLookupTableDescriptor = 0x00281104;
    /** retired */
    public static final int LargeRedPaletteColorLookupTableDescriptor = 0x00281111;
    /** retired */
    public static final int LargeGreenPaletteColorLookupTableDescriptor = 0x00281112;
    /** retired */
    public static final int LargeBluePaletteColorLookupTableDescriptor = 0x00281113;

    public static final int PaletteColorLookupTableUID = 0x00281199;
    /** retired */
    public static final int GrayLookupTableData = 0x00281200;

    public static final int RedPaletteColorLookupTableData = 0x00281201;
    public static final int GreenPaletteColorLookupTableData = 0x00281202;
    public static final int BluePaletteColorLookupTableData = 0x00281203;
    public static final int AlphaPaletteColorLookupTableData = 0x00281204;
    /** retired */
    public static final int LargeRedPaletteColorLookupTableData = 0x00281211;
    /** retired */
    public static final int LargeGreenPaletteColorLookupTableData = 0x00281212;
    /** retired */
    public static final int LargeBluePaletteColorLookupTableData = 0x00281213;
    /** retired */
    public static final int LargePaletteColorLookupTableUID = 0x00281214;

    public static final int SegmentedRedPaletteColorLookupTableData = 0x00281221;
    public static final int SegmentedGreenPaletteColorLookupTableData = 0x00281222;
    public static final int SegmentedBluePaletteColorLookupTableData = 0x00281223;
    public static final int SegmentedAlphaPaletteColorLookupTableData = 0x00281224;
    public static final int StoredValueColorRangeSequence = 0x00281230;
    public static final int MinimumStoredValueMapped = 0x00281231;
    public static final int MaximumStoredValueMapped = 0x00281232;
    public static final int BreastImplantPresent = 0x00281300;
    public static final int PartialView = 0x00281350;
    public static final int PartialViewDescription = 0x00281351;
    public static final int PartialViewCodeSequence = 0x00281352;
    public static final int SpatialLocationsPreserved = 0x0028135A;
    public static final int DataFrameAssignmentSequence = 0x00281401;
    public static final int DataPathAssignment = 0x00281402;
    public static final int BitsMappedToColorLookupTable = 0x00281403;
    public static final int BlendingLUT1Sequence = 0x00281404;
    public static final int BlendingLUT1TransferFunction = 0x00281405;
    public static final int BlendingWeightConstant = 0x00281406;
    public static final int BlendingLookupTableDescriptor = 0x00281407;
    public static final int BlendingLookupTableData = 0x00281408;
    public static final int EnhancedPaletteColorLookupTableSequence = 0x0028140B;
    public static final int BlendingLUT2Sequence = 0x0028140C;
    public static final int BlendingLUT2TransferFunction = 0x0028140D;
    public static final int DataPathID = 0x0028140E;
    public static final int RGBLUTTransferFunction = 0x0028140F;
    public static final int AlphaLUTTransferFunction = 0x00281410;
    public static final int ICCProfile = 0x00282000;
    public static final int ColorSpace = 0x00282002;
    public static final int LossyImageCompression = 0x00282110;
    public static final int LossyImageCompressionRatio = 0x00282112;
    public static final int LossyImageCompressionMethod = 0x00282114;
    public static final int ModalityLUTSequence = 0x00283000;
    public static final int LUTDescriptor = 0x00283002;
    public static final int LUTExplanation = 0x00283003;
    public static final int ModalityLUTType = 0x00283004;
    public static final int LUTData = 0x00283006;
    public static final int VOILUTSequence = 0x00283010;
    public static final int SoftcopyVOILUTSequence = 0x00283110;
    /** retired */
    public static final int ImagePresentationComments = 0x00284000;
    /** retired */
    public static final int BiPlaneAcquisitionSequence = 0x00285000;

    public static final int RepresentativeFrameNumber = 0x00286010;
    public static final int FrameNumbersOfInterest = 0x00286020;
    public static final int FrameOfInterestDescription = 0x00286022;
    public static final int FrameOfInterestType = 0x00286023;
    /** retired */
    public static final int MaskPointers = 0x00286030;

    public static final int RWavePointer = 0x00286040;
    public static final int MaskSubtractionSequence = 0x00286100;
    public static final int MaskOperation = 0x00286101;
    public static final int ApplicableFrameRange = 0x00286102;
    public static final int MaskFrameNumbers = 0x00286110;
    public static final int ContrastFrameAveraging = 0x00286112;
    public static final int MaskSubPixelShift = 0x00286114;
    public static final int TIDOffset = 0x00286120;
    public static final int MaskOperationExplanation = 0x00286190;
    public static final int EquipmentAdministratorSequence = 0x00287000;
    public static final int NumberOfDisplaySubsystems = 0x00287001;
    public static final int CurrentConfigurationID = 0x00287002;
    public static final int DisplaySubsystemID = 0x00287003;
    public static final int DisplaySubsystemName = 0x00287004;
    public static final int DisplaySubsystemDescription = 0x00287005;
    public static final int SystemStatus = 0x00287006;
    public static final int SystemStatusComment = 0x00287007;
    public static final int TargetLuminanceCharacteristicsSequence = 0x00287008;
    public static final int LuminanceCharacteristicsID = 0x00287009;
    public static final int DisplaySubsystemConfigurationSequence = 0x0028700A;
    public static final int ConfigurationID = 0x0028700B;
    public static final int ConfigurationName = 0x0028700C;
    public static final int ConfigurationDescription = 0x0028700D;
    public static final int ReferencedTargetLuminanceCharacteristicsID = 0x0028700E;
    public static final int QAResultsSequence = 0x0028700F;
    public static final int DisplaySubsystemQAResultsSequence = 0x00287010;
    public static final int ConfigurationQAResultsSequence = 0x00287011;
    public static final int MeasurementEquipmentSequence = 0x00287012;
    public static final int MeasurementFunctions = 0x00287013;
    public static final int MeasurementEquipmentType = 0x00287014;
    public static final int VisualEvaluationResultSequence = 0x00287015;
    public static final int DisplayCalibrationResultSequence = 0x00287016;
    public static final int DDLValue = 0x00287017;
    public static final int CIExyWhitePoint = 0x00287018;
    public static final int DisplayFunctionType = 0x00287019;
    public static final int GammaValue = 0x0028701A;
    public static final int NumberOfLuminancePoints = 0x0028701B;
    public static final int LuminanceResponseSequence = 0x0028701C;
    public static final int TargetMinimumLuminance = 0x0028701D;
    public static final int TargetMaximumLuminance = 0x0028701E;
    public static final int LuminanceValue = 0x0028701F;
    public static final int LuminanceResponseDescription = 0x00287020;
    public static final int WhitePointFlag = 0x00287021;
    public static final int DisplayDeviceTypeCodeSequence = 0x00287022;
    public static final int DisplaySubsystemSequence = 0x00287023;
    public static final int LuminanceResultSequence = 0x00287024;
    public static final int AmbientLightValueSource = 0x00287025;
    public static final int MeasuredCharacteristics = 0x00287026;
    public static final int LuminanceUniformityResultSequence = 0x00287027;
    public static final int VisualEvaluationTestSequence = 0x00287028;
    public static final int TestResult = 0x00287029;
    public static final int TestResultComment = 0x0028702A;
    public static final int TestImageValidation = 0x0028702B;
    public static final int TestPatternCodeSequence = 0x0028702C;
    public static final int MeasurementPatternCodeSequence = 0x0028702D;
    public static final int VisualEvaluationMethodCodeSequence = 0x0028702E;
    public static final int PixelDataProviderURL = 0x00287FE0;
    public static final int DataPointRows = 0x00289001;
    public static final int DataPointColumns = 0x00289002;
    public static final int SignalDomainColumns = 0x00289003;
    /** retired */
    public static final int LargestMonochromePixelValue = 0x00289099;

    public static final int DataRepresentation = 0x00289108;
    public static final int PixelMeasuresSequence = 0x00289110;
    public static final int FrameVOILUTSequence = 0x00289132;
    public static final int PixelValueTransformationSequence = 0x00289145;
    public static final int SignalDomainRows = 0x00289235;
    public static final int DisplayFilterPercentage = 0x00289411;
    public static final int FramePixelShiftSequence = 0x00289415;
    public static final int SubtractionItemID = 0x00289416;
    public static final int PixelIntensityRelationshipLUTSequence = 0x00289422;
    public static final int FramePixelDataPropertiesSequence = 0x00289443;
    public static final int GeometricalProperties = 0x00289444;
    public static final int GeometricMaximumDistortion = 0x00289445;
    public static final int ImageProcessingApplied = 0x00289446;
    public static final int MaskSelectionMode = 0x00289454;
    public static final int LUTFunction = 0x00289474;
    public static final int MaskVisibilityPercentage = 0x00289478;
    public static final int PixelShiftSequence = 0x00289501;
    public static final int RegionPixelShiftSequence = 0x00289502;
    public static final int VerticesOfTheRegion = 0x00289503;
    public static final int MultiFramePresentationSequence = 0x00289505;
    public static final int PixelShiftFrameRange = 0x00289506;
    public static final int LUTFrameRange = 0x00289507;
    public static final int ImageToEquipmentMappingMatrix = 0x00289520;
    public static final int EquipmentCoordinateSystemIdentification = 0x00289537;
    /** retired */
    public static final int StudyStatusID = 0x0032000A;
    /** retired */
    public static final int StudyPriorityID = 0x0032000C;
    /** retired */
    public static final int StudyIDIssuer = 0x00320012;
    /** retired */
    public static final int StudyVerifiedDate = 0x00320032;
    /** retired */
    public static final int StudyVerifiedTime = 0x00320033;
    /** retired */
    public static final int StudyReadDate = 0x00320034;
    /** retired */
    public static final int StudyReadTime = 0x00320035;
    /** retired */
    public static final int ScheduledStudyStartDate = 0x00321000;
    /** retired */
    public static final int ScheduledStudyStartTime = 0x00321001;
    /** retired */
    public static final int ScheduledStudyStopDate = 0x00321010;
    /** retired */
    public static final int ScheduledStudyStopTime = 0x00321011;
    /** retired */
    public static final int ScheduledStudyLocation = 0x00321020;
    /** retired */
    public static final int ScheduledStudyLocationAETitle = 0x00321021;
    /** retired */
    public static final int ReasonForStudy = 0x00321030;

    public static final int RequestingPhysicianIdentificationSequence = 0x00321031;
    public static final int RequestingPhysician = 0x00321032;
    public static final int RequestingService = 0x00321033;
    public static final int RequestingServiceCodeSequence = 0x00321034;
    /** retired */
    public static final int StudyArrivalDate = 0x00321040;
    /** retired */
    public static final int StudyArrivalTime = 0x00321041;
    /** retired */
    public static final int StudyCompletionDate = 0x00321050;
    /** retired */
    public static final int StudyCompletionTime = 0x00321051;
    /** retired */
    public static final int StudyComponentStatusID = 0x00321055;

    public static final int RequestedProcedureDescription = 0x00321060;
    public static final int RequestedProcedureCodeSequence = 0x00321064;
    public static final int RequestedLateralityCodeSequence = 0x00321065;
    public static final int ReasonForVisit = 0x00321066;
    public static final int ReasonForVisitCodeSequence = 0x00321067;
    public static final int RequestedContrastAgent = 0x00321070;
    /** retired */
    public static final int StudyComments = 0x00324000;

    public static final int FlowIdentifierSequence = 0x00340001;
    public static final int FlowIdentifier = 0x00340002;
    public static final int FlowTransferSyntaxUID = 0x00340003;
    public static final int FlowRTPSamplingRate = 0x00340004;
    public static final int SourceIdentifier = 0x00340005;
    public static final int FrameOriginTimestamp = 0x00340007;
    public static final int IncludesImagingSubject = 0x00340008;
    public static final int FrameUsefulnessGroupSequence = 0x00340009;
    public static final int RealTimeBulkDataFlowSequence = 0x0034000A;
    public static final int CameraPositionGroupSequence = 0x0034000B;
    public static final int IncludesInformation = 0x0034000C;
    public static final int TimeOfFrameGroupSequence = 0x0034000D;
    public static final int ReferencedPatientAliasSequence = 0x00380004;
    public static final int VisitStatusID = 0x00380008;
    public static final int AdmissionID = 0x00380010;
    /** retired */
    public static final int IssuerOfAdmissionID = 0x00380011;

    public static final int IssuerOfAdmissionIDSequence = 0x00380014;
    public static final int RouteOfAdmissions = 0x00380016;
    /** retired */
    public static final int ScheduledAdmissionDate = 0x0038001A;
    /** retired */
    public static final int ScheduledAdmissionTime = 0x0038001B;
    /** retired */
    public static final int ScheduledDischargeDate = 0x0038001C;
    /** retired */
    public static final int ScheduledDischargeTime = 0x0038001D;
    /** retired */
    public static final int ScheduledPatientInstitutionResidence = 0x0038001E;

    public static final int AdmittingDate = 0x00380020;
    public static final int AdmittingTime = 0x00380021;
    /** retired */
    public static final int DischargeDate = 0x00380030;
    /** retired */
    public static final int DischargeTime = 0x00380032;
    /** retired */
    public static final int DischargeDiagnosisDescription = 0x00380040;
    /** retired */
    public static final int DischargeDiagnosisCodeSequence = 0x00380044;

    public static final int SpecialNeeds = 0x00380050;
    public static final int ServiceEpisodeID = 0x00380060;
    /** retired */
    public static final int IssuerOfServiceEpisodeID = 0x00380061;

    public static final int ServiceEpisodeDescription = 0x00380062;
    public static final int IssuerOfServiceEpisodeIDSequence = 0x00380064;
    public static final int PertinentDocumentsSequence = 0x00380100;
    public static final int PertinentResourcesSequence = 0x00380101;
    public static final int ResourceDescription = 0x00380102;
    public static final int CurrentPatientLocation = 0x00380300;
    public static final int PatientInstitutionResidence = 0x00380400;
    public static final int PatientState = 0x00380500;
    public static final int PatientClinicalTrialParticipationSequence = 0x00380502;
    public static final int VisitComments = 0x00384000;
    public static final int WaveformOriginality = 0x003A0004;
    public static final int NumberOfWaveformChannels = 0x003A0005;
    public static final int NumberOfWaveformSamples = 0x003A0010;
    public static final int SamplingFrequency = 0x003A001A;
    public static final int MultiplexGroupLabel = 0x003A0020;
    public static final int ChannelDefinitionSequence = 0x003A0200;
    public static final int WaveformChannelNumber = 0x003A0202;
    public static final int ChannelLabel = 0x003A0203;
    public static final int ChannelStatus = 0x003A0205;
    public static final int ChannelSourceSequence = 0x003A0208;
    public static final int ChannelSourceModifiersSequence = 0x003A0209;
    public static final int SourceWaveformSequence = 0x003A020A;
    public static final int ChannelDerivationDescription = 0x003A020C;
    public static final int ChannelSensitivity = 0x003A0210;
    public static final int ChannelSensitivityUnitsSequence = 0x003A0211;
    public static final int ChannelSensitivityCorrectionFactor = 0x003A0212;
    public static final int ChannelBaseline = 0x003A0213;
    public static final int ChannelTimeSkew = 0x003A0214;
    public static final int ChannelSampleSkew = 0x003A0215;
    public static final int ChannelOffset = 0x003A0218;
    public static final int WaveformBitsStored = 0x003A021A;
    public static final int FilterLowFrequency = 0x003A0220;
    public static final int FilterHighFrequency = 0x003A0221;
    public static final int NotchFilterFrequency = 0x003A0222;
    public static final int NotchFilterBandwidth = 0x003A0223;
    public static final int WaveformDataDisplayScale = 0x003A0230;
    public static final int WaveformDisplayBackgroundCIELabValue = 0x003A0231;
    public static final int WaveformPresentationGroupSequence = 0x003A0240;
    public static final int PresentationGroupNumber = 0x003A0241;
    public static final int ChannelDisplaySequence = 0x003A0242;
    public static final int ChannelRecommendedDisplayCIELabValue = 0x003A0244;
    public static final int ChannelPosition = 0x003A0245;
    public static final int DisplayShadingFlag = 0x003A0246;
    public static final int FractionalChannelDisplayScale = 0x003A0247;
    public static final int AbsoluteChannelDisplayScale = 0x003A0248;
    public static final int MultiplexedAudioChannelsDescriptionCodeSequence = 0x003A0300;
    public static final int ChannelIdentificationCode = 0x003A0301;
    public static final int ChannelMode = 0x003A0302;
    public static final int MultiplexGroupUID = 0x003A0310;
    public static final int PowerlineFrequency = 0x003A0311;
    public static final int ChannelImpedanceSequence = 0x003A0312;
    public static final int ImpedanceValue = 0x003A0313;
    public static final int ImpedanceMeasurementDateTime = 0x003A0314;
    public static final int ImpedanceMeasurementFrequency = 0x003A0315;
    public static final int ImpedanceMeasurementCurrentType = 0x003A0316;
    public static final int ScheduledStationAETitle = 0x00400001;
    public static final int ScheduledProcedureStepStartDate = 0x00400002;
    public static final int ScheduledProcedureStepStartTime = 0x00400003;
    public static final int ScheduledProcedureStepEndDate = 0x00400004;
    public static final int ScheduledProcedureStepEndTime = 0x00400005;
    public static final int ScheduledPerformingPhysicianName = 0x00400006;
    public static final int ScheduledProcedureStepDescription = 0x00400007;
    public static final int ScheduledProtocolCodeSequence = 0x00400008;
    public static final int ScheduledProcedureStepID = 0x00400009;
    public static final int StageCodeSequence = 0x0040000A;
    public static final int ScheduledPerformingPhysicianIdentificationSequence = 0x0040000B;
    public static final int ScheduledStationName = 0x00400010;
    public static final int ScheduledProcedureStepLocation = 0x00400011;
    public static final int PreMedication = 0x00400012;
    public static final int ScheduledProcedureStepStatus = 0x00400020;
    public static final int OrderPlacerIdentifierSequence = 0x00400026;
    public static final int OrderFillerIdentifierSequence = 0x00400027;
    public static final int LocalNamespaceEntityID = 0x00400031;
    public static final int UniversalEntityID = 0x00400032;
    public static final int UniversalEntityIDType = 0x00400033;
    public static final int IdentifierTypeCode = 0x00400035;
    public static final int AssigningFacilitySequence = 0x00400036;
    public static final int AssigningJurisdictionCodeSequence = 0x00400039;
    public static final int AssigningAgencyOrDepartmentCodeSequence = 0x0040003A;
    public static final int ScheduledProcedureStepSequence = 0x00400100;
    public static final int ReferencedNonImageCompositeSOPInstanceSequence = 0x00400220;
    public static final int PerformedStationAETitle = 0x00400241;
    public static final int PerformedStationName = 0x00400242;
    public static final int PerformedLocation = 0x00400243;
    public static final int PerformedProcedureStepStartDate = 0x00400244;
    public static final int PerformedProcedureStepStartTime = 0x00400245;
    public static final int PerformedProcedureStepEndDate = 0x00400250;
    public static final int PerformedProcedureStepEndTime = 0x00400251;
    public static final int PerformedProcedureStepStatus = 0x00400252;
    public static final int PerformedProcedureStepID = 0x00400253;
    public static final int PerformedProcedureStepDescription = 0x00400254;
    public static final int PerformedProcedureTypeDescription = 0x00400255;
    public static final int PerformedProtocolCodeSequence = 0x00400260;
    public static final int PerformedProtocolType = 0x00400261;
    public static final int ScheduledStepAttributesSequence = 0x00400270;
    public static final int RequestAttributesSequence = 0x00400275;
    public static final int CommentsOnThePerformedProcedureStep = 0x00400280;
    public static final int PerformedProcedureStepDiscontinuationReasonCodeSequence = 0x00400281;
    public static final int QuantitySequence = 0x00400293;
    public static final int Quantity = 0x00400294;
    public static final int MeasuringUnitsSequence = 0x00400295;
    public static final int BillingItemSequence = 0x00400296;
    /** retired */
    public static final int TotalTimeOfFluoroscopy = 0x00400300;
    /** retired */
    public static final int TotalNumberOfExposures = 0x00400301;

    public static final int EntranceDose = 0x00400302;
    public static final int ExposedArea = 0x00400303;
    public static final int DistanceSourceToEntrance = 0x00400306;
    /** retired */
    public static final int DistanceSourceToSupport = 0x00400307;
    /** retired */
    public static final int ExposureDoseSequence = 0x0040030E;

    public static final int CommentsOnRadiationDose = 0x00400310;
    public static final int XRayOutput = 0x00400312;
    public static final int HalfValueLayer = 0x00400314;
    public static final int OrganDose = 0x00400316;
    public static final int OrganExposed = 0x00400318;
    public static final int BillingProcedureStepSequence = 0x00400320;
    public static final int FilmConsumptionSequence = 0x00400321;
    public static final int BillingSuppliesAndDevicesSequence = 0x00400324;
    /** retired */
    public static final int ReferencedProcedureStepSequence = 0x00400330;

    public static final int PerformedSeriesSequence = 0x00400340;
    public static final int CommentsOnTheScheduledProcedureStep = 0x00400400;
    public static final int ProtocolContextSequence = 0x00400440;
    public static final int ContentItemModifierSequence = 0x00400441;
    public static final int ScheduledSpecimenSequence = 0x00400500;
    /** retired */
    public static final int SpecimenAccessionNumber = 0x0040050A;

    public static final int ContainerIdentifier = 0x00400512;
    public static final int IssuerOfTheContainerIdentifierSequence = 0x00400513;
    public static final int AlternateContainerIdentifierSequence = 0x00400515;
    public static final int ContainerTypeCodeSequence = 0x00400518;
    public static final int ContainerDescription = 0x0040051A;
    public static final int ContainerComponentSequence = 0x00400520;
    /** retired */
    public static final int SpecimenSequence = 0x00400550;

    public static final int SpecimenIdentifier = 0x00400551;
    /** retired */
    public static final int SpecimenDescriptionSequenceTrial = 0x00400552;
    /** retired */
    public static final int SpecimenDescriptionTrial = 0x00400553;

    public static final int SpecimenUID = 0x00400554;
    public static final int AcquisitionContextSequence = 0x00400555;
    public static final int AcquisitionContextDescription = 0x00400556;
    public static final int SpecimenDescriptionSequence = 0x00400560;
    public static final int IssuerOfTheSpecimenIdentifierSequence = 0x00400562;
    public static final int SpecimenTypeCodeSequence = 0x0040059A;
    public static final int SpecimenShortDescription = 0x00400600;
    public static final int SpecimenDetailedDescription = 0x00400602;
    public static final int SpecimenPreparationSequence = 0x00400610;
    public static final int SpecimenPreparationStepContentItemSequence = 0x00400612;
    public static final int SpecimenLocalizationContentItemSequence = 0x00400620;
    /** retired */
    public static final int SlideIdentifier = 0x004006FA;

    public static final int WholeSlideMicroscopyImageFrameTypeSequence = 0x00400710;
    public static final int ImageCenterPointCoordinatesSequence = 0x0040071A;
    public static final int XOffsetInSlideCoordinateSystem = 0x0040072A;
    public static final int YOffsetInSlideCoordinateSystem = 0x0040073A;
    public static final int ZOffsetInSlideCoordinateSystem = 0x0040074A;
    /** retired */
    public static final int PixelSpacingSequence = 0x004008D8;
    /** retired */
    public static final int CoordinateSystemAxisCodeSequence = 0x004008DA;

    public static final int MeasurementUnitsCodeSequence = 0x004008EA;
    /** retired */
    public static final int VitalStainCodeSequenceTrial = 0x004009F8;

    public static final int RequestedProcedureID = 0x00401001;
    public static final int ReasonForTheRequestedProcedure = 0x00401002;
    public static final int RequestedProcedurePriority = 0x00401003;
    public static final int PatientTransportArrangements = 0x00401004;
    public static final int RequestedProcedureLocation = 0x00401005;
    /** retired */
    public static final int PlacerOrderNumberProcedure = 0x00401006;
    /** retired */
    public static final int FillerOrderNumberProcedure = 0x00401007;

    public static final int ConfidentialityCode = 0x00401008;
    public static final int ReportingPriority = 0x00401009;
    public static final int ReasonForRequestedProcedureCodeSequence = 0x0040100A;
    public static final int NamesOfIntendedRecipientsOfResults = 0x00401010;
    public static final int IntendedRecipientsOfResultsIdentificationSequence = 0x00401011;
    public static final int ReasonForPerformedProcedureCodeSequence = 0x00401012;
    /** retired */
    public static final int RequestedProcedureDescriptionTrial = 0x00401060;

    public static final int PersonIdentificationCodeSequence = 0x00401101;
    public static final int PersonAddress = 0x00401102;
    public static final int PersonTelephoneNumbers = 0x00401103;
    public static final int PersonTelecomInformation = 0x00401104;
    public static final int RequestedProcedureComments = 0x00401400;
    /** retired */
    public static final int ReasonForTheImagingServiceRequest = 0x00402001;

    public static final int IssueDateOfImagingServiceRequest = 0x00402004;
    public static final int IssueTimeOfImagingServiceRequest = 0x00402005;
    /** retired */
    public static final int PlacerOrderNumberImagingServiceRequestRetired = 0x00402006;
    /** retired */
    public static final int FillerOrderNumberImagingServiceRequestRetired = 0x00402007;

    public static final int OrderEnteredBy = 0x00402008;
    public static final int OrderEntererLocation = 0x00402009;
    public static final int OrderCallbackPhoneNumber = 0x00402010;
    public static final int OrderCallbackTelecomInformation = 0x00402011;
    public static final int PlacerOrderNumberImagingServiceRequest = 0x00402016;
    public static final int FillerOrderNumberImagingServiceRequest = 0x00402017;
    public static final int ImagingServiceRequestComments = 0x00402400;
    public static final int ConfidentialityConstraintOnPatientDataDescription = 0x00403001;
    /** retired */
    public static final int GeneralPurposeScheduledProcedureStepStatus = 0x00404001;
    /** retired */
    public static final int GeneralPurposePerformedProcedureStepStatus = 0x00404002;
    /** retired */
    public static final int GeneralPurposeScheduledProcedureStepPriority = 0x00404003;
    /** retired */
    public static final int ScheduledProcessingApplicationsCodeSequence = 0x00404004;

    public static final int ScheduledProcedureStepStartDateTime = 0x00404005;
    /** retired */
    public static final int MultipleCopiesFlag = 0x00404006;
    /** retired */
    public static final int PerformedProcessingApplicationsCodeSequence = 0x00404007;

    public static final int ScheduledProcedureStepExpirationDateTime = 0x00404008;
    public static final int HumanPerformerCodeSequence = 0x00404009;
    public static final int ScheduledProcedureStepModificationDateTime = 0x00404010;
    public static final int ExpectedCompletionDateTime = 0x00404011;
    /** retired */
    public static final int ResultingGeneralPurposePerformedProcedureStepsSequence = 0x00404015;
    /** retired */
    public static final int ReferencedGeneralPurposeScheduledProcedureStepSequence = 0x00404016;

    public static final int ScheduledWorkitemCodeSequence = 0x00404018;
    public static final int PerformedWorkitemCodeSequence = 0x00404019;
    /** retired */
    public static final int InputAvailabilityFlag = 0x00404020;

    public static final int InputInformationSequence = 0x00404021;
    /** retired */
    public static final int RelevantInformationSequence = 0x00404022;
    /** retired */
    public static final int ReferencedGeneralPurposeScheduledProcedureStepTransactionUID = 0x00404023;

    public static final int ScheduledStationNameCodeSequence = 0x00404025;
    public static final int ScheduledStationClassCodeSequence = 0x00404026;
    public static final int ScheduledStationGeographicLocationCodeSequence = 0x00404027;
    public static final int PerformedStationNameCodeSequence = 0x00404028;
    public static final int PerformedStationClassCodeSequence = 0x00404029;
    public static final int PerformedStationGeographicLocationCodeSequence = 0x00404030;
    /** retired */
    public static final int RequestedSubsequentWorkitemCodeSequence = 0x00404031;
    /** retired */
    public static final int NonDICOMOutputCodeSequence = 0x00404032;

    public static final int OutputInformationSequence = 0x00404033;
    public static final int ScheduledHumanPerformersSequence = 0x00404034;
    public static final int ActualHumanPerformersSequence = 0x00404035;
    public static final int HumanPerformerOrganization = 0x00404036;
    public static final int HumanPerformerName = 0x00404037;
    public static final int RawDataHandling = 0x00404040;
    public static final int InputReadinessState = 0x00404041;
    public static final int PerformedProcedureStepStartDateTime = 0x00404050;
    public static final int PerformedProcedureStepEndDateTime = 0x00404051;
    public static final int ProcedureStepCancellationDateTime = 0x00404052;
    public static final int OutputDestinationSequence = 0x00404070;
    public static final int DICOMStorageSequence = 0x00404071;
    public static final int STOWRSStorageSequence = 0x00404072;
    public static final int StorageURL = 0x00404073;
    public static final int XDSStorageSequence = 0x00404074;
    public static final int EntranceDoseInmGy = 0x00408302;
    public static final int EntranceDoseDerivation = 0x00408303;
    public static final int ParametricMapFrameTypeSequence = 0x00409092;
    public static final int ReferencedImageRealWorldValueMappingSequence = 0x00409094;
    public static final int RealWorldValueMappingSequence = 0x00409096;
    public static final int PixelValueMappingCodeSequence = 0x00409098;
    public static final int LUTLabel = 0x00409210;
    public static final int RealWorldValueLastValueMapped = 0x00409211;
    public static final int RealWorldValueLUTData = 0x00409212;
    public static final int DoubleFloatRealWorldValueLastValueMapped = 0x00409213;
    public static final int DoubleFloatRealWorldValueFirstValueMapped = 0x00409214;
    public static final int RealWorldValueFirstValueMapped = 0x00409216;
    public static final int QuantityDefinitionSequence = 0x00409220;
    public static final int RealWorldValueIntercept = 0x00409224;
    public static final int RealWorldValueSlope = 0x00409225;
    /** retired */
    public static final int FindingsFlagTrial = 0x0040A007;

    public static final int RelationshipType = 0x0040A010;
    /** retired */
    public static final int FindingsSequenceTrial = 0x0040A020;
    /** retired */
    public static final int FindingsGroupUIDTrial = 0x0040A021;
    /** retired */
    public static final int ReferencedFindingsGroupUIDTrial = 0x0040A022;
    /** retired */
    public static final int FindingsGroupRecordingDateTrial = 0x0040A023;
    /** retired */
    public static final int FindingsGroupRecordingTimeTrial = 0x0040A024;
    /** retired */
    public static final int FindingsSourceCategoryCodeSequenceTrial = 0x0040A026;

    public static final int VerifyingOrganization = 0x0040A027;
    /** retired */
    public static final int DocumentingOrganizationIdentifierCodeSequenceTrial = 0x0040A028;

    public static final int VerificationDateTime = 0x0040A030;
    public static final int ObservationDateTime = 0x0040A032;
    public static final int ObservationStartDateTime = 0x0040A033;
    public static final int ValueType = 0x0040A040;
    public static final int ConceptNameCodeSequence = 0x0040A043;
    /** retired */
    public static final int MeasurementPrecisionDescriptionTrial = 0x0040A047;

    public static final int ContinuityOfContent = 0x0040A050;
    /** retired */
    public static final int UrgencyOrPriorityAlertsTrial = 0x0040A057;
    /** retired */
    public static final int SequencingIndicatorTrial = 0x0040A060;
    /** retired */
    public static final int DocumentIdentifierCodeSequenceTrial = 0x0040A066;
    /** retired */
    public static final int DocumentAuthorTrial = 0x0040A067;
    /** retired */
    public static final int DocumentAuthorIdentifierCodeSequenceTrial = 0x0040A068;
    /** retired */
    public static final int IdentifierCodeSequenceTrial = 0x0040A070;

    public static final int VerifyingObserverSequence = 0x0040A073;
    /** retired */
    public static final int ObjectBinaryIdentifierTrial = 0x0040A074;

    public static final int VerifyingObserverName = 0x0040A075;
    /** retired */
    public static final int DocumentingObserverIdentifierCodeSequenceTrial = 0x0040A076;

    public static final int AuthorObserverSequence = 0x0040A078;
    public static final int ParticipantSequence = 0x0040A07A;
    public static final int CustodialOrganizationSequence = 0x0040A07C;
    public static final int ParticipationType = 0x0040A080;
    public static final int ParticipationDateTime = 0x0040A082;
    public static final int ObserverType = 0x0040A084;
    /** retired */
    public static final int ProcedureIdentifierCodeSequenceTrial = 0x0040A085;

    public static final int VerifyingObserverIdentificationCodeSequence = 0x0040A088;
    /** retired */
    public static final int ObjectDirectoryBinaryIdentifierTrial = 0x0040A089;
    /** retired */
    public static final int EquivalentCDADocumentSequence = 0x0040A090;

    public static final int ReferencedWaveformChannels = 0x0040A0B0;
    /** retired */
    public static final int DateOfDocumentOrVerbalTransactionTrial = 0x0040A110;
    /** retired */
    public static final int TimeOfDocumentCreationOrVerbalTransactionTrial = 0x0040A112;

    public static final int DateTime = 0x0040A120;
    public static final int Date = 0x0040A121;
    public static final int Time = 0x0040A122;
    public static final int PersonName = 0x0040A123;
    public static final int UID = 0x0040A124;
    /** retired */
    public static final int ReportStatusIDTrial = 0x0040A125;

    public static final int TemporalRangeType = 0x0040A130;
    public static final int ReferencedSamplePositions = 0x0040A132;
    /** retired */
    public static final int ReferencedFrameNumbers = 0x0040A136;

    public static final int ReferencedTimeOffsets = 0x0040A138;
    public static final int ReferencedDateTime = 0x0040A13A;
    public static final int TextValue = 0x0040A160;
    public static final int FloatingPointValue = 0x0040A161;
    public static final int RationalNumeratorValue = 0x0040A162;
    public static final int RationalDenominatorValue = 0x0040A163;
    /** retired */
    public static final int ObservationCategoryCodeSequenceTrial = 0x0040A167;

    public static final int ConceptCodeSequence = 0x0040A168;
    /** retired */
    public static final int BibliographicCitationTrial = 0x0040A16A;

    public static final int PurposeOfReferenceCodeSequence = 0x0040A170;
    public static final int ObservationUID = 0x0040A171;
    /** retired */
    public static final int ReferencedObservationUIDTrial = 0x0040A172;
    /** retired */
    public static final int ReferencedObservationClassTrial = 0x0040A173;
    /** retired */
    public static final int ReferencedObjectObservationClassTrial = 0x0040A174;

    public static final int AnnotationGroupNumber = 0x0040A180;
    /** retired */
    public static final int ObservationDateTrial = 0x0040A192;
    /** retired */
    public static final int ObservationTimeTrial = 0x0040A193;
    /** retired */
    public static final int MeasurementAutomationTrial = 0x0040A194;

    public static final int ModifierCodeSequence = 0x0040A195;
    /** retired */
    public static final int IdentificationDescriptionTrial = 0x0040A224;
    /** retired */
    public static final int CoordinatesSetGeometricTypeTrial = 0x0040A290;
    /** retired */
    public static final int AlgorithmCodeSequenceTrial = 0x0040A296;
    /** retired */
    public static final int AlgorithmDescriptionTrial = 0x0040A297;
    /** retired */
    public static final int PixelCoordinatesSetTrial = 0x0040A29A;

    public static final int MeasuredValueSequence = 0x0040A300;
    public static final int NumericValueQualifierCodeSequence = 0x0040A301;
    /** retired */
    public static final int CurrentObserverTrial = 0x0040A307;

    public static final int NumericValue = 0x0040A30A;
    /** retired */
    public static final int ReferencedAccessionSequenceTrial = 0x0040A313;
    /** retired */
    public static final int ReportStatusCommentTrial = 0x0040A33A;
    /** retired */
    public static final int ProcedureContextSequenceTrial = 0x0040A340;
    /** retired */
    public static final int VerbalSourceTrial = 0x0040A352;
    /** retired */
    public static final int AddressTrial = 0x0040A353;
    /** retired */
    public static final int TelephoneNumberTrial = 0x0040A354;
    /** retired */
    public static final int VerbalSourceIdentifierCodeSequenceTrial = 0x0040A358;

    public static final int PredecessorDocumentsSequence = 0x0040A360;
    public static final int ReferencedRequestSequence = 0x0040A370;
    public static final int PerformedProcedureCodeSequence = 0x0040A372;
    public static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
    /** retired */
    public static final int ReportDetailSequenceTrial = 0x0040A380;

    public static final int PertinentOtherEvidenceSequence = 0x0040A385;
    public static final int HL7StructuredDocumentReferenceSequence = 0x0040A390;
    /** retired */
    public static final int ObservationSubjectUIDTrial = 0x0040A402;
    /** retired */
    public static final int ObservationSubjectClassTrial = 0x0040A403;
    /** retired */
    public static final int ObservationSubjectTypeCodeSequenceTrial = 0x0040A404;

    public static final int CompletionFlag = 0x0040A491;
    public static final int CompletionFlagDescription = 0x0040A492;
    public static final int VerificationFlag = 0x0040A493;
    public static final int ArchiveRequested = 0x0040A494;
    public static final int PreliminaryFlag = 0x0040A496;
    public static final int ContentTemplateSequence = 0x0040A504;
    public static final int IdenticalDocumentsSequence = 0x0040A525;
    /** retired */
    public static final int ObservationSubjectContextFlagTrial = 0x0040A600;
    /** retired */
    public static final int ObserverContextFlagTrial = 0x0040A601;
    /** retired */
    public static final int ProcedureContextFlagTrial = 0x0040A603;

    public static final int ContentSequence = 0x0040A730;
    /** retired */
    public static final int RelationshipSequenceTrial = 0x0040A731;
    /** retired */
    public static final int RelationshipTypeCodeSequenceTrial = 0x0040A732;
    /** retired */
    public static final int LanguageCodeSequenceTrial = 0x0040A744;

    public static final int TabulatedValuesSequence = 0x0040A801;
    public static final int NumberOfTableRows = 0x0040A802;
    public static final int NumberOfTableColumns = 0x0040A803;
    public static final int TableRowNumber = 0x0040A804;
    public static final int TableColumnNumber = 0x0040A805;
    public static final int TableRowDefinitionSequence = 0x0040A806;
    public static final int TableColumnDefinitionSequence = 0x0040A807;
    public static final int CellValuesSequence = 0x0040A808;
    /** retired */
    public static final int UniformResourceLocatorTrial = 0x0040A992;

    public static final int WaveformAnnotationSequence = 0x0040B020;
    public static final int TemplateIdentifier = 0x0040DB00;
    /** retired */
    public static final int TemplateVersion = 0x0040DB06;
    /** retired */
    public static final int TemplateLocalVersion = 0x0040DB07;
    /** retired */
    public static final int TemplateExtensionFlag = 0x0040DB0B;
    /** retired */
    public static final int TemplateExtensionOrganizationUID = 0x0040DB0C;
    /** retired */
    public static final int TemplateExtensionCreatorUID = 0x0040DB0D;

    public static final int ReferencedContentItemIdentifier = 0x0040DB73;
    public static final int HL7InstanceIdentifier = 0x0040E001;
    public static final int HL7DocumentEffectiveTime = 0x0040E004;
    public static final int HL7DocumentTypeCodeSequence = 0x0040E006;
    public static final int DocumentClassCodeSequence = 0x0040E008;
    public static final int RetrieveURI = 0x0040E010;
    public static final int RetrieveLocationUID = 0x0040E011;
    public static final int TypeOfInstances = 0x0040E020;
    public static final int DICOMRetrievalSequence = 0x0040E021;
    public static final int DICOMMediaRetrievalSequence = 0x0040E022;
    public static final int WADORetrievalSequence = 0x0040E023;
    public static final int XDSRetrievalSequence = 0x0040E024;
    public static final int WADORSRetrievalSequence = 0x0040E025;
    public static final int RepositoryUniqueID = 0x0040E030;
    public static final int HomeCommunityID = 0x0040E031;
    public static final int DocumentTitle = 0x00420010;
    public static final int EncapsulatedDocument = 0x00420011;
    public static final int MIMETypeOfEncapsulatedDocument = 0x00420012;
    public static final int SourceInstanceSequence = 0x00420013;
    public static final int ListOfMIMETypes = 0x00420014;
    public static final int EncapsulatedDocumentLength = 0x00420015;
    public static final int ProductPackageIdentifier = 0x00440001;
    public static final int SubstanceAdministrationApproval = 0x00440002;
    public static final int ApprovalStatusFurtherDescription = 0x00440003;
    public static final int ApprovalStatusDateTime = 0x00440004;
    public static final int ProductTypeCodeSequence = 0x00440007;
    public static final int ProductName = 0x00440008;
    public static final int ProductDescription = 0x00440009;
    public static final int ProductLotIdentifier = 0x0044000A;
    public static final int ProductExpirationDateTime = 0x0044000B;
    public static final int SubstanceAdministrationDateTime = 0x00440010;
    public static final int SubstanceAdministrationNotes = 0x00440011;
    public static final int SubstanceAdministrationDeviceID = 0x00440012;
    public static final int ProductParameterSequence = 0x00440013;
    public static final int SubstanceAdministrationParameterSequence = 0x00440019;
    public static final int ApprovalSequence = 0x00440100;
    public static final int AssertionCodeSequence = 0x00440101;
    public static final int AssertionUID = 0x00440102;
    public static final int AsserterIdentificationSequence = 0x00440103;
    public static final int AssertionDateTime = 0x00440104;
    public static final int AssertionExpirationDateTime = 0x00440105;
    public static final int AssertionComments = 0x00440106;
    public static final int RelatedAssertionSequence = 0x00440107;
    public static final int ReferencedAssertionUID = 0x00440108;
    public static final int ApprovalSubjectSequence = 0x00440109;
    public static final int OrganizationalRoleCodeSequence = 0x0044010A;
    public static final int LensDescription = 0x00460012;
    public static final int RightLensSequence = 0x00460014;
    public static final int LeftLensSequence = 0x00460015;
    public static final int UnspecifiedLateralityLensSequence = 0x00460016;
    public static final int CylinderSequence = 0x00460018;
    public static final int PrismSequence = 0x00460028;
    public static final int HorizontalPrismPower = 0x00460030;
    public static final int HorizontalPrismBase = 0x00460032;
    public static final int VerticalPrismPower = 0x00460034;
    public static final int VerticalPrismBase = 0x00460036;
    public static final int LensSegmentType = 0x00460038;
    public static final int OpticalTransmittance = 0x00460040;
    public static final int ChannelWidth = 0x00460042;
    public static final int PupilSize = 0x00460044;
    public static final int CornealSize = 0x00460046;
    public static final int CornealSizeSequence = 0x00460047;
    public static final int AutorefractionRightEyeSequence = 0x00460050;
    public static final int AutorefractionLeftEyeSequence = 0x00460052;
    public static final int DistancePupillaryDistance = 0x00460060;
    public static final int NearPupillaryDistance = 0x00460062;
    public static final int IntermediatePupillaryDistance = 0x00460063;
    public static final int OtherPupillaryDistance = 0x00460064;
    public static final int KeratometryRightEyeSequence = 0x00460070;
    public static final int KeratometryLeftEyeSequence = 0x00460071;
    public static final int SteepKeratometricAxisSequence = 0x00460074;
    public static final int RadiusOfCurvature = 0x00460075;
    public static final int KeratometricPower = 0x00460076;
    public static final int KeratometricAxis = 0x00460077;
    public static final int FlatKeratometricAxisSequence = 0x00460080;
    public static final int BackgroundColor = 0x00460092;
    public static final int Optotype = 0x00460094;
    public static final int OptotypePresentation = 0x00460095;
    public static final int SubjectiveRefractionRightEyeSequence = 0x00460097;
    public static final int SubjectiveRefractionLeftEyeSequence = 0x00460098;
    public static final int AddNearSequence = 0x00460100;
    public static final int AddIntermediateSequence = 0x00460101;
    public static final int AddOtherSequence = 0x00460102;
    public static final int AddPower = 0x00460104;
    public static final int ViewingDistance = 0x00460106;
    public static final int CorneaMeasurementsSequence = 0x00460110;
    public static final int SourceOfCorneaMeasurementDataCodeSequence = 0x00460111;
    public static final int SteepCornealAxisSequence = 0x00460112;
    public static final int FlatCornealAxisSequence = 0x00460113;
    public static final int CornealPower = 0x00460114;
    public static final int CornealAxis = 0x00460115;
    public static final int CorneaMeasurementMethodCodeSequence = 0x00460116;
    public static final int RefractiveIndexOfCornea = 0x00460117;
    public static final int RefractiveIndexOfAqueousHumor = 0x00460118;
    public static final int VisualAcuityTypeCodeSequence = 0x00460121;
    public static final int VisualAcuityRightEyeSequence = 0x00460122;
    public static final int VisualAcuityLeftEyeSequence = 0x00460123;
    public static final int VisualAcuityBothEyesOpenSequence = 0x00460124;
    public static final int ViewingDistanceType = 0x00460125;
    public static final int VisualAcuityModifiers = 0x00460135;
    public static final int DecimalVisualAcuity = 0x00460137;
    public static final int OptotypeDetailedDefinition = 0x00460139;
    public static final int ReferencedRefractiveMeasurementsSequence = 0x00460145;
    public static final int SpherePower = 0x00460146;
    public static final int CylinderPower = 0x00460147;
    public static final int CornealTopographySurface = 0x00460201;
    public static final int CornealVertexLocation = 0x00460202;
    public static final int PupilCentroidXCoordinate = 0x00460203;
    public static final int PupilCentroidYCoordinate = 0x00460204;
    public static final int EquivalentPupilRadius = 0x00460205;
    public static final int CornealTopographyMapTypeCodeSequence = 0x00460207;
    public static final int VerticesOfTheOutlineOfPupil = 0x00460208;
    public static final int CornealTopographyMappingNormalsSequence = 0x00460210;
    public static final int MaximumCornealCurvatureSequence = 0x00460211;
    public static final int MaximumCornealCurvature = 0x00460212;
    public static final int MaximumCornealCurvatureLocation = 0x00460213;
    public static final int MinimumKeratometricSequence = 0x00460215;
    public static final int SimulatedKeratometricCylinderSequence = 0x00460218;
    public static final int AverageCornealPower = 0x00460220;
    public static final int CornealISValue = 0x00460224;
    public static final int AnalyzedArea = 0x00460227;
    public static final int SurfaceRegularityIndex = 0x00460230;
    public static final int SurfaceAsymmetryIndex = 0x00460232;
    public static final int CornealEccentricityIndex = 0x00460234;
    public static final int KeratoconusPredictionIndex = 0x00460236;
    public static final int DecimalPotentialVisualAcuity = 0x00460238;
    public static final int CornealTopographyMapQualityEvaluation = 0x00460242;
    public static final int SourceImageCornealProcessedDataSequence = 0x00460244;
    public static final int CornealPointLocation = 0x00460247;
    public static final int CornealPointEstimated = 0x00460248;
    public static final int AxialPower = 0x00460249;
    public static final int TangentialPower = 0x00460250;
    public static final int RefractivePower = 0x00460251;
    public static final int RelativeElevation = 0x00460252;
    public static final int CornealWavefront = 0x00460253;
    public static final int ImagedVolumeWidth = 0x00480001;
    public static final int ImagedVolumeHeight = 0x00480002;
    public static final int ImagedVolumeDepth = 0x00480003;
    public static final int TotalPixelMatrixColumns = 0x00480006;
    public static final int TotalPixelMatrixRows = 0x00480007;
    public static final int TotalPixelMatrixOriginSequence = 0x00480008;
    public static final int SpecimenLabelInImage = 0x00480010;
    public static final int FocusMethod = 0x00480011;
    public static final int ExtendedDepthOfField = 0x00480012;
    public static final int NumberOfFocalPlanes = 0x00480013;
    public static final int DistanceBetweenFocalPlanes = 0x00480014;
    public static final int RecommendedAbsentPixelCIELabValue = 0x00480015;
    public static final int IlluminatorTypeCodeSequence = 0x00480100;
    public static final int ImageOrientationSlide = 0x00480102;
    public static final int OpticalPathSequence = 0x00480105;
    public static final int OpticalPathIdentifier = 0x00480106;
    public static final int OpticalPathDescription = 0x00480107;
    public static final int IlluminationColorCodeSequence = 0x00480108;
    public static final int SpecimenReferenceSequence = 0x00480110;
    public static final int CondenserLensPower = 0x00480111;
    public static final int ObjectiveLensPower = 0x00480112;
    public static final int ObjectiveLensNumericalAperture = 0x00480113;
    public static final int PaletteColorLookupTableSequence = 0x00480120;
    /** retired */
    public static final int ReferencedImageNavigationSequence = 0x00480200;
    /** retired */
    public static final int TopLeftHandCornerOfLocalizerArea = 0x00480201;
    /** retired */
    public static final int BottomRightHandCornerOfLocalizerArea = 0x00480202;

    public static final int OpticalPathIdentificationSequence = 0x00480207;
    public static final int PlanePositionSlideSequence = 0x0048021A;
    public static final int ColumnPositionInTotalImagePixelMatrix = 0x0048021E;
    public static final int RowPositionInTotalImagePixelMatrix = 0x0048021F;
    public static final int PixelOriginInterpretation = 0x00480301;
    public static final int NumberOfOpticalPaths = 0x00480302;
    public static final int TotalPixelMatrixFocalPlanes = 0x00480303;
    public static final int CalibrationImage = 0x00500004;
    public static final int DeviceSequence = 0x00500010;
    public static final int ContainerComponentTypeCodeSequence = 0x00500012;
    public static final int ContainerComponentThickness = 0x00500013;
    public static final int DeviceLength = 0x00500014;
    public static final int ContainerComponentWidth = 0x00500015;
    public static final int DeviceDiameter = 0x00500016;
    public static final int DeviceDiameterUnits = 0x00500017;
    public static final int DeviceVolume = 0x00500018;
    public static final int InterMarkerDistance = 0x00500019;
    public static final int ContainerComponentMaterial = 0x0050001A;
    public static final int ContainerComponentID = 0x0050001B;
    public static final int ContainerComponentLength = 0x0050001C;
    public static final int ContainerComponentDiameter = 0x0050001D;
    public static final int ContainerComponentDescription = 0x0050001E;
    public static final int DeviceDescription = 0x00500020;
    public static final int LongDeviceDescription = 0x00500021;
    public static final int ContrastBolusIngredientPercentByVolume = 0x00520001;
    public static final int OCTFocalDistance = 0x00520002;
    public static final int BeamSpotSize = 0x00520003;
    public static final int EffectiveRefractiveIndex = 0x00520004;
    public static final int OCTAcquisitionDomain = 0x00520006;
    public static final int OCTOpticalCenterWavelength = 0x00520007;
    public static final int AxialResolution = 0x00520008;
    public static final int RangingDepth = 0x00520009;
    public static final int ALineRate = 0x00520011;
    public static final int ALinesPerFrame = 0x00520012;
    public static final int CatheterRotationalRate = 0x00520013;
    public static final int ALinePixelSpacing = 0x00520014;
    public static final int ModeOfPercutaneousAccessSequence = 0x00520016;
    public static final int IntravascularOCTFrameTypeSequence = 0x00520025;
    public static final int OCTZOffsetApplied = 0x00520026;
    public static final int IntravascularFrameContentSequence = 0x00520027;
    public static final int IntravascularLongitudinalDistance = 0x00520028;
    public static final int IntravascularOCTFrameContentSequence = 0x00520029;
    public static final int OCTZOffsetCorrection = 0x00520030;
    public static final int CatheterDirectionOfRotation = 0x00520031;
    public static final int SeamLineLocation = 0x00520033;
    public static final int FirstALineLocation = 0x00520034;
    public static final int SeamLineIndex = 0x00520036;
    public static final int NumberOfPaddedALines = 0x00520038;
    public static final int InterpolationType = 0x00520039;
    public static final int RefractiveIndexApplied = 0x0052003A;
    public static final int EnergyWindowVector = 0x00540010;
    public static final int NumberOfEnergyWindows = 0x00540011;
    public static final int EnergyWindowInformationSequence = 0x00540012;
    public static final int EnergyWindowRangeSequence = 0x00540013;
    public static final int EnergyWindowLowerLimit = 0x00540014;
    public static final int EnergyWindowUpperLimit = 0x00540015;
    public static final int RadiopharmaceuticalInformationSequence = 0x00540016;
    public static final int ResidualSyringeCounts = 0x00540017;
    public static final int EnergyWindowName = 0x00540018;
    public static final int DetectorVector = 0x00540020;
    public static final int NumberOfDetectors = 0x00540021;
    public static final int DetectorInformationSequence = 0x00540022;
    public static final int PhaseVector = 0x00540030;
    public static final int NumberOfPhases = 0x00540031;
    public static final int PhaseInformationSequence = 0x00540032;
    public static final int NumberOfFramesInPhase = 0x00540033;
    public static final int PhaseDelay = 0x00540036;
    public static final int PauseBetweenFrames = 0x00540038;
    public static final int PhaseDescription = 0x00540039;
    public static final int RotationVector = 0x00540050;
    public static final int NumberOfRotations = 0x00540051;
    public static final int RotationInformationSequence = 0x00540052;
    public static final int NumberOfFramesInRotation = 0x00540053;
    public static final int RRIntervalVector = 0x00540060;
    public static final int NumberOfRRIntervals = 0x00540061;
    public static final int GatedInformationSequence = 0x00540062;
    public static final int DataInformationSequence = 0x00540063;
    public static final int TimeSlotVector = 0x00540070;
    public static final int NumberOfTimeSlots = 0x00540071;
    public static final int TimeSlotInformationSequence = 0x00540072;
    public static final int TimeSlotTime = 0x00540073;
    public static final int SliceVector = 0x00540080;
    public static final int NumberOfSlices = 0x00540081;
    public static final int AngularViewVector = 0x00540090;
    public static final int TimeSliceVector = 0x00540100;
    public static final int NumberOfTimeSlices = 0x00540101;
    public static final int StartAngle = 0x00540200;
    public static final int TypeOfDetectorMotion = 0x00540202;
    public static final int TriggerVector = 0x00540210;
    public static final int NumberOfTriggersInPhase = 0x00540211;
    public static final int ViewCodeSequence = 0x00540220;
    public static final int ViewModifierCodeSequence = 0x00540222;
    public static final int RadionuclideCodeSequence = 0x00540300;
    public static final int AdministrationRouteCodeSequence = 0x00540302;
    public static final int RadiopharmaceuticalCodeSequence = 0x00540304;
    public static final int CalibrationDataSequence = 0x00540306;
    public static final int EnergyWindowNumber = 0x00540308;
    public static final int ImageID = 0x00540400;
    public static final int PatientOrientationCodeSequence = 0x00540410;
    public static final int PatientOrientationModifierCodeSequence = 0x00540412;
    public static final int PatientGantryRelationshipCodeSequence = 0x00540414;
    public static final int SliceProgressionDirection = 0x00540500;
    public static final int ScanProgressionDirection = 0x00540501;
    public static final int SeriesType = 0x00541000;
    public static final int Units = 0x00541001;
    public static final int CountsSource = 0x00541002;
    public static final int ReprojectionMethod = 0x00541004;
    public static final int SUVType = 0x00541006;
    public static final int RandomsCorrectionMethod = 0x00541100;
    public static final int AttenuationCorrectionMethod = 0x00541101;
    public static final int DecayCorrection = 0x00541102;
    public static final int ReconstructionMethod = 0x00541103;
    public static final int DetectorLinesOfResponseUsed = 0x00541104;
    public static final int ScatterCorrectionMethod = 0x00541105;
    public static final int AxialAcceptance = 0x00541200;
    public static final int AxialMash = 0x00541201;
    public static final int TransverseMash = 0x00541202;
    public static final int DetectorElementSize = 0x00541203;
    public static final int CoincidenceWindowWidth = 0x00541210;
    public static final int SecondaryCountsType = 0x00541220;
    public static final int FrameReferenceTime = 0x00541300;
    public static final int PrimaryPromptsCountsAccumulated = 0x00541310;
    public static final int SecondaryCountsAccumulated = 0x00541311;
    public static final int SliceSensitivityFactor = 0x00541320;
    public static final int DecayFactor = 0x00541321;
    public static final int DoseCalibrationFactor = 0x00541322;
    public static final int ScatterFractionFactor = 0x00541323;
    public static final int DeadTimeFactor = 0x00541324;
    public static final int ImageIndex = 0x00541330;
    /** retired */
    public static final int CountsIncluded = 0x00541400;
    /** retired */
    public static final int DeadTimeCorrectionFlag = 0x00541401;

    public static final int HistogramSequence = 0x00603000;
    public static final int HistogramNumberOfBins = 0x00603002;
    public static final int HistogramFirstBinValue = 0x00603004;
    public static final int HistogramLastBinValue = 0x00603006;
    public static final int HistogramBinWidth = 0x00603008;
    public static final int HistogramExplanation = 0x00603010;
    public static final int HistogramData = 0x00603020;
    public static final int SegmentationType = 0x00620001;
    public static final int SegmentSequence = 0x00620002;
    public static final int SegmentedPropertyCategoryCodeSequence = 0x00620003;
    public static final int SegmentNumber = 0x00620004;
    public static final int SegmentLabel = 0x00620005;
    public static final int SegmentDescription = 0x00620006;
    public static final int SegmentationAlgorithmIdentificationSequence = 0x00620007;
    public static final int SegmentAlgorithmType = 0x00620008;
    public static final int SegmentAlgorithmName = 0x00620009;
    public static final int SegmentIdentificationSequence = 0x0062000A;
    public static final int ReferencedSegmentNumber = 0x0062000B;
    public static final int RecommendedDisplayGrayscaleValue = 0x0062000C;
    public static final int RecommendedDisplayCIELabValue = 0x0062000D;
    public static final int MaximumFractionalValue = 0x0062000E;
    public static final int SegmentedPropertyTypeCodeSequence = 0x0062000F;
    public static final int SegmentationFractionalType = 0x00620010;
    public static final int SegmentedPropertyTypeModifierCodeSequence = 0x00620011;
    public static final int UsedSegmentsSequence = 0x00620012;
    public static final int SegmentsOverlap = 0x00620013;
    public static final int TrackingID = 0x00620020;
    public static final int TrackingUID = 0x00620021;
    public static final int DeformableRegistrationSequence = 0x00640002;
    public static final int SourceFrameOfReferenceUID = 0x00640003;
    public static final int DeformableRegistrationGridSequence = 0x00640005;
    public static final int GridDimensions = 0x00640007;
    public static final int GridResolution = 0x00640008;
    public static final int VectorGridData = 0x00640009;
    public static final int PreDeformationMatrixRegistrationSequence = 0x0064000F;
    public static final int PostDeformationMatrixRegistrationSequence = 0x00640010;
    public static final int NumberOfSurfaces = 0x00660001;
    public static final int SurfaceSequence = 0x00660002;
    public static final int SurfaceNumber = 0x00660003;
    public static final int SurfaceComments = 0x00660004;
    public static final int SurfaceProcessing = 0x00660009;
    public static final int SurfaceProcessingRatio = 0x0066000A;
    public static final int SurfaceProcessingDescription = 0x0066000B;
    public static final int RecommendedPresentationOpacity = 0x0066000C;
    public static final int RecommendedPresentationType = 0x0066000D;
    public static final int FiniteVolume = 0x0066000E;
    public static final int Manifold = 0x00660010;
    public static final int SurfacePointsSequence = 0x00660011;
    public static final int SurfacePointsNormalsSequence = 0x00660012;
    public static final int SurfaceMeshPrimitivesSequence = 0x00660013;
    public static final int NumberOfSurfacePoints = 0x00660015;
    public static final int PointCoordinatesData = 0x00660016;
    public static final int PointPositionAccuracy = 0x00660017;
    public static final int MeanPointDistance = 0x00660018;
    public static final int MaximumPointDistance = 0x00660019;
    public static final int PointsBoundingBoxCoordinates = 0x0066001A;
    public static final int AxisOfRotation = 0x0066001B;
    public static final int CenterOfRotation = 0x0066001C;
    public static final int NumberOfVectors = 0x0066001E;
    public static final int VectorDimensionality = 0x0066001F;
    public static final int VectorAccuracy = 0x00660020;
    public static final int VectorCoordinateData = 0x00660021;
    public static final int DoublePointCoordinatesData = 0x00660022;
    /** retired */
    public static final int TrianglePointIndexList = 0x00660023;
    /** retired */
    public static final int EdgePointIndexList = 0x00660024;
    /** retired */
    public static final int VertexPointIndexList = 0x00660025;

    public static final int TriangleStripSequence = 0x00660026;
    public static final int TriangleFanSequence = 0x00660027;
    public static final int LineSequence = 0x00660028;
    /** retired */
    public static final int PrimitivePointIndexList = 0x00660029;

    public static final int SurfaceCount = 0x0066002A;
    public static final int ReferencedSurfaceSequence = 0x0066002B;
    public static final int ReferencedSurfaceNumber = 0x0066002C;
    public static final int SegmentSurfaceGenerationAlgorithmIdentificationSequence = 0x0066002D;
    public static final int SegmentSurfaceSourceInstanceSequence = 0x0066002E;
    public static final int AlgorithmFamilyCodeSequence = 0x0066002F;
    public static final int AlgorithmNameCodeSequence = 0x00660030;
    public static final int AlgorithmVersion = 0x00660031;
    public static final int AlgorithmParameters = 0x00660032;
    public static final int FacetSequence = 0x00660034;
    public static final int SurfaceProcessingAlgorithmIdentificationSequence = 0x00660035;
    public static final int AlgorithmName = 0x00660036;
    public static final int RecommendedPointRadius = 0x00660037;
    public static final int RecommendedLineThickness = 0x00660038;
    public static final int LongPrimitivePointIndexList = 0x00660040;
    public static final int LongTrianglePointIndexList = 0x00660041;
    public static final int LongEdgePointIndexList = 0x00660042;
    public static final int LongVertexPointIndexList = 0x00660043;
    public static final int TrackSetSequence = 0x00660101;
    public static final int TrackSequence = 0x00660102;
    public static final int RecommendedDisplayCIELabValueList = 0x00660103;
    public static final int TrackingAlgorithmIdentificationSequence = 0x00660104;
    public static final int TrackSetNumber = 0x00660105;
    public static final int TrackSetLabel = 0x00660106;
    public static final int TrackSetDescription = 0x00660107;
    public static final int TrackSetAnatomicalTypeCodeSequence = 0x00660108;
    public static final int MeasurementsSequence = 0x00660121;
    public static final int TrackSetStatisticsSequence = 0x00660124;
    public static final int FloatingPointValues = 0x00660125;
    public static final int TrackPointIndexList = 0x00660129;
    public static final int TrackStatisticsSequence = 0x00660130;
    public static final int MeasurementValuesSequence = 0x00660132;
    public static final int DiffusionAcquisitionCodeSequence = 0x00660133;
    public static final int DiffusionModelCodeSequence = 0x00660134;
    public static final int ImplantSize = 0x00686210;
    public static final int ImplantTemplateVersion = 0x00686221;
    public static final int ReplacedImplantTemplateSequence = 0x00686222;
    public static final int ImplantType = 0x00686223;
    public static final int DerivationImplantTemplateSequence = 0x00686224;
    public static final int OriginalImplantTemplateSequence = 0x00686225;
    public static final int EffectiveDateTime = 0x00686226;
    public static final int ImplantTargetAnatomySequence = 0x00686230;
    public static final int InformationFromManufacturerSequence = 0x00686260;
    public static final int NotificationFromManufacturerSequence = 0x00686265;
    public static final int InformationIssueDateTime = 0x00686270;
    public static final int InformationSummary = 0x00686280;
    public static final int ImplantRegulatoryDisapprovalCodeSequence = 0x006862A0;
    public static final int OverallTemplateSpatialTolerance = 0x006862A5;
    public static final int HPGLDocumentSequence = 0x006862C0;
    public static final int HPGLDocumentID = 0x006862D0;
    public static final int HPGLDocumentLabel = 0x006862D5;
    public static final int ViewOrientationCodeSequence = 0x006862E0;
    public static final int ViewOrientationModifierCodeSequence = 0x006862F0;
    public static final int HPGLDocumentScaling = 0x006862F2;
    public static final int HPGLDocument = 0x00686300;
    public static final int HPGLContourPenNumber = 0x00686310;
    public static final int HPGLPenSequence = 0x00686320;
    public static final int HPGLPenNumber = 0x00686330;
    public static final int HPGLPenLabel = 0x00686340;
    public static final int HPGLPenDescription = 0x00686345;
    public static final int RecommendedRotationPoint = 0x00686346;
    public static final int BoundingRectangle = 0x00686347;
    public static final int ImplantTemplate3DModelSurfaceNumber = 0x00686350;
    public static final int SurfaceModelDescriptionSequence = 0x00686360;
    public static final int SurfaceModelLabel = 0x00686380;
    public static final int SurfaceModelScalingFactor = 0x00686390;
    public static final int MaterialsCodeSequence = 0x006863A0;
    public static final int CoatingMaterialsCodeSequence = 0x006863A4;
    public static final int ImplantTypeCodeSequence = 0x006863A8;
    public static final int FixationMethodCodeSequence = 0x006863AC;
    public static final int MatingFeatureSetsSequence = 0x006863B0;
    public static final int MatingFeatureSetID = 0x006863C0;
    public static final int MatingFeatureSetLabel = 0x006863D0;
    public static final int MatingFeatureSequence = 0x006863E0;
    public static final int MatingFeatureID = 0x006863F0;
    public static final int MatingFeatureDegreeOfFreedomSequence = 0x00686400;
    public static final int DegreeOfFreedomID = 0x00686410;
    public static final int DegreeOfFreedomType = 0x00686420;
    public static final int TwoDMatingFeatureCoordinatesSequence = 0x00686430;
    public static final int ReferencedHPGLDocumentID = 0x00686440;
    public static final int TwoDMatingPoint = 0x00686450;
    public static final int TwoDMatingAxes = 0x00686460;
    public static final int TwoDDegreeOfFreedomSequence = 0x00686470;
    public static final int ThreeDDegreeOfFreedomAxis = 0x00686490;
    public static final int RangeOfFreedom = 0x006864A0;
    public static final int ThreeDMatingPoint = 0x006864C0;
    public static final int ThreeDMatingAxes = 0x006864D0;
    public static final int TwoDDegreeOfFreedomAxis = 0x006864F0;
    public static final int PlanningLandmarkPointSequence = 0x00686500;
    public static final int PlanningLandmarkLineSequence = 0x00686510;
    public static final int PlanningLandmarkPlaneSequence = 0x00686520;
    public static final int PlanningLandmarkID = 0x00686530;
    public static final int PlanningLandmarkDescription = 0x00686540;
    public static final int PlanningLandmarkIdentificationCodeSequence = 0x00686545;
    public static final int TwoDPointCoordinatesSequence = 0x00686550;
    public static final int TwoDPointCoordinates = 0x00686560;
    public static final int ThreeDPointCoordinates = 0x00686590;
    public static final int TwoDLineCoordinatesSequence = 0x006865A0;
    public static final int TwoDLineCoordinates = 0x006865B0;
    public static final int ThreeDLineCoordinates = 0x006865D0;
    public static final int TwoDPlaneCoordinatesSequence = 0x006865E0;
    public static final int TwoDPlaneIntersection = 0x006865F0;
    public static final int ThreeDPlaneOrigin = 0x00686610;
    public static final int ThreeDPlaneNormal = 0x00686620;
    public static final int ModelModification = 0x00687001;
    public static final int ModelMirroring = 0x00687002;
    public static final int ModelUsageCodeSequence = 0x00687003;
    public static final int ModelGroupUID = 0x00687004;
    public static final int RelativeURIReferenceWithinEncapsulatedDocument = 0x00687005;
    public static final int AnnotationCoordinateType = 0x006A0001;
    public static final int AnnotationGroupSequence = 0x006A0002;
    public static final int AnnotationGroupUID = 0x006A0003;
    public static final int AnnotationGroupLabel = 0x006A0005;
    public static final int AnnotationGroupDescription = 0x006A0006;
    public static final int AnnotationGroupGenerationType = 0x006A0007;
    public static final int AnnotationGroupAlgorithmIdentificationSequence = 0x006A0008;
    public static final int AnnotationPropertyCategoryCodeSequence = 0x006A0009;
    public static final int AnnotationPropertyTypeCodeSequence = 0x006A000A;
    public static final int AnnotationPropertyTypeModifierCodeSequence = 0x006A000B;
    public static final int NumberOfAnnotations = 0x006A000C;
    public static final int AnnotationAppliesToAllOpticalPaths = 0x006A000D;
    public static final int ReferencedOpticalPathIdentifier = 0x006A000E;
    public static final int AnnotationAppliesToAllZPlanes = 0x006A000F;
    public static final int CommonZCoordinateValue = 0x006A0010;
    public static final int AnnotationIndexList = 0x006A0011;
    public static final int GraphicAnnotationSequence = 0x00700001;
    public static final int GraphicLayer = 0x00700002;
    public static final int BoundingBoxAnnotationUnits = 0x00700003;
    public static final int AnchorPointAnnotationUnits = 0x00700004;
    public static final int GraphicAnnotationUnits = 0x00700005;
    public static final int UnformattedTextValue = 0x00700006;
    public static final int TextObjectSequence = 0x00700008;
    public static final int GraphicObjectSequence = 0x00700009;
    public static final int BoundingBoxTopLeftHandCorner = 0x00700010;
    public static final int BoundingBoxBottomRightHandCorner = 0x00700011;
    public static final int BoundingBoxTextHorizontalJustification = 0x00700012;
    public static final int AnchorPoint = 0x00700014;
    public static final int AnchorPointVisibility = 0x00700015;
    public static final int GraphicDimensions = 0x00700020;
    public static final int NumberOfGraphicPoints = 0x00700021;
    public static final int GraphicData = 0x00700022;
    public static final int GraphicType = 0x00700023;
    public static final int GraphicFilled = 0x00700024;
    /** retired */
    public static final int ImageRotationRetired = 0x00700040;

    public static final int ImageHorizontalFlip = 0x00700041;
    public static final int ImageRotation = 0x00700042;
    /** retired */
    public static final int DisplayedAreaTopLeftHandCornerTrial = 0x00700050;
    /** retired */
    public static final int DisplayedAreaBottomRightHandCornerTrial = 0x00700051;

    public static final int DisplayedAreaTopLeftHandCorner = 0x00700052;
    public static final int DisplayedAreaBottomRightHandCorner = 0x00700053;
    public static final int DisplayedAreaSelectionSequence = 0x0070005A;
    public static final int GraphicLayerSequence = 0x00700060;
    public static final int GraphicLayerOrder = 0x00700062;
    public static final int GraphicLayerRecommendedDisplayGrayscaleValue = 0x00700066;
    /** retired */
    public static final int GraphicLayerRecommendedDisplayRGBValue = 0x00700067;

    public static final int GraphicLayerDescription = 0x00700068;
    public static final int ContentLabel = 0x00700080;
    public static final int ContentDescription = 0x00700081;
    public static final int PresentationCreationDate = 0x00700082;
    public static final int PresentationCreationTime = 0x00700083;
    public static final int ContentCreatorName = 0x00700084;
    public static final int ContentCreatorIdentificationCodeSequence = 0x00700086;
    public static final int AlternateContentDescriptionSequence = 0x00700087;
    public static final int PresentationSizeMode = 0x00700100;
    public static final int PresentationPixelSpacing = 0x00700101;
    public static final int PresentationPixelAspectRatio = 0x00700102;
    public static final int PresentationPixelMagnificationRatio = 0x00700103;
    public static final int GraphicGroupLabel = 0x00700207;
    public static final int GraphicGroupDescription = 0x00700208;
    public static final int CompoundGraphicSequence = 0x00700209;
    public static final int CompoundGraphicInstanceID = 0x00700226;
    public static final int FontName = 0x00700227;
    public static final int FontNameType = 0x00700228;
    public static final int CSSFontName = 0x00700229;
    public static final int RotationAngle = 0x00700230;
    public static final int TextStyleSequence = 0x00700231;
    public static final int LineStyleSequence = 0x00700232;
    public static final int FillStyleSequence = 0x00700233;
    public static final int GraphicGroupSequence = 0x00700234;
    public static final int TextColorCIELabValue = 0x00700241;
    public static final int HorizontalAlignment = 0x00700242;
    public static final int VerticalAlignment = 0x00700243;
    public static final int ShadowStyle = 0x00700244;
    public static final int ShadowOffsetX = 0x00700245;
    public static final int ShadowOffsetY = 0x00700246;
    public static final int ShadowColorCIELabValue = 0x00700247;
    public static final int Underlined = 0x00700248;
    public static final int Bold = 0x00700249;
    public static final int Italic = 0x00700250;
    public static final int PatternOnColorCIELabValue = 0x00700251;
    public static final int PatternOffColorCIELabValue = 0x00700252;
    public static final int LineThickness = 0x00700253;
    public static final int LineDashingStyle = 0x00700254;
    public static final int LinePattern = 0x00700255;
    public static final int FillPattern = 0x00700256;
    public static final int FillMode = 0x00700257;
    public static final int ShadowOpacity = 0x00700258;
    public static final int GapLength = 0x00700261;
    public static final int DiameterOfVisibility = 0x00700262;
    public static final int RotationPoint = 0x00700273;
    public static final int TickAlignment = 0x00700274;
    public static final int ShowTickLabel = 0x00700278;
    public static final int TickLabelAlignment = 0x00700279;
    public static final int CompoundGraphicUnits = 0x00700282;
    public static final int PatternOnOpacity = 0x00700284;
    public static final int PatternOffOpacity = 0x00700285;
    public static final int MajorTicksSequence = 0x00700287;
    public static final int TickPosition = 0x00700288;
    public static final int TickLabel = 0x00700289;
    public static final int CompoundGraphicType = 0x00700294;
    public static final int GraphicGroupID = 0x00700295;
    public static final int ShapeType = 0x00700306;
    public static final int RegistrationSequence = 0x00700308;
    public static final int MatrixRegistrationSequence = 0x00700309;
    public static final int MatrixSequence = 0x0070030A;
    public static final int FrameOfReferenceToDisplayedCoordinateSystemTransformationMatrix = 0x0070030B;
    public static final int FrameOfReferenceTransformationMatrixType = 0x0070030C;
    public static final int RegistrationTypeCodeSequence = 0x0070030D;
    public static final int FiducialDescription = 0x0070030F;
    public static final int FiducialIdentifier = 0x00700310;
    public static final int FiducialIdentifierCodeSequence = 0x00700311;
    public static final int ContourUncertaintyRadius = 0x00700312;
    public static final int UsedFiducialsSequence = 0x00700314;
    public static final int GraphicCoordinatesDataSequence = 0x00700318;
    public static final int FiducialUID = 0x0070031A;
    public static final int ReferencedFiducialUID = 0x0070031B;
    public static final int FiducialSetSequence = 0x0070031C;
    public static final int FiducialSequence = 0x0070031E;
    public static final int FiducialsPropertyCategoryCodeSequence = 0x0070031F;
    public static final int GraphicLayerRecommendedDisplayCIELabValue = 0x00700401;
    public static final int BlendingSequence = 0x00700402;
    public static final int RelativeOpacity = 0x00700403;
    public static final int ReferencedSpatialRegistrationSequence = 0x00700404;
    public static final int BlendingPosition = 0x00700405;
    public static final int PresentationDisplayCollectionUID = 0x00701101;
    public static final int PresentationSequenceCollectionUID = 0x00701102;
    public static final int PresentationSequencePositionIndex = 0x00701103;
    public static final int RenderedImageReferenceSequence = 0x00701104;
    public static final int VolumetricPresentationStateInputSequence = 0x00701201;
    public static final int PresentationInputType = 0x00701202;
    public static final int InputSequencePositionIndex = 0x00701203;
    public static final int Crop = 0x00701204;
    public static final int CroppingSpecificationIndex = 0x00701205;
    /** retired */
    public static final int CompositingMethod = 0x00701206;

    public static final int VolumetricPresentationInputNumber = 0x00701207;
    public static final int ImageVolumeGeometry = 0x00701208;
    public static final int VolumetricPresentationInputSetUID = 0x00701209;
    public static final int VolumetricPresentationInputSetSequence = 0x0070120A;
    public static final int GlobalCrop = 0x0070120B;
    public static final int GlobalCroppingSpecificationIndex = 0x0070120C;
    public static final int RenderingMethod = 0x0070120D;
    public static final int VolumeCroppingSequence = 0x00701301;
    public static final int VolumeCroppingMethod = 0x00701302;
    public static final int BoundingBoxCrop = 0x00701303;
    public static final int ObliqueCroppingPlaneSequence = 0x00701304;
    public static final int Plane = 0x00701305;
    public static final int PlaneNormal = 0x00701306;
    public static final int CroppingSpecificationNumber = 0x00701309;
    public static final int MultiPlanarReconstructionStyle = 0x00701501;
    public static final int MPRThicknessType = 0x00701502;
    public static final int MPRSlabThickness = 0x00701503;
    public static final int MPRTopLeftHandCorner = 0x00701505;
    public static final int MPRViewWidthDirection = 0x00701507;
    public static final int MPRViewWidth = 0x00701508;
    public static final int NumberOfVolumetricCurvePoints = 0x0070150C;
    public static final int VolumetricCurvePoints = 0x0070150D;
    public static final int MPRViewHeightDirection = 0x00701511;
    public static final int MPRViewHeight = 0x00701512;
    public static final int RenderProjection = 0x00701602;
    public static final int ViewpointPosition = 0x00701603;
    public static final int ViewpointLookAtPoint = 0x00701604;
    public static final int ViewpointUpDirection = 0x00701605;
    public static final int RenderFieldOfView = 0x00701606;
    public static final int SamplingStepSize = 0x00701607;
    public static final int ShadingStyle = 0x00701701;
    public static final int AmbientReflectionIntensity = 0x00701702;
    public static final int LightDirection = 0x00701703;
    public static final int DiffuseReflectionIntensity = 0x00701704;
    public static final int SpecularReflectionIntensity = 0x00701705;
    public static final int Shininess = 0x00701706;
    public static final int PresentationStateClassificationComponentSequence = 0x00701801;
    public static final int ComponentType = 0x00701802;
    public static final int ComponentInputSequence = 0x00701803;
    public static final int VolumetricPresentationInputIndex = 0x00701804;
    public static final int PresentationStateCompositorComponentSequence = 0x00701805;
    public static final int WeightingTransferFunctionSequence = 0x00701806;
    public static final int WeightingLookupTableDescriptor = 0x00701807;
    public static final int WeightingLookupTableData = 0x00701808;
    public static final int VolumetricAnnotationSequence = 0x00701901;
    public static final int ReferencedStructuredContextSequence = 0x00701903;
    public static final int ReferencedContentItem = 0x00701904;
    public static final int VolumetricPresentationInputAnnotationSequence = 0x00701905;
    public static final int AnnotationClipping = 0x00701907;
    public static final int PresentationAnimationStyle = 0x00701A01;
    public static final int RecommendedAnimationRate = 0x00701A03;
    public static final int AnimationCurveSequence = 0x00701A04;
    public static final int AnimationStepSize = 0x00701A05;
    public static final int SwivelRange = 0x00701A06;
    public static final int VolumetricCurveUpDirections = 0x00701A07;
    public static final int VolumeStreamSequence = 0x00701A08;
    public static final int RGBATransferFunctionDescription = 0x00701A09;
    public static final int AdvancedBlendingSequence = 0x00701B01;
    public static final int BlendingInputNumber = 0x00701B02;
    public static final int BlendingDisplayInputSequence = 0x00701B03;
    public static final int BlendingDisplaySequence = 0x00701B04;
    public static final int BlendingMode = 0x00701B06;
    public static final int TimeSeriesBlending = 0x00701B07;
    public static final int GeometryForDisplay = 0x00701B08;
    public static final int ThresholdSequence = 0x00701B11;
    public static final int ThresholdValueSequence = 0x00701B12;
    public static final int ThresholdType = 0x00701B13;
    public static final int ThresholdValue = 0x00701B14;
    public static final int HangingProtocolName = 0x00720002;
    public static final int HangingProtocolDescription = 0x00720004;
    public static final int HangingProtocolLevel = 0x00720006;
    public static final int HangingProtocolCreator = 0x00720008;
    public static final int HangingProtocolCreationDateTime = 0x0072000A;
    public static final int HangingProtocolDefinitionSequence = 0x0072000C;
    public static final int HangingProtocolUserIdentificationCodeSequence = 0x0072000E;
    public static final int HangingProtocolUserGroupName = 0x00720010;
    public static final int SourceHangingProtocolSequence = 0x00720012;
    public static final int NumberOfPriorsReferenced = 0x00720014;
    public static final int ImageSetsSequence = 0x00720020;
    public static final int ImageSetSelectorSequence = 0x00720022;
    public static final int ImageSetSelectorUsageFlag = 0x00720024;
    public static final int SelectorAttribute = 0x00720026;
    public static final int SelectorValueNumber = 0x00720028;
    public static final int TimeBasedImageSetsSequence = 0x00720030;
    public static final int ImageSetNumber = 0x00720032;
    public static final int ImageSetSelectorCategory = 0x00720034;
    public static final int RelativeTime = 0x00720038;
    public static final int RelativeTimeUnits = 0x0072003A;
    public static final int AbstractPriorValue = 0x0072003C;
    public static final int AbstractPriorCodeSequence = 0x0072003E;
    public static final int ImageSetLabel = 0x00720040;
    public static final int SelectorAttributeVR = 0x00720050;
    public static final int SelectorSequencePointer = 0x00720052;
    public static final int SelectorSequencePointerPrivateCreator = 0x00720054;
    public static final int SelectorAttributePrivateCreator = 0x00720056;
    public static final int SelectorAEValue = 0x0072005E;
    public static final int SelectorASValue = 0x0072005F;
    public static final int SelectorATValue = 0x00720060;
    public static final int SelectorDAValue = 0x00720061;
    public static final int SelectorCSValue = 0x00720062;
    public static final int SelectorDTValue = 0x00720063;
    public static final int SelectorISValue = 0x00720064;
    public static final int SelectorOBValue = 0x00720065;
    public static final int SelectorLOValue = 0x00720066;
    public static final int SelectorOFValue = 0x00720067;
    public static final int SelectorLTValue = 0x00720068;
    public static final int SelectorOWValue = 0x00720069;
    public static final int SelectorPNValue = 0x0072006A;
    public static final int SelectorTMValue = 0x0072006B;
    public static final int SelectorSHValue = 0x0072006C;
    public static final int SelectorUNValue = 0x0072006D;
    public static final int SelectorSTValue = 0x0072006E;
    public static final int SelectorUCValue = 0x0072006F;
    public static final int SelectorUTValue = 0x00720070;
    public static final int SelectorURValue = 0x00720071;
    public static final int SelectorDSValue = 0x00720072;
    public static final int SelectorODValue = 0x00720073;
    public static final int SelectorFDValue = 0x00720074;
    public static final int SelectorOLValue = 0x00720075;
    public static final int SelectorFLValue = 0x00720076;
    public static final int SelectorULValue = 0x00720078;
    public static final int SelectorUSValue = 0x0072007A;
    public static final int SelectorSLValue = 0x0072007C;
    public static final int SelectorSSValue = 0x0072007E;
    public static final int SelectorUIValue = 0x0072007F;
    public static final int SelectorCodeSequenceValue = 0x00720080;
    public static final int SelectorOVValue = 0x00720081;
    public static final int SelectorSVValue = 0x00720082;
    public static final int SelectorUVValue = 0x00720083;
    public static final int NumberOfScreens = 0x00720100;
    public static final int NominalScreenDefinitionSequence = 0x00720102;
    public static final int NumberOfVerticalPixels = 0x00720104;
    public static final int NumberOfHorizontalPixels = 0x00720106;
    public static final int DisplayEnvironmentSpatialPosition = 0x00720108;
    public static final int ScreenMinimumGrayscaleBitDepth = 0x0072010A;
    public static final int ScreenMinimumColorBitDepth = 0x0072010C;
    public static final int ApplicationMaximumRepaintTime = 0x0072010E;
    public static final int DisplaySetsSequence = 0x00720200;
    public static final int DisplaySetNumber = 0x00720202;
    public static final int DisplaySetLabel = 0x00720203;
    public static final int DisplaySetPresentationGroup = 0x00720204;
    public static final int DisplaySetPresentationGroupDescription = 0x00720206;
    public static final int PartialDataDisplayHandling = 0x00720208;
    public static final int SynchronizedScrollingSequence = 0x00720210;
    public static final int DisplaySetScrollingGroup = 0x00720212;
    public static final int NavigationIndicatorSequence = 0x00720214;
    public static final int NavigationDisplaySet = 0x00720216;
    public static final int ReferenceDisplaySets = 0x00720218;
    public static final int ImageBoxesSequence = 0x00720300;
    public static final int ImageBoxNumber = 0x00720302;
    public static final int ImageBoxLayoutType = 0x00720304;
    public static final int ImageBoxTileHorizontalDimension = 0x00720306;
    public static final int ImageBoxTileVerticalDimension = 0x00720308;
    public static final int ImageBoxScrollDirection = 0x00720310;
    public static final int ImageBoxSmallScrollType = 0x00720312;
    public static final int ImageBoxSmallScrollAmount = 0x00720314;
    public static final int ImageBoxLargeScrollType = 0x00720316;
    public static final int ImageBoxLargeScrollAmount = 0x00720318;
    public static final int ImageBoxOverlapPriority = 0x00720320;
    public static final int CineRelativeToRealTime = 0x00720330;
    public static final int FilterOperationsSequence = 0x00720400;
    public static final int FilterByCategory = 0x00720402;
    public static final int FilterByAttributePresence = 0x00720404;
    public static final int FilterByOperator = 0x00720406;
    public static final int StructuredDisplayBackgroundCIELabValue = 0x00720420;
    public static final int EmptyImageBoxCIELabValue = 0x00720421;
    public static final int StructuredDisplayImageBoxSequence = 0x00720422;
    public static final int StructuredDisplayTextBoxSequence = 0x00720424;
    public static final int ReferencedFirstFrameSequence = 0x00720427;
    public static final int ImageBoxSynchronizationSequence = 0x00720430;
    public static final int SynchronizedImageBoxList = 0x00720432;
    public static final int TypeOfSynchronization = 0x00720434;
    public static final int BlendingOperationType = 0x00720500;
    public static final int ReformattingOperationType = 0x00720510;
    public static final int ReformattingThickness = 0x00720512;
    public static final int ReformattingInterval = 0x00720514;
    public static final int ReformattingOperationInitialViewDirection = 0x00720516;
    public static final int ThreeDRenderingType = 0x00720520;
    public static final int SortingOperationsSequence = 0x00720600;
    public static final int SortByCategory = 0x00720602;
    public static final int SortingDirection = 0x00720604;
    public static final int DisplaySetPatientOrientation = 0x00720700;
    public static final int VOIType = 0x00720702;
    public static final int PseudoColorType = 0x00720704;
    public static final int PseudoColorPaletteInstanceReferenceSequence = 0x00720705;
    public static final int ShowGrayscaleInverted = 0x00720706;
    public static final int ShowImageTrueSizeFlag = 0x00720710;
    public static final int ShowGraphicAnnotationFlag = 0x00720712;
    public static final int ShowPatientDemographicsFlag = 0x00720714;
    public static final int ShowAcquisitionTechniquesFlag = 0x00720716;
    public static final int DisplaySetHorizontalJustification = 0x00720717;
    public static final int DisplaySetVerticalJustification = 0x00720718;
    public static final int ContinuationStartMeterset = 0x00740120;
    public static final int ContinuationEndMeterset = 0x00740121;
    public static final int ProcedureStepState = 0x00741000;
    public static final int ProcedureStepProgressInformationSequence = 0x00741002;
    public static final int ProcedureStepProgress = 0x00741004;
    public static final int ProcedureStepProgressDescription = 0x00741006;
    public static final int ProcedureStepProgressParametersSequence = 0x00741007;
    public static final int ProcedureStepCommunicationsURISequence = 0x00741008;
    public static final int ContactURI = 0x0074100A;
    public static final int ContactDisplayName = 0x0074100C;
    public static final int ProcedureStepDiscontinuationReasonCodeSequence = 0x0074100E;
    public static final int BeamTaskSequence = 0x00741020;
    public static final int BeamTaskType = 0x00741022;
    /** retired */
    public static final int BeamOrderIndexTrial = 0x00741024;

    public static final int AutosequenceFlag = 0x00741025;
    public static final int TableTopVerticalAdjustedPosition = 0x00741026;
    public static final int TableTopLongitudinalAdjustedPosition = 0x00741027;
    public static final int TableTopLateralAdjustedPosition = 0x00741028;
    public static final int PatientSupportAdjustedAngle = 0x0074102A;
    public static final int TableTopEccentricAdjustedAngle = 0x0074102B;
    public static final int TableTopPitchAdjustedAngle = 0x0074102C;
    public static final int TableTopRollAdjustedAngle = 0x0074102D;
    public static final int DeliveryVerificationImageSequence = 0x00741030;
    public static final int VerificationImageTiming = 0x00741032;
    public static final int DoubleExposureFlag = 0x00741034;
    public static final int DoubleExposureOrdering = 0x00741036;
    /** retired */
    public static final int DoubleExposureMetersetTrial = 0x00741038;
    /** retired */
    public static final int DoubleExposureFieldDeltaTrial = 0x0074103A;

    public static final int RelatedReferenceRTImageSequence = 0x00741040;
    public static final int GeneralMachineVerificationSequence = 0x00741042;
    public static final int ConventionalMachineVerificationSequence = 0x00741044;
    public static final int IonMachineVerificationSequence = 0x00741046;
    public static final int FailedAttributesSequence = 0x00741048;
    public static final int OverriddenAttributesSequence = 0x0074104A;
    public static final int ConventionalControlPointVerificationSequence = 0x0074104C;
    public static final int IonControlPointVerificationSequence = 0x0074104E;
    public static final int AttributeOccurrenceSequence = 0x00741050;
    public static final int AttributeOccurrencePointer = 0x00741052;
    public static final int AttributeItemSelector = 0x00741054;
    public static final int AttributeOccurrencePrivateCreator = 0x00741056;
    public static final int SelectorSequencePointerItems = 0x00741057;
    public static final int ScheduledProcedureStepPriority = 0x00741200;
    public static final int WorklistLabel = 0x00741202;
    public static final int ProcedureStepLabel = 0x00741204;
    public static final int ScheduledProcessingParametersSequence = 0x00741210;
    public static final int PerformedProcessingParametersSequence = 0x00741212;
    public static final int UnifiedProcedureStepPerformedProcedureSequence = 0x00741216;
    /** retired */
    public static final int RelatedProcedureStepSequence = 0x00741220;
    /** retired */
    public static final int ProcedureStepRelationshipType = 0x00741222;

    public static final int ReplacedProcedureStepSequence = 0x00741224;
    public static final int DeletionLock = 0x00741230;
    public static final int ReceivingAE = 0x00741234;
    public static final int RequestingAE = 0x00741236;
    public static final int ReasonForCancellation = 0x00741238;
    public static final int SCPStatus = 0x00741242;
    public static final int SubscriptionListStatus = 0x00741244;
    public static final int UnifiedProcedureStepListStatus = 0x00741246;
    public static final int BeamOrderIndex = 0x00741324;
    public static final int DoubleExposureMeterset = 0x00741338;
    public static final int DoubleExposureFieldDelta = 0x0074133A;
    public static final int BrachyTaskSequence = 0x00741401;
    public static final int ContinuationStartTotalReferenceAirKerma = 0x00741402;
    public static final int ContinuationEndTotalReferenceAirKerma = 0x00741403;
    public static final int ContinuationPulseNumber = 0x00741404;
    public static final int ChannelDeliveryOrderSequence = 0x00741405;
    public static final int ReferencedChannelNumber = 0x00741406;
    public static final int StartCumulativeTimeWeight = 0x00741407;
    public static final int EndCumulativeTimeWeight = 0x00741408;
    public static final int OmittedChannelSequence = 0x00741409;
    public static final int ReasonForChannelOmission = 0x0074140A;
    public static final int ReasonForChannelOmissionDescription = 0x0074140B;
    public static final int ChannelDeliveryOrderIndex = 0x0074140C;
    public static final int ChannelDeliveryContinuationSequence = 0x0074140D;
    public static final int OmittedApplicationSetupSequence = 0x0074140E;
    public static final int ImplantAssemblyTemplateName = 0x00760001;
    public static final int ImplantAssemblyTemplateIssuer = 0x00760003;
    public static final int ImplantAssemblyTemplateVersion = 0x00760006;
    public static final int ReplacedImplantAssemblyTemplateSequence = 0x00760008;
    public static final int ImplantAssemblyTemplateType = 0x0076000A;
    public static final int OriginalImplantAssemblyTemplateSequence = 0x0076000C;
    public static final int DerivationImplantAssemblyTemplateSequence = 0x0076000E;
    public static final int ImplantAssemblyTemplateTargetAnatomySequence = 0x00760010;
    public static final int ProcedureTypeCodeSequence = 0x00760020;
    public static final int SurgicalTechnique = 0x00760030;
    public static final int ComponentTypesSequence = 0x00760032;
    public static final int ComponentTypeCodeSequence = 0x00760034;
    public static final int ExclusiveComponentType = 0x00760036;
    public static final int MandatoryComponentType = 0x00760038;
    public static final int ComponentSequence = 0x00760040;
    public static final int ComponentID = 0x00760055;
    public static final int ComponentAssemblySequence = 0x00760060;
    public static final int Component1ReferencedID = 0x00760070;
    public static final int Component1ReferencedMatingFeatureSetID = 0x00760080;
    public static final int Component1ReferencedMatingFeatureID = 0x00760090;
    public static final int Component2ReferencedID = 0x007600A0;
    public static final int Component2ReferencedMatingFeatureSetID = 0x007600B0;
    public static final int Component2ReferencedMatingFeatureID = 0x007600C0;
    public static final int ImplantTemplateGroupName = 0x00780001;
    public static final int ImplantTemplateGroupDescription = 0x00780010;
    public static final int ImplantTemplateGroupIssuer = 0x00780020;
    public static final int ImplantTemplateGroupVersion = 0x00780024;
    public static final int ReplacedImplantTemplateGroupSequence = 0x00780026;
    public static final int ImplantTemplateGroupTargetAnatomySequence = 0x00780028;
    public static final int ImplantTemplateGroupMembersSequence = 0x0078002A;
    public static final int ImplantTemplateGroupMemberID = 0x0078002E;
    public static final int ThreeDImplantTemplateGroupMemberMatchingPoint = 0x00780050;
    public static final int ThreeDImplantTemplateGroupMemberMatchingAxes = 0x00780060;
    public static final int ImplantTemplateGroupMemberMatching2DCoordinatesSequence = 0x00780070;
    public static final int TwoDImplantTemplateGroupMemberMatchingPoint = 0x00780090;
    public static final int TwoDImplantTemplateGroupMemberMatchingAxes = 0x007800A0;
    public static final int ImplantTemplateGroupVariationDimensionSequence = 0x007800B0;
    public static final int ImplantTemplateGroupVariationDimensionName = 0x007800B2;
    public static final int ImplantTemplateGroupVariationDimensionRankSequence = 0x007800B4;
    public static final int ReferencedImplantTemplateGroupMemberID = 0x007800B6;
    public static final int ImplantTemplateGroupVariationDimensionRank = 0x007800B8;
    public static final int SurfaceScanAcquisitionTypeCodeSequence = 0x00800001;
    public static final int SurfaceScanModeCodeSequence = 0x00800002;
    public static final int RegistrationMethodCodeSequence = 0x00800003;
    public static final int ShotDurationTime = 0x00800004;
    public static final int ShotOffsetTime = 0x00800005;
    public static final int SurfacePointPresentationValueData = 0x00800006;
    public static final int SurfacePointColorCIELabValueData = 0x00800007;
    public static final int UVMappingSequence = 0x00800008;
    public static final int TextureLabel = 0x00800009;
    public static final int UValueData = 0x00800010;
    public static final int VValueData = 0x00800011;
    public static final int ReferencedTextureSequence = 0x00800012;
    public static final int ReferencedSurfaceDataSequence = 0x00800013;
    public static final int AssessmentSummary = 0x00820001;
    public static final int AssessmentSummaryDescription = 0x00820003;
    public static final int AssessedSOPInstanceSequence = 0x00820004;
    public static final int ReferencedComparisonSOPInstanceSequence = 0x00820005;
    public static final int NumberOfAssessmentObservations = 0x00820006;
    public static final int AssessmentObservationsSequence = 0x00820007;
    public static final int ObservationSignificance = 0x00820008;
    public static final int ObservationDescription = 0x0082000A;
    public static final int StructuredConstraintObservationSequence = 0x0082000C;
    public static final int AssessedAttributeValueSequence = 0x00820010;
    public static final int AssessmentSetID = 0x00820016;
    public static final int AssessmentRequesterSequence = 0x00820017;
    public static final int SelectorAttributeName = 0x00820018;
    public static final int SelectorAttributeKeyword = 0x00820019;
    public static final int AssessmentTypeCodeSequence = 0x00820021;
    public static final int ObservationBasisCodeSequence = 0x00820022;
    public static final int AssessmentLabel = 0x00820023;
    public static final int ConstraintType = 0x00820032;
    public static final int SpecificationSelectionGuidance = 0x00820033;
    public static final int ConstraintValueSequence = 0x00820034;
    public static final int RecommendedDefaultValueSequence = 0x00820035;
    public static final int ConstraintViolationSignificance = 0x00820036;
    public static final int ConstraintViolationCondition = 0x00820037;
    public static final int ModifiableConstraintFlag = 0x00820038;
    public static final int StorageMediaFileSetID = 0x00880130;
    public static final int StorageMediaFileSetUID = 0x00880140;
    public static final int IconImageSequence = 0x00880200;
    /** retired */
    public static final int TopicTitle = 0x00880904;
    /** retired */
    public static final int TopicSubject = 0x00880906;
    /** retired */
    public static final int TopicAuthor = 0x00880910;
    /** retired */
    public static final int TopicKeywords = 0x00880912;

    public static final int SOPInstanceStatus = 0x01000410;
    public static final int SOPAuthorizationDateTime = 0x01000420;
    public static final int SOPAuthorizationComment = 0x01000424;
    public static final int AuthorizationEquipmentCertificationNumber = 0x01000426;
    public static final int MACIDNumber = 0x04000005;
    public static final int MACCalculationTransferSyntaxUID = 0x04000010;
    public static final int MACAlgorithm = 0x04000015;
    public static final int DataElementsSigned = 0x04000020;
    public static final int DigitalSignatureUID = 0x04000100;
    public static final int DigitalSignatureDateTime = 0x04000105;
    public static final int CertificateType = 0x04000110;
    public static final int CertificateOfSigner = 0x04000115;
    public static final int Signature = 0x04000120;
    public static final int CertifiedTimestampType = 0x04000305;
    public static final int CertifiedTimestamp = 0x04000310;
    public static final int DigitalSignaturePurposeCodeSequence = 0x04000401;
    public static final int ReferencedDigitalSignatureSequence = 0x04000402;
    public static final int ReferencedSOPInstanceMACSequence = 0x04000403;
    public static final int MAC = 0x04000404;
    public static final int EncryptedAttributesSequence = 0x04000500;
    public static final int EncryptedContentTransferSyntaxUID = 0x04000510;
    public static final int EncryptedContent = 0x04000520;
    public static final int ModifiedAttributesSequence = 0x04000550;
    public static final int NonconformingModifiedAttributesSequence = 0x04000551;
    public static final int NonconformingDataElementValue = 0x04000552;
    public static final int OriginalAttributesSequence = 0x04000561;
    public static final int AttributeModificationDateTime = 0x04000562;
    public static final int ModifyingSystem = 0x04000563;
    public static final int SourceOfPreviousValues = 0x04000564;
    public static final int ReasonForTheAttributeModification = 0x04000565;
    public static final int InstanceOriginStatus = 0x04000600;
    /** repeating (1000,xxx0); retired */
    public static final int EscapeTriplet = 0x10000010;
    /** repeating (1000,xxx1); retired */
    public static final int RunLengthTriplet = 0x10000011;
    /** repeating (1000,xxx2); retired */
    public static final int HuffmanTableSize = 0x10000012;
    /** repeating (1000,xxx3); retired */
    public static final int HuffmanTableTriplet = 0x10000013;
    /** repeating (1000,xxx4); retired */
    public static final int ShiftTableSize = 0x10000014;
    /** repeating (1000,xxx5); retired */
    public static final int ShiftTableTriplet = 0x10000015;
    /** repeating (1010,xxxx); retired */
    public static final int ZonalMap = 0x10100001;

    public static final int NumberOfCopies = 0x20000010;
    public static final int PrinterConfigurationSequence = 0x2000001E;
    public static final int PrintPriority = 0x20000020;
    public static final int MediumType = 0x20000030;
    public static final int FilmDestination = 0x20000040;
    public static final int FilmSessionLabel = 0x20000050;
    public static final int MemoryAllocation = 0x20000060;
    public static final int MaximumMemoryAllocation = 0x20000061;
    /** retired */
    public static final int ColorImagePrintingFlag = 0x20000062;
    /** retired */
    public static final int CollationFlag = 0x20000063;
    /** retired */
    public static final int AnnotationFlag = 0x20000065;
    /** retired */
    public static final int ImageOverlayFlag = 0x20000067;
    /** retired */
    public static final int PresentationLUTFlag = 0x20000069;
    /** retired */
    public static final int ImageBoxPresentationLUTFlag = 0x2000006A;

    public static final int MemoryBitDepth = 0x200000A0;
    public static final int PrintingBitDepth = 0x200000A1;
    public static final int MediaInstalledSequence = 0x200000A2;
    public static final int OtherMediaAvailableSequence = 0x200000A4;
    public static final int SupportedImageDisplayFormatsSequence = 0x200000A8;
    public static final int ReferencedFilmBoxSequence = 0x20000500;
    /** retired */
    public static final int ReferencedStoredPrintSequence = 0x20000510;

    public static final int ImageDisplayFormat = 0x20100010;
    public static final int AnnotationDisplayFormatID = 0x20100030;
    public static final int FilmOrientation = 0x20100040;
    public static final int FilmSizeID = 0x20100050;
    public static final int PrinterResolutionID = 0x20100052;
    public static final int DefaultPrinterResolutionID = 0x20100054;
    public static final int MagnificationType = 0x20100060;
    public static final int SmoothingType = 0x20100080;
    public static final int DefaultMagnificationType = 0x201000A6;
    public static final int OtherMagnificationTypesAvailable = 0x201000A7;
    public static final int DefaultSmoothingType = 0x201000A8;
    public static final int OtherSmoothingTypesAvailable = 0x201000A9;
    public static final int BorderDensity = 0x20100100;
    public static final int EmptyImageDensity = 0x20100110;
    public static final int MinDensity = 0x20100120;
    public static final int MaxDensity = 0x20100130;
    public static final int Trim = 0x20100140;
    public static final int ConfigurationInformation = 0x20100150;
    public static final int ConfigurationInformationDescription = 0x20100152;
    public static final int MaximumCollatedFilms = 0x20100154;
    public static final int Illumination = 0x2010015E;
    public static final int ReflectedAmbientLight = 0x20100160;
    public static final int PrinterPixelSpacing = 0x20100376;
    public static final int ReferencedFilmSessionSequence = 0x20100500;
    public static final int ReferencedImageBoxSequence = 0x20100510;
    public static final int ReferencedBasicAnnotationBoxSequence = 0x20100520;
    public static final int ImageBoxPosition = 0x20200010;
    public static final int Polarity = 0x20200020;
    public static final int RequestedImageSize = 0x20200030;
    public static final int RequestedDecimateCropBehavior = 0x20200040;
    public static final int RequestedResolutionID = 0x20200050;
    public static final int RequestedImageSizeFlag = 0x202000A0;
    public static final int DecimateCropResult = 0x202000A2;
    public static final int BasicGrayscaleImageSequence = 0x20200110;
    public static final int BasicColorImageSequence = 0x20200111;
    /** retired */
    public static final int ReferencedImageOverlayBoxSequence = 0x20200130;
    /** retired */
    public static final int ReferencedVOILUTBoxSequence = 0x20200140;

    public static final int AnnotationPosition = 0x20300010;
    public static final int TextString = 0x20300020;
    /** retired */
    public static final int ReferencedOverlayPlaneSequence = 0x20400010;
    /** retired */
    public static final int ReferencedOverlayPlaneGroups = 0x20400011;
    /** retired */
    public static final int OverlayPixelDataSequence = 0x20400020;
    /** retired */
    public static final int OverlayMagnificationType = 0x20400060;
    /** retired */
    public static final int OverlaySmoothingType = 0x20400070;
    /** retired */
    public static final int OverlayOrImageMagnification = 0x20400072;
    /** retired */
    public static final int MagnifyToNumberOfColumns = 0x20400074;
    /** retired */
    public static final int OverlayForegroundDensity = 0x20400080;
    /** retired */
    public static final int OverlayBackgroundDensity = 0x20400082;
    /** retired */
    public static final int OverlayMode = 0x20400090;
    /** retired */
    public static final int ThresholdDensity = 0x20400100;
    /** retired */
    public static final int ReferencedImageBoxSequenceRetired = 0x20400500;

    public static final int PresentationLUTSequence = 0x20500010;
    public static final int PresentationLUTShape = 0x20500020;
    public static final int ReferencedPresentationLUTSequence = 0x20500500;
    /** retired */
    public static final int PrintJobID = 0x21000010;

    public static final int ExecutionStatus = 0x21000020;
    public static final int ExecutionStatusInfo = 0x21000030;
    public static final int CreationDate = 0x21000040;
    public static final int CreationTime = 0x21000050;
    public static final int Originator = 0x21000070;
    public static final int DestinationAE = 0x21000140;
    public static final int OwnerID = 0x21000160;
    public static final int NumberOfFilms = 0x21000170;
    /** retired */
    public static final int ReferencedPrintJobSequencePullStoredPrint = 0x21000500;

    public static final int PrinterStatus = 0x21100010;
    public static final int PrinterStatusInfo = 0x21100020;
    public static final int PrinterName = 0x21100030;
    /** retired */
    public static final int PrintQueueID = 0x21100099;
    /** retired */
    public static final int QueueStatus = 0x21200010;
    /** retired */
    public static final int PrintJobDescriptionSequence = 0x21200050;
    /** retired */
    public static final int ReferencedPrintJobSequence = 0x21200070;
    /** retired */
    public static final int PrintManagementCapabilitiesSequence = 0x21300010;
    /** retired */
    public static final int PrinterCharacteristicsSequence = 0x21300015;
    /** retired */
    public static final int FilmBoxContentSequence = 0x21300030;
    /** retired */
    public static final int ImageBoxContentSequence = 0x21300040;
    /** retired */
    public static final int AnnotationContentSequence = 0x21300050;
    /** retired */
    public static final int ImageOverlayBoxContentSequence = 0x21300060;
    /** retired */
    public static final int PresentationLUTContentSequence = 0x21300080;
    /** retired */
    public static final int ProposedStudySequence = 0x213000A0;
    /** retired */
    public static final int OriginalImageSequence = 0x213000C0;

    public static final int LabelUsingInformationExtractedFromInstances = 0x22000001;
    public static final int LabelText = 0x22000002;
    public static final int LabelStyleSelection = 0x22000003;
    public static final int MediaDisposition = 0x22000004;
    public static final int BarcodeValue = 0x22000005;
    public static final int BarcodeSymbology = 0x22000006;
    public static final int AllowMediaSplitting = 0x22000007;
    public static final int IncludeNonDICOMObjects = 0x22000008;
    public static final int IncludeDisplayApplication = 0x22000009;
    public static final int PreserveCompositeInstancesAfterMediaCreation = 0x2200000A;
    public static final int TotalNumberOfPiecesOfMediaCreated = 0x2200000B;
    public static final int RequestedMediaApplicationProfile = 0x2200000C;
    public static final int ReferencedStorageMediaSequence = 0x2200000D;
    public static final int FailureAttributes = 0x2200000E;
    public static final int AllowLossyCompression = 0x2200000F;
    public static final int RequestPriority = 0x22000020;
    public static final int RTImageLabel = 0x30020002;
    public static final int RTImageName = 0x30020003;
    public static final int RTImageDescription = 0x30020004;
    public static final int ReportedValuesOrigin = 0x3002000A;
    public static final int RTImagePlane = 0x3002000C;
    public static final int XRayImageReceptorTranslation = 0x3002000D;
    public static final int XRayImageReceptorAngle = 0x3002000E;
    public static final int RTImageOrientation = 0x30020010;
    public static final int ImagePlanePixelSpacing = 0x30020011;
    public static final int RTImagePosition = 0x30020012;
    public static final int RadiationMachineName = 0x30020020;
    public static final int RadiationMachineSAD = 0x30020022;
    public static final int RadiationMachineSSD = 0x30020024;
    public static final int RTImageSID = 0x30020026;
    public static final int SourceToReferenceObjectDistance = 0x30020028;
    public static final int FractionNumber = 0x30020029;
    public static final int ExposureSequence = 0x30020030;
    public static final int MetersetExposure = 0x30020032;
    public static final int DiaphragmPosition = 0x30020034;
    public static final int FluenceMapSequence = 0x30020040;
    public static final int FluenceDataSource = 0x30020041;
    public static final int FluenceDataScale = 0x30020042;
    public static final int PrimaryFluenceModeSequence = 0x30020050;
    public static final int FluenceMode = 0x30020051;
    public static final int FluenceModeID = 0x30020052;
    public static final int DVHType = 0x30040001;
    public static final int DoseUnits = 0x30040002;
    public static final int DoseType = 0x30040004;
    public static final int SpatialTransformOfDose = 0x30040005;
    public static final int DoseComment = 0x30040006;
    public static final int NormalizationPoint = 0x30040008;
    public static final int DoseSummationType = 0x3004000A;
    public static final int GridFrameOffsetVector = 0x3004000C;
    public static final int DoseGridScaling = 0x3004000E;
    public static final int RTDoseROISequence = 0x30040010;
    public static final int DoseValue = 0x30040012;
    public static final int TissueHeterogeneityCorrection = 0x30040014;
    public static final int DVHNormalizationPoint = 0x30040040;
    public static final int DVHNormalizationDoseValue = 0x30040042;
    public static final int DVHSequence = 0x30040050;
    public static final int DVHDoseScaling = 0x30040052;
    public static final int DVHVolumeUnits = 0x30040054;
    public static final int DVHNumberOfBins = 0x30040056;
    public static final int DVHData = 0x30040058;
    public static final int DVHReferencedROISequence = 0x30040060;
    public static final int DVHROIContributionType = 0x30040062;
    public static final int DVHMinimumDose = 0x30040070;
    public static final int DVHMaximumDose = 0x30040072;
    public static final int DVHMeanDose = 0x30040074;
    public static final int StructureSetLabel = 0x30060002;
    public static final int StructureSetName = 0x30060004;
    public static final int StructureSetDescription = 0x30060006;
    public static final int StructureSetDate = 0x30060008;
    public static final int StructureSetTime = 0x30060009;
    public static final int ReferencedFrameOfReferenceSequence = 0x30060010;
    public static final int RTReferencedStudySequence = 0x30060012;
    public static final int RTReferencedSeriesSequence = 0x30060014;
    public static final int ContourImageSequence = 0x30060016;
    public static final int PredecessorStructureSetSequence = 0x30060018;
    public static final int StructureSetROISequence = 0x30060020;
    public static final int ROINumber = 0x30060022;
    public static final int ReferencedFrameOfReferenceUID = 0x30060024;
    public static final int ROIName = 0x30060026;
    public static final int ROIDescription = 0x30060028;
    public static final int ROIDisplayColor = 0x3006002A;
    public static final int ROIVolume = 0x3006002C;
    public static final int RTRelatedROISequence = 0x30060030;
    public static final int RTROIRelationship = 0x30060033;
    public static final int ROIGenerationAlgorithm = 0x30060036;
    public static final int ROIDerivationAlgorithmIdentificationSequence = 0x30060037;
    public static final int ROIGenerationDescription = 0x30060038;
    public static final int ROIContourSequence = 0x30060039;
    public static final int ContourSequence = 0x30060040;
    public static final int ContourGeometricType = 0x30060042;
    /** retired */
    public static final int ContourSlabThickness = 0x30060044;
    /** retired */
    public static final int ContourOffsetVector = 0x30060045;

    public static final int NumberOfContourPoints = 0x30060046;
    public static final int ContourNumber = 0x30060048;
    /** retired */
    public static final int AttachedContours = 0x30060049;

    public static final int SourcePixelPlanesCharacteristicsSequence = 0x3006004A;
    public static final int ContourData = 0x30060050;
    public static final int RTROIObservationsSequence = 0x30060080;
    public static final int ObservationNumber = 0x30060082;
    public static final int ReferencedROINumber = 0x30060084;
    public static final int ROIObservationLabel = 0x30060085;
    public static final int RTROIIdentificationCodeSequence = 0x30060086;
    public static final int ROIObservationDescription = 0x30060088;
    public static final int RelatedRTROIObservationsSequence = 0x300600A0;
    public static final int RTROIInterpretedType = 0x300600A4;
    public static final int ROIInterpreter = 0x300600A6;
    public static final int ROIPhysicalPropertiesSequence = 0x300600B0;
    public static final int ROIPhysicalProperty = 0x300600B2;
    public static final int ROIPhysicalPropertyValue = 0x300600B4;
    public static final int ROIElementalCompositionSequence = 0x300600B6;
    public static final int ROIElementalCompositionAtomicNumber = 0x300600B7;
    public static final int ROIElementalCompositionAtomicMassFraction = 0x300600B8;
    /** retired */
    public static final int AdditionalRTROIIdentificationCodeSequence = 0x300600B9;
    /** retired */
    public static final int FrameOfReferenceRelationshipSequence = 0x300600C0;
    /** retired */
    public static final int RelatedFrameOfReferenceUID = 0x300600C2;
    /** retired */
    public static final int FrameOfReferenceTransformationType = 0x300600C4;

    public static final int FrameOfReferenceTransformationMatrix = 0x300600C6;
    public static final int FrameOfReferenceTransformationComment = 0x300600C8;
    public static final int PatientLocationCoordinatesSequence = 0x300600C9;
    public static final int PatientLocationCoordinatesCodeSequence = 0x300600CA;
    public static final int PatientSupportPositionSequence = 0x300600CB;
    public static final int MeasuredDoseReferenceSequence = 0x30080010;
    public static final int MeasuredDoseDescription = 0x30080012;
    public static final int MeasuredDoseType = 0x30080014;
    public static final int MeasuredDoseValue = 0x30080016;
    public static final int TreatmentSessionBeamSequence = 0x30080020;
    public static final int TreatmentSessionIonBeamSequence = 0x30080021;
    public static final int CurrentFractionNumber = 0x30080022;
    public static final int TreatmentControlPointDate = 0x30080024;
    public static final int TreatmentControlPointTime = 0x30080025;
    public static final int TreatmentTerminationStatus = 0x3008002A;
    public static final int TreatmentTerminationCode = 0x3008002B;
    public static final int TreatmentVerificationStatus = 0x3008002C;
    public static final int ReferencedTreatmentRecordSequence = 0x30080030;
    public static final int SpecifiedPrimaryMeterset = 0x30080032;
    public static final int SpecifiedSecondaryMeterset = 0x30080033;
    public static final int DeliveredPrimaryMeterset = 0x30080036;
    public static final int DeliveredSecondaryMeterset = 0x30080037;
    public static final int SpecifiedTreatmentTime = 0x3008003A;
    public static final int DeliveredTreatmentTime = 0x3008003B;
    public static final int ControlPointDeliverySequence = 0x30080040;
    public static final int IonControlPointDeliverySequence = 0x30080041;
    public static final int SpecifiedMeterset = 0x30080042;
    public static final int DeliveredMeterset = 0x30080044;
    public static final int MetersetRateSet = 0x30080045;
    public static final int MetersetRateDelivered = 0x30080046;
    public static final int ScanSpotMetersetsDelivered = 0x30080047;
    public static final int DoseRateDelivered = 0x30080048;
    public static final int TreatmentSummaryCalculatedDoseReferenceSequence = 0x30080050;
    public static final int CumulativeDoseToDoseReference = 0x30080052;
    public static final int FirstTreatmentDate = 0x30080054;
    public static final int MostRecentTreatmentDate = 0x30080056;
    public static final int NumberOfFractionsDelivered = 0x3008005A;
    public static final int OverrideSequence = 0x30080060;
    public static final int ParameterSequencePointer = 0x30080061;
    public static final int OverrideParameterPointer = 0x30080062;
    public static final int ParameterItemIndex = 0x30080063;
    public static final int MeasuredDoseReferenceNumber = 0x30080064;
    public static final int ParameterPointer = 0x30080065;
    public static final int OverrideReason = 0x30080066;
    public static final int ParameterValueNumber = 0x30080067;
    public static final int CorrectedParameterSequence = 0x30080068;
    public static final int CorrectionValue = 0x3008006A;
    public static final int CalculatedDoseReferenceSequence = 0x30080070;
    public static final int CalculatedDoseReferenceNumber = 0x30080072;
    public static final int CalculatedDoseReferenceDescription = 0x30080074;
    public static final int CalculatedDoseReferenceDoseValue = 0x30080076;
    public static final int StartMeterset = 0x30080078;
    public static final int EndMeterset = 0x3008007A;
    public static final int ReferencedMeasuredDoseReferenceSequence = 0x30080080;
    public static final int ReferencedMeasuredDoseReferenceNumber = 0x30080082;
    public static final int ReferencedCalculatedDoseReferenceSequence = 0x30080090;
    public static final int ReferencedCalculatedDoseReferenceNumber = 0x30080092;
    public static final int BeamLimitingDeviceLeafPairsSequence = 0x300800A0;
    public static final int RecordedWedgeSequence = 0x300800B0;
    public static final int RecordedCompensatorSequence = 0x300800C0;
    public static final int RecordedBlockSequence = 0x300800D0;
    public static final int RecordedBlockSlabSequence = 0x300800D1;
    public static final int TreatmentSummaryMeasuredDoseReferenceSequence = 0x300800E0;
    public static final int RecordedSnoutSequence = 0x300800F0;
    public static final int RecordedRangeShifterSequence = 0x300800F2;
    public static final int RecordedLateralSpreadingDeviceSequence = 0x300800F4;
    public static final int RecordedRangeModulatorSequence = 0x300800F6;
    public static final int RecordedSourceSequence = 0x30080100;
    public static final int SourceSerialNumber = 0x30080105;
    public static final int TreatmentSessionApplicationSetupSequence = 0x30080110;
    public static final int ApplicationSetupCheck = 0x30080116;
    public static final int RecordedBrachyAccessoryDeviceSequence = 0x30080120;
    public static final int ReferencedBrachyAccessoryDeviceNumber = 0x30080122;
    public static final int RecordedChannelSequence = 0x30080130;
    public static final int SpecifiedChannelTotalTime = 0x30080132;
    public static final int DeliveredChannelTotalTime = 0x30080134;
    public static final int SpecifiedNumberOfPulses = 0x30080136;
    public static final int DeliveredNumberOfPulses = 0x30080138;
    public static final int SpecifiedPulseRepetitionInterval = 0x3008013A;
    public static final int DeliveredPulseRepetitionInterval = 0x3008013C;
    public static final int RecordedSourceApplicatorSequence = 0x30080140;
    public static final int ReferencedSourceApplicatorNumber = 0x30080142;
    public static final int RecordedChannelShieldSequence = 0x30080150;
    public static final int ReferencedChannelShieldNumber = 0x30080152;
    public static final int BrachyControlPointDeliveredSequence = 0x30080160;
    public static final int SafePositionExitDate = 0x30080162;
    public static final int SafePositionExitTime = 0x30080164;
    public static final int SafePositionReturnDate = 0x30080166;
    public static final int SafePositionReturnTime = 0x30080168;
    public static final int PulseSpecificBrachyControlPointDeliveredSequence = 0x30080171;
    public static final int PulseNumber = 0x30080172;
    public static final int BrachyPulseControlPointDeliveredSequence = 0x30080173;
    public static final int CurrentTreatmentStatus = 0x30080200;
    public static final int TreatmentStatusComment = 0x30080202;
    public static final int FractionGroupSummarySequence = 0x30080220;
    public static final int ReferencedFractionNumber = 0x30080223;
    public static final int FractionGroupType = 0x30080224;
    public static final int BeamStopperPosition = 0x30080230;
    public static final int FractionStatusSummarySequence = 0x30080240;
    public static final int TreatmentDate = 0x30080250;
    public static final int TreatmentTime = 0x30080251;
    public static final int RTPlanLabel = 0x300A0002;
    public static final int RTPlanName = 0x300A0003;
    public static final int RTPlanDescription = 0x300A0004;
    public static final int RTPlanDate = 0x300A0006;
    public static final int RTPlanTime = 0x300A0007;
    public static final int TreatmentProtocols = 0x300A0009;
    public static final int PlanIntent = 0x300A000A;
    /** retired */
    public static final int TreatmentSites = 0x300A000B;

    public static final int RTPlanGeometry = 0x300A000C;
    public static final int PrescriptionDescription = 0x300A000E;
    public static final int DoseReferenceSequence = 0x300A0010;
    public static final int DoseReferenceNumber = 0x300A0012;
    public static final int DoseReferenceUID = 0x300A0013;
    public static final int DoseReferenceStructureType = 0x300A0014;
    public static final int NominalBeamEnergyUnit = 0x300A0015;
    public static final int DoseReferenceDescription = 0x300A0016;
    public static final int DoseReferencePointCoordinates = 0x300A0018;
    public static final int NominalPriorDose = 0x300A001A;
    public static final int DoseReferenceType = 0x300A0020;
    public static final int ConstraintWeight = 0x300A0021;
    public static final int DeliveryWarningDose = 0x300A0022;
    public static final int DeliveryMaximumDose = 0x300A0023;
    public static final int TargetMinimumDose = 0x300A0025;
    public static final int TargetPrescriptionDose = 0x300A0026;
    public static final int TargetMaximumDose = 0x300A0027;
    public static final int TargetUnderdoseVolumeFraction = 0x300A0028;
    public static final int OrganAtRiskFullVolumeDose = 0x300A002A;
    public static final int OrganAtRiskLimitDose = 0x300A002B;
    public static final int OrganAtRiskMaximumDose = 0x300A002C;
    public static final int OrganAtRiskOverdoseVolumeFraction = 0x300A002D;
    public static final int ToleranceTableSequence = 0x300A0040;
    public static final int ToleranceTableNumber = 0x300A0042;
    public static final int ToleranceTableLabel = 0x300A0043;
    public static final int GantryAngleTolerance = 0x300A0044;
    public static final int BeamLimitingDeviceAngleTolerance = 0x300A0046;
    public static final int BeamLimitingDeviceToleranceSequence = 0x300A0048;
    public static final int BeamLimitingDevicePositionTolerance = 0x300A004A;
    public static final int SnoutPositionTolerance = 0x300A004B;
    public static final int PatientSupportAngleTolerance = 0x300A004C;
    public static final int TableTopEccentricAngleTolerance = 0x300A004E;
    public static final int TableTopPitchAngleTolerance = 0x300A004F;
    public static final int TableTopRollAngleTolerance = 0x300A0050;
    public static final int TableTopVerticalPositionTolerance = 0x300A0051;
    public static final int TableTopLongitudinalPositionTolerance = 0x300A0052;
    public static final int TableTopLateralPositionTolerance = 0x300A0053;
    public static final int RTPlanRelationship = 0x300A0055;
    public static final int FractionGroupSequence = 0x300A0070;
    public static final int FractionGroupNumber = 0x300A0071;
    public static final int FractionGroupDescription = 0x300A0072;
    public static final int NumberOfFractionsPlanned = 0x300A0078;
    public static final int NumberOfFractionPatternDigitsPerDay = 0x300A0079;
    public static final int RepeatFractionCycleLength = 0x300A007A;
    public static final int FractionPattern = 0x300A007B;
    public static final int NumberOfBeams = 0x300A0080;
    /** retired */
    public static final int BeamDoseSpecificationPoint = 0x300A0082;

    public static final int ReferencedDoseReferenceUID = 0x300A0083;
    public static final int BeamDose = 0x300A0084;
    public static final int BeamMeterset = 0x300A0086;
    public static final int BeamDosePointDepth = 0x300A0088;
    public static final int BeamDosePointEquivalentDepth = 0x300A0089;
    public static final int BeamDosePointSSD = 0x300A008A;
    public static final int BeamDoseMeaning = 0x300A008B;
    public static final int BeamDoseVerificationControlPointSequence = 0x300A008C;
    /** retired */
    public static final int AverageBeamDosePointDepth = 0x300A008D;
    /** retired */
    public static final int AverageBeamDosePointEquivalentDepth = 0x300A008E;
    /** retired */
    public static final int AverageBeamDosePointSSD = 0x300A008F;

    public static final int BeamDoseType = 0x300A0090;
    public static final int AlternateBeamDose = 0x300A0091;
    public static final int AlternateBeamDoseType = 0x300A0092;
    public static final int DepthValueAveragingFlag = 0x300A0093;
    public static final int BeamDosePointSourceToExternalContourDistance = 0x300A0094;
    public static final int NumberOfBrachyApplicationSetups = 0x300A00A0;
    public static final int BrachyApplicationSetupDoseSpecificationPoint = 0x300A00A2;
    public static final int BrachyApplicationSetupDose = 0x300A00A4;
    public static final int BeamSequence = 0x300A00B0;
    public static final int TreatmentMachineName = 0x300A00B2;
    public static final int PrimaryDosimeterUnit = 0x300A00B3;
    public static final int SourceAxisDistance = 0x300A00B4;
    public static final int BeamLimitingDeviceSequence = 0x300A00B6;
    public static final int RTBeamLimitingDeviceType = 0x300A00B8;
    public static final int SourceToBeamLimitingDeviceDistance = 0x300A00BA;
    public static final int IsocenterToBeamLimitingDeviceDistance = 0x300A00BB;
    public static final int NumberOfLeafJawPairs = 0x300A00BC;
    public static final int LeafPositionBoundaries = 0x300A00BE;
    public static final int BeamNumber = 0x300A00C0;
    public static final int BeamName = 0x300A00C2;
    public static final int BeamDescription = 0x300A00C3;
    public static final int BeamType = 0x300A00C4;
    public static final int BeamDeliveryDurationLimit = 0x300A00C5;
    public static final int RadiationType = 0x300A00C6;
    public static final int HighDoseTechniqueType = 0x300A00C7;
    public static final int ReferenceImageNumber = 0x300A00C8;
    public static final int PlannedVerificationImageSequence = 0x300A00CA;
    public static final int ImagingDeviceSpecificAcquisitionParameters = 0x300A00CC;
    public static final int TreatmentDeliveryType = 0x300A00CE;
    public static final int NumberOfWedges = 0x300A00D0;
    public static final int WedgeSequence = 0x300A00D1;
    public static final int WedgeNumber = 0x300A00D2;
    public static final int WedgeType = 0x300A00D3;
    public static final int WedgeID = 0x300A00D4;
    public static final int WedgeAngle = 0x300A00D5;
    public static final int WedgeFactor = 0x300A00D6;
    public static final int TotalWedgeTrayWaterEquivalentThickness = 0x300A00D7;
    public static final int WedgeOrientation = 0x300A00D8;
    public static final int IsocenterToWedgeTrayDistance = 0x300A00D9;
    public static final int SourceToWedgeTrayDistance = 0x300A00DA;
    public static final int WedgeThinEdgePosition = 0x300A00DB;
    public static final int BolusID = 0x300A00DC;
    public static final int BolusDescription = 0x300A00DD;
    public static final int EffectiveWedgeAngle = 0x300A00DE;
    public static final int NumberOfCompensators = 0x300A00E0;
    public static final int MaterialID = 0x300A00E1;
    public static final int TotalCompensatorTrayFactor = 0x300A00E2;
    public static final int CompensatorSequence = 0x300A00E3;
    public static final int CompensatorNumber = 0x300A00E4;
    public static final int CompensatorID = 0x300A00E5;
    public static final int SourceToCompensatorTrayDistance = 0x300A00E6;
    public static final int CompensatorRows = 0x300A00E7;
    public static final int CompensatorColumns = 0x300A00E8;
    public static final int CompensatorPixelSpacing = 0x300A00E9;
    public static final int CompensatorPosition = 0x300A00EA;
    public static final int CompensatorTransmissionData = 0x300A00EB;
    public static final int CompensatorThicknessData = 0x300A00EC;
    public static final int NumberOfBoli = 0x300A00ED;
    public static final int CompensatorType = 0x300A00EE;
    public static final int CompensatorTrayID = 0x300A00EF;
    public static final int NumberOfBlocks = 0x300A00F0;
    public static final int TotalBlockTrayFactor = 0x300A00F2;
    public static final int TotalBlockTrayWaterEquivalentThickness = 0x300A00F3;
    public static final int BlockSequence = 0x300A00F4;
    public static final int BlockTrayID = 0x300A00F5;
    public static final int SourceToBlockTrayDistance = 0x300A00F6;
    public static final int IsocenterToBlockTrayDistance = 0x300A00F7;
    public static final int BlockType = 0x300A00F8;
    public static final int AccessoryCode = 0x300A00F9;
    public static final int BlockDivergence = 0x300A00FA;
    public static final int BlockMountingPosition = 0x300A00FB;
    public static final int BlockNumber = 0x300A00FC;
    public static final int BlockName = 0x300A00FE;
    public static final int BlockThickness = 0x300A0100;
    public static final int BlockTransmission = 0x300A0102;
    public static final int BlockNumberOfPoints = 0x300A0104;
    public static final int BlockData = 0x300A0106;
    public static final int ApplicatorSequence = 0x300A0107;
    public static final int ApplicatorID = 0x300A0108;
    public static final int ApplicatorType = 0x300A0109;
    public static final int ApplicatorDescription = 0x300A010A;
    public static final int CumulativeDoseReferenceCoefficient = 0x300A010C;
    public static final int FinalCumulativeMetersetWeight = 0x300A010E;
    public static final int NumberOfControlPoints = 0x300A0110;
    public static final int ControlPointSequence = 0x300A0111;
    public static final int ControlPointIndex = 0x300A0112;
    public static final int NominalBeamEnergy = 0x300A0114;
    public static final int DoseRateSet = 0x300A0115;
    public static final int WedgePositionSequence = 0x300A0116;
    public static final int WedgePosition = 0x300A0118;
    public static final int BeamLimitingDevicePositionSequence = 0x300A011A;
    public static final int LeafJawPositions = 0x300A011C;
    public static final int GantryAngle = 0x300A011E;
    public static final int GantryRotationDirection = 0x300A011F;
    public static final int BeamLimitingDeviceAngle = 0x300A0120;
    public static final int BeamLimitingDeviceRotationDirection = 0x300A0121;
    public static final int PatientSupportAngle = 0x300A0122;
    public static final int PatientSupportRotationDirection = 0x300A0123;
    public static final int TableTopEccentricAxisDistance = 0x300A0124;
    public static final int TableTopEccentricAngle = 0x300A0125;
    public static final int TableTopEccentricRotationDirection = 0x300A0126;
    public static final int TableTopVerticalPosition = 0x300A0128;
    public static final int TableTopLongitudinalPosition = 0x300A0129;
    public static final int TableTopLateralPosition = 0x300A012A;
    public static final int IsocenterPosition = 0x300A012C;
    public static final int SurfaceEntryPoint = 0x300A012E;
    public static final int SourceToSurfaceDistance = 0x300A0130;
    public static final int AverageBeamDosePointSourceToExternalContourDistance = 0x300A0131;
    public static final int SourceToExternalContourDistance = 0x300A0132;
    public static final int ExternalContourEntryPoint = 0x300A0133;
    public static final int CumulativeMetersetWeight = 0x300A0134;
    public static final int TableTopPitchAngle = 0x300A0140;
    public static final int TableTopPitchRotationDirection = 0x300A0142;
    public static final int TableTopRollAngle = 0x300A0144;
    public static final int TableTopRollRotationDirection = 0x300A0146;
    public static final int HeadFixationAngle = 0x300A0148;
    public static final int GantryPitchAngle = 0x300A014A;
    public static final int GantryPitchRotationDirection = 0x300A014C;
    public static final int GantryPitchAngleTolerance = 0x300A014E;
    public static final int FixationEye = 0x300A0150;
    public static final int ChairHeadFramePosition = 0x300A0151;
    public static final int HeadFixationAngleTolerance = 0x300A0152;
    public static final int ChairHeadFramePositionTolerance = 0x300A0153;
    public static final int FixationLightAzimuthalAngleTolerance = 0x300A0154;
    public static final int FixationLightPolarAngleTolerance = 0x300A0155;
    public static final int PatientSetupSequence = 0x300A0180;
    public static final int PatientSetupNumber = 0x300A0182;
    public static final int PatientSetupLabel = 0x300A0183;
    public static final int PatientAdditionalPosition = 0x300A0184;
    public static final int FixationDeviceSequence = 0x300A0190;
    public static final int FixationDeviceType = 0x300A0192;
    public static final int FixationDeviceLabel = 0x300A0194;
    public static final int FixationDeviceDescription = 0x300A0196;
    public static final int FixationDevicePosition = 0x300A0198;
    public static final int FixationDevicePitchAngle = 0x300A0199;
    public static final int FixationDeviceRollAngle = 0x300A019A;
    public static final int ShieldingDeviceSequence = 0x300A01A0;
    public static final int ShieldingDeviceType = 0x300A01A2;
    public static final int ShieldingDeviceLabel = 0x300A01A4;
    public static final int ShieldingDeviceDescription = 0x300A01A6;
    public static final int ShieldingDevicePosition = 0x300A01A8;
    public static final int SetupTechnique = 0x300A01B0;
    public static final int SetupTechniqueDescription = 0x300A01B2;
    public static final int SetupDeviceSequence = 0x300A01B4;
    public static final int SetupDeviceType = 0x300A01B6;
    public static final int SetupDeviceLabel = 0x300A01B8;
    public static final int SetupDeviceDescription = 0x300A01BA;
    public static final int SetupDeviceParameter = 0x300A01BC;
    public static final int SetupReferenceDescription = 0x300A01D0;
    public static final int TableTopVerticalSetupDisplacement = 0x300A01D2;
    public static final int TableTopLongitudinalSetupDisplacement = 0x300A01D4;
    public static final int TableTopLateralSetupDisplacement = 0x300A01D6;
    public static final int BrachyTreatmentTechnique = 0x300A0200;
    public static final int BrachyTreatmentType = 0x300A0202;
    public static final int TreatmentMachineSequence = 0x300A0206;
    public static final int SourceSequence = 0x300A0210;
    public static final int SourceNumber = 0x300A0212;
    public static final int SourceType = 0x300A0214;
    public static final int SourceManufacturer = 0x300A0216;
    public static final int ActiveSourceDiameter = 0x300A0218;
    public static final int ActiveSourceLength = 0x300A021A;
    public static final int SourceModelID = 0x300A021B;
    public static final int SourceDescription = 0x300A021C;
    public static final int SourceEncapsulationNominalThickness = 0x300A0222;
    public static final int SourceEncapsulationNominalTransmission = 0x300A0224;
    public static final int SourceIsotopeName = 0x300A0226;
    public static final int SourceIsotopeHalfLife = 0x300A0228;
    public static final int SourceStrengthUnits = 0x300A0229;
    public static final int ReferenceAirKermaRate = 0x300A022A;
    public static final int SourceStrength = 0x300A022B;
    public static final int SourceStrengthReferenceDate = 0x300A022C;
    public static final int SourceStrengthReferenceTime = 0x300A022E;
    public static final int ApplicationSetupSequence = 0x300A0230;
    public static final int ApplicationSetupType = 0x300A0232;
    public static final int ApplicationSetupNumber = 0x300A0234;
    public static final int ApplicationSetupName = 0x300A0236;
    public static final int ApplicationSetupManufacturer = 0x300A0238;
    public static final int TemplateNumber = 0x300A0240;
    public static final int TemplateType = 0x300A0242;
    public static final int TemplateName = 0x300A0244;
    public static final int TotalReferenceAirKerma = 0x300A0250;
    public static final int BrachyAccessoryDeviceSequence = 0x300A0260;
    public static final int BrachyAccessoryDeviceNumber = 0x300A0262;
    public static final int BrachyAccessoryDeviceID = 0x300A0263;
    public static final int BrachyAccessoryDeviceType = 0x300A0264;
    public static final int BrachyAccessoryDeviceName = 0x300A0266;
    public static final int BrachyAccessoryDeviceNominalThickness = 0x300A026A;
    public static final int BrachyAccessoryDeviceNominalTransmission = 0x300A026C;
    public static final int ChannelEffectiveLength = 0x300A0271;
    public static final int ChannelInnerLength = 0x300A0272;
    public static final int AfterloaderChannelID = 0x300A0273;
    public static final int SourceApplicatorTipLength = 0x300A0274;
    public static final int ChannelSequence = 0x300A0280;
    public static final int ChannelNumber = 0x300A0282;
    public static final int ChannelLength = 0x300A0284;
    public static final int ChannelTotalTime = 0x300A0286;
    public static final int SourceMovementType = 0x300A0288;
    public static final int NumberOfPulses = 0x300A028A;
    public static final int PulseRepetitionInterval = 0x300A028C;
    public static final int SourceApplicatorNumber = 0x300A0290;
    public static final int SourceApplicatorID = 0x300A0291;
    public static final int SourceApplicatorType = 0x300A0292;
    public static final int SourceApplicatorName = 0x300A0294;
    public static final int SourceApplicatorLength = 0x300A0296;
    public static final int SourceApplicatorManufacturer = 0x300A0298;
    public static final int SourceApplicatorWallNominalThickness = 0x300A029C;
    public static final int SourceApplicatorWallNominalTransmission = 0x300A029E;
    public static final int SourceApplicatorStepSize = 0x300A02A0;
    public static final int ApplicatorShapeReferencedROINumber = 0x300A02A1;
    public static final int TransferTubeNumber = 0x300A02A2;
    public static final int TransferTubeLength = 0x300A02A4;
    public static final int ChannelShieldSequence = 0x300A02B0;
    public static final int ChannelShieldNumber = 0x300A02B2;
    public static final int ChannelShieldID = 0x300A02B3;
    public static final int ChannelShieldName = 0x300A02B4;
    public static final int ChannelShieldNominalThickness = 0x300A02B8;
    public static final int ChannelShieldNominalTransmission = 0x300A02BA;
    public static final int FinalCumulativeTimeWeight = 0x300A02C8;
    public static final int BrachyControlPointSequence = 0x300A02D0;
    public static final int ControlPointRelativePosition = 0x300A02D2;
    public static final int ControlPoint3DPosition = 0x300A02D4;
    public static final int CumulativeTimeWeight = 0x300A02D6;
    public static final int CompensatorDivergence = 0x300A02E0;
    public static final int CompensatorMountingPosition = 0x300A02E1;
    public static final int SourceToCompensatorDistance = 0x300A02E2;
    public static final int TotalCompensatorTrayWaterEquivalentThickness = 0x300A02E3;
    public static final int IsocenterToCompensatorTrayDistance = 0x300A02E4;
    public static final int CompensatorColumnOffset = 0x300A02E5;
    public static final int IsocenterToCompensatorDistances = 0x300A02E6;
    public static final int CompensatorRelativeStoppingPowerRatio = 0x300A02E7;
    public static final int CompensatorMillingToolDiameter = 0x300A02E8;
    public static final int IonRangeCompensatorSequence = 0x300A02EA;
    public static final int CompensatorDescription = 0x300A02EB;
    public static final int RadiationMassNumber = 0x300A0302;
    public static final int RadiationAtomicNumber = 0x300A0304;
    public static final int RadiationChargeState = 0x300A0306;
    public static final int ScanMode = 0x300A0308;
    public static final int ModulatedScanModeType = 0x300A0309;
    public static final int VirtualSourceAxisDistances = 0x300A030A;
    public static final int SnoutSequence = 0x300A030C;
    public static final int SnoutPosition = 0x300A030D;
    public static final int SnoutID = 0x300A030F;
    public static final int NumberOfRangeShifters = 0x300A0312;
    public static final int RangeShifterSequence = 0x300A0314;
    public static final int RangeShifterNumber = 0x300A0316;
    public static final int RangeShifterID = 0x300A0318;
    public static final int RangeShifterType = 0x300A0320;
    public static final int RangeShifterDescription = 0x300A0322;
    public static final int NumberOfLateralSpreadingDevices = 0x300A0330;
    public static final int LateralSpreadingDeviceSequence = 0x300A0332;
    public static final int LateralSpreadingDeviceNumber = 0x300A0334;
    public static final int LateralSpreadingDeviceID = 0x300A0336;
    public static final int LateralSpreadingDeviceType = 0x300A0338;
    public static final int LateralSpreadingDeviceDescription = 0x300A033A;
    public static final int LateralSpreadingDeviceWaterEquivalentThickness = 0x300A033C;
    public static final int NumberOfRangeModulators = 0x300A0340;
    public static final int RangeModulatorSequence = 0x300A0342;
    public static final int RangeModulatorNumber = 0x300A0344;
    public static final int RangeModulatorID = 0x300A0346;
    public static final int RangeModulatorType = 0x300A0348;
    public static final int RangeModulatorDescription = 0x300A034A;
    public static final int BeamCurrentModulationID = 0x300A034C;
    public static final int PatientSupportType = 0x300A0350;
    public static final int PatientSupportID = 0x300A0352;
    public static final int PatientSupportAccessoryCode = 0x300A0354;
    public static final int TrayAccessoryCode = 0x300A0355;
    public static final int FixationLightAzimuthalAngle = 0x300A0356;
    public static final int FixationLightPolarAngle = 0x300A0358;
    public static final int MetersetRate = 0x300A035A;
    public static final int RangeShifterSettingsSequence = 0x300A0360;
    public static final int RangeShifterSetting = 0x300A0362;
    public static final int IsocenterToRangeShifterDistance = 0x300A0364;
    public static final int RangeShifterWaterEquivalentThickness = 0x300A0366;
    public static final int LateralSpreadingDeviceSettingsSequence = 0x300A0370;
    public static final int LateralSpreadingDeviceSetting = 0x300A0372;
    public static final int IsocenterToLateralSpreadingDeviceDistance = 0x300A0374;
    public static final int RangeModulatorSettingsSequence = 0x300A0380;
    public static final int RangeModulatorGatingStartValue = 0x300A0382;
    public static final int RangeModulatorGatingStopValue = 0x300A0384;
    public static final int RangeModulatorGatingStartWaterEquivalentThickness = 0x300A0386;
    public static final int RangeModulatorGatingStopWaterEquivalentThickness = 0x300A0388;
    public static final int IsocenterToRangeModulatorDistance = 0x300A038A;
    public static final int ScanSpotTimeOffset = 0x300A038F;
    public static final int ScanSpotTuneID = 0x300A0390;
    public static final int ScanSpotPrescribedIndices = 0x300A0391;
    public static final int NumberOfScanSpotPositions = 0x300A0392;
    public static final int ScanSpotReordered = 0x300A0393;
    public static final int ScanSpotPositionMap = 0x300A0394;
    public static final int ScanSpotReorderingAllowed = 0x300A0395;
    public static final int ScanSpotMetersetWeights = 0x300A0396;
    public static final int ScanningSpotSize = 0x300A0398;
    public static final int ScanSpotSizesDelivered = 0x300A0399;
    public static final int NumberOfPaintings = 0x300A039A;
    public static final int IonToleranceTableSequence = 0x300A03A0;
    public static final int IonBeamSequence = 0x300A03A2;
    public static final int IonBeamLimitingDeviceSequence = 0x300A03A4;
    public static final int IonBlockSequence = 0x300A03A6;
    public static final int IonControlPointSequence = 0x300A03A8;
    public static final int IonWedgeSequence = 0x300A03AA;
    public static final int IonWedgePositionSequence = 0x300A03AC;
    public static final int ReferencedSetupImageSequence = 0x300A0401;
    public static final int SetupImageComment = 0x300A0402;
    public static final int MotionSynchronizationSequence = 0x300A0410;
    public static final int ControlPointOrientation = 0x300A0412;
    public static final int GeneralAccessorySequence = 0x300A0420;
    public static final int GeneralAccessoryID = 0x300A0421;
    public static final int GeneralAccessoryDescription = 0x300A0422;
    public static final int GeneralAccessoryType = 0x300A0423;
    public static final int GeneralAccessoryNumber = 0x300A0424;
    public static final int SourceToGeneralAccessoryDistance = 0x300A0425;
    public static final int IsocenterToGeneralAccessoryDistance = 0x300A0426;
    public static final int ApplicatorGeometrySequence = 0x300A0431;
    public static final int ApplicatorApertureShape = 0x300A0432;
    public static final int ApplicatorOpening = 0x300A0433;
    public static final int ApplicatorOpeningX = 0x300A0434;
    public static final int ApplicatorOpeningY = 0x300A0435;
    public static final int SourceToApplicatorMountingPositionDistance = 0x300A0436;
    public static final int NumberOfBlockSlabItems = 0x300A0440;
    public static final int BlockSlabSequence = 0x300A0441;
    public static final int BlockSlabThickness = 0x300A0442;
    public static final int BlockSlabNumber = 0x300A0443;
    public static final int DeviceMotionControlSequence = 0x300A0450;
    public static final int DeviceMotionExecutionMode = 0x300A0451;
    public static final int DeviceMotionObservationMode = 0x300A0452;
    public static final int DeviceMotionParameterCodeSequence = 0x300A0453;
    public static final int DistalDepthFraction = 0x300A0501;
    public static final int DistalDepth = 0x300A0502;
    public static final int NominalRangeModulationFractions = 0x300A0503;
    public static final int NominalRangeModulatedRegionDepths = 0x300A0504;
    public static final int DepthDoseParametersSequence = 0x300A0505;
    public static final int DeliveredDepthDoseParametersSequence = 0x300A0506;
    public static final int DeliveredDistalDepthFraction = 0x300A0507;
    public static final int DeliveredDistalDepth = 0x300A0508;
    public static final int DeliveredNominalRangeModulationFractions = 0x300A0509;
    public static final int DeliveredNominalRangeModulatedRegionDepths = 0x300A0510;
    public static final int DeliveredReferenceDoseDefinition = 0x300A0511;
    public static final int ReferenceDoseDefinition = 0x300A0512;
    public static final int RTControlPointIndex = 0x300A0600;
    public static final int RadiationGenerationModeIndex = 0x300A0601;
    public static final int ReferencedDefinedDeviceIndex = 0x300A0602;
    public static final int RadiationDoseIdentificationIndex = 0x300A0603;
    public static final int NumberOfRTControlPoints = 0x300A0604;
    public static final int ReferencedRadiationGenerationModeIndex = 0x300A0605;
    public static final int TreatmentPositionIndex = 0x300A0606;
    public static final int ReferencedDeviceIndex = 0x300A0607;
    public static final int TreatmentPositionGroupLabel = 0x300A0608;
    public static final int TreatmentPositionGroupUID = 0x300A0609;
    public static final int TreatmentPositionGroupSequence = 0x300A060A;
    public static final int ReferencedTreatmentPositionIndex = 0x300A060B;
    public static final int ReferencedRadiationDoseIdentificationIndex = 0x300A060C;
    public static final int RTAccessoryHolderWaterEquivalentThickness = 0x300A060D;
    public static final int ReferencedRTAccessoryHolderDeviceIndex = 0x300A060E;
    public static final int RTAccessoryHolderSlotExistenceFlag = 0x300A060F;
    public static final int RTAccessoryHolderSlotSequence = 0x300A0610;
    public static final int RTAccessoryHolderSlotID = 0x300A0611;
    public static final int RTAccessoryHolderSlotDistance = 0x300A0612;
    public static final int RTAccessorySlotDistance = 0x300A0613;
    public static final int RTAccessoryHolderDefinitionSequence = 0x300A0614;
    public static final int RTAccessoryDeviceSlotID = 0x300A0615;
    public static final int RTRadiationSequence = 0x300A0616;
    public static final int RadiationDoseSequence = 0x300A0617;
    public static final int RadiationDoseIdentificationSequence = 0x300A0618;
    public static final int RadiationDoseIdentificationLabel = 0x300A0619;
    public static final int ReferenceDoseType = 0x300A061A;
    public static final int PrimaryDoseValueIndicator = 0x300A061B;
    public static final int DoseValuesSequence = 0x300A061C;
    public static final int DoseValuePurpose = 0x300A061D;
    public static final int ReferenceDosePointCoordinates = 0x300A061E;
    public static final int RadiationDoseValuesParametersSequence = 0x300A061F;
    public static final int MetersetToDoseMappingSequence = 0x300A0620;
    public static final int ExpectedInVivoMeasurementValuesSequence = 0x300A0621;
    public static final int ExpectedInVivoMeasurementValueIndex = 0x300A0622;
    public static final int RadiationDoseInVivoMeasurementLabel = 0x300A0623;
    public static final int RadiationDoseCentralAxisDisplacement = 0x300A0624;
    public static final int RadiationDoseValue = 0x300A0625;
    public static final int RadiationDoseSourceToSkinDistance = 0x300A0626;
    public static final int RadiationDoseMeasurementPointCoordinates = 0x300A0627;
    public static final int RadiationDoseSourceToExternalContourDistance = 0x300A0628;
    public static final int RTToleranceSetSequence = 0x300A0629;
    public static final int RTToleranceSetLabel = 0x300A062A;
    public static final int AttributeToleranceValuesSequence = 0x300A062B;
    public static final int ToleranceValue = 0x300A062C;
    public static final int PatientSupportPositionToleranceSequence = 0x300A062D;
    public static final int TreatmentTimeLimit = 0x300A062E;
    public static final int CArmPhotonElectronControlPointSequence = 0x300A062F;
    public static final int ReferencedRTRadiationSequence = 0x300A0630;
    public static final int ReferencedRTInstanceSequence = 0x300A0631;
    /** retired */
    public static final int ReferencedRTPatientSetupSequence = 0x300A0632;

    public static final int SourceToPatientSurfaceDistance = 0x300A0634;
    public static final int TreatmentMachineSpecialModeCodeSequence = 0x300A0635;
    public static final int IntendedNumberOfFractions = 0x300A0636;
    public static final int RTRadiationSetIntent = 0x300A0637;
    public static final int RTRadiationPhysicalAndGeometricContentDetailFlag = 0x300A0638;
    public static final int RTRecordFlag = 0x300A0639;
    public static final int TreatmentDeviceIdentificationSequence = 0x300A063A;
    public static final int ReferencedRTPhysicianIntentSequence = 0x300A063B;
    public static final int CumulativeMeterset = 0x300A063C;
    public static final int DeliveryRate = 0x300A063D;
    public static final int DeliveryRateUnitSequence = 0x300A063E;
    public static final int TreatmentPositionSequence = 0x300A063F;
    public static final int RadiationSourceAxisDistance = 0x300A0640;
    public static final int NumberOfRTBeamLimitingDevices = 0x300A0641;
    public static final int RTBeamLimitingDeviceProximalDistance = 0x300A0642;
    public static final int RTBeamLimitingDeviceDistalDistance = 0x300A0643;
    public static final int ParallelRTBeamDelimiterDeviceOrientationLabelCodeSequence = 0x300A0644;
    public static final int BeamModifierOrientationAngle = 0x300A0645;
    public static final int FixedRTBeamDelimiterDeviceSequence = 0x300A0646;
    public static final int ParallelRTBeamDelimiterDeviceSequence = 0x300A0647;
    public static final int NumberOfParallelRTBeamDelimiters = 0x300A0648;
    public static final int ParallelRTBeamDelimiterBoundaries = 0x300A0649;
    public static final int ParallelRTBeamDelimiterPositions = 0x300A064A;
    public static final int RTBeamLimitingDeviceOffset = 0x300A064B;
    public static final int RTBeamDelimiterGeometrySequence = 0x300A064C;
    public static final int RTBeamLimitingDeviceDefinitionSequence = 0x300A064D;
    public static final int ParallelRTBeamDelimiterOpeningMode = 0x300A064E;
    public static final int ParallelRTBeamDelimiterLeafMountingSide = 0x300A064F;
    /** retired */
    public static final int PatientSetupUID = 0x300A0650;

    public static final int WedgeDefinitionSequence = 0x300A0651;
    public static final int RadiationBeamWedgeAngle = 0x300A0652;
    public static final int RadiationBeamWedgeThinEdgeDistance = 0x300A0653;
    public static final int RadiationBeamEffectiveWedgeAngle = 0x300A0654;
    public static final int NumberOfWedgePositions = 0x300A0655;
    public static final int RTBeamLimitingDeviceOpeningSequence = 0x300A0656;
    public static final int NumberOfRTBeamLimitingDeviceOpenings = 0x300A0657;
    public static final int RadiationDosimeterUnitSequence = 0x300A0658;
    public static final int RTDeviceDistanceReferenceLocationCodeSequence = 0x300A0659;
    public static final int RadiationDeviceConfigurationAndCommissioningKeySequence = 0x300A065A;
    public static final int PatientSupportPositionParameterSequence = 0x300A065B;
    public static final int PatientSupportPositionSpecificationMethod = 0x300A065C;
    public static final int PatientSupportPositionDeviceParameterSequence = 0x300A065D;
    public static final int DeviceOrderIndex = 0x300A065E;
    public static final int PatientSupportPositionParameterOrderIndex = 0x300A065F;
    public static final int PatientSupportPositionDeviceToleranceSequence = 0x300A0660;
    public static final int PatientSupportPositionToleranceOrderIndex = 0x300A0661;
    public static final int CompensatorDefinitionSequence = 0x300A0662;
    public static final int CompensatorMapOrientation = 0x300A0663;
    public static final int CompensatorProximalThicknessMap = 0x300A0664;
    public static final int CompensatorDistalThicknessMap = 0x300A0665;
    public static final int CompensatorBasePlaneOffset = 0x300A0666;
    public static final int CompensatorShapeFabricationCodeSequence = 0x300A0667;
    public static final int CompensatorShapeSequence = 0x300A0668;
    public static final int RadiationBeamCompensatorMillingToolDiameter = 0x300A0669;
    public static final int BlockDefinitionSequence = 0x300A066A;
    public static final int BlockEdgeData = 0x300A066B;
    public static final int BlockOrientation = 0x300A066C;
    public static final int RadiationBeamBlockThickness = 0x300A066D;
    public static final int RadiationBeamBlockSlabThickness = 0x300A066E;
    public static final int BlockEdgeDataSequence = 0x300A066F;
    public static final int NumberOfRTAccessoryHolders = 0x300A0670;
    public static final int GeneralAccessoryDefinitionSequence = 0x300A0671;
    public static final int NumberOfGeneralAccessories = 0x300A0672;
    public static final int BolusDefinitionSequence = 0x300A0673;
    public static final int NumberOfBoluses = 0x300A0674;
    public static final int EquipmentFrameOfReferenceUID = 0x300A0675;
    public static final int EquipmentFrameOfReferenceDescription = 0x300A0676;
    public static final int EquipmentReferencePointCoordinatesSequence = 0x300A0677;
    public static final int EquipmentReferencePointCodeSequence = 0x300A0678;
    public static final int RTBeamLimitingDeviceAngle = 0x300A0679;
    public static final int SourceRollAngle = 0x300A067A;
    public static final int RadiationGenerationModeSequence = 0x300A067B;
    public static final int RadiationGenerationModeLabel = 0x300A067C;
    public static final int RadiationGenerationModeDescription = 0x300A067D;
    public static final int RadiationGenerationModeMachineCodeSequence = 0x300A067E;
    public static final int RadiationTypeCodeSequence = 0x300A067F;
    public static final int NominalEnergy = 0x300A0680;
    public static final int MinimumNominalEnergy = 0x300A0681;
    public static final int MaximumNominalEnergy = 0x300A0682;
    public static final int RadiationFluenceModifierCodeSequence = 0x300A0683;
    public static final int EnergyUnitCodeSequence = 0x300A0684;
    public static final int NumberOfRadiationGenerationModes = 0x300A0685;
    public static final int PatientSupportDevicesSequence = 0x300A0686;
    public static final int NumberOfPatientSupportDevices = 0x300A0687;
    public static final int RTBeamModifierDefinitionDistance = 0x300A0688;
    public static final int BeamAreaLimitSequence = 0x300A0689;
    public static final int ReferencedRTPrescriptionSequence = 0x300A068A;
    public static final int TreatmentSessionUID = 0x300A0700;
    public static final int RTRadiationUsage = 0x300A0701;
    public static final int ReferencedRTRadiationSetSequence = 0x300A0702;
    public static final int ReferencedRTRadiationRecordSequence = 0x300A0703;
    public static final int RTRadiationSetDeliveryNumber = 0x300A0704;
    public static final int ClinicalFractionNumber = 0x300A0705;
    public static final int RTTreatmentFractionCompletionStatus = 0x300A0706;
    public static final int RTRadiationSetUsage = 0x300A0707;
    public static final int TreatmentDeliveryContinuationFlag = 0x300A0708;
    public static final int TreatmentRecordContentOrigin = 0x300A0709;
    public static final int RTTreatmentTerminationStatus = 0x300A0714;
    public static final int RTTreatmentTerminationReasonCodeSequence = 0x300A0715;
    public static final int MachineSpecificTreatmentTerminationCodeSequence = 0x300A0716;
    public static final int RTRadiationSalvageRecordControlPointSequence = 0x300A0722;
    public static final int StartingMetersetValueKnownFlag = 0x300A0723;
    public static final int TreatmentTerminationDescription = 0x300A0730;
    public static final int TreatmentToleranceViolationSequence = 0x300A0731;
    public static final int TreatmentToleranceViolationCategory = 0x300A0732;
    public static final int TreatmentToleranceViolationAttributeSequence = 0x300A0733;
    public static final int TreatmentToleranceViolationDescription = 0x300A0734;
    public static final int TreatmentToleranceViolationIdentification = 0x300A0735;
    public static final int TreatmentToleranceViolationDateTime = 0x300A0736;
    public static final int RecordedRTControlPointDateTime = 0x300A073A;
    public static final int ReferencedRadiationRTControlPointIndex = 0x300A073B;
    public static final int AlternateValueSequence = 0x300A073E;
    public static final int ConfirmationSequence = 0x300A073F;
    public static final int InterlockSequence = 0x300A0740;
    public static final int InterlockDateTime = 0x300A0741;
    public static final int InterlockDescription = 0x300A0742;
    public static final int InterlockOriginatingDeviceSequence = 0x300A0743;
    public static final int InterlockCodeSequence = 0x300A0744;
    public static final int InterlockResolutionCodeSequence = 0x300A0745;
    public static final int InterlockResolutionUserSequence = 0x300A0746;
    public static final int OverrideDateTime = 0x300A0760;
    public static final int TreatmentToleranceViolationTypeCodeSequence = 0x300A0761;
    public static final int TreatmentToleranceViolationCauseCodeSequence = 0x300A0762;
    public static final int MeasuredMetersetToDoseMappingSequence = 0x300A0772;
    public static final int ReferencedExpectedInVivoMeasurementValueIndex = 0x300A0773;
    public static final int DoseMeasurementDeviceCodeSequence = 0x300A0774;
    public static final int AdditionalParameterRecordingInstanceSequence = 0x300A0780;
    public static final int InterlockOriginDescription = 0x300A0783;
    public static final int RTPatientPositionScopeSequence = 0x300A0784;
    public static final int ReferencedTreatmentPositionGroupUID = 0x300A0785;
    public static final int RadiationOrderIndex = 0x300A0786;
    public static final int OmittedRadiationSequence = 0x300A0787;
    public static final int ReasonForOmissionCodeSequence = 0x300A0788;
    public static final int RTDeliveryStartPatientPositionSequence = 0x300A0789;
    public static final int RTTreatmentPreparationPatientPositionSequence = 0x300A078A;
    public static final int ReferencedRTTreatmentPreparationSequence = 0x300A078B;
    public static final int ReferencedPatientSetupPhotoSequence = 0x300A078C;
    public static final int PatientTreatmentPreparationMethodCodeSequence = 0x300A078D;
    public static final int PatientTreatmentPreparationProcedureParameterDescription = 0x300A078E;
    public static final int PatientTreatmentPreparationDeviceSequence = 0x300A078F;
    public static final int PatientTreatmentPreparationProcedureSequence = 0x300A0790;
    public static final int PatientTreatmentPreparationProcedureCodeSequence = 0x300A0791;
    public static final int PatientTreatmentPreparationMethodDescription = 0x300A0792;
    public static final int PatientTreatmentPreparationProcedureParameterSequence = 0x300A0793;
    public static final int PatientSetupPhotoDescription = 0x300A0794;
    public static final int PatientTreatmentPreparationProcedureIndex = 0x300A0795;
    public static final int ReferencedPatientSetupProcedureIndex = 0x300A0796;
    public static final int RTRadiationTaskSequence = 0x300A0797;
    public static final int RTPatientPositionDisplacementSequence = 0x300A0798;
    public static final int RTPatientPositionSequence = 0x300A0799;
    public static final int DisplacementReferenceLabel = 0x300A079A;
    public static final int DisplacementMatrix = 0x300A079B;
    public static final int PatientSupportDisplacementSequence = 0x300A079C;
    public static final int DisplacementReferenceLocationCodeSequence = 0x300A079D;
    public static final int RTRadiationSetDeliveryUsage = 0x300A079E;
    public static final int ReferencedRTPlanSequence = 0x300C0002;
    public static final int ReferencedBeamSequence = 0x300C0004;
    public static final int ReferencedBeamNumber = 0x300C0006;
    public static final int ReferencedReferenceImageNumber = 0x300C0007;
    public static final int StartCumulativeMetersetWeight = 0x300C0008;
    public static final int EndCumulativeMetersetWeight = 0x300C0009;
    public static final int ReferencedBrachyApplicationSetupSequence = 0x300C000A;
    public static final int ReferencedBrachyApplicationSetupNumber = 0x300C000C;
    public static final int ReferencedSourceNumber = 0x300C000E;
    public static final int ReferencedFractionGroupSequence = 0x300C0020;
    public static final int ReferencedFractionGroupNumber = 0x300C0022;
    public static final int ReferencedVerificationImageSequence = 0x300C0040;
    public static final int ReferencedReferenceImageSequence = 0x300C0042;
    public static final int ReferencedDoseReferenceSequence = 0x300C0050;
    public static final int ReferencedDoseReferenceNumber = 0x300C0051;
    public static final int BrachyReferencedDoseReferenceSequence = 0x300C0055;
    public static final int ReferencedStructureSetSequence = 0x300C0060;
    public static final int ReferencedPatientSetupNumber = 0x300C006A;
    public static final int ReferencedDoseSequence = 0x300C0080;
    public static final int ReferencedToleranceTableNumber = 0x300C00A0;
    public static final int ReferencedBolusSequence = 0x300C00B0;
    public static final int ReferencedWedgeNumber = 0x300C00C0;
    public static final int ReferencedCompensatorNumber = 0x300C00D0;
    public static final int ReferencedBlockNumber = 0x300C00E0;
    public static final int ReferencedControlPointIndex = 0x300C00F0;
    public static final int ReferencedControlPointSequence = 0x300C00F2;
    public static final int ReferencedStartControlPointIndex = 0x300C00F4;
    public static final int ReferencedStopControlPointIndex = 0x300C00F6;
    public static final int ReferencedRangeShifterNumber = 0x300C0100;
    public static final int ReferencedLateralSpreadingDeviceNumber = 0x300C0102;
    public static final int ReferencedRangeModulatorNumber = 0x300C0104;
    public static final int OmittedBeamTaskSequence = 0x300C0111;
    public static final int ReasonForOmission = 0x300C0112;
    public static final int ReasonForOmissionDescription = 0x300C0113;
    public static final int PrescriptionOverviewSequence = 0x300C0114;
    public static final int TotalPrescriptionDose = 0x300C0115;
    public static final int PlanOverviewSequence = 0x300C0116;
    public static final int PlanOverviewIndex = 0x300C0117;
    public static final int ReferencedPlanOverviewIndex = 0x300C0118;
    public static final int NumberOfFractionsIncluded = 0x300C0119;
    public static final int DoseCalibrationConditionsSequence = 0x300C0120;
    public static final int AbsorbedDoseToMetersetRatio = 0x300C0121;
    public static final int DelineatedRadiationFieldSize = 0x300C0122;
    public static final int DoseCalibrationConditionsVerifiedFlag = 0x300C0123;
    public static final int CalibrationReferencePointDepth = 0x300C0124;
    public static final int GatingBeamHoldTransitionSequence = 0x300C0125;
    public static final int BeamHoldTransition = 0x300C0126;
    public static final int BeamHoldTransitionDateTime = 0x300C0127;
    public static final int BeamHoldOriginatingDeviceSequence = 0x300C0128;
    public static final int ApprovalStatus = 0x300E0002;
    public static final int ReviewDate = 0x300E0004;
    public static final int ReviewTime = 0x300E0005;
    public static final int ReviewerName = 0x300E0008;
    public static final int RadiobiologicalDoseEffectSequence = 0x30100001;
    public static final int RadiobiologicalDoseEffectFlag = 0x30100002;
    public static final int EffectiveDoseCalculationMethodCategoryCodeSequence = 0x30100003;
    public static final int EffectiveDoseCalculationMethodCodeSequence = 0x30100004;
    public static final int EffectiveDoseCalculationMethodDescription = 0x30100005;
    public static final int ConceptualVolumeUID = 0x30100006;
    public static final int OriginatingSOPInstanceReferenceSequence = 0x30100007;
    public static final int ConceptualVolumeConstituentSequence = 0x30100008;
    public static final int EquivalentConceptualVolumeInstanceReferenceSequence = 0x30100009;
    public static final int EquivalentConceptualVolumesSequence = 0x3010000A;
    public static final int ReferencedConceptualVolumeUID = 0x3010000B;
    public static final int ConceptualVolumeCombinationExpression = 0x3010000C;
    public static final int ConceptualVolumeConstituentIndex = 0x3010000D;
    public static final int ConceptualVolumeCombinationFlag = 0x3010000E;
    public static final int ConceptualVolumeCombinationDescription = 0x3010000F;
    public static final int ConceptualVolumeSegmentationDefinedFlag = 0x30100010;
    public static final int ConceptualVolumeSegmentationReferenceSequence = 0x30100011;
    public static final int ConceptualVolumeConstituentSegmentationReferenceSequence = 0x30100012;
    public static final int ConstituentConceptualVolumeUID = 0x30100013;
    public static final int DerivationConceptualVolumeSequence = 0x30100014;
    public static final int SourceConceptualVolumeUID = 0x30100015;
    public static final int ConceptualVolumeDerivationAlgorithmSequence = 0x30100016;
    public static final int ConceptualVolumeDescription = 0x30100017;
    public static final int SourceConceptualVolumeSequence = 0x30100018;
    public static final int AuthorIdentificationSequence = 0x30100019;
    public static final int ManufacturerModelVersion = 0x3010001A;
    public static final int DeviceAlternateIdentifier = 0x3010001B;
    public static final int DeviceAlternateIdentifierType = 0x3010001C;
    public static final int DeviceAlternateIdentifierFormat = 0x3010001D;
    public static final int SegmentationCreationTemplateLabel = 0x3010001E;
    public static final int SegmentationTemplateUID = 0x3010001F;
    public static final int ReferencedSegmentReferenceIndex = 0x30100020;
    public static final int SegmentReferenceSequence = 0x30100021;
    public static final int SegmentReferenceIndex = 0x30100022;
    public static final int DirectSegmentReferenceSequence = 0x30100023;
    public static final int CombinationSegmentReferenceSequence = 0x30100024;
    public static final int ConceptualVolumeSequence = 0x30100025;
    public static final int SegmentedRTAccessoryDeviceSequence = 0x30100026;
    public static final int SegmentCharacteristicsSequence = 0x30100027;
    public static final int RelatedSegmentCharacteristicsSequence = 0x30100028;
    public static final int SegmentCharacteristicsPrecedence = 0x30100029;
    public static final int RTSegmentAnnotationSequence = 0x3010002A;
    public static final int SegmentAnnotationCategoryCodeSequence = 0x3010002B;
    public static final int SegmentAnnotationTypeCodeSequence = 0x3010002C;
    public static final int DeviceLabel = 0x3010002D;
    public static final int DeviceTypeCodeSequence = 0x3010002E;
    public static final int SegmentAnnotationTypeModifierCodeSequence = 0x3010002F;
    public static final int PatientEquipmentRelationshipCodeSequence = 0x30100030;
    public static final int ReferencedFiducialsUID = 0x30100031;
    public static final int PatientTreatmentOrientationSequence = 0x30100032;
    public static final int UserContentLabel = 0x30100033;
    public static final int UserContentLongLabel = 0x30100034;
    public static final int EntityLabel = 0x30100035;
    public static final int EntityName = 0x30100036;
    public static final int EntityDescription = 0x30100037;
    public static final int EntityLongLabel = 0x30100038;
    public static final int DeviceIndex = 0x30100039;
    public static final int RTTreatmentPhaseIndex = 0x3010003A;
    public static final int RTTreatmentPhaseUID = 0x3010003B;
    public static final int RTPrescriptionIndex = 0x3010003C;
    public static final int RTSegmentAnnotationIndex = 0x3010003D;
    public static final int BasisRTTreatmentPhaseIndex = 0x3010003E;
    public static final int RelatedRTTreatmentPhaseIndex = 0x3010003F;
    public static final int ReferencedRTTreatmentPhaseIndex = 0x30100040;
    public static final int ReferencedRTPrescriptionIndex = 0x30100041;
    public static final int ReferencedParentRTPrescriptionIndex = 0x30100042;
    public static final int ManufacturerDeviceIdentifier = 0x30100043;
    public static final int InstanceLevelReferencedPerformedProcedureStepSequence = 0x30100044;
    public static final int RTTreatmentPhaseIntentPresenceFlag = 0x30100045;
    public static final int RadiotherapyTreatmentType = 0x30100046;
    public static final int TeletherapyRadiationType = 0x30100047;
    public static final int BrachytherapySourceType = 0x30100048;
    public static final int ReferencedRTTreatmentPhaseSequence = 0x30100049;
    public static final int ReferencedDirectSegmentInstanceSequence = 0x3010004A;
    public static final int IntendedRTTreatmentPhaseSequence = 0x3010004B;
    public static final int IntendedPhaseStartDate = 0x3010004C;
    public static final int IntendedPhaseEndDate = 0x3010004D;
    public static final int RTTreatmentPhaseIntervalSequence = 0x3010004E;
    public static final int TemporalRelationshipIntervalAnchor = 0x3010004F;
    public static final int MinimumNumberOfIntervalDays = 0x30100050;
    public static final int MaximumNumberOfIntervalDays = 0x30100051;
    public static final int PertinentSOPClassesInStudy = 0x30100052;
    public static final int PertinentSOPClassesInSeries = 0x30100053;
    public static final int RTPrescriptionLabel = 0x30100054;
    public static final int RTPhysicianIntentPredecessorSequence = 0x30100055;
    public static final int RTTreatmentApproachLabel = 0x30100056;
    public static final int RTPhysicianIntentSequence = 0x30100057;
    public static final int RTPhysicianIntentIndex = 0x30100058;
    public static final int RTTreatmentIntentType = 0x30100059;
    public static final int RTPhysicianIntentNarrative = 0x3010005A;
    public static final int RTProtocolCodeSequence = 0x3010005B;
    public static final int ReasonForSuperseding = 0x3010005C;
    public static final int RTDiagnosisCodeSequence = 0x3010005D;
    public static final int ReferencedRTPhysicianIntentIndex = 0x3010005E;
    public static final int RTPhysicianIntentInputInstanceSequence = 0x3010005F;
    public static final int RTAnatomicPrescriptionSequence = 0x30100060;
    public static final int PriorTreatmentDoseDescription = 0x30100061;
    public static final int PriorTreatmentReferenceSequence = 0x30100062;
    public static final int DosimetricObjectiveEvaluationScope = 0x30100063;
    public static final int TherapeuticRoleCategoryCodeSequence = 0x30100064;
    public static final int TherapeuticRoleTypeCodeSequence = 0x30100065;
    public static final int ConceptualVolumeOptimizationPrecedence = 0x30100066;
    public static final int ConceptualVolumeCategoryCodeSequence = 0x30100067;
    public static final int ConceptualVolumeBlockingConstraint = 0x30100068;
    public static final int ConceptualVolumeTypeCodeSequence = 0x30100069;
    public static final int ConceptualVolumeTypeModifierCodeSequence = 0x3010006A;
    public static final int RTPrescriptionSequence = 0x3010006B;
    public static final int DosimetricObjectiveSequence = 0x3010006C;
    public static final int DosimetricObjectiveTypeCodeSequence = 0x3010006D;
    public static final int DosimetricObjectiveUID = 0x3010006E;
    public static final int ReferencedDosimetricObjectiveUID = 0x3010006F;
    public static final int DosimetricObjectiveParameterSequence = 0x30100070;
    public static final int ReferencedDosimetricObjectivesSequence = 0x30100071;
    public static final int AbsoluteDosimetricObjectiveFlag = 0x30100073;
    public static final int DosimetricObjectiveWeight = 0x30100074;
    public static final int DosimetricObjectivePurpose = 0x30100075;
    public static final int PlanningInputInformationSequence = 0x30100076;
    public static final int TreatmentSite = 0x30100077;
    public static final int TreatmentSiteCodeSequence = 0x30100078;
    public static final int FractionPatternSequence = 0x30100079;
    public static final int TreatmentTechniqueNotes = 0x3010007A;
    public static final int PrescriptionNotes = 0x3010007B;
    public static final int NumberOfIntervalFractions = 0x3010007C;
    public static final int NumberOfFractions = 0x3010007D;
    public static final int IntendedDeliveryDuration = 0x3010007E;
    public static final int FractionationNotes = 0x3010007F;
    public static final int RTTreatmentTechniqueCodeSequence = 0x30100080;
    public static final int PrescriptionNotesSequence = 0x30100081;
    public static final int FractionBasedRelationshipSequence = 0x30100082;
    public static final int FractionBasedRelationshipIntervalAnchor = 0x30100083;
    public static final int MinimumHoursBetweenFractions = 0x30100084;
    public static final int IntendedFractionStartTime = 0x30100085;
    public static final int IntendedStartDayOfWeek = 0x30100086;
    public static final int WeekdayFractionPatternSequence = 0x30100087;
    public static final int DeliveryTimeStructureCodeSequence = 0x30100088;
    public static final int TreatmentSiteModifierCodeSequence = 0x30100089;
    public static final int RoboticBaseLocationIndicator = 0x30100090;
    public static final int RoboticPathNodeSetCodeSequence = 0x30100091;
    public static final int RoboticNodeIdentifier = 0x30100092;
    public static final int RTTreatmentSourceCoordinates = 0x30100093;
    public static final int RadiationSourceCoordinateSystemYawAngle = 0x30100094;
    public static final int RadiationSourceCoordinateSystemRollAngle = 0x30100095;
    public static final int RadiationSourceCoordinateSystemPitchAngle = 0x30100096;
    public static final int RoboticPathControlPointSequence = 0x30100097;
    public static final int TomotherapeuticControlPointSequence = 0x30100098;
    public static final int TomotherapeuticLeafOpenDurations = 0x30100099;
    public static final int TomotherapeuticLeafInitialClosedDurations = 0x3010009A;
    /** retired */
    public static final int Arbitrary = 0x40000010;
    /** retired */
    public static final int TextComments = 0x40004000;
    /** retired */
    public static final int ResultsID = 0x40080040;
    /** retired */
    public static final int ResultsIDIssuer = 0x40080042;
    /** retired */
    public static final int ReferencedInterpretationSequence = 0x40080050;
    /** retired */
    public static final int ReportProductionStatusTrial = 0x400800FF;
    /** retired */
    public static final int InterpretationRecordedDate = 0x40080100;
    /** retired */
    public static final int InterpretationRecordedTime = 0x40080101;
    /** retired */
    public static final int InterpretationRecorder = 0x40080102;
    /** retired */
    public static final int ReferenceToRecordedSound = 0x40080103;
    /** retired */
    public static final int InterpretationTranscriptionDate = 0x40080108;
    /** retired */
    public static final int InterpretationTranscriptionTime = 0x40080109;
    /** retired */
    public static final int InterpretationTranscriber = 0x4008010A;
    /** retired */
    public static final int InterpretationText = 0x4008010B;
    /** retired */
    public static final int InterpretationAuthor = 0x4008010C;
    /** retired */
    public static final int InterpretationApproverSequence = 0x40080111;
    /** retired */
    public static final int InterpretationApprovalDate = 0x40080112;
    /** retired */
    public static final int InterpretationApprovalTime = 0x40080113;
    /** retired */
    public static final int PhysicianApprovingInterpretation = 0x40080114;
    /** retired */
    public static final int InterpretationDiagnosisDescription = 0x40080115;
    /** retired */
    public static final int InterpretationDiagnosisCodeSequence = 0x40080117;
    /** retired */
    public static final int ResultsDistributionListSequence = 0x40080118;
    /** retired */
    public static final int DistributionName = 0x40080119;
    /** retired */
    public static final int DistributionAddress = 0x4008011A;
    /** retired */
    public static final int InterpretationID = 0x40080200;
    /** retired */
    public static final int InterpretationIDIssuer = 0x40080202;
    /** retired */
    public static final int InterpretationTypeID = 0x40080210;
    /** retired */
    public static final int InterpretationStatusID = 0x40080212;
    /** retired */
    public static final int Impressions = 0x40080300;
    /** retired */
    public static final int ResultsComments = 0x40084000;

    public static final int LowEnergyDetectors = 0x40100001;
    public static final int HighEnergyDetectors = 0x40100002;
    public static final int DetectorGeometrySequence = 0x40100004;
    public static final int ThreatROIVoxelSequence = 0x40101001;
    public static final int ThreatROIBase = 0x40101004;
    public static final int ThreatROIExtents = 0x40101005;
    public static final int ThreatROIBitmap = 0x40101006;
    public static final int RouteSegmentID = 0x40101007;
    public static final int GantryType = 0x40101008;
    public static final int OOIOwnerType = 0x40101009;
    public static final int RouteSegmentSequence = 0x4010100A;
    public static final int PotentialThreatObjectID = 0x40101010;
    public static final int ThreatSequence = 0x40101011;
    public static final int ThreatCategory = 0x40101012;
    public static final int ThreatCategoryDescription = 0x40101013;
    public static final int ATDAbilityAssessment = 0x40101014;
    public static final int ATDAssessmentFlag = 0x40101015;
    public static final int ATDAssessmentProbability = 0x40101016;
    public static final int Mass = 0x40101017;
    public static final int Density = 0x40101018;
    public static final int ZEffective = 0x40101019;
    public static final int BoardingPassID = 0x4010101A;
    public static final int CenterOfMass = 0x4010101B;
    public static final int CenterOfPTO = 0x4010101C;
    public static final int BoundingPolygon = 0x4010101D;
    public static final int RouteSegmentStartLocationID = 0x4010101E;
    public static final int RouteSegmentEndLocationID = 0x4010101F;
    public static final int RouteSegmentLocationIDType = 0x40101020;
    public static final int AbortReason = 0x40101021;
    public static final int VolumeOfPTO = 0x40101023;
    public static final int AbortFlag = 0x40101024;
    public static final int RouteSegmentStartTime = 0x40101025;
    public static final int RouteSegmentEndTime = 0x40101026;
    public static final int TDRType = 0x40101027;
    public static final int InternationalRouteSegment = 0x40101028;
    public static final int ThreatDetectionAlgorithmAndVersion = 0x40101029;
    public static final int AssignedLocation = 0x4010102A;
    public static final int AlarmDecisionTime = 0x4010102B;
    public static final int AlarmDecision = 0x40101031;
    public static final int NumberOfTotalObjects = 0x40101033;
    public static final int NumberOfAlarmObjects = 0x40101034;
    public static final int PTORepresentationSequence = 0x40101037;
    public static final int ATDAssessmentSequence = 0x40101038;
    public static final int TIPType = 0x40101039;
    public static final int DICOSVersion = 0x4010103A;
    public static final int OOIOwnerCreationTime = 0x40101041;
    public static final int OOIType = 0x40101042;
    public static final int OOISize = 0x40101043;
    public static final int AcquisitionStatus = 0x40101044;
    public static final int BasisMaterialsCodeSequence = 0x40101045;
    public static final int PhantomType = 0x40101046;
    public static final int OOIOwnerSequence = 0x40101047;
    public static final int ScanType = 0x40101048;
    public static final int ItineraryID = 0x40101051;
    public static final int ItineraryIDType = 0x40101052;
    public static final int ItineraryIDAssigningAuthority = 0x40101053;
    public static final int RouteID = 0x40101054;
    public static final int RouteIDAssigningAuthority = 0x40101055;
    public static final int InboundArrivalType = 0x40101056;
    public static final int CarrierID = 0x40101058;
    public static final int CarrierIDAssigningAuthority = 0x40101059;
    public static final int SourceOrientation = 0x40101060;
    public static final int SourcePosition = 0x40101061;
    public static final int BeltHeight = 0x40101062;
    public static final int AlgorithmRoutingCodeSequence = 0x40101064;
    public static final int TransportClassification = 0x40101067;
    public static final int OOITypeDescriptor = 0x40101068;
    public static final int TotalProcessingTime = 0x40101069;
    public static final int DetectorCalibrationData = 0x4010106C;
    public static final int AdditionalScreeningPerformed = 0x4010106D;
    public static final int AdditionalInspectionSelectionCriteria = 0x4010106E;
    public static final int AdditionalInspectionMethodSequence = 0x4010106F;
    public static final int AITDeviceType = 0x40101070;
    public static final int QRMeasurementsSequence = 0x40101071;
    public static final int TargetMaterialSequence = 0x40101072;
    public static final int SNRThreshold = 0x40101073;
    public static final int ImageScaleRepresentation = 0x40101075;
    public static final int ReferencedPTOSequence = 0x40101076;
    public static final int ReferencedTDRInstanceSequence = 0x40101077;
    public static final int PTOLocationDescription = 0x40101078;
    public static final int AnomalyLocatorIndicatorSequence = 0x40101079;
    public static final int AnomalyLocatorIndicator = 0x4010107A;
    public static final int PTORegionSequence = 0x4010107B;
    public static final int InspectionSelectionCriteria = 0x4010107C;
    public static final int SecondaryInspectionMethodSequence = 0x4010107D;
    public static final int PRCSToRCSOrientation = 0x4010107E;
    public static final int MACParametersSequence = 0x4FFE0001;
    /** repeating (50xx,0005); retired */
    public static final int CurveDimensions = 0x50000005;
    /** repeating (50xx,0010); retired */
    public static final int NumberOfPoints = 0x50000010;
    /** repeating (50xx,0020); retired */
    public static final int TypeOfData = 0x50000020;
    /** repeating (50xx,0022); retired */
    public static final int CurveDescription = 0x50000022;
    /** repeating (50xx,0030); retired */
    public static final int AxisUnits = 0x50000030;
    /** repeating (50xx,0040); retired */
    public static final int AxisLabels = 0x50000040;
    /** repeating (50xx,0103); retired */
    public static final int DataValueRepresentation = 0x50000103;
    /** repeating (50xx,0104); retired */
    public static final int MinimumCoordinateValue = 0x50000104;
    /** repeating (50xx,0105); retired */
    public static final int MaximumCoordinateValue = 0x50000105;
    /** repeating (50xx,0106); retired */
    public static final int CurveRange = 0x50000106;
    /** repeating (50xx,0110); retired */
    public static final int CurveDataDescriptor = 0x50000110;
    /** repeating (50xx,0112); retired */
    public static final int CoordinateStartValue = 0x50000112;
    /** repeating (50xx,0114); retired */
    public static final int CoordinateStepValue = 0x50000114;
    /** repeating (50xx,1001); retired */
    public static final int CurveActivationLayer = 0x50001001;
    /** repeating (50xx,2000); retired */
    public static final int AudioType = 0x50002000;
    /** repeating (50xx,2002); retired */
    public static final int AudioSampleFormat = 0x50002002;
    /** repeating (50xx,2004); retired */
    public static final int NumberOfChannels = 0x50002004;
    /** repeating (50xx,2006); retired */
    public static final int NumberOfSamples = 0x50002006;
    /** repeating (50xx,2008); retired */
    public static final int SampleRate = 0x50002008;
    /** repeating (50xx,200A); retired */
    public static final int TotalTime = 0x5000200A;
    /** repeating (50xx,200C); retired */
    public static final int AudioSampleData = 0x5000200C;
    /** repeating (50xx,200E); retired */
    public static final int AudioComments = 0x5000200E;
    /** repeating (50xx,2500); retired */
    public static final int CurveLabel = 0x50002500;
    /** repeating (50xx,2600); retired */
    public static final int CurveReferencedOverlaySequence = 0x50002600;
    /** repeating (50xx,2610); retired */
    public static final int CurveReferencedOverlayGroup = 0x50002610;
    /** repeating (50xx,3000); retired */
    public static final int CurveData = 0x50003000;

    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    public static final int WaveformSequence = 0x54000100;
    public static final int ChannelMinimumValue = 0x54000110;
    public static final int ChannelMaximumValue = 0x54000112;
    public static final int WaveformBitsAllocated = 0x54001004;
    public static final int WaveformSampleInterpretation = 0x54001006;
    public static final int WaveformPaddingValue = 0x5400100A;
    public static final int WaveformData = 0x54001010;
    public static final int FirstOrderPhaseCorrectionAngle = 0x56000010;
    public static final int SpectroscopyData = 0x56000020;
    /** repeating (60xx,0010) */
    public static final int OverlayRows = 0x60000010;
    /** repeating (60xx,0011) */
    public static final int OverlayColumns = 0x60000011;
    /** repeating (60xx,0012); retired */
    public static final int OverlayPlanes = 0x60000012;
    /** repeating (60xx,0015) */
    public static final int NumberOfFramesInOverlay = 0x60000015;
    /** repeating (60xx,0022) */
    public static final int OverlayDescription = 0x60000022;
    /** repeating (60xx,0040) */
    public static final int OverlayType = 0x60000040;
    /** repeating (60xx,0045) */
    public static final int OverlaySubtype = 0x60000045;
    /** repeating (60xx,0050) */
    public static final int OverlayOrigin = 0x60000050;
    /** repeating (60xx,0051) */
    public static final int ImageFrameOrigin = 0x60000051;
    /** repeating (60xx,0052); retired */
    public static final int OverlayPlaneOrigin = 0x60000052;
    /** repeating (60xx,0060); retired */
    public static final int OverlayCompressionCode = 0x60000060;
    /** repeating (60xx,0061); retired */
    public static final int OverlayCompressionOriginator = 0x60000061;
    /** repeating (60xx,0062); retired */
    public static final int OverlayCompressionLabel = 0x60000062;
    /** repeating (60xx,0063); retired */
    public static final int OverlayCompressionDescription = 0x60000063;
    /** repeating (60xx,0066); retired */
    public static final int OverlayCompressionStepPointers = 0x60000066;
    /** repeating (60xx,0068); retired */
    public static final int OverlayRepeatInterval = 0x60000068;
    /** repeating (60xx,0069); retired */
    public static final int OverlayBitsGrouped = 0x60000069;
    /** repeating (60xx,0100) */
    public static final int OverlayBitsAllocated = 0x60000100;
    /** repeating (60xx,0102) */
    public static final int OverlayBitPosition = 0x60000102;
    /** repeating (60xx,0110); retired */
    public static final int OverlayFormat = 0x60000110;
    /** repeating (60xx,0200); retired */
    public static final int OverlayLocation = 0x60000200;
    /** repeating (60xx,0800); retired */
    public static final int OverlayCodeLabel = 0x60000800;
    /** repeating (60xx,0802); retired */
    public static final int OverlayNumberOfTables = 0x60000802;
    /** repeating (60xx,0803); retired */
    public static final int OverlayCodeTableLocation = 0x60000803;
    /** repeating (60xx,0804); retired */
    public static final int OverlayBitsForCodeWord = 0x60000804;
    /** repeating (60xx,1001) */
    public static final int OverlayActivationLayer = 0x60001001;
    /** repeating (60xx,1100); retired */
    public static final int OverlayDescriptorGray = 0x60001100;
    /** repeating (60xx,1101); retired */
    public static final int OverlayDescriptorRed = 0x60001101;
    /** repeating (60xx,1102); retired */
    public static final int OverlayDescriptorGreen = 0x60001102;
    /** repeating (60xx,1103); retired */
    public static final int OverlayDescriptorBlue = 0x60001103;
    /** repeating (60xx,1200); retired */
    public static final int OverlaysGray = 0x60001200;
    /** repeating (60xx,1201); retired */
    public static final int OverlaysRed = 0x60001201;
    /** repeating (60xx,1202); retired */
    public static final int OverlaysGreen = 0x60001202;
    /** repeating (60xx,1203); retired */
    public static final int OverlaysBlue = 0x60001203;
    /** repeating (60xx,1301) */
    public static final int ROIArea = 0x60001301;
    /** repeating (60xx,1302) */
    public static final int ROIMean = 0x60001302;
    /** repeating (60xx,1303) */
    public static final int ROIStandardDeviation = 0x60001303;
    /** repeating (60xx,1500) */
    public static final int OverlayLabel = 0x60001500;
    /** repeating (60xx,3000) */
    public static final int OverlayData = 0x60003000;
    /** repeating (60xx,4000); retired */
    public static final int OverlayComments = 0x60004000;
    /** repeating (7Fxx,0010); retired */
    public static final int VariablePixelData = 0x7F000010;
    /** repeating (7Fxx,0011); retired */
    public static final int VariableNextDataGroup = 0x7F000011;
    /** repeating (7Fxx,0020); retired */
    public static final int VariableCoefficientsSDVN = 0x7F000020;
    /** repeating (7Fxx,0030); retired */
    public static final int VariableCoefficientsSDHN = 0x7F000030;
    /** repeating (7Fxx,0040); retired */
    public static final int VariableCoefficientsSDDN = 0x7F000040;

    public static final int ExtendedOffsetTable = 0x7FE00001;
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;
    /** retired */
    public static final int CoefficientsSDVN = 0x7FE00020;
    /** retired */
    public static final int CoefficientsSDHN = 0x7FE00030;
    /** retired */
    public static final int CoefficientsSDDN = 0x7FE00040;

    public static final int DigitalSignaturesSequence = 0xFFFAFFFA;
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;
}
