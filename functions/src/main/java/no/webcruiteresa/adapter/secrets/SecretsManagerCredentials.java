package no.webcruiteresa.adapter.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive credentials kept in AWS Secrets Manager: a JSON secret with any of the keys username, password,
 * clientId, clientSecret, tokenUrl and scope. Read when first needed and kept for a time-to-live, so a rotated
 * secret is picked up within it; read again at once when the archive refuses the cached values, and dropped before
 * a SnapStart snapshot. Never logged.
 */
public final class SecretsManagerCredentials {
    private final Supplier<String> secret;
    private final Duration timeToLive;
    private final Clock clock;
    private Map<String, String> values;
    private Instant readAt;

    /** @param secret reads the secret's current JSON */
    public SecretsManagerCredentials(Supplier<String> secret, Duration timeToLive, Clock clock) {
        this.secret = secret;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /**
     * @param endpoint blank for AWS itself; an emulator's URL in local runs and tests. The client holds no secret
     *                 and may be created before a snapshot.
     */
    public static SecretsManagerCredentials of(String region, String endpoint, String secretArn, Duration timeToLive,
                                               Clock clock) {
        SecretsManagerClient client = client(region, endpoint);
        return new SecretsManagerCredentials(() -> client.getSecretValue(r -> r.secretId(secretArn)).secretString(),
                timeToLive, clock);
    }

    /** The secret's values, read again when the time-to-live has passed. */
    public synchronized Map<String, String> current() {
        if (values == null || !clock.instant().isBefore(readAt.plus(timeToLive))) {
            read();
        }
        return values;
    }

    /** Reads the secret now (the archive refused the cached values). @return whether any value changed */
    public synchronized boolean reread() {
        Map<String, String> before = values;
        read();
        return !values.equals(before);
    }

    /** Drops the cached values; the next {@link #current()} reads the secret again. */
    public synchronized void forget() {
        values = null;
        readAt = null;
    }

    private void read() {
        values = parse(secret.get());
        readAt = clock.instant();
    }

    /** Reads the secret once. @param endpoint blank for AWS itself */
    public static Map<String, String> read(String region, String endpoint, String secretArn) {
        try (SecretsManagerClient client = client(region, endpoint)) {
            return parse(client.getSecretValue(r -> r.secretId(secretArn)).secretString());
        }
    }

    private static SecretsManagerClient client(String region, String endpoint) {
        var builder = SecretsManagerClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(java.net.URI.create(endpoint));
        }
        return builder.build();
    }

    static Map<String, String> parse(String secretJson) {
        JsonNode secret = JsonMapper.builder().build().readTree(secretJson);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new String[] {"username", "password", "clientId", "clientSecret", "tokenUrl", "scope"}) {
            if (secret.path(key).isString()) {
                values.put(key, secret.path(key).asString());
            }
        }
        return Map.copyOf(values);
    }
}
