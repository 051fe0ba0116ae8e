package no.webcruiteresa.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Mock alone, in memory on a free loopback port, for tests that need only the bucket. */
final class EmbeddedS3 implements AutoCloseable {
    private final S3MockApplication s3Mock;

    private EmbeddedS3(S3MockApplication s3Mock) {
        this.s3Mock = s3Mock;
    }

    static EmbeddedS3 start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, EmbeddedStack.freePort());
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.com.adobe.testing", "WARN");
        properties.put("logging.level.org.springframework", "WARN");
        properties.put("logging.level.org.apache", "WARN");
        properties.put("com.adobe.testing.s3mock.store.region", Pipeline.REGION);
        try {
            properties.put("com.adobe.testing.s3mock.store.root",
                    Files.createTempDirectory("s3mock").toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", false);
        return new EmbeddedS3(S3MockApplication.start(properties));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
    }

    /** A client of this S3; interceptors see every request (tests count and fault requests with them). */
    S3Client client(ExecutionInterceptor... interceptors) {
        return client(endpoint(), interceptors);
    }

    static S3Client client(URI endpoint, ExecutionInterceptor... interceptors) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(Pipeline.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(endpoint).forcePathStyle(true)
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors))).build();
    }

    @Override
    public void close() {
        s3Mock.stop();
    }
}
