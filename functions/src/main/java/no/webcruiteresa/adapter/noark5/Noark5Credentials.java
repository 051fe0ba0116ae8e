package no.webcruiteresa.adapter.noark5;

import java.net.URI;

/**
 * How the client proves who it is to the archive. Secrets stay out of toString().
 *
 * @param tokenUrl the OAuth2 token endpoint; null discovers it from the server's OpenID configuration
 */
public record Noark5Credentials(Scheme scheme, String username, String password, String clientId,
                                String clientSecret, URI tokenUrl, String scope) {
    public enum Scheme { NONE, BASIC, OAUTH2_PASSWORD, OAUTH2_CLIENT_CREDENTIALS }

    public static final Noark5Credentials NONE = new Noark5Credentials(Scheme.NONE, null, null, null, null, null, null);

    public static Noark5Credentials basic(String username, String password) {
        return new Noark5Credentials(Scheme.BASIC, username, password, null, null, null, null);
    }

    @Override
    public String toString() {
        return "Noark5Credentials[" + scheme + (username == null ? "" : ", user=" + username)
                + (clientId == null ? "" : ", client=" + clientId) + "]";
    }
}
