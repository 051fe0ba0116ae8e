package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What to register for one WebCruiter document: a journalpost and its documents.
 *
 * @param documentId WebCruiter's stable document id, the documents' external reference
 * @param reference  the entry's WebCruiter reference, by which a repeated attempt finds it
 */
public record EntryRegistration(String documentId, String reference, Form form, EntryType type, String localStatus, String status,
                                String title, String publicTitle, LocalDate documentDate,
                                List<Correspondent> correspondents, Screening screening,
                                List<DocumentRegistration> documents) {
    public EntryRegistration {
        correspondents = List.copyOf(correspondents);
        documents = List.copyOf(documents);
    }
}
