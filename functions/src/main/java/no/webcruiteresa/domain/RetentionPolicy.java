package no.webcruiteresa.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long the integration keeps its own copies of personal data (drop area, quarantine). The archive's
 * records are never touched: their disposal belongs to the archive's own rules.
 */
public record RetentionPolicy(Period retention) {
    public RetentionPolicy {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention period must be positive");
        }
    }

    public Instant cutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(retention).toInstant();
    }

    public boolean expired(Instant lastModified, Instant now) {
        return lastModified.isBefore(cutoff(now));
    }
}
