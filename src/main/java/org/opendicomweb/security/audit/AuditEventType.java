package org.opendicomweb.security.audit;

/**
 * The audit messages this server writes, with the codes DICOM PS3.15 Annex A.5 and PS3.16 (DCM coding scheme)
 * give them, as IHE ATNA and dcm4chee-arc use them: the Event ID, the Event Action Code and, for the two security
 * events, the Event Type Code.
 */
public enum AuditEventType {
    /** QIDO-RS (PS3.15 A.5.3, "Query"). */
    QUERY("110112", "Query", "E", null, null),
    /** WADO-RS, WADO-URI (PS3.15 A.5.3, "DICOM Instances Transferred, read"). */
    INSTANCES_RETRIEVED("110104", "DICOM Instances Transferred", "R", null, null),
    /** STOW-RS (PS3.15 A.5.3, "DICOM Instances Transferred, create"). */
    INSTANCES_STORED("110104", "DICOM Instances Transferred", "C", null, null),
    /** Deletion of a whole study (PS3.15 A.5.3, "DICOM Study Deleted"). */
    STUDY_DELETED("110105", "DICOM Study Deleted", "D", null, null),
    /** Deletion or rejection of series or instances (PS3.15 A.5.3, "DICOM Instances Accessed, delete"). */
    INSTANCES_DELETED("110103", "DICOM Instances Accessed", "D", null, null),
    /** A request without valid credentials: 401 (PS3.15 A.5.3, "User Authentication, Login"). */
    AUTHENTICATION_FAILED("110114", "User Authentication", "E", "110122", "Login"),
    /** A request refused for want of a role or from a client not allowed: 403 (PS3.15 A.5.3, "Security Alert"). */
    ACCESS_DENIED("110113", "Security Alert", "E", "110132", "Use of Restricted Function");

    private final String eventId;
    private final String eventName;
    private final String actionCode;
    private final String typeCode;
    private final String typeName;

    AuditEventType(String eventId, String eventName, String actionCode, String typeCode, String typeName) {
        this.eventId = eventId;
        this.eventName = eventName;
        this.actionCode = actionCode;
        this.typeCode = typeCode;
        this.typeName = typeName;
    }

    /** EventID code value (coding scheme DCM). */
    public String eventId() {
        return eventId;
    }

    /** EventID code meaning. */
    public String eventName() {
        return eventName;
    }

    /** EventActionCode: C, R, U, D or E. */
    public String actionCode() {
        return actionCode;
    }

    /** EventTypeCode code value (DCM), or null where the event has none. */
    public String typeCode() {
        return typeCode;
    }

    /** EventTypeCode code meaning, or null. */
    public String typeName() {
        return typeName;
    }
}
