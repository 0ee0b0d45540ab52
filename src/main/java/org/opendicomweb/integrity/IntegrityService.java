package org.opendicomweb.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.opendicomweb.index.IntegrityFindings;
import org.opendicomweb.index.IntegrityFindings.DamagedObject;
import org.opendicomweb.index.IntegrityFindings.Page;
import org.opendicomweb.index.IntegrityFindings.SeriesInOtherStudy;
import org.opendicomweb.index.IntegrityFindings.SeriesWithDisagreeingInstanceStatus;
import org.opendicomweb.index.IntegrityFindings.SeriesWithSeveralModalities;
import org.opendicomweb.index.IntegrityFindings.StudyWithConflictingDemographics;
import org.opendicomweb.web.DicomwebException;

/** Builds the integrity report: one page of each list of findings, with their totals. */
@ApplicationScoped
public class IntegrityService {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final IntegrityFindings findings;

    @Inject
    IntegrityService(IntegrityFindings findings) {
        this.findings = findings;
    }

    /** The report; {@code limit} and {@code offset} apply to each list. */
    public record Report(
            int limit,
            int offset,
            Page<SeriesInOtherStudy> seriesInOtherStudies,
            Page<SeriesWithSeveralModalities> seriesWithSeveralModalities,
            Page<StudyWithConflictingDemographics> studiesWithConflictingDemographics,
            Page<SeriesWithDisagreeingInstanceStatus> seriesWithDisagreeingInstanceStatus,
            Page<DamagedObject> damagedObjects) {}

    public Report report(String limitParam, String offsetParam) {
        int limit = parse("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = parse("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        try {
            return new Report(
                    limit,
                    offset,
                    findings.seriesInOtherStudies(limit, offset),
                    findings.seriesWithSeveralModalities(limit, offset),
                    findings.studiesWithConflictingDemographics(limit, offset),
                    findings.seriesWithDisagreeingInstanceStatus(limit, offset),
                    findings.damagedObjects(limit, offset));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the integrity findings failed: " + e.getMessage(), e);
        }
    }

    private static int parse(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DicomwebException.badRequest(name + "=" + value + " is not an integer from " + min + " to " + max);
    }
}
