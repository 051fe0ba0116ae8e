package no.webcruiteresa.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import no.webcruiteresa.simulator.ServerProfile;

/** The local stack's archive options: the simulator's profile, or a real server ({@link ArchiveConnection}). */
final class ArchiveOptions {
    private static final Map<String, Integer> WITH_VALUE = Map.of("--archive-url", 1, "--archive-auth", 1,
            "--archive-user", 1, "--archive-client-id", 1, "--archive-token-url", 1, "--archive-secrets", 1,
            "--archive-part", 1, "--archive-class", 1, "--archive-profile", 1, "--create-structure", 0);
    private URI url;
    private String auth = "none";
    private String user;
    private String clientId;
    private String tokenUrl;
    private Path secrets;
    private String archivePart = ArchiveConnection.DEFAULT_ARCHIVE_PART;
    private String classificationCode = ArchiveConnection.DEFAULT_CLASS;
    private boolean createStructure;
    private ServerProfile profile = ServerProfile.STANDARD;

    boolean accepts(String[] args, int i) {
        Integer values = WITH_VALUE.get(args[i]);
        if (values == null) {
            return false;
        }
        if (i + values >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = values == 0 ? null : args[i + 1];
        switch (args[i]) {
            case "--archive-url" -> url = URI.create(value);
            case "--archive-auth" -> auth = value;
            case "--archive-user" -> user = value;
            case "--archive-client-id" -> clientId = value;
            case "--archive-token-url" -> tokenUrl = value;
            case "--archive-secrets" -> secrets = Path.of(value);
            case "--archive-part" -> archivePart = value;
            case "--archive-class" -> classificationCode = value;
            case "--archive-profile" -> profile = ServerProfile.named(value);
            default -> createStructure = true;
        }
        return true;
    }

    int consumed(String option) {
        return WITH_VALUE.get(option);
    }

    ServerProfile profile() {
        return profile;
    }

    /** null: archive into the simulator. */
    ArchiveConnection connection() {
        return url == null ? null : new ArchiveConnection(url, auth, user, clientId, tokenUrl, secrets, archivePart,
                classificationCode, createStructure);
    }
}
