package no.webcruiteresa.domain;

import java.util.Objects;

/** How one form is registered: the journalpost's direction and its screening. */
public record FormRule(EntryType entryType, Screening screening) {
    public FormRule {
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(screening, "screening");
    }
}
