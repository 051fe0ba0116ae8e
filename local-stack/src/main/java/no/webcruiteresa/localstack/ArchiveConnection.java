package no.webcruiteresa.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.noark5.RetryPolicy;

/**
 * A real Noark 5 server for the local stack to archive into, from the command line: where it is, how to log in
 * and which structure to use. Secrets come from a file or the environment, never from the command line (where
 * any user of the machine could read them).
 *
 * @param secretsFile properties with {@code password} and/or {@code client-secret}; null reads
 *                    {@code ARCHIVE_PASSWORD} and {@code ARCHIVE_CLIENT_SECRET} from the environment
 */
public record ArchiveConnection(URI url, String auth, String user, String clientId, String tokenUrl,
                                Path secretsFile, String archivePart, String classificationCode,
                                boolean createStructure) {
    public static final String DEFAULT_ARCHIVE_PART = "EL-SAKARKI";
    public static final String DEFAULT_CLASS = "410";

    /** The functions' settings for this archive, as the environment of a Lambda would carry them. */
    public Map<String, String> functionProperties() {
        Map<String, String> secrets = secrets();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("webcruiter-esa.archive.url", url.toString());
        properties.put("webcruiter-esa.archive.auth", auth);
        properties.put("webcruiter-esa.archive.username", nonNull(user));
        properties.put("webcruiter-esa.archive.password", secrets.getOrDefault("password", ""));
        properties.put("webcruiter-esa.archive.client-id", nonNull(clientId));
        properties.put("webcruiter-esa.archive.client-secret", secrets.getOrDefault("client-secret", ""));
        properties.put("webcruiter-esa.archive.token-url", nonNull(tokenUrl));
        properties.put("webcruiter-esa.registration.archive-part", archivePart);
        properties.put("webcruiter-esa.registration.classification-code", classificationCode);
        return properties;
    }

    /** The same connection for the local stack's own reading back of what was archived. */
    public Noark5Settings settings() {
        Map<String, String> secrets = secrets();
        Noark5Credentials.Scheme scheme = switch (auth) {
            case "none" -> Noark5Credentials.Scheme.NONE;
            case "basic" -> Noark5Credentials.Scheme.BASIC;
            case "oauth2-password" -> Noark5Credentials.Scheme.OAUTH2_PASSWORD;
            case "oauth2-client-credentials" -> Noark5Credentials.Scheme.OAUTH2_CLIENT_CREDENTIALS;
            default -> throw new IllegalArgumentException("--archive-auth: none, basic, oauth2-password or "
                    + "oauth2-client-credentials, was '" + auth + "'");
        };
        return new Noark5Settings(url, new Noark5Credentials(scheme, user, secrets.get("password"), clientId,
                secrets.get("client-secret"), tokenUrl == null || tokenUrl.isBlank() ? null : URI.create(tokenUrl),
                null), RetryPolicy.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(60), "fmt/276", "PDF 1.7",
                "B", "Brev", "Personalsaker");
    }

    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (secretsFile != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(secretsFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the archive secrets file " + secretsFile, e);
            }
            file.stringPropertyNames().forEach(name -> secrets.put(name, file.getProperty(name)));
        } else {
            putIfSet(secrets, "password", System.getenv("ARCHIVE_PASSWORD"));
            putIfSet(secrets, "client-secret", System.getenv("ARCHIVE_CLIENT_SECRET"));
        }
        return secrets;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "ArchiveConnection[" + url + ", auth=" + auth + (user == null ? "" : ", user=" + user) + "]";
    }
}
