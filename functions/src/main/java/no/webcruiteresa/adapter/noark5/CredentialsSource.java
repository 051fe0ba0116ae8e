package no.webcruiteresa.adapter.noark5;

/**
 * Where the archive credentials come from: fixed settings, or a secret that is rotated, cached for a while and
 * read again when the archive refuses what was cached.
 */
public interface CredentialsSource {

    /** The credentials to use now. */
    Noark5Credentials current();

    /** The archive answered 401: read the credentials again at once. @return whether they changed */
    boolean reread();

    /** Drops every cached secret (before a SnapStart snapshot); the next {@link #current()} reads them anew. */
    void forget();

    static CredentialsSource fixed(Noark5Credentials credentials) {
        return new CredentialsSource() {
            @Override
            public Noark5Credentials current() {
                return credentials;
            }

            @Override
            public boolean reread() {
                return false;
            }

            @Override
            public void forget() {
            }
        };
    }
}
