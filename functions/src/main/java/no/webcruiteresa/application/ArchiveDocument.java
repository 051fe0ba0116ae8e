package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.ArchivedNotices;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.RegistrationRules;

/**
 * Use case: archive one dropped WebCruiter document as a journalpost in its posting's case, then tell the next
 * step. Safe to repeat: an entry that already exists for the document is completed and verified, not remade, and
 * an XML uploaded again after its drop was archived and removed is recognised and removed again. A drop that
 * breaks the contract goes to quarantine (exactly its XML and the files it names); one whose files have not all
 * arrived is retried until the deadline, then quarantined. A file that arrives later is handed to
 * {@link ReuniteLateFile}.
 */
public class ArchiveDocument {
    private static final Logger LOG = Logger.getLogger(ArchiveDocument.class.getName());

    /** What became of one object announced on the intake queue. */
    public enum Outcome { ARCHIVED, ALREADY_ARCHIVED, ALREADY_REMOVED, QUARANTINED, RELEASED, IGNORED }

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
    private final ReuniteLateFile lateFiles;
    private final Metrics metrics;
    private final AtomicLong uploadedAgain = new AtomicLong();

    public ArchiveDocument(DropReader reader, DropStore store, EnsureCase ensureCase, EntryArchive entries,
                           RegistrationRules rules, ArchivedNotices notices, Quarantine quarantine, Waiting waiting,
                           Metrics metrics) {
        this.reader = reader;
        this.store = store;
        this.ensureCase = ensureCase;
        this.entries = entries;
        this.rules = rules;
        this.notices = notices;
        this.quarantine = quarantine;
        this.waiting = waiting;
        this.lateFiles = new ReuniteLateFile(store, quarantine);
        this.metrics = metrics;
    }

    /**
     * @param key     the created object: a drop's XML, or a file that may belong to a quarantined drop
     * @param attempt how many times this message has been delivered, for the quarantine report
     */
    public Outcome archive(String key, int attempt) {
        if (quarantine.isQuarantined(key)) {
            return Outcome.IGNORED;
        }
        if (!key.endsWith(DropKeys.XML_SUFFIX)) {
            return lateFiles.arrived(key);
        }
        Optional<DocumentDrop> drop;
        try {
            drop = reader.parse(key);
        } catch (DropRejectedException e) {
            // Unreadable: it names no files, so only the XML itself is moved.
            return quarantine(key, List.of(), e.field(), e.rule(), attempt, arrival(key));
        }
        if (drop.isEmpty()) {
            LOG.info(() -> "drop " + LogText.key(key) + " is already removed; nothing to archive");
            return Outcome.ALREADY_REMOVED;
        }
        List<String> fileKeys = drop.get().files().stream().map(f -> DropKeys.fileKey(key, f.name())).toList();
        try {
            DropKeys.requireInPlace(key, drop.get());
            return archiveOrThrow(key, drop.get());
        } catch (DropRejectedException e) {
            return quarantine(key, fileKeys, e.field(), e.rule(), attempt, arrival(key));
        } catch (DropIncompleteException e) {
            Instant arrived = arrival(key);
            if (arrived != null && arrived.plus(waiting.incompleteDeadline()).isBefore(waiting.clock().instant())) {
                quarantine(key, fileKeys, QuarantineReport.MISSING_FILES,
                        e.detail() + " within " + waiting.incompleteDeadline(), attempt, arrived);
                // A file that arrived while the drop was being moved found no report yet: look once more.
                return lateFiles.releaseIfComplete(key) ? Outcome.RELEASED : Outcome.QUARANTINED;
            }
            throw e;
        }
    }

    private Outcome archiveOrThrow(String xmlKey, DocumentDrop drop) {
        EntryRegistration registration;
        try {
            registration = rules.entryFor(drop);
        } catch (InvalidDropException e) {
            throw new DropRejectedException(xmlKey, e);
        }
        // The archive is asked first: a drop it already holds whole needs no files (WebCruiter re-uploads XML).
        Optional<ArchivedEntry> existing = entries.findEntry(registration.reference());
        existing.flatMap(found -> ArchiveReceipts.inOtherCase(drop, found, rules.caseReference(drop.posting())))
                .ifPresent(conflict -> {
                    throw new DropRejectedException(xmlKey, "documentId", conflict);
                });
        existing.flatMap(found -> ArchiveReceipts.contradiction(drop, found)).ifPresent(difference -> {
            throw new DropRejectedException(xmlKey, "documentId", "the archive already holds this document id"
                    + " with other content (" + difference + "): a re-used document id, or a damaged archive copy");
        });
        Optional<ArchivedEntry> whole = existing.filter(found -> ArchiveReceipts.isComplete(drop, found));
        if (whole.isPresent()) {
            boolean filesGone = ArrivedFiles.check(store, xmlKey, drop, false) == 0;
            notices.publish(new ArchivedNotice(xmlKey, drop.documentId(), whole.get().entryId()));
            if (filesGone) {
                LOG.info(() -> "drop " + LogText.key(xmlKey) + " was uploaded again after entry " + whole.get().entryId()
                        + " archived it; removing it again (" + uploadedAgain.incrementAndGet()
                        + " such upload(s) in this instance)");
                return Outcome.ALREADY_ARCHIVED;
            }
            return Outcome.ARCHIVED;
        }
        ArrivedFiles.check(store, xmlKey, drop, true);
        long started = System.nanoTime();
        ArchivedEntry entry = archiveEntry(xmlKey, drop, registration);
        ArchiveReceipts.requireComplete(drop, entry);
        metrics.documentArchived(drop.files().stream().mapToLong(DropFile::size).sum(),
                Duration.ofNanos(System.nanoTime() - started));
        notices.publish(new ArchivedNotice(xmlKey, drop.documentId(), entry.entryId()));
        return Outcome.ARCHIVED;
    }

    private ArchivedEntry archiveEntry(String xmlKey, DocumentDrop drop, EntryRegistration registration) {
        ArchivedCase archivedCase = ensureCase.ensure(drop.posting());
        return LockedWrite.run(waiting.locks(), LockNames.forEntry(drop.documentId()), waiting.staleLock(),
                "the entry for document " + drop.documentId(), () -> write(xmlKey, drop, registration, archivedCase));
    }

    /** A file whose bytes differ from the checksum the drop declared rejects the drop (quarantine), not the write. */
    private ArchivedEntry write(String xmlKey, DocumentDrop drop, EntryRegistration registration,
                                ArchivedCase archivedCase) {
        try {
            ArchivedEntry created = entries.archiveEntry(archivedCase, registration, fileName -> {
                DropFile file = declared(drop, fileName);
                return new Sha256CheckingInputStream(store.open(DropKeys.fileKey(xmlKey, fileName)),
                        file.sha256(), file.size(), LogText.file(drop, file));
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
            throw e;
        }
    }

    private Outcome quarantine(String xmlKey, List<String> fileKeys, String field, String rule, int attempt,
                               Instant firstSeen) {
        quarantine.quarantineDrop(xmlKey, fileKeys, new QuarantineReport(xmlKey, field, rule, firstSeen,
                waiting.clock().instant(), attempt, List.of()));
        metrics.quarantined(field);
        return Outcome.QUARANTINED;
    }

    /** When the drop's XML arrived, or null when it is gone. */
    private Instant arrival(String xmlKey) {
        return store.describe(xmlKey).map(DropStore.StoredObject::lastModified).orElse(null);
    }

    private static DropFile declared(DocumentDrop drop, String fileName) {
        return drop.files().stream().filter(file -> file.name().equals(fileName)).findFirst().orElseThrow();
    }
}
