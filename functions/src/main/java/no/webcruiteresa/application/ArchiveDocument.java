package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.ArchivedNotices;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.RegistrationRules;

/**
 * Use case: archive one dropped WebCruiter document as a journalpost in its posting's case, then tell the next
 * step. Safe to repeat: an entry that already exists for the document is completed and verified, not remade.
 * A drop that breaks the contract goes to quarantine; one whose files have not all arrived is retried until the
 * deadline, then quarantined.
 */
public class ArchiveDocument {
    private static final Logger LOG = Logger.getLogger(ArchiveDocument.class.getName());
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What became of one drop. */
    public enum Outcome { ARCHIVED, ALREADY_REMOVED, QUARANTINED, IGNORED }

    /**
     * @param incompleteDeadline how long a drop may wait for its PDFs
     * @param locks              serialise concurrent deliveries of one document
     * @param staleLock          a lock older than this was left by a crashed worker
     */
    public record Waiting(Duration incompleteDeadline, Clock clock, CreationLocks locks, Duration staleLock) {
    }

    private final DropReader reader;
    private final DropStore store;
    private final EnsureCase ensureCase;
    private final EntryArchive entries;
    private final RegistrationRules rules;
    private final ArchivedNotices notices;
    private final Quarantine quarantine;
    private final Waiting waiting;

    public ArchiveDocument(DropReader reader, DropStore store, EnsureCase ensureCase, EntryArchive entries,
                           RegistrationRules rules, ArchivedNotices notices, Quarantine quarantine, Waiting waiting) {
        this.reader = reader;
        this.store = store;
        this.ensureCase = ensureCase;
        this.entries = entries;
        this.rules = rules;
        this.notices = notices;
        this.quarantine = quarantine;
        this.waiting = waiting;
    }

    /** @param attempt how many times this drop's message has been delivered, for the quarantine report */
    public Outcome archive(String xmlKey, int attempt) {
        if (quarantine.isQuarantined(xmlKey)) {
            return Outcome.IGNORED;
        }
        try {
            return archiveOrThrow(xmlKey);
        } catch (DropRejectedException e) {
            quarantine.quarantineDrop(xmlKey, report(xmlKey, e.field(), e.rule(), attempt, arrival(xmlKey)));
            return Outcome.QUARANTINED;
        } catch (DropIncompleteException e) {
            Instant arrived = arrival(xmlKey);
            if (arrived != null && arrived.plus(waiting.incompleteDeadline()).isBefore(waiting.clock().instant())) {
                quarantine.quarantineDrop(xmlKey, report(xmlKey, "files.file",
                        e.detail() + " within " + waiting.incompleteDeadline(), attempt, arrived));
                return Outcome.QUARANTINED;
            }
            throw e;
        }
    }

    private Outcome archiveOrThrow(String xmlKey) {
        var read = reader.read(xmlKey);
        if (read.isEmpty()) {
            LOG.info(() -> "drop " + xmlKey + " is already removed; nothing to archive");
            return Outcome.ALREADY_REMOVED;
        }
        DocumentDrop drop = read.get();
        EntryRegistration registration;
        try {
            registration = rules.entryFor(drop);
        } catch (no.webcruiteresa.domain.InvalidDropException e) {
            throw new DropRejectedException(xmlKey, e);
        }
        var existing = entries.findEntry(registration.reference()).filter(found -> ArchiveReceipts.isComplete(drop, found));
        existing.flatMap(found -> ArchiveReceipts.difference(drop, found)).ifPresent(difference -> {
            throw new DropRejectedException(xmlKey, "documentId", "the archive already holds this document id with"
                    + " other content (" + difference + "): a re-used document id, or a damaged archive copy");
        });
        if (existing.isEmpty()) {
            // Only a drop still to archive needs its PDFs: the removal deletes them before the XML, and a repeated
            // delivery in between must find the entry, not quarantine the drop for files it no longer needs.
            requireFilesPresent(xmlKey, drop);
        }
        ArchivedEntry entry = existing.orElseGet(() -> archiveEntry(xmlKey, drop, registration));
        ArchiveReceipts.requireComplete(drop, entry);
        notices.publish(new ArchivedNotice(xmlKey, drop.documentId(), entry.entryId()));
        return Outcome.ARCHIVED;
    }

    private ArchivedEntry archiveEntry(String xmlKey, DocumentDrop drop, EntryRegistration registration) {
        ArchivedCase archivedCase = ensureCase.ensure(drop.posting());
        String lock = LockNames.forEntry(drop.documentId());
        if (!waiting.locks().tryAcquire(lock, waiting.staleLock())) {
            throw new CreationInProgressException("the entry for document " + drop.documentId());
        }
        boolean release = true;
        try {
            ArchivedEntry created = entries.archiveEntry(archivedCase, registration, fileName -> {
                DropFile file = declared(drop, fileName);
                return new Sha256CheckingInputStream(store.open(DropKeys.fileKey(xmlKey, fileName)),
                        file.sha256(), file.size(), fileName);
            });
            LOG.info(() -> "archived document " + drop.documentId() + " as entry " + created.entryId()
                    + " in case " + archivedCase.caseId() + " with " + created.files().size() + " file(s)");
            return created;
        } catch (RuntimeException e) {
            Throwable mismatch = e;
            while (mismatch != null && !(mismatch instanceof Sha256CheckingInputStream.DeclaredContentMismatch)) {
                mismatch = mismatch.getCause();
            }
            if (mismatch != null) {
                throw new DropRejectedException(xmlKey, "files.file.sha256", mismatch.getMessage());
            }
            // A write whose answer was lost may still land: the lock goes stale instead, so no twin is made meanwhile.
            release = !(e instanceof ArchiveOutcomeUnknownException);
            throw e;
        } finally {
            if (release) {
                waiting.locks().release(lock);
            }
        }
    }

    /** When the drop's XML arrived, or null when it is gone. */
    private Instant arrival(String xmlKey) {
        return store.describe(xmlKey).map(DropStore.StoredObject::lastModified).orElse(null);
    }

    private QuarantineReport report(String xmlKey, String field, String rule, int attempt, Instant firstSeen) {
        return new QuarantineReport(xmlKey, field, rule, firstSeen, waiting.clock().instant(), attempt,
                java.util.List.of());
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
            if (!Arrays.equals(store.readPrefix(key, PDF_MAGIC.length), PDF_MAGIC)) {
                throw new DropRejectedException(xmlKey, "files.file.name",
                        "file " + file.name() + " is not a PDF (it does not start with %PDF-)");
            }
        }
    }
}
