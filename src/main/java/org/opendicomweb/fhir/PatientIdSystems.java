package org.opendicomweb.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opendicomweb.config.DicomwebConfig;

/**
 * The FHIR identifier system of a Patient ID, from its Issuer of Patient ID (0010,0021) through
 * {@code dicomweb.fhir.patient-id-systems}: DICOM names the assigning authority with free text (or an Issuer of
 * Patient ID Qualifiers Sequence the index does not keep), FHIR with a URI that only the operator knows. A Patient
 * ID without an issuer is in the archive's own domain, {@code dicomweb.fhir.default-patient-id-system}; one whose
 * issuer is not listed gets no system, and keeps its issuer as the identifier's assigner.
 */
@ApplicationScoped
public class PatientIdSystems {
    private final Map<String, String> byIssuer;
    private final Optional<String> withoutIssuer;

    @Inject
    PatientIdSystems(DicomwebConfig config) {
        this(config.fhir().patientIdSystems(), config.fhir().defaultPatientIdSystem());
    }

    PatientIdSystems(Map<String, String> byIssuer, Optional<String> withoutIssuer) {
        this.byIssuer = new TreeMap<>();
        byIssuer.forEach((issuer, system) -> {
            if (!system.isBlank()) {
                this.byIssuer.put(issuer.strip(), system.strip());
            }
        });
        this.withoutIssuer = withoutIssuer.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The system of Patient IDs of {@code issuer} ('' for none), or null when they have none. */
    String systemOf(String issuer) {
        if (issuer == null || issuer.isEmpty()) {
            return withoutIssuer.orElse(null);
        }
        return byIssuer.get(issuer);
    }

    /** The issuers ('' for none) whose Patient IDs have {@code system}; empty when no issuer maps to it. */
    List<String> issuersOf(String system) {
        List<String> issuers = new java.util.ArrayList<>();
        byIssuer.forEach((issuer, s) -> {
            if (s.equals(system)) {
                issuers.add(issuer);
            }
        });
        if (withoutIssuer.isPresent() && withoutIssuer.get().equals(system)) {
            issuers.add("");
        }
        return issuers;
    }

    /** The issuers listed in the configuration: Patient IDs of any other issuer have no system (but see ''). */
    List<String> mappedIssuers() {
        return List.copyOf(byIssuer.keySet());
    }

    /** Whether Patient IDs without an issuer have a system. */
    boolean systemWithoutIssuer() {
        return withoutIssuer.isPresent();
    }
}
