package no.webcruiteresa.application;

import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.ArchivedNotices;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.RegistrationRules;

/**
 * Use case: archive one dropped WebCruiter document as a journalpost in its posting's case, then tell
 * the next step. Safe to repeat: an entry that already exists for the document is verified, not remade.
 */
public class ArchiveDocument {
    private static final Logger LOG = Logger.getLogger(ArchiveDocument.class.getName());

    private final DropReader reader;
    private final DropStore store;
    private final EnsureCase ensureCase;
    private final EntryArchive entries;
    private final RegistrationRules rules;
    private final ArchivedNotices notices;

    public ArchiveDocument(DropReader reader, DropStore store, EnsureCase ensureCase, EntryArchive entries,
                           RegistrationRules rules, ArchivedNotices notices) {
        this.reader = reader;
        this.store = store;
        this.ensureCase = ensureCase;
        this.entries = entries;
        this.rules = rules;
        this.notices = notices;
    }

    /** @return false when the drop's XML is already gone (an earlier delivery finished the job) */
    public boolean archive(String xmlKey) {
        var read = reader.read(xmlKey);
        if (read.isEmpty()) {
            LOG.info(() -> "drop " + xmlKey + " is already removed; nothing to archive");
            return false;
        }
        DocumentDrop drop = read.get();
        EntryRegistration registration = rules.entryFor(drop);
        requireFilesPresent(xmlKey, drop);
        ArchivedEntry entry = entries.findEntry(registration.reference())
                .filter(found -> ArchiveReceipts.isComplete(drop, found)).orElseGet(() -> {
            ArchivedCase archivedCase = ensureCase.ensure(drop.posting());
            ArchivedEntry created = entries.archiveEntry(archivedCase, registration,
                    fileName -> {
                        DropFile file = declared(drop, fileName);
                        return new Sha256CheckingInputStream(store.open(DropKeys.fileKey(xmlKey, fileName)),
                                file.sha256(), file.size(), fileName);
                    });
            LOG.info(() -> "archived document " + drop.documentId() + " as entry " + created.entryId()
                    + " in case " + archivedCase.caseId() + " with " + created.files().size() + " file(s)");
            return created;
        });
        ArchiveReceipts.requireComplete(drop, entry);
        notices.publish(new ArchivedNotice(xmlKey, drop.documentId(), entry.entryId()));
        return true;
    }

    private static DropFile declared(DocumentDrop drop, String fileName) {
        return drop.files().stream().filter(file -> file.name().equals(fileName)).findFirst().orElseThrow();
    }

    private void requireFilesPresent(String xmlKey, DocumentDrop drop) {
        for (DropFile file : drop.files()) {
            String key = DropKeys.fileKey(xmlKey, file.name());
            long size = store.size(key).orElseThrow(() ->
                    new DropIncompleteException(xmlKey, "file " + file.name() + " has not arrived"));
            if (size != file.size()) {
                throw new DropRejectedException(xmlKey, "files.file.size",
                        "file " + file.name() + " is " + size + " bytes, the XML declares " + file.size());
            }
        }
    }
}
