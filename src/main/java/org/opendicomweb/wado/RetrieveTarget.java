package org.opendicomweb.wado;

import org.opendicomweb.web.UidParam;

/**
 * What a WADO-RS URL names: a study, a series of it, or an instance of that series (PS3.18 §10.4.1). The UIDs
 * are validated on construction (400 on a malformed one); whether they exist is the index's question (404).
 */
public record RetrieveTarget(String study, String series, String instance) {

    public enum Level {
        STUDY,
        SERIES,
        INSTANCE
    }

    public static RetrieveTarget of(String study, String series, String instance) {
        return new RetrieveTarget(
                UidParam.require("study", study),
                series == null ? null : UidParam.require("series", series),
                instance == null ? null : UidParam.require("instance", instance));
    }

    public Level level() {
        return instance != null ? Level.INSTANCE : series != null ? Level.SERIES : Level.STUDY;
    }

    /** The service-root-relative URL of the resource, e.g. {@code studies/1.2/series/3.4}. */
    public String path() {
        StringBuilder sb = new StringBuilder("studies/").append(study);
        if (series != null) {
            sb.append("/series/").append(series);
        }
        if (instance != null) {
            sb.append("/instances/").append(instance);
        }
        return sb.toString();
    }

    /** The UID of the retrieved entity itself: the instance's, else the series', else the study's. */
    public String lastUid() {
        return instance != null ? instance : series != null ? series : study;
    }

    /** "study 1.2", "series 3.4 of study 1.2", ... for 404 messages. */
    public String describe() {
        return switch (level()) {
            case STUDY -> "study " + study;
            case SERIES -> "series " + series + " of study " + study;
            case INSTANCE -> "instance " + instance + " of series " + series + " of study " + study;
        };
    }
}
