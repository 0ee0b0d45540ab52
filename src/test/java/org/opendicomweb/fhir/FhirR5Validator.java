package org.opendicomweb.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The instance validator of HL7's FHIR reference implementation (the one HAPI FHIR's FhirInstanceValidator wraps)
 * against the FHIR R5 base profiles, offline: the structure definitions, value sets and code systems of the packages
 * hapi-fhir-validation-resources-r5 ships (hl7.fhir.r5.core 5.0.0, hl7.terminology 5.1.0, hl7.fhir.uv.extensions.r5
 * 1.0.0), and no terminology server. Slow to build (seconds): one per test class. The messages of level warning or
 * information are kept, by text, so that a test can report what remains.
 */
final class FhirR5Validator {
    private static final String PACKAGES = "org/hl7/fhir/r5/packages/";

    private final InstanceValidator validator;
    private final Map<String, Integer> notes = new TreeMap<>();

    FhirR5Validator() {
        try {
            SimpleWorkerContext context = new SimpleWorkerContext.SimpleWorkerContextBuilder()
                    .withAllowLoadingDuplicates(true)
                    .fromPackage(npm("hl7.fhir.r5.core-5.0.0.tgz"));
            // The terminology package is written in R4: only its code systems and value sets read as R5.
            context.loadFromPackageInt(npm("hl7.terminology-5.1.0.tgz"), null, Set.of("CodeSystem", "ValueSet"), true);
            context.loadFromPackageInt(
                    npm("hl7.fhir.uv.extensions.r5-1.0.0.tgz"),
                    null,
                    Set.of("CodeSystem", "ValueSet", "StructureDefinition"),
                    true);
            context.setCanRunWithoutTerminology(true);
            context.setNoTerminologyServer(true);
            context.setExpansionParameters(new Parameters());
            validator = new InstanceValidator(context, null, null, new ValidatorSession(), new ValidatorSettings());
            validator.setAnyExtensionsAllowed(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NpmPackage npm(String name) throws IOException {
        try (InputStream in = FhirR5Validator.class.getClassLoader().getResourceAsStream(PACKAGES + name)) {
            if (in == null) {
                throw new IOException("The FHIR package " + name + " is not on the class path");
            }
            return NpmPackage.fromPackage(in);
        }
    }

    /** The error and fatal messages of validating {@code json}, each with its location; empty when it is valid. */
    synchronized List<String> errors(String json) {
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(
                null,
                messages,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Manager.FhirFormat.JSON);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL) {
                errors.add(m.getLocation() + ": " + m.getMessage());
            } else {
                notes.merge(m.getLevel() + ": " + m.getMessage().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
            }
        }
        return errors;
    }

    /** The warnings and information messages met so far, with how often each came (quoted values elided). */
    synchronized Map<String, Integer> notes() {
        return new TreeMap<>(notes);
    }
}
