package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.application.port.PersonnelFiles;
import no.webcruiteresa.application.port.RecordedEntry;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.Hire;
import no.webcruiteresa.domain.InvalidDropException;
import no.webcruiteresa.domain.PersonnelFileRules;
import no.webcruiteresa.domain.PersonnelFileSettings;
import no.webcruiteresa.domain.RegistrationSettings;

/**
 * Use case: a hired applicant's application (with CV) and attachments are copied from the hiring case into the
 * employee's personnel file, which is created when it does not exist, and the application in the hiring case is
 * marked to be kept. Safe to repeat: the file, each copy and the mark are found by their references first.
 */
public class FileOnHire {
    private static final Logger LOG = Logger.getLogger(FileOnHire.class.getName());

    /** What one hire did, for the batch log: ids and counts only. */
    public record Result(String personnelFileId, boolean fileCreated, int entriesCopied, int entriesAlreadyThere) {
    }

    private final PersonnelFiles files;
    private final EntryArchive entries;
    private final RegistrationSettings registration;
    private final PersonnelFileSettings settings;
    private final PersonnelFileRules rules;
    private final CreationLocks locks;
    private final Duration staleLock;
    private final Clock clock;

    public FileOnHire(PersonnelFiles files, EntryArchive entries, RegistrationSettings registration,
                      PersonnelFileSettings settings, CreationLocks locks, Duration staleLock, Clock clock) {
        this.files = files;
        this.entries = entries;
        this.registration = registration;
        this.settings = settings;
        this.rules = new PersonnelFileRules(settings, registration);
        this.locks = locks;
        this.staleLock = staleLock;
        this.clock = clock;
    }

    public Result file(Hire hire) {
        String hiringCase = registration.caseReference(hire.caseNumber());
        List<Original> originals = new ArrayList<>();
        for (Hire.HiredDocument hired : hire.documents()) {
            RecordedEntry entry = files.readEntry(registration.entryReference(hired.documentId()))
                    // WebCruiter may announce the hire before the last document is archived: retried with backoff.
                    .orElseThrow(() -> new EntryNotArchivedYetException(hired.documentId()));
            if (entry.archivedCase() != null && !hiringCase.equals(entry.archivedCase().reference())) {
                throw new InvalidDropException(hired.form() == Form.APPLICATION ? "applicationDocumentId"
                        : "attachmentDocumentIds", "names a document of another posting ("
                        + entry.archivedCase().reference() + "), not of " + hiringCase);
            }
            originals.add(new Original(hired, entry));
        }
        boolean[] created = {false};
        ArchivedCase personnelFile = files.findFile(rules.fileReference(hire.employeeId()))
                .orElseGet(() -> {
                    created[0] = true;
                    return createFile(hire.employeeId());
                });
        int copied = 0;
        for (Original original : originals) {
            if (copy(original, hire.employeeId(), personnelFile)) {
                copied++;
            }
        }
        RecordedEntry application = originals.get(0).entry();
        keep(application, hire.applicationDocumentId());
        int copiedNow = copied;
        LOG.info(() -> "hire in posting " + hire.caseNumber() + ": personnel file " + personnelFile.caseId()
                + (created[0] ? " (new)" : "") + ", " + copiedNow + " entr(y/ies) copied, "
                + (originals.size() - copiedNow) + " already there; application entry " + application.entryId()
                + " kept");
        return new Result(personnelFile.caseId(), created[0], copied, originals.size() - copied);
    }

    /** Under a lock, and looking again once it is held: a hire of the same employee may be filing right now. */
    private ArchivedCase createFile(String employeeId) {
        return LockedWrite.run(locks, "personnel-file/" + employeeId, staleLock,
                "the personnel file of employee " + employeeId,
                () -> files.findFile(rules.fileReference(employeeId)).orElseGet(() -> {
                    ArchivedCase made = files.createFile(rules.fileFor(employeeId, LocalDate.now(clock)));
                    LOG.info(() -> "created personnel file " + made.caseId() + " for employee " + employeeId);
                    return made;
                }));
    }

    /** Under a lock: two deliveries of one hire at once would otherwise both find no kassasjon and add one each. */
    private void keep(RecordedEntry application, String documentId) {
        LockedWrite.run(locks, "entry/" + documentId + "/kassasjon", staleLock, "the kassasjon of document " + documentId,
                () -> {
                    files.keep(application, settings.keepDecision(), settings.keepLegalBasis());
                    return null;
                });
    }

    /** @return true when this call made (or completed) the copy, false when it was already whole */
    private boolean copy(Original original, String employeeId, ArchivedCase personnelFile) {
        RecordedEntry entry = original.entry();
        EntryRegistration copy = rules.copyOf(original.hired(), employeeId,
                entry.archivedCase() == null ? "?" : entry.archivedCase().caseId(),
                entry.documentDate() != null ? entry.documentDate() : LocalDate.now(clock),
                entry.documents().stream().map(d -> new PersonnelFileRules.CopiedDocument(d.number(), d.main(),
                        d.fileName(), d.mimeType(), d.size(), d.sha256())).toList());
        Optional<ArchivedEntry> existing = entries.findEntry(copy.reference());
        if (existing.isPresent() && complete(copy, existing.get())) {
            return false;
        }
        return LockedWrite.run(locks, "entry/" + original.hired().documentId() + "/personnel-file/" + employeeId,
                staleLock, "the personnel-file copy of document " + original.hired().documentId(), () -> {
                ArchivedEntry made = entries.archiveEntry(personnelFile, copy, fileName -> {
                    RecordedEntry.RecordedDocument document = entry.documents().stream()
                            .filter(d -> d.fileName().equals(fileName)).findFirst().orElseThrow();
                    // The archive's own bytes, checked against its own checksum on the way to the copy.
                    return new Sha256CheckingInputStream(files.openFile(document), document.sha256(), document.size(),
                            "document " + document.number() + " of entry " + entry.entryId());
                });
                if (!complete(copy, made)) {
                    throw new IllegalStateException("the personnel-file copy of document "
                            + original.hired().documentId() + " does not hold every file with the original's checksum");
                }
                return true;
            });
    }

    private static boolean complete(EntryRegistration copy, ArchivedEntry archived) {
        for (DocumentRegistration document : copy.documents()) {
            Optional<ArchivedEntry.ArchivedFile> file = archived.file(document.fileName());
            if (file.isEmpty() || !file.get().sha256().equalsIgnoreCase(document.sha256())
                    || file.get().size() != document.size()) {
                return false;
            }
        }
        return true;
    }

    private record Original(Hire.HiredDocument hired, RecordedEntry entry) {
    }

    /** The hired applicant's document is not in the archive yet; the message is retried. */
    public static final class EntryNotArchivedYetException extends RuntimeException {
        EntryNotArchivedYetException(String documentId) {
            super("document " + documentId + " is not archived yet");
        }
    }
}
