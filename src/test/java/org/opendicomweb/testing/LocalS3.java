package org.opendicomweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API on loopback: S3Proxy over a temporary folder (jclouds' filesystem backend), on a free port, with AWS
 * signature checking. The store under test finds the credentials where the AWS SDK's default chain looks (system
 * properties {@code aws.accessKeyId} and {@code aws.secretAccessKey}), as it finds the environment's in production.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "odw-test-access";
    public static final String SECRET_KEY = "odw-test-secret";

    private final Path folder;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private LocalS3(Path folder, S3Proxy proxy, URI endpoint) {
        this.folder = folder;
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.client = client(endpoint);
    }

    /** A client of the S3 API at {@code endpoint} with this class's credentials. */
    public static S3Client client(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Starts one; close it to stop it and remove its folder. */
    public static LocalS3 start() {
        return start(false);
    }

    /**
     * Starts one that, with {@code lenient}, ignores the request headers it does not know (the {@code x-amz-checksum-*}
     * ones among them) rather than refusing the request, as a service that takes them does.
     */
    public static LocalS3 start(boolean lenient) {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("odw-s3");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", folder.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials(ACCESS_KEY, SECRET_KEY)
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(lenient)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.onSpinWait();
            }
            return new LocalS3(folder, proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("Starting S3Proxy in " + folder + " failed", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of its own, to look at the bucket behind the store's back. */
    public S3Client client() {
        return client;
    }

    public String createBucket(String name) {
        client.createBucket(r -> r.bucket(name));
        return name;
    }

    /** Multipart uploads begun and neither completed nor aborted. */
    public List<MultipartUpload> openUploads(String bucket) {
        return client.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().stream()
                .toList();
    }

    /** Every object key in the bucket, less the folders the filesystem backend lists as keys ending in a slash. */
    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .filter(k -> !k.endsWith("/"))
                .toList();
    }

    /** The files the backend holds for the bucket, whatever the S3 API shows (parts of open uploads included). */
    public List<Path> filesOf(String bucket) {
        try (Stream<Path> files = Files.walk(folder.resolve(bucket))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
