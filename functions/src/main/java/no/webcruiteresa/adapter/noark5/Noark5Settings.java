package no.webcruiteresa.adapter.noark5;

import java.net.URI;
import java.time.Duration;

/**
 * Where the archive is and how to reach it.
 *
 * @param fileFormat     Noark 5 format code of the uploaded files (a PRONOM id) and its name
 * @param documentType   Noark 5 dokumenttype code of every dokumentbeskrivelse
 * @param accessCodeName kodenavn of the configured tilgangsrestriksjon
 * @param compatibility  what the client adapts to this server
 */
public record Noark5Settings(URI root, Noark5Credentials credentials, RetryPolicy retry, Duration connectTimeout,
                             Duration requestTimeout, String fileFormat, String fileFormatName,
                             String documentType, String documentTypeName, String accessCodeName,
                             Noark5Compatibility compatibility) {
    public Noark5Settings {
        if (!root.toString().endsWith("/")) {
            root = URI.create(root + "/");
        }
    }

    public Noark5Settings(URI root, Noark5Credentials credentials, RetryPolicy retry, Duration connectTimeout,
                          Duration requestTimeout, String fileFormat, String fileFormatName,
                          String documentType, String documentTypeName, String accessCodeName) {
        this(root, credentials, retry, connectTimeout, requestTimeout, fileFormat, fileFormatName, documentType,
                documentTypeName, accessCodeName, Noark5Compatibility.DEFAULT);
    }

    public Noark5Settings withCredentials(Noark5Credentials value) {
        return new Noark5Settings(root, value, retry, connectTimeout, requestTimeout, fileFormat, fileFormatName,
                documentType, documentTypeName, accessCodeName, compatibility);
    }

    public Noark5Settings withRetry(RetryPolicy value) {
        return new Noark5Settings(root, credentials, value, connectTimeout, requestTimeout, fileFormat, fileFormatName,
                documentType, documentTypeName, accessCodeName, compatibility);
    }

    public Noark5Settings withCompatibility(Noark5Compatibility value) {
        return new Noark5Settings(root, credentials, retry, connectTimeout, requestTimeout, fileFormat, fileFormatName,
                documentType, documentTypeName, accessCodeName, value);
    }
}
