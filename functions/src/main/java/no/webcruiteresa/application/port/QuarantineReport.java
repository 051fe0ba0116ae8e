package no.webcruiteresa.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Why something was quarantined, in ids and rules only (no personal data): the object key, the field and the
 * rule it broke, when the input first arrived, how many deliveries were attempted, the objects moved aside, and
 * the files the drop names that had not arrived (so a late one can be brought to its drop).
 */
public record QuarantineReport(String key, String field, String rule, Instant firstSeen, Instant quarantinedAt,
                               int attempts, List<String> objects, List<String> missing) {
    /** The field of a drop quarantined only because files it names did not arrive in time. */
    public static final String MISSING_FILES = "files.file";

    public QuarantineReport {
        objects = List.copyOf(objects);
        missing = List.copyOf(missing);
    }

    /** A report with nothing missing. */
    public QuarantineReport(String key, String field, String rule, Instant firstSeen, Instant quarantinedAt,
                            int attempts, List<String> objects) {
        this(key, field, rule, firstSeen, quarantinedAt, attempts, objects, List.of());
    }

    public boolean onlyMissingFiles() {
        return MISSING_FILES.equals(field);
    }
}
