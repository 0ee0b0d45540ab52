package org.opendicomweb.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The server storing in a bucket of a {@link LocalS3} of its own ({@code dicomweb.storage.type=s3}), below prefix
 * {@value #PREFIX}. Init argument {@code bucket=missing} points it at a bucket that does not exist.
 */
public class LocalS3Resource implements QuarkusTestResourceLifecycleManager {
    public static final String BUCKET = "archive";
    public static final String PREFIX = "dicom/";

    private LocalS3 s3;
    private boolean missing;

    @Override
    public void init(Map<String, String> initArgs) {
        missing = "missing".equals(initArgs.get("bucket"));
    }

    @Override
    public Map<String, String> start() {
        s3 = LocalS3.start();
        if (!missing) {
            s3.createBucket(BUCKET);
        }
        return Map.of(
                "dicomweb.storage.type",
                "s3",
                "dicomweb.storage.s3.bucket",
                missing ? "no-such-bucket" : BUCKET,
                "dicomweb.storage.s3.endpoint",
                s3.endpoint().toString(),
                "dicomweb.storage.s3.path-style",
                "true",
                "dicomweb.storage.s3.prefix",
                PREFIX);
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
    }
}
