package no.webcruiteresa.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long the integration keeps its own copies of personal data (drop area, quarantine, parked messages),
 * counted from when the data first arrived: a copy (quarantine, redrive) does not restart the clock. The
 * archive's records are never touched: their disposal belongs to the archive's own rules.
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

    /** @param firstArrival when the data first reached the integration */
    public boolean expired(Instant firstArrival, Instant now) {
        return firstArrival.isBefore(cutoff(now));
    }
}
