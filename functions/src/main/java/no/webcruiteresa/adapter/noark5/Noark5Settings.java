package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.time.Duration;

/**
 * Where the archive is and how to reach it.
 *
 * @param fileFormat     Noark 5 format code of the uploaded files (a PRONOM id) and its name
 * @param documentType   Noark 5 dokumenttype code of every dokumentbeskrivelse
 */
public record Noark5Settings(URI root, String username, String password, Duration connectTimeout,
                             Duration requestTimeout, String fileFormat, String fileFormatName,
                             String documentType, String documentTypeName, String accessCodeName) {
    public Noark5Settings {
        if (!root.toString().endsWith("/")) {
            root = URI.create(root + "/");
        }
    }

    public boolean basicAuth() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "Noark5Settings[root=" + root + ", user=" + (basicAuth() ? username : "-") + "]";
    }
}
