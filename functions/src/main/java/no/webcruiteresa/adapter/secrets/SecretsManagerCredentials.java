package no.webcruiteresa.adapter.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive credentials kept in AWS Secrets Manager: a JSON secret with any of the keys username, password,
 * clientId, clientSecret, tokenUrl and scope. Read once per function instance; never logged.
 */
public final class SecretsManagerCredentials {
    private SecretsManagerCredentials() {
    }

    /** @param endpoint blank for AWS itself; an emulator's URL in local runs and tests */
    public static Map<String, String> read(String region, String endpoint, String secretArn) {
        var builder = SecretsManagerClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(java.net.URI.create(endpoint));
        }
        try (SecretsManagerClient client = builder.build()) {
            return parse(client.getSecretValue(r -> r.secretId(secretArn)).secretString());
        }
    }

    static Map<String, String> parse(String secretJson) {
        JsonNode secret = JsonMapper.builder().build().readTree(secretJson);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new String[] {"username", "password", "clientId", "clientSecret", "tokenUrl", "scope"}) {
            if (secret.path(key).isString()) {
                values.put(key, secret.path(key).asString());
            }
        }
        return values;
    }
}
