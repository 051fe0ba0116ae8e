package no.webcruiteresa.functions;

import java.util.Map;
import java.util.function.Function;
import no.webcruiteresa.adapter.noark5.CredentialsSource;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.secrets.SecretsManagerCredentials;

/** The archive credentials from the Secrets Manager secret (cached with a time-to-live) over the configured ones. */
final class RotatingCredentials implements CredentialsSource {
    private final SecretsManagerCredentials secret;
    private final Function<Map<String, String>, Noark5Credentials> mapping;
    private Map<String, String> mapped;
    private Noark5Credentials credentials;

    /** @param mapping the configured credentials with the secret's values over them */
    RotatingCredentials(SecretsManagerCredentials secret, Function<Map<String, String>, Noark5Credentials> mapping) {
        this.secret = secret;
        this.mapping = mapping;
    }

    @Override
    public synchronized Noark5Credentials current() {
        Map<String, String> values = secret.current();
        if (values != mapped) {
            credentials = mapping.apply(values);
            mapped = values;
        }
        return credentials;
    }

    @Override
    public synchronized boolean reread() {
        return secret.reread();
    }

    @Override
    public synchronized void forget() {
        secret.forget();
        mapped = null;
        credentials = null;
    }
}
