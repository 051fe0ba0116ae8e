package no.webcruiteresa.adapter.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsManagerCredentialsTest {
    @Test
    void shouldReadTheKnownKeysOfTheSecretAndIgnoreOthers() {
        var values = SecretsManagerCredentials.parse("{\"username\":\"arkivar\",\"password\":\"p\",\"clientId\":\"c\","
                + "\"tokenUrl\":\"https://idp/token\",\"port\":5432}");

        assertThat(values).containsOnlyKeys("username", "password", "clientId", "tokenUrl")
                .containsEntry("tokenUrl", "https://idp/token");
    }
}
