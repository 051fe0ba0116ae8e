package no.webcruiteresa.adapter.drop;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The first-arrival time an object carries as S3 user metadata ({@code x-amz-meta-first-arrival}). S3 resets an
 * object's LastModified on every copy; this travels with the data through quarantine and redrive, so the
 * retention period counts from when the data first arrived.
 */
final class FirstArrival {
    static final String METADATA = "first-arrival";

    private FirstArrival() {
    }

    /** The recorded first arrival, or {@code lastModified} when none (or an unreadable one) is recorded. */
    static Instant of(Map<String, String> metadata, Instant lastModified) {
        String value = metadata == null ? null : metadata.get(METADATA);
        if (value == null || value.isBlank()) {
            return lastModified;
        }
        try {
            Instant recorded = Instant.parse(value.trim());
            // A copy can only be younger than its data; never let metadata postpone deletion.
            return lastModified != null && lastModified.isBefore(recorded) ? lastModified : recorded;
        } catch (DateTimeParseException e) {
            return lastModified;
        }
    }
}
