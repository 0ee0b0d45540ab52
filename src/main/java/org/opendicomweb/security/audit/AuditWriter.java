package org.opendicomweb.security.audit;

import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** What the audit trail's thread does with a batch of events: Patient IDs filled in, one line each to the sink. */
final class AuditWriter implements Consumer<List<AuditEvent>> {
    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    private final PatientIds patientIds;
    private final AuditLine line;
    private final Consumer<String> sink;

    AuditWriter(PatientIds patientIds, AuditLine line, Consumer<String> sink) {
        this.patientIds = patientIds;
        this.line = line;
        this.sink = sink;
    }

    @Override
    public void accept(List<AuditEvent> batch) {
        for (AuditEvent e : patientIds.complete(batch)) {
            String text;
            try {
                text = line.of(e);
            } catch (RuntimeException failure) {
                // A malformed event (the filter's bug) costs its own line, not the batch's: said loudly, with what it
                // was.
                LOG.errorf(failure, "An audit event could not be written: %s", e);
                continue;
            }
            sink.accept(text);
        }
    }
}
