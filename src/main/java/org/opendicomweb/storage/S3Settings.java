package org.opendicomweb.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.opendicomweb.config.DicomwebConfig;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Where an {@link S3BlobStore} keeps its blobs: a bucket, a key prefix ({@code ""} or ending in {@code /}), and the
 * service that holds them (AWS S3 itself when no endpoint is given).
 */
public record S3Settings(
        String bucket, Optional<URI> endpoint, Optional<String> region, boolean pathStyle, String prefix) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException(
                    "dicomweb.storage.type=s3 needs a bucket: set dicomweb.storage.s3.bucket (DICOMWEB_STORAGE_S3_BUCKET)");
        }
        prefix = normalizedPrefix(prefix);
    }

    static S3Settings from(DicomwebConfig.Storage.S3 config) {
        return new S3Settings(
                config.bucket().orElse(null),
                config.endpoint(),
                config.region(),
                config.pathStyle(),
                config.prefix().orElse(""));
    }

    /** For log lines and health output: {@code s3://bucket/prefix/ at endpoint}. */
    String describe() {
        return "s3://" + bucket + "/" + prefix + " at "
                + endpoint.map(URI::toString)
                        .orElse("AWS S3" + region.map(r -> " " + r).orElse(""));
    }

    /**
     * A client for these settings. The JDK's HTTP client carries the requests: the SDK's Netty and Apache clients
     * would add a second HTTP stack for nothing we need. Standard retries back off between attempts. Checksums the
     * SDK would add on its own are left to AWS S3 itself: other stores (older MinIO, Ceph) refuse the trailing
     * checksums the SDK sends by default, and the store sends its own CRC32C with every upload anyway. Over plain
     * http the signature covers the body (SHA-256); with an endpoint of our own that is one hash of the whole body
     * rather than the SDK's default aws-chunked framing, which re-buffers the body into signed chunks and costs
     * more CPU and a heap copy of every byte for the same guarantee.
     */
    S3Client newClient() {
        boolean aws = endpoint.isEmpty();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(pathStyle)
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(aws).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                .requestChecksumCalculation(
                        aws ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(
                        aws ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.ifPresent(builder::endpointOverride);
        if (region.isPresent()) {
            builder.region(Region.of(region.get()));
        } else if (!aws) {
            // Most other stores ignore the region but the signature needs one.
            builder.region(Region.US_EAST_1);
        }
        return builder.build();
    }

    private static String normalizedPrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "" : p + "/";
    }
}
