package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A WebCruiter job posting (utlysning): the hiring case's key is WebCruiter's case number.
 *
 * @param positionCategory WebCruiter's position category (stillingskategori), null when the message has none;
 *                         only the routing table reads it
 */
public record Posting(String caseNumber, String title, String organisationalUnit, LocalDate applicationDeadline,
                      String positionCategory) {
    public Posting(String caseNumber, String title, String organisationalUnit, LocalDate applicationDeadline) {
        this(caseNumber, title, organisationalUnit, applicationDeadline, null);
    }

    public Posting {
        positionCategory = positionCategory == null || positionCategory.isBlank() ? null : positionCategory.strip();
        requireText(caseNumber, "posting.caseNumber");
        if (!caseNumber.matches("[0-9]{1,12}")) {
            throw new InvalidDropException("posting.caseNumber", "must be 1 to 12 digits");
        }
        requireText(title, "posting.title");
        requireText(organisationalUnit, "posting.organisationalUnit");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidDropException(field, "is required");
        }
        Objects.requireNonNull(value);
    }
}
