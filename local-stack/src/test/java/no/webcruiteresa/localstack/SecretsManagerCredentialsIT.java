package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Map;
import no.webcruiteresa.adapter.secrets.SecretsManagerCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The archive credentials read from Secrets Manager over its real protocol, on moto. */
class SecretsManagerCredentialsIT {
    private static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.startIfInstalled();
        assumeTrue(moto != null, "moto_server is not on the PATH");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void shouldReadTheArchiveCredentialsFromTheSecret() {
        URI endpoint = moto.endpoint();
        String arn;
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.of(Pipeline.REGION))
                .endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            arn = client.createSecret(r -> r.name("webcruiter-esa/archive").secretString(
                    "{\"username\":\"arkivar\",\"password\":\"hemmelig\",\"clientId\":\"webcruiter-esa\"}")).arn();
        }

        Map<String, String> credentials = SecretsManagerCredentials.read(Pipeline.REGION, endpoint.toString(), arn);

        assertThat(credentials).containsExactlyInAnyOrderEntriesOf(
                Map.of("username", "arkivar", "password", "hemmelig", "clientId", "webcruiter-esa"));
    }

    @Test
    void shouldKeepTheSecretForItsTimeToLive_andReadARotatedValueOnRequest() {
        URI endpoint = moto.endpoint();
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.of(Pipeline.REGION))
                .endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String arn = client.createSecret(r -> r.name("webcruiter-esa/rotating").secretString(
                    "{\"username\":\"arkivar\",\"password\":\"v1\"}")).arn();
            SecretsManagerCredentials credentials = SecretsManagerCredentials.of(Pipeline.REGION, endpoint.toString(),
                    arn, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC());
            assertThat(credentials.current()).containsEntry("password", "v1");

            client.putSecretValue(r -> r.secretId(arn).secretString("{\"username\":\"arkivar\",\"password\":\"v2\"}"));

            assertThat(credentials.current()).as("cached within its time-to-live").containsEntry("password", "v1");
            assertThat(credentials.reread()).as("the archive refused v1: read again").isTrue();
            assertThat(credentials.current()).containsEntry("password", "v2");
        }
    }
}
