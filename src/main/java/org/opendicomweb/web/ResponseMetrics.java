package org.opendicomweb.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Metrics of how response bodies are sent; on /q/metrics. */
@Startup
@ApplicationScoped
public class ResponseMetrics {
    @Inject
    ResponseMetrics(MeterRegistry registry) {
        FunctionCounter.builder("dicomweb.response.file.region.bytes", FileRegionWriter.BYTES_SENT, a -> a.sum())
                .description("Bytes of stored files sent by the kernel straight from the page cache (sendfile)")
                .baseUnit("bytes")
                .register(registry);
    }
}
