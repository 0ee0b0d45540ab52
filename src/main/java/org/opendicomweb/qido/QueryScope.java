package org.opendicomweb.qido;

/**
 * Which of the six QIDO-RS resources was asked (PS3.18 Table 10.6.1-2): the level searched and the study and
 * series the path fixes, if any. UIDs are already validated.
 */
public record QueryScope(QueryLevel level, String studyUid, String seriesUid) {

    public static QueryScope allStudies() {
        return new QueryScope(QueryLevel.STUDY, null, null);
    }

    public static QueryScope allSeries() {
        return new QueryScope(QueryLevel.SERIES, null, null);
    }

    public static QueryScope seriesOfStudy(String study) {
        return new QueryScope(QueryLevel.SERIES, study, null);
    }

    public static QueryScope allInstances() {
        return new QueryScope(QueryLevel.INSTANCE, null, null);
    }

    public static QueryScope instancesOfStudy(String study) {
        return new QueryScope(QueryLevel.INSTANCE, study, null);
    }

    public static QueryScope instancesOfSeries(String study, String series) {
        return new QueryScope(QueryLevel.INSTANCE, study, series);
    }

    /**
     * Whether the result carries the attributes of {@code other} level by default: study attributes for All
     * Series and All Instances, series attributes for a study's or all instances (PS3.18 §10.6.3.3).
     */
    public boolean returnsDefaultsOf(QueryLevel other) {
        if (other == level) {
            return true;
        }
        if (!level.reaches(other)) {
            return false;
        }
        return switch (other) {
            case STUDY -> studyUid == null;
            case SERIES -> seriesUid == null;
            case INSTANCE -> false;
        };
    }
}
