package no.webcruiteresa.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
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
        try {
            return new EmbeddedS3(S3MockApplication.start(EmbeddedStack.s3MockProperties(EmbeddedStack.freePort(),
                    Files.createTempDirectory("s3mock"), false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
