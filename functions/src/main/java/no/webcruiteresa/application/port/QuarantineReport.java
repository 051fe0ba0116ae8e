package no.webcruiteresa.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Why something was quarantined, in ids and rules only (no personal data): the object key, the field and the
 * rule it broke, when the input first arrived, and how many deliveries were attempted.
 */
public record QuarantineReport(String key, String field, String rule, Instant firstSeen, Instant quarantinedAt,
                               int attempts, List<String> objects) {
    public QuarantineReport {
        objects = List.copyOf(objects);
    }
}
